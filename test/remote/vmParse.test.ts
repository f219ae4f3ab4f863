/**
 * The VM parsers, on output captured from a real libvirtd (a running VM
 * with NICs added to its saved configuration only, and a shut-off VM named
 * `123`), and the pure parts: NIC comparison, MAC choice, the attach/detach
 * planner, the command builders' argv.
 */
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { test } from 'node:test';
import { isVmGone, parseUuidList, parseUuidNameList, vmAttachInterface, vmDetachInterface, vmDumpXml } from '../../client/src/remote/domainCommands';
import type { NetworkSummary } from '../../client/src/remote/hostNetworks';
import { parseDomainXml } from '../../client/src/remote/parseDomainXml';
import { vmDetailPlan, vmsOnNetwork, type VmSummary } from '../../client/src/remote/vmInventory';
import { checkMac, freshMac } from '../../client/src/remote/vmMac';
import { defaultScope, planAttach, planDetach } from '../../client/src/remote/vmNicPlan';
import { compareNics } from '../../client/src/remote/vmNics';
import { ok } from '../../client/src/remote/result';

const data = (f: string) => fs.readFileSync(path.join(__dirname, 'data', f), 'utf8');
const G1 = '5457839e-e2bd-467c-a5de-41ff139c1a59';

test('list --all --uuid --name: UUID and the exact name; a name with blanks or non-ASCII kept', () => {
  assert.deepEqual(parseUuidNameList(data('libvirtd.list-uuid-name.txt')), [
    { uuid: G1, name: 'guest1' },
    { uuid: '53f9b650-fbe4-4f44-9f0c-325c61a72722', name: '123' },
  ]);
  assert.deepEqual(parseUuidNameList('0A0B0C0D-0000-4000-8000-000000000001  two  blanks ünï\n\n'), [{ uuid: '0a0b0c0d-0000-4000-8000-000000000001', name: ' two  blanks ünï' }]);
  assert.deepEqual(parseUuidList(`${G1}\n\n`), [G1]);
  assert.deepEqual(parseUuidList('\n'), []);
});

test('dumpxml of a running VM: id, NICs with source, bridge, model, target; --inactive: the saved NICs', () => {
  const live = parseDomainXml(data('libvirtd.dumpxml-running-live.xml'));
  assert.equal(live.name, 'guest1');
  assert.equal(live.uuid, G1);
  assert.equal(live.id, '1');
  assert.deepEqual(live.nics, [
    { type: 'network', mac: '52:54:00:9c:28:a3', network: 'natnet', bridge: 'vn-nat', dev: undefined, model: 'virtio', target: 'vnet0' },
    { type: 'network', mac: '52:54:00:aa:bb:01', network: 'isol', bridge: 'vn-isol', dev: undefined, model: 'e1000', target: 'vnet1' },
  ]);
  const saved = parseDomainXml(data('libvirtd.dumpxml-running-inactive.xml'));
  assert.equal(saved.id, undefined);
  assert.deepEqual(
    saved.nics.map((n) => [n.type, n.mac, n.network ?? n.bridge, n.model, n.target]),
    [
      ['network', '52:54:00:9c:28:a3', 'natnet', 'virtio', undefined],
      ['network', '52:54:00:aa:bb:01', 'isol', 'e1000', undefined],
      ['bridge', '52:54:00:aa:bb:03', 'br-lan', 'virtio', undefined],
      ['network', '52:54:00:aa:bb:04', 'natnet', 'rtl8139', undefined],
    ],
  );
  const off = parseDomainXml(data('libvirtd.dumpxml-shutoff.xml'));
  assert.equal(off.name, '123');
  assert.deepEqual(off.nics, []);
  assert.deepEqual(parseDomainXml('').problems, ['no XML element']);
  assert.deepEqual(parseDomainXml('<network/>').problems, ['expected <domain>, found <network>']);
});

