/**
 * netplan YAML with positions.
 *
 * netplan reads its files with libyaml and looks at every scalar as the raw
 * text written in the file (`scalar(node)` in netplan's parser), then decides
 * per key what the text means: `yes/no/on/off/y/n/true/false` in any case are
 * booleans, numbers are parsed with strtoul, MAC addresses are matched as
 * text. We do the same: the `yaml` package parses (YAML 1.1, keeping ranges),
 * and we turn its tree into a small tree of our own whose scalars keep their
 * source text. That avoids YAML 1.1 surprises such as an unquoted
 * `02:01:02:03:04:05` becoming a base-60 integer, or a key `y` becoming `true`.
 *
 * Never throws: problems come back in `errors` (YAML syntax, as netplan
 * reports them) and `warnings` (things netplan 0.106 accepts but that are
 * almost always mistakes, e.g. a key written twice).
 */
import { parseDocument, visit, isAlias, isMap, isPair, isScalar, isSeq, Scalar, type Document, type Node as YamlNode } from 'yaml';
import type { Span } from '../parse/span';
import { fastParseWindows, FALLBACK, type FastResult } from './fastParse';
import { emptyScalar, mapOf, respan, type NpNode, type NpPair, type NpProblem, type NpScalar } from './tree';
import { parseWindow, type ParsedWindow } from './window';

export type { NpMap, NpNode, NpPair, NpProblem, NpScalar, NpSeq } from './tree';

export interface NetplanParse {
  readonly text: string;
  /** The `yaml` package's document (for editor features that want it). */
  readonly doc: Document;
  /** Our tree; undefined for an empty file. */
  readonly root: NpNode | undefined;
  readonly errors: readonly NpProblem[];
  readonly warnings: readonly NpProblem[];
}

const YAML_SYNTAX = 'netplan/yaml-syntax';

function scalarText(n: Scalar): string {
  if (n.type === Scalar.PLAIN || n.type === undefined) {
    const src = (n as { source?: string }).source;
    if (typeof src === 'string') return src;
    return n.value === null || n.value === undefined ? '' : String(n.value);
  }
  return n.value === null || n.value === undefined ? '' : String(n.value);
}

function rangeOf(n: YamlNode | null | undefined, fallback: number): Span {
  const r = n && (n as { range?: [number, number, number] }).range;
  if (!r) return { start: fallback, end: fallback };
  return { start: r[0], end: r[1] };
}

function messageOf(code: string, raw: string): string {
  switch (code) {
    case 'TAB_AS_INDENT':
      return 'Tabs are not allowed for indentation in YAML; indent with spaces.';
    case 'BAD_INDENT':
    case 'MULTILINE_IMPLICIT_KEY':
    case 'BLOCK_AS_IMPLICIT_KEY':
      return 'Inconsistent indentation: this line does not line up with the keys around it.';
    case 'MISSING_CHAR':
    case 'BAD_SCALAR_START':
    case 'UNEXPECTED_TOKEN':
    default: {
      const first = raw.split('\n')[0].replace(/ at line \d+, column \d+:?$/, '');
      return `Invalid YAML: ${first.replace(/\.$/, '')}.`;
    }
  }
}

/** Deepest nesting of flow collections (`[`, `{`) outside quotes and comments. */
function flowDepth(text: string): { depth: number; at: number } {
  let depth = 0;
  let max = 0;
  let at = 0;
  let quote = '';
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quote) {
      if (c === quote) quote = '';
      else if (c === '\n') quote = ''; // an unclosed quote: the parser reports it
    } else if (c === '"' || c === "'") quote = c;
    else if (c === '#') {
      const nl = text.indexOf('\n', i);
      i = nl < 0 ? text.length : nl;
    } else if (c === '[' || c === '{') {
      if (++depth > max) [max, at] = [depth, i];
    } else if ((c === ']' || c === '}') && depth > 0) depth--;
  }
  return { depth: max, at };
}

/** Flow collections nested deeper than this are refused before parsing (both parsers recurse). */
const MAX_FLOW_DEPTH = 256;

export function parseNetplan(text: string): NetplanParse {
  const flow = flowDepth(text);
  if (flow.depth > MAX_FLOW_DEPTH) {
    return {
      text,
      doc: parseDocument('', { version: '1.1' }),
      root: undefined,
      errors: [{ span: { start: flow.at, end: flow.at + 1 }, message: `Invalid YAML: lists and mappings are nested more than ${MAX_FLOW_DEPTH} levels deep here; VirtNet does not read further`, code: YAML_SYNTAX }],
      warnings: [],
    };
  }
  const fast = fastWithWindows(text);
  if (!fast) return parseGeneral(text);
  const warnings: NpProblem[] = fast.warnings.map((w) => (w.kind === 'duplicate' ? duplicateWarning(text, w.key, w.prev) : w.kind === 'alias' ? aliasWarning(w.name, w.span) : w.problem));
  let doc: Document | undefined;
  return {
    text,
    get doc() {
      return (doc ??= parseDocument(text, YAML_OPTIONS));
    },
    root: fast.root,
    errors: fast.errors,
    warnings,
  };
}

