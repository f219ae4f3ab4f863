/**
 * The VM parts of the hosts tree model on hand-made host states (pure; the
 * same against a real host is in test/commands/vmFlows.test.ts): the two folders of a
 * host, VMs with state and NICs, the running and saved configurations side
 * by side where they differ, the VMs under a network's node, contextValues
 * (UI-CONTRACT.md), the targeted host's mark, parents for reveal.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { compareNics, type HostSnapshot, type NetworkSummary, type VmNic, type VmSummary } from '../../client/src/remote';
import { withTargetHost } from '../../client/src/views/hostSettings';
import { HostsTreeModel, type HostSource } from '../../client/src/views/hostsTreeModel';

const NAT: NetworkSummary = { name: 'nat', active: true, autostart: true, persistent: true, bridge: 'virbr0', forwardMode: 'nat', ips: [] };
const ISO: NetworkSummary = { name: 'iso', active: true, autostart: false, persistent: true, bridge: 'virbr9', ips: [] };
/** A Markdown tooltip with its escapes removed, to match text in it. */
const plain = (s: string | undefined) => (s ?? '').replace(/\\(.)/g, '$1');
const nic = (mac: string, network: string, extra: Partial<VmNic> = {}): VmNic => ({ type: 'network', mac, network, model: 'virtio', ...extra });

function vm(name: string, state: VmSummary['state'], live: VmNic[] | undefined, config: VmNic[] | undefined, extra: Partial<VmSummary> = {}): VmSummary {
  return { name, uuid: `00000000-0000-0000-0000-00000000000${name.length}`, state, persistent: config !== undefined, autostart: false, liveNics: live, configNics: config, nics: compareNics(live, config), ...extra };
}

const WEB = vm('web', 'running', [nic('52:54:00:00:00:01', 'nat', { target: 'vnet0', bridge: 'virbr0' }), nic('52:54:00:00:00:02', 'iso', { target: 'vnet1' })], [nic('52:54:00:00:00:01', 'nat'), nic('52:54:00:00:00:03', 'iso', { model: 'e1000' })]);
const DB = vm('db', 'shut off', undefined, [nic('52:54:00:00:00:04', 'iso')]);
const TMP = vm('tmp', 'paused', [nic('52:54:00:00:00:05', 'nat', { target: 'vnet5' })], undefined);

const host: HostSnapshot = {
  config: { name: 'kvm1', host: 'kvm1.example.org', user: 'admin' },
  status: 'ready',
  connection: 'connected',
  networks: [NAT, ISO],
  vms: [WEB, DB, TMP],
};
const src: HostSource = { hosts: () => [host], host: (n) => (n === 'kvm1' ? host : undefined), refresh: async () => ({ ok: true, value: [] }) };

test('a ready host has a Networks and a Virtual machines folder; VMs show state, NIC count and differences', () => {
  const model = new HostsTreeModel(src);
  const [nets, vms] = model.children(model.hostNode('kvm1'));
  const vg = model.view(vms)!;
  assert.equal(vg.label, 'Virtual machines');
  assert.equal(vg.description, '1 running, 1 paused, 1 shut off');
  assert.equal(vg.contextValue, 'virtnet.group.vms');
  assert.equal(model.view(nets)?.contextValue, 'virtnet.group.networks');
  const nodes = model.children(vms);
  assert.deepEqual(nodes, [
    { kind: 'vm', hostName: 'kvm1', vmName: 'web' },
    { kind: 'vm', hostName: 'kvm1', vmName: 'db' },
    { kind: 'vm', hostName: 'kvm1', vmName: 'tmp' },
  ]);
  const [web, db, tmp] = nodes.map((n) => model.view(n)!);
  assert.equal(web.description, 'running · 3 NICs · running ≠ saved');
  assert.equal(web.contextValue, 'virtnet.vm.running');
  assert.deepEqual(web.icon, { id: 'vm-running', color: 'charts.green' });
  assert.equal(web.id, '["vm","kvm1","web"]');
  assert.equal(web.collapsible, 'collapsed');
  assert.match(plain(web.tooltip), /\| MAC \| Running VM \| Saved configuration \|/);
  assert.match(plain(web.tooltip), /52:54:00:00:00:02 \| network 'iso', virtio, vnet1 \| — \(not in the saved configuration\) \|/);
  assert.match(plain(web.tooltip), /differ/);
  assert.equal(db.description, 'shut off · 1 NIC');
  assert.equal(db.contextValue, 'virtnet.vm.shutoff');
  assert.deepEqual(db.icon, { id: 'vm-outline', color: 'disabledForeground' });
  assert.equal(tmp.description, 'paused · 1 NIC · transient');
  assert.equal(tmp.contextValue, 'virtnet.vm.paused');
  assert.equal(model.children(vms)[0], nodes[0], 'VM nodes are reused');
});

