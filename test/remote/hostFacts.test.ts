/**
 * Host facts from a real host: OpenSSH's sshd on 127.0.0.1 in front of a
 * private libvirtd (scripts/testbed/), read with the remote layer
 * (refresh + `ip -j link show type bridge` on the same connection), turned
 * into the language server's host facts (client/src/remote/hostFacts.ts) and
 * checked with workspace files by the real language service. Our verdict on
 * each file is then compared with what `virsh net-define` of that file does
 * on that host. HostFactsSync sends a targeted host's facts after each
 * refresh to the real built language server over stdio. The `ip` output parsers are run on real iproute2 output from
 * a network namespace this test creates with two bridges.
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { after, before, test } from 'node:test';
import { HostConnectionManager } from '../../client/src/remote/hostConnectionManager';
import { parseIpLinkJson, parseIpLinkOneline } from '../../client/src/remote/hostBridges';
import { HOST_FACTS_NOTIFICATION, hostFactsFor, readHostFacts } from '../../client/src/remote/hostFacts';
import { HostFactsSync } from '../../client/src/remote/hostFactsSync';
import { defineAndStart } from '../../client/src/remote/networkActions';
import type { SshPrompts } from '../../client/src/remote/sshConnection';
import { netDefine, netUndefine } from '../../client/src/remote/virsh';
import { createLanguageService } from '../../server/src/service/languageService';
import { parseHostFacts } from '../../server/src/workspace/hostFactsFormat';
import { sshdInstalled, startSshHost, type SshHost } from '../helpers/sshTestbed';
import { fileUri, TestClient } from '../lsp/lspClient';

const skip = process.getuid?.() !== 0 || !sshdInstalled() ? 'needs root and openssh-server (scripts/setup-test-deps.sh)' : false;
let host: SshHost;
let tmp: string;
let manager: HostConnectionManager;

const noPrompts: SshPrompts = {
  confirmHostKey: async () => assert.fail('must not ask about the host key'),
  askPassphrase: async () => assert.fail('must not ask for a passphrase'),
};

const UUID_NAT = '3f2a8c1e-5b7d-4e9f-a1c3-d5e7f9a1b3c5';
const UUID_OFF = '7c9e1a3b-5d7f-4a1c-9e3b-5d7f9a1c3e5b';
const net = (name: string, octet: number, bridge: string, uuid?: string) =>
  `<network>\n  <name>${name}</name>\n${uuid ? `  <uuid>${uuid}</uuid>\n` : ''}  <forward mode='nat'/>\n  <bridge name='${bridge}'/>\n  <ip address='10.${octet}.0.1' prefix='24'/>\n</network>\n`;

before(async () => {
  if (skip) return;
  host = await startSshHost({ index: 5 });
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'virtnet-hostfacts-test-'));
  const knownHosts = path.join(tmp, 'known_hosts');
  fs.writeFileSync(knownHosts, `${host.knownHostsLine}\n`);
  manager = new HostConnectionManager({ knownHostsFile: knownHosts, prompts: noPrompts });
  manager.setHosts([{ name: 'kvm-test', host: host.host, port: host.port, user: host.user, identityFile: host.key }]);
  const [def, start] = value(await manager.run('kvm-test', defineAndStart(net('hf-nat', 71, 'vn-hf1', UUID_NAT), 'hf-nat')));
  assert.ok(def.ok && start.ok, JSON.stringify([def, start]));
  assert.ok((await manager.run('kvm-test', netDefine(net('hf-off', 72, 'vn-hf2', UUID_OFF)))).ok);
});

after(async () => {
  manager?.dispose();
  await host?.stop();
  if (tmp) fs.rmSync(tmp, { recursive: true, force: true });
});

function value<T>(r: { ok: true; value: T } | { ok: false; error: { message: string } }): T {
  if (!r.ok) assert.fail(r.error.message);
  return r.value;
}

/** The bridges `ip -j link show type bridge` lists here (the sshd's sessions share this machine's network namespace). */
function localBridges(): string[] {
  const r = spawnSync('ip', ['-j', 'link', 'show', 'type', 'bridge'], { encoding: 'utf8' });
  return parseIpLinkJson(r.stdout) ?? assert.fail(`ip -j: ${r.stderr}`);
}

