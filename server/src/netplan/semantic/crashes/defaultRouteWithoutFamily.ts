/**
 * A route `to: default` with neither `via` nor `from`, in a definition that
 * networkd (or Open vSwitch, which writes networkd files too) renders: netplan
 * learns a route's address family from `to`, `via` or `from`; "default" says
 * neither IPv4 nor IPv6, so the networkd writer asks for the default network
 * of family -1 and aborts (`util.c:698:get_global_network: assertion failed:
 * (ip_family == AF_INET || ip_family == AF_INET6)`, `netplan generate` exits
 * 250). NetworkManager accepts the route. The networkd writer of netplan 1.x
 * still maps "default" the same way, so no release is known to fix it.
 */
import type { NetplanConfig } from '../model';
import { scalarOf } from '../model';
import { backendOf } from '../backend';
import type { GeneratorCrash } from './types';

export const defaultRouteWithoutFamily: GeneratorCrash = {
  name: 'default-route-without-family',
  find(config: NetplanConfig) {
    const out = [];
    for (const def of config.ordered) {
      if (backendOf(def, config) === 'NetworkManager') continue;
      for (const { pair, part } of def.all('routes')) {
        if (pair.value.kind !== 'seq') continue;
        for (const route of pair.value.items) {
          if (route.kind !== 'map') continue;
          const to = scalarOf(route.get('to')?.value);
          if (!to || to.value !== 'default' || route.get('via') || route.get('from')) continue;
          out.push({
            uri: part.uri,
            span: to.span,
            message:
              `${def.id}: netplan generate 0.106 aborts (assertion "ip_family == AF_INET || ip_family == AF_INET6" in get_global_network) on a 'to: default' route without 'via' or 'from' rendered by networkd, so 'netplan apply' fails: netplan cannot tell IPv4 from IPv6. ` +
              `Write 'to: 0.0.0.0/0' or 'to: "::/0"', or add 'via'. Not fixed in later netplan releases either.`,
          });
        }
      }
    }
    return out;
  },
};