/** At most this many windows of a file go the general way before the whole file does. */
const MAX_WINDOWS = 4;

/**
 * The fast path, with the few entries it cannot read (a YAML error being
 * typed, say) read by the general path in windows (window.ts); undefined
 * when the whole file should go the general way.
 */
function fastWithWindows(text: string): FastResult | undefined {
  const windows = new Map<number, ParsedWindow>();
  for (;;) {
    let fast: ReturnType<typeof fastParseWindows>;
    try {
      fast = fastParseWindows(text, windows);
    } catch {
      return undefined; // pathological nesting: the general path says what is wrong
    }
    if (fast === FALLBACK) return undefined;
    if (!('lineStart' in fast)) return fast;
    const spec = fast.window;
    if (!spec || windows.size >= MAX_WINDOWS) return undefined;
    for (const w of windows.values()) if (spec.start < w.spec.end && w.spec.start < spec.end) return undefined;
    const w = parseWindow(text, fast.lineStart, spec, parseGeneral);
    if (!w) return undefined;
    windows.set(spec.start, w);
  }
}

const YAML_OPTIONS = { version: '1.1', uniqueKeys: false, prettyErrors: false, strict: false } as const;

function duplicateWarning(text: string, key: NpScalar, prev: NpScalar, lineOf = (offset: number) => lineNo(text, offset)): NpProblem {
  const where = `'${key.value}' is already set on line ${lineOf(prev.span.start) + 1} of this mapping; `;
  // netplan 0.106 does not keep the last gateway4/gateway6: it asserts the
  // later one equals the first and aborts otherwise (the generator-crash
  // check, semantic/crashes/gatewayRedefined.ts, reports that as an error).
  const gateway = key.value === 'gateway4' || key.value === 'gateway6';
  return {
    span: key.span,
    code: 'netplan/duplicate-key',
    message: gateway
      ? `${where}netplan 0.106 keeps the first and aborts if this one differs (netplan 1.1 and later use the last one); give it once.`
      : `${where}netplan uses the last one and silently drops the other.`,
  };
}

function aliasWarning(name: string, span: Span): NpProblem {
  return { span, code: 'netplan/yaml-alias', message: `The alias '*${name}' works with netplan 0.106, but newer netplan versions reject YAML aliases; write the values out.` };
}

/**
 * The general path: the `yaml` package's parser (any YAML, with its error
 * messages). `lineOf` numbers the lines that messages name (window.ts reads
 * part of a file's lines).
 */
export function parseGeneral(text: string, lineOf?: (offset: number) => number): NetplanParse {
  try {
    return parseGeneralUnsafe(text, lineOf);
  } catch (e) {
    // Only pathological input gets here (e.g. flow collections nested
    // thousands deep overflow the yaml package's recursion): say so, plainly.
    const why = e instanceof RangeError ? 'it is nested too deeply to read' : `it could not be read (${String(e)})`;
    return { text, doc: parseDocument('', { version: '1.1' }), root: undefined, errors: [{ span: { start: 0, end: 0 }, message: `Invalid YAML: ${why}`, code: YAML_SYNTAX }], warnings: [] };
  }
}

