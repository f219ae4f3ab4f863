import type { Check } from '../check';
import type { Finding } from '../../service/types';
import { finding, networkOf, rangeProblem } from './util';

const ID = 'libvirt/dhcp-range-too-large';

/**
 * libvirt requires an IPv4 range's ends to share their first two bytes (an IPv6 range's: all but the last 16 bits).
 * One problem per range is reported, the first in libvirt's own order
 * (virSocketAddrGetRange), so a range never gets two errors.
 */
export const dhcpRangeTooLargeCheck: Check = {
  id: ID,
  defaultSeverity: 'error',
  description: 'A DHCP range larger than libvirt accepts (ends differ beyond the last 16 bits).',
  appliesTo: ['libvirt-network'],
  run(ctx) {
    const out: Finding[] = [];
    for (const ip of networkOf(ctx)?.ips ?? [])
      for (const r of ip.ranges) {
        const p = rangeProblem(ip, r);
        if (p && (p.kind === 'too-large')) out.push(finding(ID, p.span, p.message));
      }
    return out;
  },
};
