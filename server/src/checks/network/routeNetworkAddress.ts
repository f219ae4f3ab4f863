import type { Check } from '../check';
import type { Finding } from '../../service/types';
import { attrVal } from '../../model/libvirt';
import { formatAddr, parseAddr, subnetOf } from '../../net/ip';
import { finding, networkOf, uint } from './util';

const ID = 'libvirt/route-network-address';

/**
 * The address of a <route> is a destination network: libvirt rejects it
 * when host bits are set under its prefix or netmask. Without either the
 * prefix is 0, so only 0.0.0.0 (or ::), a default route, is accepted.
 */
export const routeNetworkAddressCheck: Check = {
  id: ID,
  defaultSeverity: 'error',
  description: 'A <route> address with host bits set under its prefix or netmask (it must be a network address).',
  appliesTo: ['libvirt-network'],
  run(ctx) {
    const out: Finding[] = [];
    for (const r of networkOf(ctx)?.routes ?? []) {
      const address = attrVal(r, 'address');
      const a = parseAddr(address?.value);
      const fam = attrVal(r, 'family')?.value;
      if (!a || !address || (fam === 'ipv6') !== (a.family === 6) || (fam !== undefined && fam !== 'ipv4' && fam !== 'ipv6')) continue;
      const netmask = attrVal(r, 'netmask');
      const prefixVal = attrVal(r, 'prefix');
      let masked: bigint;
      let how: string;
      if (netmask) {
        const m = parseAddr(netmask.value);
        if (!m || m.family !== a.family || prefixVal) continue;
        masked = a.value & m.value;
        how = `netmask ${netmask.value}`;
      } else {
        const p = prefixVal ? uint(prefixVal) : 0;
        if (p === undefined || p > (a.family === 4 ? 32 : 128)) continue;
        masked = subnetOf(a, p).network;
        how = prefixVal ? `prefix ${p}` : 'no prefix (so prefix 0)';
      }
      if (masked !== a.value)
        out.push(
          finding(ID, address.span, `route address ${address.value} is not a network address under ${how}: did you mean ${formatAddr({ family: a.family, value: masked })}${prefixVal || netmask ? '' : " or forgot prefix='…'"}?`),
        );
    }
    return out;
  },
};
