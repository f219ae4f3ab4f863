import type { Check } from '../check';
import { formatSubnet } from '../../net/ip';
import { fileName } from '../../workspace/uris';
import { relatedTo } from './related';

/**
 * Two networks whose subnets overlap. Both define fine, but the second
 * `virsh net-start` fails ("Network is already in use by interface …"),
 * and routing between them would be ambiguous anyway.
 */
export const overlappingSubnets: Check = {
  id: 'libvirt/overlapping-subnets',
  defaultSeverity: 'warning',
  description: "A network's subnet overlaps the subnet of another network in the workspace.",
  appliesTo: ['libvirt-network'],
  crossFile: true,
  run({ uri, model, workspace }) {
    const facts = workspace.facts(uri);
    if (!facts || model.kind !== 'libvirt-network') return [];
    const out = [];
    for (const s of facts.subnets) {
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
