/**
 * The hosts tree as data: which nodes exist and how each one looks (label,
 * description, Markdown tooltip, icon and colour ids, contextValue,
 * collapsible state). Under a host: a "Networks" folder (each network lists
 * the VMs with a NIC on it) and a "Virtual machines" folder (each VM lists
 * its NICs, the running and saved configurations side by side), or a
 * message (its error with a retry, "connecting"). The TreeDataProvider in
 * hostsTreeProvider.ts only turns these plain descriptions into TreeItems,
 * so everything the view decides is tested here without VS Code, also
 * against real hosts through the remote layer. VM and NIC looks are in
 * vmViews.ts.
 *
 * A host is contacted only when its children are asked for (the user
 * expanded it): an `idle` host is refreshed then, in the background, and
 * its node re-rendered when the manager reports the result. Nothing here
 * waits on a host, and hosts never wait on each other (the manager bounds
 * how many are read at once, not the tree).
 *
 * Node objects are kept and reused (the same object for the same host,
 * network, VM or NIC) because VS Code identifies the element of a change
 * event by object identity.
 */
import { DEFAULT_LIBVIRT_URI, vmsOnNetwork, type HostSnapshot, type NetworkSummary, type NetworkUse, type Result, type VmSummary } from '../remote';
import { nextStep } from './errorAdvice';
import { md, mdLines, printable } from './markdown';
import { groupView, networkUsersWords, nicView, vmView, type GroupKind } from './vmViews';

export { md, mdLines, printable } from './markdown';

/** Tree nodes; the first argument of commands invoked from the tree (UI-CONTRACT.md). */
export type HostsTreeNode = HostNode | GroupNode | NetworkNode | VmNode | NicNode | MessageNode;

export interface HostNode {
  readonly kind: 'host';
  readonly hostName: string;
}

/** The "Networks" or "Virtual machines" folder of a host. */
export interface GroupNode {
  readonly kind: 'group';
  readonly hostName: string;
  readonly group: GroupKind;
}

export interface NetworkNode {
  readonly kind: 'network';
  readonly hostName: string;
  readonly networkName: string;
}

export interface VmNode {
  readonly kind: 'vm';
  readonly hostName: string;
  readonly vmName: string;
  /** Set when the node is shown under this network's node (a VM with a NIC on it). */
  readonly networkName?: string;
}

export interface NicNode {
  readonly kind: 'nic';
  readonly hostName: string;
  readonly vmName: string;
  /** The NIC's MAC (lower case); `#N` for the N-th NIC without one (hand-written XML only). */
  readonly mac: string;
}

export interface MessageNode {
  readonly kind: 'message';
  /** The host the message belongs to; undefined for a root message (a settings problem). */
  readonly hostName?: string;
  readonly message: 'error' | 'empty' | 'loading' | 'settings';
  /** For `settings` messages: the problem. */
  readonly text?: string;
  /** The folder the message is in (`empty` networks or VMs, the VM list's `error`). */
  readonly group?: GroupKind;
  /** For `loading` messages: which one (each children() call makes a new one, see loadingNode). */
  readonly seq?: number;
}

/** How a node looks: what a TreeItem is made of, as plain data. */
export interface NodeView {
  readonly id: string;
  readonly label: string;
  readonly description?: string;
  /** Markdown (untrusted: no command links, no HTML). */
  readonly tooltip?: string;
  /** A codicon id (`server`, `circle-filled`, `loading~spin`) and an optional theme colour id. */
  readonly icon: { readonly id: string; readonly color?: string };
  readonly contextValue: string;
  readonly collapsible: 'none' | 'collapsed' | 'expanded';
  readonly command?: { readonly command: string; readonly title: string; readonly arguments: readonly unknown[] };
}

/** What the model needs from the HostConnectionManager. */
export interface HostSource {
  hosts(): HostSnapshot[];
  host(name: string): HostSnapshot | undefined;
  refresh(name: string): Promise<Result<NetworkSummary[]>>;
}

export interface HostsTreeModelOptions {
  /** Problems with the `virtnet.hosts` setting, shown as root messages. */
  readonly settingsProblems?: () => readonly string[];
  /** The hosts the workspace targets (`virtnet.targetHosts`): their nodes say so. */
  readonly targets?: () => readonly string[];
}

export class HostsTreeModel {
  /** Every node handed out, by its key (host name first), so the same object comes back. */
  private readonly nodes = new Map<string, HostsTreeNode>();
  private loadingSeq = 0;
  private readonly settingsProblems: () => readonly string[];
  private readonly targets: () => readonly string[];

