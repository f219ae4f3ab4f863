import type { Finding } from '../../service/types';
import { optionsNamed } from '../parse';
import { BOND_MODES as MODES } from '../vocabulary';
import type { IfupdownCheck } from './check';

const ID = 'ifupdown/bond-mode-value';

/**
 * `bond-mode` takes a bonding driver mode, by name or by its number 0–6.
 * Anything else is refused when the bond is set up (ifenslave and ifupdown2
 * alike), and the bond does not come up as meant.
 */
export const bondModeValueCheck: IfupdownCheck = {
  id: ID,
  defaultSeverity: 'error',
  description: 'A bond-mode that is not a bonding mode (balance-rr, active-backup, balance-xor, broadcast, 802.3ad, balance-tlb, balance-alb or 0–6).',
  run(file) {
    const out: Finding[] = [];
    for (const st of file.model.ifaces) {
      for (const o of optionsNamed(st, 'bond-mode')) {
        if (o.values.length === 0) continue;
        if (o.values.length === 1 && (MODES.includes(o.value) || /^[0-6]$/.test(o.value))) continue;
        const near = MODES.find((m) => m.replace(/[^a-z0-9]/g, '') === o.value.toLowerCase().replace(/[^a-z0-9]/g, '')) ?? (/^(lacp|802\.?3ad)$/i.test(o.value) ? '802.3ad' : undefined);
        out.push({ code: ID, span: o.valueSpan, message: `bond-mode '${o.value}' is not a bonding mode${near ? ` (did you mean '${near}'?)` : ''}; expected ${MODES.join(', ')} or 0–6` });
      }
    }
    return out;
  },
};
