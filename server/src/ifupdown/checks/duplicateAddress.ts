import type { Finding } from '../../service/types';
import { formatAddr } from '../../net/ip';
import { type IfaceAddress, stanzaAddresses } from '../model';
import { fileLabel, type IfupdownCheck } from './check';

const ID = 'ifupdown/duplicate-address';

/**
 * One address configured on two interfaces (or twice on one). The kernel
 * accepts it on different interfaces, but replies then leave by either one
 * and neighbours see the address move between MACs.
 */
export const duplicateAddressCheck: IfupdownCheck = {
  id: ID,
  defaultSeverity: 'warning',
  description: 'The same address configured on two interfaces.',
  crossFile: true,
  run(file, folder) {
    const out: Finding[] = [];
    const first = new Map<string, { uri: string; a: IfaceAddress }>();
    for (const l of folder.ifaces) {
      for (const a of stanzaAddresses(l.item, folder.dialect)) {
        const key = `${a.family}:${a.addr.value}`;
        const f = first.get(key);
        if (!f) {
          first.set(key, { uri: l.file.uri, a });
          continue;
        }
        if (l.file !== file) continue;
        const where = f.uri === file.uri ? `line ${f.a.option.line + 1}` : `${fileLabel(f.uri)} line ${f.a.option.line + 1}`;
        out.push({
          code: ID,
          span: a.span,
          message: f.a.name === a.name
            ? `address ${formatAddr(a.addr)} is given twice for ${a.name} (also at ${where})`
            : `address ${formatAddr(a.addr)} is also configured on ${f.a.name} (${where}); each interface needs its own address`,
          related: [{ uri: f.uri, span: f.a.span, message: `${formatAddr(a.addr)} on ${f.a.name}` }],
        });
      }
    }
    return out;
  },
};
