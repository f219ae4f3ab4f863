import type { Finding } from '../../service/types';
import { optionsNamed } from '../parse';
import type { IfupdownCheck } from './check';

const ID = 'ifupdown/bridge-stp-value';
const VALUES = new Set(['on', 'off', 'yes', 'no']);

/**
 * `bridge_stp` takes on/yes (spanning tree on) or off/no. bridge-utils turns
 * STP off for any other word, so a typo such as `bridge_stp onn` silently
 * disables it.
 */
export const bridgeStpValueCheck: IfupdownCheck = {
  id: ID,
  defaultSeverity: 'warning',
  description: 'A bridge_stp value other than on, off, yes or no.',
  run(file) {
    const out: Finding[] = [];
    for (const st of file.model.ifaces) {
      for (const o of optionsNamed(st, 'bridge_stp')) {
        if (o.values.length === 0) continue;
        if (o.values.length === 1 && VALUES.has(o.value.toLowerCase())) continue;
        out.push({ code: ID, span: o.valueSpan, message: `bridge_stp '${o.value}' is not on, off, yes or no; bridge-utils treats it as off` });
      }
    }
    return out;
  },
};
