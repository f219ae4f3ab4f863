import type { Check } from '../check';
import { formatSubnet } from '../../net/ip';
import { fileName } from '../../workspace/uris';
import type { Finding } from '../../service/types';
import { hostRelated, hostsLabel } from './hostRelated';
import { relatedTo } from './related';

/**
 * Two networks whose subnets overlap. Both define fine, but the second
 * `virsh net-start` fails ("Network is already in use by interface …"),
 * and routing between them would be ambiguous anyway.
 * On a targeted KVM host, only its active networks count (an inactive one
 * takes no addresses), and its network of this name is this file deployed.
 */
export const overlappingSubnets: Check = {
  id: 'libvirt/overlapping-subnets',
  defaultSeverity: 'warning',
  description: "A network's subnet overlaps the subnet of another network in the workspace, or of an active network on a targeted KVM host.",
  appliesTo: ['libvirt-network'],
  crossFile: true,
  run({ uri, model, workspace }) {
    const facts = workspace.facts(uri);
    if (!facts || model.kind !== 'libvirt-network') return [];
    const out: Finding[] = [];
    for (const s of facts.subnets) {
      const onHosts = workspace.hosts.size > 0 ? workspace.hosts.activeSubnetsOverlapping(s.subnet).filter((r) => r.network.name !== model.name?.value) : [];
      if (onHosts.length > 0) {
        const r = onHosts[0];
        out.push({
          code: this.id,
          span: s.span,
          message:
            `Subnet ${formatSubnet(s.subnet)} overlaps ${formatSubnet(r.subnet)} of network '${r.network.name}', active on ${hostsLabel(onHosts.map((o) => o.host))}${onHosts.length > 1 ? ` (${onHosts.length} networks in all)` : ''}; ` +
            (formatSubnet(r.subnet) === formatSubnet(s.subnet)
              ? 'virsh net-start of this network fails there while it runs ("Network is already in use by interface …")'
              : 'the host would route the shared addresses to one of the two bridges only'),
          related: onHosts.slice(0, 20).map((o) => hostRelated(o.host, 'network', o.network.name, `active network '${o.network.name}' uses ${formatSubnet(o.subnet)}`)),
        });
      }
      const others = workspace.overlapping(s.subnet).filter((o) => o.uri !== uri && !(o.network && o.network === s.network));
      if (others.length === 0) continue;
      const o = others[0];
      out.push({
        code: this.id,
        span: s.span,
        message: `Subnet ${formatSubnet(s.subnet)} overlaps ${formatSubnet(o.subnet)} of network '${o.network}' (${fileName(o.uri)})${others.length > 1 ? ` and ${others.length - 1} more` : ''}; only one of them can be started at a time`,
        related: relatedTo(others, (x) => `network '${(x as typeof o).network}' uses ${formatSubnet((x as typeof o).subnet)}`),
      });
    }
    return out;
  },
};
