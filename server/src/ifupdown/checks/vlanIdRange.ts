import type { Finding } from '../../service/types';
import type { Token } from '../parse';
import { templated, type IfupdownCheck } from './check';

const ID = 'ifupdown/vlan-id-range';

/** Options whose values are VLAN IDs; bridge-vids also takes ranges. */
const LISTS: ReadonlySet<string> = new Set(['bridge_vids']);
const SINGLE: ReadonlySet<string> = new Set(['bridge_pvid', 'bridge_access', 'vlan_id']);

/**
 * VLAN IDs are 12 bits, and 4095 is reserved: a VLAN device takes 0–4094
 * (`vlan-id`, or the number after the last dot of `eth0.100`), a bridge VLAN
 * 1–4094 (`bridge-vids`, `bridge-pvid`, `bridge-access`). The kernel refuses
 * anything else, and the interface or bridge VLAN is not created. A range in
 * bridge-vids must not be reversed.
 */
export const vlanIdRangeCheck: IfupdownCheck = {
  id: ID,
  defaultSeverity: 'error',
  description: 'A VLAN ID outside 1–4094 in bridge-vids, bridge-pvid or bridge-access, outside 0–4094 in vlan-id or an interface name such as eth0.5000, or a reversed bridge-vids range.',
  run(file, folder) {
    const out: Finding[] = [];
    const report = (span: Token['span'], message: string) => out.push({ code: ID, span, message });
    for (const st of file.model.ifaces) {
      const dotted = st.name && /\.(\d+)$/.exec(st.name.text);
      if (dotted && Number(dotted[1]) > 4094) {
        const start = st.name!.span.end - dotted[1].length;
        report({ start, end: st.name!.span.end }, `VLAN ID ${dotted[1]} in the interface name '${st.name!.text}' is above 4094; the VLAN device cannot be created`);
      }
      for (const o of st.options) {
        const list = LISTS.has(o.key);
        if (!list && !SINGLE.has(o.key)) continue;
        const min = o.key === 'vlan_id' ? 0 : 1;
        for (const t of o.values) {
          if (templated(folder, t.text)) continue;
          let offset = 0;
          for (const part of t.text.split(',')) {
            const span = { start: t.span.start + offset, end: t.span.start + offset + part.length };
            offset += part.length + 1;
            if (part === '') continue;
            const m = /^(\d+)(?:-(\d+))?$/.exec(part);
            if (!m || (m[2] !== undefined && !list)) {
              report(span, `${o.name.text} '${part}' is not ${list ? 'a VLAN ID or a range such as 100-200' : 'a VLAN ID'} (${min}–4094)`);
              continue;
            }
            const lo = Number(m[1]);
            const hi = m[2] === undefined ? lo : Number(m[2]);
            if (lo < min || hi < min || lo > 4094 || hi > 4094) report(span, `${o.name.text} '${part}' is outside ${min}–4094 (4095 is reserved); the kernel refuses it`);
            else if (hi < lo) report(span, `${o.name.text} range '${part}' is reversed; write ${hi}-${lo}`);
          }
        }
      }
    }
    return out;
  },
};
