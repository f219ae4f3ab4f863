import type { Check } from '../check';
import type { Finding } from '../../service/types';
import { attrVal } from '../../model/libvirt';
import { parseAddr } from '../../net/ip';
import { finding, networkOf, uint } from './util';

const ID = 'libvirt/route-family';

/**
 * A static <route> must be consistent in itself (virNetDevIPRouteCreate):
 * without family (or with 'ipv4') address, gateway and netmask are IPv4 and
 * the prefix is at most 32; with family='ipv6' address and gateway are IPv6,
 * there is no netmask and the prefix is at most 128; netmask and prefix
 * exclude each other.
 */
export const routeFamilyCheck: Check = {
  id: ID,
  defaultSeverity: 'error',
  description: "A <route> whose address, gateway, netmask or prefix do not fit its family (IPv6 routes need family='ipv6').",
  appliesTo: ['libvirt-network'],
  run(ctx) {
    const out: Finding[] = [];
    for (const r of networkOf(ctx)?.routes ?? []) {
      const family = attrVal(r, 'family');
      const address = attrVal(r, 'address');
      const gateway = attrVal(r, 'gateway');
      const netmask = attrVal(r, 'netmask');
      const prefix = attrVal(r, 'prefix');
      const a = parseAddr(address?.value);
      const g = parseAddr(gateway?.value);
      if (!a || !g) continue; // missing or malformed: the schema reports it
      const p = uint(prefix);
      if (family === undefined || family.value === 'ipv4') {
        const how = family ? "family='ipv4'" : 'no family';
        if (a.family !== 4) {
          out.push(finding(ID, family?.span ?? address!.span, `route address ${address!.value} is IPv6 but the route has ${how}; add family='ipv6'`));
          continue;
        }
        if (g.family !== 4) out.push(finding(ID, gateway!.span, `route gateway ${gateway!.value} is IPv6 but the route address ${address!.value} is IPv4`));
        if (netmask) {
          const m = parseAddr(netmask.value);
          if (m && m.family !== 4) out.push(finding(ID, netmask.span, `route netmask ${netmask.value} is not IPv4`));
          else if (m && prefix) out.push(finding(ID, netmask.span, `route has both prefix='${prefix.value}' and netmask='${netmask.value}'; give only one`));
        }
        if (p !== undefined && p > 32) out.push(finding(ID, prefix!.span, `route prefix ${p} is too long for IPv4; the maximum is 32`));
      } else if (family.value === 'ipv6') {
        if (a.family !== 6) {
          out.push(finding(ID, family.span, `family='ipv6' does not match the IPv4 route address ${address!.value}`));
          continue;
        }
        if (netmask) out.push(finding(ID, netmask.span, `an IPv6 route takes a prefix, not a netmask`));
        if (g.family !== 6) out.push(finding(ID, gateway!.span, `route gateway ${gateway!.value} is IPv4 but the route is IPv6`));
        if (p !== undefined && p > 128) out.push(finding(ID, prefix!.span, `route prefix ${p} is too long for IPv6; the maximum is 128`));
      }
    }
    return out;
  },
};
