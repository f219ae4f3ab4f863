/**
 * netplan/invalid-address: interface addresses without a prefix length, with a
 * bad prefix, or malformed; gateway4/gateway6 and nameserver addresses that
 * are not IPv4/IPv6 addresses of the right family; tunnel endpoints.
 * (netplan: "address '…' is missing /prefixlength", "invalid prefix length …",
 * "malformed address …", "invalid IPv4 address …".)
 */
import { parseAddr } from '../../net/ip';
import type { FileFinding, NetplanCheck, NetplanConfig } from './model';
import { scalarOf } from './model';
import { parseCidr } from './addrutil';

export const invalidAddress: NetplanCheck = {
  id: 'netplan/invalid-address',
  defaultSeverity: 'error',
  phase: 'parse',
  description: 'Malformed interface address, missing or invalid prefix length, or a gateway/nameserver/tunnel endpoint that is not an IP address.',
  run(config: NetplanConfig): FileFinding[] {
    const out: FileFinding[] = [];
    const add = (uri: string, span: { start: number; end: number }, message: string) => out.push({ uri, code: this.id, severity: 'error', span, message });
    for (const def of config.ordered) {
      for (const part of def.parts) {
        const m = part.map;
        const addrs = m.get('addresses')?.value;
        if (addrs && addrs.kind === 'seq') {
          for (const it of addrs.items) {
            const s = it.kind === 'scalar' ? it : it.kind === 'map' && it.pairs.length === 1 ? it.pairs[0].key : undefined;
            if (!s || s.empty) continue;
            const r = parseCidr(s.value);
            if (!r.ok) add(part.uri, s.span, r.message);
          }
        }
        for (const [key, fam] of [['gateway4', 4], ['gateway6', 6]] as const) {
          const g = scalarOf(m.get(key)?.value);
          if (!g || g.empty) continue;
          const a = parseAddr(g.value);
          if (!a || a.family !== fam || g.value !== g.value.trim()) add(part.uri, g.span, `${key} '${g.value}' is not a valid IPv${fam} address.`);
        }
        const ns = m.get('nameservers')?.value;
        const nsa = ns && ns.kind === 'map' ? ns.get('addresses')?.value : undefined;
        if (nsa && nsa.kind === 'seq') {
          for (const it of nsa.items) {
            if (it.kind !== 'scalar' || it.empty) continue;
            // netplan allows an IPv6 scope suffix (%iface) on nameservers
            if (!parseAddr(it.value.replace(/%[^%]*$/, ''))) add(part.uri, it.span, `Nameserver '${it.value}' is not an IPv4 or IPv6 address (no prefix length here).`);
          }
        }
        if (def.type === 'tunnels') {
          for (const key of ['local', 'remote']) {
            const v = scalarOf(m.get(key)?.value);
            if (!v || v.empty) continue;
            if (v.value.includes('/')) add(part.uri, v.span, `Tunnel ${key} address '${v.value}' must not have a /prefix length.`);
            else if (!parseAddr(v.value)) add(part.uri, v.span, `Tunnel ${key} '${v.value}' is not an IPv4 or IPv6 address.`);
          }
        }
      }
    }
    return out;
  },
};
