import type { Check } from '../check';
import type { Finding } from '../../service/types';
import type { Val } from '../../model/libvirt';
import { parseAddr, parseMac } from '../../net/ip';
import { finding, networkOf } from './util';

const ID = 'libvirt/dhcp-host-duplicate';

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
    const seen = new Map<string, Val>();
    const keyOf: Record<'mac' | 'id' | 'name' | 'ip', (v: string) => string | undefined> = {
      mac: (v) => parseMac(v)?.join(':'),
      id: (v) => v.toLowerCase(),
      name: (v) => v.toLowerCase(),
      ip: (v) => parseAddr(v)?.value.toString(),
    };
    for (const ip of networkOf(ctx)?.ips ?? []) {
      const fam = parseAddr(ip.address?.value)?.family ?? 0;
      for (const h of ip.hosts)
        for (const what of ['mac', 'id', 'name', 'ip'] as const) {
          const v = h[what];
          const k = v && keyOf[what](v.value);
          if (!v || k === undefined) continue;
          const key = `${fam}|${what}|${k}`;
          const first = seen.get(key);
          if (!first) {
            seen.set(key, v);
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
