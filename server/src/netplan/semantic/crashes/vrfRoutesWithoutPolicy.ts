/**
 * A VRF with a `routes:` list (even an empty one) and no routing-policy rule:
 * netplan 0.106 adopts the routes into the VRF's table, then walks the VRF's
 * routing-policy rules without checking that there are any, and the generator
 * dies with a segmentation fault (`netplan generate` exits 245, no message).
 * A route naming another table is reported first (netplan/vrf-table-mismatch)
 * and netplan stops there, so that case does not crash. Fixed upstream in
 * April 2023 (canonical/netplan#341, LP: #2016427), released in netplan 0.107.
 */
import type { NetplanConfig } from '../model';
import { scalarOf } from '../model';
import type { GeneratorCrash } from './types';

const numeric = (v: string | undefined): v is string => !!v && /^[0-9]+$/.test(v);

export const vrfRoutesWithoutPolicy: GeneratorCrash = {
  name: 'vrf-routes-without-routing-policy',
  find(config: NetplanConfig) {
    const out = [];
    for (const def of config.ordered) {
      if (def.type !== 'vrfs') continue;
      const table = scalarOf(def.get('table')?.pair.value)?.value;
      if (!numeric(table)) continue;
      const routes = def.all('routes').filter(({ pair }) => pair.value.kind === 'seq');
      if (routes.length === 0) continue;
      const rules = def.all('routing-policy').some(({ pair }) => pair.value.kind === 'seq' && pair.value.items.length > 0);
      if (rules) continue;
      const mismatch = routes.some(({ pair }) =>
        pair.value.kind === 'seq' &&
        pair.value.items.some((r) => {
          const t = r.kind === 'map' ? scalarOf(r.get('table')?.value)?.value : undefined;
          return numeric(t) && Number(t) !== Number(table);
        }),
      );
      if (mismatch) continue;
      const last = routes[routes.length - 1];
      out.push({
        uri: last.part.uri,
        span: last.pair.key.span,
        message:
          `${def.id}: netplan generate 0.106 crashes (segmentation fault) on a VRF that has 'routes' but no 'routing-policy' rule, so 'netplan apply' fails. ` +
          `Add a routing-policy rule to the VRF, or put the routes on a member interface with 'table: ${table}'. Fixed in netplan 0.107 (LP: #2016427).`,
      });
    }
    return out;
  },
};