test('a refreshed host gives its networks (state, UUID, bridge, subnets) and bridge devices as host facts', { skip }, async () => {
  value(await manager.refresh('kvm-test'));
  const { params, bridgesError } = await readHostFacts(manager, 'kvm-test');
  assert.equal(bridgesError, undefined);
  assert.ok(params?.facts);
  assert.equal(params.host, 'kvm-test');
  assert.ok(Math.abs(Date.parse(params.readAt) - Date.now()) < 10 * 60_000, params.readAt);
  const byName = new Map(params.facts.networks.map((n) => [n.name, n]));
  assert.deepEqual(byName.get('hf-nat'), { name: 'hf-nat', uuid: UUID_NAT, bridge: 'vn-hf1', forwardMode: 'nat', active: true, subnets: ['10.71.0.0/24'] });
  assert.deepEqual(byName.get('hf-off'), { name: 'hf-off', uuid: UUID_OFF, bridge: 'vn-hf2', forwardMode: 'nat', active: false, subnets: ['10.72.0.0/24'] });
  assert.deepEqual([...(params.facts.bridges ?? [])].sort(), localBridges().sort());
  // The refresh lists VMs: this host has none (known to be none, not unknown).
  assert.deepEqual(params.facts.vms, []);
  // The server accepts them as they are.
  const parsed = parseHostFacts(JSON.parse(JSON.stringify(params)));
  assert.ok(parsed.ok && parsed.facts);
  assert.deepEqual(parsed.problems, []);
});

test('a host never read has no facts; an unknown host neither', { skip }, async () => {
  const m = new HostConnectionManager();
  m.setHosts([{ name: 'never', host: '127.0.0.1', port: 1 }]);
  assert.equal(hostFactsFor(m.host('never')!), undefined);
  assert.deepEqual(await readHostFacts(m, 'never'), {});
  assert.deepEqual(await readHostFacts(m, 'nobody'), {});
  m.dispose();
});

test('the real host decides: a file we flag with an error against the host is one virsh net-define refuses there, and the deployed copy is accepted', { skip }, async () => {
  value(await manager.refresh('kvm-test'));
  const { params } = await readHostFacts(manager, 'kvm-test');
  const parsed = parseHostFacts(JSON.parse(JSON.stringify(params)));
  assert.ok(parsed.ok && parsed.facts);
  const files: Record<string, string> = {
    deployed: net('hf-nat', 71, 'vn-hf1', UUID_NAT),
    sameUuidOtherName: net('hf-lab', 73, 'vn-hf3', UUID_NAT),
    sameNameNoUuid: net('hf-nat', 71, 'vn-hf1'),
    sameNameOtherUuid: net('hf-off', 72, 'vn-hf2', '11111111-2222-3333-4444-555555555555'),
    bridgeOfAnother: net('hf-br', 74, 'vn-hf1', 'aaaaaaaa-2222-3333-4444-555555555555'),
    fresh: net('hf-new', 75, 'vn-hf5', 'bbbbbbbb-2222-3333-4444-555555555555'),
  };
  const verdicts: string[] = [];
  for (const [label, xml] of Object.entries(files)) {
    // One file at a time, as it would be defined.
    const service = createLanguageService();
    service.setHost(parsed.facts);
    const uri = `file:///ws/${label}.xml`;
    service.setFile(uri, xml);
    const hostErrors = service.getDiagnostics(uri).filter((d) => d.severity === 1 && String(d.message).includes("host 'kvm-test'"));
    const name = /<name>(.*)<\/name>/.exec(xml)![1];
    const existed = params!.facts!.networks.some((n) => n.name === name);
    const defined = await manager.run('kvm-test', netDefine(xml));
    if (defined.ok && !existed) value(await manager.run('kvm-test', netUndefine(name)));
    verdicts.push(`${label}: we ${hostErrors.length ? 'refuse' : 'accept'}, libvirt ${defined.ok ? 'accepts' : 'refuses'}`);
  }
  assert.deepEqual(verdicts, [
    'deployed: we accept, libvirt accepts',
    'sameUuidOtherName: we refuse, libvirt refuses',
    'sameNameNoUuid: we refuse, libvirt refuses',
    'sameNameOtherUuid: we refuse, libvirt refuses',
    'bridgeOfAnother: we refuse, libvirt refuses',
    'fresh: we accept, libvirt accepts',
  ]);
});

test('overlapping subnets: only the host network that runs counts', { skip }, async () => {
  value(await manager.refresh('kvm-test'));
  const { params } = await readHostFacts(manager, 'kvm-test');
  const parsed = parseHostFacts(JSON.parse(JSON.stringify(params)));
  assert.ok(parsed.ok && parsed.facts);
  const service = createLanguageService();
  service.setHost(parsed.facts);
  service.setFile('file:///ws/a.xml', net('hf-a', 71, 'vn-hfa'));
  service.setFile('file:///ws/b.xml', net('hf-b', 72, 'vn-hfb'));
  const overlap = (uri: string) => service.getDiagnostics(uri).filter((d) => d.code === 'libvirt/overlapping-subnets').map((d) => String(d.message));
  assert.equal(overlap('file:///ws/a.xml').length, 1);
  assert.match(overlap('file:///ws/a.xml')[0], /of network 'hf-nat', active on host 'kvm-test'/);
  assert.deepEqual(overlap('file:///ws/b.xml'), []);
  // And libvirt agrees: a network on the running network's subnet does not start there.
  const [def, start] = value(await manager.run('kvm-test', defineAndStart(net('hf-a', 71, 'vn-hfa'), 'hf-a')));
  assert.ok(def.ok);
  assert.ok(!start.ok && /already in use/.test(start.error.message), JSON.stringify(start));
  value(await manager.run('kvm-test', netUndefine('hf-a')));
});

