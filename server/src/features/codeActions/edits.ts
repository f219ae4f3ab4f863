/**
 * Building blocks of the quick fixes: where a diagnostic points in the
 * tree, minimal text edits that keep the document's indentation and line
 * endings, and the CodeAction wrapper.
 */
import type { CodeAction, Diagnostic, TextEdit } from 'vscode-languageserver-types';
import { toRange } from '../../parse/lineIndex';
import type { Span } from '../../parse/span';
import type { XmlAttribute, XmlElement } from '../../parse/xml';
import type { FeatureContext } from '../context';

/** One replacement in the document under fix, in offsets. */
export interface Edit {
  readonly span: Span;
  readonly newText: string;
}

/** What a fix provider receives: the context, the diagnostic and its span in offsets. */
export interface FixInput {
  readonly ctx: FeatureContext;
  readonly diagnostic: Diagnostic;
  readonly span: Span;
}

export type FixProvider = (input: FixInput) => CodeAction[];

export function quickFix(input: FixInput, title: string, edits: readonly Edit[], isPreferred = false): CodeAction {
  const li = input.ctx.doc.lineIndex;
  const changes: TextEdit[] = [...edits].sort((a, b) => a.span.start - b.span.start).map((e) => ({ range: toRange(li, e.span), newText: e.newText }));
  const action: CodeAction = { title, kind: 'quickfix', diagnostics: [input.diagnostic], edit: { changes: { [input.ctx.doc.uri]: changes } } };
  if (isPreferred) action.isPreferred = true;
  return action;
}

export function replace(span: Span, newText: string): Edit {
  return { span, newText };
}

// ---------------------------------------------------------------- locating

export type Located =
  | { readonly part: 'name'; readonly el: XmlElement }
  | { readonly part: 'text'; readonly el: XmlElement }
  | { readonly part: 'attr-name' | 'attr-value'; readonly el: XmlElement; readonly attr: XmlAttribute };

const same = (a: Span | undefined, b: Span) => !!a && a.start === b.start && a.end === b.end;

/** The element name, element text or attribute a diagnostic's span is exactly on. */
export function locate(ctx: FeatureContext, span: Span): Located | undefined {
  let el = ctx.doc.xml?.root;
  while (el) {
    if (same(el.nameSpan, span)) return { part: 'name', el };
    if (same(el.textSpan, span)) return { part: 'text', el };
    if (span.start <= el.startTagSpan.end) {
      for (const a of el.attributes) {
        if (same(a.valueSpan, span)) return { part: 'attr-value', el, attr: a };
        if (same(a.nameSpan, span)) return { part: 'attr-name', el, attr: a };
      }
    }
    el = el.children.find((c) => c.span.start <= span.start && span.start < Math.max(c.span.end, c.span.start + 1));
  }
  return undefined;
}

// ---------------------------------------------------------------- layout

export function eol(text: string): string {
  return text.includes('\r\n') ? '\r\n' : '\n';
}

function lineStart(text: string, offset: number): number {
  let i = offset;
  while (i > 0 && text[i - 1] !== '\n' && text[i - 1] !== '\r') i--;
  return i;
}

/** The whitespace before the first character of the line holding `offset`. */
export function indentAt(text: string, offset: number): string {
  const s = lineStart(text, offset);
  let e = s;
  while (e < text.length && (text[e] === ' ' || text[e] === '\t')) e++;
  return text.slice(s, e);
}

/** True when only blanks precede `offset` on its line. */
function firstOnLine(text: string, offset: number): boolean {
  return /^[ \t]*$/.test(text.slice(lineStart(text, offset), offset));
}

/** The document's indentation step: the most common increase between an element and its first child. */
export function indentUnit(ctx: FeatureContext): string {
  const text = ctx.doc.text;
  const counts = new Map<string, number>();
  const visit = (el: XmlElement, depth: number) => {
    if (depth > 4) return;
    const c = el.children[0];
    if (c && firstOnLine(text, c.span.start) && firstOnLine(text, el.span.start)) {
      const p = indentAt(text, el.span.start);
      const q = indentAt(text, c.span.start);
      if (q.length > p.length && q.startsWith(p)) {
        const step = q.slice(p.length);
        counts.set(step, (counts.get(step) ?? 0) + 1);
      }
    }
    for (const k of el.children) visit(k, depth + 1);
  };
  if (ctx.doc.xml?.root) visit(ctx.doc.xml.root, 0);
  let best = '  ';
  let n = 0;
  for (const [s, k] of counts) if (k > n) [best, n] = [s, k];
  return best;
}

