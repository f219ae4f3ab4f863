/**
 * Structural validation against libvirt's own RelaxNG schemas (converted to
 * schemas/libvirt/grammar.json by scripts/convert-rng.mjs).
 *
 * `schemaProblems(xml, kind)` runs one validation per document and caches it,
 * so the five schema checks share it.
 */
import type { XmlDocument } from '../parse/xml';
import type { LibvirtKind } from '../service/types';
import { libvirtGrammar } from './grammar';
import { schemaTargets } from './targets';
import { Validator, type SchemaProblem } from './validator';

export type { SchemaCode, SchemaProblem } from './validator';
export { libvirtGrammar, loadGrammar, type Grammar, type StartName } from './grammar';
export { schemaTargets } from './targets';
export { expectedAttributes, expectedChildren, allowedValues, type ExpectedName } from './query';

const cache = new WeakMap<XmlDocument, SchemaProblem[]>();

export function schemaProblems(xml: XmlDocument, kind: LibvirtKind): SchemaProblem[] {
  const steps = schemaProblemsInSteps(xml, kind);
  for (;;) {
    const r = steps.next();
    if (r.done) return r.value;
  }
}

/**
 * schemaProblems a step at a time (Validator.validateRootInSteps), for the
 * checks' `steps`: the same problems, cached the same way.
 */
export function* schemaProblemsInSteps(xml: XmlDocument, kind: LibvirtKind): Generator<void, SchemaProblem[]> {
  let found = cache.get(xml);
  if (found) return found;
  found = [];
  try {
    const g = libvirtGrammar();
    const v = new Validator(g.table, xml.text, true);
    for (const t of schemaTargets(xml, kind)) found.push(...(yield* v.validateRootInSteps(t.el, g.starts[t.start])));
  } catch {
    // Never let a grammar bug take the diagnostics down.
    found = [];
  }
  // Another caller may have finished it meanwhile: the first result stays (the same problems).
  const first = cache.get(xml);
  if (first) return first;
  cache.set(xml, found);
  return found;
}
