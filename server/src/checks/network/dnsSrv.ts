import type { Check } from '../check';
import type { Finding } from '../../service/types';
import { children } from '../../parse/xml';
import { attrVal } from '../../model/libvirt';
import { finding, networkOf, uint } from './util';

const ID = 'libvirt/dns-srv';

/** RFC 2782 limit minus overhead, as libvirt applies it (DNS_RECORD_LENGTH_SRV). */
const MAX_SERVICE = 512 - 30;
const utf8Length = (s: string) => new TextEncoder().encode(s).length;
const SERVICE_CHARS = /^[A-Za-z0-9_\-+/*]*$/;

/**
 * DNS SRV record rules of libvirt's parser (virNetworkDNSSrvDefParseXML)
 * that the schema does not cover: the service is limited in characters (no
 * '.') and to 482 bytes; port, priority and weight only make sense with a
 * target; port 0 is invalid.
 */
export const dnsSrvCheck: Check = {
  id: ID,
  defaultSeverity: 'error',
  description: 'A DNS <srv> record libvirt rejects: service name with bad characters or too long, port/priority/weight without target, port 0.',
  appliesTo: ['libvirt-network'],
  run(ctx) {
    const out: Finding[] = [];
    const dns = networkOf(ctx)?.dns;
    if (!dns) return out;
    for (const srv of children(dns, 'srv')) {
      const service = attrVal(srv, 'service');
      const target = attrVal(srv, 'target');
      // missing service/protocol and a protocol other than tcp/udp: the schema reports them
      if (service && utf8Length(service.value) > MAX_SERVICE)
        out.push(finding(ID, service.span, `SRV service name is ${utf8Length(service.value)} bytes long; the limit is ${MAX_SERVICE}`));
      else if (service && !SERVICE_CHARS.test(service.value))
        out.push(finding(ID, service.span, `SRV service '${service.value}' may only contain letters, digits and _ - + / * (no dots)`));
      for (const [name, min] of [['port', 1], ['priority', 0], ['weight', 0]] as const) {
        const v = attrVal(srv, name);
        if (!v) continue;
        if (!target) {
          out.push(finding(ID, v.span, `SRV ${name} is not allowed without a target attribute`));
          continue;
        }
        const n = uint(v);
        if (n === undefined || n > 65535) continue; // not an unsigned short: the schema reports it
        if (n < min) out.push(finding(ID, v.span, `SRV ${name} ${n} is out of range (${min}–65535)`));
      }
    }
    return out;
  },
};