/** The indentation of `el`'s children: that of an existing child, else the parent's plus one step. */
export function childIndent(ctx: FeatureContext, el: XmlElement): string {
  const text = ctx.doc.text;
  const c = el.children.find((k) => firstOnLine(text, k.span.start));
  if (c) return indentAt(text, c.span.start);
  return indentAt(text, el.span.start) + indentUnit(ctx);
}

/**
 * Deletes an element. When it stands alone on its lines the whole lines go
 * (no blank line left behind); otherwise the element and the blanks before
 * it on its line. A parent left with nothing but blanks becomes `<parent …/>`.
 */
export function removeElement(ctx: FeatureContext, el: XmlElement): Edit {
  const text = ctx.doc.text;
  const parent = el.parent;
  if (parent && parent.endTagSpan && parent.children.length === 1) {
    const inner = { start: parent.startTagSpan.end, end: parent.endTagSpan.start };
    const rest = text.slice(inner.start, el.span.start) + text.slice(el.span.end, inner.end);
    if (/^\s*$/.test(rest) && text[parent.startTagSpan.end - 1] === '>' && !parent.selfClosing) {
      // `<forward mode='route'>…</forward>` → `<forward mode='route'/>`
      return { span: { start: parent.startTagSpan.end - 1, end: parent.endTagSpan.end }, newText: '/>' };
    }
  }
  let start = el.span.start;
  let end = el.span.end;
  let after = end;
  while (after < text.length && (text[after] === ' ' || text[after] === '\t')) after++;
  const alone = firstOnLine(text, start) && (after === text.length || text[after] === '\n' || text[after] === '\r');
  if (alone) {
    start = lineStart(text, start);
    end = after;
    if (text.startsWith('\r\n', end)) end += 2;
    else if (end < text.length) end += 1;
  } else {
    while (start > 0 && (text[start - 1] === ' ' || text[start - 1] === '\t')) start--;
  }
  return { span: { start, end }, newText: '' };
}

/** Deletes an attribute and the blanks before it. */
export function removeAttribute(ctx: FeatureContext, a: XmlAttribute): Edit {
  const text = ctx.doc.text;
  let start = a.span.start;
  while (start > 0 && /\s/.test(text[start - 1])) start--;
  return { span: { start, end: a.span.end }, newText: '' };
}

/** Inserts lines (already relatively indented with `unit`) after `el`, at `el`'s indentation. */
export function insertAfter(ctx: FeatureContext, el: XmlElement, lines: readonly string[]): Edit {
  const text = ctx.doc.text;
  const nl = eol(text);
  const indent = indentAt(text, el.span.start);
  return { span: { start: el.span.end, end: el.span.end }, newText: lines.map((l) => nl + indent + l).join('') };
}

/** Inserts lines as the last children of `parent` (which must have an end tag). */
export function insertLastChild(ctx: FeatureContext, parent: XmlElement, lines: readonly string[]): Edit | undefined {
  const last = parent.children[parent.children.length - 1];
  if (last) return insertAfter(ctx, last, lines);
  if (!parent.endTagSpan) return undefined;
  const text = ctx.doc.text;
  const nl = eol(text);
  const indent = childIndent(ctx, parent);
  const at = parent.startTagSpan.end;
  const closeOnOwnLine = firstOnLine(text, parent.endTagSpan.start);
  return {
    span: { start: at, end: at },
    newText: lines.map((l) => nl + indent + l).join('') + (closeOnOwnLine ? '' : nl + indentAt(text, parent.span.start)),
  };
}

/** Replaces a start tag's and end tag's name. */
export function renameElement(el: XmlElement, name: string): Edit[] {
  const out: Edit[] = [{ span: el.nameSpan, newText: name }];
  if (el.endTagSpan && !el.selfClosing) out.push({ span: { start: el.endTagSpan.start + 2, end: el.endTagSpan.start + 2 + el.name.length }, newText: name });
  return out;
}

/** Quotes a value with the quote character the element already uses. */
export function quoteOf(ctx: FeatureContext, el: XmlElement | undefined): string {
  const a = el?.attributes.find((x) => x.valueSpan);
  if (a?.valueSpan) return ctx.doc.text[a.valueSpan.start - 1] === '"' ? '"' : "'";
  const text = ctx.doc.text;
  const single = (text.match(/='/g) ?? []).length;
  const double = (text.match(/="/g) ?? []).length;
  return double > single ? '"' : "'";
}
