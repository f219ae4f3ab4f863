import type { Check } from '../check';
import type { Finding } from '../../service/types';
import type { DhcpHost, Val } from '../../model/libvirt';
import { finding, networkOf } from './util';

const ID = 'libvirt/dhcp-host-duplicate';

const WHAT = ['mac', 'id', 'name', 'ip'] as const;
type What = (typeof WHAT)[number];
type Key = string | number | bigint;

const SAFE = BigInt(Number.MAX_SAFE_INTEGER);

/** The comparison key of a host's value: equal keys mean the same MAC, id, name or address. */
function keyOf(h: DhcpHost, what: What, v: Val): Key | undefined {
  switch (what) {
    case 'mac': {
      const b = h.macBytes;
      // 48 bits fit a double exactly.
      return b && ((((b[0] * 256 + b[1]) * 256 + b[2]) * 256 + b[3]) * 256 + b[4]) * 256 + b[5];
    }
    case 'id':
    case 'name':
      return v.value.toLowerCase();
    case 'ip': {
      // By value alone (as the check always compared), a number when exact.
      const a = h.ipAddr;
      return a && (a.value <= SAFE ? Number(a.value) : a.value);
    }
  }
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
    // One set of maps per family of the <ip> block (0: unknown).
    const byFamily = new Map<number, Record<What, Map<Key, Val>>>();
    for (const ip of networkOf(ctx)?.ips ?? []) {
      if (ip.hosts.length === 0) continue;
      const fam = ip.addr?.family ?? 0;
      let seen = byFamily.get(fam);
      if (!seen) byFamily.set(fam, (seen = { mac: new Map(), id: new Map(), name: new Map(), ip: new Map() }));
      for (const h of ip.hosts)
        for (const what of WHAT) {
          const v = h[what];
          if (!v) continue;
          const k = keyOf(h, what, v);
          if (k === undefined) continue;
          const map = seen[what];
          const first = map.get(k);
          if (!first) {
            map.set(k, v);
            continue;
          }
          out.push({
            ...finding(ID, v.span, `another static host already uses ${what} ${v.value}; dnsmasq will not serve both entries as intended`),
            related: [{ uri: ctx.uri, span: first.span, message: `first host with ${what} ${first.value}` }],
          });
        }
    }
    return out;
  },
};
