/**
 * A fast path for the YAML that netplan files are made of: block mappings
 * and sequences, one-line plain or quoted scalars, one-line flow
 * collections, literal and folded block scalars, anchors and aliases
 * (copied with the alias's span, as the general path does), comments; LF
 * or CR LF line ends. It builds the same NpNode tree (same values, same
 * spans, same warnings) as the general path through the `yaml` package, in
 * a single scan of the text, about ten times faster.
 *
 * It stops on anything else — tags, unusual anchors, multi-line plain or
 * quoted scalars or flow collections, complex keys, and everything that is
 * or may be a YAML error — and names a window around the line it stopped
 * at (`fastParseWindows`), which the general path reads (window.ts) and the
 * fast path then takes as read; document markers, tabs, a CR alone, and
 * windows that could reach beyond themselves send the whole file the
 * general way (`fastParse` returns FALLBACK). test/netplan/fastParse.test.ts
 * checks that both paths agree on every file they both accept, and on
 * files broken mid-edit.
 *
 * One known difference: a comment line after the last entry of a block
 * collection, indented deeper than that collection, makes the `yaml`
 * package stretch the collection's span over it; here it ends with its
 * last entry (only the end of a mapping's or list's span differs).
 */
import type { Span } from '../parse/span';
import { mapOf, respan, type NpMap, type NpNode, type NpPair, type NpProblem, type NpScalar, type NpSeq } from './tree';
import type { ParsedWindow, WindowSpec } from './window';

export const FALLBACK = Symbol('fallback');

class Bail extends Error {}
const bail = (): never => {
  throw new Bail();
};

export interface FastResult {
  readonly root: NpNode | undefined;
  /** In document order: keys written twice in one mapping, aliases, and the warnings of windows. */
  readonly warnings: readonly FastWarning[];
  /** The errors of the windows read by the general path (none without windows). */
  readonly errors: readonly NpProblem[];
}

export type FastWarning =
  | { readonly kind: 'duplicate'; readonly key: NpScalar; readonly prev: NpScalar }
  | { readonly kind: 'alias'; readonly name: string; readonly span: Span }
  | { readonly kind: 'problem'; readonly problem: NpProblem };

/** Where the fast path stopped: a window that the general path could read instead (see window.ts), if any. */
export interface FastStop {
  readonly window: WindowSpec | undefined;
  readonly lineStart: readonly number[];
}

/** One block mapping (or a sequence, `pure` false) being read: the line of its current and previous entry. */
interface Frame {
  readonly indent: number;
  /** A block mapping whose keys start their lines (not one after `- `). */
  readonly pure: boolean;
  entry: number;
  prev: number;
}

export function fastParse(text: string): FastResult | typeof FALLBACK {
  const r = fastParseWindows(text, new Map());
  return r === FALLBACK || 'lineStart' in r ? FALLBACK : r;
}

/**
 * The fast path with windows of the text already read by the general path
 * (keyed by their first line); where it stops, it names the next window.
 */
export function fastParseWindows(text: string, windows: ReadonlyMap<number, ParsedWindow>): FastResult | FastStop | typeof FALLBACK {
  if (text.includes('\t') || text.charCodeAt(0) === 0xfeff) return FALLBACK;
  const crlf = text.includes('\r');
  if (crlf && LONE_CR.test(text)) return FALLBACK;
  const parser = new FastParser(text, crlf, windows);
  try {
    return parser.document();
  } catch (e) {
    if (e instanceof Bail) return parser.stop();
    throw e;
  }
}

const SP = 32;
const NL = 10;
const CR = 13;
/** A CR that does not end a line (CR LF ends one, like LF). */
const LONE_CR = /\r(?!\n)/;
const HASH = 35;
const PIPE = 124;
const AMP = 38;
const STAR = 42;
const GT = 62;

class FastParser {
  /** Start offset of each line; lineStart[n] for n = line count is text.length + 1. */
  private readonly lineStart: number[] = [];
  private readonly warnings: FastWarning[] = [];
  private readonly errors: NpProblem[] = [];
  private readonly frames: Frame[] = [];
  /** The furthest line looked at. */
  private reach = 0;
  /** Anchored nodes, with their size in nodes. */
  private readonly anchors = new Map<string, { node: NpNode; size: number }>();
  /** Nodes that alias copies may still add (bounds "billion laughs"; beyond it the general path reports). */
  private aliasBudget: number;

