/**
 * Where the cursor is in a netplan YAML file, read from the text by
 * indentation, so that it works in half-typed YAML the parser cannot make
 * sense of yet (a line `    dhc|`, a key with no value, a list item just
 * started). Only block style is followed; a flow list on the key's own line
 * (`interfaces: [ a, | ]`) is recognised for its items.
 *
 * A path is a list of keys and `[]` (an item of a list), from the document
 * root: `['network', 'bridges', 'br0', 'routes', '[]', 'via']`.
 */

export type PathSeg = string;
export const ITEM = '[]';

export interface YamlLine {
  /** Offset of the line start and end (without the line break). */
  readonly start: number;
  readonly end: number;
  readonly text: string;
  /** Leading spaces. */
  readonly indent: number;
  /** Column of a leading `- `, if the line is a list item. */
  readonly dash?: number;
  /** Column where the line's content starts after an optional dash. */
  readonly col: number;
  /** `key:` on the line (after the dash), if any. */
  readonly key?: string;
  /** Column just after the colon of that key. */
  readonly colonEnd?: number;
  /** Blank or comment only. */
  readonly blank: boolean;
}

const KEY = /^((?:"[^"]*"|'[^']*'|[^\s#:'"[\]{},][^#:]*?|[^\s#'"[\]{},]))\s*:(?=\s|$)/;

export function splitLines(text: string): YamlLine[] {
  const out: YamlLine[] = [];
  let pos = 0;
  while (pos <= text.length) {
    let nl = text.indexOf('\n', pos);
    if (nl < 0) nl = text.length;
    let end = nl;
    if (end > pos && text[end - 1] === '\r') end--;
    out.push(lineOf(text.slice(pos, end), pos));
    if (nl >= text.length) break;
    pos = nl + 1;
  }
  return out;
}

export function lineOf(raw: string, start: number): YamlLine {
  let indent = 0;
  while (indent < raw.length && raw[indent] === ' ') indent++;
  const rest = raw.slice(indent);
  const blank = rest === '' || rest.startsWith('#');
  let dash: number | undefined;
  let col = indent;
  const dm = /^-(\s+|$)/.exec(rest);
  if (dm) {
    dash = indent;
    col = indent + dm[0].length;
    // `-` alone: its content column is where a key would go (dash + 2).
    if (dm[1] === '') col = indent + 2;
  }
  const content = raw.slice(col);
  const km = KEY.exec(content);
  let key: string | undefined;
  let colonEnd: number | undefined;
  if (km) {
    key = km[1].replace(/^(["'])(.*)\1$/, '$2');
    colonEnd = col + km[0].length;
  }
  return { start, end: start + raw.length, text: raw, indent, dash, col, key, colonEnd, blank };
}

/** The index of the line holding `offset`. */
export function lineAt(lines: readonly YamlLine[], offset: number): number {
  let lo = 0;
  let hi = lines.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (lines[mid].start <= offset) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

/**
 * The path of the mapping (or list) that contains something written at
 * column `col` on line `index`: the keys of the lines above it with less
 * indentation. `inItem` says that the thing at `col` is itself inside a
 * list item introduced on line `index` (its dash is left of `col`).
 */
export function containerPath(lines: readonly YamlLine[], index: number, col: number): PathSeg[] {
  const path: PathSeg[] = [];
  let limit = col;
  // After a list item, the key owning the list may sit at the dash's own column.
  let seqMode = false;
  const here = lines[index];
  if (here && here.dash !== undefined && here.dash < col) {
    path.unshift(ITEM);
    limit = here.dash;
    seqMode = true;
  }
  for (let i = index - 1; i >= 0 && limit > 0; i--) {
    const l = lines[i];
    if (l.blank) continue;
    if (seqMode && l.dash !== undefined && l.dash === limit) continue; // a sibling item of the same list
    if (!seqMode && l.dash !== undefined && l.dash < limit && l.col === limit) {
      // The first line of the list item whose mapping we are in (`- to: x` above `  via:`).
      path.unshift(ITEM);
      limit = l.dash;
      seqMode = true;
      continue;
    }
    if (l.key !== undefined && (l.col < limit || (seqMode && l.col === limit && l.dash === undefined))) {
      path.unshift(l.key);
      if (l.dash !== undefined) {
        path.unshift(ITEM);
        limit = l.dash;
        seqMode = true;
      } else {
        limit = l.col;
        seqMode = false;
      }
      continue;
    }
    if (l.dash !== undefined && l.dash < limit && l.key === undefined) {
      // A scalar list item above, less indented: cannot contain us; stop looking deeper.
      limit = l.dash;
      seqMode = true;
      continue;
    }
    if (l.indent < limit && l.key === undefined && l.dash === undefined) {
      // A plain scalar line with less indentation (a continuation): skip it.
      continue;
    }
  }
  return path;
}

/** Keys written at column `col` in the same mapping as line `index` (above and below). */
export function siblingKeys(lines: readonly YamlLine[], index: number, col: number): string[] {
  const out: string[] = [];
  const here = lines[index];
  const itemDash = here && here.dash !== undefined && here.dash < col ? here.dash : undefined;
  const scan = (from: number, step: number) => {
    for (let i = from; i >= 0 && i < lines.length; i += step) {
      const l = lines[i];
      if (l.blank) continue;
      if (l.dash !== undefined && l.dash < col) {
        // Going up: the first line of our own list item (its key is a sibling); going down: the next item.
        if (step < 0 && l.col === col && l.key !== undefined) out.push(l.key);
        break;
      }
      if (l.indent < col) break;
      if (l.indent === col && l.key !== undefined) out.push(l.key);
    }
  };
  if (here && itemDash === undefined) scan(index - 1, -1);
  scan(index + 1, 1);
  return out;
}

/** What is being typed at `offset`. */
export type YamlSituation =
  | { kind: 'key'; path: PathSeg[]; partial: string; replace: { start: number; end: number }; col: number; siblings: string[]; lineIndex: number; itemStart: boolean }
  | { kind: 'value'; path: PathSeg[]; partial: string; replace: { start: number; end: number }; flowItems?: string[] }
  | { kind: 'none' };

export function situationAt(text: string, offset: number): YamlSituation {
  const lines = splitLines(text);
  const li = lineAt(lines, offset);
  const line = lines[li];
  const before = text.slice(line.start, offset);
  const after = text.slice(offset, line.end);
  if (/#/.test(before.replace(/"[^"]*"|'[^']*'/g, ''))) return { kind: 'none' };
  const wordAfter = /^[^\s:,\]}#]*/.exec(after)![0];
  const here = lineOf(before, line.start);

  // `key: partial` — a value on the key's line (scalar or flow list).
  if (here.key !== undefined && here.colonEnd !== undefined && before.length >= here.colonEnd) {
    const valueText = before.slice(here.colonEnd);
    const containing = containerPath(lines, li, here.col);
    const path = [...containing, here.key];
    const flow = /^\s*\[([^\]]*)$/.exec(valueText);
    if (flow) {
      const parts = flow[1].split(',');
      const partial = parts[parts.length - 1].trimStart();
      const items = parts.slice(0, -1).map((s) => s.trim()).filter(Boolean);
      return { kind: 'value', path: [...path, ITEM], partial, replace: { start: offset - partial.length, end: offset + wordAfter.length }, flowItems: items };
    }
    if (/[[\]{}]/.test(valueText)) return { kind: 'none' };
    const partial = valueText.trimStart();
    return { kind: 'value', path, partial, replace: { start: offset - partial.length, end: offset + wordAfter.length } };
  }
  // A key being typed, or a scalar list item.
  const rest = before.slice(here.col);
  if (!/^[^\s:#'"[\]{},]*$/.test(rest)) return { kind: 'none' };
  const col = here.col;
  const replace = { start: offset - rest.length, end: offset + wordAfter.length };
  if (here.dash !== undefined) {
    // `- partial`: either a scalar item of a list, or the first key of a mapping item.
    const path = containerPath(lines, li, col);
    return { kind: 'key', path, partial: rest, replace, col, siblings: siblingKeys(lines, li, col), lineIndex: li, itemStart: true };
  }
  const path = containerPath(lines, li, col);
  return { kind: 'key', path, partial: rest, replace, col, siblings: siblingKeys(lines, li, col), lineIndex: li, itemStart: false };
}
