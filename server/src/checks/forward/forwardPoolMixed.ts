import type { Check } from '../check';
import type { Finding } from '../../service/types';
import { finding, forwardPool, network } from './common';

/**
 * <interface>, <address> and <pf> are three alternative ways to give the
 * device pool. libvirt 9 reads only one of them (interfaces first, then
 * addresses, then pf) and silently drops the others.
 */
export const forwardPoolMixed: Check = {
  id: 'libvirt/forward-pool-mixed',
  defaultSeverity: 'warning',
  description: '<forward> mixes <interface>, <address> and <pf>; libvirt uses only one kind and ignores the rest.',
  appliesTo: ['libvirt-network'],
  run(ctx) {
    const net = network(ctx);
    if (!net) return [];
    const pool = forwardPool(net);
    const out: Finding[] = [];
    const netdev = pool.interfaces.length > 0 || !!pool.dev;
    // dev together with <address>/<pf> is an error reported by forward-dev-with-address-or-pf.
    if (pool.dev && (pool.addresses.length > 0 || pool.pfs.length > 0)) return [];
    const used = netdev ? '<interface>' : pool.addresses.length > 0 ? '<address>' : undefined;
    if (!used) return [];
    const ignored = [...(netdev ? pool.addresses : []), ...pool.pfs];
    for (const el of ignored)
      out.push(
        finding(this.id, el.nameSpan, `<${el.name}> is ignored: <forward> lists its devices with ${used} elements, and <interface>, <address> and <pf> are alternatives (libvirt uses only the first kind present). Keep one kind`),
      );
    return out;
  },
};
