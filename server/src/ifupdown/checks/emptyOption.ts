import type { Finding } from '../../service/types';
import type { IfupdownCheck } from './check';

const ID = 'ifupdown/empty-option';

/** An option name alone on its line: ifupdown stops with "option with empty value". */
export const emptyOptionCheck: IfupdownCheck = {
  id: ID,
  defaultSeverity: 'error',
  description: 'An option written without a value; ifupdown refuses the file.',
  run(file) {
    const out: Finding[] = [];
    for (const st of [...file.model.ifaces, ...file.model.mappings]) {
      for (const o of st.options) {
        if (o.values.length === 0) out.push({ code: ID, span: o.name.span, message: `option '${o.name.text}' has no value; ifupdown rejects the file (remove the line or give a value)` });
      }
    }
    return out;
  },
};
