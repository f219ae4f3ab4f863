/**
 * Walks the netplan JSON Schema (the one the validator uses) along a YAML
 * path: keys and `[]` for list items. `$ref`s are followed, `anyOf`/`oneOf`
 * branches are kept side by side, a key no `properties` names falls to
 * `additionalProperties` (a definition ID under `ethernets:`, a passthrough
 * setting…).
 */
import { netplanSchema } from '../../netplan';
import { ITEM, type PathSeg } from './yamlContext';

export interface SchemaNode {
  type?: string | string[];
  description?: string;
  properties?: Record<string, SchemaNode>;
  additionalProperties?: SchemaNode | boolean;
  items?: SchemaNode;
  enum?: string[];
  examples?: string[];
  pattern?: string;
  anyOf?: SchemaNode[];
  oneOf?: SchemaNode[];
  $ref?: string;
  'x-expected'?: string;
}

const ROOT = netplanSchema as SchemaNode & { $defs: Record<string, SchemaNode> };
export const BOOL_REF = '#/$defs/bool';

/** `$ref` resolved (one level is enough: the netplan schema has no chains), keeping the referring node's own description. */
export function deref(n: SchemaNode | undefined): SchemaNode | undefined {
  if (!n || !n.$ref) return n;
  const target = ROOT.$defs[n.$ref.replace('#/$defs/', '')];
  if (!target) return n;
  const merged = { ...deref(target), ...n, $ref: undefined };
  if (!n.description && target.description) merged.description = target.description;
  (merged as { ref?: string }).ref = n.$ref;
  return merged;
}

/** The node itself plus its anyOf/oneOf branches, all dereferenced. */
export function variants(n: SchemaNode | undefined): SchemaNode[] {
  const d = deref(n);
  if (!d) return [];
  const out = [d];
  for (const b of [...(d.anyOf ?? []), ...(d.oneOf ?? [])]) out.push(...variants(b));
  return out;
}

/** The schemas that may describe what sits at `path` (several when branches differ). */
export function schemaAt(path: readonly PathSeg[]): SchemaNode[] {
  let cur: SchemaNode[] = [ROOT];
  for (const seg of path) {
    const next: SchemaNode[] = [];
    for (const n of cur.flatMap(variants)) {
      if (seg === ITEM) {
        if (n.items) next.push(n.items);
        continue;
      }
      const p = n.properties?.[seg];
      if (p) next.push(p);
      else if (n.additionalProperties && typeof n.additionalProperties === 'object') next.push(n.additionalProperties);
    }
    if (next.length === 0) return [];
    cur = next;
  }
  return cur;
}

/** The keys a mapping at `path` allows, with their schemas (the first description wins). */
export function keysAt(path: readonly PathSeg[]): Map<string, SchemaNode> {
  const out = new Map<string, SchemaNode>();
  for (const n of schemaAt(path).flatMap(variants)) for (const [k, v] of Object.entries(n.properties ?? {})) if (!out.has(k)) out.set(k, v);
  return out;
}

export function isBool(n: SchemaNode | undefined): boolean {
  return variants(n).some((v) => (v as { ref?: string }).ref === BOOL_REF);
}

/** What kind of YAML node the schema wants: a mapping, a list or a scalar. */
export function shapeOf(n: SchemaNode | undefined): 'map' | 'seq' | 'scalar' {
  const vs = variants(n);
  const types = vs.flatMap((v) => (Array.isArray(v.type) ? v.type : v.type ? [v.type] : []));
  if (types.includes('object') && !types.includes('string')) return 'map';
  if (types.includes('array') && !types.includes('string')) return 'seq';
  if (types.includes('object')) return 'map';
  return 'scalar';
}

/** Values a scalar may take: enum members, booleans, examples. */
export function valuesOf(n: SchemaNode | undefined): { values: string[]; bool: boolean } {
  const vs = variants(n);
  const bool = isBool(n);
  const values: string[] = [];
  for (const v of vs) for (const e of [...(v.enum ?? []), ...(bool ? [] : (v.examples ?? []))]) if (!values.includes(String(e))) values.push(String(e));
  if (bool) values.unshift('true', 'false');
  return { values, bool };
}

/** The description of a schema node (the property's own, else its target's). */
export function describe(n: SchemaNode | undefined): string | undefined {
  for (const v of variants(n)) if (v.description) return v.description;
  return undefined;
}

/** The allowed values in words, if the schema restricts them. */
export function expected(n: SchemaNode | undefined): string | undefined {
  for (const v of variants(n)) if (v['x-expected']) return v['x-expected'];
  const { values } = valuesOf(n);
  return values.length && variants(n).some((v) => v.enum) ? values.map((x) => `'${x}'`).join(', ') : undefined;
}
