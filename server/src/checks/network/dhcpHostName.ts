import type { Check } from '../check';
import type { Finding } from '../../service/types';
import { finding, perIpBlocks } from './util';

const ID = 'libvirt/dhcp-host-name';

/** libvirt rejects a static host name that does not start with a letter or digit. */
export const dhcpHostNameCheck: Check = {
  id: ID,
  defaultSeverity: 'error',
  description: 'A static DHCP host name that does not start with a letter or a digit.',
  appliesTo: ['libvirt-network'],
  run(ctx) {
    return perIpBlocks(ctx, ID, (ips) => {
      const out: Finding[] = [];
      for (const ip of ips)
        for (const h of ip.hosts)
          if (h.name && !/^[A-Za-z0-9]/.test(h.name.value))
            out.push(finding(ID, h.name.span, `host name '${h.name.value}' must start with a letter or a digit`));
      return out;
    });
  },
};
