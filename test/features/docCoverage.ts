/**
 * Walks libvirt's grammar (as VirtNet loads it) and lists every element path
 * and attribute a document family can hold, to measure how much of it the
 * hover documentation covers.
 */
import { lookupDoc, type DocFamily } from '../../server/src/features/docs';
import { libvirtGrammar, type StartName } from '../../server/src/schema/grammar';
import { nameClassNames } from '../../server/src/schema/nameClass';
import { allAttributes, allElements, type Pattern } from '../../server/src/schema/patterns';

export interface Coverage {
  elements: string[];
  attributes: string[];
  missingElements: string[];
  missingAttributes: string[];
}

export function coverage(start: StartName, family: DocFamily, maxDepth = 7): Coverage {
  const g = libvirtGrammar();
  const elements = new Set<string>();
  const attributes = new Set<string>();
  const seen = new Set<string>();
  const walk = (p: Pattern, path: string[]): void => {
    for (const e of allElements(p)) {
      for (const n of nameClassNames(e.nc!)) {
        if (n === '*' || n.includes('*')) continue;
        const pp = [...path, n];
        const key = pp.join('/');
        elements.add(key);
        for (const a of allAttributes(e.content)) for (const an of nameClassNames(a.nc!)) if (!an.includes('*')) attributes.add(`${key}@${an}`);
        const visit = `${e.id}:${key}`;
        if (seen.has(visit) || pp.length >= maxDepth) continue;
        seen.add(visit);
        walk(e.content, pp);
      }
    }
  };
  walk(g.starts[start], []);
  const missingElements = [...elements].filter((k) => !lookupDoc(family, k.split('/')));
  const missingAttributes = [...attributes].filter((k) => {
    const [path, a] = k.split('@');
    return !lookupDoc(family, path.split('/'))?.attrs?.[a];
  });
  return { elements: [...elements], attributes: [...attributes], missingElements, missingAttributes };
}
