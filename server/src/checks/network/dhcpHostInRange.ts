import type { Check } from '../check';
import type { Finding } from '../../service/types';
import type { DhcpRange } from '../../model/libvirt';
import { finding, perIpBlocks, rangeProblem } from './util';

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
    return perIpBlocks(ctx, ID, (ips) => {
      const out: Finding[] = [];
      for (const ip of ips) {
        if (ip.hosts.length === 0) continue;
        // The ranges libvirt accepts, judged once per <ip>, in document order
        // (the first range containing a host is the one reported).
        const ranges: { r: DhcpRange; family: number; s: bigint; e: bigint }[] = [];
        for (const r of ip.ranges) {
          const s = r.startAddr;
          const e = r.endAddr;
          if (!s || !e || rangeProblem(ip, r)) continue;
          ranges.push({ r, family: s.family, s: s.value, e: e.value });
        }
        if (ranges.length === 0) continue;
        for (const h of ip.hosts) {
          const a = h.ipAddr;
          if (!a) continue;
          for (const { r, family, s, e } of ranges) {
            if (family !== a.family || a.value < s || a.value > e) continue;
            out.push(
              finding(ID, h.ip!.span, `static host address ${h.ip!.value} lies inside the dynamic range ${r.start!.value} – ${r.end!.value}; a guest that leased it earlier keeps it until the lease ends; reservations outside the range avoid that`),
            );
            break;
          }
        }
      }
      return out;
    });
  },
};
