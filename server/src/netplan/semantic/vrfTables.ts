/**
 * netplan/vrf-table-mismatch: routes and routing-policy rules of a VRF use
 * the VRF's table; one that names another table is refused. (netplan 0.106
 * looks at the routing-policy rules only when the VRF also has routes.)
 */
import type { FileFinding, NetplanCheck, NetplanConfig } from './model';
import { scalarOf } from './model';

const CODE = 'netplan/vrf-table-mismatch';

export const vrfTableMismatch: NetplanCheck = {
  id: CODE,
  defaultSeverity: 'error',
  phase: 'write',
  description: "A route or routing-policy rule of a VRF that names a table other than the VRF's own.",
  run(config: NetplanConfig): FileFinding[] {
    const out: FileFinding[] = [];
    for (const def of config.ordered) {
      if (def.type !== 'vrfs') continue;
      const table = scalarOf(def.get('table')?.pair.value)?.value;
      if (!table || !/^[0-9]+$/.test(table)) continue;
      const routes = def.all('routes').filter(({ pair }) => pair.value.kind === 'seq' && pair.value.items.length > 0);
      if (routes.length === 0) continue;
      const lists = [...routes.map((r) => ({ ...r, what: 'route' })), ...def.all('routing-policy').map((r) => ({ ...r, what: 'routing-policy rule' }))];
      let done = false;
      for (const { pair, part, what } of lists) {
        if (done || pair.value.kind !== 'seq') continue;
        for (const r of pair.value.items) {
          const t = r.kind === 'map' ? scalarOf(r.get('table')?.value) : undefined;
          if (!t || t.empty || !/^[0-9]+$/.test(t.value) || Number(t.value) === Number(table)) continue;
          out.push({ uri: part.uri, code: CODE, severity: 'error', span: t.span, message: `${def.id}: this ${what} uses table ${t.value}, but the VRF's table is ${table}; leave table out (the VRF's is used) or set it to ${table}.` });
          done = true;
          break;
        }
      }
    }
    return out;
  },
};
