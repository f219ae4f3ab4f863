import type { Check } from '../check';
import type { Finding } from '../../service/types';
import { attrVal } from '../../model/libvirt';
import { parseAddr, subnetOf } from '../../net/ip';
import { effectivePrefix, finding, networkOf } from './util';

const ID = 'libvirt/route-gateway-unreachable';

/**
 * The gateway of a static <route> must be directly reachable from the
 * network's bridge, i.e. inside the subnet of one of the network's own <ip>
 * elements of the same family; libvirt rejects the network otherwise.
 */
export const routeGatewayUnreachableCheck: Check = {
  id: ID,
  defaultSeverity: 'error',
  description: "A <route> gateway outside every subnet of the network's own <ip> elements.",
  appliesTo: ['libvirt-network'],
  run(ctx) {
    const net = networkOf(ctx);
    const out: Finding[] = [];
    if (!net) return out;
    for (const r of net.routes) {
      const gateway = attrVal(r, 'gateway');
      const g = parseAddr(gateway?.value);
      if (!g || !gateway) continue;
      const subnets: string[] = [];
      let reachable = false;
      for (const ip of net.ips) {
        const a = parseAddr(ip.address?.value);
        if (!a || a.family !== g.family) continue;
        const p = effectivePrefix(ip, a);
        if (p === undefined) continue;
        const s = subnetOf(a, p);
        subnets.push(`${ip.address!.value}/${p}`);
        if (subnetOf(g, p).network === s.network) reachable = true;
      }
      if (!reachable)
        out.push(
          finding(
            ID,
            gateway.span,
            subnets.length
              ? `route gateway ${gateway.value} is not inside any subnet of this network (${subnets.join(', ')}), so it is unreachable`
              : `route gateway ${gateway.value} is unreachable: the network has no ${g.family === 4 ? 'IPv4' : 'IPv6'} <ip> whose subnet contains it`,
          ),
        );
    }
    return out;
  },
};
