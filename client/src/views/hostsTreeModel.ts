/**
 * The hosts tree as data: which nodes exist (hosts → networks, or a message
 * under a host: its error with a retry, "no networks") and how each one
 * looks (label, description, Markdown tooltip, icon and colour ids,
 * contextValue, collapsible state). The TreeDataProvider in
 * hostsTreeProvider.ts only turns these plain descriptions into TreeItems,
 * so everything the view decides is tested here without VS Code, also
 * against real hosts through the remote layer.
 *
 * A host is contacted only when its children are asked for (the user
 * expanded it): an `idle` host is refreshed then, in the background, and
 * its node re-rendered when the manager reports the result. Nothing here
 * waits on a host, and hosts never wait on each other: each has its own
 * connection and timeout in the HostConnectionManager.
 *
 * Node objects are kept and reused (the same object for the same host or
 * network) because VS Code identifies the element of a change event by
 * object identity.
 */
import { DEFAULT_LIBVIRT_URI, type HostSnapshot, type NetworkSummary, type Result } from '../remote';
import { nextStep } from './errorAdvice';

/** Tree nodes; the first argument of commands invoked from the tree (UI-CONTRACT.md). */
export type HostsTreeNode = HostNode | NetworkNode | MessageNode;

export interface HostNode {
  readonly kind: 'host';
  readonly hostName: string;
}

export interface NetworkNode {
  readonly kind: 'network';
  readonly hostName: string;
  readonly networkName: string;
}

export interface MessageNode {
  readonly kind: 'message';
  /** The host the message belongs to; undefined for a root message (a settings problem). */
  readonly hostName?: string;
  readonly message: 'error' | 'empty' | 'loading' | 'settings';
  /** For `settings` messages: the problem. */
  readonly text?: string;
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
  readonly collapsible: 'none' | 'collapsed';
  readonly command?: { readonly command: string; readonly title: string; readonly arguments: readonly unknown[] };
}

/** What the model needs from the HostConnectionManager. */
export interface HostSource {
  hosts(): HostSnapshot[];
  host(name: string): HostSnapshot | undefined;
  refresh(name: string): Promise<Result<NetworkSummary[]>>;
}

export class HostsTreeModel {
  private readonly hostNodes = new Map<string, HostNode>();
  private readonly networkNodes = new Map<string, Map<string, NetworkNode>>();
  private readonly messageNodes = new Map<string, MessageNode>();

  constructor(
    private readonly source: HostSource,
    /** Problems with the `virtnet.hosts` setting, shown as root messages. */
    private readonly settingsProblems: () => readonly string[] = () => [],
  ) {}

  /** Root: one node per configured host, then a message per settings problem. */
  roots(): HostsTreeNode[] {
    const hosts: HostsTreeNode[] = this.source.hosts().map((h) => this.hostNode(h.config.name));
    const problems = this.settingsProblems().map((text) => this.message(undefined, 'settings', text));
    return [...hosts, ...problems];
  }

  /**
   * The children of a node, at once: this never waits on a host (VS Code
   * queues tree refreshes, so a host that hangs must not hold a getChildren
   * call). A host not contacted yet is refreshed in the background and shows
   * a "connecting" message until the manager reports its state; a host being
   * re-read keeps showing its last networks meanwhile.
   */
  children(node?: HostsTreeNode): HostsTreeNode[] {
    if (!node) return this.roots();
    if (node.kind !== 'host') return [];
    let snapshot = this.source.host(node.hostName);
    if (!snapshot) return [];
    if (snapshot.status === 'idle') {
      void this.source.refresh(node.hostName);
      snapshot = this.source.host(node.hostName);
      if (!snapshot) return [];
    }
    return this.childrenOf(snapshot);
  }

  /** The children as the host's current state has them (no contact). */
  childrenOf(snapshot: HostSnapshot): HostsTreeNode[] {
    const name = snapshot.config.name;
    if (snapshot.status === 'error') return [this.message(name, 'error')];
    if (snapshot.status !== 'ready' && !snapshot.networks) return [this.message(name, 'loading')];
    const networks = snapshot.networks ?? [];
    if (networks.length === 0) return [this.message(name, 'empty')];
    const known = this.networkNodes.get(name) ?? new Map<string, NetworkNode>();
    const next = new Map<string, NetworkNode>();
    for (const n of networks) next.set(n.name, known.get(n.name) ?? { kind: 'network', hostName: name, networkName: n.name });
    this.networkNodes.set(name, next);
    return [...next.values()];
  }

  /** The same node object for a host every time (VS Code matches change events by identity). */
  hostNode(hostName: string): HostNode {
    let n = this.hostNodes.get(hostName);
    if (!n) this.hostNodes.set(hostName, (n = { kind: 'host', hostName }));
    return n;
  }

