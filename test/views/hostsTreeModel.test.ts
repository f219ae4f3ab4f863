/**
 * The hosts tree model on hand-made host states (pure logic; the same model
 * against real hosts is in hostsTreeRemote.test.ts): which nodes exist, how
 * each looks, what contextValue menus see, and that a host is contacted only
 * when its children are asked for, without the tree ever waiting on it.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { HostSnapshot, NetworkSummary, Result } from '../../client/src/remote';
import { HostsTreeModel, md, printable, type HostSource } from '../../client/src/views/hostsTreeModel';

const DEFAULT_NET: NetworkSummary = {
  name: 'default',
  active: true,
  autostart: true,
  persistent: true,
  bridge: 'virbr0',
  forwardMode: 'nat',
  uuid: '9a05da11-e96b-47f3-8253-a3a482e445f5',
  ips: [{ address: '192.168.122.1', prefix: 24, subnet: '192.168.122.0/24', family: 'ipv4', dhcp: true }],
};
const ISOLATED: NetworkSummary = { name: 'iso', active: false, autostart: false, persistent: true, bridge: 'virbr9', ips: [] };
const TRANSIENT: NetworkSummary = { name: 'tmp', active: true, autostart: false, persistent: false, ips: [] };

/**
 * A source whose states the test sets, behaving like the manager: refresh()
 * marks the host loading at once and settles when the test says so, to what
 * `onRefresh` gives; concurrent refreshes share one.
 */
function source(states: HostSnapshot[], onRefresh: (name: string) => HostSnapshot = (n) => states.find((s) => s.config.name === n)!) {
  const refreshed: string[] = [];
  const pending = new Map<string, { promise: Promise<Result<NetworkSummary[]>>; settle: () => void }>();
  const set = (next: HostSnapshot) => (states = states.map((s) => (s.config.name === next.config.name ? next : s)));
  const src: HostSource = {
    hosts: () => states,
    host: (n) => states.find((s) => s.config.name === n),
    refresh: (n) => {
      const inFlight = pending.get(n);
      if (inFlight) return inFlight.promise;
      refreshed.push(n);
      set({ ...src.host(n)!, status: 'loading', connection: 'connecting' });
      let settle = () => {};
      const promise = new Promise<Result<NetworkSummary[]>>((resolve) => {
        settle = () => {
          pending.delete(n);
          const next = onRefresh(n);
          set(next);
          resolve(next.status === 'error' ? { ok: false, error: next.error! } : { ok: true, value: [...(next.networks ?? [])] });
        };
      });
      pending.set(n, { promise, settle });
      return promise;
    },
  };
  /** Lets a host's refresh finish. */
  const settle = (n: string) => pending.get(n)?.settle();
  return { src, refreshed, settle };
}

const idle = (name: string, extra: Partial<HostSnapshot['config']> = {}): HostSnapshot => ({
  config: { name, host: `${name}.example.org`, user: 'admin', uri: 'qemu:///system', ...extra },
  status: 'idle',
  connection: 'disconnected',
});

test('roots are the configured hosts, then the settings problems; nothing is contacted to list them', () => {
  const { src, refreshed } = source([idle('kvm1'), idle('kvm2', { proxyJump: 'ops@gw:2200' })]);
  const model = new HostsTreeModel(src, () => ['virtnet.hosts[2] has no name: skipped']);
  const roots = model.roots();
  assert.deepEqual(roots.map((n) => n.kind), ['host', 'host', 'message']);
  assert.deepEqual(roots.map((n) => model.view(n)?.label), ['kvm1', 'kvm2', 'virtnet.hosts[2] has no name: skipped']);
  const host = model.view(roots[0])!;
  assert.equal(host.contextValue, 'virtnet.host.idle');
  assert.equal(host.collapsible, 'collapsed');
  assert.equal(host.description, 'admin@kvm1.example.org');
  assert.match(host.tooltip!, /not contacted yet/);
  assert.doesNotMatch(host.tooltip!, /jump host/);
  assert.match(model.view(roots[1])!.tooltip!, /Through jump host: ops@gw\\:2200/);
  assert.deepEqual(model.view(roots[2])?.command?.arguments, ['virtnet.hosts']);
  assert.deepEqual(refreshed, []);
  assert.equal(model.roots()[0], roots[0], 'the same node object every time (VS Code matches change events by identity)');
});

