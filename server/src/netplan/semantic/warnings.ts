/**
 * Warnings netplan prints but accepts, and mistakes nobody reports:
 * netplan/name-too-long, netplan/gateway-deprecated, netplan/conflicting-default-routes,
 * netplan/bridge-member-has-address, netplan/duplicate-address, netplan/via-outside-subnets,
 * netplan/duplicate-mac.
 */
import { inSubnet, subnetOf, type Subnet } from '../../net/ip';
import type { FileFinding, NetplanCheck, NetplanConfig, NetDef, DefPart } from './model';
import { isTrue, scalarOf } from './model';
import { parseCidr, parseRouteAddr } from './addrutil';
import type { NpPair, NpScalar } from '../tree';

export const nameTooLong: NetplanCheck = {
  id: 'netplan/name-too-long',
  defaultSeverity: 'warning',
  description: 'An interface name longer than 15 characters: the kernel refuses it and the backend ignores the definition.',
  run(config) {
    const out: FileFinding[] = [];
    for (const def of config.ordered) {
      const sn = scalarOf(def.get('set-name')?.pair.value);
      const physicalWithMatch = (def.type === 'ethernets' || def.type === 'wifis') && !!def.get('match');
      const name = sn && !sn.empty ? sn.value : physicalWithMatch ? undefined : def.id;
      if (!name || name.length <= 15) continue;
      const part = def.parts[0];
      out.push({ uri: part.uri, code: this.id, severity: 'warning', span: sn && !sn.empty ? sn.span : part.key.span, message: `Interface name '${name}' is ${name.length} characters long; Linux allows at most 15, so the backend will ignore it.` });
    }
    return out;
  },
};

export const gatewayDeprecated: NetplanCheck = {
  id: 'netplan/gateway-deprecated',
  defaultSeverity: 'warning',
  description: '`gateway4`/`gateway6` are deprecated; use a route with `to: default`.',
  run(config) {
    const out: FileFinding[] = [];
    for (const def of config.ordered)
      for (const part of def.parts)
        for (const key of ['gateway4', 'gateway6']) {
          const p = part.map.get(key);
          if (p) out.push({ uri: part.uri, code: this.id, severity: 'warning', span: p.key.span, message: `'${key}' is deprecated: write a default route instead (routes: - to: default, via: ${scalarOf(p.value)?.value || '…'}).` });
        }
    return out;
  },
};

interface DefaultRoute {
  def: NetDef;
  uri: string;
  span: { start: number; end: number };
  family: 4 | 6;
  table: string;
  metric: string;
}

function defaultRoutes(def: NetDef): DefaultRoute[] {
  const out: DefaultRoute[] = [];
  for (const part of def.parts) {
    for (const [key, family] of [['gateway4', 4], ['gateway6', 6]] as const) {
      const p = part.map.get(key);
      if (p) out.push({ def, uri: part.uri, span: p.key.span, family, table: 'main', metric: 'default' });
    }
    const routes = part.map.get('routes')?.value;
    if (!routes || routes.kind !== 'seq') continue;
    for (const r of routes.items) {
      if (r.kind !== 'map') continue;
      const to = scalarOf(r.get('to')?.value);
      const via = scalarOf(r.get('via')?.value);
      if (!to) continue;
      let family: 4 | 6 | undefined;
      if (to.value === '0.0.0.0/0') family = 4;
      else if (to.value === '::/0') family = 6;
      else if (to.value === 'default') family = via ? parseRouteAddr(via.value)?.addr.family : undefined;
      if (!family) continue;
      const type = scalarOf(r.get('type')?.value)?.value ?? 'unicast';
      if (type !== 'unicast') continue;
      const table = scalarOf(r.get('table')?.value)?.value ?? 'main';
      const metric = scalarOf(r.get('metric')?.value)?.value ?? 'default';
      out.push({ def, uri: part.uri, span: to.span, family, table: table === '254' ? 'main' : table, metric });
    }
  }
  return out;
}

export const conflictingDefaultRoutes: NetplanCheck = {
  id: 'netplan/conflicting-default-routes',
  defaultSeverity: 'warning',
  description: 'Two interfaces declare a default route for the same IP family, table and metric.',
  run(config) {
    const out: FileFinding[] = [];
    const first = new Map<string, DefaultRoute>();
    for (const def of config.ordered) {
      for (const r of defaultRoutes(def)) {
        const k = `${r.family}|${r.table}|${r.metric}`;
        const prev = first.get(k);
        if (prev && prev.def !== def) {
          out.push({
            uri: r.uri,
            code: this.id,
            severity: 'warning',
            span: r.span,
            message: `Conflicting IPv${r.family} default routes (table ${r.table}, metric ${r.metric}): ${prev.def.id} already declares one. Give them different metrics or tables, or use routing-policy.`,
            related: [{ uri: prev.uri, span: prev.span, message: `default route of ${prev.def.id}` }],
          });
        } else if (!prev) first.set(k, r);
      }
    }
    return out;
  },
};

function members(config: NetplanConfig): Map<string, NetDef> {
  const m = new Map<string, NetDef>();
  for (const def of config.ordered) {
    if (def.type !== 'bridges' && def.type !== 'bonds') continue;
    for (const { pair } of def.all('interfaces')) if (pair.value.kind === 'seq') for (const it of pair.value.items) if (it.kind === 'scalar' && !m.has(it.value)) m.set(it.value, def);
  }
  return m;
}

