/**
 * netplan/openvswitch: Open vSwitch rules of netplan 0.106.
 * While reading (reported at the value): bond-only and bridge-only keys of an
 * `openvswitch:` block, controller targets, duplicate external-ids /
 * other-config entries, a patch port paired twice.
 * While writing (netplan names no line; we point at the natural key): an OVS
 * bond needs two members, must sit in an OVS bridge and use an OVS bond mode;
 * a patch port must be used by a bridge or bond; an interface carrying
 * external-ids/other-config must be in an OVS bridge or bond; other device
 * types (ethernets…) cannot be OVS devices themselves; `ssl:` controller
 * targets need the global `openvswitch: ssl:` settings.
 */
import { parseAddr } from '../../net/ip';
import type { NpMap, NpNode, NpScalar } from '../tree';
import type { FileFinding, NetDef, NetplanCheck, NetplanConfig } from './model';
import { networkMap, scalarOf } from './model';
import { backendOf, memberNames } from './backend';

const CODE = 'netplan/openvswitch';
const BRIDGE_ONLY = ['fail-mode', 'mcast-snooping', 'rstp', 'protocols', 'controller'];
const OVS_BOND_MODES = new Set(['active-backup', 'balance-tcp', 'balance-slb']);

/** netplan's controller target rules (tcp:/ssl: host[:port], ptcp:/pssl: [port][:host], unix:/punix: path). */
export function validOvsTarget(t: string): boolean {
  const c = t.indexOf(':');
  if (c < 0) return false;
  const proto = t.slice(0, c);
  const rest = t.slice(c + 1);
  if (proto === 'unix' || proto === 'punix') return true;
  let host: string | undefined;
  let port: string;
  if (proto === 'tcp' || proto === 'ssl') {
    if (rest.startsWith('[')) {
      const inner = rest.slice(1);
      const k = inner.lastIndexOf(']:');
      [host, port] = k < 0 ? [inner.replace(/\]$/, ''), '6653'] : [inner.slice(0, k), inner.slice(k + 2)];
    } else {
      const k = rest.indexOf(':');
      [host, port] = k < 0 ? [rest, '6653'] : [rest.slice(0, k), rest.slice(k + 1)];
    }
  } else if (proto === 'ptcp' || proto === 'pssl') {
    if (rest === '') port = '6653';
    else {
      const k = rest.indexOf(':');
      port = k < 0 ? rest : rest.slice(0, k);
      host = k < 0 ? undefined : rest.slice(k + 1).replace(/[[\]]/g, '');
    }
  } else return false;
  if (host !== undefined && host.includes('%')) host = host.slice(0, host.indexOf('%'));
  const p = parseInt(port, 10);
  if (!(p > 0 && p <= 65535)) return false;
  return host === undefined || !!parseAddr(host);
}

function dupEntry(m: NpNode | undefined): NpScalar | undefined {
  if (!m || m.kind !== 'map') return undefined;
  const seen = new Set<string>();
  for (const p of m.pairs) {
    if (seen.has(p.key.value)) return p.key;
    seen.add(p.key.value);
  }
  return undefined;
}