test('live and saved NICs side by side: only-saved NICs flagged, a changed model named, the live bridge of a network NIC is no difference', () => {
  const live = parseDomainXml(data('libvirtd.dumpxml-running-live.xml')).nics;
  const saved = parseDomainXml(data('libvirtd.dumpxml-running-inactive.xml')).nics;
  const entries = compareNics(live, saved);
  assert.deepEqual(
    entries.map((e) => [e.mac, e.difference]),
    [
      ['52:54:00:9c:28:a3', undefined],
      ['52:54:00:aa:bb:01', undefined],
      ['52:54:00:aa:bb:03', 'config-only'],
      ['52:54:00:aa:bb:04', 'config-only'],
    ],
  );
  const changed = compareNics([{ ...live[1], model: 'virtio' }], [live[1]]);
  assert.equal(changed[0].difference, 'changed');
  assert.match(changed[0].changes?.[0] ?? '', /model e1000 in the saved configuration, virtio while running/);
  assert.deepEqual(compareNics(live, undefined).map((e) => e.difference), [undefined, undefined]);
  assert.deepEqual(compareNics([], [live[0]]).map((e) => e.difference), ['config-only']);
});

/** The summaries the refresh makes of captured output: guest1 running persistent, 123 shut off. */
function capturedVms(): VmSummary[] {
  const plan = vmDetailPlan([
    ok(parseUuidNameList(data('libvirtd.list-uuid-name.txt'))),
    ok([G1]),
    ok([]),
    ok(['53f9b650-fbe4-4f44-9f0c-325c61a72722']),
    ok([G1, '53f9b650-fbe4-4f44-9f0c-325c61a72722']),
    ok([]),
  ]);
  assert.ok(plan.ok);
  // guest1: dumpxml + dumpxml --inactive; 123: dumpxml.
  assert.deepEqual(
    plan.value.commands.map((c) => c.args.join(' ')),
    [`dumpxml --domain ${G1}`, `dumpxml --domain ${G1} --inactive`, 'dumpxml --domain 53f9b650-fbe4-4f44-9f0c-325c61a72722'],
  );
  return plan.value.build([
    ok(parseDomainXml(data('libvirtd.dumpxml-running-live.xml'))),
    ok(parseDomainXml(data('libvirtd.dumpxml-running-inactive.xml'))),
    ok(parseDomainXml(data('libvirtd.dumpxml-shutoff.xml'))),
  ]);
}

test('refresh summaries: state, persistence, both NIC lists; the network → VMs map sees saved-only NICs too', () => {
  const [g1, off] = capturedVms();
  assert.equal(g1.state, 'running');
  assert.equal(g1.persistent, true);
  assert.equal(g1.liveNics?.length, 2);
  assert.equal(g1.configNics?.length, 4);
  assert.equal(off.state, 'shut off');
  assert.equal(off.liveNics, undefined);
  assert.deepEqual(off.configNics, []);
  assert.deepEqual(vmsOnNetwork([g1, off], 'natnet').map((u) => [u.vm.name, u.nics.map((n) => n.mac)]), [['guest1', ['52:54:00:9c:28:a3', '52:54:00:aa:bb:04']]]);
  assert.deepEqual(vmsOnNetwork([g1, off], 'br-lan'), []);
});

