import type { Check } from '../check';
import type { Finding } from '../../service/types';
import { parseAddr, netmaskBits } from '../../net/ip';
import { familyMatches, finding, networkOf, uint } from './util';

const ID = 'libvirt/ip-netmask';

/**
 * Netmask rules of an <ip> block (virNetworkIPDefParseXML): IPv6 takes a
 * prefix, never a netmask; an IPv4 netmask must itself be IPv4 (prefix and
 * netmask together is left to the schema check). A
 * non-contiguous mask passes the parser but yields no prefix: libvirt then
 * rejects every DHCP range of the block (error), and otherwise fails later
 * (warning).
 */
export const ipNetmaskCheck: Check = {
  id: ID,
  defaultSeverity: 'error',
  description: 'An <ip> netmask that libvirt rejects: on IPv6, not IPv4, or not contiguous.',
  appliesTo: ['libvirt-network'],
  run(ctx) {
    const out: Finding[] = [];
    for (const ip of networkOf(ctx)?.ips ?? []) {
      const addr = parseAddr(ip.address?.value);
      const nmVal = ip.netmask;
      if (!addr || !nmVal || !familyMatches(ip, addr)) continue;
      if (addr.family === 6) {
        out.push(finding(ID, nmVal.span, `netmask is not allowed for the IPv6 address ${ip.address!.value}; use prefix='…' instead`));
        continue;
      }
      const nm = parseAddr(nmVal.value);
      if (!nm) continue; // syntax: the schema reports it
      if (nm.family !== 4) {
        out.push(finding(ID, nmVal.span, `netmask ${nmVal.value} is not an IPv4 address, but ${ip.address!.value} is IPv4`));
        continue;
      }
      if ((uint(ip.prefix) ?? 0) > 0) continue; // prefix and netmask together: the schema reports it
      if (netmaskBits(nm) === undefined) {
        const hasRange = ip.ranges.length > 0;
        out.push(
          finding(
            ID,
            nmVal.span,
            hasRange
              ? `netmask ${nmVal.value} is not contiguous (ones must be followed only by zeros): libvirt cannot derive a prefix and rejects the DHCP range`
              : `netmask ${nmVal.value} is not contiguous (ones must be followed only by zeros): libvirt cannot derive a prefix from it`,
            hasRange ? 'error' : 'warning',
          ),
        );
      }
    }
    return out;
  },
};
