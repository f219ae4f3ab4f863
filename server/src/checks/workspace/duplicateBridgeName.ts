import type { Check } from '../check';
import type { FileFacts } from '../../workspace/workspaceIndex';
import type { Finding } from '../../service/types';
import type { WorkspaceIndex } from '../../workspace/workspaceIndex';
import { hostRelated, hostsLabel } from './hostRelated';
import { describeFiles, relatedTo } from './related';

/** Networks whose bridge libvirt creates itself (every mode but the host-bridge and macvtap ones). */
function managesBridge(f: { forwardMode?: string }): boolean {
  return f.forwardMode === undefined || ['nat', 'route', 'open'].includes(f.forwardMode);
}

/**
 * Two networks naming the same bridge. When libvirt creates the bridge for
 * either of them, its network driver refuses the definition ("bridge name
 * already in use"); two `forward mode='bridge'` networks over one host
 * bridge are only redundant (a warning). Templates such as `virbr%d` are
 * allocated by libvirt and never clash.
 *
 * On a targeted KVM host: another network there with this bridge is the same
 * clash (its network of this name is the deployed copy of this file); a
 * bridge device the host has that none of its networks owns (a netplan
 * bridge, say) clashes with a network whose bridge libvirt creates: net-start
 * fails there.
 */
export const duplicateBridgeName: Check = {
  id: 'libvirt/duplicate-bridge-name',
  defaultSeverity: 'error',
  description: 'Another network in the workspace or on a targeted KVM host uses the same bridge name.',
  appliesTo: ['libvirt-network'],
  crossFile: true,
  run({ uri, model, workspace }) {
    if (model.kind !== 'libvirt-network' || !model.bridgeName?.value || model.bridgeName.value.includes('%d')) return [];
    const others: FileFacts[] = workspace.networksWithBridge(model.bridgeName.value).filter((f) => f.uri !== uri && f.networkName?.value !== model.name?.value);
    const mode = model.forward ? (model.forwardMode?.value ?? 'nat') : undefined;
    const out = onHosts(this.id, workspace, model.name?.value, model.bridgeName, mode);
    if (others.length === 0) return out;
    const clash = managesBridge({ forwardMode: mode }) || others.some(managesBridge);
    const names = [...new Set(others.map((o) => `'${o.networkName?.value ?? '?'}'`))].join(', ');
    return [
      ...out,
      {
        code: this.id,
        span: model.bridgeName.span,
        severity: clash ? 'error' : 'warning',
        message: clash
          ? `Bridge '${model.bridgeName.value}' is also used by network ${names} (${describeFiles(others.map((o) => o.uri))}); libvirt refuses a bridge name that another network already uses`
          : `Bridge '${model.bridgeName.value}' is also the host bridge of network ${names} (${describeFiles(others.map((o) => o.uri))}); one libvirt network per host bridge is enough`,
        related: relatedTo(
          others.map((o) => ({ uri: o.uri, span: o.bridgeName!.span })),
          () => `bridge '${model.bridgeName!.value}' used here too`,
        ),
      },
    ];
  },
};

/** Findings against the targeted KVM hosts: their other networks on this bridge, or a bridge device of theirs that libvirt would have to create. */
function onHosts(code: string, workspace: WorkspaceIndex, name: string | undefined, bridge: { value: string; span: { start: number; end: number } }, mode: string | undefined): Finding[] {
  const out: Finding[] = [];
  const all = workspace.hosts.networksWithBridge(bridge.value);
  const others = all.filter((r) => r.network.name !== name);
  if (others.length > 0) {
    const clash = managesBridge({ forwardMode: mode }) || others.some((r) => managesBridge(r.network));
    const names = [...new Set(others.map((r) => `'${r.network.name}'`))].join(', ');
    out.push({
      code,
      span: bridge.span,
      severity: clash ? 'error' : 'warning',
      message: clash
        ? `Bridge '${bridge.value}' is already used by network ${names} on ${hostsLabel(others.map((r) => r.host))}; libvirt there refuses a bridge name that another network already uses`
        : `Bridge '${bridge.value}' is already the host bridge of network ${names} on ${hostsLabel(others.map((r) => r.host))}; one libvirt network per host bridge is enough`,
      related: others.slice(0, 20).map((r) => hostRelated(r.host, 'network', r.network.name, `network '${r.network.name}' uses bridge '${bridge.value}'`)),
    });
  }
  if (!managesBridge({ forwardMode: mode })) return out;
  // A bridge device no network of that host owns: libvirt cannot create it.
  const owned = new Set(all.map((r) => r.host.host));
  const foreign = workspace.hosts.hostsWithKnownBridges().filter((h) => !owned.has(h.host) && workspace.hosts.hasBridge(h.host, bridge.value));
  if (foreign.length > 0) {
    out.push({
      code,
      span: bridge.span,
      severity: 'error',
      message: `Bridge '${bridge.value}' already exists on ${hostsLabel(foreign)} and no libvirt network there owns it; libvirt creates this network's bridge itself, so virsh net-start fails there`,
      related: foreign.slice(0, 20).map((h) => hostRelated(h, 'bridges', undefined, `bridge device '${bridge.value}'`)),
    });
  }
  return out;
}
