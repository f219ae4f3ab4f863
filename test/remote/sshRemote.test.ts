/**
 * The remote layer end to end against real components: OpenSSH's sshd on
 * 127.0.0.1 in front of a private libvirtd in its own network namespace
 * (scripts/testbed/sshd.sh, libvirtd.sh), reached with ssh2, running the
 * unmodified `virsh -c qemu:///system` as a user in group libvirt.
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { after, before, test } from 'node:test';
import { HostConnectionManager } from '../../client/src/remote/hostConnectionManager';
import { fingerprint } from '../../client/src/remote/knownHosts';
import { defineAndStart } from '../../client/src/remote/networkActions';
import type { Result } from '../../client/src/remote/result';
import { SshConnection, type HostKeyQuestion, type SshPrompts } from '../../client/src/remote/sshConnection';
import { createSshRunner } from '../../client/src/remote/sshRunner';
import { netAutostart, netDefine, netDestroy, netDumpXml, netInfo, netListNames, netStart, netUndefine, netUuid } from '../../client/src/remote/virsh';
import { batch } from '../../client/src/remote/virshBatch';
import { runVirsh } from '../../client/src/remote/virshCommand';
import { HOSTILE } from './hostileNames';
import { sshdInstalled, startSshHost, type SshHost } from '../helpers/sshTestbed';

const skip = process.getuid?.() !== 0 || !sshdInstalled() ? 'needs root and openssh-server (scripts/setup-test-deps.sh)' : false;
let host: SshHost;
let tmp: string;

before(async () => {
  if (skip) return;
  host = await startSshHost({ index: 1 });
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'virtnet-ssh-test-'));
});
after(async () => {
  await host?.stop();
  if (tmp) fs.rmSync(tmp, { recursive: true, force: true });
});

/** A known_hosts file that trusts the test host. */
function trustedKnownHosts(): string {
  const f = path.join(tmp, `known_hosts-${Math.random().toString(36).slice(2)}`);
  fs.writeFileSync(f, `${host.knownHostsLine}\n`);
  return f;
}

const noPrompts: SshPrompts = {
  confirmHostKey: async () => assert.fail('must not ask about the host key'),
  askPassphrase: async () => assert.fail('must not ask for a passphrase'),
};

function connection(options: { knownHostsFile?: string; prompts?: SshPrompts; identityFiles?: string[]; agent?: string | false } = {}) {
  return new SshConnection(
    { host: host.host, port: host.port, username: host.user, identityFiles: options.identityFiles ?? [host.key], agent: options.agent ?? false },
    options.prompts ?? noPrompts,
    { knownHostsFile: options.knownHostsFile ?? trustedKnownHosts(), connectTimeoutMs: 20_000 },
  );
}

function manager() {
  const log: string[] = [];
  const m = new HostConnectionManager({ knownHostsFile: trustedKnownHosts(), prompts: noPrompts, log: (e) => log.push(`${e.host} ${e.argv.join(' ')} ${e.code}`) });
  m.setHosts([{ name: 'kvm-test', host: host.host, port: host.port, user: host.user, identityFile: host.key }]);
  return { m, log };
}

function value<T>(r: Result<T>): T {
  if (!r.ok) assert.fail(`${r.error.kind}: ${r.error.message}\n${r.error.stderr}`);
  return r.value;
}

const ISOLATED = (name: string, octet: number) => `<network>
  <name>${name}</name>
  <bridge name='vn-iso${octet}'/>
  <ip address='10.${octet}.0.1' prefix='24'>
    <dhcp><range start='10.${octet}.0.10' end='10.${octet}.0.50'/></dhcp>
  </ip>
</network>`;

test('unknown host key: asked with the OpenSSH fingerprint; refused → not connected; accepted → recorded, not asked again', { skip }, async () => {
  const kh = path.join(tmp, 'empty_known_hosts');
  const asked: HostKeyQuestion[] = [];
  const refuse = connection({ knownHostsFile: kh, prompts: { ...noPrompts, confirmHostKey: async (q) => (asked.push(q), false) } });
  const r1 = await createSshRunner(refuse).run(['true'], { timeoutMs: 20_000 });
  refuse.dispose();
  assert.equal(r1.ok, false);
  if (!r1.ok) {
    assert.equal(r1.error.kind, 'hostKey');
    assert.match(r1.error.message, /was not trusted/);
  }
  assert.deepEqual(asked, [{ host: '127.0.0.1', port: host.port, keyType: 'ssh-ed25519', fingerprint: fingerprint(host.hostKey) }]);
  assert.equal(fs.existsSync(kh), false, 'nothing recorded');

  const accept = connection({ knownHostsFile: kh, prompts: { ...noPrompts, confirmHostKey: async (q) => (asked.push(q), true) } });
  assert.equal(value(await createSshRunner(accept).run(['true'], { timeoutMs: 20_000 })).code, 0);
  accept.dispose();
  assert.equal(asked.length, 2);
  assert.equal(fs.readFileSync(kh, 'utf8'), `${host.knownHostsLine}\n`);

  const again = connection({ knownHostsFile: kh });
  assert.equal(value(await createSshRunner(again).run(['true'], { timeoutMs: 20_000 })).code, 0);
  again.dispose();
});

