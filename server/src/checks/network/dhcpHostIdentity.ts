import type { Check } from '../check';
import type { Finding } from '../../service/types';
import { parseAddr } from '../../net/ip';
import { finding, perIpBlocks } from './util';

const ID = 'libvirt/dhcp-host-identity';

/**
 * What identifies a static DHCP host (virNetworkDHCPHostDefParseXML): in an
 * IPv4 <ip> a mac or a name; in an IPv6 <ip> an id (DUID) or a name, and
 * never a mac (DHCPv6 does not match on MAC addresses). A host with none
 * of mac, id and name is left to the schema check.
 */
export const dhcpHostIdentityCheck: Check = {
  id: ID,
  defaultSeverity: 'error',
  description: 'A static DHCP <host> without the attributes that identify it (mac/name for IPv4, id/name for IPv6), or with a mac in IPv6.',
  appliesTo: ['libvirt-network'],
  run(ctx) {
    return perIpBlocks(ctx, ID, (ips) => {
      const out: Finding[] = [];
      for (const ip of ips) {
        const addr = parseAddr(ip.address?.value);
        if (!addr) continue;
        for (const h of ip.hosts) {
          if (addr.family === 6) {
            if (h.mac) out.push(finding(ID, h.mac.span, `mac='${h.mac.value}' is not allowed in a host of the IPv6 network ${ip.address!.value}; identify it by id (DUID) or name`));
            // no mac, id nor name: the schema reports the missing attribute
          } else if (!h.mac && !h.name && h.id) {
            out.push(finding(ID, h.id.span, `an IPv4 static host is matched by mac or name, not by id; add mac='…' or name='…'`));
          }
        }
      }
      return out;
    });
  },
};
