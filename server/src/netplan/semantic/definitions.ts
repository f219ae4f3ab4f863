/**
 * netplan/vlan: a VLAN needs `id` (0-4094) and `link`.
 * netplan/tunnel: a tunnel needs `mode`, and `local`/`remote` except for WireGuard/VXLAN
 *   (WireGuard itself: wireguard.ts; keys and backend limits: tunnelBackend.ts).
 * netplan/set-name-without-match: `set-name` only works with `match`.
 * netplan/vrf-table: a VRF needs `table`.
 */
import type { FileFinding, NetplanCheck, NetplanConfig } from './model';
import { defSpan, scalarOf } from './model';
import { parseAddr } from '../../net/ip';

export const vlanDefinition: NetplanCheck = {
  id: 'netplan/vlan',
  defaultSeverity: 'error',
  description: "A VLAN without 'link' or 'id', or with an id outside 0-4094.",
  run(config: NetplanConfig): FileFinding[] {
    const out: FileFinding[] = [];
    for (const def of config.ordered) {
      if (def.type !== 'vlans') continue;
      const last = def.parts[def.parts.length - 1];
      const id = def.get('id');
      const link = def.get('link');
      if (id) {
        const s = scalarOf(id.pair.value);
        if (s && /^[0-9]+$/.test(s.value) && Number(s.value) > 4094)
          out.push({ uri: id.part.uri, code: this.id, severity: 'error', span: s.span, message: `${def.id}: VLAN id ${s.value} is out of range: 0 to 4094.` });
      }
      if (!link) out.push({ uri: last.uri, code: this.id, severity: 'error', span: defSpan(last), message: `${def.id}: a VLAN needs 'link', the interface it runs on.` });
      if (!id) out.push({ uri: last.uri, code: this.id, severity: 'error', span: defSpan(last), message: `${def.id}: a VLAN needs 'id' (0 to 4094).` });
    }
    return out;
  },
};

export const tunnelDefinition: NetplanCheck = {
  id: 'netplan/tunnel',
  defaultSeverity: 'error',
  description: "A tunnel without 'mode', without 'local'/'remote' (except WireGuard/VXLAN), with endpoints of the wrong IP family, or a VXLAN id, flow label or ttl out of range.",
  run(config: NetplanConfig): FileFinding[] {
    const out: FileFinding[] = [];
    for (const def of config.ordered) {
      if (def.type !== 'tunnels') continue;
      const last = def.parts[def.parts.length - 1];
      const mode = scalarOf(def.get('mode')?.pair.value)?.value;
      if (!mode) {
        out.push({ uri: last.uri, code: this.id, severity: 'error', span: defSpan(last), message: `${def.id}: a tunnel needs 'mode' (gre, ipip, sit, vti, wireguard, vxlan…).` });
        continue;
      }
      if (mode !== 'wireguard' && mode !== 'vxlan' && !def.get('remote'))
        out.push({ uri: last.uri, code: this.id, severity: 'error', span: defSpan(last), message: `${def.id}: a ${mode} tunnel needs 'remote', the address of the other end.` });
      if (mode !== 'wireguard' && mode !== 'vxlan' && !def.get('local'))
        out.push({ uri: last.uri, code: this.id, severity: 'error', span: defSpan(last), message: `${def.id}: a ${mode} tunnel needs 'local', the address of this end.` });
      const V4 = ['ipip', 'sit', 'gre', 'gretap', 'vti', 'isatap'];
      const V6 = ['ip6ip6', 'ipip6', 'ip6gre', 'ip6gretap', 'vti6'];
      for (const end of ['local', 'remote']) {
        const v = scalarOf(def.get(end)?.pair.value);
        const fam = v && !v.value.includes('/') ? parseAddr(v.value)?.family : undefined;
        if (!fam) continue;
        if ((V4.includes(mode) && fam !== 4) || (V6.includes(mode) && fam !== 6))
          out.push({ uri: last.uri, code: this.id, severity: 'error', span: defSpan(last), message: `${def.id}: '${end}' must be an IPv${V4.includes(mode) ? 4 : 6} address for a ${mode} tunnel.` });
      }
      if (mode === 'vxlan') {
        const id = def.get('id');
        const n = id && scalarOf(id.pair.value);
        if (!id) out.push({ uri: last.uri, code: this.id, severity: 'error', span: defSpan(last), message: `${def.id}: a VXLAN tunnel needs 'id', its VNI (1 to 16777215).` });
        else if (n && /^[0-9]+$/.test(n.value) && (Number(n.value) < 1 || Number(n.value) > 16777215)) out.push({ uri: id.part.uri, code: this.id, severity: 'error', span: defSpan(last), message: `${def.id}: VXLAN id ${n.value} is out of range: 1 to 16777215.` });
        const fl = def.get('flow-label');
        const f = fl && scalarOf(fl.pair.value);
        if (f && /^[0-9]+$/.test(f.value) && Number(f.value) > 1048575) out.push({ uri: fl!.part.uri, code: this.id, severity: 'error', span: defSpan(last), message: `${def.id}: flow-label ${f.value} is out of range: 0 to 1048575.` });
      }
      const ttl = def.get('ttl');
      const t = ttl && scalarOf(ttl.pair.value);
      if (ttl && t && /^[0-9]+$/.test(t.value) && (Number(t.value) < 1 || Number(t.value) > 255))
        out.push({ uri: ttl.part.uri, code: this.id, severity: 'error', span: defSpan(ttl.part), message: `${def.id}: ttl ${t.value} is out of range: 1 to 255.` });
    }
    return out;
  },
};

export const setNameWithoutMatch: NetplanCheck = {
  id: 'netplan/set-name-without-match',
  defaultSeverity: 'error',
  description: "'set-name' is given without 'match', so netplan cannot tell which device to rename.",
  run(config: NetplanConfig): FileFinding[] {
    const out: FileFinding[] = [];
    for (const def of config.ordered) {
      const sn = def.get('set-name');
      if (sn && !def.get('match')) out.push({ uri: sn.part.uri, code: this.id, severity: 'error', span: sn.pair.key.span, message: `${def.id}: 'set-name' needs 'match:' to select the device to rename.` });
    }
    return out;
  },
};

export const vrfTable: NetplanCheck = {
  id: 'netplan/vrf-table',
  defaultSeverity: 'error',
  description: "A VRF without 'table'.",
  run(config: NetplanConfig): FileFinding[] {
    const out: FileFinding[] = [];
    for (const def of config.ordered) {
      if (def.type !== 'vrfs' || def.get('table')) continue;
      const last = def.parts[def.parts.length - 1];
      out.push({ uri: last.uri, code: this.id, severity: 'error', span: defSpan(last), message: `${def.id}: a VRF needs 'table', its routing table number.` });
    }
    return out;
  },
};

export const wifiAccessPoints: NetplanCheck = {
  id: 'netplan/wifi-no-access-points',
  defaultSeverity: 'error',
  description: 'A Wi-Fi definition without any access point.',
  run(config: NetplanConfig): FileFinding[] {
    const out: FileFinding[] = [];
    for (const def of config.ordered) {
      if (def.type !== 'wifis') continue;
      const ap = def.get('access-points');
      if (ap && ap.pair.value.kind === 'map' && ap.pair.value.pairs.length > 0) continue;
      const last = def.parts[def.parts.length - 1];
      out.push({ uri: last.uri, code: this.id, severity: 'error', span: defSpan(last), message: `${def.id}: no access points defined; add access-points: with at least one SSID.` });
    }
    return out;
  },
};
