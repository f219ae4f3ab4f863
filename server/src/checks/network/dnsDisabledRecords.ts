import type { Check } from '../check';
import type { Finding } from '../../service/types';
import { attrVal } from '../../model/libvirt';
import { finding, networkOf } from './util';

const ID = 'libvirt/dns-disabled-records';
const RECORDS = new Set(['forwarder', 'host', 'srv', 'txt']);

/** With <dns enable='no'> libvirt rejects any forwarder, host, srv or txt inside it. */
export const dnsDisabledRecordsCheck: Check = {
  id: ID,
  defaultSeverity: 'error',
  description: "Records or forwarders inside <dns enable='no'>.",
  appliesTo: ['libvirt-network'],
  run(ctx) {
    const dns = networkOf(ctx)?.dns;
    const enable = attrVal(dns, 'enable');
    if (!dns || enable?.value !== 'no') return [];
    const out: Finding[] = [];
    for (const c of dns.children)
      if (RECORDS.has(c.name))
        out.push({
          ...finding(ID, c.nameSpan, `<${c.name}> is not allowed while DNS is disabled (enable='no'); remove it or enable DNS`),
          related: [{ uri: ctx.uri, span: enable.span, message: 'DNS is disabled here' }],
        });
    return out;
  },
};
