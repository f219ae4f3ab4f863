/** RELAX NG name classes as stored in grammar.json (see scripts/convert-rng.mjs). */
export type NameClass =
  | string // a local name in no namespace
  | readonly ['name', string, string]
  | readonly ['anyName', NameClass | null]
  | readonly ['nsName', string, NameClass | null]
  | readonly ['choice', NameClass, NameClass];

export function nameClassContains(nc: NameClass, ns: string, local: string): boolean {
  if (typeof nc === 'string') return ns === '' && nc === local;
  switch (nc[0]) {
    case 'name':
      return nc[1] === ns && nc[2] === local;
    case 'anyName':
      return !(nc[1] && nameClassContains(nc[1], ns, local));
    case 'nsName':
      return nc[1] === ns && !(nc[2] && nameClassContains(nc[2], ns, local));
    case 'choice':
      return nameClassContains(nc[1], ns, local) || nameClassContains(nc[2], ns, local);
  }
}

/** Names for messages and completion: `name`, `prefix-less local name`, or `*` for wildcards. */
export function nameClassNames(nc: NameClass): string[] {
  if (typeof nc === 'string') return [nc];
  switch (nc[0]) {
    case 'name':
      return [nc[2]];
    case 'anyName':
    case 'nsName':
      return ['*'];
    case 'choice':
      return [...nameClassNames(nc[1]), ...nameClassNames(nc[2])];
  }
}