function parseGeneralUnsafe(text: string, lineOf?: (offset: number) => number): NetplanParse {
  const errors: NpProblem[] = [];
  const warnings: NpProblem[] = [];
  let doc: Document;
  try {
    doc = parseDocument(text, YAML_OPTIONS);
  } catch (e) {
    // The yaml package does not throw on bad input; be safe anyway.
    doc = parseDocument('', { version: '1.1' });
    errors.push({ span: { start: 0, end: 0 }, message: `Invalid YAML: ${String(e)}`, code: YAML_SYNTAX });
  }
  // An alias to an anchor defined nowhere (before it): libyaml stops there; the yaml package
  // reports a consequence further down, if anything.
  {
    const anchors = new Set<string>();
    visit(doc, (_key, node) => {
      if (isAlias(node)) {
        if (!anchors.has(node.source) && node.range) {
          errors.push({ span: { start: node.range[0], end: node.range[1] }, message: `Invalid YAML: the alias '*${node.source}' refers to no anchor '&${node.source}' defined before it (netplan does not support aliases).`, code: YAML_SYNTAX });
          return visit.BREAK;
        }
      } else if (node && typeof node === 'object' && 'anchor' in node && typeof (node as { anchor?: string }).anchor === 'string') anchors.add((node as { anchor: string }).anchor);
      return undefined;
    });
  }
  for (const e of doc.errors) {
    const [s, en] = e.pos;
    errors.push({ span: { start: s, end: Math.max(s + 1, Math.min(en, lineEnd(text, s))) }, message: messageOf(e.code, e.message), code: YAML_SYNTAX });
  }
  // Tabs in indentation: libyaml (and so netplan) refuses them even where the yaml package is lenient.
  if (!errors.some((e) => e.message.startsWith('Tabs'))) {
    const re = /^( *)\t/gm;
    let m: RegExpExecArray | null;
    while ((m = re.exec(text))) {
      const at = m.index + m[1].length;
      errors.push({ span: { start: at, end: at + 1 }, message: messageOf('TAB_AS_INDENT', ''), code: YAML_SYNTAX });
      break;
    }
  }
  // Keep one error per line: the yaml package often reports a consequence next to the cause.
  const seenLines = new Set<number>();
  const dedup = errors.filter((e) => {
    const line = lineNo(text, e.span.start);
    if (seenLines.has(line)) return false;
    seenLines.add(line);
    return true;
  });

  const anchors = new Map<string, YamlNode>();
  // Aliases are expanded into copies; a document of nested aliases ("billion
  // laughs") would expand exponentially. Without aliases a tree has fewer
  // nodes than the text has characters, so that bounds the expansion.
  let budget = text.length + 1000;
  // Where expansion stopped; reported after the conversion (errors raised
  // inside an alias are dropped, as they were reported at the anchor).
  let exhaustedAt: Span | undefined;
  const convert = (n: unknown, fallback: number, depth: number): NpNode => {
    if (depth > 200) return emptyScalar(fallback);
    if (--budget < 0) {
      exhaustedAt ??= rangeOf(n as YamlNode, fallback);
      return emptyScalar(fallback);
    }
    if (isAlias(n)) {
      const target = anchors.get(n.source);
      const span = rangeOf(n, fallback);
      warnings.push(aliasWarning(n.source, span));
      if (!target || target === n) return emptyScalar(span.start);
      // Positions inside an alias point at the alias itself.
      const nw = warnings.length;
      const ne = errors.length;
      const node = respan(convert(target, span.start, depth + 1), span);
      warnings.length = nw; // already reported at the anchor
      errors.length = ne;
      return node;
    }
    if (n && typeof n === 'object' && 'anchor' in n && typeof (n as { anchor?: string }).anchor === 'string') {
      anchors.set((n as { anchor: string }).anchor, n as YamlNode);
    }
    if (isMap(n)) {
      const pairs: NpPair[] = [];
      const seen = new Map<string, NpScalar>();
      for (const p of n.items) {
        if (!isPair(p)) continue;
        const key = convert(p.key, fallback, depth + 1);
        if (key.kind !== 'scalar') {
          errors.push({ span: key.span, message: 'A key must be a plain name, not a mapping or a list.', code: YAML_SYNTAX });
          continue;
        }
        const keyNode = p.key as YamlNode | null;
        const valueAt = keyNode && (keyNode as { range?: number[] }).range ? valueFallback(text, key.span.end) : key.span.end;
        const value = p.value === null || p.value === undefined ? emptyScalar(valueAt) : convert(p.value, valueAt, depth + 1);
        const fixed = value.kind === 'scalar' && value.empty && value.span.start < key.span.end ? emptyScalar(valueAt) : value;
        const prev = seen.get(key.value);
        if (prev) warnings.push(duplicateWarning(text, key, prev, lineOf));
        seen.set(key.value, key);
        pairs.push({ key, value: fixed });
      }
      return mapOf(rangeOf(n, fallback), pairs);
    }
    if (isSeq(n)) {
      const items = n.items.map((it) => convert(it, fallback, depth + 1));
      return { kind: 'seq', span: rangeOf(n, fallback), items };
    }
    if (isScalar(n)) {
      const value = scalarText(n);
      const quoted = n.type === Scalar.QUOTE_DOUBLE || n.type === Scalar.QUOTE_SINGLE;
      const span = rangeOf(n, fallback);
      return { kind: 'scalar', value, empty: !quoted && value === '' && n.type !== Scalar.BLOCK_LITERAL && n.type !== Scalar.BLOCK_FOLDED, quoted, span };
    }
    return emptyScalar(fallback);
  };

  let root: NpNode | undefined;
  try {
    root = doc.contents === null || doc.contents === undefined ? undefined : convert(doc.contents, 0, 0);
    if (root && root.kind === 'scalar' && root.empty) root = undefined;
  } catch (e) {
    root = undefined;
    dedup.push({ span: { start: 0, end: 0 }, message: `Invalid YAML: ${String(e)}`, code: YAML_SYNTAX });
  }
  if (exhaustedAt) {
    dedup.push({ span: exhaustedAt, message: 'Invalid YAML: the aliases expand to more nodes than the file could hold (a "billion laughs" document?); VirtNet stops expanding them here.', code: YAML_SYNTAX });
  }
  return { text, doc, root, errors: dedup, warnings };
}

