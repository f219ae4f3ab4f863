/**
 * Several hosts in one HostConnectionManager: a host that does not answer
 * fails on its own within its connect timeout while another host (a real
 * sshd, running virsh on the test driver: `test:///default` over SSH, no
 * daemon) answers meanwhile; each host's state and change events are its own.
 */
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { after, before, test } from 'node:test';
import { HostConnectionManager } from '../../client/src/remote/hostConnectionManager';
import { sshdInstalled, startSilentHost, startSshHost, type SshHost } from '../helpers/sshTestbed';

const skip = process.getuid?.() !== 0 || !sshdInstalled() ? 'needs root and openssh-server (scripts/setup-test-deps.sh)' : false;
let host: SshHost;
let silent: { port: number; close(): void } | undefined;
let tmp: string;

before(async () => {
  if (skip) return;
  host = await startSshHost({ index: 2, libvirtd: false });
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'virtnet-multi-'));
  silent = await startSilentHost(); // a hung host
});
after(async () => {
  silent?.close();
  await host?.stop();
  if (tmp) fs.rmSync(tmp, { recursive: true, force: true });
});

test('a host that does not answer fails alone, within its timeout; the other host is served meanwhile', { skip }, async () => {
  const kh = path.join(tmp, 'known_hosts');
  fs.writeFileSync(kh, `${host.knownHostsLine}\n`);
  const m = new HostConnectionManager({
    knownHostsFile: kh,
    connectTimeoutMs: 3_000,
    prompts: { confirmHostKey: async () => false, askPassphrase: async () => undefined },
  });
  const events: string[] = [];
  m.onDidChange((name) => events.push(name));
  m.setHosts([
    { name: 'hung', host: '127.0.0.1', port: silent!.port, user: 'nobody' },
    { name: 'good', host: host.host, port: host.port, user: host.user, identityFile: host.key, uri: 'test:///default' },
  ]);
  try {
    const order: string[] = [];
    const hung = m.refresh('hung').then((r) => (order.push('hung'), r));
    const good = m.refresh('good').then((r) => (order.push('good'), r));
    const g = await good;
    assert.ok(g.ok, g.ok ? '' : g.error.message);
    assert.deepEqual(g.value.map((n) => [n.name, n.active, n.bridge]), [['default', true, 'virbr0']]);
    assert.equal(m.host('hung')?.status, 'loading', 'the hung host is still trying');
    const h = await hung;
    assert.deepEqual(order, ['good', 'hung']);
    assert.equal(h.ok, false);
    if (!h.ok) {
      assert.equal(h.error.kind, 'timeout');
      assert.match(h.error.message, /did not complete the SSH login within 3 s/);
    }
    assert.equal(m.host('hung')?.status, 'error');
    assert.equal(m.host('good')?.status, 'ready');
    assert.ok(events.includes('hung') && events.includes('good'));
    // Hosts removed from the list are forgotten.
    m.setHosts([{ name: 'good', host: host.host, port: host.port, user: host.user, identityFile: host.key, uri: 'test:///default' }]);
    assert.deepEqual(m.hosts().map((s) => s.config.name), ['good']);
    assert.equal(m.host('good')?.status, 'ready', 'an unchanged host keeps its state');
  } finally {
    m.dispose();
  }
});

test('concurrent refreshes of one host share one fetch', { skip }, async () => {
  const kh = path.join(tmp, 'known_hosts2');
  fs.writeFileSync(kh, `${host.knownHostsLine}\n`);
  const commands: string[] = [];
  const m = new HostConnectionManager({ knownHostsFile: kh, log: (e) => commands.push(e.argv.join(' ')) });
  m.setHosts([{ name: 'good', host: host.host, port: host.port, user: host.user, identityFile: host.key, uri: 'test:///default' }]);
  try {
    const [a, b] = await Promise.all([m.refresh('good'), m.refresh('good')]);
    assert.ok(a.ok && b.ok);
    assert.equal(commands.length, 2, `two round trips in all:\n${commands.join('\n')}`);
  } finally {
    m.dispose();
  }
});