test('changed host key: refused with a message that says so, never asked', { skip }, async () => {
  const kh = path.join(tmp, 'changed_known_hosts');
  // Another ed25519 key under this host's name.
  const other = fs.readFileSync(`${host.key}.pub`, 'utf8').trim().split(/\s+/).slice(0, 2).join(' ');
  fs.writeFileSync(kh, `# old entry\n[127.0.0.1]:${host.port} ${other}\n`);
  const c = connection({ knownHostsFile: kh });
  const r = await createSshRunner(c).run(['touch', 'changed-key-ran'], { timeoutMs: 20_000 });
  c.dispose();
  assert.equal(r.ok, false);
  if (!r.ok) {
    assert.equal(r.error.kind, 'hostKey');
    assert.match(r.error.message, /has CHANGED/);
    assert.match(r.error.message, new RegExp(`${fingerprint(host.hostKey).replace(/[+/]/g, '\\$&')}`));
    assert.match(r.error.message, /line 2/);
  }
  assert.equal(fs.existsSync(path.join(host.home, 'changed-key-ran')), false);
});

test('passphrase-protected key: asked once, parsed once, reused by the next connection; wrong passphrase is a clear error', { skip }, async () => {
  let asked = 0;
  const wrong = connection({ identityFiles: [host.keyWithPassphrase], prompts: { ...noPrompts, askPassphrase: async () => (asked++, 'not-the-passphrase') } });
  const r = await createSshRunner(wrong).run(['true'], { timeoutMs: 20_000 });
  wrong.dispose();
  assert.equal(r.ok, false);
  if (!r.ok) {
    assert.equal(r.error.kind, 'auth');
    assert.match(r.error.message, /wrong passphrase for .*id_ed25519_pass/);
  }
  assert.equal(asked, 1);

  const { KeyCache } = await import('../../client/src/remote/sshAuth');
  const keyCache = new KeyCache();
  let asks = 0;
  const prompts = { ...noPrompts, askPassphrase: async () => (asks++, host.passphrase) };
  for (let i = 0; i < 2; i++) {
    const c = new SshConnection({ host: host.host, port: host.port, username: host.user, identityFiles: [host.keyWithPassphrase], agent: false }, prompts, {
      knownHostsFile: trustedKnownHosts(),
      keyCache,
    });
    assert.equal(value(await createSshRunner(c).run(['true'], { timeoutMs: 20_000 })).code, 0);
    c.dispose();
  }
  assert.equal(asks, 1);

  const none = connection({ identityFiles: [host.keyWithPassphrase], prompts: { ...noPrompts, askPassphrase: async () => undefined } });
  const cancelled = await createSshRunner(none).run(['true'], { timeoutMs: 20_000 });
  none.dispose();
  assert.equal(cancelled.ok, false);
  if (!cancelled.ok) assert.match(cancelled.error.message, /no passphrase given/);
});

test('ssh-agent: the key from the agent logs in', { skip: skip || spawnSync('sh', ['-c', 'command -v ssh-agent']).status !== 0 }, async () => {
  const sock = path.join(tmp, 'agent.sock');
  const agent = spawnSync('ssh-agent', ['-a', sock, '-s'], { encoding: 'utf8' });
  const pid = Number(/SSH_AGENT_PID=(\d+)/.exec(agent.stdout)?.[1]);
  try {
    assert.equal(spawnSync('ssh-add', [host.key], { env: { ...process.env, SSH_AUTH_SOCK: sock }, encoding: 'utf8' }).status, 0);
    const c = connection({ agent: sock, identityFiles: ['/nonexistent/virtnet-no-key'] });
    assert.equal(value(await createSshRunner(c).run(['id', '-un'], { timeoutMs: 20_000 })).stdout.trim(), host.user);
    c.dispose();
  } finally {
    if (pid) process.kill(pid);
  }
});

