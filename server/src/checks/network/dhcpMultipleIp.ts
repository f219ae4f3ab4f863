import type { Check } from '../check';
import type { Finding } from '../../service/types';
import { parseAddr } from '../../net/ip';
import { finding, networkOf } from './util';

const ID = 'libvirt/dhcp-multiple-ip';

/**
 * libvirt runs DHCP for at most one IPv4 and one IPv6 <ip> per network; a
 * second block of the same family with ranges or hosts is rejected by the
 * network driver's validation at define time (networkValidate in
 * bridge_driver.c; the test driver does not run it). An empty <dhcp/> does
 * not count.
 */
export const dhcpMultipleIpCheck: Check = {
  id: ID,
  defaultSeverity: 'error',
  description: 'DHCP (ranges or hosts) configured on more than one IPv4, or more than one IPv6, <ip> of a network.',
  appliesTo: ['libvirt-network'],
  run(ctx) {
    const out: Finding[] = [];
    const first = new Map<number, { el: { nameSpan: { start: number; end: number } }; address: string }>();
    for (const ip of networkOf(ctx)?.ips ?? []) {
      const addr = parseAddr(ip.address?.value);
      if (!addr || !ip.dhcp || (ip.ranges.length === 0 && ip.hosts.length === 0)) continue;
      const prev = first.get(addr.family);
      if (!prev) {
        first.set(addr.family, { el: ip.dhcp, address: ip.address!.value });
        continue;
      }
      const fam = addr.family === 4 ? 'IPv4' : 'IPv6';
      out.push({
        ...finding(ID, ip.dhcp.nameSpan, `DHCP is already configured on the ${fam} address ${prev.address}; libvirt supports DHCP on only one ${fam} <ip> per network`),
        related: [{ uri: ctx.uri, span: prev.el.nameSpan, message: `first ${fam} <dhcp> (on ${prev.address})` }],
      });
    }
    return out;
  },
};
