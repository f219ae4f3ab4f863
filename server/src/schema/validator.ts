/**
 * RELAX NG validation of our XmlElement tree against libvirt's grammar, with
 * error recovery: an element or attribute that is not allowed is reported
 * and skipped (the pattern stays as it was), a bad value is reported and the
 * attribute treated as present, missing attributes are reported once at the
 * end of the start tag and then forgiven. One mistake gives one problem.
 *
 * Half-typed input: an element whose start tag is unfinished gets no
 * "missing" reports and no value report for its last attribute (probably
 * being typed); an element that is not closed gets no "missing element"
 * report (its children may simply not be written yet).
 */
import type { Span } from '../parse/span';
import type { XmlElement } from '../parse/xml';
import { dataChecker, describeValuePattern, valueMatches } from './datatypes';
import { nameClassContains, nameClassNames } from './nameClass';
import {
  acceptsText,
  allAttributes,
  allElements,
  attributeCandidates,
  elementCandidates,
  firstElements,
  type Pattern,
  type PatternTable,
} from './patterns';

export type SchemaCode = 'libvirt/unknown-element' | 'libvirt/unknown-attribute' | 'libvirt/invalid-value' | 'libvirt/missing-element' | 'libvirt/missing-attribute';

export interface SchemaProblem {
  readonly code: SchemaCode;
  readonly span: Span;
  readonly message: string;
}

/** Namespace declarations in scope: prefix ('' = default) → namespace URI. */
type Scope = ReadonlyMap<string, string>;
const XML_NS = 'http://www.w3.org/XML/1998/namespace';

function isWhitespace(s: string): boolean {
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c !== 32 && c !== 10 && c !== 13 && c !== 9) return false;
  }
  return true;
}

/** A choice whose alternatives are all value/data/text leaves (e.g. ipAddr, an enumeration). */
function isLeafChoice(p: Pattern): boolean {
  return p.cached('leafChoice', () => {
    const leaf = (q: Pattern): boolean => q.kind === 'value' || q.kind === 'data' || q.kind === 'text' || (q.kind === 'choice' && leaf(q.a!) && leaf(q.b!));
    return leaf(p);
  });
}

/**
 * How bad a trial match is: a missing part counts less than a wrong value or
 * an unknown name, so that `<interface type='bridge'>` without its <bridge>
 * is read as an incomplete bridge, not as an ethernet interface with a wrong type.
 */
function weight(problems: readonly SchemaProblem[]): number {
  let w = 0;
  for (const p of problems) w += p.code === 'libvirt/missing-element' || p.code === 'libvirt/missing-attribute' ? 1 : 2;
  return w;
}

function article(word: string): string {
  return /^[aeiou]/i.test(word) ? 'an' : 'a';
}

/** Text shown in messages: short, on one line. */
function quote(s: string): string {
  const one = s.replace(/\s+/g, ' ').trim();
  return one.length > 40 ? `${one.slice(0, 37)}…` : one;
}

function listNames(names: readonly string[], wrap: (n: string) => string): string {
  const shown = names.slice(0, 12).map(wrap);
  return names.length > 12 ? `${shown.join(', ')}, …` : shown.join(', ');
}

/** What matching one element against one pattern gave: the derivative and the problems, at the element's position then. */
interface Matched {
  start: number;
  readonly after: Pattern | undefined;
  problems: SchemaProblem[];
}

/** Work, in attributes and child elements, the validator does between two yields of its steps. */
export const VALIDATION_STEP = 1000;

/** Runs steps to the end (the synchronous callers). */
function drive<T>(steps: Generator<void, T>): T {
  for (;;) {
    const r = steps.next();
    if (r.done) return r.value;
  }
}

/**
 * Per element object and pattern, the result of matching it (documents'
 * validators only, see `reuse`). parse/reparse.ts keeps an element object
 * only while its subtree is unchanged, so the result holds; its spans are
 * moved when the element was.
 */
