/**
 * netplan/bridge-bond-parameters: bridge and bond `parameters` netplan refuses
 * while reading them: a port priority above 63, a member given twice in
 * path-cost or port-priority, a second bond `primary`, ARP targets that are
 * not IPv4 addresses.
 */
import { parseAddr } from '../../net/ip';
import type { FileFinding, NetplanCheck, NetplanConfig } from './model';
import { scalarOf } from './model';

const CODE = 'netplan/bridge-bond-parameters';

export const bridgeBondParameters: NetplanCheck = {
  id: CODE,
  defaultSeverity: 'error',
  phase: 'parse',
  description: 'A bridge port priority above 63, a member listed twice in path-cost/port-priority, two bond primaries, or an ARP target that is not an IPv4 address.',
  run(config: NetplanConfig): FileFinding[] {
    const out: FileFinding[] = [];
    for (const def of config.ordered) {
      if (def.type !== 'bridges' && def.type !== 'bonds') continue;
      for (const part of def.parts) {
        const params = part.map.get('parameters')?.value;
        if (!params || params.kind !== 'map') continue;
        const add = (span: { start: number; end: number }, message: string) => out.push({ uri: part.uri, code: CODE, severity: 'error', span, message: `${def.id}: ${message}` });
        if (def.type === 'bridges') {
          for (const key of ['path-cost', 'port-priority']) {
            const m = params.get(key)?.value;
            if (!m || m.kind !== 'map') continue;
            const seen = new Set<string>();
            for (const p of m.pairs) {
              if (seen.has(p.key.value)) {
                add(m.span, `interface '${p.key.value}' is given a ${key} twice; keep one.`);
                break;
              }
              seen.add(p.key.value);
              const v = scalarOf(p.value);
              if (key === 'port-priority' && v && /^[0-9]+$/.test(v.value) && Number(v.value) > 63) {
                add(m.span, `port priority ${v.value} of '${p.key.value}' is out of range: 0 to 63.`);
                break;
              }
            }
          }
        } else {
          const primaries = params.pairs.filter((p) => p.key.value === 'primary');
          if (primaries.length > 1) add(primaries[1].value.span, `the bond already has a primary member (${scalarOf(primaries[0].value)?.value ?? '?'}); a bond has one primary.`);
          const arp = params.get('arp-ip-targets')?.value;
          if (arp && arp.kind === 'seq') {
            const bad = arp.items.map(scalarOf).find((s) => s && !s.empty && parseAddr(s.value)?.family !== 4);
            if (bad) add(arp.span, `ARP target '${bad.value}' is not an IPv4 address; ARP monitoring works with IPv4 addresses only.`);
          }
        }
      }
    }
    return out;
  },
};
