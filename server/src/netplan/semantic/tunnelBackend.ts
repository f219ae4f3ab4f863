/**
 * netplan/tunnel-backend: tunnel keys and what each backend can build.
 * A GRE/VTI key (`key:`, `keys: input/output`) is a number or a dotted quad;
 * networkd builds keys only for VTI and GRE-family tunnels and cannot build
 * ISATAP; NetworkManager builds keys only for GRE and ip6gre and cannot build
 * GRETAP. VXLAN `local` and `remote` must be of one IP family.
 * netplan reports these at the tunnel (its first key).
 */
import { parseAddr } from '../../net/ip';
import type { FileFinding, NetplanCheck, NetplanConfig, NetDef } from './model';
import { defSpan, scalarOf } from './model';
import { backendOf } from './backend';

const CODE = 'netplan/tunnel-backend';

function keyOf(def: NetDef, which: 'input' | 'output'): string | undefined {
  const keys = def.get('keys')?.pair.value;
  if (keys && keys.kind === 'map') {
    const s = scalarOf(keys.get(which)?.value);
    if (s && !s.empty) return s.value;
  }
  const k = scalarOf(def.get('key')?.pair.value);
  return k && !k.empty ? k.value : undefined;
}

function validTunnelKey(k: string): boolean {
  if (/^[0-9]+$/.test(k)) return Number(k) <= 0xffffffff;
  const a = parseAddr(k);
  return !!a && a.family === 4;
}

const NETWORKD_KEYED = new Set(['vti', 'vti6', 'wireguard', 'gre', 'ip6gre', 'gretap', 'ip6gretap']);
const NM_KEYED = new Set(['gre', 'ip6gre', 'wireguard']);

export const tunnelBackend: NetplanCheck = {
  id: CODE,
  defaultSeverity: 'error',
  phase: 'write',
  description: 'A tunnel key that is not a number or dotted quad, a key on a tunnel mode that takes none, a mode the backend cannot build (ISATAP with networkd, GRETAP with NetworkManager), or VXLAN endpoints of two IP families.',
  run(config: NetplanConfig): FileFinding[] {
    const out: FileFinding[] = [];
    for (const def of config.ordered) {
      if (def.type !== 'tunnels') continue;
      const mode = scalarOf(def.get('mode')?.pair.value)?.value;
      if (!mode || mode === 'wireguard') continue;
      const last = def.parts[def.parts.length - 1];
      const add = (message: string, phase: 'validate' | 'write' = 'write') => out.push({ uri: last.uri, code: CODE, severity: 'error', span: defSpan(last), message: `${def.id}: ${message}`, phase });
      const input = keyOf(def, 'input');
      const output = keyOf(def, 'output');
      const bad = [input, output].find((k) => k !== undefined && !validTunnelKey(k));
      if (bad !== undefined) {
        add(`tunnel key '${bad}' is invalid: use a number (0 to 4294967295) or a dotted quad such as 1.2.3.4.`, 'validate');
        continue;
      }
      if (mode === 'vxlan') {
        const l = scalarOf(def.get('local')?.pair.value);
        const r = scalarOf(def.get('remote')?.pair.value);
        const lf = l && !l.empty ? parseAddr(l.value)?.family ?? 4 : undefined;
        const rf = r && !r.empty ? parseAddr(r.value)?.family ?? 4 : undefined;
        if (lf && rf && lf !== rf) {
          add(`VXLAN 'local' (${l!.value}) and 'remote' (${r!.value}) must be of the same IP family.`, 'validate');
          continue;
        }
      }
      const backend = backendOf(def, config);
      if (backend === 'networkd') {
        if (mode === 'isatap') add('networkd cannot build ISATAP tunnels; use renderer: NetworkManager for this tunnel.');
        else if (!NETWORKD_KEYED.has(mode) && (input !== undefined || output !== undefined)) add(`${mode} tunnels take no ${input !== undefined ? "input" : "output"} key with networkd; keys are for GRE and VTI tunnels.`);
      } else if (backend === 'NetworkManager') {
        if (mode === 'gretap' || mode === 'ip6gretap') add(`NetworkManager cannot build ${mode.toUpperCase()} tunnels; use renderer: networkd for this tunnel.`);
        else if (!NM_KEYED.has(mode) && (input !== undefined || output !== undefined)) add(`${mode} tunnels take no ${input !== undefined ? "input" : "output"} key with NetworkManager; keys are for GRE tunnels.`);
      }
    }
    return out;
  },
};
