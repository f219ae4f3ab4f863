import type { Check } from '../check';
import type { Finding } from '../../service/types';
import { finding } from '../forward/common';
import { isMulticastMac, parseMac } from '../../net/ip';
import { domainModel } from './common';

/** A guest NIC's MAC address must be unicast: the lowest bit of the first octet clear. */
export const nicMacMulticast: Check = {
  id: 'libvirt/nic-mac-multicast',
  defaultSeverity: 'error',
  description: 'A guest <interface> has a multicast <mac address>; libvirt expects a unicast one.',
  appliesTo: ['libvirt-domain', 'libvirt-domain-interface'],
  run(ctx) {
    const out: Finding[] = [];
    for (const nic of domainModel(ctx)?.nics ?? []) {
      const octets = nic.mac && parseMac(nic.mac.value);
      if (!nic.mac || !octets || !isMulticastMac(octets)) continue;
      const first = octets[0].toString(16).padStart(2, '0');
      out.push(
        finding(
          this.id,
          nic.mac.span,
          `The MAC address '${nic.mac.value}' is multicast (first octet ${first} is odd); libvirt expects a unicast address for a NIC. Use one starting with 52:54:00, or leave <mac> out and let libvirt pick one`,
        ),
      );
    }
    return out;
  },
};
