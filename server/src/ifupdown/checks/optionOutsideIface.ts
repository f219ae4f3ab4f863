import type { Finding } from '../../service/types';
import type { IfupdownCheck } from './check';

const ID = 'ifupdown/option-outside-iface';

/**
 * An option line that belongs to no iface stanza (before the first one, or
 * after auto/source lines end the previous stanza), or a line other than
 * script/map inside a mapping stanza. ifupdown stops reading the file there
 * ("misplaced option") and brings up nothing.
 */
export const optionOutsideIfaceCheck: IfupdownCheck = {
  id: ID,
  defaultSeverity: 'error',
  description: 'An option that is not inside an iface stanza; ifupdown refuses the whole file.',
  run(file) {
    const out: Finding[] = [];
    for (const o of file.model.misplaced) {
      out.push({ code: ID, span: o.name.span, message: `'${o.name.text}' is not inside an iface stanza (or is not a known keyword); ifupdown rejects the whole file. Put it under an 'iface NAME inet|inet6 METHOD' line` });
    }
    for (const m of file.model.mappings) {
      for (const o of m.options) {
        if (o.name.text === 'script' || o.name.text === 'map') continue;
        out.push({ code: ID, span: o.name.span, message: `'${o.name.text}' cannot appear in a mapping stanza (only 'script' and 'map'); ifupdown rejects the whole file` });
      }
    }
    return out;
  },
};
