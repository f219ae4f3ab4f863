/**
 * Where the cursor is, in XML terms: typing an element name after `<`, an
 * end tag after `</`, an attribute name or value inside a start tag, or in
 * element content.
 *
 * Found by a small scan of the text back to the last `<` before the cursor
 * (attribute values cannot hold `<`), then forward to the cursor with quote
 * tracking; the parsed tree (tolerant of half-typed tags) then says which
 * element the tag belongs to. Nothing here depends on the tree being
 * well-formed.
 */
import type { Span } from '../../parse/span';
import type { XmlDocument, XmlElement } from '../../parse/xml';

export type Situation =
  | { readonly kind: 'none' }
  /** After `<`: `replace` runs from the `<` over the partial name; `tagContinues` when attributes or `>` follow the name already. */
  | { readonly kind: 'elementName'; readonly lt: number; readonly replace: Span; readonly partial: string; readonly parent: XmlElement | undefined; readonly tagContinues: boolean }
  /** After `</`: `replace` runs from the `<` over the partial name and a `>` if present. */
  | { readonly kind: 'endTag'; readonly replace: Span; readonly partial: string; readonly open: XmlElement | undefined }
  /** Inside a start tag where an attribute name goes; `hasValue` when `=` follows the name already. */
  | { readonly kind: 'attrName'; readonly el: XmlElement; readonly replace: Span; readonly partial: string; readonly hasValue: boolean }
  /**
   * Inside an attribute value. `quote` is the opening quote, or '' when the
   * cursor is right after `=` (no quote typed yet); `closed` when the closing
   * quote is already there (then `replace` stops before it).
   */
  | { readonly kind: 'attrValue'; readonly el: XmlElement; readonly attr: string; readonly replace: Span; readonly partial: string; readonly quote: string; readonly closed: boolean }
  /** In element content (or at the top level when `parent` is undefined); `replace` covers the word at the cursor. */
  | { readonly kind: 'content'; readonly parent: XmlElement | undefined; readonly replace: Span; readonly partial: string };

const NONE: Situation = { kind: 'none' };

function isNameChar(c: number): boolean {
  return (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 48 && c <= 57) || c === 95 || c === 58 || c === 45 || c === 46 || c >= 0xc0;
}
function isSpace(c: number): boolean {
  return c === 32 || c === 10 || c === 13 || c === 9;
}
/** Characters that may continue an unquoted-so-far attribute value being typed. */
function isValueChar(c: number): boolean {
  return !isSpace(c) && c !== 60 && c !== 62 && c !== 34 && c !== 39 && c !== 47 && !Number.isNaN(c);
}

function nameEnd(text: string, i: number): number {
  while (i < text.length && isNameChar(text.charCodeAt(i))) i++;
  return i;
}

function inSpan(offset: number, s: Span): boolean {
  return offset > s.start && offset < s.end;
}

/**
 * The innermost element whose content holds `offset`: its start tag is
 * finished before `offset` and its end tag (if any) starts at or after it.
 */
export function containerAt(root: XmlElement | undefined, text: string, offset: number): XmlElement | undefined {
  let found: XmlElement | undefined;
  let cur = root;
  const holds = (e: XmlElement): boolean => {
    if (e.selfClosing) return false;
    const st = e.startTagSpan;
    if (st.end > offset || st.end <= st.start || text.charCodeAt(st.end - 1) !== 62 /* > */) return false;
    return e.endTagSpan ? offset <= e.endTagSpan.start : offset <= e.span.end;
  };
  while (cur && holds(cur)) {
    found = cur;
    const kids = cur.children;
    // Children are in document order: binary search for the last one starting before offset.
    let lo = 0;
    let hi = kids.length - 1;
    let pick = -1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      if (kids[mid].span.start < offset) {
        pick = mid;
        lo = mid + 1;
      } else hi = mid - 1;
    }
    cur = pick >= 0 ? kids[pick] : undefined;
  }
  return found;
}

/** The element whose start tag begins at `lt`, if the parser made one. */
function elementStartingAt(root: XmlElement | undefined, lt: number): XmlElement | undefined {
  let cur = root;
  while (cur) {
    if (cur.span.start === lt) return cur;
    const kids = cur.children;
    let lo = 0;
    let hi = kids.length - 1;
    let pick = -1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      if (kids[mid].span.start <= lt) {
        pick = mid;
        lo = mid + 1;
      } else hi = mid - 1;
    }
    cur = pick >= 0 ? kids[pick] : undefined;
  }
  return undefined;
}

