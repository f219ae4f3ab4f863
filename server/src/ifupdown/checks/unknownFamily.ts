import type { Finding } from '../../service/types';
import { CLASSIC_ONLY_FAMILIES, FAMILIES, familiesOf } from '../vocabulary';
import type { IfupdownCheck } from './check';

const ID = 'ifupdown/unknown-family';

/**
 * `iface eth0 ipv4 static`: classic ifupdown knows inet, inet6, ipx and can,
 * ifupdown2 only inet and inet6; either refuses the stanza otherwise.
 */
export const unknownFamilyCheck: IfupdownCheck = {
  id: ID,
  defaultSeverity: 'error',
  description: 'An address family the dialect does not know (ifupdown: inet, inet6, ipx, can; ifupdown2: inet, inet6).',
  run(file, folder) {
    const out: Finding[] = [];
    const known = familiesOf(folder.dialect);
    for (const st of file.model.ifaces) {
      const f = st.family;
      if (!f || f.text === 'inherits' || (known as string[]).includes(f.text)) continue;
      if (Object.hasOwn(FAMILIES, f.text) && CLASSIC_ONLY_FAMILIES.has(f.text)) {
        out.push({ code: ID, span: f.span, message: `ifupdown2 knows only the families inet and inet6; '${f.text}' is read by ifupdown (classic) only` });
        continue;
      }
      const hint = /^(ipv?4|ip)$/i.test(f.text) ? " (IPv4 is 'inet')" : /^ipv?6$/i.test(f.text) ? " (IPv6 is 'inet6')" : '';
      out.push({ code: ID, span: f.span, message: `unknown address family '${f.text}'${hint}; expected ${known.join(', ')}` });
    }
    return out;
  },
};
