/**
 * Hover in netplan YAML: on a key, the schema's description (our words) and
 * the values it allows; on a value, the same for its key plus how netplan
 * reads it (booleans); on a definition ID (or a reference to one in
 * `interfaces:` / `link:`), its device type, where it is defined and which
 * bridges, bonds or VLANs use it.
 */
import type { Hover } from 'vscode-languageserver-types';
import type { NpNode, NpScalar } from '../../netplan';
import { toRange } from '../../parse/lineIndex';
import type { FeatureContext } from '../context';
import { folderConfig, parsed, TYPE_WORD, usersOf } from './folder';
import { describe, expected, isBool, keysAt, schemaAt, shapeOf } from './schemaNav';
import { ITEM, type PathSeg } from './yamlContext';

const DEVICE_TYPES = new Set(['ethernets', 'wifis', 'modems', 'bridges', 'bonds', 'vlans', 'vrfs', 'tunnels', 'nm-devices']);

interface Hit {
  readonly what: 'key' | 'value';
  readonly path: PathSeg[];
  readonly node: NpScalar;
}

const inside = (n: { span: { start: number; end: number } }, o: number) => o >= n.span.start && o <= n.span.end;

/** The key or scalar value under the cursor, with its path (a key's path ends with the key). */
export function hitAt(root: NpNode | undefined, offset: number): Hit | undefined {
  let node = root;
  const path: PathSeg[] = [];
  for (let depth = 0; node && depth < 100; depth++) {
    if (node.kind === 'scalar') return inside(node, offset) && !node.empty ? { what: 'value', path, node } : undefined;
    let next: NpNode | undefined;
    if (node.kind === 'map') {
      for (const p of node.pairs) {
        if (inside(p.key, offset) && p.key.span.end > p.key.span.start) return { what: 'key', path: [...path, p.key.value], node: p.key };
        if (inside(p.value, offset)) {
          path.push(p.key.value);
          next = p.value;
          break;
        }
      }
    } else {
      next = node.items.find((i) => inside(i, offset));
      if (next) path.push(ITEM);
    }
    node = next;
  }
  return undefined;
}

function deviceHover(ctx: FeatureContext, id: string): string[] | undefined {
  const config = folderConfig(ctx);
  const def = config.defs.get(id);
  if (!def) return undefined;
  const lines = [`**${id}** — ${TYPE_WORD[def.type] ?? def.type} (netplan ID under \`${def.type}:\`)`];
  const files = [...new Set(def.parts.map((p) => p.uri.slice(p.uri.lastIndexOf('/') + 1)))];
  lines.push(`Defined in ${files.map((f) => `\`${f}\``).join(', ')}${files.length > 1 ? ' (merged in file-name order)' : ''}.`);
  const members = def.get('interfaces')?.pair.value;
  if (members && members.kind === 'seq') {
    const names = members.items.flatMap((i) => (i.kind === 'scalar' ? [`\`${i.value}\``] : []));
    if (names.length) lines.push(`Members: ${names.join(', ')}.`);
  }
  const link = def.get('link')?.pair.value;
  if (link && link.kind === 'scalar' && !link.empty) lines.push(`On top of \`${link.value}\`.`);
  const addrs = def.get('addresses')?.pair.value;
  if (addrs && addrs.kind === 'seq') {
    const a = addrs.items.flatMap((i) => (i.kind === 'scalar' ? [`\`${i.value}\``] : i.kind === 'map' && i.pairs[0] ? [`\`${i.pairs[0].key.value}\``] : []));
    if (a.length) lines.push(`Addresses: ${a.join(', ')}.`);
  }
  const users = usersOf(config, id);
  if (users.length) lines.push(`Used by: ${users.map((u) => `${TYPE_WORD[u.type] ?? u.type} \`${u.id}\` (${u.how === 'member' ? 'member' : 'link'})`).join(', ')}.`);
  else if (def.type === 'ethernets') lines.push('Not a member of any bridge or bond.');
  return lines;
}

export function netplanHover(ctx: FeatureContext, offset: number): Hover | null {
  const p = parsed(ctx.doc.text);
  const hit = hitAt(p.root, offset);
  if (!hit) return null;
  const path = hit.path;
  let lines: string[] | undefined;
  // A definition ID.
  if (hit.what === 'key' && path.length === 3 && path[0] === 'network' && DEVICE_TYPES.has(path[1]) && path[2] !== 'renderer') {
    lines = deviceHover(ctx, path[2]);
  }
  // A reference to one.
  if (!lines && hit.what === 'value' && path[0] === 'network' && ((path.length === 5 && path[3] === 'interfaces' && path[4] === ITEM) || (path.length === 4 && path[3] === 'link'))) {
    lines = deviceHover(ctx, hit.node.value) ?? [`**${hit.node.value}** is defined in no netplan file of this folder.`];
  }
  if (!lines) {
    const keyPath = path;
    const schemas = schemaAt(keyPath);
    const schema = schemas[0];
    if (!schema) return null;
    const name = [...keyPath].reverse().find((s) => s !== ITEM) ?? '';
    lines = [`**${name}**${hit.what === 'value' ? ` = \`${hit.node.value}\`` : ''}`];
    const d = describe(schema);
    if (d) lines.push(d);
    if (isBool(schema)) {
      lines.push('A boolean: `true`/`false` (netplan also reads `yes`/`no`, `on`/`off`, `y`/`n`, in any case).');
      if (hit.what === 'value') lines.push(`\`${hit.node.value}\` reads as **${/^(true|yes|on|y)$/i.test(hit.node.value) ? 'true' : /^(false|no|off|n)$/i.test(hit.node.value) ? 'false' : 'not a boolean'}**.`);
    } else {
      const e = expected(schema);
      if (e) lines.push(`Allowed: ${e}.`);
    }
    if (hit.what === 'key') {
      const shape = shapeOf(schema);
      if (shape === 'map') {
        const keys = [...keysAt(keyPath).keys()];
        if (keys.length) lines.push(`Keys: ${keys.slice(0, 30).map((k) => `\`${k}\``).join(', ')}${keys.length > 30 ? ', …' : ''}.`);
      } else if (shape === 'seq') lines.push('A list.');
    }
  }
  return { contents: { kind: 'markdown', value: lines.join('\n\n') }, range: toRange(ctx.doc.lineIndex, hit.node.span) };
}
