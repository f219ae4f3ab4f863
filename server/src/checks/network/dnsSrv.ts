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
const PROTOCOL_CHARS = /^[A-Za-z0-9\-+/]*$/;

/**
 * DNS SRV record rules of libvirt's parser (virNetworkDNSSrvDefParseXML):
 * service and protocol are required and limited in characters (no '.'),
 * the service to 482 bytes; port, priority and weight only make sense with
 * a target; port is 1–65535, priority and weight at most 65535.
 */
export const dnsSrvCheck: Check = {
  id: ID,
  defaultSeverity: 'error',
  description: 'A DNS <srv> record libvirt rejects: missing or malformed service/protocol, port/priority/weight without target or out of range.',
  appliesTo: ['libvirt-network'],
  run(ctx) {
    const out: Finding[] = [];
    const dns = networkOf(ctx)?.dns;
    if (!dns) return out;
    for (const srv of children(dns, 'srv')) {
      const service = attrVal(srv, 'service');
      const protocol = attrVal(srv, 'protocol');
      const target = attrVal(srv, 'target');
      if (!service) out.push(finding(ID, srv.nameSpan, `SRV record has no service attribute`));
      else if (utf8Length(service.value) > MAX_SERVICE)
        out.push(finding(ID, service.span, `SRV service name is ${utf8Length(service.value)} bytes long; the limit is ${MAX_SERVICE}`));
      else if (!SERVICE_CHARS.test(service.value))
        out.push(finding(ID, service.span, `SRV service '${service.value}' may only contain letters, digits and _ - + / * (no dots)`));
      if (!protocol) out.push(finding(ID, srv.nameSpan, `SRV record has no protocol attribute`));
      else if (!PROTOCOL_CHARS.test(protocol.value))
        out.push(finding(ID, protocol.span, `SRV protocol '${protocol.value}' may only contain letters, digits and - + / (no dots)`));
      for (const [name, min] of [['port', 1], ['priority', 0], ['weight', 0]] as const) {
        const v = attrVal(srv, name);
        if (!v) continue;
        if (!target) {
          out.push(finding(ID, v.span, `SRV ${name} is not allowed without a target attribute`));
          continue;
        }
        const n = uint(v);
        if (n === undefined) continue; // syntax: the schema reports it
        if (n < min || n > 65535) out.push(finding(ID, v.span, `SRV ${name} ${n} is out of range (${min}–65535)`));
      }
    }
    return out;
  },
};
