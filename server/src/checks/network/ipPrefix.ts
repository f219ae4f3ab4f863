import type { Check } from '../check';
import type { Finding } from '../../service/types';
import { parseAddr } from '../../net/ip';
import { familyMatches, finding, networkOf, uint } from './util';

const ID = 'libvirt/ip-prefix';

/**
 * An IPv4 <ip> prefix above 32 is rejected by libvirt (the schema accepts
 * up to 128 for either family and reports more itself). Also: an IPv4 address outside classes A–C (224.0.0.0
 * and up) with neither prefix nor netmask has no default prefix, so libvirt
 * rejects its DHCP ranges.
 */
export const ipPrefixCheck: Check = {
  id: ID,
  defaultSeverity: 'error',
  description: 'An IPv4 <ip> prefix above 32, or a missing prefix libvirt cannot default.',
  appliesTo: ['libvirt-network'],
  run(ctx) {
    const out: Finding[] = [];
    for (const ip of networkOf(ctx)?.ips ?? []) {
      const addr = parseAddr(ip.address?.value);
      if (!addr || !familyMatches(ip, addr)) continue;
      const p = uint(ip.prefix);
      const max = addr.family === 4 ? 32 : 128;
      // The schema allows prefixes up to 128 for any family: only IPv4 33–128 is ours.
      if (p !== undefined && p > max) {
        if (addr.family === 6 || p > 128 || ip.netmask) continue;
        out.push(finding(ID, ip.prefix!.span, `prefix ${p} is too long for the ${addr.family === 4 ? 'IPv4' : 'IPv6'} address ${ip.address!.value}; the maximum is ${max}`));
        continue;
      }
      if (addr.family === 4 && !(p && p > 0) && !ip.netmask && Number(addr.value >> 24n) >= 224 && ip.ranges.length > 0)
        out.push(finding(ID, ip.address!.span, `${ip.address!.value} has no class A/B/C default prefix; add prefix='…' (libvirt rejects the DHCP range otherwise)`));
    }
    return out;
  },
};
