import type { Finding } from '../../service/types';
import type { IfupdownCheck } from './check';

const ID = 'ifupdown/iface-line';

/**
 * An `iface` line ifupdown cannot read: no interface name, no address family
 * and method (without `inherits`), `inherits` without a template, or a
 * template that is not defined before it. ifupdown refuses the whole file
 * for these. Extra words after the method are ignored by ifupdown (warning).
 *
 * ifupdown2 reads `iface NAME` and `iface NAME inet` (method static), so
 * those are reported only for classic ifupdown, saying so; it does not know
 * `inherits` (that is reported by dialect-unsupported instead).
 */
export const ifaceLineCheck: IfupdownCheck = {
  id: ID,
  defaultSeverity: 'error',
  description: 'An iface line without a name, family or method (family and method: classic ifupdown only), or with an unknown inherits template.',
  run(file, folder) {
    const out: Finding[] = [];
    for (const st of file.model.ifaces) {
      const kw = st.keyword.span;
      if (!st.name) {
        out.push({ code: ID, span: kw, message: "'iface' needs an interface name, an address family and a method, e.g. 'iface eth0 inet dhcp'" });
        continue;
      }
      const classic = folder.dialect === 'ifupdown';
      if (st.inheritsKeyword && !st.inherits) {
        if (classic) out.push({ code: ID, span: st.inheritsKeyword.span, message: "'inherits' must be followed by the name of a template iface defined earlier" });
        continue;
      }
      if (!st.family && !st.inherits) {
        if (classic) out.push({ code: ID, span: st.name.span, message: `ifupdown (classic) requires an address family and method: write e.g. 'iface ${st.name.text} inet static' (or 'inet manual', 'inet dhcp'); ifupdown2 accepts the line as it is` });
        continue;
      }
      if (st.family && !st.method && !st.inherits) {
        if (classic) out.push({ code: ID, span: st.family.span, message: `iface '${st.name.text}' has no method after '${st.family.text}' (e.g. static, manual, dhcp); ifupdown (classic) rejects the file, ifupdown2 would read it as static` });
        continue;
      }
      if (st.inherits && classic) {
        // The template must be an iface stanza read earlier (same family when one is given).
        const pos = folder.ifaces.findIndex((l) => l.item === st);
        const earlier = folder.ifaces.slice(0, pos < 0 ? 0 : pos);
        const found = earlier.some((l) => l.item.name?.text === st.inherits!.text && (!st.family || l.item.family?.text === st.family.text));
        if (!found) {
          out.push({ code: ID, span: st.inherits.span, message: `no iface '${st.inherits.text}'${st.family ? ` ${st.family.text}` : ''} is defined before this line to inherit from; ifupdown refuses the file` });
        }
      }
      for (const t of st.extra) {
        out.push({ code: ID, span: t.span, severity: 'warning', message: `'${t.text}' is not understood on an iface line and is ignored; options go on their own lines below` });
      }
    }
    return out;
  },
};
