/**
 * The local runner (child_process, no shell) with the real virsh on the test
 * driver (`test:///default`, no daemon). The test driver's state lives for
 * one connection, so the define → … → undefine flow is one batch here; the
 * same flow across invocations runs against a real libvirtd over SSH
 * (sshRemote.test.ts).
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { test } from 'node:test';
import { fetchNetworks } from '../../client/src/remote/hostNetworks';
import { createLocalRunner } from '../../client/src/remote/localRunner';
import { netAutostart, netDefine, netDestroy, netDumpXml, netInfo, netListNames, netStart, netUndefine } from '../../client/src/remote/virsh';
import { batch } from '../../client/src/remote/virshBatch';
import { runVirsh } from '../../client/src/remote/virshCommand';

const haveVirsh = spawnSync('sh', ['-c', 'command -v virsh'], { stdio: 'ignore' }).status === 0;
const URI = 'test:///default';
const opts = { timeoutMs: 30_000 };

test('fetchNetworks on the test driver: the default network with state and subnet', { skip: !haveVirsh }, async () => {
  const r = await fetchNetworks(createLocalRunner(), URI, opts);
  assert.ok(r.ok, r.ok ? '' : r.error.message);
  if (!r.ok) return;
  assert.equal(r.value.length, 1);
  const [n] = r.value;
  assert.equal(n.name, 'default');
  assert.equal(n.active, true);
  assert.equal(n.persistent, true);
  assert.equal(n.bridge, 'virbr0');
  assert.equal(n.forwardMode, 'nat');
  assert.deepEqual(n.ips.map((i) => i.subnet), ['192.168.122.0/24']);
  assert.equal(n.error, undefined);
});

test('define (stdin) → start → autostart → dumpxml → destroy → autostart off → undefine, hostile name, one batch', { skip: !haveVirsh }, async () => {
  const name = `x;touch pwned $(id) 'q' "d" ünï`;
  const xmlName = name.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/"/g, '&quot;');
  const xml = `<network><name>${xmlName}</name><bridge name='vn-test0'/><ip address='10.99.0.1' prefix='24'/></network>`;
  const cwd = fs.mkdtempSync(path.join(os.tmpdir(), 'virtnet-local-'));
  const prev = process.cwd();
  process.chdir(cwd);
  try {
    const r = await runVirsh(
      createLocalRunner(),
      URI,
      batch([netDefine(xml), netStart(name), netAutostart(name, true), netInfo(name), netDumpXml(name), netDestroy(name), netAutostart(name, false), netInfo(name), netUndefine(name), netListNames()]),
      opts,
    );
    assert.ok(r.ok, r.ok ? '' : r.error.message);
    if (!r.ok) return;
    const failed = r.value.flatMap((x, i) => (x.ok ? [] : [`${i}: ${x.error.message}`]));
    assert.deepEqual(failed, []);
    const v = r.value.map((x) => (x.ok ? x.value : undefined));
    assert.match(String(v[0]), /defined from \/dev\/stdin/);
    assert.deepEqual(v[3], { name, uuid: (v[3] as { uuid: string }).uuid, active: true, persistent: true, autostart: true, bridge: 'vn-test0' });
    assert.equal((v[4] as { name: string }).name, name);
    assert.equal((v[4] as { forwardMode?: string }).forwardMode, undefined);
    assert.equal((v[7] as { active: boolean }).active, false);
    assert.equal((v[7] as { autostart: boolean }).autostart, false);
    assert.deepEqual(v[9], ['default']);
    assert.deepEqual(fs.readdirSync(cwd), [], 'nothing executed');
  } finally {
    process.chdir(prev);
    fs.rmSync(cwd, { recursive: true, force: true });
  }
});

test("libvirt's own error reaches the caller (define with a bad XML)", { skip: !haveVirsh }, async () => {
  const r = await runVirsh(createLocalRunner(), URI, netDefine('<network><name>a/b</name></network>'), opts);
  assert.equal(r.ok, false);
  if (!r.ok) {
    assert.equal(r.error.kind, 'command');
    assert.match(r.error.message, /Failed to define network from \/dev\/stdin/);
    assert.match(r.error.stderr, /^error: /m);
  }
});

test('a bad URI gives virsh\'s connection error', { skip: !haveVirsh }, async () => {
  const r = await runVirsh(createLocalRunner(), 'qemu+unix:///system?socket=/nonexistent/sock', netListNames(), opts);
  assert.equal(r.ok, false);
  if (!r.ok) assert.match(r.error.message, /failed to connect to the hypervisor/);
});

test('timeouts, missing programs and NUL are errors as values', async () => {
  const runner = createLocalRunner();
  const slow = await runner.run(['sleep', '30'], { timeoutMs: 100 });
  assert.equal(slow.ok, false);
  if (!slow.ok) assert.equal(slow.error.kind, 'timeout');
  const missing = await runner.run(['/nonexistent/virtnet-no-such-program'], { timeoutMs: 5_000 });
  assert.equal(missing.ok, false);
  if (!missing.ok) assert.match(missing.error.message, /ENOENT/);
  const nul = await runner.run(['echo', 'a\0b'], { timeoutMs: 5_000 });
  assert.equal(nul.ok, false);
  const echo = await runner.run(['cat'], { stdin: 'ünï\n', timeoutMs: 5_000 });
  assert.deepEqual(echo, { ok: true, value: { stdout: 'ünï\n', stderr: '', code: 0 } });
});