test('list and inspect, then define → start → autostart → dumpxml → destroy → autostart off → undefine, one command each', { skip }, async () => {
  const { m, log } = manager();
  try {
    const run = <T>(cmd: Parameters<typeof m.run<T>>[1]) => m.run('kvm-test', cmd).then(value);
    assert.deepEqual(value(await m.refresh('kvm-test')), []);
    assert.match(await run(netDefine(ISOLATED('isolated', 61))), /Network isolated defined from \/dev\/stdin/);
    await run(netStart('isolated'));
    await run(netAutostart('isolated', true));
    const [net] = value(await m.refresh('kvm-test'));
    assert.deepEqual(
      { ...net, uuid: undefined, xml: undefined },
      { name: 'isolated', uuid: undefined, active: true, persistent: true, autostart: true, bridge: 'vn-iso61', forwardMode: undefined, ips: [{ address: '10.61.0.1', prefix: 24, subnet: '10.61.0.0/24', family: 'ipv4', dhcp: true }], xml: undefined, error: undefined },
    );
    assert.equal(await run(netUuid('isolated')), net.uuid);
    const xml = await run(netDumpXml('isolated'));
    assert.equal(xml.uuid, net.uuid);
    assert.match(xml.xml, /<mac address=/, 'the live XML has what libvirt added');
    await run(netDestroy('isolated'));
    await run(netAutostart('isolated', false));
    const info = await run(netInfo('isolated'));
    assert.equal(info.active, false);
    assert.equal(info.autostart, false);
    const [stopped] = value(await m.refresh('kvm-test'));
    assert.deepEqual([stopped.name, stopped.active, stopped.autostart, stopped.persistent], ['isolated', false, false, true]);
    await run(netUndefine('isolated'));
    assert.deepEqual(await run(netListNames()), []);
    assert.equal(m.host('kvm-test')?.connection, 'connected', 'one connection, reused');
    assert.ok(log.some((l) => /^kvm-test env LC_ALL=C virsh -c qemu:\/\/\/system net-start --network isolated 0$/.test(l)), log.join('\n'));
  } finally {
    m.dispose();
  }
});

test("define-and-start in one round trip; libvirt's own error for a clash, step by step", { skip }, async () => {
  const { m } = manager();
  try {
    const [def, start] = value(await m.run('kvm-test', defineAndStart(ISOLATED('first', 62), 'first')));
    assert.ok(def.ok && start.ok);
    // Same bridge name: define refuses; the start of the second network then fails too.
    const clash = ISOLATED('second', 62);
    const [def2, start2] = value(await m.run('kvm-test', defineAndStart(clash, 'second')));
    assert.equal(def2.ok, false);
    if (!def2.ok) assert.match(def2.error.message, /bridge name 'vn-iso62' already in use/);
    assert.equal(start2.ok, false);
    if (!start2.ok) assert.match(start2.error.message, /no network with matching name 'second'/);
    value(await m.run('kvm-test', batch([netDestroy('first'), netUndefine('first')])));
  } finally {
    m.dispose();
  }
});

test('batch: a failing middle command is detected although virsh exits 0', { skip }, async () => {
  const c = connection();
  const runner = createSshRunner(c);
  try {
    value(await runVirsh(runner, 'qemu:///system', netDefine(ISOLATED('batch-a', 63)), { timeoutMs: 30_000 }));
    const r = value(await runVirsh(runner, 'qemu:///system', batch([netUuid('batch-a'), netStart('no-such-network'), netInfo('batch-a')]), { timeoutMs: 30_000 }));
    assert.ok(r[0].ok);
    assert.equal(r[1].ok, false);
    if (!r[1].ok) assert.match(r[1].error.message, /no network with matching name 'no-such-network'/);
    assert.ok(r[2].ok && r[2].value.name === 'batch-a');
    value(await runVirsh(runner, 'qemu:///system', netUndefine('batch-a'), { timeoutMs: 30_000 }));
  } finally {
    c.dispose();
  }
});