export function situationAt(text: string, xml: XmlDocument | undefined, offset: number): Situation {
  const root = xml?.root;
  if (xml?.comments.some((c) => inSpan(offset, c.span) || (c.span.end === text.length && offset === c.span.end && !text.endsWith('-->')))) return NONE;
  const lt = text.lastIndexOf('<', offset - 1);
  const inComment = lt >= 0 && xml?.comments.some((c) => lt >= c.span.start && lt < c.span.end);
  if (lt < 0 || inComment) return content(text, xml, offset);
  const c1 = text.charCodeAt(lt + 1);
  if (c1 === 33 /* ! */ || c1 === 63 /* ? */) {
    const gt = text.indexOf('>', lt);
    return gt >= 0 && gt < offset ? content(text, xml, offset) : NONE;
  }
  if (c1 === 47 /* / */) {
    const ne = nameEnd(text, lt + 2);
    if (offset > ne) return text.indexOf('>', lt) >= 0 && text.indexOf('>', lt) < offset ? content(text, xml, offset) : NONE;
    const end = text.charCodeAt(ne) === 62 ? ne + 1 : ne;
    const open = containerAt(root, text, lt);
    return { kind: 'endTag', replace: { start: lt, end }, partial: text.slice(lt + 2, offset), open };
  }
  const ne = nameEnd(text, lt + 1);
  if (offset <= ne) {
    const el = elementStartingAt(root, lt);
    const parent = el && el.name === text.slice(lt + 1, ne) ? el.parent : containerAt(root, text, lt);
    const next = text.charCodeAt(ne);
    const tagContinues = ne > lt + 1 && (next === 62 || next === 47 || (isSpace(next) && /^\s+[\w:-]+\s*=/.test(text.slice(ne, ne + 200))));
    return { kind: 'elementName', lt, replace: { start: lt, end: ne }, partial: text.slice(lt + 1, offset), parent, tagContinues };
  }
  // Inside a start tag, after its name: walk attributes up to the cursor.
  type State = 'between' | 'name' | 'afterName' | 'afterEq' | 'value';
  let state: State = 'between';
  let quote = 0;
  let attrStart = -1;
  let attrName = '';
  let valueStart = -1;
  let lastSpace = true; // whether a space came right before the current position (attribute names need one)
  for (let i = ne; i < offset; i++) {
    const c = text.charCodeAt(i);
    switch (state) {
      case 'value':
        if (c === quote) {
          state = 'between';
          lastSpace = false;
        }
        continue;
      case 'afterEq':
        if (c === 34 || c === 39) {
          quote = c;
          valueStart = i + 1;
          state = 'value';
        } else if (!isSpace(c)) {
          // Unquoted value (invalid XML): skip it.
          while (i < offset && isValueChar(text.charCodeAt(i))) i++;
          i--;
          state = 'between';
          lastSpace = false;
        }
        continue;
      default:
        break;
    }
    if (c === 62 /* > */) return content(text, xml, offset);
    if (isSpace(c)) {
      if (state === 'name') state = 'afterName';
      lastSpace = true;
      continue;
    }
    if (c === 61 /* = */) {
      if (state === 'name' || state === 'afterName') state = 'afterEq';
      continue;
    }
    if (isNameChar(c)) {
      if (state !== 'name') {
        attrStart = i;
        state = 'name';
      }
      const e = nameEnd(text, i);
      attrName = text.slice(attrStart, e);
      if (e >= offset) {
        attrName = text.slice(attrStart, offset);
        i = offset;
        break;
      }
      i = e - 1;
      continue;
    }
    // '/', or anything else: a new attribute may follow
    state = 'between';
    lastSpace = false;
  }
  const el = elementStartingAt(root, lt);
  if (!el) return NONE;
  if (state === 'value' || state === 'afterEq') {
    const eqName = attrName;
    if (state === 'afterEq') {
      return { kind: 'attrValue', el, attr: eqName, replace: { start: offset, end: offset }, partial: '', quote: '', closed: false };
    }
    let j = offset;
    while (j < text.length && isValueChar(text.charCodeAt(j)) && text.charCodeAt(j) !== quote) j++;
    const closed = text.charCodeAt(j) === quote;
    return {
      kind: 'attrValue',
      el,
      attr: eqName,
      replace: { start: valueStart, end: j },
      partial: text.slice(valueStart, offset),
      quote: String.fromCharCode(quote),
      closed,
    };
  }
  if (state === 'name' || state === 'between' || state === 'afterName') {
    if (state === 'between' && !lastSpace) return NONE;
    const start = state === 'name' ? attrStart : offset;
    const end = nameEnd(text, offset);
    let k = end;
    while (k < text.length && isSpace(text.charCodeAt(k))) k++;
    return { kind: 'attrName', el, replace: { start, end }, partial: text.slice(start, offset), hasValue: text.charCodeAt(k) === 61 };
  }
  return NONE;
}

function content(text: string, xml: XmlDocument | undefined, offset: number): Situation {
  let s = offset;
  while (s > 0 && !isSpace(text.charCodeAt(s - 1)) && text.charCodeAt(s - 1) !== 62 && text.charCodeAt(s - 1) !== 60) s--;
  let e = offset;
  while (e < text.length && !isSpace(text.charCodeAt(e)) && text.charCodeAt(e) !== 60) e++;
  return { kind: 'content', parent: containerAt(xml?.root, text, offset), replace: { start: s, end: e }, partial: text.slice(s, offset) };
}
