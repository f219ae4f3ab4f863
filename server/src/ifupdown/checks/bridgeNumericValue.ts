import type { Finding } from '../../service/types';
import { BRIDGE_SECONDS } from '../vocabulary';
import type { IfupdownCheck } from './check';

const ID = 'ifupdown/bridge-numeric-value';
const SECONDS = new Set(BRIDGE_SECONDS);

/**
 * bridge_fd, bridge_maxwait and the other bridge timers are numbers of
 * seconds (a fraction is allowed for the STP timers). Anything else makes
 * the bridge setup script fail to set the timer or to wait for the ports.
 */
export const bridgeNumericValueCheck: IfupdownCheck = {
  id: ID,
  defaultSeverity: 'error',
  description: 'A bridge_fd, bridge_maxwait or other bridge timer that is not a number of seconds.',
  run(file) {
    const out: Finding[] = [];
    for (const st of file.model.ifaces) {
      for (const o of st.options) {
        if (!SECONDS.has(o.key) || o.values.length === 0) continue;
        if (o.values.length === 1 && /^\d+(\.\d+)?$/.test(o.value)) continue;
        out.push({ code: ID, span: o.valueSpan, message: `${o.name.text} '${o.value}' is not a number of seconds (e.g. 0, 2 or 2.5)` });
      }
    }
    return out;
  },
};
