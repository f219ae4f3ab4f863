/**
 * Questions about the grammar at a place in a document, for completion and
 * hover: which child elements may come next, which attributes are still
 * allowed, which values an attribute takes.
 */
import type { XmlDocument, XmlElement } from '../parse/xml';
import type { LibvirtKind } from '../service/types';
import { describeValuePattern, enumeratedValues } from './datatypes';
import { libvirtGrammar, type Grammar } from './grammar';
import { nameClassNames } from './nameClass';
import { allAttributes, firstElements, type Pattern } from './patterns';
import { schemaTargets } from './targets';
import { requiredAlone, resolve, scopeOf, Validator } from './validator';

export interface ExpectedName {
  readonly name: string;
  /** True when the element or attribute must still be written for the document to be valid. */
  readonly required: boolean;
}

interface Place {
  readonly grammar: Grammar;
  readonly validator: Validator;
  readonly patterns: Pattern[];
}

function place(xml: XmlDocument, kind: LibvirtKind, el: XmlElement, grammar: Grammar): Place | undefined {
  const validator = new Validator(grammar.table, xml.text);
  for (const t of schemaTargets(xml, kind)) {
    let inside = false;
    for (let e: XmlElement | undefined = el; e; e = e.parent) if (e === t.el) inside = true;
    if (!inside) continue;
    const patterns = validator.elementPatternsOf(t.el, grammar.starts[t.start], el);
    return patterns.length ? { grammar, validator, patterns } : undefined;
  }
  return undefined;
}

/**
 * Child elements allowed in `el` after its children that start before
 * `offset` (all children when offset is undefined), in grammar order.
 */
export function expectedChildren(xml: XmlDocument, kind: LibvirtKind, el: XmlElement, offset?: number, grammar: Grammar = libvirtGrammar()): ExpectedName[] {
  const pl = place(xml, kind, el, grammar);
  if (!pl) return [];
  const stop = offset === undefined ? undefined : el.children.find((c) => c.span.start >= offset);
  const content = grammar.table.choiceOf(pl.patterns.map((p) => p.content));
  const p = pl.validator.closeForgiving(pl.validator.contentBefore(el, content, scopeOf(el), stop));
  const required = requiredAlone(pl.validator.requiredElements(p));
  const out: ExpectedName[] = [];
  for (const e of firstElements(p)) {
    for (const n of nameClassNames(e.nc!)) {
      if (!out.some((x) => x.name === n)) out.push({ name: n, required: required.has(n) });
    }
  }
  return out;
}

/** Attributes `el` may still take (those it has are left out), in grammar order. */
export function expectedAttributes(xml: XmlDocument, kind: LibvirtKind, el: XmlElement, grammar: Grammar = libvirtGrammar()): ExpectedName[] {
  const pl = place(xml, kind, el, grammar);
  if (!pl) return [];
  const content = grammar.table.choiceOf(pl.patterns.map((p) => p.content));
  const p = pl.validator.attributesState(el, content, scopeOf(el));
  const present = new Set(el.attributes.map((a) => a.name));
  const reqs = requiredAlone(pl.validator.requiredAttributes(p));
  const out: ExpectedName[] = [];
  for (const a of allAttributes(p)) {
    for (const n of nameClassNames(a.nc!)) {
      if (present.has(n) || out.some((x) => x.name === n)) continue;
      out.push({ name: n, required: reqs.has(n) });
    }
  }
  return out;
}

/**
 * Values attribute `attrName` of `el` may take: the enumeration (if any) and
 * a description in plain words.
 */
export function allowedValues(
  xml: XmlDocument,
  kind: LibvirtKind,
  el: XmlElement,
  attrName: string,
  grammar: Grammar = libvirtGrammar(),
): { values: string[]; description: string } | undefined {
  const pl = place(xml, kind, el, grammar);
  if (!pl) return undefined;
  const content = grammar.table.choiceOf(pl.patterns.map((p) => p.content));
  // The other attributes narrow the choice (e.g. type='network' decides what <source> takes).
  const others = { ...el, attributes: el.attributes.filter((a) => a.name !== attrName) } as XmlElement;
  const p = pl.validator.attributesState(others, content, scopeOf(el));
  const [ns, local] = resolve(attrName, scopeOf(el), false);
  const values: Pattern[] = [];
  for (const a of allAttributes(p)) if (nameClassNames(a.nc!).includes(local) && ns === '') values.push(a.a!);
  if (values.length === 0) return undefined;
  const v = grammar.table.choiceOf(values);
  return { values: enumeratedValues(v), description: describeValuePattern(v) };
}
