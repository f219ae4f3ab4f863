/**
 * KVM host facts in the pure service: validation of the JSON callers send
 * (server/src/workspace/hostFactsFormat.ts), the index seam (setHost /
 * removeHost and the files they affect), and what the findings say about
 * the host (related information at virtual `virtnet-host://` URIs).
 * The check-by-check cases are fixtures (test/fixtures/libvirt/*\/ws-host-*).
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { freshMac, nextFreeSubnet } from '../server/src/features/freshValues';
import { formatSubnet } from '../server/src/net/ip';
import { parseHostFacts, type HostFactsParams, type KvmHostFacts } from '../server/src/workspace/hostFactsFormat';
import { WorkspaceIndex } from '../server/src/workspace/workspaceIndex';
import { cursor } from './harness/cursor';
import { observedService } from './harness/observed';

const UUID = '9a05da11-e96b-47f3-8253-a3a482e445f5';

function params(over: Partial<HostFactsParams['facts'] & object> = {}, host = 'kvm1', readAt = '2026-12-04T19:05:00Z'): HostFactsParams {
  return {
    host,
    readAt,
    facts: {
      networks: [{ name: 'default', uuid: UUID, bridge: 'virbr0', forwardMode: 'nat', active: true, subnets: ['192.168.122.0/24'] }],
      vms: [{ name: 'web1', nics: [{ mac: '52:54:00:12:34:56', network: 'default' }] }],
      bridges: ['virbr0', 'br0'],
      ...over,
    },
  };
}

function facts(p: HostFactsParams): KvmHostFacts {
  const r = parseHostFacts(p);
  assert.ok(r.ok && r.facts, JSON.stringify(r.ok ? r.problems : r.error));
  assert.deepEqual(r.problems, []);
  return r.facts;
}

const lab = (uuid = UUID) => `<network>\n  <name>lab</name>\n  <uuid>${uuid}</uuid>\n  <bridge name='virbr20'/>\n  <ip address='10.9.0.1' prefix='24'/>\n</network>\n`;
const vm = (mac: string, bridge = 'br0') =>
  `<domain type='qemu'>\n  <name>db1</name>\n  <memory>131072</memory>\n  <os><type arch='x86_64'>hvm</type></os>\n  <devices>\n    <interface type='bridge'>\n      <mac address='${mac}'/>\n      <source bridge='${bridge}'/>\n    </interface>\n  </devices>\n</domain>\n`;

test('host facts: the envelope must name the host and say when it was read; bad entries are skipped and named', () => {
  for (const bad of [null, 42, 'x', [], {}, { host: '' }, { host: 'h', facts: 3 }, { host: 'h', facts: { networks: [] } }, { host: 'h', readAt: 'yesterday', facts: { networks: [] } }]) {
    const r = parseHostFacts(bad);
    assert.equal(r.ok, false, JSON.stringify(bad));
  }
  const forget = parseHostFacts({ host: 'kvm1', facts: null });
  assert.deepEqual(forget, { ok: true, host: 'kvm1', facts: null, problems: [] });

  const r = parseHostFacts({
    host: 'kvm1',
    readAt: '2026-12-04T19:05:00Z',
    facts: {
      networks: [{ name: 'ok', uuid: ' 9A05DA11-E96B-47F3-8253-A3A482E445F5 ', subnets: ['192.168.122.1/24', 'nonsense', '10.0.0.0/99', 'fd00::/64'] }, { uuid: 'no-name' }, 'junk'],
      vms: [{ name: 'v', nics: [{ mac: '52-54-00-AA-BB-CC' }, { mac: 'zz' }, {}] }, { nics: [] }],
      bridges: ['br0', 7, ''],
    },
  });
  assert.ok(r.ok && r.facts);
  const n = r.facts.networks[0];
  assert.equal(n.uuid, UUID);
  assert.equal(n.active, false, 'active only when the host says so');
  // 192.168.122.1/24 is read as its block; the IPv6 block is kept.
  assert.deepEqual(
    n.subnets.map((s) => `${s.family}/${s.prefix}/${s.network.toString(16)}`),
    ['4/24/c0a87a00', '6/64/fd000000000000000000000000000000'],
  );
  assert.equal(r.facts.networks.length, 1);
  assert.deepEqual(r.facts.vms, [{ name: 'v', uuid: undefined, nics: [{ mac: '52:54:00:aa:bb:cc', network: undefined, bridge: undefined }] }]);
  assert.deepEqual(r.facts.bridges, ['br0']);
  assert.deepEqual(r.problems, ['network ok: "nonsense" is not a CIDR block', 'network ok: "10.0.0.0/99" is not a CIDR block', 'networks[1]: no name', 'networks[2]: no name', 'vms[1]: no name']);
  // Unknown is not none: without "bridges" or "vms" the host's bridges and VMs are unknown.
  const unknown = parseHostFacts({ host: 'h', readAt: '2026-12-04T19:05:00Z', facts: { networks: [], bridges: null } });
  assert.ok(unknown.ok && unknown.facts);
  assert.equal(unknown.facts.bridges, undefined);
  assert.equal(unknown.facts.vms, undefined);
});

test('host facts: a clash names the host, the object and when the facts were read, with a related location at a virtnet-host: URI', () => {
  const { service, reported } = observedService();
  service.setFile('file:///ws/lab.xml', lab());
  service.setHost(facts(params()));
  const d = service.getDiagnostics('file:///ws/lab.xml').find((x) => x.code === 'libvirt/duplicate-network-uuid');
  assert.ok(d);
  assert.match(String(d.message), /network 'default' on host 'kvm1' \(read 2026-12-04 19:05 UTC\)/);
  assert.deepEqual(d.relatedInformation, [
    {
      location: { uri: 'virtnet-host://kvm1/network/default', range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } } },
      message: `network 'default' has UUID ${UUID} — host 'kvm1' (read 2026-12-04 19:05 UTC)`,
    },
  ]);
  assert.deepEqual(reported, []);
});

test('host facts: host and object names are percent-encoded in related URIs', () => {
  const { service } = observedService();
  service.setFile('file:///ws/vm.xml', vm('52:54:00:12:34:56'));
  service.setHost(facts(params({ vms: [{ name: 'web 1/a', nics: [{ mac: '52:54:00:12:34:56' }] }] }, 'kvm #1')));
  const d = service.getDiagnostics('file:///ws/vm.xml').find((x) => x.code === 'libvirt/duplicate-mac');
  assert.equal(d?.relatedInformation?.[0].location.uri, 'virtnet-host://kvm%20%231/vm/web%201%2Fa');
});

test('host facts: setHost and removeHost return the files to re-check; findings follow the latest facts', () => {
  const { service, reported } = observedService();
  service.setFile('file:///ws/lab.xml', lab());
  service.setFile('file:///ws/vm.xml', vm('52:54:00:12:34:56'));
  service.setFile('file:///ws/other.xml', lab('11111111-2222-3333-4444-555555555555').replace(/lab/g, 'other').replace('10.9.0.1', '10.8.0.1').replace('virbr20', 'virbr21'));
  const codes = (uri: string) => service.getDiagnostics(uri).map((d) => String(d.code));
  assert.deepEqual(codes('file:///ws/lab.xml'), []);
  const affected = service.setHost(facts(params()));
  assert.ok(affected.includes('file:///ws/lab.xml') && affected.includes('file:///ws/vm.xml'), affected.join());
  assert.ok(!affected.includes('file:///ws/other.xml'), 'a network sharing nothing with the host is not re-checked');
  assert.deepEqual(codes('file:///ws/lab.xml'), ['libvirt/duplicate-network-uuid']);
  assert.deepEqual(codes('file:///ws/vm.xml'), ['libvirt/duplicate-mac']);
  // A later refresh: the VM is gone, br0 too.
  service.setHost(facts(params({ vms: [], bridges: ['virbr0'] }, 'kvm1', '2026-12-04T20:00:00Z')));
  assert.deepEqual(codes('file:///ws/vm.xml'), ['libvirt/host-missing-bridge']);
  assert.match(String(service.getDiagnostics('file:///ws/vm.xml')[0].message), /read 2026-12-04 20:00 UTC/);
  const gone = service.removeHost('kvm1');
  assert.ok(gone.includes('file:///ws/lab.xml') && gone.includes('file:///ws/vm.xml'));
  assert.deepEqual(codes('file:///ws/lab.xml'), []);
  // Without host facts the file-based rule speaks again (no file defines br0).
  assert.deepEqual(codes('file:///ws/vm.xml'), ['libvirt/missing-bridge']);
  assert.deepEqual(service.removeHost('kvm1'), []);
  assert.deepEqual(reported, []);
});

test('host facts: the same result whether the host or the files come first', () => {
  const files: [string, string][] = [
    ['file:///ws/lab.xml', lab()],
    ['file:///ws/vm.xml', vm('52:54:00:12:34:56', 'br7')],
  ];
  const a = observedService().service;
  a.setHost(facts(params()));
  for (const [u, t] of files) a.setFile(u, t);
  const b = observedService().service;
  for (const [u, t] of files) b.setFile(u, t);
  b.setHost(facts(params()));
  for (const [u] of files) assert.deepEqual(a.getDiagnostics(u), b.getDiagnostics(u));
  assert.deepEqual(
    a.hosts().map((h) => h.host),
    ['kvm1'],
  );
});

test('host facts: a host whose bridges are unknown judges no bridge; several hosts are named together', () => {
  const { service } = observedService();
  service.setFile('file:///ws/vm.xml', vm('52:54:00:00:00:01', 'br7'));
  service.setHost(facts(params({ bridges: undefined })));
  // kvm1's bridges are unknown: the file-based rule applies.
  assert.deepEqual(
    service.getDiagnostics('file:///ws/vm.xml').map((d) => d.code),
    ['libvirt/missing-bridge'],
  );
  service.setHost(facts(params({}, 'kvm2')));
  service.setHost(facts(params({}, 'kvm3', '2026-12-04T18:00:00Z')));
  const ds = service.getDiagnostics('file:///ws/vm.xml');
  assert.deepEqual(
    ds.map((d) => d.code),
    ['libvirt/host-missing-bridge'],
  );
  assert.match(String(ds[0].message), /which hosts 'kvm2' \(read 2026-12-04 19:05 UTC\) and 'kvm3' \(read 2026-12-04 18:00 UTC\) do not have/);
  assert.deepEqual(
    ds[0].relatedInformation?.map((r) => r.location.uri),
    ['virtnet-host://kvm2/bridges', 'virtnet-host://kvm3/bridges'],
  );
});

test('host facts: with many hosts a message names three, counts the others and gives the span of read times', () => {
  const { service } = observedService();
  service.setFile('file:///ws/vm.xml', vm('52:54:00:00:00:01', 'br7'));
  for (let i = 1; i <= 5; i++) service.setHost(facts(params({}, `kvm${i}`, `2026-12-04T1${i}:00:00Z`)));
  const [d] = service.getDiagnostics('file:///ws/vm.xml');
  assert.match(String(d.message), /which hosts 'kvm1', 'kvm2', 'kvm3' and 2 more \(read 2026-12-04 11:00 UTC to 2026-12-04 15:00 UTC\) do not have/);
  assert.equal(d.relatedInformation?.length, 5);
});

test('host facts: fresh MACs and subnets avoid what the hosts use', () => {
  const w = new WorkspaceIndex();
  w.setHost(facts(params({
    networks: [
      { name: 'a', active: true, bridge: 'virbr1', subnets: ['192.168.100.0/24'] },
      // Inactive networks may be started: their subnets are not offered either.
      { name: 'b', active: false, bridge: 'virbr2', subnets: ['192.168.101.0/24'] },
    ],
  })));
  assert.equal(formatSubnet(nextFreeSubnet(w)!), '192.168.102.0/24');
  const seq = [[0x12, 0x34, 0x56], [1, 2, 3]];
  let i = 0;
  assert.equal(freshMac(w, [], () => Uint8Array.from(seq[i++])), '52:54:00:01:02:03');
});

test('host facts: completion offers the networks of the hosts for <source network> and their bridges for <source bridge>', () => {
  const { service } = observedService();
  service.setFile('file:///ws/n1.xml', lab().replace(/lab/g, 'n1'));
  service.setHost(facts(params({ bridges: ['br-lan'] })));
  const at = (marked: string) => {
    const c = cursor(marked);
    service.setFile('file:///ws/vm.xml', c.text);
    return service.complete('file:///ws/vm.xml', c.position).items.map((x) => `${x.label} ${x.detail ?? ''}`.trim());
  };
  const nets = at("<interface type='network'><source network='|'/></interface>");
  assert.ok(nets.includes('n1 network defined in the workspace'), nets.join('\n'));
  assert.ok(nets.includes("default network on host 'kvm1' (active)"), nets.join('\n'));
  const bridges = at("<interface type='bridge'><source bridge='|'/></interface>");
  assert.ok(bridges.some((b) => b.startsWith('br-lan')), bridges.join('\n'));
});
