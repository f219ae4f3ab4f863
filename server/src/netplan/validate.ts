/**
 * Schema validation of a parsed netplan file against schemas/netplan/netplan.schema.json
 * (netplan 0.106), with ajv. Each ajv error is mapped to the YAML node it is
 * about — the KEY for an unknown key or a bad definition name, the VALUE for a
 * bad value or a wrong node type — and rewritten as one message in our words.
 * ajv's oneOf/anyOf noise is collapsed to one finding per node.
 */
import Ajv, { type ErrorObject, type ValidateFunction } from 'ajv';
import schema from '../../../schemas/netplan/netplan.schema.json';
import type { Finding } from '../service/types';
import type { Span } from '../parse/span';
import { nodeAt, toJson, type NetplanParse, type NpNode, type NpScalar } from './parse';
import { editDistance } from '../text/closeMatches';

export const NETPLAN_CODES = {
  unknownKey: 'netplan/unknown-key',
  invalidValue: 'netplan/invalid-value',
  expectedMapping: 'netplan/expected-mapping',
  expectedSequence: 'netplan/expected-sequence',
  expectedScalar: 'netplan/expected-scalar',
  invalidName: 'netplan/invalid-name',
  yamlSyntax: 'netplan/yaml-syntax',
} as const;

let compiled: ValidateFunction | undefined;
function validator(): ValidateFunction {
  if (!compiled) {
    const ajv = new Ajv({ allErrors: true, verbose: true, strict: false });
    compiled = ajv.compile(schema);
  }
  return compiled;
}

/** The schema object, for editor features (completion, hover). */
export const netplanSchema: unknown = schema;

type SchemaObj = { [k: string]: unknown; properties?: Record<string, unknown>; 'x-expected'?: string; type?: string | string[]; description?: string };

function segments(instancePath: string): string[] {
  if (!instancePath) return [];
  return instancePath
    .slice(1)
    .split('/')
    .map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~'));
}

function describe(n: NpNode): string {
  if (n.kind === 'map') return 'a mapping';
  if (n.kind === 'seq') return 'a list';
  return n.empty ? 'empty' : `'${n.value}'`;
}

function expectedType(t: unknown): 'object' | 'array' | 'string' | undefined {
  const ts = Array.isArray(t) ? t : [t];
  if (ts.includes('object')) return 'object';
  if (ts.includes('array')) return 'array';
  if (ts.includes('string')) return 'string';
  return undefined;
}

function suggestion(key: string, known: string[]): string {
  let best: string | undefined;
  let bestD = Infinity;
  for (const k of known) {
    const dd = editDistance(key.toLowerCase(), k.toLowerCase());
    if (dd < bestD) {
      bestD = dd;
      best = k;
    }
  }
  return best !== undefined && bestD <= Math.max(1, Math.floor(key.length / 3)) ? ` Did you mean '${best}'?` : '';
}

/** What a key is called in messages: its last path segment that is a name. */
function keyName(path: string[]): string {
  for (let i = path.length - 1; i >= 0; i--) if (!/^\d+$/.test(path[i])) return path[i];
  return 'the document';
}

