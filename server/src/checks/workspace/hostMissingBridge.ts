import type { Check } from '../check';
import type { Finding } from '../../service/types';
import { bridgesNeeded } from './bridgeUses';
import { hostRelated, hostsLabel } from './hostRelated';

/**
 * A bridged network or a VM NIC `<source bridge='x'>` on a bridge that a
 * targeted KVM host does not have, judged from the host's own bridge
 * devices (`ip -j link show type bridge`, read with its other facts).
 * libvirt does not check: the network starts, and VMs fail later ("Cannot
 * get interface MTU on 'x': No such device"). Hosts whose bridges are not
 * known are not judged (libvirt/missing-bridge then looks at the files).
 */
export const hostMissingBridge: Check = {
  id: 'libvirt/host-missing-bridge',
  defaultSeverity: 'warning',
  description: 'A bridged network or VM NIC uses a bridge that a targeted KVM host does not have (from the bridge devices the host lists).',
  appliesTo: ['libvirt-network', 'libvirt-domain', 'libvirt-domain-interface'],
  crossFile: true,
  run({ uri, model, workspace }) {
    const judges = workspace.hosts.hostsWithKnownBridges();
    if (judges.length === 0) return [];
    const out: Finding[] = [];
    for (const { val, what } of bridgesNeeded(model)) {
      const name = val.value;
      const lacking = judges.filter((h) => !workspace.hosts.hasBridge(h.host, name));
      if (lacking.length === 0) continue;
      const folder = workspace.folderOf(uri);
      const inFiles = workspace.hostBridgesNamed(name).some((b) => workspace.folderOf(b.uri) === folder);
      const theirs = lacking.length === 1 ? [...(lacking[0].bridges ?? [])].sort() : [];
      out.push({
        code: this.id,
        span: val.span,
        message:
          `${what} uses bridge '${name}', which ${hostsLabel(lacking)} ${lacking.length === 1 ? 'does' : 'do'} not have` +
          (lacking.length === 1 ? (theirs.length ? ` (bridges there: ${theirs.slice(0, 10).join(', ')}${theirs.length > 10 ? ', …' : ''})` : ' (no bridges there)') : '') +
          (inFiles ? '; a netplan, interfaces or host-interface file checked with it defines it, but the host does not have it (yet)' : '') +
          `; VMs using it fail to start there with "Cannot get interface MTU on '${name}': No such device"`,
        related: lacking.slice(0, 20).map((h) => hostRelated(h, 'bridges', undefined, `no bridge '${name}' among the host's bridges`)),
      });
    }
    return out;
  },
};