test('NIC nodes: type, source, model, target; live-only, saved-only and changed NICs side by side; contextValue by configuration', () => {
  const model = new HostsTreeModel(src);
  const web = model.vmNode('kvm1', 'web');
  const nics = model.children(web);
  assert.deepEqual(nics.map((n) => (n as { mac: string }).mac), ['52:54:00:00:00:01', '52:54:00:00:00:02', '52:54:00:00:00:03']);
  const [both, liveOnly, configOnly] = nics.map((n) => model.view(n)!);
  assert.equal(both.label, '52:54:00:00:00:01');
  assert.equal(both.description, "network 'nat' (bridge virbr0) · virtio · vnet0");
  assert.equal(both.contextValue, 'virtnet.nic.live.config');
  assert.deepEqual(both.icon, { id: 'plug' });
  assert.match(plain(both.tooltip), /\| Model \| virtio \| virtio \|/);
  assert.match(plain(both.tooltip), /\| Target device \| vnet0 \| assigned at start \|/);
  assert.equal(liveOnly.contextValue, 'virtnet.nic.live');
  assert.match(liveOnly.description!, /running VM only \(not in the saved configuration\)$/);
  assert.deepEqual(liveOnly.icon, { id: 'plug', color: 'list.warningForeground' });
  assert.equal(configOnly.contextValue, 'virtnet.nic.config');
  assert.equal(configOnly.description, "network 'iso' · e1000 · saved configuration only (not in the running VM)");
  assert.match(plain(configOnly.tooltip), /\| Type \| — \| network \|/);
  // A VM that does not run: its NICs are its saved configuration.
  const [dbNic] = model.children(model.vmNode('kvm1', 'db'));
  assert.equal(model.view(dbNic)?.description, "network 'iso' · virtio · saved configuration");
  assert.equal(model.view(dbNic)?.contextValue, 'virtnet.nic.config');
  assert.match(plain(model.view(dbNic)!.tooltip), /\| Type \| \(not running\) \| network \|/);
  // A changed NIC (same MAC, other model) names both sides.
  const changed = vm('chg', 'running', [nic('52:54:00:00:00:09', 'nat', { model: 'e1000' })], [nic('52:54:00:00:00:09', 'nat')]);
  const h2 = { ...host, vms: [changed] };
  const m2 = new HostsTreeModel({ ...src, host: () => h2, hosts: () => [h2] });
  const [c] = m2.children(m2.vmNode('kvm1', 'chg'));
  assert.equal(m2.view(c)?.description, "network 'nat' · e1000 · saved: network 'nat', virtio");
  assert.match(plain(m2.view(c)!.tooltip), /model virtio in the saved configuration, e1000 while running/);
  assert.equal(m2.view({ kind: 'nic', hostName: 'kvm1', vmName: 'chg', mac: '52:54:00:ff:ff:ff' }), undefined, 'a NIC gone renders as gone');
});

