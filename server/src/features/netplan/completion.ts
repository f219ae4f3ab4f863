/**
 * Completion in netplan YAML, from the JSON Schema the validator uses
 * (schemas/netplan/netplan.schema.json):
 * - keys allowed in the mapping at the cursor (by YAML path, read from the
 *   indentation so half-typed lines work), minus those already written;
 *   inserted with the shape the schema wants (a nested mapping, a list, a
 *   value with its choices);
 * - values: enum members, booleans (true/false; netplan also reads yes/no),
 *   examples;
 * - interface IDs for `interfaces:` of bridges, bonds and VRFs and `link:`
 *   of VLANs and tunnels, from every netplan file of the folder;
 * - whole-file templates (templates.ts) in an empty file.
 */
import type { CompletionItem, CompletionList } from 'vscode-languageserver-types';
import { toRange } from '../../parse/lineIndex';
import type { Span } from '../../parse/span';
import type { FeatureContext } from '../context';
import { folderConfig, TYPE_WORD, usersOf } from './folder';
import { describe, expected, keysAt, schemaAt, shapeOf, valuesOf, variants, type SchemaNode } from './schemaNav';
import { NETPLAN_TEMPLATES } from './templates';
import { ITEM, situationAt, splitLines, type PathSeg } from './yamlContext';

const Kind = { Property: 10, Value: 12, Snippet: 15, EnumMember: 20, Reference: 18, Module: 9 } as const;
const SNIPPET = 2;
const PLAIN = 1;
const AS_IS = 1; // InsertTextMode.asIs: the text carries its own indentation
const TRIGGER_SUGGEST = { title: 'Suggest', command: 'editor.action.triggerSuggest' };

const DEVICE_TYPES = new Set(['ethernets', 'wifis', 'modems', 'bridges', 'bonds', 'vlans', 'vrfs', 'tunnels', 'nm-devices']);

/** Is the document empty apart from comments and the word being typed on the cursor's line? */
function emptyDocument(text: string, offset: number): Span | undefined {
  const lines = splitLines(text);
  let word: Span | undefined;
  for (const l of lines) {
    if (l.blank) continue;
    if (offset >= l.start && offset <= l.end && /^[\w-]*$/.test(l.text)) {
      word = { start: l.start, end: l.end };
      continue;
    }
    return undefined;
  }
  return word ?? { start: offset, end: offset };
}

function doc(md: string | undefined): CompletionItem['documentation'] {
  return md ? { kind: 'markdown', value: md } : undefined;
}

export function netplanComplete(ctx: FeatureContext, offset: number): CompletionList {
  const li = ctx.doc.lineIndex;
  const text = ctx.doc.text;
  const items: CompletionItem[] = [];
  const empty = emptyDocument(text, offset);
  if (empty) {
    const range = toRange(li, empty);
    for (const t of NETPLAN_TEMPLATES) {
      items.push({ label: t.label, kind: Kind.Snippet, detail: 'netplan configuration', documentation: doc(t.description), filterText: t.prefix, insertTextFormat: SNIPPET, insertTextMode: AS_IS, textEdit: { range, newText: t.body } });
    }
    // …and the `network:` key itself, below.
  }
  const sit = situationAt(text, offset);
  if (sit.kind === 'none') return { isIncomplete: false, items };
  const range = toRange(li, sit.replace);
  if (sit.kind === 'value') {
    valueItems(ctx, sit.path, sit.flowItems ?? [], range, items);
    return { isIncomplete: false, items };
  }
  // A list item: scalar items take values, mapping items take keys.
  const schemas = schemaAt(sit.path);
  if (sit.path[sit.path.length - 1] === ITEM && schemas.length && schemas.every((s) => shapeOf(s) === 'scalar')) {
    const listed = listedItems(text, sit.lineIndex, sit.col);
    valueItems(ctx, sit.path, listed, range, items);
    return { isIncomplete: false, items };
  }
  const keys = keysAt(sit.path);
  const present = new Set(sit.siblings);
  for (const [key, schema] of keys) {
    if (present.has(key)) continue;
    items.push(keyItem(key, schema, sit.path, sit.col, range));
  }
  return { isIncomplete: false, items };
}

/** Scalar items already written in the block list around line `index` (items at the same dash column). */
function listedItems(text: string, index: number, col: number): string[] {
  const lines = splitLines(text);
  const dash = lines[index].dash;
  const out: string[] = [];
  for (const step of [-1, 1]) {
    for (let i = index + step; i >= 0 && i < lines.length; i += step) {
      const l = lines[i];
      if (l.blank) continue;
      if (l.dash !== dash || l.col !== col) break;
      const v = l.text.slice(l.col).trim();
      if (v) out.push(v);
    }
  }
  return out;
}

