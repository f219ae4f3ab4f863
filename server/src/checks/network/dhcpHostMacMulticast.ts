import type { Check } from '../check';
import type { Finding } from '../../service/types';
import { isMulticastMacValue } from '../../net/ip';
import { finding, perIpBlocks } from './util';

const ID = 'libvirt/dhcp-host-mac-multicast';

/**
 * A static host's MAC must be unicast: the lowest bit of the first byte
 * set means a multicast address, which libvirt rejects. A common result of
 * hand-made "random" MACs; 52:54:00:… is the usual safe prefix.
 */
export const dhcpHostMacMulticastCheck: Check = {
  id: ID,
  defaultSeverity: 'error',
  description: 'A static DHCP host with a multicast MAC address (first byte odd).',
  appliesTo: ['libvirt-network'],
  run(ctx) {
    return perIpBlocks(ctx, ID, (ips) => {
      const out: Finding[] = [];
      for (const ip of ips)
        for (const h of ip.hosts) {
          const mac = h.macValue;
          if (mac !== undefined && isMulticastMacValue(mac))
            out.push(finding(ID, h.mac!.span, `MAC address ${h.mac!.value} is multicast (its first byte is odd); a host needs a unicast MAC such as 52:54:00:xx:xx:xx`));
        }
      return out;
    });
  },
};
