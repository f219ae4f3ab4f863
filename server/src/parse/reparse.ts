/**
 * Incremental re-parse: the tree of a new version of a text, made from the
 * tree of the previous version by parsing only the stretch an edit touched.
 *
 * A keystroke in a 20,000-line network changes one element; parsing the
 * other 1.4 MB again (and collecting the tree it replaces) was the largest
 * part of a re-check. Here the edit is located by comparing the two texts
 * (common prefix and suffix), the innermost element whose content holds it
 * is found, and only the children of that element the edit touches, with
 * the text around them, are parsed again (`parseFragment`). Everything after
 * the edit keeps its objects and is moved by the change in length.
 *
 * The result is exactly what `parseXml(newText)` returns (test/reparse.test.ts
 * compares them on every fixture under random edits). When that cannot be
 * guaranteed cheaply — the old tree has problems, the edit touches a tag of
 * an enclosing element, comments or CDATA sit in the stretch, text is mixed
 * with elements — `reparseXml` returns undefined and the caller parses the
 * whole text.
 *
 * The old document is consumed: its elements and spans are reused and moved
 * in place, so the caller must not use it (nor findings holding its spans)
 * afterwards. The element holding the edit and its ancestors are new
 * objects; every element object kept from the old tree has the same name,
 * attributes, children and text as before, only moved. So results computed
 * from an element's subtree can be kept per element object (model views,
 * schema validation) as long as their spans are read on use or moved.
 */
import type { Span } from './span';
import { parseFragment, type XmlDocument, type XmlElement } from './xml';

type Mutable<T> = { -readonly [K in keyof T]: T[K] };

/** The edit between two texts: old [start, oldEnd) became new [start, newEnd). */
interface Edit {
  readonly start: number;
  readonly oldEnd: number;
  readonly newEnd: number;
}

export function editBetween(oldText: string, newText: string): Edit {
  const max = Math.min(oldText.length, newText.length);
  // Whole blocks first (string equality is a memory compare), then code units.
  let p = 0;
  while (p + BLOCK <= max && oldText.slice(p, p + BLOCK) === newText.slice(p, p + BLOCK)) p += BLOCK;
  while (p < max && oldText.charCodeAt(p) === newText.charCodeAt(p)) p++;
  const maxSuffix = max - p;
  let s = 0;
  while (s + BLOCK <= maxSuffix && oldText.slice(oldText.length - s - BLOCK, oldText.length - s) === newText.slice(newText.length - s - BLOCK, newText.length - s)) s += BLOCK;
  while (s < maxSuffix && oldText.charCodeAt(oldText.length - 1 - s) === newText.charCodeAt(newText.length - 1 - s)) s++;
  return { start: p, oldEnd: oldText.length - s, newEnd: newText.length - s };
}

const BLOCK = 4096;

/** Sum of the lengths of `children[from, to)`. */
function lengthOf(children: readonly XmlElement[], from: number, to: number): number {
  let n = 0;
  for (let k = from; k < to; k++) n += children[k].span.end - children[k].span.start;
  return n;
}

/** The innermost element whose content (between its tags) holds [start, end] of the old text. */
function enclosing(root: XmlElement, start: number, end: number): XmlElement | undefined {
  const inside = (el: XmlElement) => !el.selfClosing && el.endTagSpan !== undefined && el.startTagSpan.end <= start && end <= el.endTagSpan.start;
  if (!inside(root)) return undefined;
  let el = root;
  for (;;) {
    const cs = el.children;
    // Children are in document order: binary search for the last one starting at or before `start`.
    let lo = 0;
    let hi = cs.length - 1;
    let found = -1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      if (cs[mid].span.start <= start) {
        found = mid;
        lo = mid + 1;
      } else hi = mid - 1;
    }
    if (found < 0 || !inside(cs[found])) return el;
    el = cs[found];
  }
}

