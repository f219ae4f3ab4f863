import type { Check } from '../check';
import type { Finding } from '../../service/types';
import { parseAddr } from '../../net/ip';
import { finding, networkOf, rangeProblem } from './util';

const ID = 'libvirt/dhcp-host-in-range';

/**
 * A static host address inside the dynamic range is accepted by libvirt and
 * dnsmasq reserves it, but a guest that leased it before the reservation
 * existed keeps it until its lease ends; reservations are safest outside
 * the pool. Information, not warning: libvirt's own examples put hosts
 * inside the range (33 of the 120 accepted corpus networks).
 */
export const dhcpHostInRangeCheck: Check = {
  id: ID,
  defaultSeverity: 'information',
  description: 'A static DHCP host address that lies inside a dynamic DHCP range.',
  appliesTo: ['libvirt-network'],
  run(ctx) {
    const out: Finding[] = [];
    for (const ip of networkOf(ctx)?.ips ?? [])
      for (const h of ip.hosts) {
        const a = parseAddr(h.ip?.value);
        if (!a) continue;
        for (const r of ip.ranges) {
          const s = parseAddr(r.start?.value);
          const e = parseAddr(r.end?.value);
          if (!s || !e || rangeProblem(ip, r) || s.family !== a.family || a.value < s.value || a.value > e.value) continue;
          out.push(
            finding(ID, h.ip!.span, `static host address ${h.ip!.value} lies inside the dynamic range ${r.start!.value} – ${r.end!.value}; a guest that leased it earlier keeps it until the lease ends; reservations outside the range avoid that`),
          );
          break;
        }
      }
    return out;
  },
};
