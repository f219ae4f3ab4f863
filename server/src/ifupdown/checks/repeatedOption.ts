import type { Finding } from '../../service/types';
import type { OptionLine } from '../parse';
import type { IfupdownCheck } from './check';

const ID = 'ifupdown/repeated-option';

/**
 * Classic ifupdown joins the values of an option repeated in one stanza with
 * a line break; for the options it puts into its own `ip` commands that
 * breaks the command, and ifup fails for the interface. Extra addresses take
 * one `iface NAME inet static` stanza each there. ifupdown2 reads several
 * `address` (and `gateway`) lines, but keeps only the first value of
 * single-valued settings such as `mtu`.
 */
const CLASSIC_SUBSTITUTED: ReadonlySet<string> = new Set(['address', 'netmask', 'gateway', 'broadcast', 'metric', 'mtu', 'hwaddress', 'pointopoint', 'scope']);
const IFUPDOWN2_FIRST_ONLY: ReadonlySet<string> = new Set(['mtu', 'hwaddress', 'vlan_id', 'vlan_raw_device', 'bond_mode', 'bridge_vlan_aware', 'bridge_pvid']);

export const repeatedOptionCheck: IfupdownCheck = {
  id: ID,
  defaultSeverity: 'error',
  description: 'An option given twice in one stanza that the dialect cannot take twice (classic ifupdown: address, gateway, mtu…; ifupdown2 keeps only the first mtu, hwaddress, vlan-id…).',
  run(file, folder) {
    const out: Finding[] = [];
    const classic = folder.dialect === 'ifupdown';
    const watched = classic ? CLASSIC_SUBSTITUTED : IFUPDOWN2_FIRST_ONLY;
    for (const st of file.model.ifaces) {
      const first = new Map<string, OptionLine>();
      for (const o of st.options) {
        if (!watched.has(o.key) || o.values.length === 0) continue;
        const f = first.get(o.key);
        if (!f) {
          first.set(o.key, o);
          continue;
        }
        const name = o.name.text;
        const related = [{ uri: file.uri, span: f.name.span, message: `first '${f.name.text}'` }];
        if (!classic) {
          out.push({ code: ID, span: o.name.span, severity: 'warning', message: `ifupdown2 uses only the first '${name}' line (line ${f.line + 1}); this one is ignored — keep one`, related });
        } else if (o.key === 'address') {
          const iface = st.name?.text ?? 'NAME';
          out.push({ code: ID, span: o.name.span, message: `ifupdown (classic) does not take a second 'address' line in one stanza: it joins both into one value and ifup fails for ${iface}. Put each further address in its own 'iface ${iface} ${st.family?.text ?? 'inet'} static' stanza; ifupdown2 accepts several address lines`, related });
        } else {
          out.push({ code: ID, span: o.name.span, message: `ifupdown (classic) joins repeated '${name}' lines into one value, which breaks the command it runs; keep one '${name}' line`, related });
        }
      }
    }
    return out;
  },
};
