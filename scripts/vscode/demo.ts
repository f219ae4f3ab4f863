/**
 * The demo (`npm run demo`, after scripts/demo.sh has installed and built
 * what is missing): code-server on 127.0.0.1 with the packaged extension
 * (virtnet.vsix) installed, a fresh copy of examples/ as the workspace and
 * libvirt's `test:///default` driver as a host in the VirtNet view (it
 * needs no daemon and no root). Prints the URL; Ctrl+C stops everything.
 *
 *   VIRTNET_DEMO_PORT   port on 127.0.0.1 (default 8080; 0 = any free one)
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { ROOT, startCodeServer } from './codeServer';

const DEMO_HOSTS = [{ name: 'demo (test:///default)', local: true, uri: 'test:///default' }];

async function main(): Promise<void> {
  const vsix = path.join(ROOT, 'virtnet.vsix');
  if (!fs.existsSync(vsix)) throw new Error('virtnet.vsix is missing: run `npm run package` (scripts/demo.sh does)');
  const home = path.join(process.env.VIRTNET_CACHE ?? path.join(process.env.XDG_CACHE_HOME ?? path.join(os.homedir(), '.cache'), 'virtnet'), 'demo');
  const workspace = path.join(home, 'examples');
  fs.rmSync(workspace, { recursive: true, force: true });
  fs.cpSync(path.join(ROOT, 'examples'), workspace, { recursive: true });
  const server = await startCodeServer({
    dataDir: home,
    folder: workspace,
    port: Number(process.env.VIRTNET_DEMO_PORT ?? 8080),
    installExtensions: [vsix],
    // virtnet.hosts is a machine setting: VS Code ignores it in workspace settings.
    settings: { 'virtnet.hosts': DEMO_HOSTS, 'workbench.startupEditor': 'readme' },
  });
  let stopping = false;
  const stop = async () => {
    if (stopping) return;
    stopping = true;
    console.log('\nstopping code-server…');
    await server.stop();
    process.exit(0);
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
  console.log(`
VirtNet demo: VS Code (code-server 4.100.3) with the extension from virtnet.vsix

  Open   ${server.url}
         (from another machine: ssh -L ${server.port}:127.0.0.1:${server.port} THIS-HOST, then the same URL)
  Folder ${workspace}   (a fresh copy of examples/: two deliberate mistakes, see its README.md)
  Host   "demo (test:///default)" in virtnet.hosts (the VirtNet hosts view): libvirt's test driver, no daemon
  Stop   Ctrl+C here (or: kill -- -${server.pid})
  Logs   ${server.logFile}
`);
  // code-server runs detached (its own process group): keep this process alive for Ctrl+C.
  setInterval(() => undefined, 60_000);
}

main().catch((e) => {
  console.error(`demo: ${e instanceof Error ? e.message : e}`);
  process.exit(1);
});
