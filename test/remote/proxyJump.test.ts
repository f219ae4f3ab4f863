/**
 * ProxyJump: the value's forms (pure), how hop names resolve against the
 * other hosts, and the real thing on loopback: host B reached only through
 * host A (two OpenSSH sshd, A allowed to forward to 127.0.0.1 only), the
 * jump host's key checked and asked about like any host's, a changed key on
 * the jump host or on the target refused, a jump host that is down or does
 * not answer reported within the connect timeout.
 */
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { after, before, test } from 'node:test';
import { HostConnectionManager, jumpChain } from '../../client/src/remote/hostConnectionManager';
import { knownHostsLine } from '../../client/src/remote/knownHosts';
import { describeJumps, parseProxyJump } from '../../client/src/remote/proxyJump';
import { readSshConfigHosts, sshConfigJumpResolver } from '../../client/src/remote/sshConfig';
import { parseHostSettings, settingEntry } from '../../client/src/views/hostSettings';
import type { HostConfig } from '../../client/src/remote/hostConfig';
import type { HostKeyQuestion, SshPrompts } from '../../client/src/remote/sshConnection';
import { sshdInstalled, startSilentHost, startSshHost, type SshHost } from '../helpers/sshTestbed';

test('parseProxyJump: one hop, a chain, user@host:port, IPv6, none; bad values say why', () => {
  const v = (t: string) => {
    const r = parseProxyJump(t);
    assert.ok(r.ok, t);
    return r.value;
  };
  assert.deepEqual(v('bastion'), [{ host: 'bastion' }]);
  assert.deepEqual(v('admin@gw.example:2222, jump2'), [{ host: 'gw.example', port: 2222, user: 'admin' }, { host: 'jump2' }]);
  assert.deepEqual(v('ssh://me@[2001:db8::1]:22'), [{ host: '2001:db8::1', port: 22, user: 'me' }]);
  assert.deepEqual(v('none'), []);
  assert.deepEqual(v(''), []);
  for (const bad of ['a b', 'host:99999', 'a,,b', 'x;touch', '$(id)@h', '-oProxyCommand=x']) {
    const r = parseProxyJump(bad);
    assert.equal(r.ok, false, bad);
    if (!r.ok) assert.match(r.error.message, /ProxyJump/);
  }
  assert.equal(describeJumps([{ host: 'gw', port: 2222, user: 'admin' }, { host: '::1' }]), 'admin@gw:2222,[::1]');
});

test('jumpChain: a hop named like another host takes its settings; a user or port in the hop wins', () => {
  const hosts: HostConfig[] = [
    { name: 'bastion', host: 'gw.example', port: 2200, user: 'ops', identityFile: '/k/ops' },
    { name: 'kvm', host: '10.0.0.5', proxyJump: 'bastion,root@other:23' },
    { name: 'kvm2', host: '10.0.0.6', proxyJump: 'me@bastion' },
    { name: 'bad', host: '10.0.0.7', proxyJump: 'a b' },
  ];
  const chain = (n: string) => jumpChain(hosts.find((h) => h.name === n)!, hosts);
  assert.deepEqual(chain('kvm'), { ok: true, value: [{ host: 'gw.example', port: 2200, user: 'ops', identityFile: '/k/ops' }, { host: 'other', port: 23, user: 'root' }] });
  assert.deepEqual(chain('kvm2'), { ok: true, value: [{ host: 'gw.example', port: 2200, user: 'me', identityFile: '/k/ops' }] });
  const bad = chain('bad');
  assert.ok(!bad.ok && /host "bad": ProxyJump "a b"/.test(bad.error.message));
  // Resolved chains (from ~/.ssh/config) are used as they are.
  assert.deepEqual(jumpChain({ name: 'x', host: 'h', proxyJump: 'bastion', jumpHosts: [{ host: 'j', user: 'u' }] }, hosts), { ok: true, value: [{ host: 'j', user: 'u' }] });
});

