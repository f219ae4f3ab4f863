import type { Check } from '../check';
import type { Finding } from '../../service/types';
import { parseAddr } from '../../net/ip';
import { finding, networkOf, rangeProblem, usableIp } from './util';

const ID = 'libvirt/dhcp-range-includes-host-ip';

/**
 * The <ip address> of a network is the host's own address on the bridge
 * (the guests' gateway and DNS server). libvirt accepts a DHCP range that
 * contains it, but the pool then offers an address that is already taken.
 */
export const dhcpRangeIncludesHostIpCheck: Check = {
  id: ID,
  defaultSeverity: 'warning',
  description: "A DHCP range that contains the network's own address (the host side of the bridge).",
  appliesTo: ['libvirt-network'],
  run(ctx) {
    const out: Finding[] = [];
    for (const ip of networkOf(ctx)?.ips ?? []) {
      const net = usableIp(ip);
      if (!net) continue;
      for (const r of ip.ranges) {
        const s = parseAddr(r.start?.value);
        const e = parseAddr(r.end?.value);
        if (!s || !e || rangeProblem(ip, r)) continue;
        if (s.family === net.addr.family && s.value <= net.addr.value && net.addr.value <= e.value)
          out.push(
            finding(ID, r.start!.span, `DHCP range ${r.start!.value} – ${r.end!.value} contains ${ip.address!.value}, the host's own address on this network; start the range after it`),
          );
      }
    }
    return out;
  },
};