const matchedCache = new WeakMap<XmlElement, Map<Pattern, Matched>>();

export class Validator {
  constructor(
    private readonly table: PatternTable,
    /** The document text, to tell finished start tags from unfinished ones. */
    private readonly text: string,
    /**
     * Reuse results of elements validated before (and keep them). Only for a
     * document's own tree with its own text: a validator given other text
     * (completion's probes) judges start tags differently.
     */
    private readonly reuse = false,
    /** Attributes and child elements validated between two yields of `validateRootInSteps`. */
    private readonly perStep = VALIDATION_STEP,
  ) {}

  /** Attributes and children validated since the last yield. */
  private work = 0;

  /** Validates `el` against `start` (an element pattern or a choice of them). */
  validateRoot(el: XmlElement, start: Pattern): SchemaProblem[] {
    return drive(this.validateRootInSteps(el, start));
  }

  /**
   * validateRoot a step at a time: it yields after every `perStep`
   * attributes and child elements, between two of them, so that a caller
   * can let other work run (a 20,000-host network, an element with 20,000
   * attributes). The problems are the ones validateRoot gives.
   */
  *validateRootInSteps(el: XmlElement, start: Pattern): Generator<void, SchemaProblem[]> {
    const out: SchemaProblem[] = [];
    const scope = scopeOf(el.parent);
    const after = yield* this.matchElement(start, el, scope, out, undefined);
    if (after === undefined) {
      const names = firstElements(start).flatMap((e) => nameClassNames(e.nc!));
      out.push({ code: 'libvirt/unknown-element', span: el.nameSpan, message: `<${el.name}> is not expected here; expected ${listNames(names, (n) => `<${n}>`)}` });
    }
    return out;
  }

  /**
   * Matches one element against the element patterns allowed in `p`; pushes
   * its problems to `out`. Returns the derivative of `p`, or undefined when
   * no element pattern of that name is allowed.
   */
  private *matchElement(p: Pattern, el: XmlElement, scope: Scope, out: SchemaProblem[], parentName: string | undefined): Generator<void, Pattern | undefined> {
    const known = this.knownMatch(p, el, scope);
    if (known) {
      for (const x of known.problems) out.push(x);
      return known.after;
    }
    return yield* this.matchElementUnknown(p, el, scope, out, parentName);
  }

  /** The kept result of matching `el` against `p` (spans moved to where `el` is now), if there is one. */
  private knownMatch(p: Pattern, el: XmlElement, scope: Scope): Matched | undefined {
    // Namespace declarations in scope come from the ancestors: only the usual case (none) is kept.
    if (!this.reuse || scope.size > 0) return undefined;
    const known = matchedCache.get(el)?.get(p);
    if (!known) return undefined;
    const delta = el.span.start - known.start;
    if (delta !== 0) {
      known.problems = known.problems.map((x) => ({ ...x, span: { start: x.span.start + delta, end: x.span.end + delta } }));
      known.start = el.span.start;
    }
    return known;
  }

  /** matchElement for an element without a kept result: matched afresh, and the result kept when it can be. */
  private *matchElementUnknown(p: Pattern, el: XmlElement, scope: Scope, out: SchemaProblem[], parentName: string | undefined): Generator<void, Pattern | undefined> {
    if (!this.reuse || scope.size > 0) return yield* this.matchElementAfresh(p, el, scope, out, parentName);
    const mark = out.length;
    const after = yield* this.matchElementAfresh(p, el, scope, out, parentName);
    const problems = out.slice(mark);
    // Kept only when every problem lies inside the element (so it moves with it).
    if (problems.every((x) => x.span.start >= el.span.start && x.span.end <= el.span.end)) {
      let byPattern = matchedCache.get(el);
      if (!byPattern) matchedCache.set(el, (byPattern = new Map()));
      // Copies of the spans: a problem may hold one of the tree's own span objects, which reparse moves in place.
      byPattern.set(p, { start: el.span.start, after, problems: problems.map((x) => ({ ...x, span: { start: x.span.start, end: x.span.end } })) });
    }
    return after;
  }