  constructor(
    private readonly source: HostSource,
    options: HostsTreeModelOptions | (() => readonly string[]) = {},
  ) {
    const o = typeof options === 'function' ? { settingsProblems: options } : options;
    this.settingsProblems = o.settingsProblems ?? (() => []);
    this.targets = o.targets ?? (() => []);
  }

  /** Root: one node per configured host, then a message per settings problem. */
  roots(): HostsTreeNode[] {
    const hosts: HostsTreeNode[] = this.source.hosts().map((h) => this.hostNode(h.config.name));
    const problems = this.settingsProblems().map((text) => this.message(undefined, 'settings', { text }));
    return [...hosts, ...problems];
  }

  /**
   * The children of a node, at once: this never waits on a host (VS Code
   * queues tree refreshes, so a host that hangs must not hold a getChildren
   * call). A host not contacted yet is refreshed in the background and shows
   * a "connecting" message until the manager reports its state; a host being
   * re-read keeps showing its last networks and VMs meanwhile.
   */
  children(node?: HostsTreeNode): HostsTreeNode[] {
    if (!node) return this.roots();
    if (node.kind === 'message' || node.kind === 'nic' || node.hostName === undefined) return [];
    let snapshot = this.source.host(node.hostName);
    if (!snapshot) return [];
    if (node.kind === 'host' && snapshot.status === 'idle') {
      void this.source.refresh(node.hostName);
      snapshot = this.source.host(node.hostName);
      if (!snapshot) return [];
    }
    switch (node.kind) {
      case 'host':
        return this.childrenOf(snapshot);
      case 'group':
        return node.group === 'networks' ? this.networksOf(snapshot) : this.vmsOf(snapshot);
      case 'network':
        return this.usersOf(snapshot, node.networkName).map((u) => this.vmNode(snapshot.config.name, u.vm.name, node.networkName));
      case 'vm':
        return node.networkName !== undefined ? [] : this.nicsOf(snapshot, node.vmName);
    }
  }

  /** A host's children as its current state has them (no contact): its two folders, or a message. */
  childrenOf(snapshot: HostSnapshot): HostsTreeNode[] {
    const name = snapshot.config.name;
    if (snapshot.status === 'error') return [this.message(name, 'error')];
    if (snapshot.status !== 'ready' && !snapshot.networks) return [this.loadingNode(name)];
    return [this.groupNode(name, 'networks'), this.groupNode(name, 'vms')];
  }

  /** The "Networks" folder's children. */
  networksOf(snapshot: HostSnapshot): HostsTreeNode[] {
    const name = snapshot.config.name;
    const networks = snapshot.networks ?? [];
    if (networks.length === 0) return [this.message(name, 'empty', { group: 'networks' })];
    return networks.map((n) => this.node<NetworkNode>([name, 'network', n.name], () => ({ kind: 'network', hostName: name, networkName: n.name })));
  }

  /** The "Virtual machines" folder's children. */
  vmsOf(snapshot: HostSnapshot): HostsTreeNode[] {
    const name = snapshot.config.name;
    if (snapshot.vmError && !snapshot.vms) return [this.message(name, 'error', { group: 'vms' })];
    const vms = snapshot.vms ?? [];
    if (vms.length === 0) return [this.message(name, 'empty', { group: 'vms' })];
    return vms.map((v) => this.vmNode(name, v.name));
  }

  private nicsOf(snapshot: HostSnapshot, vmName: string): HostsTreeNode[] {
    const vm = snapshot.vms?.find((v) => v.name === vmName);
    if (!vm) return [];
    const name = snapshot.config.name;
    return nicKeys(vm).map(([key]) => this.node<NicNode>([name, 'nic', vmName, key], () => ({ kind: 'nic', hostName: name, vmName, mac: key })));
  }

  /** The VMs with a NIC on a network (running or saved configuration). */
  usersOf(snapshot: HostSnapshot, network: string): NetworkUse[] {
    return snapshot.vms ? vmsOnNetwork(snapshot.vms, network) : [];
  }

  /** The same node object for a host every time (VS Code matches change events by identity). */
  hostNode(hostName: string): HostNode {
    return this.node<HostNode>([hostName, 'host'], () => ({ kind: 'host', hostName }));
  }

  groupNode(hostName: string, group: GroupKind): GroupNode {
    return this.node<GroupNode>([hostName, 'group', group], () => ({ kind: 'group', hostName, group }));
  }

  vmNode(hostName: string, vmName: string, networkName?: string): VmNode {
    return this.node<VmNode>([hostName, 'vm', vmName, networkName ?? null], () => ({ kind: 'vm', hostName, vmName, ...(networkName !== undefined ? { networkName } : {}) }));
  }

