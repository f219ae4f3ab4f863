/**
 * The demo (`npm run demo`, after scripts/demo.sh has installed and built
 * what is missing): code-server on 127.0.0.1 with the packaged extension
 * (virtnet.vsix) installed, a fresh copy of examples/ as the workspace and
 * libvirt's `test:///default` driver as a host in the VirtNet view (it
 * needs no daemon and no root). Where the machine allows it (root, sshd and
 * libvirtd installed) it also starts the sandboxed SSH test host of the
 * tests (test/helpers/sshTestbed.ts: sshd on 127.0.0.1 in front of a private
 * libvirtd in its own network namespace) and adds it as a second host;
 * code-server then runs with a private HOME whose ~/.ssh/known_hosts holds
 * that host's key. Prints what it did and the URL; Ctrl+C stops everything.
 *
 *   VIRTNET_DEMO_PORT   port on 127.0.0.1 (default 8080; 0 = any free one)
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { sshdInstalled, startSshHost, type SshHost } from '../../test/helpers/sshTestbed';
import { ROOT, startCodeServer } from './codeServer';

const DEMO_HOSTS: Record<string, unknown>[] = [{ name: 'demo (test:///default)', local: true, uri: 'test:///default' }];
const SSH_HOST_NAME = 'lab (SSH test host)';

/** The sandboxed SSH test host, when this machine allows it; else why not. */
async function sshTestHost(): Promise<{ host?: SshHost; note: string }> {
  if (process.getuid?.() !== 0) return { note: 'not started: it needs root (a private libvirtd in a network namespace)' };
  if (!sshdInstalled()) return { note: 'not started: sshd (openssh-server) is not installed' };
  if (!fs.existsSync('/usr/sbin/libvirtd')) return { note: 'not started: libvirtd (libvirt-daemon-system) is not installed' };
  try {
    return { host: await startSshHost(), note: '' };
  } catch (e) {
    return { note: `not started: ${e instanceof Error ? e.message.split('\n')[0] : String(e)}` };
  }
}

async function main(): Promise<void> {
  const vsix = path.join(ROOT, 'virtnet.vsix');
  if (!fs.existsSync(vsix)) throw new Error('virtnet.vsix is missing: run `npm run package` (scripts/demo.sh does)');
  const home = path.join(process.env.VIRTNET_CACHE ?? path.join(process.env.XDG_CACHE_HOME ?? path.join(os.homedir(), '.cache'), 'virtnet'), 'demo');
  const workspace = path.join(home, 'examples');
  fs.rmSync(workspace, { recursive: true, force: true });
  fs.cpSync(path.join(ROOT, 'examples'), workspace, { recursive: true });
  console.log('demo: starting the sandboxed SSH test host (sshd on 127.0.0.1 + a private libvirtd)…');
  const ssh = await sshTestHost();
  const hosts = [...DEMO_HOSTS];
  const env: NodeJS.ProcessEnv = {};
  let sshLine = `Host   "${SSH_HOST_NAME}": ${ssh.note}`;
  if (ssh.host) {
    const h = ssh.host;
    hosts.push({ name: SSH_HOST_NAME, host: h.host, port: h.port, user: h.user, identityFile: h.key });
    // Its host key is known in advance: a private HOME whose known_hosts has it (your own ~/.ssh is not touched).
    const fakeHome = path.join(home, 'home');
    fs.mkdirSync(path.join(fakeHome, '.ssh'), { recursive: true, mode: 0o700 });
    fs.writeFileSync(path.join(fakeHome, '.ssh', 'known_hosts'), `${h.knownHostsLine}\n`);
    env.HOME = fakeHome;
    sshLine = `Host   "${SSH_HOST_NAME}": ${h.user}@127.0.0.1:${h.port}, qemu:///system of a private libvirtd in its own network namespace
         (code-server runs with HOME=${fakeHome}; its ~/.ssh/known_hosts holds this host's key)`;
  }
  const server = await startCodeServer({
    dataDir: home,
    folder: workspace,
    port: Number(process.env.VIRTNET_DEMO_PORT ?? 8080),
    installExtensions: [vsix],
    // virtnet.hosts is a machine setting: VS Code ignores it in workspace settings.
    settings: { 'virtnet.hosts': hosts, 'workbench.startupEditor': 'readme' },
    env,
  }).catch(async (e: unknown) => {
    await ssh.host?.stop();
    throw e;
  });
  let stopping = false;
  const stop = async () => {
    if (stopping) return;
    stopping = true;
    console.log('\nstopping code-server…');
    await server.stop();
    await ssh.host?.stop();
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
  ${sshLine}
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
