/**
 * Finds the documentation of an element from its ancestry.
 *
 * Each document family has one table. Keys are element path suffixes; the
 * longest matching suffix wins, and an entry without `attrs` borrows the
 * attributes (and example) of the next, more general match, so that
 * `network/bandwidth` can say something network-specific while sharing the
 * attribute docs of `bandwidth`.
 */
import { commonDocs } from './common';
import { domainInterfaceDocs } from './domainInterface';
import { hostInterfaceDocs } from './hostInterface';
import { networkDocs } from './network';
import type { DocTable, ElementDoc } from './types';

export type DocFamily = 'network' | 'domainInterface' | 'hostInterface';

export const docTables: Readonly<Record<DocFamily, DocTable>> = {
  network: { ...commonDocs, ...networkDocs },
  domainInterface: { ...commonDocs, ...domainInterfaceDocs },
  hostInterface: hostInterfaceDocs,
};

/** Local name of a possibly prefixed XML name (`dnsmasq:options` → `options`). */
export function localName(name: string): string {
  const i = name.indexOf(':');
  return i < 0 ? name : name.slice(i + 1);
}

/** The documentation of the last element of `chain` (element names from the family's root down). */
export function lookupDoc(family: DocFamily, chain: readonly string[]): ElementDoc | undefined {
  const table = docTables[family];
  const names = chain.map(localName);
  const found: ElementDoc[] = [];
  for (let k = names.length; k >= 1; k--) {
    const key = names.slice(names.length - k).join('/');
    const d = Object.prototype.hasOwnProperty.call(table, key) ? table[key] : undefined;
    if (d) found.push(d);
  }
  if (found.length === 0) return undefined;
  const [first, ...rest] = found;
  if (first.attrs) return first;
  const donor = rest.find((d) => d.attrs);
  return donor ? { ...first, attrs: donor.attrs, example: first.example ?? donor.example } : first;
}

export type { AttrDoc, ElementDoc, Mode, ModeRule } from './types';