  /** The node a node is shown under (for TreeView.reveal); undefined for roots. */
  parent(node: HostsTreeNode): HostsTreeNode | undefined {
    const h = node.hostName;
    if (h === undefined || node.kind === 'host') return undefined;
    switch (node.kind) {
      case 'network':
        return this.groupNode(h, 'networks');
      case 'vm':
        return node.networkName !== undefined ? this.node<NetworkNode>([h, 'network', node.networkName], () => ({ kind: 'network', hostName: h, networkName: node.networkName as string })) : this.groupNode(h, 'vms');
      case 'nic':
        return this.vmNode(h, node.vmName);
      case 'message':
        return node.group ? this.groupNode(h, node.group) : this.hostNode(h);
      default:
        return this.hostNode(h);
    }
  }

  /** How a node looks now; undefined when what it shows no longer exists. */
  view(node: HostsTreeNode): NodeView | undefined {
    if (node.kind === 'message' && node.message === 'settings') return settingsProblemView(node.text ?? '');
    const host = node.hostName === undefined ? undefined : this.source.host(node.hostName);
    if (!host) return undefined;
    switch (node.kind) {
      case 'host':
        return hostView(host, this.targets().includes(host.config.name));
      case 'group':
        return groupView(host, node.group);
      case 'network': {
        const net = host.networks?.find((n) => n.name === node.networkName);
        return net && networkView(host, net, host.vms ? this.usersOf(host, net.name) : undefined);
      }
      case 'vm': {
        const vm = host.vms?.find((v) => v.name === node.vmName);
        if (!vm) return undefined;
        if (node.networkName === undefined) return vmView(host, vm);
        const use = this.usersOf(host, node.networkName).find((u) => u.vm === vm);
        return vmView(host, vm, { network: node.networkName, nics: use?.nics ?? [] });
      }
      case 'nic': {
        const vm = host.vms?.find((v) => v.name === node.vmName);
        const entry = vm && nicKeys(vm).find(([key]) => key === node.mac)?.[1];
        return vm && entry && nicView(host, vm, entry, node.mac);
      }
      case 'message':
        if (node.message === 'error') return node.group === 'vms' ? vmErrorView(host) : errorView(host);
        return node.message === 'loading' ? loadingView(host, node.seq ?? 0) : node.group === 'vms' ? noVmsView(host) : emptyView(host);
    }
  }

  /** Forgets nodes of hosts that are no longer configured. */
  prune(): void {
    const names = new Set(this.source.hosts().map((h) => h.config.name));
    for (const k of this.nodes.keys()) {
      const host = (JSON.parse(k) as (string | null)[])[0];
      if (host !== null && !names.has(host)) this.nodes.delete(k);
    }
  }

  private node<T extends HostsTreeNode>(key: readonly (string | null)[], make: () => T): T {
    const k = JSON.stringify(key);
    let n = this.nodes.get(k) as T | undefined;
    if (!n) this.nodes.set(k, (n = make()));
    return n;
  }

  /**
   * A new "connecting…" node, with an id of its own, at every call: VS Code may ask for a host's
   * children twice at once (the expansion, and the refresh the manager's "loading" report
   * triggers), and a node of the same id registered by both fails with "Element with id … is
   * already registered". Nothing is kept on a transient node, so a new id costs nothing.
   */
  private loadingNode(hostName: string): MessageNode {
    return { kind: 'message', hostName, message: 'loading', seq: ++this.loadingSeq };
  }

  private message(hostName: string | undefined, message: MessageNode['message'], extra: { text?: string; group?: GroupKind } = {}): MessageNode {
    return this.node<MessageNode>([hostName ?? null, 'message', message, extra.text ?? null, extra.group ?? null], () => ({
      kind: 'message',
      hostName,
      message,
      ...(extra.text !== undefined ? { text: extra.text } : {}),
      ...(extra.group !== undefined ? { group: extra.group } : {}),
    }));
  }
}

/** A VM's NICs with the key of each node: the MAC, or `#N` for the N-th without one. */
function nicKeys(vm: VmSummary): [string, VmSummary['nics'][number]][] {
  let unnamed = 0;
  return vm.nics.map((n) => [n.mac ?? `#${unnamed++}`, n]);
}

// ---- how each node looks ---------------------------------------------------

