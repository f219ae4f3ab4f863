import type { Check } from '../check';
import type { Finding } from '../../service/types';
import { parseAddr } from '../../net/ip';
import { finding, networkOf } from './util';

const ID = 'libvirt/ip-family';

/**
 * The `family` attribute of an <ip> must match its address. libvirt treats
 * a missing family as IPv4, so an IPv6 address needs `family='ipv6'`
 * (network_conf.c, virNetworkIPDefParseXML); the schema accepts both.
 */
export const ipFamilyCheck: Check = {
  id: ID,
  defaultSeverity: 'error',
  description: "An <ip> element's family attribute does not match its address (IPv6 addresses need family='ipv6').",
  appliesTo: ['libvirt-network'],
  run(ctx) {
    const out: Finding[] = [];
    for (const ip of networkOf(ctx)?.ips ?? []) {
      const addr = parseAddr(ip.address?.value);
      if (!addr || !ip.address) continue;
      const fam = ip.family?.value;
      if (fam === undefined && addr.family === 6)
        out.push(finding(ID, ip.address.span, `IPv6 address ${ip.address.value} needs family='ipv6' on its <ip> element (without it libvirt expects IPv4)`));
      else if (fam === 'ipv4' && addr.family === 6)
        out.push(finding(ID, ip.family!.span, `family='ipv4' does not match the IPv6 address ${ip.address.value}; use family='ipv6'`));
      else if (fam === 'ipv6' && addr.family === 4)
        out.push(finding(ID, ip.family!.span, `family='ipv6' does not match the IPv4 address ${ip.address.value}; use family='ipv4' or leave it out`));
    }
    return out;
  },
};
