import type { Check } from '../check';
import type { Finding } from '../../service/types';
import type { Val } from '../../model/libvirt';

/**
 * A libvirt network in `forward mode='bridge'`, or a VM NIC
 * `<interface type='bridge'><source bridge='x'>`, attaches to a bridge that
 * must already exist on the host. libvirt does not check: the network starts,
 * and VMs fail later ("Cannot get interface MTU on 'br1': No such device").
 * The bridge is defined by netplan, an interfaces file, a host-interface XML,
 * or (for NICs) is the bridge another libvirt network creates.
 */
export const missingBridge: Check = {
  id: 'libvirt/missing-bridge',
  defaultSeverity: 'warning',
  description: 'A bridged network or VM NIC uses a host bridge that no netplan, interfaces or libvirt file in the workspace folder defines.',
  appliesTo: ['libvirt-network', 'libvirt-domain', 'libvirt-domain-interface'],
  crossFile: true,
  run({ uri, model, workspace }) {
    const wanted: { val: Val; what: string }[] = [];
    if (model.kind === 'libvirt-network') {
      if (model.forward && model.forwardMode?.value === 'bridge' && model.bridgeName?.value) wanted.push({ val: model.bridgeName, what: 'This bridged network' });
    } else if (model.kind !== 'libvirt-host-interface') for (const nic of model.nics) if (nic.sourceBridge?.value) wanted.push({ val: nic.sourceBridge, what: 'This VM interface' });
    const out: Finding[] = [];
    for (const { val, what } of wanted) {
      const name = val.value;
      const folder = workspace.folderOf(uri);
      const onHost = workspace.hostBridgesNamed(name).some((b) => workspace.folderOf(b.uri) === folder);
      // A NIC may also use the bridge a NAT/routed/isolated libvirt network creates.
      const byLibvirt =
        model.kind !== 'libvirt-network' &&
        workspace.networksWithBridge(name).some((f) => f.forwardMode !== 'bridge' && workspace.folderOf(f.uri) === folder);
      if (onHost || byLibvirt) continue;
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
