import type { Check } from '../check';
import type { Finding } from '../../service/types';
import type { DhcpHost, Val } from '../../model/libvirt';
import { finding, networkOf } from './util';

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
    for (const ip of networkOf(ctx)?.ips ?? []) {
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
  },
};