test('hostile network names round-trip exactly over SSH and never execute anything', { skip }, async () => {
  const c = connection();
  const runner = createSshRunner(c);
  const uri = 'qemu:///system';
  const opts = { timeoutMs: 30_000 };
  const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/'/g, '&apos;');
  try {
    // Names libvirt accepts: no '/', no line break, not empty; leading/trailing blanks are trimmed by its XML reader.
    const accepted = HOSTILE.filter((n) => n.trim() === n && n !== '' && !n.includes('/') && !n.includes('\n'));
    assert.ok(accepted.length >= 15);
    for (const [i, name] of accepted.entries()) {
      const r = await runVirsh(runner, uri, netDefine(`<network><name>${esc(name)}</name><bridge name='vn-h${i}'/></network>`), opts);
      value(r);
    }
    const listed = value(await runVirsh(runner, uri, netListNames(), opts));
    assert.deepEqual([...listed].sort(), [...accepted].sort());
    // Every name as an argument: info and XML in one batch, then start/stop/undefine each.
    const infos = value(await runVirsh(runner, uri, batch(accepted.map((n) => netInfo(n))), opts));
    assert.deepEqual(infos.map((r) => (r.ok ? r.value.name : r.error.message)), accepted);
    const xmls = value(await runVirsh(runner, uri, batch(accepted.map((n) => netDumpXml(n))), opts));
    assert.deepEqual(xmls.map((r) => (r.ok ? r.value.name : r.error.message)), accepted);
    // start and destroy a few (each start sets up a bridge: slow), undefine all; a batch per step.
    const few = accepted.filter((n) => /pwned|\$\(id\)|'|ü/.test(n)).slice(0, 4);
    for (const [step, names] of [[netStart, few], [netDestroy, few], [netUndefine, accepted]] as const) {
      const rs = value(await runVirsh(runner, uri, batch(names.map((n) => step(n))), opts));
      assert.deepEqual(rs.flatMap((r, i) => (r.ok ? [] : [`${names[i]}: ${r.error.message}`])), [], step.name);
    }
    // A name with a line break: libvirt's own refusal, and still nothing runs.
    const nl = await runVirsh(runner, uri, netInfo('x\n;touch pwned\n'), opts);
    assert.equal(nl.ok, false);
    assert.deepEqual(value(await runVirsh(runner, uri, netListNames(), opts)), []);
    assert.deepEqual(fs.readdirSync(host.home).filter((f) => f.includes('pwned')), []);
    assert.equal(fs.existsSync('pwned'), false);
  } finally {
    c.dispose();
  }
});

test('sshd killed in the middle of a command: a connection error, and the next command reconnects', { skip }, async () => {
  const c = connection();
  const runner = createSshRunner(c);
  try {
    assert.equal(value(await runner.run(['true'], { timeoutMs: 20_000 })).code, 0);
    const pending = runner.run(['sleep', '60'], { timeoutMs: 30_000 });
    await new Promise((r) => setTimeout(r, 300));
    host.killSshd();
    const r = await pending;
    assert.equal(r.ok, false);
    if (!r.ok) {
      assert.equal(r.error.kind, 'connection');
      assert.match(r.error.message, /lost|without an exit status/);
    }
    assert.equal(c.state, 'disconnected');
    host.startSshd();
    assert.equal(value(await runner.run(['echo', 'back'], { timeoutMs: 20_000 })).stdout, 'back\n');
  } finally {
    c.dispose();
  }
});

test('per-command timeout: the command is abandoned with a timeout error, the connection stays usable', { skip }, async () => {
  const c = connection();
  const runner = createSshRunner(c);
  try {
    const r = await runner.run(['sleep', '30'], { timeoutMs: 500 });
    assert.equal(r.ok, false);
    if (!r.ok) assert.equal(r.error.kind, 'timeout');
    assert.equal(value(await runner.run(['echo', 'ok'], { timeoutMs: 20_000 })).stdout, 'ok\n');
  } finally {
    c.dispose();
  }
});

test('more commands than channels at once: all complete on one connection', { skip }, async () => {
  const c = connection();
  const runner = createSshRunner(c);
  try {
    const rs = await Promise.all(Array.from({ length: 16 }, (_, i) => runner.run(['echo', String(i)], { timeoutMs: 30_000 })));
    assert.deepEqual(rs.map((r) => value(r).stdout), Array.from({ length: 16 }, (_, i) => `${i}\n`));
  } finally {
    c.dispose();
  }
});

test("libvirtd stopped: libvirt's own error text reaches the caller", { skip }, async () => {
  const { m } = manager();
  try {
    value(await m.refresh('kvm-test'));
    await host.libvirtd?.stop();
    const r = await m.refresh('kvm-test');
    assert.equal(r.ok, false);
    if (!r.ok) {
      assert.equal(r.error.kind, 'command');
      assert.match(r.error.message, /failed to connect to the hypervisor/);
      assert.match(r.error.stderr, /^error: /m);
    }
    assert.equal(m.host('kvm-test')?.status, 'error');
  } finally {
    m.dispose();
  }
});
