import type { Check } from '../check';
import type { Finding } from '../../service/types';
import { finding, networkOf, rangeProblem } from './util';

const ID = 'libvirt/dhcp-range-outside-subnet';

/**
 * A DHCP range must lie entirely inside the subnet of its <ip> block.
 * One problem per range is reported, the first in libvirt's own order
 * (virSocketAddrGetRange), so a range never gets two errors.
 */
export const dhcpRangeOutsideSubnetCheck: Check = {
  id: ID,
  defaultSeverity: 'error',
  description: 'A DHCP range is not entirely inside the subnet of its <ip>.',
  appliesTo: ['libvirt-network'],
  run(ctx) {
    const out: Finding[] = [];
    for (const ip of networkOf(ctx)?.ips ?? [])
      for (const r of ip.ranges) {
        const p = rangeProblem(ip, r);
        if (p && (p.kind === 'outside')) out.push(finding(ID, p.span, p.message));
      }
    return out;
  },
};
