import type { Check } from '../check';
import { formatSubnet } from '../../net/ip';
import type { Finding } from '../../service/types';
import { fileName } from '../../workspace/uris';
import { relatedTo } from './related';

/**
 * A network whose bridge libvirt creates and addresses itself (NAT, routed,
 * open, isolated) on a subnet the host already uses on one of its own
 * interfaces (netplan, interfaces file): `virsh net-start` fails with
 * "Network is already in use by interface …".
 */
export const subnetUsedByHost: Check = {
  id: 'libvirt/subnet-used-by-host',
  defaultSeverity: 'warning',
  description: "A NAT, routed or isolated network's subnet overlaps an address the host configures in netplan or an interfaces file.",
  appliesTo: ['libvirt-network'],
  crossFile: true,
  run({ uri, model, workspace }) {
    if (model.kind !== 'libvirt-network') return [];
    const mode = model.forward ? (model.forwardMode?.value ?? 'nat') : undefined;
    if (mode !== undefined && !['nat', 'route', 'open'].includes(mode)) return [];
    const folder = workspace.folderOf(uri);
    const out: Finding[] = [];
    for (const s of workspace.facts(uri)?.subnets ?? []) {
      const hits = workspace.hostAddressesOverlapping(s.subnet).filter((h) => workspace.folderOf(h.uri) === folder);
      if (hits.length === 0) continue;
      const h = hits[0];
      out.push({
        code: this.id,
        span: s.span,
        message: `Subnet ${formatSubnet(s.subnet)} overlaps ${formatSubnet(h.subnet)} on host interface '${h.iface}' (${fileName(h.uri)}); virsh net-start would fail with "Network is already in use by interface ${h.iface}"`,
        related: relatedTo(hits, (x) => `host interface '${(x as typeof h).iface}' uses ${formatSubnet((x as typeof h).subnet)}`),
      });
    }
    return out;
  },
};
