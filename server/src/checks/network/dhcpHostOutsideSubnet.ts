import type { Check } from '../check';
import type { Finding } from '../../service/types';
import { formatSubnet, inSubnet } from '../../net/ip';
import { finding, perIpBlocks, usableIp } from './util';

const ID = 'libvirt/dhcp-host-outside-subnet';

/**
 * libvirt accepts a static DHCP host whose ip lies outside the subnet of
 * its <ip> block (or is of the other family), but dnsmasq never hands that
 * address out on this network.
 */
export const dhcpHostOutsideSubnetCheck: Check = {
  id: ID,
  defaultSeverity: 'warning',
  description: 'A static DHCP host address outside the subnet of its <ip> element.',
  appliesTo: ['libvirt-network'],
  run(ctx) {
    return perIpBlocks(ctx, ID, (ips) => {
      const out: Finding[] = [];
      for (const ip of ips) {
        const net = usableIp(ip);
        if (!net) continue;
        let whereText: string | undefined;
        for (const h of ip.hosts) {
          const a = h.ipAddr;
          if (!a || inSubnet(a, net.subnet)) continue;
          const where = (whereText ??= formatSubnet(net.subnet));
          out.push(
            finding(
              ID,
              h.ip!.span,
              a.family !== net.addr.family
                ? `static host address ${h.ip!.value} is ${a.family === 4 ? 'IPv4' : 'IPv6'} but its <ip> block is ${where}; it will never be assigned`
                : `static host address ${h.ip!.value} is outside ${where}; it will never be assigned on this network`,
            ),
          );
        }
      }
      return out;
    });
  },
};
