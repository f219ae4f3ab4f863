import type { Finding } from '../../service/types';
import type { IfaceStanza } from '../parse';
import { option } from '../parse';
import type { FolderFacts, IfupdownCheck } from './check';

const ID = 'ifupdown/static-without-address';

/** Does the stanza, or a template it inherits from (defined before it), give an address? */
function hasAddress(st: IfaceStanza, folder: FolderFacts, seen = new Set<IfaceStanza>()): boolean {
  if (option(st, 'address')) return true;
  if (!st.inherits || seen.has(st)) return false;
  seen.add(st);
  const pos = folder.ifaces.findIndex((l) => l.item === st);
  for (let i = pos - 1; i >= 0; i--) {
    const t = folder.ifaces[i].item;
    if (t.name?.text === st.inherits.text && (!st.family || t.family?.text === st.family.text)) return hasAddress(t, folder, seen);
  }
  return false;
}

/**
 * `inet static` / `inet6 static` needs an `address` in classic ifupdown:
 * without one ifup stops with a missing-variable error and the interface
 * stays down. A stanza that other stanzas inherit from is a template and may
 * leave it out. ifupdown2 brings such a stanza up without an address (it is
 * its default method), so the rule holds for classic ifupdown only.
 */
export const staticWithoutAddressCheck: IfupdownCheck = {
  id: ID,
  defaultSeverity: 'error',
  description: 'A static stanza without an address (classic ifupdown only; ifupdown2 accepts it).',
  crossFile: true,
  run(file, folder) {
    const out: Finding[] = [];
    if (folder.dialect !== 'ifupdown') return out;
    for (const st of file.model.ifaces) {
      if (st.method?.text !== 'static' || (st.family?.text !== 'inet' && st.family?.text !== 'inet6') || !st.name) continue;
      if (st.inheritsKeyword && !st.inherits) continue; // iface-line reports the broken line
      if (hasAddress(st, folder)) continue;
      const isTemplate = folder.ifaces.some((l) => l.item.inherits?.text === st.name!.text);
      if (isTemplate) continue;
      out.push({
        code: ID,
        span: st.method.span,
        message: `iface ${st.name.text} ${st.family.text} static has no 'address' line; ifupdown (classic) fails to bring it up. Add 'address …' (use 'manual' for an interface without an address, such as a bridge port); ifupdown2 would accept it`,
      });
    }
    return out;
  },
};