  private *matchElementAfresh(p: Pattern, el: XmlElement, scope: Scope, out: SchemaProblem[], parentName: string | undefined): Generator<void, Pattern | undefined> {
    const inner = extendScope(scope, el);
    const cands = el.name.indexOf(':') < 0 ? elementCandidates(p, inner.get('') ?? '', el.name) : elementCandidates(p, ...resolve(el.name, inner, true));
    if (cands.length === 0) return undefined;
    let matched: Pattern[];
    if (cands.length === 1) {
      yield* this.validateContent(el, cands[0].content, inner, out);
      matched = cands;
    } else {
      // Several definitions of this name (e.g. <source> for each NIC type): keep those that fit.
      let best: SchemaProblem[] | undefined;
      let bestCand: Pattern | undefined;
      matched = [];
      for (const c of cands) {
        const trial: SchemaProblem[] = [];
        yield* this.validateContent(el, c.content, inner, trial);
        if (trial.length === 0) matched.push(c);
        else if (!best || weight(trial) < weight(best)) {
          best = trial;
          bestCand = c;
        }
      }
      if (matched.length === 0) {
        out.push(...best!);
        matched = [bestCand!];
      }
    }
    void parentName;
    return this.derive(p, matched, false);
  }

  private derive(p: Pattern, matched: readonly Pattern[], attributes: boolean): Pattern {
    if (matched.length === 1) {
      // Attribute and element leaves are distinct patterns, so one table serves both.
      const m = (p.derivByLeaf ??= new Map());
      let d = m.get(matched[0].id);
      if (!d) m.set(matched[0].id, (d = this.table.leafDeriv(p, new Set(matched), attributes)));
      return d;
    }
    const key = `${attributes ? 'A' : 'E'}${matched.map((m) => m.id).join(',')}`;
    return p.cached(key, () => this.table.leafDeriv(p, new Set(matched), attributes));
  }

  private unfinishedStartTag(el: XmlElement): boolean {
    const end = el.startTagSpan.end;
    return end <= el.startTagSpan.start || this.text.charCodeAt(end - 1) !== 62; /* > */
  }

