import type { Check } from '../check';
import { finding, forwardPool, interfaceDevs, network } from './common';

/** When both <forward dev> and <interface dev> are given, the first interface must be that same device. */
export const forwardDevMismatch: Check = {
  id: 'libvirt/forward-dev-mismatch',
  defaultSeverity: 'error',
  description: '<forward dev=…> differs from the first <interface dev=…> of <forward>.',
  appliesTo: ['libvirt-network'],
  run(ctx) {
    const net = network(ctx);
    if (!net) return [];
    const pool = forwardPool(net);
    const first = interfaceDevs(pool)[0];
    if (!pool.dev || !first || pool.interfaces[0] !== first.el || first.value === pool.dev.value) return [];
    return [
      finding(this.id, first.span, `The first <interface dev='${first.value}'> must be the device named by <forward dev='${pool.dev.value}'>; libvirt refuses a mismatch. Make them equal, or drop the dev attribute`),
    ];
  },
};
