import type { Finding } from '../../service/types';
import { dialectLabel } from '../dialect';
import { methodOf, methodsOf } from '../vocabulary';
import { otherDialect, type IfupdownCheck } from './check';

const ID = 'ifupdown/unknown-method';

/**
 * `iface br0 inet static6`: each family has its own methods, and the two
 * dialects differ a little (bootp, wvdial, ipv4ll, v4tunnel and 6to4 are
 * classic ifupdown's; dhcp6 and inet6 ppp/tunnel are ifupdown2's). Either
 * refuses the stanza otherwise.
 */
export const unknownMethodCheck: IfupdownCheck = {
  id: ID,
  defaultSeverity: 'error',
  description: 'A method that the address family does not have in the dialect (e.g. inet static6, inet6 loopback6, inet bootp in ifupdown2).',
  run(file, folder) {
    const out: Finding[] = [];
    for (const st of file.model.ifaces) {
      const f = st.family?.text;
      const m = st.method;
      if (!f || !m || m.text === 'inherits') continue;
      const methods = methodsOf(f, folder.dialect).map((x) => x.name);
      if (methods.length === 0 || methods.includes(m.text)) continue;
      const there = methodOf(f, m.text);
      if (there?.only) {
        out.push({ code: ID, span: m.span, message: `${dialectLabel(folder.dialect)} has no method '${m.text}' for ${f}; only ${dialectLabel(otherDialect(folder.dialect))} has it. Expected one of ${methods.join(', ')}` });
        continue;
      }
      const other = f === 'inet' ? 'inet6' : f === 'inet6' ? 'inet' : undefined;
      const elsewhere = other && methodsOf(other, folder.dialect).some((x) => x.name === m.text) ? ` ('${m.text}' is an ${other} method)` : '';
      out.push({ code: ID, span: m.span, message: `unknown method '${m.text}' for ${f}${elsewhere}; expected one of ${methods.join(', ')}` });
    }
    return out;
  },
};
