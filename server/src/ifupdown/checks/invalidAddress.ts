import type { Finding } from '../../service/types';
import { parseAddr } from '../../net/ip';
import { addressFamily, parseAddressValue } from '../model';
import { optionsNamed } from '../parse';
import { templated, type IfupdownCheck } from './check';

const ID = 'ifupdown/invalid-address';

/**
 * Malformed addresses: `address` (with or without /prefix), `gateway`,
 * `pointopoint`, `network` and `broadcast` must be addresses of the stanza's
 * family (in an ifupdown2 stanza without family: of either, broadcast and
 * network IPv4); `dns-nameservers` must be addresses of either family.
 */
export const invalidAddressCheck: IfupdownCheck = {
  id: ID,
  defaultSeverity: 'error',
  description: 'An address, gateway, network, broadcast or name server that is not a valid address of the stanza family.',
  run(file, folder) {
    const out: Finding[] = [];
    for (const st of file.model.ifaces) {
      const family = addressFamily(st, folder.dialect);
      if (!family) continue;
      for (const o of optionsNamed(st, 'address')) {
        if (o.values.length === 0 || templated(folder, o.value)) continue; // empty-option
        const v = parseAddressValue(o, family);
        if (v.error) out.push({ code: ID, span: v.errorSpan ?? o.valueSpan, message: `address ${v.error}` });
      }
      const single = family === 6 ? ['gateway', 'pointopoint'] : ['gateway', 'pointopoint', 'network', 'broadcast'];
      for (const name of single) {
        // network and broadcast are IPv4 notions, also in a stanza without family.
        const want = name === 'network' || name === 'broadcast' ? 4 : family;
        const fam = want === 4 ? 'IPv4' : want === 6 ? 'IPv6' : 'IP';
        for (const o of optionsNamed(st, name)) {
          if (o.values.length === 0 || templated(folder, o.value)) continue;
          if (name === 'broadcast' && (o.value === '+' || o.value === '-')) continue;
          const a = o.values.length === 1 ? parseAddr(o.values[0].text) : undefined;
          if (a && (want === 'any' || a.family === want)) continue;
          const why = o.values.length > 1
            ? 'is several words (a comment cannot follow a value on the same line)'
            : a
              ? `is an ${a.family === 4 ? 'IPv4' : 'IPv6'} address, but ${st.family ? `this is an ${st.family.text} stanza` : `${name} is IPv4 only`}`
              : `is not a valid ${fam} address`;
          out.push({ code: ID, span: o.valueSpan, message: `${o.name.text} '${o.value}' ${why}` });
        }
      }
      for (const o of optionsNamed(st, 'dns-nameservers')) {
        for (const t of o.values) {
          if (!parseAddr(t.text)) out.push({ code: ID, span: t.span, severity: 'warning', message: `name server '${t.text}' is not an IP address; resolvconf expects addresses separated by spaces` });
        }
      }
    }
    return out;
  },
};
