import { attr, children } from '../../parse/xml';
import type { Check } from '../check';
import type { Finding } from '../../service/types';
import { finding, network } from './common';

/** Guests pick a portgroup by name, so names must be unique. */
export const portgroupDuplicateName: Check = {
  id: 'libvirt/portgroup-duplicate-name',
  defaultSeverity: 'error',
  description: 'Two <portgroup> elements have the same name.',
  appliesTo: ['libvirt-network'],
  run(ctx) {
    const net = network(ctx);
    if (!net) return [];
    const out: Finding[] = [];
    const seen = new Set<string>();
    for (const pg of children(net.root, 'portgroup')) {
      const a = attr(pg, 'name');
      if (a?.value === undefined) continue;
      if (seen.has(a.value)) out.push(finding(this.id, a.valueSpan ?? a.nameSpan, `Another portgroup is already named '${a.value}'; libvirt refuses two portgroups with the same name`));
      seen.add(a.value);
    }
    return out;
  },
};
