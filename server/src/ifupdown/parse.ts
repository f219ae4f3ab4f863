/**
 * A tolerant parser for Debian's /etc/network/interfaces (interfaces(5), as
 * read by ifupdown 0.8) and the files it sources from interfaces.d/.
 *
 * It follows ifupdown's own line reader (config.c):
 * - a physical line whose first non-blank character is `#` is a comment;
 *   comments are only whole lines (a `#` later on a line is part of the value);
 * - a line whose last character is a backslash continues on the next physical
 *   line; the backslash and the line break are dropped and the next line is
 *   appended as it is (so `foo\` + `bar` is the one word `foobar`);
 * - words are separated by blanks; the first word decides what the line is.
 *
 * Never throws: any text (binary included) gives a model. Every keyword,
 * name and value token keeps its `Span` (UTF-16 offsets, half-open).
 */
import type { Span } from '../parse/span';

export interface Token {
  readonly text: string;
  readonly span: Span;
}

/** One option line inside an `iface` or `mapping` stanza (or misplaced outside any). */
export interface OptionLine {
  readonly name: Token;
  /** The name with hyphens as underscores (`bridge-ports` → `bridge_ports`), see `optionKey`. */
  readonly key: string;
  /** The words after the option name, joined by single spaces. */
  readonly value: string;
  /** From the first value word to the end of the last one; empty at the end of the name when there is no value. */
  readonly valueSpan: Span;
  readonly values: readonly Token[];
  /** The whole logical line. */
  readonly span: Span;
  /** 0-based physical line of the option name. */
  readonly line: number;
}

interface StanzaBase {
  /** The first word of the stanza's line (`iface`, `auto`, `allow-hotplug`, …). */
  readonly keyword: Token;
  /** From the keyword to the end of the stanza's last line (its options included). */
  span: Span;
  /** The stanza's first logical line only. */
  readonly headerSpan: Span;
  readonly line: number;
}

export interface IfaceStanza extends StanzaBase {
  readonly kind: 'iface';
  readonly name?: Token;
  /** `inet`, `inet6`, `ipx`, `can` — or absent with `inherits`. */
  readonly family?: Token;
  readonly method?: Token;
  /** The `inherits` keyword, when present. */
  readonly inheritsKeyword?: Token;
  /** The template named after `inherits`. */
  readonly inherits?: Token;
  /** Words on the iface line that ifupdown ignores (with a warning). */
  readonly extra: readonly Token[];
  readonly options: OptionLine[];
}

/** `auto`, `allow-CLASS`, `no-auto-down`, `no-scripts`: a list of interface names. */
export interface ListStanza extends StanzaBase {
  readonly kind: 'auto' | 'allow' | 'no-auto-down' | 'no-scripts';
  /** `auto` for `auto` and `allow-auto`, else the part after `allow-` (e.g. `hotplug`). */
  readonly className?: string;
  readonly names: readonly Token[];
}

export interface SourceStanza extends StanzaBase {
  readonly kind: 'source' | 'source-directory';
  readonly paths: readonly Token[];
}

export interface MappingStanza extends StanzaBase {
  readonly kind: 'mapping';
  readonly patterns: readonly Token[];
  readonly options: OptionLine[];
}

/** `rename CUR=NEW …` (ifupdown ≥ 0.8.11) and anything else ifupdown reads as a stanza keyword. */
export interface OtherStanza extends StanzaBase {
  readonly kind: 'rename';
  readonly args: readonly Token[];
}

export type Stanza = IfaceStanza | ListStanza | SourceStanza | MappingStanza | OtherStanza;

export interface InterfacesModel {
  readonly stanzas: readonly Stanza[];
  readonly ifaces: readonly IfaceStanza[];
  /** `auto` and `allow-*` stanzas. */
  readonly allows: readonly ListStanza[];
  readonly sources: readonly SourceStanza[];
  readonly mappings: readonly MappingStanza[];
  /** Option lines before any `iface`/`mapping` stanza or after a stanza that takes none (ifupdown: "misplaced option"). */
  readonly misplaced: readonly OptionLine[];
  /**
   * Mako template lines (`%for …`, `%endfor`, `<%…`), which ifupdown2 renders
   * before reading the file; classic ifupdown reads them as options. They
   * neither end a stanza nor count as its options.
   */
  readonly templateLines: readonly { readonly span: Span; readonly line: number }[];
  readonly comments: readonly Span[];
  readonly lineCount: number;
}