export function reparseXml(old: XmlDocument, text: string): XmlDocument | undefined {
  const root = old.root;
  if (!root || old.errors.length > 0 || old.declaredEntities.length > 0) return undefined;
  const edit = editBetween(old.text, text);
  const delta = edit.newEnd - edit.oldEnd;
  const el = enclosing(root, edit.start, edit.oldEnd);
  if (!el || !el.endTagSpan) return undefined;
  const cs = el.children;
  const contentStart = el.startTagSpan.end;
  const contentEnd = el.endTagSpan.start;
  // The children the edit touches (or borders): [first, last].
  let first = 0;
  while (first < cs.length && cs[first].span.end < edit.start) first++;
  let last = first - 1;
  while (last + 1 < cs.length && cs[last + 1].span.start <= edit.oldEnd) last++;
  // The stretch parsed again runs from the end of the child before to the start of the child after.
  const a = first > 0 ? cs[first - 1].span.end : contentStart;
  const b = last + 1 < cs.length ? cs[last + 1].span.start : contentEnd;
  // Comments in the stretch would have to leave the comment list: not worth it.
  for (const c of old.comments) if (c.span.end > a && c.span.start < b) return undefined;
  const frag = parseFragment(text, a, b + delta, el);
  if (!frag) return undefined;

  let elText: string;
  let elTextSpan: Span | undefined;
  if (cs.length === 0 && frag.children.length === 0) {
    // Text only (a <name>, a <uuid>): the stretch is the whole content.
    elText = frag.text;
    elTextSpan = frag.textSpan;
  } else {
    // Elements with whitespace between them: the element's text is that whitespace, spliced.
    if (el.textSpan !== undefined || frag.textSpan !== undefined) return undefined;
    const gaps = contentEnd - contentStart - lengthOf(cs, 0, cs.length);
    if (el.text.length !== gaps) return undefined; // CDATA or comments among the children
    if (frag.text.length !== b + delta - a - lengthOf(frag.children, 0, frag.children.length)) return undefined;
    const before = a - contentStart - lengthOf(cs, 0, first);
    const replaced = b - a - lengthOf(cs, first, last + 1);
    elText = el.text.slice(0, before) + frag.text + el.text.slice(before + replaced);
    elTextSpan = undefined;
  }

  // Move everything after the stretch. The element and its ancestors are
  // replaced by copies (their content changed), so that an element object that
  // survives a reparse always has the content it had: only its spans moved.
  if (delta !== 0) for (let k = last + 1; k < cs.length; k++) shiftTree(cs[k], delta);
  let copy: Mutable<XmlElement> = {
    ...el,
    children: cs.slice(0, first).concat(frag.children, cs.slice(last + 1)),
    text: elText,
    textSpan: elTextSpan,
    span: { start: el.span.start, end: el.span.end + delta },
    endTagSpan: { start: el.endTagSpan.start + delta, end: el.endTagSpan.end + delta },
  };
  adopt(copy);
  for (let up = el.parent, below: XmlElement = el; up; below = up, up = up.parent) {
    const siblings = up.children.slice();
    // Siblings after the branch that holds the edit.
    if (delta !== 0) for (let k = siblings.length - 1; k >= 0 && siblings[k].span.start >= b; k--) shiftTree(siblings[k], delta);
    siblings[siblings.lastIndexOf(below)] = copy;
    const ts = up.textSpan;
    const parentCopy: Mutable<XmlElement> = {
      ...up,
      children: siblings,
      span: { start: up.span.start, end: up.span.end + delta },
      endTagSpan: up.endTagSpan && { start: up.endTagSpan.start + delta, end: up.endTagSpan.end + delta },
      textSpan: ts && ts.end >= b ? { start: ts.start >= b ? ts.start + delta : ts.start, end: ts.end + delta } : ts,
    };
    adopt(parentCopy);
    copy = parentCopy;
  }
  const newRoot = copy;
  const comments = old.comments.map((c) => (c.span.start >= b ? { span: { start: c.span.start + delta, end: c.span.end + delta }, text: c.text } : c));
  return { text, root: newRoot, errors: [], comments, declaredEntities: [] };
}

/** Makes `el` the parent of its children. */
function adopt(el: XmlElement): void {
  for (const c of el.children) (c as Mutable<XmlElement>).parent = el;
}

/** Moves an element and everything in it by `delta`, in place. */
function shiftTree(el: XmlElement, delta: number): void {
  const stack = [el];
  while (stack.length > 0) {
    const e = stack.pop()!;
    move(e.nameSpan, delta);
    move(e.startTagSpan, delta);
    // A self-closing element's span is its start tag's (one object).
    if (e.span !== e.startTagSpan) move(e.span, delta);
    if (e.endTagSpan) move(e.endTagSpan, delta);
    if (e.textSpan) move(e.textSpan, delta);
    for (const a of e.attributes) a.shift(delta);
    for (const c of e.children) stack.push(c);
  }
}

function move(s: Span, delta: number): void {
  const m = s as Mutable<Span>;
  m.start += delta;
  m.end += delta;
}
