/**
 * "Define this network on hosts A and B" (client/src/commands/multiHostDefine.ts)
 * against real hosts: two real sshd + libvirtd test hosts, and a third
 * entry whose libvirtd is not there (same sshd, a socket that does not
 * exist). Each host gets its own outcome; the file's errors are asked
 * about once; declining them defines nothing anywhere.
 */
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { after, before, test } from 'node:test';
import { defineOnHosts } from '../../client/src/commands/multiHostDefine';
import { DEFINE_ANYWAY, type CheckResult, type FlowHost } from '../../client/src/commands/networkFlows';
import { HostConnectionManager, netListNames, netUndefine, type Result } from '../../client/src/remote';
import { sshdInstalled, startSshHost, type SshHost } from '../helpers/sshTestbed';

const skip = process.getuid?.() !== 0 || !sshdInstalled() ? 'needs root and openssh-server (scripts/setup-test-deps.sh)' : false;
let a: SshHost;
let b: SshHost;
let tmp: string;
let m: HostConnectionManager;

before(async () => {
  if (skip) return;
  [a, b] = [await startSshHost({ index: 7 }), await startSshHost({ index: 8 })];
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'virtnet-multidef-'));
  const kh = path.join(tmp, 'known_hosts');
  fs.writeFileSync(kh, `${a.knownHostsLine}\n${b.knownHostsLine}\n`);
  m = new HostConnectionManager({ knownHostsFile: kh });
  const ssh = (h: SshHost) => ({ host: h.host, port: h.port, user: h.user, identityFile: h.key });
  m.setHosts([
    { name: 'A', ...ssh(a) },
    { name: 'B', ...ssh(b) },
    { name: 'C', ...ssh(a), uri: 'qemu+unix:///system?socket=/nonexistent/libvirt-sock' },
  ]);
});
after(async () => {
  m?.dispose();
  await a?.stop();
  await b?.stop();
  if (tmp) fs.rmSync(tmp, { recursive: true, force: true });
});

function value<T>(r: Result<T>): T {
  if (!r.ok) assert.fail(`${r.error.kind}: ${r.error.message}\n${r.error.stderr}`);
  return r.value;
}

function hosts(names: string[], answers: (string | undefined)[]) {
  const asked: string[] = [];
  const fh = names.map(
    (host): FlowHost => ({
      host,
      config: m.host(host)!.config,
      run: (c) => m.run(host, c),
      ui: {
        ask: async (message) => {
          asked.push(`${host}: ${message}`);
          return answers.shift();
        },
        progress: (_t, task) => task(),
      },
    }),
  );
  return { fh, asked };
}

const XML = `<network>\n  <name>multi-net</name>\n  <bridge name='vn-multi'/>\n</network>\n`;
const clean: CheckResult = { kind: 'libvirt-network', diagnostics: [] };
const withError: CheckResult = { kind: 'libvirt-network', diagnostics: [{ severity: 1, message: 'bad', code: 'x', range: { start: { line: 1 } } }] };

test('defined on A and B, failed on C with libvirt\'s words; one report line per host', { skip }, async () => {
  let checks = 0;
  const { fh, asked } = hosts(['A', 'B', 'C'], []);
  const r = await defineOnHosts(fh, { xml: XML, source: 'multi.xml', start: false, check: async () => (checks++, clean) });
  assert.equal(checks, 1, 'the file is checked once');
  assert.deepEqual(asked, []);
  assert.deepEqual(r.perHost.map((p) => [p.host, p.outcome.status]), [['A', 'done'], ['B', 'done'], ['C', 'failed']]);
  assert.match((r.perHost[2].outcome as { message: string }).message, /Failed to connect socket to '\/nonexistent\/libvirt-sock'/);
  assert.equal(r.status, 'failed');
  assert.equal(r.summary, 'multi.xml: defined on A, B; failed on C.');
  assert.ok(value(await m.run('A', netListNames('all'))).includes('multi-net'));
  assert.ok(value(await m.run('B', netListNames('all'))).includes('multi-net'));
  value(await m.run('A', netUndefine('multi-net')));
  value(await m.run('B', netUndefine('multi-net')));
});

test('errors in the file: asked once; declining defines nothing anywhere, accepting defines everywhere', { skip }, async () => {
  const no = hosts(['A', 'B'], [undefined]);
  const r1 = await defineOnHosts(no.fh, { xml: XML, source: 'multi.xml', start: false, check: async () => withError });
  assert.equal(r1.status, 'cancelled');
  assert.equal(no.asked.length, 1);
  assert.ok(!value(await m.run('A', netListNames('all'))).includes('multi-net'));
  assert.ok(!value(await m.run('B', netListNames('all'))).includes('multi-net'));
  const yes = hosts(['A', 'B'], [DEFINE_ANYWAY]);
  const r2 = await defineOnHosts(yes.fh, { xml: XML, source: 'multi.xml', start: false, check: async () => withError });
  assert.deepEqual(yes.asked, ['A: multi.xml has 1 error. Define it on A anyway?']);
  assert.equal(r2.status, 'done', r2.summary);
  assert.equal(r2.summary, 'multi.xml: defined on A, B.');
});
