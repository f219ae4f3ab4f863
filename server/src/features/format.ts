/**
 * Formatting: re-indents lines by element nesting, and nothing else.
 *
 * Decisions (conservative: a formatter must never change what libvirt reads):
 * - Only the leading whitespace of a line changes. Line breaks are never
 *   added or removed, so elements already on one line stay there, and
 *   attribute order, values, quotes, text and comment content are
 *   untouched. Blank lines are kept as they are (runs are not collapsed:
 *   people use them to group parts of a file) and trailing whitespace is
 *   left alone.
 * - A line is re-indented when it starts with a start tag, an end tag or a
 *   comment in element-only content: its indent becomes the nesting depth
 *   times one unit (options.tabSize spaces, or a tab). Whitespace inside an
 *   element with text of its own (e.g. `<name>\n  x\n</name>`) is text, so
 *   those lines are left alone.
 * - Continuation lines of a start tag written over several lines keep their
 *   alignment relative to the tag's first line (they move with it).
 * - Lines inside comments, CDATA, attribute values, the XML declaration or a
 *   DOCTYPE are never touched.
 * - A document with XML syntax errors is not formatted at all ([]).
 * - Edits are minimal: one per line whose indentation changes. With a
 *   range, only lines that the range touches are changed.
 */
import type { FormattingOptions, TextEdit } from 'vscode-languageserver-types';
import { toRange } from '../parse/lineIndex';
import type { Span } from '../parse/span';
import type { XmlElement } from '../parse/xml';
import type { FeatureContext } from './context';

interface Anchor {
  /** Nesting level of what starts here (0 for the root). */
  readonly level: number;
  /** The element whose content holds the line break before this anchor (undefined at top level). */
  readonly container: XmlElement | undefined;
  /** For start tags: the tag's span, to move its continuation lines along. */
  readonly tag?: Span;
}

function isWs(c: number): boolean {
  return c === 32 || c === 9;
}

export function format(ctx: FeatureContext, options: FormattingOptions, range?: Span): TextEdit[] {
  const xml = ctx.doc.xml;
  if (!xml || !xml.root || xml.errors.length > 0) return [];
  const text = ctx.doc.text;
  const li = ctx.doc.lineIndex;
  const unit = options.insertSpaces ? ' '.repeat(Math.max(0, options.tabSize)) : '\t';

  // Offsets where a start tag, end tag or comment begins, with their level.
  const anchors = new Map<number, Anchor>();
  const stack: XmlElement[] = [xml.root];
  while (stack.length) {
    const el = stack.pop()!;
    const level = el.depth - 1;
    anchors.set(el.span.start, { level, container: el.parent, tag: el.startTagSpan });
    if (el.endTagSpan) anchors.set(el.endTagSpan.start, { level, container: el });
    for (const c of el.children) stack.push(c);
  }
  for (const c of xml.comments) {
    const container = innermost(xml.root, c.span.start);
    anchors.set(c.span.start, { level: container ? container.depth : 0, container });
  }

  let firstLine = 0;
  let lastLine = li.lineCount - 1;
  if (range) {
    firstLine = li.positionAt(range.start).line;
    const end = li.positionAt(range.end);
    lastLine = end.character === 0 && range.end > range.start ? end.line - 1 : end.line;
  }

  // Whether an element's own text is only whitespace, once per element (the text of a 20,000-host <dhcp> is long).
  const textless = new Map<XmlElement, boolean>();
  const elementOnly = (el: XmlElement): boolean => {
    let v = textless.get(el);
    if (v === undefined) textless.set(el, (v = !/\S/.test(el.text)));
    return v;
  };

  const edits: TextEdit[] = [];
  /** New indentation of the first line of the start tag we are inside, for continuation lines. */
  let tagShift: { tag: Span; oldIndent: string; newIndent: string } | undefined;
  for (let line = 0; line < li.lineCount; line++) {
    const start = li.offsetAt({ line, character: 0 });
    let p = start;
    while (p < text.length && isWs(text.charCodeAt(p))) p++;
    const c = text.charCodeAt(p);
    if (p >= text.length || c === 10 || c === 13) continue; // blank line
    const oldIndent = text.slice(start, p);
    let newIndent: string | undefined;
    const a = anchors.get(p);
    if (a) {
      // The whitespace before the anchor must be ignorable (element-only content).
      if (!a.container || elementOnly(a.container)) newIndent = unit.repeat(a.level);
      tagShift = a.tag && li.positionAt(a.tag.end).line > line ? { tag: a.tag, oldIndent, newIndent: newIndent ?? oldIndent } : undefined;
    } else if (tagShift && p > tagShift.tag.start && p < tagShift.tag.end && !insideValue(ctx, p)) {
      // A continuation line of a multi-line start tag: keep its alignment.
      if (oldIndent.startsWith(tagShift.oldIndent)) newIndent = tagShift.newIndent + oldIndent.slice(tagShift.oldIndent.length);
    }
    if (newIndent !== undefined && newIndent !== oldIndent && line >= firstLine && line <= lastLine) {
      edits.push({ range: toRange(li, { start, end: p }), newText: newIndent });
    }
  }
  return edits;
}

/** Innermost element whose content (between its tags) holds `offset`. */
function innermost(root: XmlElement, offset: number): XmlElement | undefined {
  let found: XmlElement | undefined;
  let cur: XmlElement | undefined = root;
  while (cur) {
    const inContent = offset >= cur.startTagSpan.end && (cur.endTagSpan ? offset <= cur.endTagSpan.start : offset <= cur.span.end);
    if (!inContent) break;
    found = cur;
    cur = cur.children.find((ch) => offset >= ch.span.start && offset < ch.span.end);
  }
  return found;
}

/** True when `offset` is inside an attribute value of the element whose start tag holds it. */
function insideValue(ctx: FeatureContext, offset: number): boolean {
  const root = ctx.doc.xml?.root;
  let cur: XmlElement | undefined = root;
  while (cur) {
    if (offset > cur.startTagSpan.start && offset < cur.startTagSpan.end) {
      return cur.attributes.some((a) => a.valueSpan && offset >= a.valueSpan.start && offset <= a.valueSpan.end);
    }
    cur = cur.children.find((ch) => offset >= ch.span.start && offset < ch.span.end);
  }
  return false;
}
