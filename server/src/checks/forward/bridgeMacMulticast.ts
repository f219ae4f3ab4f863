import type { Check } from '../check';
import { finding, network } from './common';
import { isMulticastMac, parseMac } from '../../net/ip';

/** The network's <mac address> is the bridge's own address: it must be unicast (first octet even). */
export const bridgeMacMulticast: Check = {
  id: 'libvirt/bridge-mac-multicast',
  defaultSeverity: 'error',
  description: 'The network <mac address> is a multicast address; a bridge needs a unicast one.',
  appliesTo: ['libvirt-network'],
  run(ctx) {
    const mac = network(ctx)?.mac;
    const octets = mac && parseMac(mac.value);
    if (!mac || !octets || !isMulticastMac(octets)) return [];
    const first = octets[0].toString(16).padStart(2, '0');
    return [
      finding(
        this.id,
        mac.span,
        `The bridge MAC address '${mac.value}' is multicast (its first octet ${first} is odd); libvirt needs a unicast address, e.g. one starting with 52:54:00`,
      ),
    ];
  },
};
