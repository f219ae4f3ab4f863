import type { Check } from '../check';
import type { Finding } from '../../service/types';
import { children } from '../../parse/xml';
import { attrVal } from '../../model/libvirt';
import { finding, networkOf } from './util';

const ID = 'libvirt/dns-host';

/** A DNS <host> record needs an ip attribute and at least one non-empty <hostname>. */
export const dnsHostCheck: Check = {
  id: ID,
  defaultSeverity: 'error',
  description: 'A DNS <host> record without an ip, or without a (non-empty) <hostname>.',
  appliesTo: ['libvirt-network'],
  run(ctx) {
    const out: Finding[] = [];
    const dns = networkOf(ctx)?.dns;
    if (!dns) return out;
    for (const host of children(dns, 'host')) {
      const names = children(host, 'hostname');
      const ip = attrVal(host, 'ip');
      if (names.length === 0) out.push(finding(ID, host.nameSpan, `DNS host record${ip ? ` for ${ip.value}` : ''} has no <hostname>`));
      for (const n of names)
        if (n.text.trim() === '') out.push(finding(ID, n.nameSpan, `empty <hostname> in a DNS host record`));
      if (!ip) out.push(finding(ID, host.nameSpan, `DNS host record has no ip attribute`));
    }
    return out;
  },
};
