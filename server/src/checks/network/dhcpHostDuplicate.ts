import type { Check } from '../check';
import type { Finding } from '../../service/types';
import type { DhcpHost, Val } from '../../model/libvirt';
import { finding, perIpBlocks } from './util';

const ID = 'libvirt/dhcp-host-duplicate';

type What = 'mac' | 'id' | 'name' | 'ip';
type Key = string | number | bigint;

const SAFE = BigInt(Number.MAX_SAFE_INTEGER);

/** 48 bits fit a double exactly: equal numbers mean equal MACs. */
function macKey(h: DhcpHost): number | undefined {
  return h.macValue;
}

/** By value alone (as the check always compared, whatever the family), a number when exact. */
function ipKey(h: DhcpHost): Key | undefined {
  const a = h.ipAddr;
  return a && (a.value <= SAFE ? Number(a.value) : a.value);
}

/** A 52-bit hash of a string (two 26-bit FNV-1a variants): equal strings, equal numbers. */
function hash52(s: string): number {
  let a = 0x811c9dc5;
  let b = 0x050c5d1f;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    a = Math.imul(a ^ c, 0x01000193);
    b = Math.imul(b ^ c, 0x5bd1e995);
  }
  return (a >>> 6) * 67108864 + (b >>> 6);
}

/** True when the sorted keys hold two equal neighbours. */
function anyEqual(keys: Float64Array, n: number): boolean {
  const k = keys.subarray(0, n).sort();
  for (let i = 1; i < n; i++) if (k[i] === k[i - 1]) return true;
  return false;
}

/**
 * A quick, conservative test: could any two hosts share a MAC, id, name or
 * address? Keys become numbers (a string's by hash, families ignored), so
 * equal values always give equal numbers; a "yes" only means the exact
 * check must run. Sorting typed arrays is several times cheaper than the
 * exact check's maps on a 20,000-host network with no duplicates (the
 * usual case).
 */
function mayHaveDuplicates(hosts: readonly DhcpHost[]): boolean {
  const n = hosts.length;
  if (n < 64) return true; // small: the exact check is cheap enough
  const mac = new Float64Array(n);
  const id = new Float64Array(n);
  const name = new Float64Array(n);
  const ip = new Float64Array(n);
  let nm = 0;
  let ni = 0;
  let nn = 0;
  let np = 0;
  for (let i = 0; i < n; i++) {
    const h = hosts[i];
    const m = h.mac ? h.macValue : undefined;
    if (m !== undefined) mac[nm++] = m;
    if (h.id) id[ni++] = hash52(h.id.value.toLowerCase());
    if (h.name) name[nn++] = hash52(h.name.value.toLowerCase());
    const a = h.ip ? h.ipAddr : undefined;
    if (a) ip[np++] = Number(a.value);
  }
  return anyEqual(mac, nm) || anyEqual(id, ni) || anyEqual(name, nn) || anyEqual(ip, np);
}

/**
 * Two static DHCP hosts of one address family with the same MAC, id, name
 * or IP: libvirt accepts the file (it only checks on `net-update add`), but
 * dnsmasq then applies one entry and ignores or mixes up the other. The
 * second occurrence is reported, pointing at the first.
 */
export const dhcpHostDuplicateCheck: Check = {
  id: ID,
  defaultSeverity: 'warning',
  description: 'Two static DHCP hosts with the same MAC, id, name or IP address.',
  appliesTo: ['libvirt-network'],
  run(ctx) {
    return perIpBlocks(ctx, ID, (ips) => {
      const out: Finding[] = [];
      // One map per family of the <ip> block (0: unknown) and kind of value.
      const byFamily = new Map<number, Record<What, Map<Key, Val>>>();
      const see = (seen: Map<Key, Val>, what: What, v: Val, k: Key | undefined): void => {
        if (k === undefined) return;
        const first = seen.get(k);
        if (!first) {
          seen.set(k, v);
          return;
        }
        out.push({
          ...finding(ID, v.span, `another static host already uses ${what} ${v.value}; dnsmasq will not serve both entries as intended`),
          related: [{ uri: ctx.uri, span: first.span, message: `first host with ${what} ${first.value}` }],
        });
      };
      const all = ips.length === 1 ? ips[0].hosts : ips.flatMap((ip) => ip.hosts);
      if (!mayHaveDuplicates(all)) return out;
      for (const ip of ips) {
        if (ip.hosts.length === 0) continue;
        const fam = ip.addr?.family ?? 0;
        let seen = byFamily.get(fam);
        if (!seen) byFamily.set(fam, (seen = { mac: new Map(), id: new Map(), name: new Map(), ip: new Map() }));
        // In this order per host: mac, id, name, ip.
        for (const h of ip.hosts) {
          if (h.mac) see(seen.mac, 'mac', h.mac, macKey(h));
          if (h.id) see(seen.id, 'id', h.id, h.id.value.toLowerCase());
          if (h.name) see(seen.name, 'name', h.name, h.name.value.toLowerCase());
          if (h.ip) see(seen.ip, 'ip', h.ip, ipKey(h));
        }
      }
      return out;
    });
  },
};
