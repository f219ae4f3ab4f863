#!/usr/bin/env node
/**
 * Converts libvirt's RelaxNG schemas (schemas/libvirt/rng/*.rng, copied from
 * /usr/share/libvirt/schemas/) into schemas/libvirt/grammar.json, the compact
 * pattern graph that server/src/schema/ loads.
 *
 *   npm run schemas            (= node scripts/convert-rng.mjs)
 *
 * What it does (RELAX NG simplification, section 4 of the spec, for the subset
 * libvirt uses):
 * - resolves <include> (with overriding defines), <div>, <start>, <define>
 *   with combine="choice" / "interleave", <ref>;
 * - inherits `ns` and `datatypeLibrary`;
 * - rewrites optional → choice(p, empty), zeroOrMore → choice(oneOrMore(p), empty),
 *   mixed → interleave(p, text), several children → group, attribute without
 *   content → text;
 * - inlines every define; element patterns become nodes of the graph (cycles
 *   allowed), all other patterns are hash-consed so equal sub-patterns share
 *   one entry;
 * - remembers the name of the define a value pattern came from (`labels`), so
 *   messages can say "a MAC address" instead of repeating a regex.
 *
 * Output format (version 1):
 *   { version, source, starts: { network, hostInterface, domainInterface },
 *     patterns: [ <pattern> ... ], labels: { "<index>": "<defineName>" } }
 * where <pattern> is one of
 *   ["empty"] ["notAllowed"] ["text"]
 *   ["choice", a, b] ["group", a, b] ["interleave", a, b] ["oneOrMore", a]
 *   ["list", a] ["element", nc, content] ["attribute", nc, content]
 *   ["value", type, value, ns] ["data", type, params | null, except | null]
 * (a, b, content, except: indexes into `patterns`; params: [[name, value], ...];
 * type: an XSD datatype name, or "token"/"string" of the built-in library);
 * and nc (a name class) is "local" (no namespace), ["name", ns, local],
 * ["anyName", except | null], ["nsName", ns, except | null] or ["choice", nc, nc].
 * Only what is reachable from the three starts is written.
 */
import { XMLParser } from 'fast-xml-parser';
import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const rngDir = join(root, 'schemas/libvirt/rng');
const outFile = join(root, 'schemas/libvirt/grammar.json');
const XSD = 'http://www.w3.org/2001/XMLSchema-datatypes';

// ---------- reading RNG files into a small tree ----------

const parser = new XMLParser({
  preserveOrder: true,
  ignoreAttributes: false,
  attributeNamePrefix: '',
  trimValues: false,
  parseTagValue: false,
  parseAttributeValue: false,
});

/** @typedef {{name: string, attrs: Record<string,string>, children: Node[], text: string, ns: string, dtl: string}} Node */

const fileCache = new Map();
function readRng(file) {
  if (fileCache.has(file)) return fileCache.get(file);
  const raw = parser.parse(readFileSync(join(rngDir, file), 'utf8'));
  const top = raw.find((n) => Object.keys(n).some((k) => k !== ':@' && !k.startsWith('#') && !k.startsWith('?')));
  const node = toNode(top, { ns: '', dtl: '' });
  fileCache.set(file, node);
  return node;
}

function toNode(raw, inherited) {
  const name = Object.keys(raw).find((k) => k !== ':@');
  const attrs = raw[':@'] ?? {};
  const ns = attrs.ns ?? inherited.ns;
  const dtl = attrs.datatypeLibrary ?? inherited.dtl;
  const node = { name, attrs, children: [], text: '', ns, dtl };
  for (const c of raw[name] ?? []) {
    if ('#text' in c) node.text += c['#text'];
    else if (Object.keys(c).some((k) => k !== ':@' && !k.startsWith('#'))) node.children.push(toNode(c, { ns, dtl }));
  }
  return node;
}

// ---------- grammars: defines and start after include/combine ----------

/** Collects start and define components of a grammar file (includes resolved). */
function components(file) {
  const g = readRng(file);
  if (g.name !== 'grammar') throw new Error(`${file}: root is <${g.name}>, expected <grammar>`);
  return collect(g.children);
}

function collect(nodes) {
  const defines = new Map(); // name -> [{combine, node}]
  const starts = [];
  const add = (map, name, item) => {
    if (!map.has(name)) map.set(name, []);
    map.get(name).push(item);
  };
  for (const n of nodes) {
    if (n.name === 'define') add(defines, n.attrs.name, { combine: n.attrs.combine, node: n });
    else if (n.name === 'start') starts.push({ combine: n.attrs.combine, node: n });
    else if (n.name === 'div') {
      const inner = collect(n.children);
      for (const [k, v] of inner.defines) for (const x of v) add(defines, k, x);
      starts.push(...inner.starts);
    } else if (n.name === 'include') {
      const inc = components(n.attrs.href);
      const over = collect(n.children);
      for (const [k, v] of inc.defines) if (!over.defines.has(k)) for (const x of v) add(defines, k, x);
      for (const [k, v] of over.defines) for (const x of v) add(defines, k, x);
      starts.push(...(over.starts.length ? over.starts : inc.starts));
    }
  }
  return { defines, starts };
}

