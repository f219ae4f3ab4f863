import type { Finding } from '../../service/types';
import { ipFamily, parseAddressValue, parsePrefix } from '../model';
import { optionsNamed } from '../parse';
import type { IfupdownCheck } from './check';

const ID = 'ifupdown/invalid-netmask';

/**
 * `netmask` must be a contiguous dotted IPv4 mask or a prefix length (IPv6:
 * a prefix length only). When `address` carries a /prefix too, classic
 * ifupdown uses the netmask and silently drops the prefix, ifupdown2 the
 * other way round: a warning when the two differ.
 */
export const invalidNetmaskCheck: IfupdownCheck = {
  id: ID,
  defaultSeverity: 'error',
  description: 'A netmask that is not a contiguous mask or prefix length, or that contradicts the /prefix of the address.',
  run(file, folder) {
    const out: Finding[] = [];
    for (const st of file.model.ifaces) {
      const family = ipFamily(st);
      if (!family) continue;
      const masks = optionsNamed(st, 'netmask');
      for (const nm of masks) {
        if (nm.values.length === 0) continue;
        if (nm.values.length > 1) {
          out.push({ code: ID, span: nm.valueSpan, message: `netmask '${nm.value}' is several words; give one mask (a comment cannot follow a value on the same line)` });
          continue;
        }
        const p = parsePrefix(nm.values[0].text, family);
        if (p.prefix === undefined) {
          out.push({ code: ID, span: nm.valueSpan, message: `netmask '${nm.value}': ${p.error}` });
          continue;
        }
        for (const a of optionsNamed(st, 'address')) {
          const v = parseAddressValue(a, family);
          if (v.prefix === undefined || v.error || v.prefix === p.prefix) continue;
          out.push({
            code: ID,
            span: nm.valueSpan,
            severity: 'warning',
            message: folder.dialect === 'ifupdown2'
              ? `netmask '${nm.value}' (/${p.prefix}) contradicts the /${v.prefix} written in address '${a.value}'; ifupdown2 uses the prefix and ignores the netmask (classic ifupdown the other way round) — keep only one`
              : `netmask '${nm.value}' (/${p.prefix}) contradicts the /${v.prefix} written in address '${a.value}'; ifupdown uses the netmask and ignores the prefix (ifupdown2 the other way round) — keep only one`,
          });
        }
      }
    }
    return out;
  },
};