/** Where netplan points for a key with an empty value: just after the colon. */
function valueFallback(text: string, keyEnd: number): number {
  let i = keyEnd;
  while (i < text.length && (text[i] === ' ' || text[i] === '\t')) i++;
  if (text[i] === ':') return i + 1;
  return keyEnd;
}

function lineEnd(text: string, at: number): number {
  const nl = text.indexOf('\n', at);
  return nl < 0 ? text.length : nl;
}

export function lineNo(text: string, offset: number): number {
  let n = 0;
  for (let i = text.indexOf('\n'); i >= 0 && i < offset; i = text.indexOf('\n', i + 1)) n++;
  return n;
}

/**
 * Plain JSON view of a node for schema validation: every scalar is its text
 * (netplan decides types per key), empty values are `null`.
 */
export function toJson(n: NpNode): unknown {
  switch (n.kind) {
    case 'scalar':
      return n.empty ? null : n.value;
    case 'seq':
      return n.items.map(toJson);
    case 'map': {
      const o: Record<string, unknown> = {};
      for (const p of n.pairs) o[p.key.value] = toJson(p.value);
      return o;
    }
  }
}

/** The node at a JSON-pointer-like path of keys and indexes, or undefined. */
export function nodeAt(root: NpNode | undefined, path: readonly (string | number)[]): { node: NpNode; key?: NpScalar } | undefined {
  let cur: NpNode | undefined = root;
  let key: NpScalar | undefined;
  for (const seg of path) {
    if (!cur) return undefined;
    if (cur.kind === 'map') {
      const p = cur.get(String(seg));
      if (!p) return undefined;
      key = p.key;
      cur = p.value;
    } else if (cur.kind === 'seq') {
      const i = typeof seg === 'number' ? seg : Number(seg);
      cur = cur.items[i];
      key = undefined;
    } else return undefined;
  }
  return cur ? { node: cur, key } : undefined;
}

const NETPLAN_KEYS = new Set([
  'version',
  'renderer',
  'ethernets',
  'bridges',
  'bonds',
  'vlans',
  'vrfs',
  'tunnels',
  'wifis',
  'modems',
  'openvswitch',
  'nm-devices',
  'dummy-devices',
  'virtual-ethernets',
]);

/**
 * Is this YAML file a netplan configuration? By path (`/etc/netplan/*.yaml`,
 * `/run/netplan`, `/lib/netplan`, any `netplan/` folder), or by content: a
 * top-level `network:` mapping whose keys are netplan's. docker-compose
 * (`networks:`), Kubernetes (`apiVersion:`) and cloud-init v1 (`network:
 * {version: 1, config: …}`) are not.
 */
export function isNetplan(text: string, uri = ''): boolean {
  const path = decodeURIComponentSafe(uri).replace(/\\/g, '/');
  if (/\.ya?ml$/i.test(path) && /(^|\/)netplan\/(.*\/)?[^/]+\.ya?ml$/i.test(path)) return true;
  // Content: a top-level `network:` key, followed by indented netplan keys.
  const head = text.slice(0, 65536);
  const m = /^network:[ \t]*(?:#.*)?$/m.exec(head);
  if (!m) {
    // flow style: network: {version: 2, ...}
    const f = /^network:[ \t]*\{([^}]*)/m.exec(head);
    return !!f && /\b(version|ethernets|bridges|bonds|vlans|wifis|renderer)\s*:/.test(f[1]) && !/\bconfig\s*:/.test(f[1]);
  }
  const rest = head.slice(m.index + m[0].length).split(/\r?\n/);
  let keys = 0;
  for (const line of rest) {
    if (/^\s*(#.*)?$/.test(line)) continue;
    if (!/^\s/.test(line)) break; // back at top level
    const k = /^(\s+)([A-Za-z0-9-]+)\s*:/.exec(line);
    if (!k) continue;
    if (k[2] === 'config') return false; // cloud-init network config v1
    if (NETPLAN_KEYS.has(k[2])) keys++;
  }
  if (keys === 0) return false;
  // `network:` inside a bigger document (compose, k8s) is not netplan.
  return !/^(services|apiVersion|kind|spec|volumes|hosts|tasks)\s*:/m.test(head);
}

function decodeURIComponentSafe(s: string): string {
  try {
    return decodeURIComponent(s);
  } catch {
    return s;
  }
}
