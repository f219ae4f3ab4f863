import type { Check } from '../check';
import type { Finding } from '../../service/types';
import { finding, networkOf } from './util';

const ID = 'libvirt/dhcp-host-ip';

/**
 * A static DHCP host needs an ip attribute: libvirt rejects a <host> that
 * has none (the address it would hand out).
 */
export const dhcpHostIpCheck: Check = {
  id: ID,
  defaultSeverity: 'error',
  description: 'A static DHCP <host> without an ip attribute.',
  appliesTo: ['libvirt-network'],
  run(ctx) {
    const out: Finding[] = [];
    for (const ip of networkOf(ctx)?.ips ?? [])
      for (const h of ip.hosts) {
        if (h.ip) continue;
        const who = h.mac?.value ?? h.name?.value ?? h.id?.value;
        out.push(finding(ID, h.el.nameSpan, `static host${who ? ` ${who}` : ''} has no ip attribute: give the address it should receive`));
      }
    return out;
  },
};