export function validateNetplanSchema(parsed: NetplanParse): Finding[] {
  const root = parsed.root;
  if (!root) return [];
  const validate = validator();
  const data = toJson(root);
  validate(data);
  const errors = (validate.errors ?? []) as ErrorObject[];
  if (errors.length === 0) return [];

  // Collapse anyOf/oneOf: keep the sub-errors of the branch whose type matched, else the combinator itself.
  const combinators = errors.filter((e) => e.keyword === 'oneOf' || e.keyword === 'anyOf');
  const dropped = new Set<ErrorObject>();
  for (const c of combinators) {
    const subs = errors.filter((e) => e !== c && e.schemaPath.startsWith(c.schemaPath.replace(/\/(oneOf|anyOf)$/, '/$1/')));
    const relevant = subs.filter((e) => !(e.keyword === 'type' && e.instancePath === c.instancePath));
    for (const s of subs) if (!relevant.includes(s)) dropped.add(s);
    if (relevant.length > 0) dropped.add(c);
  }

  const out: Finding[] = [];
  const seen = new Set<string>();
  const push = (code: string, span: Span, message: string) => {
    const k = `${span.start}:${span.end}`;
    if (seen.has(k)) return;
    seen.add(k);
    out.push({ code, span, message, severity: 'error' });
  };

  for (const e of errors) {
    if (dropped.has(e)) continue;
    const path = segments(e.instancePath);
    const at = nodeAt(root, path);
    if (!at) continue;
    const node = at.node;
    const parent = e.parentSchema as SchemaObj | undefined;
    switch (e.keyword) {
      case 'additionalProperties': {
        if (node.kind !== 'map') break;
        const name = (e.params as { additionalProperty: string }).additionalProperty;
        const pair = node.get(name);
        if (!pair) break;
        const known = Object.keys(parent?.properties ?? {});
        const where = path.length === 0 ? 'at the top level (only network: is allowed)' : `in ${keyName(path)}`;
        push(NETPLAN_CODES.unknownKey, pair.key.span, `Unknown key '${name}' ${where}.${suggestion(name, known)}`);
        break;
      }
      case 'propertyNames': {
        break; // reported through the inner error, which carries the name
      }
      case 'type': {
        const want = expectedType(e.schema);
        const what = keyName(path);
        if (want === 'object') push(NETPLAN_CODES.expectedMapping, node.span, `${what} must be a mapping of keys (check the indentation); found ${describe(node)}.`);
        else if (want === 'array') push(NETPLAN_CODES.expectedSequence, node.span, `${what} must be a list; found ${describe(node)}.`);
        else if (want === 'string') {
          if (node.kind === 'scalar') {
            // null where a typed scalar is wanted: an empty value
            const exp = parent?.['x-expected'];
            push(NETPLAN_CODES.invalidValue, node.span, `${what} is empty; expected ${exp ?? 'a value'}.`);
          } else push(NETPLAN_CODES.expectedScalar, node.span, `${what} must be a single value, not ${describe(node)}.`);
        }
        break;
      }
      case 'pattern':
      case 'enum':
      case 'not':
      case 'minProperties':
      case 'maxProperties':
      case 'minItems':
      case 'maxItems':
      case 'oneOf':
      case 'anyOf': {
        // ajv puts the offending name of a propertyNames failure on the error itself, not in params.
        const propName = (e as { propertyName?: string }).propertyName ?? (e.params as { propertyName?: string }).propertyName;
        if (propName !== undefined) {
          // a definition ID (propertyNames)
          const pair = node.kind === 'map' ? node.get(propName) : undefined;
          if (pair) {
            const glob = /[*?[\]]/.test(propName);
            push(
              NETPLAN_CODES.invalidName,
              pair.key.span,
              glob
                ? `Definition name '${propName}' must not contain glob characters (* ? [ ]); use match: to select several devices.`
                : `Invalid definition name '${propName}': use printable characters without spaces.`,
            );
          }
          break;
        }
        const what = keyName(path);
        const exp = parent?.['x-expected'];
        if (what === 'version' && path.length === 2) {
          push(NETPLAN_CODES.invalidValue, node.span, `Only netplan configuration version 2 exists; found ${describe(node)}.`);
          break;
        }
        if (node.kind !== 'scalar' && (e.keyword === 'oneOf' || e.keyword === 'anyOf')) {
          push(NETPLAN_CODES.invalidValue, node.span, `${what} has the wrong form: expected ${exp ?? 'something else'}.`);
          break;
        }
        push(NETPLAN_CODES.invalidValue, node.span, `${describe(node)} is not a valid value for ${what}: expected ${exp ?? 'another value'}.`);
        break;
      }
      default: {
        push(NETPLAN_CODES.invalidValue, node.span, `${describe(node)} is not valid for ${keyName(path)}.`);
      }
    }
  }
  return out;
}

export type { NpScalar };