  /** Validates attributes, text and children of `el` against an element's content pattern. */
  private *validateContent(el: XmlElement, content: Pattern, scope: Scope, out: SchemaProblem[]): Generator<void, void> {
    const unfinished = this.unfinishedStartTag(el);
    let p = content;
    // ---- attributes ----
    const attrs = el.attributes;
    for (let i = 0; i < attrs.length; i++) {
      if (++this.work >= this.perStep) {
        this.work = 0;
        yield;
      }
      const a = attrs[i];
      const name = a.name;
      let cands: Pattern[];
      if (name.indexOf(':') < 0) {
        if (name === 'xmlns') continue;
        cands = attributeCandidates(p, '', name);
      } else {
        if (name.startsWith('xmlns:')) continue;
        const [ns, local] = resolve(name, scope, false);
        if (ns === XML_NS) continue;
        cands = attributeCandidates(p, ns, local);
      }
      if (cands.length === 0) {
        out.push({ code: 'libvirt/unknown-attribute', span: a.nameSpan, message: this.unknownAttributeMessage(el, a.name, p, content) });
        continue;
      }
      const value = a.value ?? '';
      let accepted = cands.length === 1 ? (this.attributeValueMatches(cands[0].a!, value) ? cands : []) : cands.filter((c) => this.attributeValueMatches(c.a!, value));
      if (accepted.length === 0) {
        const beingTyped = unfinished && i === attrs.length - 1;
        if (!beingTyped && a.value !== undefined) {
          const expected = describeValuePattern(cands.length === 1 ? cands[0].a! : this.table.choiceOf(cands.map((c) => c.a!)));
          out.push({
            code: 'libvirt/invalid-value',
            span: a.valueSpan && a.valueSpan.end > a.valueSpan.start ? a.valueSpan : a.nameSpan,
            message: `'${quote(value)}' is not a valid value for ${a.name} on <${el.name}>: expected ${expected}`,
          });
        }
        accepted = cands;
      }
      const next = this.derive(p, accepted, true);
      if (next === this.table.notAllowed) {
        const others = attrs.filter((x) => x !== a && !x.name.startsWith('xmlns')).map((x) => x.name);
        out.push({
          code: 'libvirt/unknown-attribute',
          span: a.nameSpan,
          message: `Attribute ${a.name} is not allowed on <${el.name}> together with ${others.join(', ') || 'the other attributes'}`,
        });
        continue;
      }
      p = next;
    }
    // ---- end of the start tag ----
    const closed = this.table.startTagClose(p);
    if (closed === this.table.notAllowed) {
      if (!unfinished) {
        for (const req of this.requiredAttributes(p)) {
          out.push({ code: 'libvirt/missing-attribute', span: el.nameSpan, message: `<${el.name}> needs ${describeAttributes(req)}` });
        }
      }
      p = this.table.startTagClose(p, true);
    } else p = closed;
    // ---- text and children ----
    const text = el.text;
    if (el.children.length === 0) {
      if (!(p.nullable && isWhitespace(text))) {
        const d = this.textDeriv(p, text);
        if (!d.nullable) {
          if (!isWhitespace(text)) {
            out.push(this.badText(el, p, text));
          } else if (acceptsText(p)) {
            if (el.closed && !unfinished) {
              out.push({
                code: 'libvirt/invalid-value',
                span: el.nameSpan,
                message: `<${el.name}> needs a value: expected ${describeValuePattern(p)}`,
              });
            }
          } else if (el.closed && !unfinished) {
            for (const req of this.requiredElements(p)) out.push({ code: 'libvirt/missing-element', span: el.nameSpan, message: `<${el.name}> needs ${describeElements(req)}` });
          }
        }
      }
      return;
    }
    if (!isWhitespace(text)) {
      const d = this.textDeriv(p, text);
      if (d === this.table.notAllowed) out.push(this.badText(el, p, text));
      else p = d;
    }
    for (const c of el.children) {
      // A child with a kept result costs no step (an edit of a 20,000-host network re-checks none of its hosts).
      const known = this.knownMatch(p, c, scope);
      let next: Pattern | undefined;
      if (known) {
        for (const x of known.problems) out.push(x);
        next = known.after;
      } else {
        if (++this.work >= this.perStep) {
          this.work = 0;
          yield;
        }
        next = yield* this.matchElementUnknown(p, c, scope, out, el.name);
      }
      if (next === undefined || next === this.table.notAllowed) {
        out.push({ code: 'libvirt/unknown-element', span: c.nameSpan, message: this.unknownElementMessage(el, c, p, content, scope) });
        continue;
      }
      p = next;
    }
    if (!p.nullable && el.closed && !unfinished) {
      for (const req of this.requiredElements(p)) out.push({ code: 'libvirt/missing-element', span: el.nameSpan, message: `<${el.name}> needs ${describeElements(req)}` });
    }
  }

  private textDeriv(p: Pattern, s: string): Pattern {
    return this.table.textDeriv(p, s, (leaf, v) => this.leafMatches(leaf, v));
  }

  private leafMatches(leaf: Pattern, v: string): boolean {
    if (leaf.kind === 'value') return valueMatches(leaf, v);
    const check = (leaf.check ??= dataChecker(leaf.type ?? 'string', leaf.params));
    if (!check(v)) return false;
    return !(leaf.a && this.textDeriv(leaf.a, v).nullable); // data … except
  }

