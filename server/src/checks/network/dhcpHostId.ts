import type { Check } from '../check';
import type { Finding } from '../../service/types';
import { finding, networkOf } from './util';

const ID = 'libvirt/dhcp-host-id';

/** libvirt accepts only hex digits and colons in a DHCPv6 host id (DUID). */
export const dhcpHostIdCheck: Check = {
  id: ID,
  defaultSeverity: 'error',
  description: 'A static DHCP host id (DUID) with characters other than hex digits and colons.',
  appliesTo: ['libvirt-network'],
  run(ctx) {
    const out: Finding[] = [];
    for (const ip of networkOf(ctx)?.ips ?? [])
      for (const h of ip.hosts) {
        if (!h.id) continue;
        const bad = /[^0-9a-fA-F:]/.exec(h.id.value);
        if (bad)
          out.push(finding(ID, h.id.span, `host id '${h.id.value}' contains '${bad[0]}'; a DUID is written with hex digits and colons only`));
      }
    return out;
  },
};
