/**
 * Folding ranges: every element that spans several lines folds from its
 * start tag to the line before its end tag (the end tag stays visible, as
 * in VS Code's HTML support); a self-closing tag written over several
 * lines folds to its last line; multi-line comments fold as kind comment.
 * Works on any XML the parser reads, libvirt or not.
 */
import { FoldingRangeKind, type FoldingRange } from 'vscode-languageserver-types';
import type { XmlElement } from '../parse/xml';
import type { FeatureContext } from './context';
import { netplanFolding } from './netplan';
import { ifupdownFolding } from './ifupdown';

export function foldingRanges(ctx: FeatureContext): FoldingRange[] {
  if (ctx.doc.format === 'netplan') return netplanFolding(ctx);
  if (ctx.doc.format === 'ifupdown') return ifupdownFolding(ctx);
  const xml = ctx.doc.xml;
  if (!xml) return [];
  const li = ctx.doc.lineIndex;
  const out: FoldingRange[] = [];
  const stack: XmlElement[] = xml.root ? [xml.root] : [];
  while (stack.length) {
    const el = stack.pop()!;
    const startLine = li.positionAt(el.span.start).line;
    let endLine: number;
    if (el.endTagSpan) endLine = li.positionAt(el.endTagSpan.start).line - 1;
    else endLine = li.positionAt(el.span.end).line;
    if (endLine > startLine) out.push({ startLine, endLine });
    for (let i = el.children.length - 1; i >= 0; i--) stack.push(el.children[i]);
  }
  for (const c of xml.comments) {
    const startLine = li.positionAt(c.span.start).line;
    const endLine = li.positionAt(c.span.end).line;
    if (endLine > startLine) out.push({ startLine, endLine, kind: FoldingRangeKind.Comment });
  }
  out.sort((a, b) => a.startLine - b.startLine || b.endLine - a.endLine);
  return out;
}