export const bridgeMemberHasAddress: NetplanCheck = {
  id: 'netplan/bridge-member-has-address',
  defaultSeverity: 'warning',
  description: 'A bridge or bond member still has its own addresses or DHCP; the address belongs on the bridge/bond.',
  run(config) {
    const out: FileFinding[] = [];
    const mem = members(config);
    for (const [name, master] of mem) {
      const def = config.defs.get(name);
      if (!def) continue;
      const kind = master.type === 'bridges' ? 'bridge' : 'bond';
      for (const part of def.parts) {
        for (const key of ['dhcp4', 'dhcp6']) {
          const p = part.map.get(key);
          if (p && isTrue(p.value)) out.push({ uri: part.uri, code: this.id, severity: 'warning', span: p.key.span, message: `${name} is a member of ${kind} ${master.id} but still has ${key}: true; configure DHCP on ${master.id} instead (and set ${key}: false here).` });
        }
        const a = part.map.get('addresses');
        if (a && a.value.kind === 'seq' && a.value.items.length > 0) out.push({ uri: part.uri, code: this.id, severity: 'warning', span: a.key.span, message: `${name} is a member of ${kind} ${master.id} but has its own addresses; move them to ${master.id}.` });
      }
    }
    return out;
  },
};

interface AddrUse {
  def: NetDef;
  part: DefPart;
  s: NpScalar;
  subnet: Subnet;
  value: bigint;
}

function addressUses(config: NetplanConfig): AddrUse[] {
  const out: AddrUse[] = [];
  for (const def of config.ordered)
    for (const part of def.parts) {
      const a = part.map.get('addresses')?.value;
      if (!a || a.kind !== 'seq') continue;
      for (const it of a.items) {
        const s = it.kind === 'scalar' ? it : it.kind === 'map' && it.pairs.length === 1 ? it.pairs[0].key : undefined;
        if (!s) continue;
        const r = parseCidr(s.value);
        if (r.ok) out.push({ def, part, s, subnet: subnetOf(r.addr, r.prefix), value: r.addr.value });
      }
    }
  return out;
}

export const duplicateAddress: NetplanCheck = {
  id: 'netplan/duplicate-address',
  defaultSeverity: 'warning',
  description: 'The same IP address is configured on two interfaces.',
  run(config) {
    const out: FileFinding[] = [];
    const seen = new Map<string, AddrUse>();
    for (const u of addressUses(config)) {
      const k = `${u.subnet.family}|${u.value}`;
      const prev = seen.get(k);
      if (prev && prev.def !== u.def)
        out.push({ uri: u.part.uri, code: this.id, severity: 'warning', span: u.s.span, message: `Address ${u.s.value.split('/')[0]} is also configured on ${prev.def.id}; each address should live on one interface.`, related: [{ uri: prev.part.uri, span: prev.s.span, message: `also on ${prev.def.id}` }] });
      else if (!prev) seen.set(k, u);
    }
    return out;
  },
};

export const viaOutsideSubnets: NetplanCheck = {
  id: 'netplan/via-outside-subnets',
  defaultSeverity: 'warning',
  description: "A route's gateway (via) is in none of the interface's subnets, and on-link is not set.",
  run(config) {
    const out: FileFinding[] = [];
    const uses = addressUses(config);
    for (const def of config.ordered) {
      const own = uses.filter((u) => u.def === def).map((u) => u.subnet);
      if (own.length === 0) continue; // DHCP or RA: the subnet is not known here
      if (def.get('dhcp4') && isTrue(def.get('dhcp4')!.pair.value)) continue;
      for (const part of def.parts) {
        const check = (via: NpScalar | undefined, onLink: NpPair | undefined) => {
          if (!via || (onLink && isTrue(onLink.value))) return;
          const a = parseRouteAddr(via.value);
          if (!a || a.prefix !== undefined) return;
          const same = own.filter((s) => s.family === a.addr.family);
          if (same.length === 0) return;
          if (a.addr.family === 6 && a.addr.value >> 118n === 0x3fan) return; // fe80::/10 link-local gateway
          if (same.some((s) => inSubnet(a.addr, s))) return;
          out.push({ uri: part.uri, code: this.id, severity: 'warning', span: via.span, message: `Gateway ${via.value} is outside every subnet of ${def.id}; it is unreachable unless you add 'on-link: true' or an address in its subnet.` });
        };
        const routes = part.map.get('routes')?.value;
        if (routes && routes.kind === 'seq') for (const r of routes.items) if (r.kind === 'map') check(scalarOf(r.get('via')?.value), r.get('on-link'));
        for (const key of ['gateway4', 'gateway6']) check(scalarOf(part.map.get(key)?.value), undefined);
      }
    }
    return out;
  },
};

export const duplicateMac: NetplanCheck = {
  id: 'netplan/duplicate-mac',
  defaultSeverity: 'warning',
  description: 'Two definitions set the same MAC address.',
  run(config) {
    const out: FileFinding[] = [];
    const seen = new Map<string, { def: NetDef; uri: string; s: NpScalar }>();
    for (const def of config.ordered) {
      const m = def.get('macaddress');
      const s = m && scalarOf(m.pair.value);
      if (!m || !s || s.empty) continue;
      const k = s.value.toLowerCase();
      const prev = seen.get(k);
      if (prev && prev.def !== def)
        out.push({ uri: m.part.uri, code: this.id, severity: 'warning', span: s.span, message: `MAC address ${s.value} is also set on ${prev.def.id}; two interfaces with one MAC confuse switches and DHCP servers.`, related: [{ uri: prev.uri, span: prev.s.span, message: `also on ${prev.def.id}` }] });
      else if (!prev) seen.set(k, { def, uri: m.part.uri, s });
    }
    return out;
  },
};
