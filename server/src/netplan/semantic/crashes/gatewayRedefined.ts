/**
 * `gateway4` (or `gateway6`) given twice for one definition with different
 * addresses: twice in one mapping, in a definition written twice, or in a
 * later file that amends the definition (a common way to override a cloud
 * image's default gateway). netplan 0.106 keeps the first address and asserts
 * that every later one is equal, so it aborts while parsing
 * (`parse.c:1280:handle_gateway4: assertion failed (scalar(node) ==
 * npp->current.netdef->gateway4)`, `netplan generate` exits 250). Fixed in
 * netplan 1.1 (canonical/netplan#460), where the later address wins.
 */
import type { NetplanConfig } from '../model';
import { scalarOf } from '../model';
import { parseAddr } from '../../../net/ip';
import type { GeneratorCrash } from './types';

export const gatewayRedefined: GeneratorCrash = {
  name: 'gateway-redefined',
  find(config: NetplanConfig) {
    const out = [];
    for (const def of config.ordered)
      for (const [key, family, line] of [['gateway4', 4, 1280], ['gateway6', 6, 1292]] as const) {
        let first: string | undefined;
        for (const part of def.parts)
          for (const pair of part.map.pairs) {
            if (pair.key.value !== key) continue;
            const v = scalarOf(pair.value);
            // netplan refuses an address of the wrong family before it compares
            if (!v || parseAddr(v.value)?.family !== family) continue;
            if (first === undefined) first = v.value;
            else if (v.value !== first)
              out.push({
                uri: part.uri,
                span: v.span,
                phase: 'parse' as const,
                message:
                  `${def.id}: netplan generate 0.106 aborts (assertion in handle_${key}, parse.c:${line}) when '${key}' is given again with another address (${first}, then ${v.value}), so 'netplan apply' fails. ` +
                  `Give '${key}' once, or better a default route ('routes: [{to: default, via: ${v.value}}]'). Fixed in netplan 1.1, where the later value wins.`,
              });
          }
      }
    return out;
  },
};
