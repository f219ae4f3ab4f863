import type { Finding } from '../../service/types';
import type { Token } from '../parse';
import { fileLabel, type IfupdownCheck } from './check';

const ID = 'ifupdown/bridge-port-shared';

/**
 * One device listed as a port of two bridges (or twice in one). A device can
 * belong to one bridge only: adding it to the second fails, and that bridge
 * comes up without the port.
 */
export const bridgePortSharedCheck: IfupdownCheck = {
  id: ID,
  defaultSeverity: 'error',
  description: 'A device listed as a port of two bridges.',
  crossFile: true,
  run(file, folder) {
    const out: Finding[] = [];
    const firstSeen = new Map<string, { uri: string; bridge: string; token: Token; label: string }>();
    for (const b of folder.bridges) {
      for (const p of b.item.ports) {
        const first = firstSeen.get(p.text);
        if (!first) {
          firstSeen.set(p.text, { uri: b.file.uri, bridge: b.item.name, token: p, label: fileLabel(b.file.uri) });
          continue;
        }
        if (b.file !== file) continue;
        const message = first.bridge === b.item.name
          ? `'${p.text}' is listed twice in the ports of ${b.item.name}`
          : `'${p.text}' is already a port of bridge ${first.bridge}${first.uri !== file.uri ? ` (${first.label})` : ''}; a device can belong to one bridge only, so adding it to ${b.item.name} fails`;
        out.push({ code: ID, span: p.span, message, related: [{ uri: first.uri, span: first.token.span, message: `port of ${first.bridge}` }] });
      }
    }
    return out;
  },
};