// ---------- the pattern table ----------

const patterns = [];
const interned = new Map();
const labels = new Map();

function intern(p) {
  const key = JSON.stringify(p);
  let i = interned.get(key);
  if (i === undefined) {
    i = patterns.length;
    patterns.push(p);
    interned.set(key, i);
  }
  return i;
}
const EMPTY = intern(['empty']);
const NOT_ALLOWED = intern(['notAllowed']);
const TEXT = intern(['text']);
const kindOf = (i) => patterns[i][0];

function choice(a, b) {
  if (a === NOT_ALLOWED) return b;
  if (b === NOT_ALLOWED) return a;
  if (a === b) return a;
  return intern(['choice', a, b]);
}
function group(a, b) {
  if (a === NOT_ALLOWED || b === NOT_ALLOWED) return NOT_ALLOWED;
  if (a === EMPTY) return b;
  if (b === EMPTY) return a;
  return intern(['group', a, b]);
}
function interleave(a, b) {
  if (a === NOT_ALLOWED || b === NOT_ALLOWED) return NOT_ALLOWED;
  if (a === EMPTY) return b;
  if (b === EMPTY) return a;
  return intern(['interleave', a, b]);
}
function oneOrMore(a) {
  if (a === NOT_ALLOWED || a === EMPTY) return a;
  return intern(['oneOrMore', a]);
}
const fold = (f, xs, unit) => (xs.length === 0 ? unit : xs.reduce((acc, x) => f(acc, x)));

class Grammar {
  constructor(file) {
    this.file = file;
    const { defines, starts } = components(file);
    this.defines = defines;
    this.starts = starts;
    this.defineMemo = new Map();
    this.elementMemo = new Map();
  }

  start() {
    return this.combined(this.starts, 'start');
  }

  define(name) {
    if (this.defineMemo.has(name)) return this.defineMemo.get(name);
    const items = this.defines.get(name);
    if (!items) throw new Error(`${this.file}: reference to undefined define '${name}'`);
    const i = this.combined(items, name);
    // Name value-like patterns after the define they came from (innermost wins).
    if (!labels.has(i) && valueLike(i)) labels.set(i, name);
    this.defineMemo.set(name, i);
    return i;
  }

  combined(items, what) {
    const methods = new Set(items.map((x) => x.combine).filter(Boolean));
    if (methods.size > 1) throw new Error(`${this.file}: conflicting combine for ${what}`);
    const method = [...methods][0] ?? 'choice';
    const bodies = items.map((x) => this.groupOf(x.node.children));
    return fold(method === 'interleave' ? interleave : choice, bodies, NOT_ALLOWED);
  }

  groupOf(nodes) {
    return fold(group, nodes.map((n) => this.pattern(n)), EMPTY);
  }

  pattern(n) {
    switch (n.name) {
      case 'element': {
        const memo = this.elementMemo.get(n);
        if (memo !== undefined) return memo;
        const i = patterns.length;
        patterns.push(null); // placeholder: the content may refer back to this element
        this.elementMemo.set(n, i);
        let rest = n.children;
        let nc;
        if (n.attrs.name !== undefined) nc = qname(n.attrs.name, n.ns);
        else {
          nc = this.nameClass(rest[0]);
          rest = rest.slice(1);
        }
        patterns[i] = ['element', nc, this.groupOf(rest)];
        return i;
      }
      case 'attribute': {
        let rest = n.children;
        let nc;
        if (n.attrs.name !== undefined) nc = qname(n.attrs.name, n.attrs.ns ?? '');
        else {
          nc = this.nameClass(rest[0]);
          rest = rest.slice(1);
        }
        return intern(['attribute', nc, rest.length ? this.groupOf(rest) : TEXT]);
      }
      case 'group':
        return this.groupOf(n.children);
      case 'interleave':
        return fold(interleave, n.children.map((c) => this.pattern(c)), EMPTY);
      case 'choice':
        return fold(choice, n.children.map((c) => this.pattern(c)), NOT_ALLOWED);
      case 'optional':
        return choice(this.groupOf(n.children), EMPTY);
      case 'zeroOrMore':
        return choice(oneOrMore(this.groupOf(n.children)), EMPTY);
      case 'oneOrMore':
        return oneOrMore(this.groupOf(n.children));
      case 'mixed':
        return interleave(this.groupOf(n.children), TEXT);
      case 'list':
        return intern(['list', this.groupOf(n.children)]);
      case 'ref':
        return this.define(n.attrs.name);
      case 'empty':
        return EMPTY;
      case 'text':
        return TEXT;
      case 'notAllowed':
        return NOT_ALLOWED;
      case 'value': {
        const type = n.attrs.type === undefined ? 'token' : typeName(n.attrs.type, n.dtl);
        return intern(['value', type, n.text, n.ns]);
      }
      case 'data': {
        const params = n.children.filter((c) => c.name === 'param').map((c) => [c.attrs.name, c.text]);
        const ex = n.children.find((c) => c.name === 'except');
        const except = ex ? fold(choice, ex.children.map((c) => this.pattern(c)), NOT_ALLOWED) : null;
        return intern(['data', typeName(n.attrs.type, n.dtl), params.length ? params : null, except]);
      }
      default:
        throw new Error(`${this.file}: unsupported RNG pattern <${n.name}>`);
    }
  }

