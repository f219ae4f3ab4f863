import type { Check } from '../check';
import type { Finding } from '../../service/types';
import { attrSpan, finding, forwardMode, forwardPool, network } from './common';

/** An open network puts no restriction on where traffic goes, so a forward device makes no sense to libvirt. */
export const forwardDevOpen: Check = {
  id: 'libvirt/forward-dev-open',
  defaultSeverity: 'error',
  description: "A network with forward mode 'open' names a forward device.",
  appliesTo: ['libvirt-network'],
  run(ctx) {
    const net = network(ctx);
    if (!net || forwardMode(net) !== 'open') return [];
    const pool = forwardPool(net);
    const out: Finding[] = [];
    const msg = (dev: string) =>
      `Forward mode 'open' does not restrict traffic to a device, so libvirt refuses a forward device ('${dev}'); remove it`;
    if (pool.dev) out.push(finding(this.id, pool.dev.span, msg(pool.dev.value)));
    else if (pool.interfaces.length > 0) {
      const i = pool.interfaces[0];
      out.push(finding(this.id, attrSpan(i, 'dev') ?? i.nameSpan, msg(i.attributes.find((a) => a.name === 'dev')?.value ?? 'interface')));
    }
    return out;
  },
};
