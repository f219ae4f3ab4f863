/**
 * Positions inside a document.
 *
 * Every parser in this folder records positions as `Span`s: UTF-16 code-unit
 * offsets into the document text (the unit JavaScript strings and LSP use),
 * half-open — `start` is the first code unit, `end` is one past the last.
 * An empty span (`start === end`) marks a point, e.g. where something is missing.
 *
 * Conversion to line/character happens in exactly one place: `toRange` in
 * `lineIndex.ts`.
 */
export interface Span {
  readonly start: number;
  readonly end: number;
}

export function span(start: number, end: number): Span {
  return { start, end };
}

export function contains(s: Span, offset: number): boolean {
  return offset >= s.start && offset <= s.end;
}
