import type { Check } from '../check';
import type { Finding } from '../../service/types';
import { child, type XmlElement } from '../../parse/xml';
import { attrVal } from '../../model/libvirt';
import { finding, perIpBlocks, uint } from './util';

const ID = 'libvirt/dhcp-lease-too-short';

/**
 * A <lease expiry='…' unit='…'/> in a DHCP range or host shorter than two
 * minutes is rejected (dnsmasq's minimum). expiry='0' means infinite; the
 * unit defaults to minutes.
 */
export const dhcpLeaseTooShortCheck: Check = {
  id: ID,
  defaultSeverity: 'error',
  description: 'A DHCP <lease> shorter than two minutes (0 means infinite).',
  appliesTo: ['libvirt-network'],
  run(ctx) {
    return perIpBlocks(ctx, ID, (ips) => {
      const out: Finding[] = [];
      const els: XmlElement[] = [];
      for (const ip of ips) for (const x of [...ip.ranges, ...ip.hosts]) els.push(x.el);
      for (const el of els) {
        const lease = child(el, 'lease');
        const expiry = attrVal(lease, 'expiry');
        const n = uint(expiry);
        if (!expiry || n === undefined || n === 0) continue;
        const unit = attrVal(lease, 'unit')?.value ?? 'minutes';
        if ((unit === 'seconds' && n < 120) || (unit === 'minutes' && n < 2))
          out.push(finding(ID, expiry.span, `lease time of ${n} ${unit} is shorter than the 2-minute minimum (use 0 for an infinite lease)`));
      }
      return out;
    });
  },
};
