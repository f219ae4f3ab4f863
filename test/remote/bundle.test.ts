/**
 * The remote layer bundles with esbuild the way scripts/build.mjs bundles the
 * extension (ssh2's optional natives, cpu-features and sshcrypto.node, left
 * external) and the bundle loads and runs in plain Node without them and
 * without `vscode`.
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { test } from 'node:test';
import * as esbuild from 'esbuild';

const root = path.resolve(__dirname, '..', '..');
const EXTERNAL = ['vscode', 'cpu-features', '*.node'];

test('scripts/build.mjs keeps vscode and ssh2 natives external', () => {
  const build = fs.readFileSync(path.join(root, 'scripts', 'build.mjs'), 'utf8');
  for (const e of EXTERNAL) assert.ok(build.includes(`'${e}'`), e);
});

test('the bundled remote layer loads without ssh2 natives and without vscode, and runs', async () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'virtnet-bundle-'));
  try {
    const out = path.join(dir, 'remote.js');
    await esbuild.build({ entryPoints: [path.join(root, 'client/src/remote/index.ts')], bundle: true, platform: 'node', target: 'node20', format: 'cjs', outfile: out, external: EXTERNAL, logLevel: 'error' });
    const text = fs.readFileSync(out, 'utf8');
    assert.ok(!/require\(["']vscode["']\)/.test(text), 'no vscode import');
    assert.match(text, /require\(["']cpu-features["']\)/, 'cpu-features stays a run-time optional require');
    const script = `
      const r = require(${JSON.stringify(out)});
      const c = new r.SshConnection({ host: '127.0.0.1', port: 1, username: 'x', agent: false, identityFiles: [] }, undefined, { knownHostsFile: '/nonexistent' });
      r.runVirsh(r.createLocalRunner(), 'test:///default', r.netListNames(), { timeoutMs: 20000 }).then(async (list) => {
        const ssh = await r.createSshRunner(c).run(['true'], { timeoutMs: 5000 });
        console.log(JSON.stringify({ list, ssh: ssh.ok ? 'ok' : ssh.error.kind }));
      });`;
    // From a folder without node_modules: only the bundle and Node's own modules are there.
    const r = spawnSync(process.execPath, ['-e', script], { cwd: dir, encoding: 'utf8', timeout: 60_000 });
    assert.equal(r.status, 0, r.stderr);
    const res = JSON.parse(r.stdout.trim().split('\n').pop() ?? '{}');
    if (spawnSync('sh', ['-c', 'command -v virsh']).status === 0) assert.deepEqual(res.list, { ok: true, value: ['default'] });
    assert.equal(res.ssh, 'connect', 'ssh2 runs (connection refused on port 1)');
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
});
