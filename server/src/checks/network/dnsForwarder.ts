import type { Check } from '../check';
import type { Finding } from '../../service/types';
import { children } from '../../parse/xml';
import { attrVal } from '../../model/libvirt';
import { finding, networkOf } from './util';

const ID = 'libvirt/dns-forwarder';

/**
 * A DNS <forwarder> needs an addr (the upstream server), a domain (the
 * names to forward), or both; an empty one is rejected.
 */
export const dnsForwarderCheck: Check = {
  id: ID,
  defaultSeverity: 'error',
  description: 'A DNS <forwarder> with neither addr nor domain.',
  appliesTo: ['libvirt-network'],
  run(ctx) {
    const out: Finding[] = [];
    const dns = networkOf(ctx)?.dns;
    if (!dns) return out;
    for (const f of children(dns, 'forwarder'))
      if (!attrVal(f, 'addr') && !attrVal(f, 'domain'))
        out.push(finding(ID, f.nameSpan, `<forwarder> needs an addr (upstream server), a domain, or both`));
    return out;
  },
};
