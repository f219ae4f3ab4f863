import type { Finding } from '../../service/types';
import type { IfupdownCheck } from './check';

const ID = 'ifupdown/dialect-unsupported';

/** Stanza keywords classic ifupdown reads and ifupdown2 rejects ("error processing line"). */
const CLASSIC_ONLY_STANZAS: ReadonlySet<string> = new Set(['mapping', 'no-auto-down', 'no-scripts', 'rename']);

/**
 * A construct that one dialect reads and the selected one does not:
 * - in ifupdown2: mapping, no-auto-down, no-scripts and rename stanzas, and
 *   `inherits` (as family it makes the stanza invalid; after the method it
 *   is ignored, so nothing is inherited);
 * - in classic ifupdown: Mako template lines (`%for …`), which only ifupdown2
 *   renders; ifupdown reads them as options.
 * Constructs the other checks already judge per dialect (`iface NAME`
 * without family, methods, families) are left to them.
 */
export const dialectUnsupportedCheck: IfupdownCheck = {
  id: ID,
  defaultSeverity: 'error',
  description: 'A construct only the other dialect reads: mapping, no-auto-down, no-scripts, rename or inherits in ifupdown2; Mako template lines in classic ifupdown.',
  run(file, folder) {
    const out: Finding[] = [];
    if (folder.dialect === 'ifupdown') {
      for (const t of file.model.templateLines) {
        out.push({ code: ID, span: t.span, message: 'a Mako template line: only ifupdown2 renders templates; ifupdown (classic) reads it as an option line and rejects the file' });
      }
      return out;
    }
    for (const st of file.model.stanzas) {
      if (CLASSIC_ONLY_STANZAS.has(st.kind)) {
        out.push({ code: ID, span: st.keyword.span, message: `ifupdown2 has no '${st.keyword.text}' stanza (only ifupdown (classic) reads it); ifupdown2 reports this line as an error and ignores it` });
      }
      if (st.kind !== 'iface' || !st.inheritsKeyword) continue;
      if (!st.family) {
        out.push({ code: ID, span: st.inheritsKeyword.span, message: `ifupdown2 does not support 'inherits' (only ifupdown (classic) does): it reads 'inherits' as an unknown address family. Copy the options${st.inherits ? ` of ${st.inherits.text}` : ''} into this stanza and give a family and method` });
      } else {
        out.push({ code: ID, span: st.inheritsKeyword.span, severity: 'warning', message: `ifupdown2 ignores 'inherits' (only ifupdown (classic) supports it), so no option${st.inherits ? ` of ${st.inherits.text}` : ''} is copied into this stanza` });
      }
    }
    return out;
  },
};
