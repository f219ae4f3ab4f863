import type { Check } from '../check';
import type { Finding } from '../../service/types';
import { finding, forwardPool, network } from './common';

/** A pool is built from one SR-IOV physical function: only one <pf> is allowed. */
export const forwardPfMultiple: Check = {
  id: 'libvirt/forward-pf-multiple',
  defaultSeverity: 'error',
  description: '<forward> has more than one <pf> element.',
  appliesTo: ['libvirt-network'],
  run(ctx) {
    const net = network(ctx);
    if (!net) return [];
    const pool = forwardPool(net);
    // With an <interface> or <address> pool libvirt never reads the <pf> elements.
    if (pool.pfs.length < 2 || pool.interfaces.length > 0 || pool.addresses.length > 0) return [];
    const out: Finding[] = [];
    for (const extra of pool.pfs.slice(1))
      out.push(finding(this.id, extra.nameSpan, 'Only one <pf> (SR-IOV physical function) is allowed in <forward>; libvirt refuses a second one. Define one network per physical function'));
    return out;
  },
};
