import type { Check } from '../check';
import type { Finding } from '../../service/types';
import { finding, networkOf, rangeProblem } from './util';

const ID = 'libvirt/dhcp-range-network-address';

/**
 * An IPv4 DHCP range may not start at the subnet's network address nor end at its broadcast address.
 * One problem per range is reported, the first in libvirt's own order
 * (virSocketAddrGetRange), so a range never gets two errors.
 */
export const dhcpRangeNetworkAddressCheck: Check = {
  id: ID,
  defaultSeverity: 'error',
  description: 'An IPv4 DHCP range starts at the network address or ends at the broadcast address.',
  appliesTo: ['libvirt-network'],
  run(ctx) {
    const out: Finding[] = [];
    for (const ip of networkOf(ctx)?.ips ?? [])
      for (const r of ip.ranges) {
        const p = rangeProblem(ip, r);
        if (p && (p.kind === 'network-address' || p.kind === 'broadcast')) out.push(finding(ID, p.span, p.message));
      }
    return out;
  },
};
