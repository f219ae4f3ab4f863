/**
 * netplan/ipv6-address-token: `ipv6-address-token` is a plain IPv6 address
 * (the interface identifier, e.g. ::2) and cannot be combined with
 * `ipv6-address-generation`.
 */
import { parseAddr } from '../../net/ip';
import type { FileFinding, NetplanCheck, NetplanConfig } from './model';
import { defSpan, scalarOf } from './model';

const CODE = 'netplan/ipv6-address-token';

export const ipv6AddressToken: NetplanCheck = {
  id: CODE,
  defaultSeverity: 'error',
  description: "An ipv6-address-token that is not an IPv6 address (such as ::2), or one given together with ipv6-address-generation.",
  run(config: NetplanConfig): FileFinding[] {
    const out: FileFinding[] = [];
    for (const def of config.ordered) {
      const tok = def.get('ipv6-address-token');
      const s = scalarOf(tok?.pair.value);
      if (!tok || !s || s.empty) continue;
      if (parseAddr(s.value)?.family !== 6) {
        out.push({ uri: tok.part.uri, code: CODE, severity: 'error', phase: 'parse', span: s.span, message: `${def.id}: ipv6-address-token '${s.value}' must be an IPv6 address without prefix length, e.g. ::2.` });
        continue;
      }
      if (def.get('ipv6-address-generation')) {
        const last = def.parts[def.parts.length - 1];
        out.push({ uri: last.uri, code: CODE, severity: 'error', span: defSpan(last), message: `${def.id}: ipv6-address-generation and ipv6-address-token exclude each other; keep one.` });
      }
    }
    return out;
  },
};
