/**
 * How the VM parts of the hosts tree look (pure, like hostsTreeModel.ts):
 * the "Networks" and "Virtual machines" folders of a host, a VM (state
 * icon and words, NIC count, whether its running and saved configurations
 * differ) and a NIC (type, source network or bridge, MAC, model, target
 * device), with the running and the saved configuration side by side in
 * the tooltip where they differ.
 */
import type { HostSnapshot, NetworkSummary, NetworkUse, VmNic, VmNicEntry, VmSummary } from '../remote';
import type { NodeView } from './hostsTreeModel';
import { md, printable } from './markdown';

export type GroupKind = 'networks' | 'vms';

const runs = (vm: VmSummary) => vm.state === 'running' || vm.state === 'paused';

export function groupView(h: HostSnapshot, group: GroupKind): NodeView {
  const name = h.config.name;
  if (group === 'networks') {
    const nets = h.networks ?? [];
    const active = nets.filter((n) => n.active).length;
    return {
      id: JSON.stringify(['group', name, 'networks']),
      label: 'Networks',
      description: `${nets.length}${nets.length > 0 ? ` (${active} active)` : ''}`,
      tooltip: `Libvirt networks of ${md(name)} (\`virsh net-list --all\`)`,
      icon: { id: 'type-hierarchy' },
      contextValue: 'virtnet.group.networks',
      collapsible: 'expanded',
    };
  }
  const vms = h.vms;
  const counts = vms ? vmCounts(vms) : h.vmError ? 'could not be listed' : 'not read';
  return {
    id: JSON.stringify(['group', name, 'vms']),
    label: 'Virtual machines',
    description: counts,
    tooltip: `Virtual machines (libvirt domains) of ${md(name)} (\`virsh list --all\`)${h.vmError ? `\n\nThey could not be listed: ${md(h.vmError.message)}` : ''}`,
    icon: { id: 'vm' },
    contextValue: 'virtnet.group.vms',
    collapsible: 'expanded',
  };
}

/** `3 running, 2 shut off`. */
export function vmCounts(vms: readonly VmSummary[]): string {
  if (vms.length === 0) return '0';
  const by = new Map<string, number>();
  for (const v of vms) by.set(v.state, (by.get(v.state) ?? 0) + 1);
  return ['running', 'paused', 'shut off', 'other'].filter((s) => by.has(s)).map((s) => `${by.get(s)} ${s}`).join(', ');
}

/** `running`, `shut off`, or libvirt's words for another state (`crashed (panicked)`). */
export function vmStateWords(vm: VmSummary): string {
  return vm.state === 'other' ? (vm.stateDetail ?? 'other state') : vm.state;
}

export function vmContextValue(vm: VmSummary): string {
  return `virtnet.vm.${vm.state === 'shut off' ? 'shutoff' : vm.state}`;
}

function vmIcon(vm: VmSummary): NodeView['icon'] {
  switch (vm.state) {
    case 'running':
      return { id: 'vm-running', color: 'charts.green' };
    case 'paused':
      return { id: 'debug-pause', color: 'charts.yellow' };
    case 'shut off':
      return { id: 'vm-outline', color: 'disabledForeground' };
    default:
      return { id: 'vm', color: 'list.warningForeground' };
  }
}

const differs = (vm: VmSummary) => vm.nics.some((n) => n.difference !== undefined);

/**
 * A VM; `use` set when it is shown under a network's node (then the NICs it
 * has on that network are named, and it has no children there).
 */
export function vmView(h: HostSnapshot, vm: VmSummary, use?: { network: string; nics: readonly VmNicEntry[] }): NodeView {
  const nicCount = vm.nics.length === 1 ? '1 NIC' : `${vm.nics.length} NICs`;
  const description = use
    ? [vmStateWords(vm), use.nics.map((n) => n.mac ?? 'NIC without MAC').join(', ')]
    : [vmStateWords(vm), nicCount, ...(differs(vm) ? ['running ≠ saved'] : []), ...(vm.persistent ? [] : ['transient']), ...(vm.autostart ? ['autostart'] : []), ...(vm.error ? ['read error'] : [])];
  const lines = [
    `**${md(vm.name)}** on ${md(h.config.name)}`,
    '',
    `- State: ${md(vm.stateDetail ?? vm.state)}`,
    `- Persistence: ${vm.persistent ? 'persistent (defined)' : 'transient (gone once shut off)'}`,
    `- Autostart: ${vm.autostart ? 'on (starts with libvirtd)' : 'off'}`,
    `- UUID: ${md(vm.uuid)}`,
    '',
    ...nicTable(vm, use ? use.nics : vm.nics),
    ...(differs(vm) ? ['', 'The running VM and its saved configuration differ (a change made to one only, or a live detach the guest did not complete). The saved configuration is used at the next start.'] : []),
    ...(vm.error ? ['', `Could not read all of it: ${md(vm.error)}`] : []),
  ];
  return {
    id: JSON.stringify(use ? ['vm', h.config.name, vm.name, 'on', use.network] : ['vm', h.config.name, vm.name]),
    label: printable(vm.name),
    description: description.join(' · '),
    tooltip: lines.join('\n'),
    icon: vmIcon(vm),
    contextValue: vmContextValue(vm),
    collapsible: !use && vm.nics.length > 0 ? 'collapsed' : 'none',
  };
}

