import type { Check } from '../check';
import type { Finding } from '../../service/types';
import { finding, networkOf, rangeProblem } from './util';

const ID = 'libvirt/dhcp-range-family';

/**
 * A DHCP range whose start and end are of different families, or not of its <ip>'s family.
 * One problem per range is reported, the first in libvirt's own order
 * (virSocketAddrGetRange), so a range never gets two errors.
 */
export const dhcpRangeFamilyCheck: Check = {
  id: ID,
  defaultSeverity: 'error',
  description: 'A DHCP range mixes IPv4 and IPv6, or is of another family than its <ip>.',
  appliesTo: ['libvirt-network'],
  run(ctx) {
    const out: Finding[] = [];
    for (const ip of networkOf(ctx)?.ips ?? [])
      for (const r of ip.ranges) {
        const p = rangeProblem(ip, r);
        if (p && (p.kind === 'family')) out.push(finding(ID, p.span, p.message));
      }
    return out;
  },
};
