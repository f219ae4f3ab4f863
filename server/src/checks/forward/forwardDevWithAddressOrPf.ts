import type { Check } from '../check';
import { finding, forwardPool, network } from './common';

/** <forward dev=…> names a network device; it cannot be combined with a PCI <address> or <pf> pool. */
export const forwardDevWithAddressOrPf: Check = {
  id: 'libvirt/forward-dev-with-address-or-pf',
  defaultSeverity: 'error',
  description: '<forward dev=…> is combined with <address> or <pf> children.',
  appliesTo: ['libvirt-network'],
  run(ctx) {
    const net = network(ctx);
    if (!net) return [];
    const pool = forwardPool(net);
    if (!pool.dev || (pool.addresses.length === 0 && pool.pfs.length === 0)) return [];
    const other = pool.pfs.length > 0 ? '<pf>' : '<address>';
    return [finding(this.id, pool.dev.span, `<forward dev='${pool.dev.value}'> cannot be used together with ${other} elements in <forward>; libvirt refuses it. Remove the dev attribute or the ${other} elements`)];
  },
};
