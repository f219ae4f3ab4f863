/**
 * The merged netplan configuration of a folder, as netplan builds it: files in
 * name order, each definition ID merged across files (a later file adds keys
 * to, or overrides keys of, an earlier definition of the same ID).
 */
import type { Span } from '../../parse/span';
import type { NetplanParse } from '../parse';
import type { NpMap, NpNode, NpPair, NpScalar } from '../tree';

export const DEVICE_TYPES = ['ethernets', 'wifis', 'modems', 'bridges', 'bonds', 'vlans', 'vrfs', 'tunnels', 'nm-devices'] as const;
export type DeviceType = (typeof DEVICE_TYPES)[number];

/** One appearance of a definition in one file. */
export interface DefPart {
  readonly id: string;
  readonly type: DeviceType;
  readonly uri: string;
  readonly key: NpScalar;
  readonly map: NpMap;
  /** `renderer:` of the section (`ethernets:` …) this part is written in, if any. */
  readonly sectionRenderer?: string;
}

/** A definition merged over all files; `get` returns the last value given for a key. */
export interface NetDef {
  readonly id: string;
  readonly type: DeviceType;
  readonly parts: DefPart[];
  get(key: string): { pair: NpPair; part: DefPart } | undefined;
  /** Every value given for a key, in file order (for lists netplan appends). */
  all(key: string): { pair: NpPair; part: DefPart }[];
}

export interface NetplanFileInput {
  readonly uri: string;
  readonly parsed: NetplanParse;
}

export interface NetplanConfig {
  readonly files: readonly NetplanFileInput[];
  readonly defs: Map<string, NetDef>;
  /** Definitions in order of first appearance. */
  readonly ordered: NetDef[];
  /** Global renderer, if any file sets it (the last one wins). */
  readonly renderer?: string;
  /** OVS patch ports declared in network.openvswitch.ports (they define IDs too). */
  readonly ovsPorts: Set<string>;
  /** Position of each file in netplan's reading order (file name order). */
  readonly fileOrder: Map<string, number>;
}

export function networkMap(parsed: NetplanParse): NpMap | undefined {
  const root = parsed.root;
  if (!root || root.kind !== 'map') return undefined;
  const net = root.get('network')?.value;
  return net && net.kind === 'map' ? net : undefined;
}

/** Sort as netplan does: by file name (basename), ties by full path. */
export function netplanOrder<T extends { uri: string }>(files: readonly T[]): T[] {
  const base = (u: string) => u.slice(u.lastIndexOf('/') + 1);
  return [...files].sort((a, b) => (base(a.uri) < base(b.uri) ? -1 : base(a.uri) > base(b.uri) ? 1 : a.uri < b.uri ? -1 : a.uri > b.uri ? 1 : 0));
}

export function buildConfig(files: readonly NetplanFileInput[]): NetplanConfig {
  const defs = new Map<string, NetDef>();
  const ordered: NetDef[] = [];
  const ovsPorts = new Set<string>();
  let renderer: string | undefined;
  const fileOrder = new Map<string, number>();
  for (const f of netplanOrder(files)) {
    fileOrder.set(f.uri, fileOrder.size);
    const net = networkMap(f.parsed);
    if (!net) continue;
    const r = net.get('renderer')?.value;
    if (r && r.kind === 'scalar') renderer = r.value;
    const ovs = net.get('openvswitch')?.value;
    const ports = ovs && ovs.kind === 'map' ? ovs.get('ports')?.value : undefined;
    if (ports && ports.kind === 'seq')
      for (const pair of ports.items) if (pair.kind === 'seq') for (const p of pair.items) if (p.kind === 'scalar') ovsPorts.add(p.value);
    for (const typePair of net.pairs) {
      const type = typePair.key.value as DeviceType;
      if (!(DEVICE_TYPES as readonly string[]).includes(type)) continue;
      const group = typePair.value;
      if (group.kind !== 'map') continue;
      const sectionRenderer = scalarOf(group.get('renderer')?.value)?.value;
      for (const pair of group.pairs) {
        if (pair.key.value === 'renderer') continue;
        if (pair.value.kind !== 'map') continue;
        const part: DefPart = { id: pair.key.value, type, uri: f.uri, key: pair.key, map: pair.value, sectionRenderer };
        let def = defs.get(part.id);
        if (!def) {
          def = makeDef(part.id, type);
          defs.set(part.id, def);
          ordered.push(def);
        }
        def.parts.push(part);
      }
    }
  }
  return { files, defs, ordered, renderer, ovsPorts, fileOrder };
}

function makeDef(id: string, type: DeviceType): NetDef {
  const parts: DefPart[] = [];
  return {
    id,
    type,
    parts,
    get(key) {
      for (let i = parts.length - 1; i >= 0; i--) {
        const pair = parts[i].map.get(key);
        if (pair) return { pair, part: parts[i] };
      }
      return undefined;
    },
    all(key) {
      const out: { pair: NpPair; part: DefPart }[] = [];
      for (const part of parts) {
        const pair = part.map.get(key);
        if (pair) out.push({ pair, part });
      }
      return out;
    },
  };
}

export function scalarOf(n: NpNode | undefined): NpScalar | undefined {
  return n && n.kind === 'scalar' ? n : undefined;
}

export function isTrue(n: NpNode | undefined): boolean {
  const s = scalarOf(n);
  return !!s && /^(true|yes|on|y)$/i.test(s.value);
}

/** Where netplan points for a whole-definition problem: the start of its mapping (its first key). */
export function defSpan(part: DefPart): Span {
  const first = part.map.pairs[0];
  return first ? first.key.span : part.key.span;
}

/** A finding in some file. */
export interface FileFinding {
  readonly uri: string;
  readonly code: string;
  readonly span: Span;
  readonly message: string;
  readonly severity: 'error' | 'warning' | 'information' | 'hint';
  readonly related?: readonly { uri: string; span: Span; message: string }[];
  /** Overrides the check's phase for this finding. */
  readonly phase?: Phase;
  /** Replaces the errors already found at exactly this span (a more telling message about the same value). */
  readonly replacesSameSpan?: boolean;
}

/**
 * When netplan finds a problem: while reading values ('parse', like schema
 * errors), when validating each finished definition ('validate'), or when
 * writing backend files ('write'). netplan stops at its first error, so a
 * later-phase error inside a definition that already has an earlier-phase
 * error is usually a consequence of it and is not reported.
 */
export type Phase = 'parse' | 'validate' | 'write';

/** A semantic check over the merged configuration. */
export interface NetplanCheck {
  readonly id: string;
  readonly defaultSeverity: 'error' | 'warning';
  readonly description: string;
  /** Default phase of its findings ('validate' when absent). */
  readonly phase?: Phase;
  run(config: NetplanConfig): FileFinding[];
}
