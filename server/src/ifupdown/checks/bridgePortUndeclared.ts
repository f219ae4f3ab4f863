import type { Finding } from '../../service/types';
import { editDistance } from '../../text/closeMatches';
import type { IfupdownCheck } from './check';

const ID = 'ifupdown/bridge-port-undeclared';

/**
 * A bridge port that no file of the folder declares (no iface stanza, no
 * auto/allow-* line) while its name is one or two letters away from an
 * interface the folder does declare: almost certainly a typo, and a bridge
 * whose port is missing cuts a remote host off. A port that is merely
 * undeclared is NOT reported: bridge-utils-interfaces(5) says ports need no
 * stanza of their own (bridge-utils adds the device as it is), and the
 * tutorial's own examples rely on that.
 */
export const bridgePortUndeclaredCheck: IfupdownCheck = {
  id: ID,
  defaultSeverity: 'warning',
  description: 'A bridge port declared nowhere in the folder whose name is close to a declared interface (a likely typo).',
  crossFile: true,
  run(file, folder) {
    const out: Finding[] = [];
    const known = [...new Set([...folder.byName.keys(), ...folder.listed])];
    for (const b of folder.bridges) {
      if (b.file !== file) continue;
      for (const p of b.item.ports) {
        if (folder.byName.has(p.text) || folder.listed.has(p.text)) continue;
        const near = known.filter((k) => k !== b.item.name && editDistance(k, p.text, 2) <= 2 && !b.item.ports.some((q) => q.text === k));
        if (near.length === 0) continue;
        out.push({ code: ID, span: p.span, message: `bridge port '${p.text}' is declared nowhere in this folder; did you mean ${near.map((n) => `'${n}'`).join(' or ')}? If no device '${p.text}' exists, ${b.item.name} comes up without this port` });
      }
    }
    return out;
  },
};