  constructor(
    private readonly text: string,
    /** Some lines end with CR LF: a line's content ends before the CR. */
    private readonly crlf: boolean,
    private readonly windows: ReadonlyMap<number, ParsedWindow> = new Map(),
  ) {
    this.aliasBudget = text.length >> 1;
    const ls = this.lineStart;
    ls.push(0);
    for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) ls.push(i + 1);
    ls.push(text.length + 1);
  }

  private get lines(): number {
    return this.lineStart.length - 1;
  }

  /** Where the line's content ends: the position of its '\n' (or '\r' before it, or text.length). */
  private lineEnd(line: number): number {
    const e = this.lineStart[line + 1] - 1;
    return this.crlf && e > this.lineStart[line] && this.text.charCodeAt(e - 1) === CR ? e - 1 : e;
  }

  /** Just after the line's line break (text.length on the last line). */
  private afterLine(line: number): number {
    return Math.min(this.lineStart[line + 1], this.text.length);
  }

  /** Column of the first non-space character, or -1 for a blank or comment-only line. */
  private indentOf(line: number): number {
    const t = this.text;
    const s = this.lineStart[line];
    const e = this.lineEnd(line);
    let i = s;
    while (i < e && t.charCodeAt(i) === SP) i++;
    if (i === e || t.charCodeAt(i) === HASH) return -1;
    return i - s;
  }

  /** The next line at or after `line` with content, or `lines`. */
  private nextContent(line: number): number {
    while (line < this.lines && this.indentOf(line) < 0) line++;
    if (line > this.reach) this.reach = line;
    return line;
  }

  /** After a bail: the window around the furthest line looked at (see window.ts). */
  stop(): FastStop {
    const lineStart = this.lineStart;
    // The innermost mapping under block mappings only, below the top level.
    let k = 0;
    while (k < this.frames.length && this.frames[k].pure) k++;
    const f = this.frames[k - 1];
    if (k < 2 || f.entry > this.reach) return { window: undefined, lineStart };
    // From the entry before the one that failed to the mapping's end (the yaml
    // package's recovery from an error may take the entries after it along).
    const start = f.prev >= 0 ? f.prev : f.entry;
    let end = this.nextContent(this.reach + 1);
    for (let ind = this.indentOf(end); end < this.lines && (ind > f.indent || (ind === f.indent && !this.isDash(lineStart[end] + ind))); ind = this.indentOf(end)) end = this.nextContent(end + 1);
    return { window: { start, end, indent: f.indent, ancestors: this.frames.slice(0, k - 1).map((a) => a.entry) }, lineStart };
  }

  document(): FastResult {
    const first = this.nextContent(0);
    if (first >= this.lines) return { root: undefined, warnings: [], errors: [] };
    const t = this.text;
    // Document markers and directives go the general way.
    for (let l = 0; l < this.lines; l++) {
      const s = this.lineStart[l];
      const c = t.charCodeAt(s);
      if ((c === 45 && t.startsWith('---', s)) || (c === 46 && t.startsWith('...', s)) || c === 37) bail();
    }
    if (this.indentOf(first) !== 0) bail();
    const at = this.lineStart[first];
    if (t.charCodeAt(at) === 45 && this.isDash(at)) bail();
    const { node, next } = this.blockMap(first, 0, at);
    if (this.nextContent(next) < this.lines) bail();
    return { root: node, warnings: this.warnings, errors: this.errors };
  }

  private isDash(at: number): boolean {
    const c = this.text.charCodeAt(at + 1);
    return this.text.charCodeAt(at) === 45 && (c === SP || c === NL || c === CR || Number.isNaN(c));
  }

  /**
   * A block mapping whose keys sit at column `indent`; its first key starts
   * at `firstAt` on line `line` (which may follow a "- " on that line).
   */
  private blockMap(line: number, indent: number, firstAt: number): { node: NpMap; next: number; end: number } {
    const pairs: NpPair[] = [];
    const seen = new Map<string, NpScalar>();
    let at = firstAt;
    let end = firstAt;
    const frame: Frame = { indent, pure: firstAt === this.lineStart[line] + indent, entry: line, prev: -1 };
    this.frames.push(frame);
    for (;;) {
      [frame.prev, frame.entry] = [frame.entry === line ? frame.prev : frame.entry, line];
      const w = this.windows.get(line);
      if (w && w.spec.indent === indent && frame.pure) {
        // entries the general path read: their problems, and their keys checked against the others
        const own = new Set<NpScalar>();
        w.pairs.forEach((pair, k) => {
          for (const problem of w.pairProblems[k]) this.warnings.push({ kind: 'problem', problem });
          const prev = seen.get(pair.key.value);
          if (prev && !own.has(prev)) this.warnings.push({ kind: 'duplicate', key: pair.key, prev });
          own.add(pair.key);
          seen.set(pair.key.value, pair.key);
          pairs.push(pair);
        });
        this.errors.push(...w.errors);
        line = this.nextContent(w.spec.end);
        // the mapping ends in the window: where the general path ends it, but not beyond the next token
        if (line >= this.lines) end = w.mapEnd;
        else if (this.indentOf(line) < indent) end = Math.min(w.mapEnd, this.lineStart[line] + this.indentOf(line));
      } else {
        const { pair, next, end: e } = this.entry(line, indent, at);
        const prev = seen.get(pair.key.value);
        if (prev) this.warnings.push({ kind: 'duplicate', key: pair.key, prev });
        seen.set(pair.key.value, pair.key);
        pairs.push(pair);
        end = e;
        line = this.nextContent(next);
      }
      if (line >= this.lines) break;
      const ind = this.indentOf(line);
      if (ind < indent) break;
      if (ind > indent) bail();
      at = this.lineStart[line] + ind;
      if (this.isDash(at)) break; // a compact sequence belongs to the parent
    }
    this.frames.pop();
    return { node: mapOf({ start: firstAt, end }, pairs), next: line, end };
  }

  /** One `key: value` entry; `at` is where the key starts. */
  private entry(line: number, indent: number, at: number): { pair: NpPair; next: number; end: number } {
    const t = this.text;
    const eol = this.lineEnd(line);
    let key: NpScalar;
    let i: number;
    const c = t.charCodeAt(at);
    if (c === 34 || c === 39) {
      const q = this.quoted(at, eol);
      key = q.scalar;
      i = q.after;
      if (t.charCodeAt(i) !== 58) bail();
    } else {
      if (isIndicator(c) || c === 91 || c === 123 || (c === 45 && this.isDash(at))) bail();
      i = at;
      for (;;) {
        const k = t.indexOf(':', i);
        if (k < 0 || k >= eol) bail();
        const n = t.charCodeAt(k + 1);
        if (n === SP || k + 1 === eol) {
          i = k;
          break;
        }
        i = k + 1;
      }
      let ke = i;
      while (ke > at && t.charCodeAt(ke - 1) === SP) ke--;
      const raw = t.slice(at, ke);
      if (raw.includes(' #')) bail();
      key = { kind: 'scalar', value: raw, empty: false, quoted: false, span: { start: at, end: ke } };
    }
    // i is at ':'
    const valueAt = i + 1;
    let j = valueAt;
    while (j < eol && t.charCodeAt(j) === SP) j++;
    if (t.charCodeAt(j) === AMP) {
      // `key: &name` and the value (on this line or the block below)
      const a = this.anchorAt(j, eol);
      const r = this.entryValue(key, line, indent, a.after, eol, true);
      this.anchor(a.name, r.pair.value);
      return r;
    }
    return this.entryValue(key, line, indent, j, eol, false);
  }

  /** The value of an entry, at `j` (after the colon and spaces, or after an anchor). */
  private entryValue(key: NpScalar, line: number, indent: number, j: number, eol: number, anchored: boolean): { pair: NpPair; next: number; end: number } {
    const t = this.text;
    if (j === eol || t.charCodeAt(j) === HASH) {
      // Nothing after the colon: a nested block, or an empty value.
      const nl = this.nextContent(line + 1);
      const ind = nl < this.lines ? this.indentOf(nl) : -1;
      if (ind > indent || (ind === indent && this.isDash(this.lineStart[nl] + ind))) {
        const childAt = this.lineStart[nl] + ind;
        const child = this.isDash(childAt) ? this.blockSeq(nl, ind) : this.blockMap(nl, ind, childAt);
        return { pair: { key, value: child.node }, next: child.next, end: child.end };
      }
      if (anchored) bail(); // an anchored empty value
      return { pair: { key, value: empty(j) }, next: line + 1, end: this.emptyEnd(j, line) };
    }
    const vc = t.charCodeAt(j);
    if (vc === PIPE || vc === GT) {
      const b = this.blockScalar(j, line, indent);
      return { pair: { key, value: b.node }, next: b.next, end: b.end };
    }
    const v = this.inlineValue(j, eol, true);
    this.restOfLine(v.after, eol);
    this.noContinuation(line, indent);
    return { pair: { key, value: v.node }, next: line + 1, end: this.afterLine(line) };
  }

  /** A block sequence whose dashes sit at column `indent`, from line `line`. */
  private blockSeq(line: number, indent: number): { node: NpSeq; next: number; end: number } {
    const t = this.text;
    const items: NpNode[] = [];
    const start = this.lineStart[line] + indent;
    let end = start;
    this.frames.push({ indent, pure: false, entry: line, prev: -1 });
    for (;;) {
      const dash = this.lineStart[line] + indent;
      const eol = this.lineEnd(line);
      let j = dash + 1;
      while (j < eol && t.charCodeAt(j) === SP) j++;
      if (j === eol || t.charCodeAt(j) === HASH) bail(); // "-" alone: nested block or empty item
      if (this.isDash(j)) bail(); // "- - x"
      let next: number;
      let anchor: string | undefined;
      if (t.charCodeAt(j) === AMP) {
        // `- &name value` (an anchored mapping item, or one on the lines below, goes the general way)
        const a = this.anchorAt(j, eol);
        if (a.after === eol || t.charCodeAt(a.after) === HASH || this.looksLikeKey(a.after, eol)) bail();
        anchor = a.name;
        j = a.after;
      }
      const c = t.charCodeAt(j);
      if (c === PIPE || c === GT) {
        const b = this.blockScalar(j, line, indent);
        items.push(b.node);
        next = b.next;
        end = b.end;
      } else if (this.looksLikeKey(j, eol)) {
        const m = this.blockMap(line, j - this.lineStart[line], j);
        items.push(m.node);
        next = m.next;
        end = m.end;
      } else {
        const v = this.inlineValue(j, eol, true);
        this.restOfLine(v.after, eol);
        this.noContinuation(line, indent);
        items.push(v.node);
        next = line + 1;
        end = this.afterLine(line);
      }
      if (anchor !== undefined) this.anchor(anchor, items[items.length - 1]);
      line = this.nextContent(next);
      if (line >= this.lines) break;
      const ind = this.indentOf(line);
      if (ind < indent) break;
      if (ind > indent || !this.isDash(this.lineStart[line] + ind)) {
        if (ind > indent) bail();
        break;
      }
    }
    this.frames.pop();
    return { node: { kind: 'seq', span: { start, end }, items }, next: line, end };
  }

  /**
   * A block scalar (`|` literal or `>` folded, with `-` or `+` chomping) whose
   * header is at `at` on line `line`, under a node at column `parent`. The
   * indentation is found from the first content line; an explicit indentation
   * indicator, an empty scalar, or lines of spaces deeper than the content go
   * the general way.
   */
  private blockScalar(at: number, line: number, parent: number): { node: NpScalar; next: number; end: number } {
    const t = this.text;
    const folded = t.charCodeAt(at) === GT;
    let i = at + 1;
    const ch = t.charCodeAt(i);
    const chomp = ch === 45 ? 'strip' : ch === 43 ? 'keep' : 'clip';
    if (chomp !== 'clip') i++;
    this.restOfLine(i, this.lineEnd(line)); // bails on an indentation indicator too
    let n = -1; // the content's indentation
    let deepestEmpty = 0; // spaces on empty lines before the first content line
    let last = -1; // the last content line
    let l = line + 1;
    let body = '';
    let emptyRun = 0; // empty lines since the last content line
    let spaced = false; // the last content line starts with a space (folded: not folded)
    for (; l < this.lines; l++) {
      const s = this.lineStart[l];
      const e = this.lineEnd(l);
      let k = s;
      while (k < e && t.charCodeAt(k) === SP) k++;
      if (k === e) {
        // an empty line (only spaces)
        if (n < 0) deepestEmpty = Math.max(deepestEmpty, k - s);
        else if (k - s > n) bail(); // spaces that belong to the content
        if (this.lineStart[l + 1] <= t.length) emptyRun++; // (the text's end is no empty line)
        continue;
      }
      const ind = k - s;
      if (n < 0) {
        if (ind <= parent || deepestEmpty > ind) bail(); // empty scalar, or more-indented leading empty lines
        n = ind;
        body = '\n'.repeat(emptyRun);
      } else if (ind < n) break;
      else {
        const sp = ind > n;
        if (!folded || sp || spaced) body += '\n'.repeat(emptyRun + 1);
        else body += emptyRun === 0 ? ' ' : '\n'.repeat(emptyRun);
      }
      spaced = ind > n;
      body += t.slice(s + n, e);
      last = l;
      emptyRun = 0;
    }
    if (last < 0) bail();
    let end = this.afterLine(last);
    if (this.lineStart[last + 1] > t.length && chomp !== 'clip') bail(); // no line break after the content
    let value = body;
    if (chomp === 'clip') value += '\n';
    else if (chomp === 'keep') {
      value += '\n'.repeat(emptyRun + 1);
      end = this.afterLine(last + emptyRun);
    }
    return { node: { kind: 'scalar', value, empty: false, quoted: false, span: { start: at, end } }, next: last + 1, end };
  }

  /** Does a `key:` (colon then space or end of line) start at `at`, before any flow or quote? */
  private looksLikeKey(at: number, eol: number): boolean {
    const t = this.text;
    const c = t.charCodeAt(at);
    if (c === 91 || c === 123) return false; // flow collection
    if (c === 34 || c === 39) {
      const q = this.quoted(at, eol);
      return t.charCodeAt(q.after) === 58;
    }
    for (let k = t.indexOf(':', at); k >= 0 && k < eol; k = t.indexOf(':', k + 1)) {
      const n = t.charCodeAt(k + 1);
      if (n === SP || k + 1 === eol) {
        const hash = t.indexOf(' #', at);
        return hash < 0 || hash > k;
      }
    }
    return false;
  }

  /** After a value on a line: only spaces and a comment may follow. */
  private restOfLine(i: number, eol: number): void {
    const t = this.text;
    if (i < eol && t.charCodeAt(i) !== SP) bail();
    while (i < eol && t.charCodeAt(i) === SP) i++;
    if (i < eol && t.charCodeAt(i) !== HASH) bail();
  }

  /** A one-line value must not continue on more-indented lines (a multi-line scalar). */
  private noContinuation(line: number, indent: number): void {
    const nl = this.nextContent(line + 1);
    if (nl < this.lines && this.indentOf(nl) > indent) bail();
  }

  /** Where yaml ends an empty value: at once before a content line, else at the next content. */
  private emptyEnd(at: number, line: number): number {
    const t = this.text;
    if (at >= t.length) return t.length;
    if ((t.charCodeAt(at) === NL || t.charCodeAt(at) === CR) && line + 1 < this.lines && this.indentOf(line + 1) >= 0) return at;
    const nl = this.nextContent(line + 1);
    return nl < this.lines ? this.lineStart[nl] + this.indentOf(nl) : t.length;
  }

  /** A scalar or flow collection starting at `at` on one line. */
  private inlineValue(at: number, eol: number, block: boolean): { node: NpNode; after: number } {
    const t = this.text;
    const c = t.charCodeAt(at);
    if (c === 34 || c === 39) {
      const q = this.quoted(at, eol);
      return { node: q.scalar, after: q.after };
    }
    if (c === 91) return this.flowSeq(at, eol);
    if (c === 123) return this.flowMap(at, eol);
    if (c === STAR) return this.alias(at, eol, block);
    if (c === AMP) {
      const a = this.anchorAt(at, eol);
      if (a.after === eol || t.charCodeAt(a.after) === HASH || (!block && isFlowEnd(t.charCodeAt(a.after)))) bail(); // an anchored empty value
      const v = this.inlineValue(a.after, eol, block);
      this.anchor(a.name, v.node);
      return v;
    }
    if (isIndicator(c) || c === 58 || (c === 45 && this.isDash(at))) bail();
    // plain scalar
    let i = at;
    let end = at;
    while (i < eol) {
      const ch = t.charCodeAt(i);
      if (ch === SP) {
        if (t.charCodeAt(i + 1) === HASH) break;
        i++;
        continue;
      }
      if (ch === 58) {
        const n = t.charCodeAt(i + 1);
        if (i + 1 >= eol || n === SP || (!block && (n === 44 || n === 93 || n === 125))) bail(); // "a: b" on one line, or a flow pair
      }
      if (!block && (ch === 44 || ch === 93 || ch === 125)) break;
      if (!block && (ch === 91 || ch === 123)) bail();
      i++;
      end = i;
    }
    const raw = t.slice(at, end);
    return { node: { kind: 'scalar', value: raw, empty: false, quoted: false, span: { start: at, end } }, after: end };
  }

  /** The name of an anchor `&name` at `at`, and where its node starts (after the spaces). */
  private anchorAt(at: number, eol: number): { name: string; after: number } {
    const t = this.text;
    const e = this.nameEnd(at + 1, eol);
    let after = e;
    if (after < eol && t.charCodeAt(after) !== SP) bail();
    while (after < eol && t.charCodeAt(after) === SP) after++;
    const c = t.charCodeAt(after);
    if (c === AMP || c === STAR || c === 33) bail(); // two anchors, an anchored alias, a tag
    return { name: t.slice(at + 1, e), after };
  }

  /** The end of an anchor or alias name starting at `at` (letters, digits, `-`, `_`, `.`). */
  private nameEnd(at: number, eol: number): number {
    const t = this.text;
    let e = at;
    for (; e < eol; e++) {
      const c = t.charCodeAt(e);
      if (!((c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 48 && c <= 57) || c === 45 || c === 95 || c === 46)) break;
    }
    if (e === at) bail();
    return e;
  }

  /** Remembers an anchored node (a name defined twice goes the general way, which resolves aliases late). */
  private anchor(name: string, node: NpNode): void {
    if (this.anchors.has(name)) bail();
    this.anchors.set(name, { node, size: size(node) });
  }

  /** `*name`: a copy of the anchored node, every span at the alias (as the general path builds it). */
  private alias(at: number, eol: number, block: boolean): { node: NpNode; after: number } {
    const t = this.text;
    const e = this.nameEnd(at + 1, eol);
    const c = t.charCodeAt(e);
    if (e < eol && c !== SP && (block || !isFlowEnd(c))) bail();
    const name = t.slice(at + 1, e);
    const target = this.anchors.get(name);
    if (!target) bail(); // no anchor before it: a YAML error
    this.aliasBudget -= target!.size;
    if (this.aliasBudget < 0) bail();
    const span = { start: at, end: e };
    this.warnings.push({ kind: 'alias', name, span });
    return { node: respan(target!.node, span), after: e };
  }

  private quoted(at: number, eol: number): { scalar: NpScalar; after: number } {
    const t = this.text;
    const q = t.charCodeAt(at);
    let out = '';
    let i = at + 1;
    for (;;) {
      if (i >= eol) bail(); // unterminated, or continues on the next line
      const ch = t.charCodeAt(i);
      if (ch === q) {
        if (q === 39 && t.charCodeAt(i + 1) === 39) {
          out += "'";
          i += 2;
          continue;
        }
        break;
      }
      if (q === 34 && ch === 92) {
        const e = t[i + 1];
        const simple: Record<string, string> = { n: '\n', t: '\t', '"': '"', '\\': '\\', '/': '/', r: '\r', '0': '\0', ' ': ' ' };
        if (e === undefined || !(e in simple)) bail();
        out += simple[e];
        i += 2;
        continue;
      }
      out += t[i];
      i++;
    }
    const after = i + 1;
    return { scalar: { kind: 'scalar', value: out, empty: false, quoted: true, span: { start: at, end: after } }, after };
  }

  private flowSeq(at: number, eol: number): { node: NpSeq; after: number } {
    const t = this.text;
    const items: NpNode[] = [];
    let i = at + 1;
    for (;;) {
      while (i < eol && t.charCodeAt(i) === SP) i++;
      if (i >= eol) bail(); // continues on the next line
      if (t.charCodeAt(i) === 93) {
        i++;
        break;
      }
      const v = this.inlineValue(i, eol, false);
      items.push(v.node);
      i = v.after;
      while (i < eol && t.charCodeAt(i) === SP) i++;
      const ch = t.charCodeAt(i);
      if (ch === 44) {
        i++;
        continue;
      }
      if (ch === 93) {
        i++;
        break;
      }
      bail();
    }
    return { node: { kind: 'seq', span: { start: at, end: i }, items }, after: i };
  }

  private flowMap(at: number, eol: number): { node: NpMap; after: number } {
    const t = this.text;
    const pairs: NpPair[] = [];
    const seen = new Map<string, NpScalar>();
    let i = at + 1;
    for (;;) {
      while (i < eol && t.charCodeAt(i) === SP) i++;
      if (i >= eol) bail();
      if (t.charCodeAt(i) === 125) {
        i++;
        break;
      }
      // key
      let key: NpScalar;
      const c = t.charCodeAt(i);
      if (c === 34 || c === 39) {
        const q = this.quoted(i, eol);
        key = q.scalar;
        i = q.after;
      } else {
        if (isIndicator(c)) bail();
        const s = i;
        while (i < eol) {
          const ch = t.charCodeAt(i);
          if (ch === 58 && (t.charCodeAt(i + 1) === SP || t.charCodeAt(i + 1) === 44 || t.charCodeAt(i + 1) === 125)) break;
          if (ch === 44 || ch === 125 || ch === 91 || ch === 123 || ch === 93) bail();
          i++;
        }
        let e = i;
        while (e > s && t.charCodeAt(e - 1) === SP) e--;
        key = { kind: 'scalar', value: t.slice(s, e), empty: false, quoted: false, span: { start: s, end: e } };
      }
      if (t.charCodeAt(i) !== 58) bail();
      i++;
      while (i < eol && t.charCodeAt(i) === SP) i++;
      const ch = t.charCodeAt(i);
      if (ch === 44 || ch === 125) bail(); // "{a:}" — empty flow value: general path
      const v = this.inlineValue(i, eol, false);
      const prev = seen.get(key.value);
      if (prev) this.warnings.push({ kind: 'duplicate', key, prev });
      seen.set(key.value, key);
      pairs.push({ key, value: v.node });
      i = v.after;
      while (i < eol && t.charCodeAt(i) === SP) i++;
      const d = t.charCodeAt(i);
      if (d === 44) {
        i++;
        continue;
      }
      if (d === 125) {
        i++;
        break;
      }
      bail();
    }
    return { node: mapOf({ start: at, end: i }, pairs), after: i };
  }
}

/** Characters that cannot start a plain scalar here (or that we leave to the general path). */
function isIndicator(c: number): boolean {
  // & * ! | > % @ ` ? - (a lone dash is handled by the callers) , [ ] { } #
  return c === 38 || c === 42 || c === 33 || c === 124 || c === 62 || c === 37 || c === 64 || c === 96 || c === 63 || c === 44 || c === 93 || c === 125 || c === HASH;
}

/** `,` `]` `}`: where a value in a flow collection ends. */
function isFlowEnd(c: number): boolean {
  return c === 44 || c === 93 || c === 125;
}

/** How many nodes a tree has (keys included). */
function size(n: NpNode): number {
  switch (n.kind) {
    case 'scalar':
      return 1;
    case 'seq':
      return n.items.reduce((s, i) => s + size(i), 1);
    case 'map':
      return n.pairs.reduce((s, p) => s + 1 + size(p.value), 1);
  }
}

function empty(at: number): NpScalar {
  return { kind: 'scalar', value: '', empty: true, quoted: false, span: { start: at, end: at } };
}
