/**
 * netplan/undefined-interface: a bridge/bond/vrf member, a VLAN or VXLAN `link`,
 * an SR-IOV `link` or a bond `primary` names an ID that no netplan file of the
 * folder defines (netplan: "interface 'x' is not defined"); with "Did you
 * mean" when a defined ID is one or two edits away.
 * netplan/interface-in-two-masters: one interface in two bridges/bonds (or two VRFs).
 */
import type { FileFinding, NetplanCheck, NetplanConfig, NetDef } from './model';
import { scalarOf } from './model';
import type { NpScalar } from '../tree';
import { closeMatches } from '../../text/closeMatches';

export function refs(def: NetDef): { ref: NpScalar; uri: string; what: string }[] {
  const out: { ref: NpScalar; uri: string; what: string }[] = [];
  for (const part of def.parts) {
    const ifs = part.map.get('interfaces')?.value;
    if ((def.type === 'bridges' || def.type === 'bonds' || def.type === 'vrfs') && ifs && ifs.kind === 'seq')
      for (const it of ifs.items) if (it.kind === 'scalar' && !it.empty) out.push({ ref: it, uri: part.uri, what: 'member' });
    const params = part.map.get('parameters')?.value;
    if (params && params.kind === 'map') {
      for (const k of ['path-cost', 'port-priority']) {
        const m = params.get(k)?.value;
        if (m && m.kind === 'map' && def.type === 'bridges') for (const p of m.pairs) out.push({ ref: p.key, uri: part.uri, what: k });
      }
      const primary = scalarOf(params.get('primary')?.value);
      if (primary && !primary.empty && def.type === 'bonds') out.push({ ref: primary, uri: part.uri, what: 'primary' });
    }
    const link = scalarOf(part.map.get('link')?.value);
    if (link && !link.empty && (def.type === 'vlans' || def.type === 'tunnels' || def.type === 'ethernets')) out.push({ ref: link, uri: part.uri, what: 'link' });
  }
  return out;
}

/**
 * " Did you mean 'X'?" when a defined ID is a likely typo away (the netplan
 * spelling quick fix acts on it): not the definition itself, nor a member
 * its list already has.
 */
function didYouMean(def: NetDef, r: { ref: NpScalar; what: string }, known: readonly string[]): string {
  const listed = new Set<string>();
  if (r.what === 'member') for (const { pair } of def.all('interfaces')) if (pair.value.kind === 'seq') for (const i of pair.value.items) if (i.kind === 'scalar') listed.add(i.value);
  const near = closeMatches(r.ref.value, known).filter((k) => k !== def.id && !listed.has(k));
  return near.length ? ` Did you mean '${near[0]}'?` : '';
}

export const undefinedInterface: NetplanCheck = {
  id: 'netplan/undefined-interface',
  defaultSeverity: 'error',
  phase: 'parse',
  description: 'A bridge, bond or VRF member, or a VLAN/VXLAN/SR-IOV link, names an interface defined in no netplan file of the folder.',
  run(config: NetplanConfig): FileFinding[] {
    const out: FileFinding[] = [];
    const known = [...config.defs.keys()];
    const order = (uri: string) => config.fileOrder.get(uri) ?? 0;
    for (const def of config.ordered) {
      for (const r of refs(def)) {
        if (config.ovsPorts.has(r.ref.value)) continue;
        const target = config.defs.get(r.ref.value);
        if (target) {
          // netplan reads files in name order and resolves names within the file being read:
          // a definition that only appears in a later file is not known yet.
          const first = target.parts.reduce((m, p) => Math.min(m, order(p.uri)), Infinity);
          if (first <= order(r.uri)) continue;
          const later = target.parts.find((p) => order(p.uri) === first)!;
          out.push({
            uri: r.uri,
            code: this.id,
            severity: 'error',
            span: r.ref.span,
            message: `${def.id}: interface '${r.ref.value}' is defined only in ${later.uri.slice(later.uri.lastIndexOf('/') + 1)}, which netplan reads after this file (files are read in name order); define it here or in an earlier file.`,
            related: [{ uri: later.uri, span: later.key.span, message: `'${r.ref.value}' is defined here` }],
          });
          continue;
        }
        out.push({
          uri: r.uri,
          code: this.id,
          severity: 'error',
          span: r.ref.span,
          message: `${def.id}: interface '${r.ref.value}' is not defined in any netplan file here${known.length ? ` (defined: ${known.slice(0, 8).join(', ')}${known.length > 8 ? ', …' : ''})` : ''}.${didYouMean(def, r, known)}`,
        });
      }
    }
    return out;
  },
};

export const interfaceInTwoMasters: NetplanCheck = {
  id: 'netplan/interface-in-two-masters',
  defaultSeverity: 'error',
  phase: 'parse',
  description: 'An interface is a member of two bridges or bonds (or two VRFs).',
  run(config: NetplanConfig): FileFinding[] {
    const out: FileFinding[] = [];
    const master = new Map<string, { def: NetDef; ref: NpScalar; uri: string }>();
    const vrf = new Map<string, { def: NetDef; ref: NpScalar; uri: string }>();
    for (const def of config.ordered) {
      if (def.type !== 'bridges' && def.type !== 'bonds' && def.type !== 'vrfs') continue;
      const table = def.type === 'vrfs' ? vrf : master;
      for (const part of def.parts) {
        const ifs = part.map.get('interfaces')?.value;
        if (!ifs || ifs.kind !== 'seq') continue;
        for (const it of ifs.items) {
          if (it.kind !== 'scalar' || it.empty) continue;
          const prev = table.get(it.value);
          if (prev && prev.def !== def) {
            const kind = prev.def.type === 'bridges' ? 'bridge' : prev.def.type === 'bonds' ? 'bond' : 'vrf';
            out.push({
              uri: part.uri,
              code: this.id,
              severity: 'error',
              span: it.span,
              message: `${def.id}: interface '${it.value}' is already a member of ${kind} ${prev.def.id}; an interface can belong to one ${def.type === 'vrfs' ? 'VRF' : 'bridge or bond'} only.`,
              related: [{ uri: prev.uri, span: prev.ref.span, message: `'${it.value}' is a member of ${prev.def.id} here` }],
            });
          } else if (!prev) table.set(it.value, { def, ref: it, uri: part.uri });
        }
      }
    }
    return out;
  },
};
