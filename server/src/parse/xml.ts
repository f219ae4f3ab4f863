/**
 * A small, error-tolerant, position-keeping XML parser.
 *
 * Why not fast-xml-parser or @xml-tools/parser: see ARCHITECTURE.md ("Why our
 * own XML scanner"). In short: neither gives attribute value positions *and*
 * tolerates half-typed documents *and* parses a 20,000-line network in a few
 * milliseconds.
 *
 * Contract:
 * - never throws; every problem becomes an `XmlProblem` with a span;
 * - all spans are UTF-16 offsets, half-open (see span.ts);
 * - entities are never expanded beyond the five predefined ones and
 *   character references (no DTD processing: no entity-expansion attacks);
 * - nesting deeper than MAX_DEPTH is reported and its content skipped, so
 *   that recursive walkers over the tree are bounded.
 */
import type { Span } from './span';

/**
 * An attribute. Offsets are stored as numbers and spans built on demand:
 * a 20,000-host network has 60,000 attributes, and allocating three span
 * objects for each doubled the parse time (garbage collection).
 */
export class XmlAttribute {
  constructor(
    readonly name: string,
    private nameStart: number,
    /** Decoded value, or undefined when the attribute has no `=value`. */
    readonly value: string | undefined,
    private valueStart: number,
    private valueEnd: number,
    private end: number,
  ) {}
  /** Moves the attribute by `delta` (reparse.ts, on a tree it owns; nothing else moves a parsed tree). */
  shift(delta: number): void {
    this.nameStart += delta;
    if (this.valueStart >= 0) {
      this.valueStart += delta;
      this.valueEnd += delta;
    }
    this.end += delta;
  }
  get nameSpan(): Span {
    return { start: this.nameStart, end: this.nameStart + this.name.length };
  }
  /** Raw text between the quotes (excluding the quotes). */
  get valueSpan(): Span | undefined {
    return this.valueStart < 0 ? undefined : { start: this.valueStart, end: this.valueEnd };
  }
  /** From the start of the name to after the closing quote. */
  get span(): Span {
    return { start: this.nameStart, end: this.end };
  }
}

export interface XmlElement {
  readonly name: string;
  readonly nameSpan: Span;
  /** From `<` to the end of the end tag (or as far as the element got). */
  span: Span;
  /** From `<` to after `>` of the start tag (or as far as the tag got). */
  startTagSpan: Span;
  endTagSpan: Span | undefined;
  readonly attributes: XmlAttribute[];
  readonly children: XmlElement[];
  readonly parent: XmlElement | undefined;
  selfClosing: boolean;
  /** False when the start tag is unfinished or the end tag is missing. */
  closed: boolean;
  /** Decoded character data directly inside this element (CDATA included). */
  text: string;
  /** Span of the direct text, trimmed of surrounding whitespace, if any. */
  textSpan: Span | undefined;
  readonly depth: number;
}

export interface XmlComment {
  readonly span: Span;
  readonly text: string;
}

export interface XmlProblem {
  readonly span: Span;
  readonly message: string;
}

export interface XmlDocument {
  readonly text: string;
  readonly root: XmlElement | undefined;
  /** Well-formedness problems, in document order. */
  readonly errors: XmlProblem[];
  readonly comments: XmlComment[];
  /** Names declared with <!ENTITY> in an internal DTD subset (never expanded). */
  readonly declaredEntities: string[];
}

/** libxml2's default limit without XML_PARSE_HUGE. */
export const MAX_DEPTH = 256;

const NO_CHILDREN: XmlElement[] = Object.freeze([]) as unknown as XmlElement[];

const PREDEFINED: Record<string, string> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" };

