import type { Finding } from '../../service/types';
import { globMatches, type IfupdownCheck } from './check';

const ID = 'ifupdown/auto-without-iface';

/**
 * An interface named on an auto/allow-* line that has no iface stanza
 * anywhere in the folder: `ifup -a` (at boot) reports it as unknown and
 * skips it. `lo` is exempt (ifupdown defines it when no stanza does), and so
 * is any name a mapping stanza matches.
 */
export const autoWithoutIfaceCheck: IfupdownCheck = {
  id: ID,
  defaultSeverity: 'warning',
  description: 'An auto or allow-* line naming an interface that has no iface stanza.',
  crossFile: true,
  run(file, folder) {
    const out: Finding[] = [];
    for (const a of file.model.allows) {
      for (const n of a.names) {
        if (n.text === 'lo' || folder.byName.has(n.text)) continue;
        if (folder.mappingPatterns.some((p) => globMatches(p, n.text))) continue;
        out.push({ code: ID, span: n.span, message: `'${a.keyword.text} ${n.text}' but no 'iface ${n.text} …' stanza exists in this folder; ifup will report it as an unknown interface` });
      }
    }
    return out;
  },
};
