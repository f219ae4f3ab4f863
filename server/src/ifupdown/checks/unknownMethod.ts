import type { Finding } from '../../service/types';
import { METHODS, isFamily } from '../vocabulary';
import type { IfupdownCheck } from './check';

const ID = 'ifupdown/unknown-method';

/** `iface br0 inet static6`: each family has its own methods; ifupdown refuses the file otherwise. */
export const unknownMethodCheck: IfupdownCheck = {
  id: ID,
  defaultSeverity: 'error',
  description: 'A method that the address family does not have (e.g. inet static6, inet6 loopback6).',
  run(file) {
    const out: Finding[] = [];
    for (const st of file.model.ifaces) {
      const f = st.family?.text;
      const m = st.method;
      if (!f || !m || !isFamily(f) || m.text === 'inherits') continue;
      const methods = METHODS[f].map((x) => x.name);
      if (methods.includes(m.text)) continue;
      const other = f === 'inet' ? 'inet6' : f === 'inet6' ? 'inet' : undefined;
      const elsewhere = other && METHODS[other].some((x) => x.name === m.text) ? ` ('${m.text}' is an ${other} method)` : '';
      out.push({ code: ID, span: m.span, message: `unknown method '${m.text}' for ${f}${elsewhere}; expected one of ${methods.join(', ')}` });
    }
    return out;
  },
};