export function hostView(h: HostSnapshot, targeted = false): NodeView {
  const c = h.config;
  const uri = c.uri ?? DEFAULT_LIBVIRT_URI;
  const local = c.local || !c.host;
  const address = local ? 'local' : `${c.user ? `${c.user}@` : ''}${c.host}${c.port && c.port !== 22 ? `:${c.port}` : ''}`;
  const status = statusWords(h);
  const description = [...(targeted ? ['◎ targeted'] : []), address, uri === DEFAULT_LIBVIRT_URI ? undefined : uri, status].filter(Boolean).join(' · ');
  const lines = [
    `**${md(c.name)}**`,
    '',
    `- Host: ${local ? 'this machine (virsh runs locally)' : md(`${c.host}, port ${c.port ?? 22}`)}`,
    ...(local ? [] : [`- User: ${md(c.user ?? '(your user name)')}`]),
    ...(c.identityFile ? [`- Identity file: ${md(c.identityFile)}`] : []),
    ...(!local && c.proxyJump ? [`- Through jump host: ${md(c.proxyJump)}`] : []),
    `- libvirt URI: ${md(uri)}`,
    `- State: ${md(status || 'not contacted yet (expand to connect)')}`,
    `- Targeted by this workspace: ${targeted ? 'yes (its networks, VMs and bridges join the checks of your files)' : 'no'}`,
  ];
  if (h.status === 'ready' && h.networks) lines.push(`- Networks: ${h.networks.length} (${h.networks.filter((n) => n.active).length} active)`);
  if (h.status === 'ready' && h.vms) lines.push(`- Virtual machines: ${h.vms.length} (${h.vms.filter((v) => v.state === 'running').length} running)`);
  if (h.status === 'error' && h.error) lines.push('', `Error: ${md(h.error.message)}`);
  return {
    id: JSON.stringify(['host', c.name]),
    label: printable(c.name),
    description,
    tooltip: lines.join('\n'),
    icon: hostIcon(h, local),
    contextValue: `virtnet.host.${h.status}${targeted ? '.targeted' : ''}`,
    collapsible: 'collapsed',
  };
}

function statusWords(h: HostSnapshot): string {
  switch (h.status) {
    case 'idle':
      return '';
    case 'loading':
      return h.queued ? 'waiting for a free slot…' : h.connection === 'connecting' ? 'connecting…' : 'reading networks and VMs…';
    case 'error':
      return 'error';
    case 'ready':
      return h.connection === 'connected' ? 'connected' : h.connection === 'local' ? 'ready' : 'ready (disconnected)';
  }
}

function hostIcon(h: HostSnapshot, local: boolean): NodeView['icon'] {
  const id = local ? 'device-desktop' : 'server';
  switch (h.status) {
    case 'loading':
      return { id: 'loading~spin' };
    case 'error':
      return { id: 'error', color: 'errorForeground' };
    case 'ready':
      return { id, color: 'charts.green' };
    case 'idle':
      return { id };
  }
}

/** The flags of a network as words: state first, then what is unusual. */
export function networkFlags(n: NetworkSummary): string[] {
  return [n.active === undefined ? 'state unknown' : n.active ? 'active' : 'inactive', ...(n.autostart ? ['autostart'] : []), ...(n.persistent === false ? ['transient'] : [])];
}

export function networkContextValue(n: NetworkSummary): string {
  return `virtnet.network.${n.active ? 'active' : 'inactive'}${n.autostart ? '.autostart' : ''}${n.persistent ? '.persistent' : ''}`;
}

/** A network; `users` (the VMs with a NIC on it) when the host's VMs are known. */
export function networkView(h: HostSnapshot, n: NetworkSummary, users?: readonly NetworkUse[]): NodeView {
  const subnets = n.ips.map((ip) => ip.subnet ?? `${ip.address}${ip.prefix !== undefined ? `/${ip.prefix}` : ''}`);
  const usersWords = networkUsersWords(n, users);
  const description = [...networkFlags(n), ...(n.bridge ? [n.bridge] : []), ...subnets, ...(usersWords.description ? [usersWords.description] : [])].join(' · ');
  const yesNo = (v: boolean | undefined, yes: string, no: string) => (v === undefined ? 'unknown' : v ? yes : no);
  const lines = [
    `**${md(n.name)}** on ${md(h.config.name)}`,
    '',
    `- State: ${yesNo(n.active, 'active (started)', 'inactive (stopped)')}`,
    `- Autostart: ${yesNo(n.autostart, 'on (starts with libvirtd)', 'off')}`,
    `- Persistence: ${yesNo(n.persistent, 'persistent (defined)', 'transient (gone once stopped)')}`,
    `- Forward: ${n.forwardMode ? md(n.forwardMode) : 'none (isolated network)'}`,
    `- Bridge: ${n.bridge ? md(n.bridge) : 'none'}`,
    `- Subnets: ${n.ips.length === 0 ? 'none' : n.ips.map((ip) => `${md(ip.subnet ?? ip.address)} (${ip.family}${ip.dhcp ? ', DHCP' : ''}, host address ${md(ip.address)})`).join('; ')}`,
    ...(n.uuid ? [`- UUID: ${md(n.uuid)}`] : []),
    ...(n.error ? ['', `Could not read its definition: ${md(n.error)}`] : []),
    ...usersWords.tooltip,
  ];
  return {
    id: JSON.stringify(['network', h.config.name, n.name]),
    label: printable(n.name),
    description,
    tooltip: lines.join('\n'),
    icon: n.error ? { id: 'warning', color: 'list.warningForeground' } : n.active ? { id: 'circle-filled', color: 'charts.green' } : { id: 'circle-outline', color: 'disabledForeground' },
    contextValue: networkContextValue(n),
    collapsible: users && users.length > 0 ? 'collapsed' : 'none',
  };
}

