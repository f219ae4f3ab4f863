/**
 * netplan/unsupported-by-renderer: settings the chosen backend cannot express.
 * netplan refuses them only when it writes that backend's files, so they
 * depend on the renderer (global, per section or per definition).
 * NetworkManager: `activation-mode: off`, `ipv6-mtu`, address options
 * (lifetime/label), non-unicast routes, matching by driver without set-name.
 * networkd: `ipv6-address-generation: stable-privacy`, GSM/CDMA modems,
 * Wi-Fi access points in `ap` mode, Wi-Fi selected by `match:`.
 */
import type { NpNode } from '../tree';
import type { FileFinding, NetplanCheck, NetplanConfig } from './model';
import { isTrue, scalarOf } from './model';
import { backendOf } from './backend';
import { parseRouteAddr } from './addrutil';

const CODE = 'netplan/unsupported-by-renderer';

function familyOf(n: NpNode | undefined): 4 | 6 | undefined {
  const s = scalarOf(n);
  if (!s || s.empty || s.value === 'default') return undefined;
  return parseRouteAddr(s.value)?.addr.family;
}

export const unsupportedByRenderer: NetplanCheck = {
  id: CODE,
  defaultSeverity: 'error',
  phase: 'write',
  description: 'A setting the backend of this definition cannot express (NetworkManager: activation-mode off, ipv6-mtu, address options, non-unicast routes, match by driver; networkd: stable-privacy addresses, modems, Wi-Fi AP mode, Wi-Fi match).',
  run(config: NetplanConfig): FileFinding[] {
    const out: FileFinding[] = [];
    for (const def of config.ordered) {
      const backend = backendOf(def, config);
      const last = def.parts[def.parts.length - 1];
      const add = (uri: string, span: { start: number; end: number }, message: string) => out.push({ uri, code: CODE, severity: 'error', span, message: `${def.id}: ${message}` });
      if (backend === 'NetworkManager') {
        const am = def.get('activation-mode');
        if (am && scalarOf(am.pair.value)?.value === 'off') add(am.part.uri, am.pair.value.span, "NetworkManager has no 'activation-mode: off'; use 'manual' or the networkd renderer.");
        const mtu6 = def.get('ipv6-mtu');
        if (mtu6) add(mtu6.part.uri, mtu6.pair.key.span, "NetworkManager cannot set 'ipv6-mtu'; remove it or use the networkd renderer.");
        for (const { pair, part } of def.all('addresses')) {
          if (pair.value.kind !== 'seq') continue;
          const withOpts = pair.value.items.find((i) => i.kind === 'map');
          if (withOpts && withOpts.kind === 'map') {
            add(part.uri, withOpts.pairs[0]?.key.span ?? withOpts.span, 'NetworkManager does not support address options (lifetime, label); write the address alone or use the networkd renderer.');
            break;
          }
        }
        const match = def.get('match');
        const driver = match && match.pair.value.kind === 'map' ? match.pair.value.get('driver') : undefined;
        if (driver && !def.get('set-name')) add(match!.part.uri, driver.key.span, 'NetworkManager cannot select a device by driver unless set-name is also given; match by name or MAC address instead.');
        // Routes are written per IP family, only for a family the interface is configured for.
        const has = { 4: isTrue(def.get('dhcp4')?.pair.value), 6: isTrue(def.get('dhcp6')?.pair.value) };
        for (const { pair } of def.all('addresses'))
          if (pair.value.kind === 'seq')
            for (const it of pair.value.items) {
              const f = familyOf(it.kind === 'map' ? it.pairs[0]?.key : it);
              if (f) has[f] = true;
            }
        let reported = false;
        for (const { pair, part } of def.all('routes')) {
          if (reported || pair.value.kind !== 'seq') continue;
          for (const r of pair.value.items) {
            if (r.kind !== 'map') continue;
            const type = scalarOf(r.get('type')?.value);
            if (!type || type.empty || type.value.toLowerCase() === 'unicast') continue;
            const fam = familyOf(r.get('to')?.value) ?? familyOf(r.get('via')?.value) ?? familyOf(r.get('from')?.value) ?? 4;
            if (!has[fam] && def.type !== 'vrfs') continue;
            add(part.uri, type.span, `NetworkManager only supports unicast routes, not '${type.value}'; use the networkd renderer for this route.`);
            reported = true;
            break;
          }
        }
      } else {
        // networkd, and Open vSwitch devices (which get a networkd file for their addresses)
        const gen = def.get('ipv6-address-generation');
        if (gen && scalarOf(gen.pair.value)?.value === 'stable-privacy') add(gen.part.uri, gen.pair.value.span, "networkd cannot use 'ipv6-address-generation: stable-privacy' here; use eui64, an ipv6-address-token, or the NetworkManager renderer.");
      }
      if (backend === 'networkd') {
        if (def.type === 'modems') add(last.uri, last.key.span, 'networkd cannot configure GSM/CDMA modems; set renderer: NetworkManager for this modem.');
        if (def.type === 'wifis') {
          const match = def.get('match');
          if (match) add(match.part.uri, match.pair.key.span, 'networkd selects Wi-Fi devices only by interface name: remove match: (and set-name:) or use the NetworkManager renderer.');
          for (const { pair, part } of def.all('access-points')) {
            if (pair.value.kind !== 'map') continue;
            for (const ap of pair.value.pairs) {
              const mode = ap.value.kind === 'map' ? scalarOf(ap.value.get('mode')?.value) : undefined;
              if (mode && mode.value === 'ap') add(part.uri, mode.span, `access point '${ap.key.value}': networkd cannot run an access point (mode: ap); use the NetworkManager renderer.`);
            }
          }
        }
      }
    }
    return out;
  },
};
