/**
 * Grammar questions for completion that need the element patterns
 * themselves, not only names (schema/query.ts answers with names): what a
 * new child element requires, whether it is empty, which values an
 * attribute or a text content takes.
 */
import type { XmlDocument, XmlElement } from '../../parse/xml';
import { describeValuePattern, enumeratedValues } from '../../schema/datatypes';
import { libvirtGrammar, type Grammar, type StartName } from '../../schema/grammar';
import { nameClassNames, type NameClass } from '../../schema/nameClass';
import { acceptsText, allAttributes, attributeCandidates, firstElements, type Pattern } from '../../schema/patterns';
import { schemaTargets } from '../../schema/targets';
import { requiredAlone, scopeOf, Validator } from '../../schema/validator';
import type { LibvirtKind } from '../../service/types';

export interface ElementChoice {
  readonly name: string;
  /** The element patterns of that name allowed here (several when the grammar defines it per context). */
  readonly patterns: Pattern[];
  /** Must still be written for the parent to be valid. */
  readonly required: boolean;
}

export interface AttributeChoice {
  readonly name: string;
  readonly required: boolean;
  readonly values: string[];
  readonly description: string;
}

interface Place {
  readonly grammar: Grammar;
  readonly validator: Validator;
  /** The content pattern of the element (a choice when several definitions fit). */
  readonly content: Pattern;
}

function placeOf(xml: XmlDocument, kind: LibvirtKind, el: XmlElement): Place | undefined {
  const grammar = libvirtGrammar();
  const validator = new Validator(grammar.table, xml.text);
  for (const t of schemaTargets(xml, kind)) {
    let inside = false;
    for (let e: XmlElement | undefined = el; e; e = e.parent) if (e === t.el) inside = true;
    if (!inside) continue;
    const patterns = validator.elementPatternsOf(t.el, grammar.starts[t.start], el);
    if (!patterns.length) return undefined;
    return { grammar, validator, content: grammar.table.choiceOf(patterns.map((p) => p.content)) };
  }
  return undefined;
}

/**
 * The names of a name class that completion can insert as they are: names in
 * no namespace. (`<dnsmasq:options>` needs its namespace declared; written
 * bare it would be an unknown element.)
 */
function plainNames(nc: NameClass): string[] {
  if (typeof nc === 'string') return [nc];
  if (nc[0] === 'name') return nc[1] === '' ? [nc[2]] : [];
  if (nc[0] === 'choice') return [...plainNames(nc[1]), ...plainNames(nc[2])];
  return nameClassNames(nc);
}

function group(elements: readonly Pattern[], required: (n: string) => boolean): ElementChoice[] {
  const out: ElementChoice[] = [];
  for (const e of elements) {
    for (const n of plainNames(e.nc!)) {
      const have = out.find((x) => x.name === n);
      if (have) have.patterns.push(e);
      else out.push({ name: n, patterns: [e], required: required(n) });
    }
  }
  return out;
}

/**
 * Child elements that may come in `el` at `offset`: allowed after the
 * children that start before it, and leaving the children after it
 * allowed too. So an element libvirt allows once is not offered when the
 * parent has it anywhere, before or after the cursor, and in a sequence
 * only what fits between its neighbours is. `typedAt`: an element being
 * typed starts at `offset` (`<bri|`); it is neither before nor after.
 */
export function childChoices(xml: XmlDocument, kind: LibvirtKind, el: XmlElement, offset: number, typedAt = false): ElementChoice[] {
  const pl = placeOf(xml, kind, el);
  if (!pl) return [];
  const v = pl.validator;
  const scope = scopeOf(el);
  const stop = el.children.find((c) => c.span.start >= offset);
  const p = v.closeForgiving(v.contentBefore(el, pl.content, scope, stop));
  const after = el.children.filter((c) => c.span.start >= offset && !(typedAt && c.span.start === offset));
  // The children after the cursor that fit now must still fit with the new element before them.
  const fits = v.acceptedByName(p, after, scope)!;
  const req = requiredAlone(v.requiredElements(p));
  return group(firstElements(p), (n) => req.has(n)).filter(
    (ch) => after.length === 0 || v.acceptedByName(v.afterElement(p, ch.patterns), after, scope, fits) !== undefined,
  );
}

