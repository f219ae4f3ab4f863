import type { Finding } from '../../service/types';
import { FAMILIES } from '../vocabulary';
import type { IfupdownCheck } from './check';

const ID = 'ifupdown/unknown-family';

/** `iface eth0 ipv4 static`: ifupdown knows inet, inet6, ipx and can, and refuses the file otherwise. */
export const unknownFamilyCheck: IfupdownCheck = {
  id: ID,
  defaultSeverity: 'error',
  description: 'An address family other than inet, inet6, ipx or can.',
  run(file) {
    const out: Finding[] = [];
    for (const st of file.model.ifaces) {
      const f = st.family;
      if (!f || f.text === 'inherits' || Object.hasOwn(FAMILIES, f.text)) continue;
      const hint = /^(ipv?4|ip)$/i.test(f.text) ? " (IPv4 is 'inet')" : /^ipv?6$/i.test(f.text) ? " (IPv6 is 'inet6')" : '';
      out.push({ code: ID, span: f.span, message: `unknown address family '${f.text}'${hint}; expected inet, inet6, ipx or can` });
    }
    return out;
  },
};
