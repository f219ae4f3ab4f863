/**
 * Part of a netplan file read by the general path (the `yaml` package), so
 * that a YAML error mid-edit costs a few lines, not the whole file.
 *
 * When the fast path (fastParse.ts) stops at a line it cannot read, it names
 * a window around that line: whole entries of the innermost block mapping
 * (one entry before, the one it stopped in, one after) under mappings only.
 * The window is parsed below its ancestors' key lines (offsets and line
 * numbers are mapped back to the file's); the window's entries and problems
 * are then put back into the fast path's tree.
 * Windows whose text could reach beyond them (an open quote or flow
 * collection, an anchor or alias) are not taken: the whole file goes the
 * general way, as it does when the window's tree is not the expected shape.
 */
import type { NetplanParse } from './parse';
import type { Span } from '../parse/span';
import { withSpans, type NpNode, type NpPair, type NpProblem } from './tree';

/** Lines [start, end) hold whole entries of a block mapping at column `indent`; `ancestors` are the key lines above it, outermost first. */
export interface WindowSpec {
  readonly start: number;
  readonly end: number;
  readonly indent: number;
  readonly ancestors: readonly number[];
}

export interface ParsedWindow {
  readonly spec: WindowSpec;
  readonly pairs: readonly NpPair[];
  /** Problems of each pair (by index), in document order; a pair's problems come before the check of its key against the mapping's other keys. */
  readonly pairProblems: readonly NpProblem[][];
  /** Where the general path ends the mapping, when the window reaches its end. */
  readonly mapEnd: number;
  readonly errors: readonly NpProblem[];
}

/** Reads a window with `general`; undefined when it cannot stand for the whole file. */
export function parseWindow(text: string, lineStart: readonly number[], spec: WindowSpec, general: (text: string, lineOf: (offset: number) => number) => NetplanParse): ParsedWindow | undefined {
  const lineText = (l: number) => text.slice(lineStart[l], Math.min(lineStart[l + 1], text.length));
  const windowText = text.slice(lineStart[spec.start], Math.min(lineStart[spec.end], text.length));
  if (!selfContained(windowText) || spec.ancestors.some((a) => !selfContained(lineText(a)))) return undefined;
  // The window's text: the ancestors' key lines and the window's lines; `kept[i]` is the file's line of its line i.
  const kept = [...spec.ancestors];
  for (let l = spec.start; l < spec.end; l++) kept.push(l);
  const wStart: number[] = [];
  let w = 0;
  const parts = kept.map((l) => {
    wStart.push(w);
    const t = lineText(l);
    w += t.length;
    return t;
  });
  const wLine = (at: number): number => {
    let lo = 0;
    let hi = kept.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (wStart[mid] <= at) lo = mid;
      else hi = mid - 1;
    }
    return lo;
  };
  const toText = (at: number): number => {
    const i = wLine(at);
    return Math.min(lineStart[kept[i]] + (at - wStart[i]), text.length);
  };
  const parsed = general(parts.join(''), (at) => kept[wLine(at)]);
  // An error that ends the document (a stray `}`, say) takes the rest of the file with it.
  if (parsed.errors.some((e) => e.message.includes('in YAML stream'))) return undefined;
  // Down the ancestors: each a mapping with that one key.
  let map: NpNode | undefined = parsed.root;
  for (const a of spec.ancestors) {
    if (!map || map.kind !== 'map' || map.pairs.length !== 1) return undefined;
    const key = map.pairs[0].key;
    if (toText(key.span.start) !== lineStart[a] + indentOf(lineText(a))) return undefined;
    map = map.pairs[0].value;
  }
  if (!map || map.kind !== 'map' || map.pairs.length === 0) return undefined;
  const first = lineStart[spec.start];
  const last = Math.min(lineStart[spec.end], text.length);
  const remapSpan = (sp: Span): Span => ({ start: toText(sp.start), end: toText(sp.end) });
  const pairs: NpPair[] = map.pairs.map((p) => ({ key: { ...p.key, span: remapSpan(p.key.span) }, value: withSpans(p.value, remapSpan) }));
  if (pairs.some((p) => p.key.span.start < first || p.key.span.start >= last)) return undefined;
  const remap = (p: NpProblem): NpProblem => ({ ...p, span: remapSpan(p.span) });
  const pairProblems: NpProblem[][] = pairs.map(() => []);
  for (const wn of parsed.warnings) {
    const p = remap(wn);
    let i = pairs.length - 1;
    while (i > 0 && pairs[i].key.span.start > p.span.start) i--;
    pairProblems[i].push(p);
  }
  return { spec, pairs, pairProblems, mapEnd: toText(map.span.end), errors: parsed.errors.map(remap) };
}

function indentOf(line: string): number {
  let i = 0;
  while (line.charCodeAt(i) === 32) i++;
  return i;
}

/**
 * No quote left open at a line's end, no flow collection open at the
 * window's end, no anchor or alias: nothing in the window that the rest of
 * the file could continue or refer to.
 */
function selfContained(t: string): boolean {
  let depth = 0;
  let quote = 0;
  for (let i = 0; i < t.length; i++) {
    const c = t.charCodeAt(i);
    if (quote) {
      if (c === 92 && quote === 34) i++; // an escape in a double-quoted scalar
      else if (c === quote) quote = 0;
      else if (c === 10 || c === 13) return false;
    } else if (c === 34 || c === 39) {
      // a quote starts a quoted scalar only at a value's start; inside a plain scalar it is text
      const p = i > 0 ? t.charCodeAt(i - 1) : 10;
      if (p === 32 || p === 10 || p === 91 || p === 123 || p === 44 || p === 58) quote = c;
    } else if (c === 35) {
      const p = i > 0 ? t.charCodeAt(i - 1) : 10;
      if (p === 32 || p === 10) {
        const nl = t.indexOf('\n', i);
        i = nl < 0 ? t.length : nl;
      }
    } else if (c === 91 || c === 123) depth++;
    else if (c === 93 || c === 125) depth--;
    else if (c === 38 || c === 42) return false;
  }
  return depth === 0 && quote === 0;
}
