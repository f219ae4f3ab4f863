import type { Check } from '../check';
import type { Finding } from '../../service/types';
import { child } from '../../parse/xml';
import { parseAddr } from '../../net/ip';
import { finding, networkOf } from './util';

const ID = 'libvirt/tftp-ipv6';

/** libvirt only serves TFTP on IPv4: a <tftp> inside an IPv6 <ip> is rejected. */
export const tftpIpv6Check: Check = {
  id: ID,
  defaultSeverity: 'error',
  description: '<tftp> inside an IPv6 <ip> element (TFTP is IPv4 only).',
  appliesTo: ['libvirt-network'],
  run(ctx) {
    const out: Finding[] = [];
    for (const ip of networkOf(ctx)?.ips ?? []) {
      const tftp = child(ip.el, 'tftp');
      const addr = parseAddr(ip.address?.value);
      if (tftp && addr?.family === 6)
        out.push(finding(ID, tftp.nameSpan, `<tftp> is only supported in an IPv4 <ip>; ${ip.address!.value} is IPv6`));
    }
    return out;
  },
};
