/**
 * Which backend writes a definition, as netplan decides it: the definition's
 * own `renderer`, else the `renderer` of its section (`ethernets: renderer:`),
 * else the global `network: renderer:` (the last file that sets it wins; the
 * default is networkd). Open vSwitch takes over a definition that has an
 * `openvswitch:` block, a bond in an OVS-only mode (balance-tcp/balance-slb),
 * a bridge or bond with an OVS member, and a VLAN on an OVS link.
 */
import type { NetDef, NetplanConfig } from './model';
import { scalarOf } from './model';

export type Backend = 'networkd' | 'NetworkManager' | 'openvswitch';

const cache = new WeakMap<NetplanConfig, Map<NetDef, Backend>>();

function declared(def: NetDef, config: NetplanConfig): 'networkd' | 'NetworkManager' {
  const own = scalarOf(def.get('renderer')?.pair.value)?.value;
  if (own === 'networkd' || own === 'NetworkManager') return own;
  for (let i = def.parts.length - 1; i >= 0; i--) {
    const s = def.parts[i].sectionRenderer;
    if (s === 'networkd' || s === 'NetworkManager') return s;
  }
  return config.renderer === 'NetworkManager' ? 'NetworkManager' : 'networkd';
}

/**
 * An `openvswitch:` block makes a definition an OVS one, except on a
 * non-bridge/bond whose block only carries external-ids and/or other-config
 * (such an interface stays with its renderer).
 */
function ovsBlockSelectsOvs(def: NetDef): boolean {
  const o = def.get('openvswitch');
  if (!o) return false;
  if (def.type === 'bridges' || def.type === 'bonds') return true;
  const v = o.pair.value;
  if (v.kind !== 'map' || v.pairs.length === 0) return true;
  return !v.pairs.every((p) => p.key.value === 'external-ids' || p.key.value === 'other-config');
}

export function memberNames(def: NetDef): string[] {
  const out: string[] = [];
  for (const { pair } of def.all('interfaces')) if (pair.value.kind === 'seq') for (const it of pair.value.items) if (it.kind === 'scalar' && !it.empty) out.push(it.value);
  return out;
}

/** The backend of every definition of the folder (computed once per config). */
export function backends(config: NetplanConfig): Map<NetDef, Backend> {
  let m = cache.get(config);
  if (m) return m;
  m = new Map();
  const ovs = new Set<NetDef>();
  for (const def of config.ordered) {
    if (ovsBlockSelectsOvs(def)) ovs.add(def);
    if (def.type === 'bonds') {
      const params = def.get('parameters')?.pair.value;
      const mode = params && params.kind === 'map' ? scalarOf(params.get('mode')?.value)?.value : undefined;
      if (mode === 'balance-tcp' || mode === 'balance-slb') ovs.add(def);
    }
  }
  // Propagate: a bridge/bond with an OVS member, a VLAN on an OVS link.
  for (let changed = true; changed; ) {
    changed = false;
    for (const def of config.ordered) {
      if (ovs.has(def)) continue;
      let becomes = false;
      if (def.type === 'bridges' || def.type === 'bonds')
        becomes = memberNames(def).some((n) => {
          const d = config.defs.get(n);
          return (d && ovs.has(d)) || config.ovsPorts.has(n);
        });
      if (def.type === 'vlans') {
        const link = scalarOf(def.get('link')?.pair.value)?.value;
        const d = link ? config.defs.get(link) : undefined;
        becomes = !!d && ovs.has(d);
      }
      if (becomes) {
        ovs.add(def);
        changed = true;
      }
    }
  }
  for (const def of config.ordered) m.set(def, ovs.has(def) ? 'openvswitch' : declared(def, config));
  cache.set(config, m);
  return m;
}

export function backendOf(def: NetDef, config: NetplanConfig): Backend {
  return backends(config).get(def) ?? 'networkd';
}
