import type { Check } from '../check';
import type { Finding } from '../../service/types';
import { bridgesNeeded } from './bridgeUses';

/**
 * A libvirt network in `forward mode='bridge'`, or a VM NIC
 * `<interface type='bridge'><source bridge='x'>`, attaches to a bridge that
 * must already exist on the host. libvirt does not check: the network starts,
 * and VMs fail later ("Cannot get interface MTU on 'br1': No such device").
 * The bridge is defined by netplan, an interfaces file, a host-interface XML,
 * or (for NICs) is the bridge another libvirt network creates, or a targeted
 * KVM host's network uses it. When some targeted host's bridge devices are
 * known, they decide instead: libvirt/host-missing-bridge.
 */
export const missingBridge: Check = {
  id: 'libvirt/missing-bridge',
  defaultSeverity: 'warning',
  description: 'A bridged network or VM NIC uses a host bridge that no netplan, interfaces or libvirt file in the workspace folder defines.',
  appliesTo: ['libvirt-network', 'libvirt-domain', 'libvirt-domain-interface'],
  crossFile: true,
  run({ uri, model, workspace }) {
    if (workspace.hosts.hostsWithKnownBridges().length > 0) return [];
    const out: Finding[] = [];
    for (const { val, what } of bridgesNeeded(model)) {
      const name = val.value;
      const folder = workspace.folderOf(uri);
      const onHost = workspace.hostBridgesNamed(name).some((b) => workspace.folderOf(b.uri) === folder);
      // A NIC may also use the bridge a NAT/routed/isolated libvirt network creates.
      const byLibvirt =
        model.kind !== 'libvirt-network' &&
        workspace.networksWithBridge(name).some((f) => f.forwardMode !== 'bridge' && workspace.folderOf(f.uri) === folder);
      // A targeted host's network on that bridge (other than this network deployed) says the host has it.
      const self = model.kind === 'libvirt-network' ? model.name?.value : undefined;
      const onKvmHost = workspace.hosts.networksWithBridge(name).some((r) => r.network.name !== self);
      if (onHost || byLibvirt || onKvmHost) continue;
      const known = workspace.bridgeNames().filter((b) => b !== name);
      out.push({
        code: this.id,
        span: val.span,
        message:
          `${what} uses bridge '${name}', which no netplan, interfaces or libvirt file checked with it defines` +
          (known.length ? ` (bridges defined: ${known.slice(0, 10).join(', ')}${known.length > 10 ? ', …' : ''})` : '') +
          `; libvirt accepts it, but VMs fail to start with "Cannot get interface MTU on '${name}': No such device" unless the host has it`,
      });
    }
    return out;
  },
};