function isNameStart(c: number): boolean {
  return (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || c === 95 || c === 58 || c >= 0xc0;
}
function isNameChar(c: number): boolean {
  return isNameStart(c) || (c >= 48 && c <= 57) || c === 45 || c === 46 || c === 0xb7;
}
/** What String.prototype.trim removes (ECMAScript WhiteSpace and LineTerminator). */
function isTrimmable(c: number): boolean {
  if (c <= 32) return c === 32 || (c >= 9 && c <= 13);
  if (c < 160) return false;
  return c === 160 || c === 0x1680 || (c >= 0x2000 && c <= 0x200a) || c === 0x2028 || c === 0x2029 || c === 0x202f || c === 0x205f || c === 0x3000 || c === 0xfeff;
}
function isSpace(c: number): boolean {
  return c === 32 || c === 10 || c === 13 || c === 9;
}
/** Characters XML 1.0 forbids anywhere in a document. */
function isForbiddenChar(c: number): boolean {
  return (c < 32 && c !== 9 && c !== 10 && c !== 13) || c === 0xfffe || c === 0xffff;
}

export function parseXml(text: string): XmlDocument {
  const p = new Parser(text);
  p.advance(text.length);
  return p.finish();
}

/** Characters parseXmlInSteps reads per step (a few milliseconds of a 20,000-line network). */
export const PARSE_STEP = 64 * 1024;

/**
 * parseXml a step at a time: each step reads the markup and text that start
 * in the next `chunk` characters (a start tag or a value that runs past
 * the chunk is read whole), so a caller can let other work run between
 * steps. The document is the one parseXml gives.
 */
export function* parseXmlInSteps(text: string, chunk = PARSE_STEP): Generator<void, XmlDocument> {
  const p = new Parser(text);
  while (!p.advance(p.offset + chunk)) yield;
  return p.finish();
}

/** What `parseFragment` read: the elements and direct text of a stretch of an element's content. */
export interface XmlFragment {
  readonly children: XmlElement[];
  readonly text: string;
  readonly textSpan: Span | undefined;
}

/**
 * Parses `text[start, end)` as the content of `parent` (an element of a tree
 * parsed from an earlier version of `text`): the elements read get `parent`
 * as their parent and its depth + 1. Undefined unless the stretch is
 * well-formed content on its own — no problem, comment, CDATA, processing
 * instruction or DOCTYPE, every element closed inside it, `parent` not
 * closed by it, and it ends exactly at `end` — so that the caller
 * (reparse.ts) only splices what a full parse would have produced.
 */
export function parseFragment(text: string, start: number, end: number, parent: XmlElement): XmlFragment | undefined {
  return new Parser(text).fragment(start, end, parent);
}

class Parser {
  private i = 0;
  private readonly errors: XmlProblem[] = [];
  private readonly comments: XmlComment[] = [];
  private readonly declared: string[] = [];
  private readonly stack: XmlElement[] = [];
  private root: XmlElement | undefined;
  private sawRoot = false;
  /** Depth of elements skipped because they are nested too deep. */
  private skippedDepth = 0;
  private reportedDepth = false;
  /** Depth of the element whose content is parsed, minus one (parseFragment; 0 for a document). */
  private depthBase = 0;
  /** Set by markup other than tags (comments, CDATA, PIs, DOCTYPE), which parseFragment refuses. */
  private sawOtherMarkup = false;

  constructor(private readonly text: string) {}

  fragment(start: number, end: number, parent: XmlElement): XmlFragment | undefined {
    const t = this.text;
    // A stand-in for `parent` collects what is read; its children are re-parented at the end.
    const holder: XmlElement = { ...parent, children: [], text: '', textSpan: undefined, closed: false, endTagSpan: undefined };
    this.stack.push(holder);
    this.sawRoot = true;
    this.depthBase = parent.depth - 1;
    this.i = start;
    while (this.i < end) {
      if (t.charCodeAt(this.i) === 60 /* < */) this.markup();
      else this.charData();
      if (this.stack[0] !== holder || this.sawOtherMarkup || this.errors.length > 0) return undefined;
    }
    if (this.i !== end || this.stack.length !== 1 || this.skippedDepth > 0 || this.comments.length > 0) return undefined;
    for (const [el, parts] of this.textParts) el.text = parts.join('');
    for (const c of holder.children) (c as { parent: XmlElement | undefined }).parent = parent;
    return { children: holder.children, text: holder.text, textSpan: holder.textSpan };
  }

  /** Where the next token starts. */
  get offset(): number {
    return this.i;
  }

  /** Reads the tokens that start before `limit`; true when the whole text is read. */
  advance(limit: number): boolean {
    const t = this.text;
    if (this.i === 0 && t.charCodeAt(0) === 0xfeff) this.i = 1;
    const stop = Math.min(limit, t.length);
    while (this.i < stop) {
      if (t.charCodeAt(this.i) === 60 /* < */) this.markup();
      else this.charData();
    }
    return this.i >= t.length;
  }

  /** The document, once advance() has read the whole text. */
  finish(): XmlDocument {
    const t = this.text;
    for (let k = this.stack.length - 1; k >= 0; k--) {
      const el = this.stack[k];
      this.error(el.nameSpan, `<${el.name}> is not closed: expected </${el.name}> before the end of the file`);
      el.span = { start: el.span.start, end: t.length };
      el.closed = false;
    }
    if (!this.sawRoot && t.trim().length > 0) this.error({ start: 0, end: 0 }, 'The document has no root element');
    for (const [el, parts] of this.textParts) el.text = parts.join('');
    return { text: t, root: this.root, errors: this.errors, comments: this.comments, declaredEntities: this.declared };
  }

  private error(s: Span, message: string): void {
    // One problem per position is enough; cascades help nobody.
    const last = this.errors[this.errors.length - 1];
    if (last && last.span.start === s.start && last.span.end === s.end) return;
    if (this.errors.length < 1000) this.errors.push({ span: s, message });
  }

  private get current(): XmlElement | undefined {
    return this.stack[this.stack.length - 1];
  }

  private markup(): void {
    const t = this.text;
    const start = this.i;
    if (t.charCodeAt(start + 1) === 33 /* ! */ || t.charCodeAt(start + 1) === 63 /* ? */) this.sawOtherMarkup = true;
    if (t.startsWith('<!--', start)) return this.comment();
    if (t.startsWith('<![CDATA[', start)) return this.cdata();
    if (t.startsWith('<!DOCTYPE', start)) return this.doctype();
    if (t.startsWith('<?', start)) return this.processingInstruction();
    if (t.startsWith('</', start)) return this.endTag();
    if (isNameStart(t.charCodeAt(start + 1))) return this.startTag();
    this.error({ start, end: start + 1 }, "'<' must start a tag; write &lt; for a literal '<'");
    this.i++;
  }

  private comment(): void {
    const t = this.text;
    const start = this.i;
    const close = t.indexOf('-->', start + 4);
    const end = close < 0 ? t.length : close + 3;
    const body = t.slice(start + 4, close < 0 ? t.length : close);
    if (close < 0) this.error({ start, end: start + 4 }, 'Comment is not closed: expected -->');
    else {
      const dd = body.indexOf('--');
      if (dd >= 0) this.error({ start: start + 4 + dd, end: start + 6 + dd }, "'--' is not allowed inside a comment");
    }
    this.comments.push({ span: { start, end }, text: body });
    this.i = end;
  }

  private cdata(): void {
    const t = this.text;
    const start = this.i;
    const close = t.indexOf(']]>', start + 9);
    const end = close < 0 ? t.length : close + 3;
    if (close < 0) this.error({ start, end: start + 9 }, 'CDATA section is not closed: expected ]]>');
    const cur = this.current;
    if (!cur) this.error({ start, end: start + 9 }, 'CDATA is only allowed inside an element');
    else if (this.skippedDepth === 0) this.addText(cur, t.slice(start + 9, close < 0 ? t.length : close), start + 9, close < 0 ? t.length : close);
    this.i = end;
  }

  private doctype(): void {
    const t = this.text;
    const start = this.i;
    let j = start + 9;
    let inSubset = false;
    let quote = 0;
    for (; j < t.length; j++) {
      const c = t.charCodeAt(j);
      if (quote) {
        if (c === quote) quote = 0;
      } else if (c === 34 || c === 39) quote = c;
      else if (c === 91 /* [ */) inSubset = true;
      else if (c === 93 /* ] */) inSubset = false;
      else if (c === 62 /* > */ && !inSubset) break;
      else if (inSubset && t.startsWith('<!ENTITY', j)) {
        const m = /^<!ENTITY\s+(%\s+)?([^\s"'>]+)/.exec(t.slice(j, j + 200));
        if (m) {
          this.declared.push(m[2]);
          this.error(
            { start: j, end: j + m[0].length },
            `Entity declaration '${m[2]}' is not supported: VirtNet never expands entities, and libvirt configurations do not need them`,
          );
        }
      }
    }
    if (this.sawRoot) this.error({ start, end: start + 9 }, 'DOCTYPE must come before the root element');
    if (j >= t.length) {
      this.error({ start, end: start + 9 }, 'DOCTYPE is not closed');
      this.i = t.length;
    } else this.i = j + 1;
  }

  private processingInstruction(): void {
    const t = this.text;
    const start = this.i;
    const close = t.indexOf('?>', start + 2);
    let n = start + 2;
    while (n < t.length && isNameChar(t.charCodeAt(n))) n++;
    const target = t.slice(start + 2, n);
    if (target.toLowerCase() === 'xml') {
      const leading = this.text.slice(0, start).replace(/^\ufeff/, '');
      if (leading.length > 0) this.error({ start, end: n }, 'The XML declaration is only allowed at the very start of the file');
    } else if (target.length === 0) this.error({ start, end: start + 2 }, 'Processing instruction has no target name');
    if (close < 0) {
      this.error({ start, end: n }, 'Processing instruction is not closed: expected ?>');
      this.i = t.length;
    } else this.i = close + 2;
  }

  private readName(): Span {
    const t = this.text;
    const s = this.i;
    while (this.i < t.length && isNameChar(t.charCodeAt(this.i))) this.i++;
    return { start: s, end: this.i };
  }

  private skipSpaces(): boolean {
    const s = this.i;
    while (this.i < this.text.length && isSpace(this.text.charCodeAt(this.i))) this.i++;
    return this.i > s;
  }

  private startTag(): void {
    const start = this.i;
    this.i++;
    const nameStart = this.i;
    const name = this.readNameInterned();
    const nameSpan = { start: nameStart, end: this.i };
    const parent = this.current;
    if (!parent) {
      if (this.sawRoot) this.error(nameSpan, `Only one root element is allowed; <${name}> comes after the end of the root`);
    }
    const depth = this.depthBase + this.stack.length + this.skippedDepth + 1;
    // Read into a reused list, then copied at its exact size: a new [] grows
    // to 16 slots on its first push, 20,000 <host> carried 13 empty ones each.
    const scratch = this.scratch;
    scratch.length = 0;
    this.attrNamesOf = undefined; // pushAttr's name set belonged to the previous tag's use of this list
    this.selfClosing = false;
    const finished = this.attributes(name, scratch);
    const selfClosing = this.selfClosing;
    const attributes = scratch.slice();
    // Spans never change once made (ends are replaced, not edited), so the
    // start tag and the element share one until the end tag is read.
    const tagSpan = { start, end: this.i };
    const el: XmlElement = {
      name,
      nameSpan,
      span: tagSpan,
      startTagSpan: tagSpan,
      endTagSpan: undefined,
      attributes,
      // An empty element shares one frozen empty list: 20,000 <host/> need no 20,000 arrays.
      children: selfClosing ? NO_CHILDREN : [],
      parent,
      selfClosing,
      closed: false,
      text: '',
      textSpan: undefined,
      depth,
    };
    if (!finished) this.error(nameSpan, `Start tag <${name}> is not finished: expected '>' or '/>'`);

    const tooDeep = depth > MAX_DEPTH;
    if (tooDeep || this.skippedDepth > 0) {
      if (!this.reportedDepth) {
        this.reportedDepth = true;
        this.error(nameSpan, `Elements are nested deeper than ${MAX_DEPTH} levels (libxml2's limit); the content below is not checked`);
      }
      if (!el.selfClosing && finished) this.skippedDepth++;
      return;
    }
    if (parent) parent.children.push(el);
    else if (!this.sawRoot) {
      this.root = el;
      this.sawRoot = true;
    }
    if (el.selfClosing) el.closed = true;
    else if (finished) this.stack.push(el);
    else el.closed = false;
  }

  private readonly scratch: XmlAttribute[] = [];

  /** Set by attributes() when the tag ends with '/>'. */
  private selfClosing = false;

  /** Recently read names, so that 20,000 `<host mac= name= ip=>` share their name strings. */
  private readonly names: (string | undefined)[] = new Array(256);

  /** readName() as a string, reusing an equal name read before when there is one. */
  private readNameInterned(): string {
    const t = this.text;
    const s = this.i;
    while (this.i < t.length && isNameChar(t.charCodeAt(this.i))) this.i++;
    const len = this.i - s;
    if (len === 0 || len > 32) return t.slice(s, this.i);
    const slot = (len * 31 + t.charCodeAt(s) * 7 + t.charCodeAt(this.i - 1)) & 255;
    const known = this.names[slot];
    if (known !== undefined && known.length === len && t.startsWith(known, s)) return known;
    const name = t.slice(s, this.i);
    this.names[slot] = name;
    return name;
  }

  /** Reads attributes up to and including `>` or `/>`. Returns false when the tag is unfinished. */
  private attributes(elName: string, list: XmlAttribute[]): boolean {
    const t = this.text;
    for (;;) {
      const hadSpace = this.skipSpaces();
      if (this.i >= t.length) return false;
      const c = t.charCodeAt(this.i);
      if (c === 62 /* > */) {
        this.i++;
        return true;
      }
      if (c === 47 /* / */ && t.charCodeAt(this.i + 1) === 62) {
        this.i += 2;
        this.selfClosing = true;
        return true;
      }
      if (c === 60 /* < */) return false; // a new tag starts: this one was left unfinished
      if (!isNameStart(c)) {
        const s = this.i;
        while (this.i < t.length && !isSpace(t.charCodeAt(this.i)) && t[this.i] !== '>' && t[this.i] !== '<' && !t.startsWith('/>', this.i)) this.i++;
        this.error({ start: s, end: this.i }, `Unexpected '${t.slice(s, Math.min(this.i, s + 20))}' in the tag <${elName}>: expected an attribute name, '>' or '/>'`);
        continue;
      }
      // Offsets, not a span object: one per attribute is needed only for an error.
      const nameStart = this.i;
      const name = this.readNameInterned();
      const nameEnd = this.i;
      if (!hadSpace) this.error({ start: nameStart, end: nameEnd }, `Attributes must be separated by whitespace (before '${name}')`);
      this.skipSpaces();
      if (t.charCodeAt(this.i) !== 61 /* = */) {
        this.error({ start: nameStart, end: nameEnd }, `Attribute '${name}' has no value: write ${name}="…"`);
        this.pushAttr(list, elName, new XmlAttribute(name, nameStart, undefined, -1, -1, nameEnd));
        continue;
      }
      this.i++;
      this.skipSpaces();
      const q = t.charCodeAt(this.i);
      if (q !== 34 && q !== 39) {
        const vs = this.i;
        while (this.i < t.length && !isSpace(t.charCodeAt(this.i)) && t[this.i] !== '>' && t[this.i] !== '<' && !t.startsWith('/>', this.i)) this.i++;
        this.error(vs === this.i ? { start: nameStart, end: nameEnd } : { start: vs, end: this.i }, `The value of attribute '${name}' must be in quotes`);
        this.pushAttr(list, elName, new XmlAttribute(name, nameStart, t.slice(vs, this.i), vs, this.i, this.i));
        continue;
      }
      const vs = this.i + 1;
      // One pass over the value: find the closing quote, note '&', '<' and forbidden characters.
      let k = vs;
      let amp = false;
      let bad = false;
      let c2 = 0;
      for (; k < t.length; k++) {
        c2 = t.charCodeAt(k);
        if (c2 === q || c2 === 60) break;
        if (c2 === 38) amp = true;
        else if (c2 < 32 && isForbiddenChar(c2)) bad = true;
      }
      if (k >= t.length || c2 === 60) {
        // Missing closing quote (typical while typing): stop the value at the
        // end of the line or before the next tag, whichever comes first.
        let close = k;
        const nl = t.indexOf('\n', vs);
        if (nl >= 0 && nl < close) close = nl;
        const raw = t.slice(vs, close);
        this.error({ start: this.i, end: close }, `The value of attribute '${name}' is missing its closing quote`);
        this.pushAttr(list, elName, new XmlAttribute(name, nameStart, this.decode(raw, vs), vs, close, close));
        this.i = close;
        return false;
      }
      const raw = t.slice(vs, k);
      this.pushAttr(list, elName, new XmlAttribute(name, nameStart, amp || bad ? this.decode(raw, vs) : raw, vs, k, k + 1));
      this.i = k + 1;
    }
  }

  /** Attribute names of the start tag being read, once it has many (a scan per attribute would be quadratic). */
  private attrNames: Set<string> | undefined;
  private attrNamesOf: XmlAttribute[] | undefined;

  private pushAttr(list: XmlAttribute[], elName: string, a: XmlAttribute): void {
    let repeated = false;
    if (list.length < 8) {
      for (let k = 0; k < list.length; k++) if (list[k].name === a.name) repeated = true;
    } else {
      if (this.attrNamesOf !== list) {
        this.attrNamesOf = list;
        this.attrNames = new Set(list.map((x) => x.name));
      }
      repeated = this.attrNames!.has(a.name);
      this.attrNames!.add(a.name);
    }
    if (repeated) this.error(a.nameSpan, `Attribute '${a.name}' is repeated in <${elName}>`);
    list.push(a);
  }

  private endTag(): void {
    const t = this.text;
    const start = this.i;
    this.i += 2;
    const nameSpan = this.readName();
    const name = t.slice(nameSpan.start, nameSpan.end);
    this.skipSpaces();
    let tagEnd: number;
    if (t.charCodeAt(this.i) === 62) {
      this.i++;
      tagEnd = this.i;
    } else {
      this.error(nameSpan.start === nameSpan.end ? { start, end: start + 2 } : nameSpan, `End tag </${name}> is not finished: expected '>'`);
      tagEnd = this.i;
    }
    if (this.skippedDepth > 0) {
      this.skippedDepth--;
      return;
    }
    const endTagSpan = { start, end: tagEnd };
    let k = this.stack.length - 1;
    while (k >= 0 && this.stack[k].name !== name) k--;
    if (k < 0) {
      const cur = this.current;
      this.error(
        nameSpan.start === nameSpan.end ? { start, end: tagEnd } : nameSpan,
        cur ? `Unexpected end tag </${name}>: the open element is <${cur.name}>` : `Unexpected end tag </${name}>: no element is open`,
      );
      return;
    }
    // Close the elements left open between the match and the top of the stack.
    for (let j = this.stack.length - 1; j > k; j--) {
      const open = this.stack[j];
      this.error(open.nameSpan, `<${open.name}> is not closed: expected </${open.name}> before </${name}>`);
      open.span = { start: open.span.start, end: start };
      open.closed = false;
    }
    const el = this.stack[k];
    this.stack.length = k;
    el.endTagSpan = endTagSpan;
    el.span = { start: el.span.start, end: tagEnd };
    el.closed = true;
  }

  private charData(): void {
    const t = this.text;
    const start = this.i;
    let end = t.indexOf('<', start);
    if (end < 0) end = t.length;
    this.i = end;
    const cur = this.current;
    const raw = t.slice(start, end);
    if (!cur) {
      const m = /\S/.exec(raw);
      if (m) {
        const s = start + m.index;
        this.error({ start: s, end: s + Math.min(raw.trimEnd().length - m.index, 40) }, this.sawRoot ? 'Text after the root element' : 'Text before the root element');
      }
      this.checkChars(raw, start);
      return;
    }
    if (this.skippedDepth > 0) return;
    this.addText(cur, this.decode(raw, start), start, end);
  }

  /**
   * Text pieces of elements that have more than one, joined at the end of
   * the parse: `+=` on each of the 20,000 pieces of whitespace between
   * <host> children built a 20,000-deep chain of strings.
   */
  private readonly textParts = new Map<XmlElement, string[]>();

  private addText(el: XmlElement, decoded: string, start: number, end: number): void {
    if (el.text === '') el.text = decoded;
    else {
      const parts = this.textParts.get(el);
      if (parts) parts.push(decoded);
      else this.textParts.set(el, [el.text, decoded]);
    }
    // Trim by scanning (no copies): the whitespace between 20,000 children is text too.
    const t = this.text;
    let a = start;
    while (a < end && isTrimmable(t.charCodeAt(a))) a++;
    if (a === end) return;
    let b = end;
    while (b > a && isTrimmable(t.charCodeAt(b - 1))) b--;
    const s = { start: a, end: b };
    el.textSpan = el.textSpan ? { start: el.textSpan.start, end: s.end } : s;
  }

  private checkChars(raw: string, base: number): void {
    for (let k = 0; k < raw.length; k++) {
      if (isForbiddenChar(raw.charCodeAt(k))) {
        this.error({ start: base + k, end: base + k + 1 }, `Character U+${raw.charCodeAt(k).toString(16).toUpperCase().padStart(4, '0')} is not allowed in XML`);
        return;
      }
    }
  }

  /** Decodes entity and character references in attribute values and text; reports bad ones. */
  private decode(raw: string, base: number): string {
    this.checkChars(raw, base);
    if (raw.indexOf('&') < 0) return raw;
    let out = '';
    let k = 0;
    while (k < raw.length) {
      const amp = raw.indexOf('&', k);
      if (amp < 0) {
        out += raw.slice(k);
        break;
      }
      out += raw.slice(k, amp);
      const semi = raw.indexOf(';', amp);
      const ref = semi > amp && semi - amp < 40 ? raw.slice(amp + 1, semi) : undefined;
      const refSpan = { start: base + amp, end: base + (semi > amp && ref !== undefined ? semi + 1 : amp + 1) };
      if (ref === undefined || ref.length === 0) {
        this.error(refSpan, "'&' must start an entity reference; write &amp; for a literal '&'");
        out += '&';
        k = amp + 1;
        continue;
      }
      if (ref.startsWith('#')) {
        const hex = ref[1] === 'x';
        const digits = ref.slice(hex ? 2 : 1);
        const code = /^[0-9a-fA-F]+$/.test(digits) && (hex || /^\d+$/.test(digits)) ? parseInt(digits, hex ? 16 : 10) : NaN;
        if (!Number.isFinite(code) || code > 0x10ffff || isForbiddenChar(code) || (code >= 0xd800 && code <= 0xdfff)) {
          this.error(refSpan, `Invalid character reference &${ref};`);
        } else out += String.fromCodePoint(code);
      } else if (ref in PREDEFINED) out += PREDEFINED[ref];
      else if (this.declared.includes(ref)) out += `&${ref};`;
      else this.error(refSpan, `Unknown entity &${ref}; (only &lt; &gt; &amp; &quot; &apos; are defined)`);
      k = semi + 1;
    }
    return out;
  }
}

// ---- small tree helpers used across the service ----

export function attr(el: XmlElement, name: string): XmlAttribute | undefined {
  for (const a of el.attributes) if (a.name === name) return a;
  return undefined;
}

export function attrValue(el: XmlElement, name: string): string | undefined {
  return attr(el, name)?.value;
}

export function child(el: XmlElement, name: string): XmlElement | undefined {
  for (const c of el.children) if (c.name === name) return c;
  return undefined;
}

export function children(el: XmlElement, name: string): XmlElement[] {
  return el.children.filter((c) => c.name === name);
}

/** Innermost element whose span contains `offset`. */
export function elementAt(root: XmlElement | undefined, offset: number): XmlElement | undefined {
  let found: XmlElement | undefined;
  let cur = root;
  while (cur && offset >= cur.span.start && offset <= cur.span.end) {
    found = cur;
    cur = cur.children.find((c) => offset >= c.span.start && offset <= c.span.end);
  }
  return found;
}