test('ip link parsers read real iproute2 output (JSON, and one line per device for old iproute2)', { skip }, () => {
  const ns = `vn-hf-${process.pid}`.slice(0, 15);
  const ip = (...args: string[]) => {
    const r = spawnSync('ip', args, { encoding: 'utf8' });
    assert.equal(r.status, 0, `ip ${args.join(' ')}: ${r.stderr}`);
    return r.stdout;
  };
  ip('netns', 'add', ns);
  try {
    assert.deepEqual(parseIpLinkJson(ip('-n', ns, '-j', 'link', 'show', 'type', 'bridge')), []);
    ip('-n', ns, 'link', 'add', 'br-lan', 'type', 'bridge');
    ip('-n', ns, 'link', 'add', 'vnt.0', 'type', 'bridge');
    ip('-n', ns, 'link', 'add', 'veth-a', 'type', 'veth', 'peer', 'name', 'veth-b');
    assert.deepEqual(parseIpLinkJson(ip('-n', ns, '-j', 'link', 'show', 'type', 'bridge')), ['br-lan', 'vnt.0']);
    assert.deepEqual(parseIpLinkOneline(ip('-n', ns, '-o', 'link', 'show', 'type', 'bridge')), ['br-lan', 'vnt.0']);
    // A device with a parent (veth peers print NAME@PEER) keeps its own name.
    assert.deepEqual(parseIpLinkOneline(ip('-n', ns, '-o', 'link', 'show', 'type', 'veth')).sort(), ['veth-a', 'veth-b']);
    assert.equal(parseIpLinkJson('Option "-j" is unknown, try "ip -help".'), undefined);
  } finally {
    spawnSync('ip', ['netns', 'del', ns]);
  }
});

test('HostFactsSync: each refresh of a targeted host reaches the real language server; a host no longer targeted is forgotten', { skip }, async () => {
  const dir = fs.mkdtempSync(path.join(tmp, 'ws-'));
  fs.writeFileSync(path.join(dir, 'lab.xml'), net('hf-lab', 73, 'vn-hf3', UUID_NAT));
  const vm = `<domain type='qemu'>\n  <name>db1</name>\n  <memory>131072</memory>\n  <os><type arch='x86_64'>hvm</type></os>\n  <devices>\n    <interface type='bridge'>\n      <source bridge='vn-nosuchbr'/>\n    </interface>\n  </devices>\n</domain>\n`;
  fs.writeFileSync(path.join(dir, 'vm.xml'), vm);
  const [uriLab, uriVm] = [fileUri(path.join(dir, 'lab.xml')), fileUri(path.join(dir, 'vm.xml'))];
  const client = await TestClient.start({ folders: [dir] });
  const sent: string[] = [];
  let targets = ['kvm-test', 'not-configured'];
  let sync: HostFactsSync | undefined;
  try {
    await client.whenIndexed();
    assert.deepEqual(client.diagnostics(uriLab), []);
    const lab = client.nextDiagnostics(uriLab);
    const vmDs = client.nextDiagnostics(uriVm);
    sync = new HostFactsSync(manager, {
      send: (p) => {
        sent.push(`${p.host} ${p.facts ? 'facts' : 'forget'}`);
        void client.conn.sendNotification(HOST_FACTS_NOTIFICATION, p);
      },
      targets: () => targets,
    });
    const labDs = (await lab).diagnostics;
    assert.deepEqual(labDs.map((d) => d.code), ['libvirt/duplicate-network-uuid']);
    assert.match(String(labDs[0].message), /network 'hf-nat' on host 'kvm-test' \(read \d{4}-\d\d-\d\d \d\d:\d\d UTC\)/);
    const bridgeDs = (await vmDs).diagnostics;
    assert.deepEqual(bridgeDs.map((d) => d.code), ['libvirt/host-missing-bridge']);
    // A refresh sends the facts again (the host is still targeted).
    const again = client.nextDiagnostics(uriLab);
    value(await manager.refresh('kvm-test'));
    await again;
    assert.deepEqual(sent, ['kvm-test facts', 'kvm-test facts']);
    // No longer targeted: forgotten, and the file-based rules speak again.
    const forgotten = client.nextDiagnostics(uriLab);
    targets = [];
    sync.targetsChanged();
    assert.deepEqual((await forgotten).diagnostics, []);
    assert.deepEqual(sent, ['kvm-test facts', 'kvm-test facts', 'kvm-test forget']);
    // A refresh of a host not targeted sends nothing.
    value(await manager.refresh('kvm-test'));
    await client.ping();
    assert.deepEqual(sent.length, 3);
  } finally {
    sync?.dispose();
    await client.stop();
  }
});
