/**
 * Many hosts: HostConnectionManager reads at most `maxConcurrentRefreshes`
 * hosts at once; the others wait (`queued`, shown by the tree) and all
 * finish. Real virsh on this machine with its test driver (no daemon, no
 * network), twelve hosts. A host that never answers (a loopback port that
 * accepts TCP and never sends the SSH banner) waits out its connect timeout
 * without holding a read slot.
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { test } from 'node:test';
import { HostConnectionManager } from '../../client/src/remote';
import { startSilentHost } from '../helpers/sshTestbed';

const skip = spawnSync('sh', ['-c', 'command -v virsh'], { stdio: 'ignore' }).status !== 0 ? 'needs virsh (libvirt-clients)' : false;

test('twelve hosts refreshed together: never more than the limit at once, the rest queued, all ready', { skip }, async () => {
  const m = new HostConnectionManager({ maxConcurrentRefreshes: 3 });
  const names = Array.from({ length: 12 }, (_, i) => `h${i}`);
  m.setHosts(names.map((name) => ({ name, local: true, uri: 'test:///default' })));
  let max = 0;
  const queuedSeen = new Set<string>();
  const sub = m.onDidChange((n) => {
    max = Math.max(max, m.refreshesRunning());
    if (m.host(n)?.queued) queuedSeen.add(n);
  });
  try {
    const all = Promise.all(names.map((n) => m.refresh(n)));
    assert.equal(m.refreshesRunning(), 3);
    assert.deepEqual(names.map((n) => m.host(n)?.queued ?? false), [false, false, false, ...Array(9).fill(true)]);
    assert.ok(names.every((n) => m.host(n)?.status === 'loading'));
    const results = await all;
    assert.ok(results.every((r) => r.ok));
    assert.ok(max <= 3, `at most 3 at once, saw ${max}`);
    assert.equal(queuedSeen.size, 9);
    assert.ok(names.every((n) => m.host(n)?.status === 'ready' && !m.host(n)?.queued));
    assert.equal(m.refreshesRunning(), 0);
    // A second refresh of a host already waiting shares the first.
    const a = m.refresh('h0');
    assert.equal(m.refresh('h0'), a);
    await a;
  } finally {
    sub.dispose();
    m.dispose();
  }
});

test('a host removed while it waits is never contacted; the default limit is 4', { skip }, async () => {
  const log: string[] = [];
  const m = new HostConnectionManager({ log: (e) => log.push(e.host) });
  const names = Array.from({ length: 6 }, (_, i) => `h${i}`);
  m.setHosts(names.map((name) => ({ name, local: true, uri: 'test:///default' })));
  try {
    const all = Promise.all(names.map((n) => m.refresh(n)));
    assert.equal(m.refreshesRunning(), 4);
    m.setHosts(names.slice(0, 5).map((name) => ({ name, local: true, uri: 'test:///default' })));
    const results = await all;
    assert.equal(results[5].ok, false);
    assert.ok(!log.includes('h5'), 'the removed host ran nothing');
    assert.equal(m.refreshesRunning(), 0);
  } finally {
    m.dispose();
  }
});

test('a host that never answers does not hold a read slot: the host queued behind it is read while it still connects', { skip }, async () => {
  const silent = await startSilentHost();
  const m = new HostConnectionManager({ maxConcurrentRefreshes: 1, connectTimeoutMs: 4_000, prompts: { confirmHostKey: async () => false, askPassphrase: async () => undefined } });
  m.setHosts([
    { name: 'silent', host: '127.0.0.1', port: silent.port, user: 'nobody' },
    { name: 'local', local: true, uri: 'test:///default' },
  ]);
  try {
    const t0 = Date.now();
    const hung = m.refresh('silent');
    assert.equal(m.connectsRunning(), 1);
    assert.equal(m.refreshesRunning(), 0, 'connecting holds no read slot');
    const r = await m.refresh('local');
    const ms = Date.now() - t0;
    assert.ok(r.ok);
    assert.ok(ms < 3_000, `the local host was read after ${ms} ms, not after the silent host's 4 s connect timeout`);
    assert.equal(m.host('silent')?.status, 'loading');
    assert.equal(m.host('silent')?.connection, 'connecting');
    const h = await hung;
    assert.equal(h.ok, false);
    if (!h.ok) assert.match(h.error.message, /did not complete the SSH login within 4 s/);
    assert.equal(m.connectsRunning() + m.refreshesRunning(), 0);
  } finally {
    m.dispose();
    silent.close();
  }
});