/** Blanks as C's isspace() sees them, minus the line feed (lines are split first). */
function isBlank(c: number): boolean {
  return c === 32 || c === 9 || c === 13 || c === 11 || c === 12;
}

interface Logical {
  tokens: Token[];
  span: Span;
  line: number;
}

/** Splits the text into logical lines (comments and blank lines dropped) and words. */
function logicalLines(text: string, comments: Span[]): { lines: Logical[]; lineCount: number } {
  const n = text.length;
  const out: Logical[] = [];
  let pos = 0;
  let line = 0;
  // Physical line boundaries, computed lazily.
  const next = (from: number): { start: number; end: number; after: number } => {
    let eol = text.indexOf('\n', from);
    if (eol < 0) eol = n;
    let end = eol;
    if (end > from && text.charCodeAt(end - 1) === 13) end--;
    return { start: from, end, after: eol + 1 };
  };
  while (pos <= n) {
    const phys = next(pos);
    const first = line;
    line++;
    pos = phys.after;
    let s = phys.start;
    while (s < phys.end && isBlank(text.charCodeAt(s))) s++;
    if (s === phys.end) {
      if (phys.after > n) break;
      continue;
    }
    if (text.charCodeAt(s) === 35 /* # */) {
      comments.push({ start: s, end: phys.end });
      if (phys.after > n) break;
      continue;
    }
    // Segments of the logical line, continuation backslashes excluded.
    const segments: Array<[number, number]> = [];
    let segEnd = phys.end;
    let segStart = s;
    while (segEnd > segStart && text.charCodeAt(segEnd - 1) === 92 /* \ */ && pos <= n) {
      segments.push([segStart, segEnd - 1]);
      const cont = next(pos);
      line++;
      pos = cont.after;
      segStart = cont.start;
      segEnd = cont.end;
    }
    if (segEnd > segStart && text.charCodeAt(segEnd - 1) === 92) segEnd--; // trailing backslash at end of file
    segments.push([segStart, segEnd]);
    const tokens: Token[] = [];
    let tokText = '';
    let tokStart = -1;
    let tokEnd = -1;
    for (const [a, b] of segments) {
      let i = a;
      while (i < b) {
        const c = text.charCodeAt(i);
        if (isBlank(c)) {
          if (tokStart >= 0) {
            tokens.push({ text: tokText, span: { start: tokStart, end: tokEnd } });
            tokStart = -1;
            tokText = '';
          }
          i++;
          continue;
        }
        let j = i + 1;
        while (j < b && !isBlank(text.charCodeAt(j))) j++;
        if (tokStart < 0) tokStart = i;
        tokText += text.slice(i, j);
        tokEnd = j;
        i = j;
      }
    }
    if (tokStart >= 0) tokens.push({ text: tokText, span: { start: tokStart, end: tokEnd } });
    if (tokens.length > 0) {
      out.push({ tokens, span: { start: tokens[0].span.start, end: tokens[tokens.length - 1].span.end }, line: first });
    }
    if (pos > n) break;
  }
  return { lines: out, lineCount: line };
}

function optionOf(l: Logical): OptionLine {
  const [name, ...values] = l.tokens;
  const valueSpan = values.length
    ? { start: values[0].span.start, end: values[values.length - 1].span.end }
    : { start: name.span.end, end: name.span.end };
  return { name, key: optionKey(name.text), values, value: values.map((v) => v.text).join(' '), valueSpan, span: l.span, line: l.line };
}