test('MACs: fresh ones avoid the host and the workspace; typed ones are checked', () => {
  let n = 0;
  const seq = [[0xaa, 0xbb, 0x01], [0xaa, 0xbb, 0x01], [0x12, 0x34, 0x56]];
  const random = () => Uint8Array.from(seq[n++]);
  assert.equal(freshMac(new Set(['52:54:00:aa:bb:01']), random), '52:54:00:12:34:56');
  assert.match(freshMac(new Set()), /^52:54:00(:[0-9a-f]{2}){3}$/);
  assert.deepEqual(checkMac('52:54:00:AB:1:2', new Set(), new Set()), { ok: true, mac: '52:54:00:ab:01:02', warnings: [] });
  assert.match((checkMac('52:54:00:aa:bb:01', new Set(['52:54:00:aa:bb:01'])) as { message: string }).message, /already used by a VM's NIC on this host/);
  assert.match((checkMac('52:54:00:aa:bb:09', new Set(), new Set(['52:54:00:aa:bb:09'])) as { message: string }).message, /in a file of this workspace/);
  assert.match((checkMac('01:00:5e:00:00:01', new Set()) as { message: string }).message, /multicast/);
  assert.match((checkMac('52:54:00:zz:00:01', new Set()) as { message: string }).message, /not a MAC address/);
  const outside = checkMac('02:00:00:00:00:01', new Set());
  assert.ok(outside.ok && outside.warnings.length === 1);
});

const NETS: NetworkSummary[] = [
  { name: 'natnet', active: true, ips: [] },
  { name: 'isol', active: false, autostart: false, ips: [] },
];

test('planner: defaults by state, plain description, refusals with reasons; argv with UUID and flags', () => {
  const [g1, off] = capturedVms();
  assert.deepEqual(defaultScope(g1), { live: true, config: true });
  assert.deepEqual(defaultScope(off), { live: false, config: true });
  const random = () => Uint8Array.from([1, 2, 3]);
  const p = planAttach(g1, { type: 'network', source: 'natnet' }, { networks: NETS, vms: [g1, off], random });
  assert.ok(p.ok);
  assert.deepEqual(p.command.args, ['attach-interface', '--domain', G1, '--type', 'network', '--source', 'natnet', '--model', 'virtio', '--mac', '52:54:00:01:02:03', '--live', '--config']);
  assert.equal(p.description, "Add a NIC 52:54:00:01:02:03 on network 'natnet' (virtio) to VM 'guest1': to the running VM now and to its saved configuration, so the change stays after a restart.");
  const offPlan = planAttach(off, { type: 'bridge', source: 'br0', model: 'e1000' }, { networks: NETS, vms: [g1, off], random, hostBridges: new Set(['br1']) });
  assert.ok(offPlan.ok);
  assert.deepEqual(offPlan.command.args.slice(3), ['--type', 'bridge', '--source', 'br0', '--model', 'e1000', '--mac', '52:54:00:01:02:03', '--config']);
  assert.match(offPlan.description, /saved configuration only: it takes effect the next time the VM starts/);
  assert.match(offPlan.warnings.join(), /no bridge 'br0'/);
  const refuse = (r: ReturnType<typeof planAttach>) => (r.ok ? assert.fail('expected a refusal') : r.message);
  assert.match(refuse(planAttach(off, { type: 'network', source: 'natnet', scope: { live: true, config: true } }, { networks: NETS, vms: [] })), /shut off: only its saved configuration/);
  assert.match(refuse(planAttach(g1, { type: 'network', source: 'nope' }, { networks: NETS, vms: [] })), /no network 'nope'/);
  assert.match(refuse(planAttach(g1, { type: 'network', source: 'isol' }, { networks: NETS, vms: [] })), /'isol' is not active/);
  assert.match(refuse(planAttach(g1, { type: 'network', source: 'natnet', mac: '52:54:00:aa:bb:03' }, { networks: NETS, vms: [g1] })), /already used/);
  assert.match(refuse(planAttach(g1, { type: 'network', source: 'natnet', model: 'x; rm' }, { networks: NETS, vms: [] })), /not a NIC model/);
  // Detach: scope where the NIC is.
  const d = planDetach(g1, '52:54:00:AA:BB:01');
  assert.ok(d.ok);
  assert.deepEqual(d.command.args, ['detach-interface', '--domain', G1, '--type', 'network', '--mac', '52:54:00:aa:bb:01', '--live', '--config']);
  const savedOnly = planDetach(g1, '52:54:00:aa:bb:03');
  assert.ok(savedOnly.ok);
  assert.deepEqual(savedOnly.scope, { live: false, config: true });
  assert.deepEqual(savedOnly.command.args.slice(3), ['--type', 'bridge', '--mac', '52:54:00:aa:bb:03', '--config']);
  assert.match(refuse(planDetach(g1, '52:54:00:aa:bb:03', { live: true, config: false })), /running VM has no NIC/);
  assert.match(refuse(planDetach(g1, '52:54:00:00:00:00')), /has no NIC with MAC/);
});

test('a VM that is gone: recognised in libvirt\'s words', () => {
  assert.ok(isVmGone("error: failed to get domain '00000000-0000-0000-0000-000000000001'\n"));
  assert.ok(!isVmGone('error: Domain is already active'));
  assert.deepEqual(vmDumpXml(G1, { inactive: true }).args, ['dumpxml', '--domain', G1, '--inactive']);
  assert.deepEqual(vmAttachInterface({ uuid: G1, type: 'bridge', source: '-n', model: 'virtio', mac: 'm', scope: { live: true, config: false } }).args.slice(5, 7), ['--source', '-n']);
  assert.deepEqual(vmDetachInterface({ uuid: G1, type: 'network', mac: 'm', scope: { live: false, config: true } }).args.at(-1), '--config');
});