export function errorView(h: HostSnapshot): NodeView {
  const e = h.error ?? { kind: 'internal' as const, message: 'unknown error', stderr: '' };
  const advice = nextStep(e, h.config);
  const stderr = e.stderr.trim();
  const lines = [`**${md(h.config.name)}**: ${md(e.message)}`, ...(stderr && !e.message.includes(stderr) ? ['', 'libvirt said:', '', mdLines(stderr)] : []), '', md(advice)];
  return {
    id: JSON.stringify(['error', h.config.name]),
    label: printable(firstLine(e.message)),
    description: 'retry',
    tooltip: lines.join('\n'),
    icon: { id: 'error', color: 'errorForeground' },
    contextValue: 'virtnet.message.error',
    collapsible: 'none',
    command: { command: 'virtnet.hosts.retry', title: 'Retry', arguments: [{ kind: 'host', hostName: h.config.name }] },
  };
}

function emptyView(h: HostSnapshot): NodeView {
  return {
    id: JSON.stringify(['empty', h.config.name]),
    label: 'No networks',
    description: `virsh -c ${h.config.uri ?? DEFAULT_LIBVIRT_URI} net-list --all lists none`,
    icon: { id: 'info' },
    contextValue: 'virtnet.message.empty',
    collapsible: 'none',
  };
}

function noVmsView(h: HostSnapshot): NodeView {
  return {
    id: JSON.stringify(['empty', h.config.name, 'vms']),
    label: 'No virtual machines',
    description: `virsh -c ${h.config.uri ?? DEFAULT_LIBVIRT_URI} list --all lists none`,
    icon: { id: 'info' },
    contextValue: 'virtnet.message.empty',
    collapsible: 'none',
  };
}

/** The VM list failed while the networks were read (e.g. a user allowed net-* only). */
function vmErrorView(h: HostSnapshot): NodeView {
  const e = h.vmError ?? { kind: 'internal' as const, message: 'unknown error', stderr: '' };
  const stderr = e.stderr.trim();
  return {
    id: JSON.stringify(['error', h.config.name, 'vms']),
    label: printable(firstLine(`VMs could not be listed: ${e.message}`)),
    description: 'retry',
    tooltip: [`**${md(h.config.name)}**: the VMs could not be listed: ${md(e.message)}`, ...(stderr && !e.message.includes(stderr) ? ['', 'libvirt said:', '', mdLines(stderr)] : [])].join('\n'),
    icon: { id: 'error', color: 'errorForeground' },
    contextValue: 'virtnet.message.error',
    collapsible: 'none',
    command: { command: 'virtnet.hosts.retry', title: 'Retry', arguments: [{ kind: 'host', hostName: h.config.name }] },
  };
}

function loadingView(h: HostSnapshot, seq: number): NodeView {
  return {
    id: JSON.stringify(['loading', h.config.name, seq]),
    label: h.queued ? 'Waiting (other hosts are being connected to or read)…' : h.connection === 'connecting' ? 'Connecting…' : 'Reading networks and VMs…',
    icon: { id: 'loading~spin' },
    contextValue: 'virtnet.message.loading',
    collapsible: 'none',
  };
}

function settingsProblemView(text: string): NodeView {
  return {
    id: JSON.stringify(['settings', text]),
    label: printable(text),
    description: 'virtnet.hosts',
    tooltip: `${md(text)}\n\nClick to open the setting.`,
    icon: { id: 'warning', color: 'list.warningForeground' },
    contextValue: 'virtnet.message.settings',
    collapsible: 'none',
    command: { command: 'workbench.action.openSettings', title: 'Open Settings', arguments: ['virtnet.hosts'] },
  };
}

function firstLine(s: string): string {
  const i = s.indexOf('\n');
  return i < 0 ? s : s.slice(0, i);
}