  /** How a node looks now; undefined when what it shows no longer exists. */
  view(node: HostsTreeNode): NodeView | undefined {
    if (node.kind === 'message' && node.message === 'settings') return settingsProblemView(node.text ?? '');
    const host = node.hostName === undefined ? undefined : this.source.host(node.hostName);
    if (!host) return undefined;
    switch (node.kind) {
      case 'host':
        return hostView(host);
      case 'network': {
        const net = host.networks?.find((n) => n.name === node.networkName);
        return net && networkView(host, net);
      }
      case 'message':
        return node.message === 'error' ? errorView(host) : node.message === 'loading' ? loadingView(host) : emptyView(host);
    }
  }

  /** Forgets nodes of hosts that are no longer configured. */
  prune(): void {
    const names = new Set(this.source.hosts().map((h) => h.config.name));
    for (const map of [this.hostNodes, this.networkNodes]) for (const k of map.keys()) if (!names.has(k)) map.delete(k);
  }

  private message(hostName: string | undefined, message: MessageNode['message'], text?: string): MessageNode {
    const key = JSON.stringify([hostName ?? null, message, text ?? null]);
    let n = this.messageNodes.get(key);
    if (!n) this.messageNodes.set(key, (n = { kind: 'message', hostName, message, ...(text !== undefined ? { text } : {}) }));
    return n;
  }
}

// ---- how each node looks ---------------------------------------------------

export function hostView(h: HostSnapshot): NodeView {
  const c = h.config;
  const uri = c.uri ?? DEFAULT_LIBVIRT_URI;
  const local = c.local || !c.host;
  const address = local ? 'local' : `${c.user ? `${c.user}@` : ''}${c.host}${c.port && c.port !== 22 ? `:${c.port}` : ''}`;
  const status = statusWords(h);
  const description = [address, uri === DEFAULT_LIBVIRT_URI ? undefined : uri, status].filter(Boolean).join(' · ');
  const lines = [
    `**${md(c.name)}**`,
    '',
    `- Host: ${local ? 'this machine (virsh runs locally)' : md(`${c.host}, port ${c.port ?? 22}`)}`,
    ...(local ? [] : [`- User: ${md(c.user ?? '(your user name)')}`]),
    ...(c.identityFile ? [`- Identity file: ${md(c.identityFile)}`] : []),
    ...(!local && c.proxyJump ? [`- Through jump host: ${md(c.proxyJump)}`] : []),
    `- libvirt URI: ${md(uri)}`,
    `- State: ${md(status || 'not contacted yet (expand to connect)')}`,
  ];
  if (h.status === 'ready' && h.networks) lines.push(`- Networks: ${h.networks.length} (${h.networks.filter((n) => n.active).length} active)`);
  if (h.status === 'error' && h.error) lines.push('', `Error: ${md(h.error.message)}`);
  return {
    id: JSON.stringify(['host', c.name]),
    label: printable(c.name),
    description,
    tooltip: lines.join('\n'),
    icon: hostIcon(h, local),
    contextValue: `virtnet.host.${h.status}`,
    collapsible: 'collapsed',
  };
}

function statusWords(h: HostSnapshot): string {
  switch (h.status) {
    case 'idle':
      return '';
    case 'loading':
      return h.connection === 'connecting' ? 'connecting…' : 'reading networks…';
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

export function networkView(h: HostSnapshot, n: NetworkSummary): NodeView {
  const subnets = n.ips.map((ip) => ip.subnet ?? `${ip.address}${ip.prefix !== undefined ? `/${ip.prefix}` : ''}`);
  const description = [...networkFlags(n), ...(n.bridge ? [n.bridge] : []), ...subnets].join(' · ');
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
  ];
  return {
    id: JSON.stringify(['network', h.config.name, n.name]),
    label: printable(n.name),
    description,
    tooltip: lines.join('\n'),
    icon: n.error ? { id: 'warning', color: 'list.warningForeground' } : n.active ? { id: 'circle-filled', color: 'charts.green' } : { id: 'circle-outline', color: 'disabledForeground' },
    contextValue: networkContextValue(n),
    collapsible: 'none',
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

function loadingView(h: HostSnapshot): NodeView {
  return {
    id: JSON.stringify(['loading', h.config.name]),
    label: h.connection === 'connecting' ? 'Connecting…' : 'Reading networks…',
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

/** Control characters (a newline in a network name) made visible, so a label stays one line. */
export function printable(s: string): string {
  return s.replace(/[\u0000-\u001f\u007f]/g, (c) => (c === '\n' ? '\\n' : c === '\t' ? '\\t' : `\\x${c.charCodeAt(0).toString(16).padStart(2, '0')}`));
}

/** Text shown literally in Markdown: every punctuation character that Markdown reads is escaped. */
export function md(s: string): string {
  return printable(s).replace(/[\\`*_{}[\]()#+\-.!|<>~&:]/g, '\\$&');
}

/** Several lines of text shown literally, each on its own line (Markdown hard breaks). */
export function mdLines(s: string): string {
  return s.split('\n').map(md).join('  \n');
}

function firstLine(s: string): string {
  const i = s.indexOf('\n');
  return i < 0 ? s : s.slice(0, i);
}