  nameClass(n) {
    switch (n.name) {
      case 'name':
        return qname(n.text.trim(), n.attrs.ns ?? n.ns);
      case 'anyName': {
        const ex = n.children.find((c) => c.name === 'except');
        return ['anyName', ex ? this.ncChoice(ex.children) : null];
      }
      case 'nsName': {
        const ex = n.children.find((c) => c.name === 'except');
        return ['nsName', n.ns, ex ? this.ncChoice(ex.children) : null];
      }
      case 'choice':
        return this.ncChoice(n.children);
      default:
        throw new Error(`${this.file}: unsupported name class <${n.name}>`);
    }
  }

  ncChoice(nodes) {
    return nodes.map((c) => this.nameClass(c)).reduce((a, b) => ['choice', a, b]);
  }
}

function qname(name, ns) {
  const local = name.includes(':') ? name.slice(name.indexOf(':') + 1) : name;
  return ns ? ['name', ns, local] : local;
}

function typeName(type, dtl) {
  if (dtl === '' || dtl === XSD) return type;
  throw new Error(`unsupported datatype library ${dtl}`);
}

/** True when the pattern describes a value only (no element or attribute below it). */
function valueLike(i, seen = new Set()) {
  if (seen.has(i)) return true;
  seen.add(i);
  const p = patterns[i];
  if (!p) return false;
  switch (p[0]) {
    case 'value':
    case 'data':
    case 'list':
      return true;
    case 'choice':
      return valueLike(p[1], seen) && valueLike(p[2], seen) && (kindOf(p[1]) !== 'empty' && kindOf(p[2]) !== 'empty');
    default:
      return false;
  }
}

// ---------- the three starts ----------

const network = new Grammar('network.rng');
const hostInterface = new Grammar('interface.rng');
const domain = new Grammar('domain.rng');
const starts = {
  network: network.start(),
  hostInterface: hostInterface.start(),
  // A domain NIC is what <devices> allows as <interface>: the define of that name.
  domainInterface: domain.define('interface'),
};

// ---------- prune, renumber, write ----------

const order = [];
const newIndex = new Map();
function visit(i) {
  if (newIndex.has(i)) return;
  newIndex.set(i, order.length);
  order.push(i);
  for (const c of childIndexes(patterns[i])) visit(c);
}
function childIndexes(p) {
  switch (p[0]) {
    case 'choice':
    case 'group':
    case 'interleave':
      return [p[1], p[2]];
    case 'oneOrMore':
    case 'list':
      return [p[1]];
    case 'element':
    case 'attribute':
      return [p[2]];
    case 'data':
      return p[3] === null ? [] : [p[3]];
    default:
      return [];
  }
}
for (const s of Object.values(starts)) visit(s);
const remap = (i) => newIndex.get(i);
const out = order.map((i) => {
  const p = patterns[i];
  switch (p[0]) {
    case 'choice':
    case 'group':
    case 'interleave':
      return [p[0], remap(p[1]), remap(p[2])];
    case 'oneOrMore':
    case 'list':
      return [p[0], remap(p[1])];
    case 'element':
    case 'attribute':
      return [p[0], p[1], remap(p[2])];
    case 'data':
      return [p[0], p[1], p[2], p[3] === null ? null : remap(p[3])];
    default:
      return p;
  }
});
const outLabels = {};
for (const i of order) if (labels.has(i)) outLabels[newIndex.get(i)] = labels.get(i);

const json =
  '{\n' +
  `"version": 1,\n"source": "libvirt 9.0.0 RelaxNG schemas (schemas/libvirt/rng); generated by scripts/convert-rng.mjs, do not edit",\n` +
  `"starts": ${JSON.stringify(Object.fromEntries(Object.entries(starts).map(([k, v]) => [k, remap(v)])))},\n` +
  `"labels": ${JSON.stringify(outLabels)},\n` +
  `"patterns": [\n${out.map((p) => JSON.stringify(p)).join(',\n')}\n]\n}\n`;
writeFileSync(outFile, json);
console.log(`wrote ${outFile}: ${out.length} patterns (${patterns.length} before pruning), ${Object.keys(outLabels).length} labels, ${json.length} bytes`);
