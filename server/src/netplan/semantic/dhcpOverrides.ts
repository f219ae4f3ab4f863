/**
 * netplan/dhcp-overrides-mismatch: networkd has one set of DHCP client
 * options per link, so with both dhcp4 and dhcp6 on, netplan requires every
 * option of dhcp4-overrides and dhcp6-overrides to have the same value
 * (an option left out counts as its default). NetworkManager has no such limit.
 */
import type { NpNode, NpPair } from '../tree';
import type { FileFinding, NetplanCheck, NetplanConfig } from './model';
import { isTrue, scalarOf } from './model';
import { backendOf } from './backend';

const CODE = 'netplan/dhcp-overrides-mismatch';
/** Options netplan compares, with their default (what an absent key means). */
const OPTIONS: Record<string, 'true' | 'unset'> = {
  'use-dns': 'true',
  'use-ntp': 'true',
  'send-hostname': 'true',
  'use-hostname': 'true',
  'use-mtu': 'true',
  'use-routes': 'true',
  'use-domains': 'unset',
  hostname: 'unset',
  'route-metric': 'unset',
};

function normal(key: string, v: NpNode | undefined): string {
  const s = scalarOf(v);
  if (!s || s.empty) return OPTIONS[key] === 'true' ? 'true' : '';
  if (OPTIONS[key] === 'true') return isTrue(s) ? 'true' : /^(false|no|off|n)$/i.test(s.value) ? 'false' : s.value;
  return s.value;
}

export const dhcpOverridesMismatch: NetplanCheck = {
  id: CODE,
  defaultSeverity: 'error',
  phase: 'write',
  description: 'With networkd and both dhcp4 and dhcp6 on, an option of dhcp4-overrides differs from the same option of dhcp6-overrides.',
  run(config: NetplanConfig): FileFinding[] {
    const out: FileFinding[] = [];
    for (const def of config.ordered) {
      if (backendOf(def, config) === 'NetworkManager') continue; // OVS devices get a networkd file too
      if (!isTrue(def.get('dhcp4')?.pair.value) || !isTrue(def.get('dhcp6')?.pair.value)) continue;
      const o4 = def.get('dhcp4-overrides');
      const o6 = def.get('dhcp6-overrides');
      const m4 = o4 && o4.pair.value.kind === 'map' ? o4.pair.value : undefined;
      const m6 = o6 && o6.pair.value.kind === 'map' ? o6.pair.value : undefined;
      if (!m4 && !m6) continue;
      for (const key of Object.keys(OPTIONS)) {
        const p4: NpPair | undefined = m4?.get(key);
        const p6: NpPair | undefined = m6?.get(key);
        if (!p4 && !p6) continue;
        const v4 = normal(key, p4?.value);
        const v6 = normal(key, p6?.value);
        if (v4 === v6) continue;
        const at = p6 ? { uri: o6!.part.uri, span: p6.key.span } : { uri: o4!.part.uri, span: p4!.key.span };
        const show = (v: string) => (v === '' ? 'not set' : `'${v}'`);
        out.push({ ...at, code: CODE, severity: 'error', message: `${def.id}: networkd needs the same ${key} in dhcp4-overrides and dhcp6-overrides (here ${show(v4)} vs ${show(v6)}); set it to one value in both.` });
        break;
      }
    }
    return out;
  },
};