test('jumpChain: a jump host with its own ProxyJump is reached through it (configured hosts, then ~/.ssh/config names); loops refused', () => {
  const hosts: HostConfig[] = [
    { name: 'outer', host: 'gw0.example', user: 'o' },
    { name: 'bastion', host: 'gw.example', user: 'ops', proxyJump: 'outer' },
    { name: 'kvm', host: '10.0.0.5', proxyJump: 'bastion' },
    { name: 'via-config', host: '10.0.0.6', proxyJump: 'cfg-jump' },
    { name: 'l1', host: 'a', proxyJump: 'l2' },
    { name: 'l2', host: 'b', proxyJump: 'l1' },
  ];
  // A name no configured host has: resolved as ~/.ssh/config would (sshConfigJumpResolver), its own chain included.
  const fromConfig = (name: string) => (name === 'cfg-jump' ? { host: 'cj.example', user: 'cj', identityFile: '/k/cj', proxyJump: 'bastion' } : undefined);
  const chain = (n: string) => jumpChain(hosts.find((h) => h.name === n)!, hosts, fromConfig);
  assert.deepEqual(chain('kvm'), { ok: true, value: [{ host: 'gw0.example', user: 'o' }, { host: 'gw.example', user: 'ops' }] });
  assert.deepEqual(chain('via-config'), { ok: true, value: [{ host: 'gw0.example', user: 'o' }, { host: 'gw.example', user: 'ops' }, { host: 'cj.example', user: 'cj', identityFile: '/k/cj' }] });
  const loop = chain('l1');
  assert.ok(!loop.ok && /host "l1": ProxyJump loop: l1 → l2 → l1/.test(loop.error.message), JSON.stringify(loop));
  // Without the resolver the name is a DNS name, as before.
  assert.deepEqual(jumpChain(hosts[3], hosts), { ok: true, value: [{ host: 'cfg-jump' }] });
});

const skip = process.getuid?.() !== 0 || !sshdInstalled() ? 'needs root and openssh-server (scripts/setup-test-deps.sh)' : false;
let a: SshHost; // the jump host
let b: SshHost; // the target, reachable through a
let c: SshHost; // a jump host in front of a (nested ProxyJump)
let tmp: string;

before(async () => {
  if (skip) return;
  [a, b, c] = await Promise.all([startSshHost({ index: 6, libvirtd: false, jump: true }), startSshHost({ index: 7, libvirtd: false }), startSshHost({ index: 8, libvirtd: false, jump: true })]);
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'virtnet-jump-'));
});
after(async () => {
  await Promise.all([a?.stop(), b?.stop(), c?.stop()]);
  if (tmp) fs.rmSync(tmp, { recursive: true, force: true });
});

function knownHosts(lines: string[]): string {
  const f = path.join(tmp, `known_hosts-${Math.random().toString(36).slice(2)}`);
  fs.writeFileSync(f, lines.map((l) => `${l}\n`).join(''));
  return f;
}

const noPrompts: SshPrompts = {
  confirmHostKey: async () => assert.fail('must not ask about a host key'),
  askPassphrase: async () => assert.fail('must not ask for a passphrase'),
};

function manager(kh: string, prompts: SshPrompts = noPrompts, jump?: string, connectTimeoutMs = 10_000) {
  const m = new HostConnectionManager({ knownHostsFile: kh, prompts, connectTimeoutMs });
  m.setHosts([
    { name: 'bastion', host: a.host, port: a.port, user: a.user, identityFile: a.key },
    { name: 'kvm-b', host: b.host, port: b.port, user: b.user, identityFile: b.key, uri: 'test:///default', proxyJump: jump ?? 'bastion' },
  ]);
  return m;
}

const sshdLog = (h: SshHost) => fs.readFileSync(path.join(h.home, '..', 'sshd.log'), 'utf8');

test('host B through jump host A: the networks arrive, and A forwarded the connection', { skip }, async () => {
  const m = manager(knownHosts([a.knownHostsLine, b.knownHostsLine]));
  try {
    const r = await m.refresh('kvm-b');
    assert.ok(r.ok, r.ok ? '' : r.error.message);
    assert.deepEqual(r.value.map((n) => n.name), ['default']);
    // The only way configured to B goes through A: A saw the login.
    assert.match(sshdLog(a), new RegExp(`Accepted publickey for ${a.user} `));
    // The connection is reused: a second command needs no new login on A.
    const logins = (sshdLog(a).match(/Accepted publickey/g) ?? []).length;
    assert.ok((await m.refresh('kvm-b')).ok);
    assert.equal((sshdLog(a).match(/Accepted publickey/g) ?? []).length, logins);
  } finally {
    m.dispose();
  }
});