  private attributeValueMatches(p: Pattern, value: string): boolean {
    // Fast paths for the common shapes (a leaf, a choice of leaves); the general case goes through the derivative.
    switch (p.kind) {
      case 'text':
        return true;
      case 'value':
      case 'data':
        return this.leafMatches(p, value);
      case 'choice':
        if (isLeafChoice(p)) return this.attributeValueMatches(p.a!, value) || this.attributeValueMatches(p.b!, value);
        break;
      default:
        break;
    }
    return (p.nullable && isWhitespace(value)) || this.textDeriv(p, value).nullable;
  }

  private badText(el: XmlElement, p: Pattern, text: string): SchemaProblem {
    const span = el.textSpan ?? el.nameSpan;
    if (!acceptsText(p)) {
      return { code: 'libvirt/invalid-value', span, message: `<${el.name}> cannot contain text here ('${quote(text)}'); only elements are allowed` };
    }
    return { code: 'libvirt/invalid-value', span, message: `'${quote(text)}' is not a valid value for <${el.name}>: expected ${describeValuePattern(p)}` };
  }

  private unknownElementMessage(parent: XmlElement, c: XmlElement, p: Pattern, content: Pattern, scope: Scope): string {
    const expected = uniqueNames(firstElements(p));
    const [ns, local] = resolve(c.name, extendScope(scope, c), true);
    const elsewhere = allElements(content).some((e) => nameClassContains(e.nc!, ns, local));
    const tail = expected.length ? `expected ${expected.length === 1 ? '' : 'one of: '}${listNames(expected, (n) => n)}` : `nothing more is expected in <${parent.name}>`;
    if (elsewhere) return `<${c.name}> is not allowed here in <${parent.name}> (it may appear only once, or not with the elements before it); ${tail}`;
    return `<${c.name}> is not allowed in <${parent.name}>; ${tail}`;
  }

  /** Attribute names of an element, built once per element (not once per unknown attribute: that was quadratic). */
  private readonly presentNames = new WeakMap<XmlElement, Set<string>>();

  /** Per element: the message tail per attribute state, and the names its content allows anywhere (one unknown attribute after another share them). */
  private readonly unknownAttrCache = new WeakMap<XmlElement, { tails: Map<Pattern, string>; anywhere: Map<Pattern, Set<string>> }>();

  private unknownAttributeMessage(el: XmlElement, name: string, p: Pattern, content: Pattern): string {
    let cache = this.unknownAttrCache.get(el);
    if (!cache) this.unknownAttrCache.set(el, (cache = { tails: new Map(), anywhere: new Map() }));
    let tail = cache.tails.get(p);
    if (tail === undefined) {
      let present = this.presentNames.get(el);
      if (!present) this.presentNames.set(el, (present = new Set(el.attributes.map((a) => a.name))));
      const expected = uniqueNames(allAttributes(p)).filter((n) => !present.has(n));
      tail = expected.length ? `expected ${expected.length === 1 ? '' : 'one of: '}${listNames(expected, (n) => n)}` : `no other attributes are allowed`;
      cache.tails.set(p, tail);
    }
    let anywhere = cache.anywhere.get(content);
    if (!anywhere) cache.anywhere.set(content, (anywhere = new Set(allAttributes(content).flatMap((a) => nameClassNames(a.nc!)))));
    const local = name.includes(':') ? name.slice(name.indexOf(':') + 1) : name;
    const elsewhere = anywhere.has(local);
    if (elsewhere) return `Attribute ${name} is not allowed on <${el.name}> with the attributes it already has; ${tail}`;
    return `Attribute ${name} is not allowed on <${el.name}>; ${tail}`;
  }

