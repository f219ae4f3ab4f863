import type { Check } from '../check';
import type { Finding } from '../../service/types';
import { children } from '../../parse/xml';
import { attrVal } from '../../model/libvirt';
import { finding, networkOf } from './util';

const ID = 'libvirt/dns-txt';

/** A DNS TXT record needs a name without spaces or commas, and a value. */
export const dnsTxtCheck: Check = {
  id: ID,
  defaultSeverity: 'error',
  description: 'A DNS <txt> record without a name or value, or with a space or comma in its name.',
  appliesTo: ['libvirt-network'],
  run(ctx) {
    const out: Finding[] = [];
    const dns = networkOf(ctx)?.dns;
    if (!dns) return out;
    for (const txt of children(dns, 'txt')) {
      const name = attrVal(txt, 'name');
      if (!name) {
        out.push(finding(ID, txt.nameSpan, `TXT record has no name attribute`));
        continue;
      }
      const bad = /[ ,]/.exec(name.value);
      if (bad) out.push(finding(ID, name.span, `TXT record name '${name.value}' contains a ${bad[0] === ' ' ? 'space' : 'comma'}, which libvirt does not allow`));
      else if (!attrVal(txt, 'value')) out.push(finding(ID, txt.nameSpan, `TXT record '${name.value}' has no value attribute`));
    }
    return out;
  },
};
