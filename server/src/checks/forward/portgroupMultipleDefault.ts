import { attr, children } from '../../parse/xml';
import type { Check } from '../check';
import type { Finding } from '../../service/types';
import { finding, network } from './common';

/** At most one <portgroup default='yes'>: it is the one guests get when they name none. */
export const portgroupMultipleDefault: Check = {
  id: 'libvirt/portgroup-multiple-default',
  defaultSeverity: 'error',
  description: 'More than one <portgroup> is marked default.',
  appliesTo: ['libvirt-network'],
  run(ctx) {
    const net = network(ctx);
    if (!net) return [];
    const out: Finding[] = [];
    let first: string | undefined;
    for (const pg of children(net.root, 'portgroup')) {
      const d = attr(pg, 'default');
      if (!d || d.value?.toLowerCase() !== 'yes') continue;
      const name = attr(pg, 'name')?.value ?? '?';
      if (first === undefined) first = name;
      else out.push(finding(this.id, d.valueSpan ?? d.nameSpan, `Portgroup '${name}' is marked default, but '${first}' already is; only one default portgroup is allowed and libvirt refuses the network`));
    }
    return out;
  },
};