test("the jump host's unknown key is asked about with the same prompt, then recorded", { skip }, async () => {
  const asked: HostKeyQuestion[] = [];
  const kh = knownHosts([b.knownHostsLine]);
  const m = manager(kh, { ...noPrompts, confirmHostKey: async (q) => (asked.push(q), true) });
  try {
    const r = await m.refresh('kvm-b');
    assert.ok(r.ok, r.ok ? '' : r.error.message);
    assert.deepEqual(asked.map((q) => [q.host, q.port, q.keyType]), [[a.host, a.port, 'ssh-ed25519']]);
    assert.match(fs.readFileSync(kh, 'utf8'), new RegExp(`\\[127\\.0\\.0\\.1\\]:${a.port} ssh-ed25519 `));
  } finally {
    m.dispose();
  }
});

test('a changed key on the jump host is refused, and says it is the jump host', { skip }, async () => {
  // A's entry holds B's key: A now presents another one.
  const m = manager(knownHosts([knownHostsLine('127.0.0.1', a.port, b.hostKey), b.knownHostsLine]));
  try {
    const r = await m.refresh('kvm-b');
    assert.equal(r.ok, false);
    if (!r.ok) {
      assert.equal(r.error.kind, 'hostKey');
      assert.match(r.error.message, new RegExp(`host key of jump host \\[127\\.0\\.0\\.1\\]:${a.port} has CHANGED`));
    }
  } finally {
    m.dispose();
  }
});

test("the target's key is checked as usual behind the jump host", { skip }, async () => {
  const m = manager(knownHosts([a.knownHostsLine, knownHostsLine('127.0.0.1', b.port, a.hostKey)]));
  try {
    const r = await m.refresh('kvm-b');
    assert.equal(r.ok, false);
    if (!r.ok) {
      assert.equal(r.error.kind, 'hostKey');
      assert.match(r.error.message, new RegExp(`host key of \\[127\\.0\\.0\\.1\\]:${b.port} has CHANGED`));
    }
  } finally {
    m.dispose();
  }
});

test('a jump host that does not answer: a clear error within the connect timeout', { skip }, async () => {
  const silent = await startSilentHost();
  const m = manager(knownHosts([a.knownHostsLine, b.knownHostsLine]), noPrompts, `${a.user}@127.0.0.1:${silent.port}`, 2_000);
  try {
    const t0 = Date.now();
    const r = await m.refresh('kvm-b');
    const ms = Date.now() - t0;
    assert.equal(r.ok, false);
    if (!r.ok) {
      assert.equal(r.error.kind, 'timeout');
      assert.match(r.error.message, new RegExp(`jump host ${a.user}@127\\.0\\.0\\.1:${silent.port} did not complete the SSH login within 2 s`));
    }
    assert.ok(ms >= 1_900 && ms < 4_000, `${ms} ms`);
  } finally {
    m.dispose();
    silent.close();
  }
});

test('a jump host that is down: refused at once, named; B is reached again once A is back', { skip }, async () => {
  const m = manager(knownHosts([a.knownHostsLine, b.knownHostsLine]), noPrompts, undefined, 5_000);
  try {
    a.killSshd();
    const t0 = Date.now();
    const r = await m.refresh('kvm-b');
    assert.equal(r.ok, false);
    if (!r.ok) {
      assert.equal(r.error.kind, 'connect');
      assert.match(r.error.message, new RegExp(`cannot connect to jump host 127\\.0\\.0\\.1:${a.port}: .*ECONNREFUSED`));
    }
    assert.ok(Date.now() - t0 < 5_000);
    a.startSshd();
    const again = await m.refresh('kvm-b');
    assert.ok(again.ok, again.ok ? '' : again.error.message);
  } finally {
    m.dispose();
  }
});

test('killing the jump host mid-session drops the connection to B; the next command reconnects', { skip }, async () => {
  const m = manager(knownHosts([a.knownHostsLine, b.knownHostsLine]));
  try {
    assert.ok((await m.refresh('kvm-b')).ok);
    a.killSshd();
    const lost = await m.refresh('kvm-b');
    assert.equal(lost.ok, false);
    a.startSshd();
    const again = await m.refresh('kvm-b');
    assert.ok(again.ok, again.ok ? '' : again.error.message);
  } finally {
    m.dispose();
  }
});