  /**
   * The element patterns `el` matches when `root` (an ancestor-or-self of
   * `el`) is validated against `start`. Problems are ignored: this serves
   * completion and hover on documents that are being edited.
   */
  elementPatternsOf(root: XmlElement, start: Pattern, el: XmlElement): Pattern[] {
    const chain: XmlElement[] = [];
    for (let e: XmlElement | undefined = el; e && e !== root.parent; e = e.parent) chain.unshift(e);
    if (chain[0] !== root) return [];
    let p = start;
    let scope = scopeOf(root.parent);
    for (let i = 0; ; i++) {
      const e = chain[i];
      scope = extendScope(scope, e);
      const [ns, local] = resolve(e.name, scope, true);
      let cands = elementCandidates(p, ns, local);
      if (cands.length > 1) {
        const fit = cands.filter((c) => {
          const trial: SchemaProblem[] = [];
          drive(this.validateContent(e, c.content, scope, trial));
          return trial.length === 0;
        });
        if (fit.length) cands = fit;
      }
      if (i === chain.length - 1 || cands.length === 0) return cands;
      p = this.contentBefore(e, this.table.choiceOf(cands.map((c) => c.content)), scope, chain[i + 1]);
    }
  }

  /** The pattern of `el`'s content after its attributes and the children before `stop` (all of them when undefined). */
  contentBefore(el: XmlElement, content: Pattern, scope: Scope, stop: XmlElement | undefined): Pattern {
    let p = this.attributesState(el, content, scope);
    for (const c of el.children) {
      if (c === stop) break;
      const next = drive(this.matchElement(p, c, scope, [], el.name));
      if (next !== undefined && next !== this.table.notAllowed) p = next;
    }
    return p;
  }

  /** The pattern after `el`'s attributes, before the end of the start tag. */
  attributesState(el: XmlElement, content: Pattern, scope: Scope): Pattern {
    let p = content;
    for (const a of el.attributes) {
      const [ns, local] = resolve(a.name, scope, false);
      const cands = attributeCandidates(p, ns, local);
      if (cands.length === 0) continue;
      const ok = cands.filter((c) => this.attributeValueMatches(c.a!, a.value ?? ''));
      const next = this.derive(p, ok.length ? ok : cands, true);
      if (next !== this.table.notAllowed) p = next;
    }
    return p;
  }

  /** `p` after one element matching one of `elements` (element patterns from `firstElements(p)`). */
  afterElement(p: Pattern, elements: readonly Pattern[]): Pattern {
    return this.derive(p, elements, false);
  }

  /**
   * Walks `children` (elements of one parent, in order) from `p` by name
   * only: every definition of a child's name counts, its content is not
   * validated, so this stays cheap for large subtrees. Returns, per child,
   * whether it was accepted (a refused child is skipped, as the validator
   * does). With `must`: undefined as soon as a child that `must` marks is
   * refused.
   */
  acceptedByName(p: Pattern, children: readonly XmlElement[], scope: Scope, must?: readonly boolean[]): boolean[] | undefined {
    const out: boolean[] = [];
    for (let i = 0; i < children.length; i++) {
      const c = children[i];
      if (must && !must[i]) {
        out.push(false);
        continue;
      }
      const inner = extendScope(scope, c);
      const cands = c.name.indexOf(':') < 0 ? elementCandidates(p, inner.get('') ?? '', c.name) : elementCandidates(p, ...resolve(c.name, inner, true));
      const next = cands.length ? this.derive(p, cands, false) : this.table.notAllowed;
      if (next === this.table.notAllowed) {
        if (must) return undefined;
        out.push(false);
        continue;
      }
      out.push(true);
      p = next;
    }
    return out;
  }

  closeForgiving(p: Pattern): Pattern {
    return this.table.startTagClose(p, true);
  }

  /**
   * The elements `p` still needs, as data: one list of alternative names per
   * requirement (a single name: that element is required).
   */
  requiredElements(p: Pattern): string[][] {
    return requiredLeaves(p, 'element', this.table);
  }

  /** The attributes `p` still needs, as `requiredElements` gives elements. */
  requiredAttributes(p: Pattern): string[][] {
    return requiredLeaves(p, 'attribute', this.table);
  }
}