test("a network's node counts and lists the VMs with a NIC on it (running or saved), as children", () => {
  const model = new HostsTreeModel(src);
  const [nat, iso] = model.children(model.groupNode('kvm1', 'networks'));
  const natView = model.view(nat)!;
  assert.equal(natView.description, 'active · autostart · virbr0 · 2 VMs (2 running)');
  assert.equal(natView.collapsible, 'collapsed');
  assert.match(plain(natView.tooltip), /VMs with a NIC on nat:\n\n- web \(running\): 52:54:00:00:00:01\n- tmp \(paused\): 52:54:00:00:00:05/);
  const isoUsers = model.children(iso);
  assert.deepEqual(isoUsers, [
    { kind: 'vm', hostName: 'kvm1', vmName: 'web', networkName: 'iso' },
    { kind: 'vm', hostName: 'kvm1', vmName: 'db', networkName: 'iso' },
  ]);
  const webOnIso = model.view(isoUsers[0])!;
  assert.equal(webOnIso.id, '["vm","kvm1","web","on","iso"]', 'unique id beside the same VM under the folder');
  assert.equal(webOnIso.description, 'running · 52:54:00:00:00:02, 52:54:00:00:00:03');
  assert.equal(webOnIso.contextValue, 'virtnet.vm.running', 'the VM commands work here too');
  assert.equal(webOnIso.collapsible, 'none');
  assert.deepEqual(model.children(isoUsers[0]), []);
  assert.equal(model.parent(isoUsers[0]), iso);
  assert.equal(model.parent(iso), model.groupNode('kvm1', 'networks'));
  assert.equal(model.parent(model.children(model.vmNode('kvm1', 'web'))[0]), model.vmNode('kvm1', 'web'));
  assert.equal(model.parent(model.vmNode('kvm1', 'web')), model.groupNode('kvm1', 'vms'));
  assert.equal(model.parent(model.groupNode('kvm1', 'vms')), model.hostNode('kvm1'));
});

test('VMs that could not be listed: an error with a retry in the folder, networks still shown; no VMs: says so', () => {
  const failed: HostSnapshot = { ...host, vms: undefined, vmError: { kind: 'command', message: 'access denied by policy', stderr: 'error: access denied' } };
  const model = new HostsTreeModel({ ...src, host: () => failed, hosts: () => [failed] });
  const [nets, vms] = model.children(model.hostNode('kvm1'));
  assert.equal(model.children(nets).length, 2);
  assert.equal(model.view(vms)?.description, 'could not be listed');
  const [err] = model.children(vms);
  const v = model.view(err)!;
  assert.equal(v.contextValue, 'virtnet.message.error');
  assert.equal(v.label, 'VMs could not be listed: access denied by policy');
  assert.equal(v.command?.command, 'virtnet.hosts.retry');
  assert.equal(model.view(nets)?.description, '2 (2 active)');
  assert.equal(model.view(model.children(nets)[0])?.description, 'active · autostart · virbr0', 'no VM count when VMs are unknown');
});

test('a targeted host says so (description, tooltip, contextValue); the setting is toggled without losing other entries', () => {
  let targets: string[] = [];
  const model = new HostsTreeModel(src, { targets: () => targets });
  const h = model.hostNode('kvm1');
  assert.equal(model.view(h)?.contextValue, 'virtnet.host.ready');
  assert.match(plain(model.view(h)!.tooltip), /Targeted by this workspace: no/);
  targets = ['kvm1'];
  assert.equal(model.view(h)?.contextValue, 'virtnet.host.ready.targeted');
  assert.match(model.view(h)!.description!, /^◎ targeted · admin@kvm1\.example\.org/);
  assert.match(plain(model.view(h)!.tooltip), /Targeted by this workspace: yes/);
  assert.deepEqual(withTargetHost(undefined, 'a', true), ['a']);
  assert.deepEqual(withTargetHost(['a', 3, 'b'], 'a', true), ['a', 3, 'b']);
  assert.deepEqual(withTargetHost(['a', 3, 'b'], 'c', true), ['a', 3, 'b', 'c']);
  assert.deepEqual(withTargetHost(['a', 3, 'b'], 'a', false), [3, 'b']);
});