export function parseInterfaces(text: string): InterfacesModel {
  const comments: Span[] = [];
  const { lines, lineCount } = logicalLines(typeof text === 'string' ? text : '', comments);
  const stanzas: Stanza[] = [];
  const ifaces: IfaceStanza[] = [];
  const allows: ListStanza[] = [];
  const sources: SourceStanza[] = [];
  const mappings: MappingStanza[] = [];
  const misplaced: OptionLine[] = [];
  const templateLines: { span: Span; line: number }[] = [];
  let current: IfaceStanza | MappingStanza | undefined;

  const base = (l: Logical) => ({ keyword: l.tokens[0], span: l.span, headerSpan: l.span, line: l.line });

  for (const l of lines) {
    const word = l.tokens[0].text;
    const rest = l.tokens.slice(1);
    if (word.startsWith('%') || word.startsWith('<%')) {
      templateLines.push({ span: l.span, line: l.line });
      if (current) current.span = { start: current.span.start, end: l.span.end };
    } else if (word === 'iface') {
      const [name, second, third, ...more] = rest;
      let family: Token | undefined;
      let method: Token | undefined;
      let inheritsKeyword: Token | undefined;
      let inherits: Token | undefined;
      let extra: Token[] = [];
      if (second?.text === 'inherits') {
        [inheritsKeyword, inherits] = [second, third];
        extra = more;
      } else {
        family = second;
        if (third?.text === 'inherits') {
          [inheritsKeyword, inherits] = [third, more[0]];
          extra = more.slice(1);
        } else {
          method = third;
          if (more[0]?.text === 'inherits') {
            [inheritsKeyword, inherits] = [more[0], more[1]];
            extra = more.slice(2);
          } else extra = more;
        }
      }
      const st: IfaceStanza = { kind: 'iface', ...base(l), name, family, method, inheritsKeyword, inherits, extra, options: [] };
      stanzas.push(st);
      ifaces.push(st);
      current = st;
    } else if (word === 'mapping') {
      const st: MappingStanza = { kind: 'mapping', ...base(l), patterns: rest, options: [] };
      stanzas.push(st);
      mappings.push(st);
      current = st;
    } else if (word === 'auto' || (word.startsWith('allow-') && word.length > 6)) {
      const className = word === 'auto' ? 'auto' : word.slice(6);
      const st: ListStanza = { kind: word === 'auto' ? 'auto' : 'allow', ...base(l), className, names: rest };
      stanzas.push(st);
      allows.push(st);
      current = undefined;
    } else if (word === 'no-auto-down' || word === 'no-scripts') {
      stanzas.push({ kind: word, ...base(l), names: rest });
      current = undefined;
    } else if (word === 'source' || word.startsWith('source-dir')) {
      const st: SourceStanza = { kind: word === 'source' ? 'source' : 'source-directory', ...base(l), paths: rest };
      stanzas.push(st);
      sources.push(st);
      current = undefined;
    } else if (word === 'rename') {
      stanzas.push({ kind: 'rename', ...base(l), args: rest });
      current = undefined;
    } else {
      const opt = optionOf(l);
      if (current) {
        current.options.push(opt);
        current.span = { start: current.span.start, end: l.span.end };
      } else misplaced.push(opt);
    }
  }
  return { stanzas, ifaces, allows, sources, mappings, misplaced, templateLines, comments, lineCount };
}

/**
 * An option name as ifupdown exports it to hook scripts (`IF_BRIDGE_PORTS`):
 * hyphens and underscores are the same, so `bridge-ports` is `bridge_ports`.
 */
export function optionKey(name: string): string {
  return name.includes('-') ? name.replace(/-/g, '_') : name;
}

/** The option lines of a stanza with this name (hyphen/underscore-insensitive), in order. */
export function optionsNamed(st: { options: readonly OptionLine[] }, name: string): OptionLine[] {
  const key = optionKey(name);
  const out: OptionLine[] = [];
  for (const o of st.options) if (o.key === key) out.push(o);
  return out;
}

/** The first option line with this name (hyphen/underscore-insensitive). */
export function option(st: { options: readonly OptionLine[] }, name: string): OptionLine | undefined {
  const key = optionKey(name);
  for (const o of st.options) if (o.key === key) return o;
  return undefined;
}