/** "a <name> element" / "one of the elements <a>, <b>": a requirement in a message. */
function describeElements(alts: string[]): string {
  return alts.length === 1 ? `a <${alts[0]}> element` : `one of the elements ${listNames(alts, (n) => `<${n}>`)}`;
}

/** "a name attribute" / "one of the attributes a, b": a requirement in a message. */
function describeAttributes(alts: string[]): string {
  return alts.length === 1 ? `${article(alts[0])} ${alts[0]} attribute` : `one of the attributes ${listNames(alts, (n) => n)}`;
}

/** The names that are required on their own (requirements without alternatives). */
export function requiredAlone(reqs: readonly string[][]): Set<string> {
  return new Set(reqs.filter((alts) => alts.length === 1).map((alts) => alts[0]));
}

/**
 * What `p` cannot do without: a list of requirements, each a list of
 * alternative names. For attributes, "satisfied" means the start tag could
 * close; for elements, that the pattern is nullable.
 */
function requiredLeaves(p: Pattern, kind: 'element' | 'attribute', table: PatternTable): string[][] {
  const ok = (q: Pattern): boolean => (kind === 'element' ? q.nullable : table.startTagClose(q) !== table.notAllowed);
  const visit = (q: Pattern): string[][] => {
    if (ok(q)) return [];
    switch (q.kind) {
      case 'group':
      case 'interleave':
        return [...visit(q.a!), ...visit(q.b!)];
      case 'oneOrMore':
        return visit(q.a!);
      case 'choice': {
        const alts: string[] = [];
        const flat: Pattern[] = [];
        const flatten = (x: Pattern): void => {
          if (x.kind === 'choice') {
            flatten(x.a!);
            flatten(x.b!);
          } else flat.push(x);
        };
        flatten(q);
        for (const x of flat) {
          const r = visit(x);
          for (const n of r[0] ?? []) if (!alts.includes(n)) alts.push(n);
        }
        return alts.length ? [alts] : [];
      }
      case kind:
        return [nameClassNames(q.nc!)];
      default:
        return [];
    }
  };
  return visit(p);
}

function uniqueNames(ps: readonly Pattern[]): string[] {
  const out: string[] = [];
  for (const p of ps) for (const n of nameClassNames(p.nc!)) if (!out.includes(n)) out.push(n);
  return out;
}

// ---------- namespaces ----------

const EMPTY_SCOPE: Scope = new Map();

function extendScope(scope: Scope, el: XmlElement): Scope {
  let m: Map<string, string> | undefined;
  const attrs = el.attributes;
  for (let i = 0; i < attrs.length; i++) {
    const a = attrs[i];
    if (a.name.charCodeAt(0) === 120 /* x */ && (a.name === 'xmlns' || a.name.startsWith('xmlns:'))) {
      m ??= new Map(scope);
      m.set(a.name === 'xmlns' ? '' : a.name.slice(6), a.value ?? '');
    }
  }
  return m ?? scope;
}

/** The declarations in scope at `el` (inclusive), collected from its ancestors. */
export function scopeOf(el: XmlElement | undefined): Scope {
  const chain: XmlElement[] = [];
  for (let e = el; e; e = e.parent) chain.unshift(e);
  let s = EMPTY_SCOPE;
  for (const e of chain) s = extendScope(s, e);
  return s;
}

/** [namespace, local name]. Unprefixed attributes are in no namespace; unprefixed elements in the default one. */
export function resolve(qname: string, scope: Scope, isElement: boolean): [string, string] {
  const colon = qname.indexOf(':');
  if (colon < 0) return [isElement ? (scope.get('') ?? '') : '', qname];
  const prefix = qname.slice(0, colon);
  if (prefix === 'xml') return [XML_NS, qname.slice(colon + 1)];
  return [scope.get(prefix) ?? `urn:undeclared-prefix:${prefix}`, qname.slice(colon + 1)];
}