/** The root elements a document of each start may have. */
export function rootChoices(start: StartName): ElementChoice[] {
  return group(firstElements(libvirtGrammar().starts[start]), () => true);
}

/**
 * Attributes `el` may still take. `typing` is an attribute being typed at
 * the cursor: it does not count as present.
 */
export function attributeChoices(xml: XmlDocument, kind: LibvirtKind, el: XmlElement, typing?: string): AttributeChoice[] {
  const pl = placeOf(xml, kind, el);
  if (!pl) return [];
  const others = { ...el, attributes: el.attributes.filter((a) => a.name !== typing) } as XmlElement;
  const p = pl.validator.attributesState(others, pl.content, scopeOf(el));
  const present = new Set(others.attributes.map((a) => a.name));
  const reqs = pl.validator.requiredAttributes(p);
  const out: AttributeChoice[] = [];
  for (const a of allAttributes(p)) {
    for (const n of nameClassNames(a.nc!)) {
      if (present.has(n) || n.startsWith('xmlns') || out.some((x) => x.name === n)) continue;
      const v = pl.grammar.table.choiceOf(attributeCandidates(p, '', n).map((c) => c.a!));
      out.push({ name: n, required: reqs.some((alts) => alts.includes(n)), values: enumeratedValues(v), description: describeValuePattern(v) });
    }
  }
  return out;
}

/** Values attribute `name` of `el` may take, judged with the element's other attributes. */
export function attributeValues(xml: XmlDocument, kind: LibvirtKind, el: XmlElement, name: string): { values: string[]; description: string } | undefined {
  const pl = placeOf(xml, kind, el);
  if (!pl) return undefined;
  const others = { ...el, attributes: el.attributes.filter((a) => a.name !== name) } as XmlElement;
  const p = pl.validator.attributesState(others, pl.content, scopeOf(el));
  const cands = attributeCandidates(p, '', name);
  if (!cands.length) return undefined;
  const v = pl.grammar.table.choiceOf(cands.map((c) => c.a!));
  return { values: enumeratedValues(v), description: describeValuePattern(v) };
}

/** Text values `el` may hold (when it holds text): the enumeration and a description. */
export function textValues(xml: XmlDocument, kind: LibvirtKind, el: XmlElement): { values: string[]; description: string } | undefined {
  const pl = placeOf(xml, kind, el);
  if (!pl) return undefined;
  const p = pl.validator.closeForgiving(pl.validator.attributesState(el, pl.content, scopeOf(el)));
  if (!acceptsText(p) || firstElements(p).length > 0) return undefined;
  return { values: enumeratedValues(p), description: describeValuePattern(p) };
}

export interface NewElementShape {
  /** Required attributes, each with its enumeration (may be empty). */
  readonly attributes: { name: string; values: string[] }[];
  /** Neither child elements nor text allowed: write it self-closing. */
  readonly empty: boolean;
  /** Holds text only. */
  readonly textOnly: boolean;
}

/** What a new element of this choice needs: its required attributes, and whether it has content. */
export function shapeOf(choice: ElementChoice): NewElementShape {
  const g = libvirtGrammar();
  const content = g.table.choiceOf(choice.patterns.map((p) => p.content));
  const v = new Validator(g.table, '');
  const attributes: { name: string; values: string[] }[] = [];
  for (const alts of v.requiredAttributes(content)) {
    // Of alternatives (one of a, b), the first is written.
    const name = alts[0];
    const vals = enumeratedValues(g.table.choiceOf(attributeCandidates(content, '', name).map((c) => c.a!)));
    attributes.push({ name, values: vals });
  }
  const closed = v.closeForgiving(content);
  const kids = firstElements(closed).length > 0;
  const text = acceptsText(closed);
  return { attributes, empty: !kids && !text, textOnly: text && !kids };
}