export const openvswitch: NetplanCheck = {
  id: CODE,
  defaultSeverity: 'error',
  phase: 'parse',
  description: 'An Open vSwitch setting netplan refuses: a bridge-only or bond-only key elsewhere, a bad controller target, an OVS bond that is not in an OVS bridge or has fewer than two members, an unused patch port…',
  run(config: NetplanConfig): FileFinding[] {
    const out: FileFinding[] = [];
    const add = (uri: string, span: { start: number; end: number }, message: string, phase: 'parse' | 'write' = 'parse') => out.push({ uri, code: CODE, severity: 'error', span, message, phase });

    // Global settings: external-ids/other-config, patch ports, ssl.
    let sslSet = false;
    const ports: { s: NpScalar; uri: string }[] = [];
    const peerOf = new Map<string, string>();
    for (const f of config.files) {
      const net = networkMap(f.parsed);
      const ovs = net?.get('openvswitch')?.value;
      if (!ovs || ovs.kind !== 'map') continue;
      for (const k of ['external-ids', 'other-config']) {
        const m = ovs.get(k)?.value;
        const d = dupEntry(m);
        if (d && m) add(f.uri, m.span, `'${d.value}' appears twice in ${k}; give each entry once.`);
      }
      const ssl = ovs.get('ssl')?.value;
      if (ssl && ssl.kind === 'map' && ssl.pairs.length > 0) sslSet = true;
      const seq = ovs.get('ports')?.value;
      if (seq && seq.kind === 'seq')
        for (const pair of seq.items) {
          if (pair.kind !== 'seq' || pair.items.length !== 2) continue;
          const [a, b] = pair.items.map(scalarOf);
          if (!a || !b) continue;
          for (const [x, y] of [[a, b], [b, a]] as const) {
            const prev = peerOf.get(x.value);
            if (prev !== undefined && prev !== y.value) {
              add(f.uri, x.span, `Patch port '${x.value}' is already paired with '${prev}'; a patch port has exactly one peer.`);
              break;
            }
          }
          peerOf.set(a.value, b.value);
          peerOf.set(b.value, a.value);
          ports.push({ s: a, uri: f.uri }, { s: b, uri: f.uri });
        }
    }

    // Who is a member of what.
    const masterOf = new Map<string, NetDef>();
    for (const def of config.ordered) if (def.type === 'bridges' || def.type === 'bonds') for (const n of memberNames(def)) if (!masterOf.has(n)) masterOf.set(n, def);

    for (const def of config.ordered) {
      const o = def.get('openvswitch');
      const block = o && o.pair.value.kind === 'map' ? (o.pair.value as NpMap) : undefined;
      const uri = o?.part.uri ?? def.parts[0].uri;
      if (block) {
        for (const p of block.pairs) {
          const k = p.key.value;
          if (k === 'lacp' && def.type !== 'bonds') add(uri, p.value.span, `'lacp' only applies to an Open vSwitch bond; ${def.id} is not a bond.`);
          else if (BRIDGE_ONLY.includes(k) && def.type !== 'bridges') {
            if (k === 'controller' && p.value.kind === 'map') {
              for (const c of p.value.pairs) add(uri, c.value.span, `'controller.${c.key.value}' only applies to an Open vSwitch bridge; ${def.id} is not a bridge.`);
            } else add(uri, p.value.span, `'${k}' only applies to an Open vSwitch bridge; ${def.id} is not a bridge.`);
          }
        }
        for (const k of ['external-ids', 'other-config']) {
          const m = block.get(k)?.value;
          const d = dupEntry(m);
          if (d && m) add(uri, m.span, `'${d.value}' appears twice in ${k}; give each entry once.`);
        }
        const ctl = block.get('controller')?.value;
        const addrs = ctl && ctl.kind === 'map' ? ctl.get('addresses')?.value : undefined;
        if (def.type === 'bridges' && addrs && addrs.kind === 'seq') {
          const bad = addrs.items.map(scalarOf).find((s) => s && !validOvsTarget(s.value));
          if (bad) add(uri, addrs.span, `Controller target '${bad.value}' is not supported: use tcp:HOST[:PORT], ssl:HOST[:PORT], ptcp:[PORT][:HOST], pssl:[PORT][:HOST], unix:PATH or punix:PATH.`);
          else if (!sslSet) {
            const ssl = addrs.items.map(scalarOf).find((s) => s && /^p?ssl:/.test(s.value));
            if (ssl) add(uri, ssl.span, `Controller target '${ssl.value}' uses SSL, but the global 'openvswitch: ssl:' settings (ca-cert, certificate, private-key) are not set.`, 'write');
          }
        }
      }

      const isOvs = backendOf(def, config) === 'openvswitch';
      if (isOvs) {
        if (def.type === 'bonds') {
          const members = memberNames(def);
          const ifs = def.get('interfaces');
          const params = def.get('parameters');
          const mode = params && params.pair.value.kind === 'map' ? scalarOf(params.pair.value.get('mode')?.value) : undefined;
          const master = masterOf.get(def.id);
          if (members.length < 2) add(ifs?.part.uri ?? def.parts[0].uri, ifs?.pair.key.span ?? def.parts[0].key.span, `Open vSwitch bond ${def.id} needs at least 2 member interfaces (it has ${members.length}).`, 'write');
          else if (!master || master.type !== 'bridges' || backendOf(master, config) !== 'openvswitch') add(def.parts[0].uri, def.parts[0].key.span, `Open vSwitch bond ${def.id} must be a member of an Open vSwitch bridge.`, 'write');
          else if (mode && !mode.empty && !OVS_BOND_MODES.has(mode.value)) add(params!.part.uri, mode.span, `Bond mode '${mode.value}' is not available with Open vSwitch: use active-backup, balance-tcp or balance-slb.`, 'write');
        } else if (def.type !== 'bridges' && def.type !== 'vlans') {
          add(def.parts[0].uri, o?.pair.key.span ?? def.parts[0].key.span, `${def.id}: an ${def.type.replace(/s$/, '')} cannot itself be an Open vSwitch device; list it in the interfaces of an Open vSwitch bridge or bond instead.`, 'write');
        }
      } else if (block) {
        const carries = ['external-ids', 'other-config'].some((k) => {
          const m = block.get(k)?.value;
          return m && m.kind === 'map' && m.pairs.length > 0;
        });
        if (carries && !masterOf.has(def.id)) add(uri, o!.pair.key.span, `${def.id}: external-ids/other-config only take effect on an interface in an Open vSwitch bridge or bond; add it to one.`, 'write');
      }
    }

    for (const p of ports) if (!masterOf.has(p.s.value)) {
      add(p.uri, p.s.span, `Patch port '${p.s.value}' is not used: list it in the interfaces of an Open vSwitch bridge or bond.`, 'write');
      break;
    }
    return out;
  },
};