test('expanding an idle host contacts it in the background, then shows its networks with state, flags, bridge and subnet', () => {
  const { src, refreshed, settle } = source([idle('kvm1'), idle('kvm2')], (n) => ({ ...idle(n), status: 'ready', connection: 'connected', networks: [DEFAULT_NET, ISOLATED, TRANSIENT] }));
  const model = new HostsTreeModel(src);
  const [kvm1] = model.roots();
  const [connecting] = model.children(kvm1);
  assert.deepEqual(refreshed, ['kvm1'], 'only the expanded host is contacted');
  assert.deepEqual(connecting, { kind: 'message', hostName: 'kvm1', message: 'loading', seq: 1 });
  assert.deepEqual(model.view(connecting), { id: '["loading","kvm1",1]', label: 'Connecting…', icon: { id: 'loading~spin' }, contextValue: 'virtnet.message.loading', collapsible: 'none' });
  assert.deepEqual(model.view(kvm1)?.icon, { id: 'loading~spin' });
  const second = model.children(kvm1)[0];
  // VS Code may ask twice at once (expansion + the refresh the "loading" report triggers): a node id
  // registered by both would fail with "Element with id … is already registered".
  assert.notEqual(model.view(second)?.id, model.view(connecting)?.id, 'asked again while loading: a message with an id of its own');
  assert.equal(model.view(second)?.label, 'Connecting…');
  assert.deepEqual(refreshed, ['kvm1']);
  settle('kvm1');
  const groups = model.children(kvm1);
  assert.deepEqual(groups, [
    { kind: 'group', hostName: 'kvm1', group: 'networks' },
    { kind: 'group', hostName: 'kvm1', group: 'vms' },
  ]);
  assert.equal(model.view(groups[0])?.label, 'Networks');
  assert.equal(model.view(groups[0])?.description, '3 (2 active)');
  assert.equal(model.view(groups[0])?.collapsible, 'expanded');
  const children = model.children(groups[0]);
  assert.deepEqual(children, [
    { kind: 'network', hostName: 'kvm1', networkName: 'default' },
    { kind: 'network', hostName: 'kvm1', networkName: 'iso' },
    { kind: 'network', hostName: 'kvm1', networkName: 'tmp' },
  ]);
  const [def, iso, tmp] = children.map((c) => model.view(c)!);
  assert.equal(def.description, 'active · autostart · virbr0 · 192.168.122.0/24');
  assert.equal(def.contextValue, 'virtnet.network.active.autostart.persistent');
  assert.deepEqual(def.icon, { id: 'circle-filled', color: 'charts.green' });
  assert.match(def.tooltip!, /State: active/);
  assert.match(def.tooltip!, /Autostart: on/);
  assert.match(def.tooltip!, /Persistence: persistent/);
  assert.match(def.tooltip!, /Forward: nat/);
  assert.match(def.tooltip!, /192\\\.168\\\.122\\\.0\/24 \(ipv4, DHCP/);
  assert.equal(iso.description, 'inactive · virbr9');
  assert.equal(iso.contextValue, 'virtnet.network.inactive.persistent');
  assert.deepEqual(iso.icon, { id: 'circle-outline', color: 'disabledForeground' });
  assert.match(iso.tooltip!, /Forward: none \(isolated network\)/);
  assert.equal(tmp.description, 'active · transient');
  assert.equal(tmp.contextValue, 'virtnet.network.active');
  assert.match(tmp.tooltip!, /transient \(gone once stopped\)/);
  // Ready now: asking again renders from the state, without contacting the host.
  assert.equal(model.children(kvm1)[0], groups[0], 'group nodes are reused');
  const again = model.children(groups[0]);
  assert.deepEqual(refreshed, ['kvm1']);
  assert.equal(again[0], children[0], 'network nodes are reused');
  assert.deepEqual(model.view(kvm1)?.contextValue, 'virtnet.host.ready');
  assert.match(model.view(kvm1)!.description!, /connected/);
  assert.deepEqual(model.view(kvm1)?.icon, { id: 'server', color: 'charts.green' });
});

test('a failed host shows its error, libvirt\'s words and the next step as a child with a retry', () => {
  const error = { kind: 'command' as const, message: 'failed to connect to the hypervisor: Failed to connect socket to \'/var/run/libvirt/libvirt-sock\': No such file or directory', stderr: "error: failed to connect to the hypervisor\nerror: Failed to connect socket to '/var/run/libvirt/libvirt-sock': No such file or directory\n" };
  const { src, settle } = source([idle('kvm1')], (n) => ({ ...idle(n), status: 'error', connection: 'connected', error }));
  const model = new HostsTreeModel(src);
  const [kvm1] = model.roots();
  model.children(kvm1);
  settle('kvm1');
  const [child] = model.children(kvm1);
  assert.deepEqual(child, { kind: 'message', hostName: 'kvm1', message: 'error' });
  const v = model.view(child)!;
  assert.equal(v.label, error.message);
  assert.equal(v.contextValue, 'virtnet.message.error');
  assert.deepEqual(v.command, { command: 'virtnet.hosts.retry', title: 'Retry', arguments: [{ kind: 'host', hostName: 'kvm1' }] });
  assert.match(v.tooltip!, /libvirt said:\n\nerror\\: failed to connect to the hypervisor  \nerror\\: Failed/);
  assert.match(v.tooltip!, /libvirtd does not answer at qemu\\:\/\/\/system/);
  assert.equal(model.view(kvm1)?.contextValue, 'virtnet.host.error');
  assert.deepEqual(model.view(kvm1)?.icon, { id: 'error', color: 'errorForeground' });
});

test('a host with no network says so; a local host shows as local with its URI', () => {
  const local = idle('here', { host: undefined, local: true, uri: 'test:///default' });
  const { src, settle } = source([local], () => ({ ...local, status: 'ready', connection: 'local', networks: [] }));
  const model = new HostsTreeModel(src);
  const [here] = model.roots();
  assert.equal(model.view(here)?.description, 'local · test:///default');
  assert.deepEqual(model.view(here)?.icon, { id: 'device-desktop' });
  model.children(here);
  settle('here');
  const [nets, vms] = model.children(here);
  const [child] = model.children(nets);
  assert.equal(model.view(model.children(vms)[0])?.label, 'No virtual machines');
  assert.equal(model.view(child)?.label, 'No networks');
  assert.equal(model.view(child)?.contextValue, 'virtnet.message.empty');
});

test('a network that vanished renders as gone; hostile names stay one literal line', () => {
  const hostile = 'x;touch pwned\n$(id) `a` *b* [c](d)';
  const states: HostSnapshot[] = [{ ...idle('kvm1'), status: 'ready', connection: 'connected', networks: [{ ...ISOLATED, name: hostile }] }];
  const model = new HostsTreeModel(source(states).src);
  const [node] = model.networksOf(states[0]);
  const v = model.view(node)!;
  assert.equal(v.label, 'x;touch pwned\\n$(id) `a` *b* [c](d)');
  assert.ok(!v.tooltip!.includes('\n$(id)'), 'no raw newline from the name');
  assert.ok(v.tooltip!.includes(md(hostile)));
  assert.equal(md('[c](d) *b*'), '\\[c\\]\\(d\\) \\*b\\*');
  assert.equal(printable('a\u0001b\tc'), 'a\\x01b\\tc');
  assert.equal(model.view({ kind: 'network', hostName: 'kvm1', networkName: 'gone' }), undefined);
  assert.equal(model.view({ kind: 'host', hostName: 'nope' }), undefined);
});

test('a host being re-read keeps showing its last networks; the new state replaces them', () => {
  const ready: HostSnapshot = { ...idle('kvm1'), status: 'ready', connection: 'connected', networks: [DEFAULT_NET] };
  const { src, refreshed, settle } = source([ready], (n) => ({ ...ready, config: { ...ready.config, name: n }, networks: [DEFAULT_NET, ISOLATED] }));
  const model = new HostsTreeModel(src);
  const kvm1 = model.hostNode('kvm1');
  const nets = model.groupNode('kvm1', 'networks');
  assert.equal(model.children(kvm1)[0], nets);
  const before = model.children(nets);
  assert.deepEqual(refreshed, [], 'a ready host is rendered from its state');
  void src.refresh('kvm1'); // e.g. the Refresh Host command
  assert.deepEqual(model.view(kvm1)?.icon, { id: 'loading~spin' });
  assert.match(model.view(kvm1)!.description!, /connecting…/);
  assert.deepEqual(model.children(nets), before, 'the last networks stay while re-reading');
  settle('kvm1');
  assert.deepEqual(model.children(nets).map((n) => (n as { networkName: string }).networkName), ['default', 'iso']);
  assert.equal(model.children(nets)[0], before[0], 'network nodes are reused');
  assert.deepEqual(refreshed, ['kvm1']);
});