function nicCell(nic: VmNic | undefined, missing: string): string {
  if (!nic) return missing;
  return md([`${nic.type} ${nicSourceWords(nic)}`, nic.model ?? 'default model', ...(nic.target ? [nic.target] : [])].join(', '));
}

function nicSourceWords(nic: VmNic): string {
  if (nic.type === 'network') return `'${nic.network ?? '?'}'${nic.bridge ? ` (bridge ${nic.bridge})` : ''}`;
  if (nic.type === 'bridge') return `'${nic.bridge ?? '?'}'`;
  if (nic.type === 'direct') return `'${nic.dev ?? '?'}'`;
  return '';
}

/** The NICs as a Markdown table: MAC, the running VM's view, the saved configuration's view. */
function nicTable(vm: VmSummary, nics: readonly VmNicEntry[]): string[] {
  if (nics.length === 0) return ['No network interfaces.'];
  const liveMissing = runs(vm) ? '— (not in the running VM)' : '(not running)';
  const configMissing = vm.persistent ? '— (not in the saved configuration)' : '(transient: none)';
  return ['| MAC | Running VM | Saved configuration |', '| --- | --- | --- |', ...nics.map((n) => `| ${md(n.mac ?? '(none)')} | ${nicCell(n.live, liveMissing)} | ${nicCell(n.config, configMissing)} |`)];
}

export function nicContextValue(n: VmNicEntry): string {
  return `virtnet.nic${n.live ? '.live' : ''}${n.config ? '.config' : ''}`;
}

/** `network 'default' · virtio · vnet3` (running side first), and where the two configurations part. */
export function nicDescription(vm: VmSummary, n: VmNicEntry): string {
  const main = (n.live ?? n.config) as VmNic;
  const parts = [`${main.type} ${nicSourceWords(main)}`.trim(), main.model ?? 'default model', ...(main.target ? [main.target] : [])];
  if (n.difference === 'live-only') parts.push('running VM only (not in the saved configuration)');
  else if (n.difference === 'config-only') parts.push(`saved configuration only (not in the running VM)`);
  else if (n.difference === 'changed' && n.config) parts.push(`saved: ${n.config.type} ${nicSourceWords(n.config)}, ${n.config.model ?? 'default model'}`);
  else if (!runs(vm) && n.config) parts.push('saved configuration');
  return parts.join(' · ');
}

export function nicView(h: HostSnapshot, vm: VmSummary, n: VmNicEntry, key: string): NodeView {
  const lines = [
    `**${md(n.mac ?? 'NIC without MAC')}** of ${md(vm.name)} on ${md(h.config.name)}`,
    '',
    '| | Running VM | Saved configuration |',
    '| --- | --- | --- |',
    ...nicRows(vm, n),
    ...(n.changes && n.changes.length > 0 ? ['', ...n.changes.map((c) => `- ${md(c)}`)] : []),
    ...(n.difference === 'live-only' ? ['', 'Only the running VM has it: it is gone after the VM is shut off and started again.'] : []),
    ...(n.difference === 'config-only' ? ['', 'Only the saved configuration has it: the VM gets it at its next start (or a live detach did not complete).'] : []),
  ];
  return {
    id: JSON.stringify(['nic', h.config.name, vm.name, key]),
    label: n.mac ?? 'NIC without MAC',
    description: nicDescription(vm, n),
    tooltip: lines.join('\n'),
    icon: n.difference ? { id: 'plug', color: 'list.warningForeground' } : { id: 'plug' },
    contextValue: nicContextValue(n),
    collapsible: 'none',
  };
}

function nicRows(vm: VmSummary, n: VmNicEntry): string[] {
  const liveMissing = runs(vm) ? '—' : '(not running)';
  const configMissing = vm.persistent ? '—' : '(transient)';
  const row = (label: string, get: (nic: VmNic) => string | undefined) => {
    const cell = (nic: VmNic | undefined, missing: string) => (nic ? md(get(nic) ?? '(default)') : missing);
    return `| ${label} | ${cell(n.live, liveMissing)} | ${cell(n.config, configMissing)} |`;
  };
  return [
    row('Type', (x) => x.type),
    row('Source', (x) => nicSourceWords(x) || undefined),
    row('Model', (x) => x.model),
    row('Target device', (x) => x.target ?? (x === n.live ? '(none)' : 'assigned at start')),
  ];
}

/** What a network's node adds about the VMs on it: a count for the description, lines for the tooltip. */
export function networkUsersWords(net: NetworkSummary, users: readonly NetworkUse[] | undefined): { description?: string; tooltip: string[] } {
  if (!users) return { tooltip: [] };
  if (users.length === 0) return { tooltip: ['', 'No VM has a NIC on it.'] };
  const running = users.filter((u) => runs(u.vm)).length;
  const description = `${users.length} VM${users.length === 1 ? '' : 's'}${running > 0 ? ` (${running} running)` : ''}`;
  return {
    description,
    tooltip: ['', `VMs with a NIC on ${md(net.name)}:`, '', ...users.map((u) => `- ${md(u.vm.name)} (${md(vmStateWords(u.vm))}): ${u.nics.map((n) => md(n.mac ?? '?')).join(', ')}`)],
  };
}