function keyItem(key: string, schema: SchemaNode, path: readonly PathSeg[], col: number, range: ReturnType<typeof toRange>): CompletionItem {
  const shape = shapeOf(schema);
  const pad = ' '.repeat(col + 2);
  let newText: string;
  let command: CompletionItem['command'];
  let detail: string;
  if (shape === 'map') {
    newText = `${key}:\n${pad}$0`;
    detail = 'mapping';
  } else if (shape === 'seq') {
    const items = schemaAt([...path, key, ITEM]);
    if (items.length && items.every((s) => shapeOf(s) === 'map' && !acceptsScalar(s))) {
      newText = `${key}:\n${pad}- $0`;
      detail = 'list of mappings';
    } else {
      newText = `${key}: [$1]$0`;
      detail = 'list';
      if (valuesOf(items[0]).values.length || isNameList(path, key)) command = TRIGGER_SUGGEST;
    }
  } else {
    const { values, bool } = valuesOf(schema);
    const hasEnum = !bool && variants(schema).some((v) => v.enum?.length);
    if (bool) {
      newText = `${key}: \${1|true,false|}$0`;
      detail = 'boolean';
    } else if (hasEnum && values.length <= 12) {
      newText = `${key}: \${1|${values.map((v) => v.replace(/[,|\\$}]/g, (c) => `\\${c}`)).join(',')}|}$0`;
      detail = expected(schema) ?? 'value';
    } else if (values.length === 1 && key === 'version') {
      newText = `${key}: ${values[0]}$0`;
      detail = expected(schema) ?? 'value';
    } else {
      newText = `${key}: $0`;
      detail = expected(schema) ?? 'value';
      if (values.length || isLink(path, key)) command = TRIGGER_SUGGEST;
    }
  }
  if (path.length === 1 && path[0] === 'network' && DEVICE_TYPES.has(key)) detail = `device type: ${TYPE_WORD[key] ?? key}s, by ID`;
  return {
    label: key,
    kind: Kind.Property,
    detail,
    documentation: doc(describe(schema)),
    insertTextFormat: SNIPPET,
    insertTextMode: AS_IS,
    textEdit: { range, newText },
    command,
  };
}

/** Does any branch of the schema take a plain value (a string)? */
function acceptsScalar(n: SchemaNode): boolean {
  return variants(n).some((v) => v.type === 'string' || (Array.isArray(v.type) && v.type.includes('string')));
}

function isNameList(path: readonly PathSeg[], key: string): boolean {
  return path.length === 3 && path[0] === 'network' && ['bridges', 'bonds', 'vrfs'].includes(path[1]) && key === 'interfaces';
}

function isLink(path: readonly PathSeg[], key: string): boolean {
  return path.length === 3 && path[0] === 'network' && ['vlans', 'tunnels'].includes(path[1]) && key === 'link';
}

/** Device types whose definitions may be named at a reference of this kind. */
function candidateTypes(ownerType: string, key: 'interfaces' | 'link'): Set<string> {
  if (key === 'link') return new Set(['ethernets', 'bonds', 'bridges', 'vlans']);
  if (ownerType === 'bonds') return new Set(['ethernets']);
  if (ownerType === 'bridges') return new Set(['ethernets', 'bonds', 'vlans', 'tunnels', 'wifis']);
  return new Set(['ethernets', 'bonds', 'bridges', 'vlans', 'tunnels', 'wifis']);
}

function valueItems(ctx: FeatureContext, path: readonly PathSeg[], listed: readonly string[], range: ReturnType<typeof toRange>, items: CompletionItem[]): void {
  // Interface references.
  const owner = path.length >= 4 && path[0] === 'network' ? { type: path[1], id: path[2] } : undefined;
  const ref = owner && path.length === 5 && isNameList(path.slice(0, 3), path[3]) && path[4] === ITEM ? 'interfaces' : owner && path.length === 4 && isLink(path.slice(0, 3), path[3]) ? 'link' : undefined;
  if (owner && ref) {
    const config = folderConfig(ctx);
    const types = candidateTypes(owner.type, ref);
    for (const def of config.ordered) {
      if (def.id === owner.id || listed.includes(def.id) || !types.has(def.type)) continue;
      const users = usersOf(config, def.id).filter((u) => u.how === 'member' && u.id !== owner.id);
      const file = def.parts[0].uri.slice(def.parts[0].uri.lastIndexOf('/') + 1);
      items.push({
        label: def.id,
        kind: Kind.Reference,
        detail: `${TYPE_WORD[def.type] ?? def.type} (${file})`,
        documentation: doc(users.length ? `Already a member of ${users.map((u) => `${TYPE_WORD[u.type] ?? u.type} \`${u.id}\``).join(', ')}.` : undefined),
        sortText: `${users.length ? '1' : '0'}${def.id}`,
        insertTextFormat: PLAIN,
        textEdit: { range, newText: def.id },
      });
    }
    return;
  }
  const schemas = schemaAt(path);
  const seen = new Set<string>();
  for (const s of schemas) {
    const { values, bool } = valuesOf(s);
    for (const v of values) {
      if (seen.has(v) || listed.includes(v)) continue;
      seen.add(v);
      items.push({
        label: v,
        kind: bool ? Kind.Value : Kind.EnumMember,
        detail: bool ? 'boolean' : expected(s),
        documentation: doc(bool ? `${describe(s) ?? ''}\n\nnetplan also reads \`yes\`/\`no\`, \`on\`/\`off\` and \`y\`/\`n\` as booleans.`.trim() : describe(s)),
        insertTextFormat: PLAIN,
        textEdit: { range, newText: v },
      });
    }
  }
}
