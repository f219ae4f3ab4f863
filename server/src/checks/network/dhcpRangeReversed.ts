import type { Check } from '../check';
import type { Finding } from '../../service/types';
import { finding, networkOf, rangeProblem } from './util';

const ID = 'libvirt/dhcp-range-reversed';

/**
 * A DHCP range's end must not be lower than its start.
 * One problem per range is reported, the first in libvirt's own order
 * (virSocketAddrGetRange), so a range never gets two errors.
 */
export const dhcpRangeReversedCheck: Check = {
  id: ID,
  defaultSeverity: 'error',
  description: 'A DHCP range whose end is lower than its start.',
  appliesTo: ['libvirt-network'],
  run(ctx) {
    const out: Finding[] = [];
    for (const ip of networkOf(ctx)?.ips ?? [])
      for (const r of ip.ranges) {
        const p = rangeProblem(ip, r);
        if (p && (p.kind === 'reversed')) out.push(finding(ID, p.span, p.message));
      }
    return out;
  },
};