test('the jump host cannot reach the target: the error says which hop failed and why', { skip }, async () => {
  const closed = await startSilentHost();
  const port = closed.port;
  closed.close(); // nothing listens there now
  const m = new HostConnectionManager({ knownHostsFile: knownHosts([a.knownHostsLine, b.knownHostsLine]), prompts: noPrompts, connectTimeoutMs: 5_000 });
  m.setHosts([
    { name: 'bastion', host: a.host, port: a.port, user: a.user, identityFile: a.key },
    { name: 'gone', host: '127.0.0.1', port, user: b.user, identityFile: b.key, uri: 'test:///default', proxyJump: 'bastion' },
  ]);
  try {
    const r = await m.refresh('gone');
    assert.equal(r.ok, false);
    if (!r.ok) {
      assert.equal(r.error.kind, 'connect');
      assert.match(r.error.message, new RegExp(`^jump host ${a.user}@127\\.0\\.0\\.1:${a.port} cannot reach 127\\.0\\.0\\.1:${port}: `));
    }
  } finally {
    m.dispose();
  }
});

test("a host imported from ~/.ssh/config behind a jump host: the jump host's IdentityFile from the config is used", { skip }, async () => {
  const config = path.join(tmp, 'ssh_config');
  fs.writeFileSync(
    config,
    `Host jump-a\n  HostName 127.0.0.1\n  Port ${a.port}\n  User ${a.user}\n  IdentityFile ${a.key}\n` +
      `Host kvm-b\n  HostName 127.0.0.1\n  Port ${b.port}\n  User ${b.user}\n  IdentityFile ${b.key}\n  ProxyJump jump-a\n`,
  );
  // Imported (the setting entry as written), read back from the setting, connected.
  const imported = readSshConfigHosts(config, { uri: 'test:///default' }).find((h) => h.name === 'kvm-b')!;
  const entry = settingEntry(imported);
  assert.equal(entry.proxyJump, 'jump-a');
  const parsed = parseHostSettings([entry]);
  assert.deepEqual(parsed.problems, []);
  const m = new HostConnectionManager({ knownHostsFile: knownHosts([a.knownHostsLine, b.knownHostsLine]), prompts: noPrompts, connectTimeoutMs: 10_000, resolveJumpHost: sshConfigJumpResolver(config) });
  try {
    m.setHosts(parsed.hosts);
    const before = (sshdLog(a).match(/Accepted publickey/g) ?? []).length;
    const r = await m.refresh('kvm-b');
    assert.ok(r.ok, r.ok ? '' : r.error.message);
    assert.equal((sshdLog(a).match(/Accepted publickey/g) ?? []).length, before + 1, 'the jump host accepted the key of the config');
  } finally {
    m.dispose();
  }
});

test('nested ProxyJump: B through A, and A through C: both jump hosts log a login', { skip }, async () => {
  const m = new HostConnectionManager({ knownHostsFile: knownHosts([a.knownHostsLine, b.knownHostsLine, c.knownHostsLine]), prompts: noPrompts, connectTimeoutMs: 10_000 });
  m.setHosts([
    { name: 'outer', host: c.host, port: c.port, user: c.user, identityFile: c.key },
    { name: 'bastion', host: a.host, port: a.port, user: a.user, identityFile: a.key, proxyJump: 'outer' },
    { name: 'kvm-b', host: b.host, port: b.port, user: b.user, identityFile: b.key, uri: 'test:///default', proxyJump: 'bastion' },
  ]);
  try {
    const count = (h: SshHost) => (sshdLog(h).match(/Accepted publickey/g) ?? []).length;
    const [ca, cc] = [count(a), count(c)];
    const r = await m.refresh('kvm-b');
    assert.ok(r.ok, r.ok ? '' : r.error.message);
    assert.equal(count(c), cc + 1, 'the outer jump host C saw a login');
    assert.equal(count(a), ca + 1, 'the jump host A saw a login');
  } finally {
    m.dispose();
  }
});
