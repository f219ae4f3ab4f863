import type { Check } from '../check';
import { finding, forwardMode, forwardPool, netdevCount, network } from './common';
import { attr } from '../../parse/xml';

/** nat and route networks forward through at most one host interface. */
export const forwardMultipleInterfaces: Check = {
  id: 'libvirt/forward-multiple-interfaces',
  defaultSeverity: 'error',
  description: "A 'nat' or 'route' network lists more than one forward interface.",
  appliesTo: ['libvirt-network'],
  run(ctx) {
    const net = network(ctx);
    if (!net) return [];
    const mode = forwardMode(net);
    if (mode !== 'nat' && mode !== 'route') return [];
    const pool = forwardPool(net);
    if (netdevCount(pool) <= 1) return [];
    // Report at the second interface, the first one libvirt cannot use.
    const devs = pool.interfaces.map((i) => attr(i, 'dev'));
    const second = pool.dev ? (devs[0]?.value === pool.dev.value ? pool.interfaces[1] : pool.interfaces[0]) : pool.interfaces[1];
    const a = second && attr(second, 'dev');
    const span = a?.valueSpan ?? second?.nameSpan ?? net.forward!.nameSpan;
    return [
      finding(this.id, span, `A '${mode}' network can forward through only one host interface; libvirt refuses a second one. Keep a single <forward dev=…> or <interface dev=…>`),
    ];
  },
};
