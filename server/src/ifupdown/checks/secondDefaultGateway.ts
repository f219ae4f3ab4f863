import type { Finding } from '../../service/types';
import { parseAddr } from '../../net/ip';
import { addressFamily } from '../model';
import { option, optionsNamed, type OptionLine } from '../parse';
import { fileLabel, type IfupdownCheck } from './check';

const ID = 'ifupdown/second-default-gateway';

/**
 * Each `gateway` line makes ifupdown add a default route. A second default
 * route of the same family and metric already exists when the next stanza
 * comes up, so `ip route add` fails ("File exists") and ifup reports that
 * interface as failed. Keep one gateway per family, or give the others
 * distinct `metric`s.
 */
export const secondDefaultGatewayCheck: IfupdownCheck = {
  id: ID,
  defaultSeverity: 'warning',
  description: 'A second default gateway of the same family and metric (ifup fails on the second).',
  crossFile: true,
  run(file, folder) {
    const out: Finding[] = [];
    const first = new Map<string, { uri: string; o: OptionLine; name: string }>();
    for (const l of folder.ifaces) {
      const st = l.item;
      const family = addressFamily(st, folder.dialect);
      if (!family || !st.name) continue;
      // Logical interfaces chosen by a mapping script are alternatives, not brought up together.
      if (folder.mappingPatterns.length > 0 && !folder.listed.has(st.name.text)) continue;
      const metric = option(st, 'metric')?.value ?? '0';
      for (const g of optionsNamed(st, 'gateway')) {
        const gw = g.values.length === 1 ? parseAddr(g.values[0].text) : undefined;
        if (!gw || (family !== 'any' && gw.family !== family)) continue; // invalid-address reports it
        const key = `${gw.family}:${metric}`;
        const f = first.get(key);
        if (!f) {
          first.set(key, { uri: l.file.uri, o: g, name: st.name.text });
          continue;
        }
        if (l.file !== file) continue;
        const where = f.uri === file.uri ? `line ${f.o.line + 1}` : `${fileLabel(f.uri)} line ${f.o.line + 1}`;
        out.push({
          code: ID,
          span: g.name.span,
          message: `second IPv${gw.family} default gateway: ${f.name} already sets 'gateway ${f.o.value}' (${where}). Adding this default route fails with "File exists" and ifup reports ${st.name.text} as failed; keep a single gateway${metric === '0' ? ' or give this one a different metric' : ''}`,
          related: [{ uri: f.uri, span: f.o.name.span, message: `first default gateway, on ${f.name}` }],
        });
      }
    }
    return out;
  },
};
