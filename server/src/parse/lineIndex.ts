import type { Range } from 'vscode-languageserver-types';
import type { Span } from './span';

/**
 * Maps offsets to LSP positions (0-based line, UTF-16 character) for one text.
 * Built once per document version; lookups are a binary search.
 */
export class LineIndex {
  private readonly lineStarts: number[];

  constructor(readonly text: string) {
    const starts = [0];
    if (text.indexOf('\r') < 0) {
      // LF only (the usual case): indexOf scans far faster than a loop over code units.
      for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) starts.push(i + 1);
      this.lineStarts = starts;
      return;
    }
    for (let i = 0; i < text.length; i++) {
      const c = text.charCodeAt(i);
      if (c === 10 /* \n */) starts.push(i + 1);
      else if (c === 13 /* \r */) {
        if (text.charCodeAt(i + 1) === 10) i++;
        starts.push(i + 1);
      }
    }
    this.lineStarts = starts;
  }

  /**
   * The index of `text`, made from `prev` (the index of the text before one
   * edit: old [start, oldEnd) became new [start, newEnd)) by moving the line
   * starts after the edit instead of scanning the whole text. LF-only texts;
   * otherwise (or when `prev` is of another text) a fresh index.
   */
  static edited(prev: LineIndex, text: string, edit: { readonly start: number; readonly oldEnd: number; readonly newEnd: number }): LineIndex {
    const delta = edit.newEnd - edit.oldEnd;
    if (prev.text.length + delta !== text.length || prev.text.indexOf('\r') >= 0 || text.indexOf('\r') >= 0) return new LineIndex(text);
    const old = prev.lineStarts;
    const starts: number[] = [];
    let i = 0;
    for (; i < old.length && old[i] <= edit.start; i++) starts.push(old[i]);
    for (let p = text.indexOf('\n', edit.start); p >= 0 && p < edit.newEnd; p = text.indexOf('\n', p + 1)) starts.push(p + 1);
    for (; i < old.length; i++) if (old[i] > edit.oldEnd) starts.push(old[i] + delta);
    const li = Object.create(LineIndex.prototype) as LineIndex;
    (li as { text: string }).text = text;
    (li as unknown as { lineStarts: number[] }).lineStarts = starts;
    return li;
  }

  get lineCount(): number {
    return this.lineStarts.length;
  }

  positionAt(offset: number): { line: number; character: number } {
    const o = Math.max(0, Math.min(offset, this.text.length));
    let lo = 0;
    let hi = this.lineStarts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (this.lineStarts[mid] <= o) lo = mid;
      else hi = mid - 1;
    }
    return { line: lo, character: o - this.lineStarts[lo] };
  }

  offsetAt(position: { line: number; character: number }): number {
    if (position.line < 0) return 0;
    if (position.line >= this.lineStarts.length) return this.text.length;
    const start = this.lineStarts[position.line];
    const next = position.line + 1 < this.lineStarts.length ? this.lineStarts[position.line + 1] : this.text.length;
    return Math.min(start + Math.max(0, position.character), next);
  }
}

/** The one conversion from a `Span` to an LSP `Range`. */
export function toRange(index: LineIndex, s: Span): Range {
  return { start: index.positionAt(s.start), end: index.positionAt(s.end) };
}
