import type { Finding } from '../../service/types';
import { fileLabel, type IfupdownCheck } from './check';

const ID = 'ifupdown/duplicate-iface';

/** Methods that start a client or create a device: running them twice for one interface fails or fights. */
const EXCLUSIVE = new Set(['dhcp', 'bootp', 'ppp', 'wvdial', 'tunnel', 'v4tunnel', '6to4', 'ipv4ll', 'auto', 'loopback']);

/**
 * Two iface stanzas for one name and family. ifupdown 0.8 allows this and
 * applies both in order (the documented way to put several static addresses
 * on one interface), so two `static` stanzas are fine. It is a mistake when
 * the methods differ (e.g. `dhcp` here and `static` in interfaces.d/) or when
 * a method that starts a client or creates a device is given twice.
 */
export const duplicateIfaceCheck: IfupdownCheck = {
  id: ID,
  defaultSeverity: 'warning',
  description: 'Two iface stanzas for one interface and family with conflicting methods.',
  crossFile: true,
  run(file, folder) {
    const out: Finding[] = [];
    for (const st of file.model.ifaces) {
      if (!st.name || !st.family || !st.method) continue;
      const same = (folder.byName.get(st.name.text) ?? []).filter((l) => l.item.family?.text === st.family!.text && l.item.method);
      const idx = same.findIndex((l) => l.item === st);
      if (idx <= 0) continue;
      const first = same[0];
      const m1 = first.item.method!.text;
      const m2 = st.method.text;
      if (m1 === m2 && !EXCLUSIVE.has(m2)) continue;
      const where = first.file === file ? `line ${first.item.line + 1}` : `${fileLabel(first.file.uri)} line ${first.item.line + 1}`;
      const why = m1 === m2
        ? `'${m2}' runs twice for the same interface`
        : `ifupdown applies both, so '${st.name.text}' is configured as '${m1}' and then as '${m2}'`;
      out.push({
        code: ID,
        span: st.name.span,
        message: `second 'iface ${st.name.text} ${st.family.text}' stanza (the first is at ${where}): ${why}; merge them into one stanza`,
        related: [{ uri: first.file.uri, span: first.item.name!.span, message: `first 'iface ${st.name.text} ${st.family.text} ${m1}'` }],
      });
    }
    return out;
  },
};
