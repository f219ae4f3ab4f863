/**
 * RELAX NG patterns at run time, and their derivatives.
 *
 * The validator follows James Clark's "An algorithm for RELAX NG validation"
 * (derivatives of patterns), adapted to a tree we already hold in memory: an
 * element is matched against the element patterns allowed at that point
 * (its content is validated recursively), and the parent's pattern is then
 * replaced by its derivative with respect to the matched element patterns.
 *
 * Patterns are hash-consed (one object per distinct structure, see
 * `PatternTable`) and built by smart constructors that simplify as they go
 * (choice with notAllowed, group with empty, duplicate alternatives…). Equal
 * states are therefore the same object and derivatives are memoized on them:
 * after the first <host>, every further <host> of a DHCP block is a cache hit,
 * so thousands of hosts stay linear.
 */
import { nameClassContains, type NameClass } from './nameClass';

export type PatternKind =
  | 'empty'
  | 'notAllowed'
  | 'text'
  | 'choice'
  | 'group'
  | 'interleave'
  | 'oneOrMore'
  | 'list'
  | 'element'
  | 'attribute'
  | 'value'
  | 'data';

export type Params = readonly (readonly [string, string])[];

export class Pattern {
  /** For element patterns: the content, set after construction (grammars are cyclic). */
  content!: Pattern;
  /** The define this value pattern came from (e.g. `uniMacAddr`), for messages. */
  label: string | undefined;
  readonly nullable: boolean;
  /** Memo tables of the derivative functions, keyed by their other arguments. */
  memo: Map<string, unknown> | undefined;
  /** Hot memo tables (thousands of lookups per document): candidates by name, derivatives by one matched leaf. */
  attCands: Map<string, Pattern[]> | undefined;
  elCands: Map<string, Pattern[]> | undefined;
  derivByLeaf: Map<number, Pattern> | undefined;
  /** data/value leaves: the compiled check. */
  check: ((s: string) => boolean) | undefined;

  constructor(
    readonly id: number,
    readonly kind: PatternKind,
    readonly a: Pattern | undefined,
    readonly b: Pattern | undefined,
    readonly nc: NameClass | undefined,
    /** value: datatype; data: datatype. */
    readonly type: string | undefined,
    /** value: the literal. */
    readonly value: string | undefined,
    /** data: facets. */
    readonly params: Params | undefined,
  ) {
    switch (kind) {
      case 'empty':
      case 'text':
        this.nullable = true;
        break;
      case 'choice':
        this.nullable = a!.nullable || b!.nullable;
        break;
      case 'group':
      case 'interleave':
        this.nullable = a!.nullable && b!.nullable;
        break;
      case 'oneOrMore':
        this.nullable = a!.nullable;
        break;
      default:
        this.nullable = false;
    }
  }

  cached<T>(key: string, compute: () => T): T {
    const m = (this.memo ??= new Map());
    if (m.has(key)) return m.get(key) as T;
    const v = compute();
    m.set(key, v);
    return v;
  }
}

/** Creates and interns patterns. One table per loaded grammar. */
export class PatternTable {
  private readonly interned = new Map<string, Pattern>();
  private nextId = 0;
  readonly empty: Pattern;
  readonly notAllowed: Pattern;
  readonly text: Pattern;

  constructor() {
    this.empty = this.make('empty');
    this.notAllowed = this.make('notAllowed');
    this.text = this.make('text');
  }

  private make(kind: PatternKind, a?: Pattern, b?: Pattern, extra?: { type?: string; value?: string; params?: Params; nc?: NameClass; key?: string }): Pattern {
    const key = `${kind}|${a ? a.id : ''}|${b ? b.id : ''}|${extra?.key ?? ''}`;
    let p = this.interned.get(key);
    if (!p) {
      p = new Pattern(this.nextId++, kind, a, b, extra?.nc, extra?.type, extra?.value, extra?.params);
      this.interned.set(key, p);
    }
    return p;
  }

  /** A fresh element pattern (never shared: identity is the grammar's). Set `content` afterwards. */
  element(nc: NameClass): Pattern {
    return new Pattern(this.nextId++, 'element', undefined, undefined, nc, undefined, undefined, undefined);
  }

  attribute(nc: NameClass, content: Pattern): Pattern {
    return this.make('attribute', content, undefined, { nc, key: JSON.stringify(nc) });
  }

  value(type: string, value: string): Pattern {
    return this.make('value', undefined, undefined, { type, value, key: JSON.stringify([type, value]) });
  }

  data(type: string, params: Params | undefined, except: Pattern | undefined): Pattern {
    return this.make('data', except, undefined, { type, params, key: JSON.stringify([type, params ?? null]) });
  }

  list(p: Pattern): Pattern {
    return p === this.notAllowed ? p : this.make('list', p);
  }

  choice(a: Pattern, b: Pattern): Pattern {
    if (a === this.notAllowed) return b;
    if (b === this.notAllowed) return a;
    if (a === b) return a;
    // Flatten, drop duplicates (first occurrence wins, so order is stable), rebuild.
    const alts: Pattern[] = [];
    const seen = new Set<Pattern>();
    const add = (p: Pattern): void => {
      if (p.kind === 'choice') {
        add(p.a!);
        add(p.b!);
      } else if (p !== this.notAllowed && !seen.has(p)) {
        seen.add(p);
        alts.push(p);
      }
    };
    add(a);
    add(b);
    // `empty` is redundant next to an alternative that is nullable anyway.
    if (seen.has(this.empty) && alts.some((p) => p !== this.empty && p.nullable)) alts.splice(alts.indexOf(this.empty), 1);
    let r = alts[alts.length - 1];
    for (let i = alts.length - 2; i >= 0; i--) r = this.make('choice', alts[i], r);
    return r;
  }

  /** choice(ps[0], choice(ps[1], …)); notAllowed for none. */
  choiceOf(ps: readonly Pattern[]): Pattern {
    let r = this.notAllowed;
    for (let i = ps.length - 1; i >= 0; i--) r = this.choice(ps[i], r);
    return r;
  }

  group(a: Pattern, b: Pattern): Pattern {
    if (a === this.notAllowed || b === this.notAllowed) return this.notAllowed;
    if (a === this.empty) return b;
    if (b === this.empty) return a;
    return this.make('group', a, b);
  }

  interleave(a: Pattern, b: Pattern): Pattern {
    if (a === this.notAllowed || b === this.notAllowed) return this.notAllowed;
    if (a === this.empty) return b;
    if (b === this.empty) return a;
    return this.make('interleave', a, b);
  }

  oneOrMore(a: Pattern): Pattern {
    if (a === this.notAllowed || a === this.empty) return a;
    return this.make('oneOrMore', a);
  }

  // ---------- derivatives ----------

  /**
   * Derivative with respect to "one of these leaf patterns (attributes or
   * elements) was matched": the matched leaves become `empty`, other leaves
   * of the same sort `notAllowed`. For attributes, order does not matter
   * (group behaves like interleave); for elements it does.
   */
  leafDeriv(p: Pattern, matched: ReadonlySet<Pattern>, attributes: boolean, local: Map<Pattern, Pattern> = new Map()): Pattern {
    const known = local.get(p);
    if (known) return known;
    let r: Pattern;
    switch (p.kind) {
      case 'choice':
        r = this.choice(this.leafDeriv(p.a!, matched, attributes, local), this.leafDeriv(p.b!, matched, attributes, local));
        break;
      case 'group': {
        const left = this.group(this.leafDeriv(p.a!, matched, attributes, local), p.b!);
        if (attributes) r = this.choice(left, this.group(p.a!, this.leafDeriv(p.b!, matched, attributes, local)));
        else r = p.a!.nullable ? this.choice(left, this.leafDeriv(p.b!, matched, attributes, local)) : left;
        break;
      }
      case 'interleave':
        r = this.choice(
          this.interleave(this.leafDeriv(p.a!, matched, attributes, local), p.b!),
          this.interleave(p.a!, this.leafDeriv(p.b!, matched, attributes, local)),
        );
        break;
      case 'oneOrMore':
        r = this.group(this.leafDeriv(p.a!, matched, attributes, local), this.choice(p, this.empty));
        break;
      case 'attribute':
        r = attributes && matched.has(p) ? this.empty : this.notAllowed;
        break;
      case 'element':
        r = !attributes && matched.has(p) ? this.empty : this.notAllowed;
        break;
      default:
        r = this.notAllowed;
    }
    local.set(p, r);
    return r;
  }

  /** Derivative with respect to a text node (`matches` checks value/data leaves). */
  textDeriv(p: Pattern, s: string, matches: (leaf: Pattern, s: string) => boolean): Pattern {
    switch (p.kind) {
      case 'choice':
        return this.choice(this.textDeriv(p.a!, s, matches), this.textDeriv(p.b!, s, matches));
      case 'group': {
        const left = this.group(this.textDeriv(p.a!, s, matches), p.b!);
        return p.a!.nullable ? this.choice(left, this.textDeriv(p.b!, s, matches)) : left;
      }
      case 'interleave':
        return this.choice(this.interleave(this.textDeriv(p.a!, s, matches), p.b!), this.interleave(p.a!, this.textDeriv(p.b!, s, matches)));
      case 'oneOrMore':
        return this.group(this.textDeriv(p.a!, s, matches), this.choice(p, this.empty));
      case 'text':
        return p;
      case 'value':
      case 'data':
        return matches(p, s) ? this.empty : this.notAllowed;
      case 'list': {
        let q = p.a!;
        for (const tok of s.split(/[ \t\r\n]+/)) {
          if (tok === '') continue;
          q = this.textDeriv(q, tok, matches);
          if (q === this.notAllowed) break;
        }
        return q.nullable ? this.empty : this.notAllowed;
      }
      default:
        return this.notAllowed;
    }
  }

  /** The end of the start tag: attributes still expected make it fail. */
  startTagClose(p: Pattern, forgiving = false): Pattern {
    return p.cached(forgiving ? 'close!' : 'close', () => {
      switch (p.kind) {
        case 'choice':
          return this.choice(this.startTagClose(p.a!, forgiving), this.startTagClose(p.b!, forgiving));
        case 'group':
          return this.group(this.startTagClose(p.a!, forgiving), this.startTagClose(p.b!, forgiving));
        case 'interleave':
          return this.interleave(this.startTagClose(p.a!, forgiving), this.startTagClose(p.b!, forgiving));
        case 'oneOrMore':
          return this.oneOrMore(this.startTagClose(p.a!, forgiving));
        case 'attribute':
          return forgiving ? this.empty : this.notAllowed;
        default:
          return p;
      }
    });
  }
}

// ---------- questions about a pattern ----------

/** Attribute patterns anywhere in `p` (not below elements) whose name class has this name. */
export function attributeCandidates(p: Pattern, ns: string, local: string): Pattern[] {
  const key = ns === '' ? local : `{${ns}}${local}`;
  const m = (p.attCands ??= new Map());
  let out = m.get(key);
  if (!out) {
    // A filter over the (cached) attribute leaves, not a walk of the pattern: made-up names are not cached below.
    out = allAttributes(p).filter((leaf) => nameClassContains(leaf.nc!, ns, local));
    // Bounded: a document with thousands of made-up attribute names must not grow the shared grammar without end.
    if (m.size < 4096) m.set(key, out);
  }
  return out;
}

/** Element patterns that may come next in `p` and whose name class has this name. */
export function elementCandidates(p: Pattern, ns: string, local: string): Pattern[] {
  const key = ns === '' ? local : `{${ns}}${local}`;
  const m = (p.elCands ??= new Map());
  let out = m.get(key);
  if (!out) {
    out = firstElements(p).filter((e) => nameClassContains(e.nc!, ns, local));
    if (m.size < 4096) m.set(key, out); // bounded, as for attributes
  }
  return out;
}

/** Element patterns that may come next in `p` (its "first set"), in grammar order. */
export function firstElements(p: Pattern): Pattern[] {
  return p.cached('first', () => {
    const out: Pattern[] = [];
    walkLeaves(p, 'element', true, (leaf) => {
      if (!out.includes(leaf)) out.push(leaf);
    });
    return out;
  });
}

/** Every attribute pattern still possible in `p`. */
export function allAttributes(p: Pattern): Pattern[] {
  return p.cached('attrs', () => {
    const out: Pattern[] = [];
    walkLeaves(p, 'attribute', false, (leaf) => {
      if (!out.includes(leaf)) out.push(leaf);
    });
    return out;
  });
}

/** Every element pattern anywhere in `p` (not below elements), regardless of order. */
export function allElements(p: Pattern): Pattern[] {
  return p.cached('elements', () => {
    const out: Pattern[] = [];
    walkLeaves(p, 'element', false, (leaf) => {
      if (!out.includes(leaf)) out.push(leaf);
    });
    return out;
  });
}

/**
 * Visits attribute or element leaves of `p`. With `firstOnly`, a group's right
 * side is visited only when its left side is nullable (the "first set").
 */
function walkLeaves(p: Pattern, kind: 'attribute' | 'element', firstOnly: boolean, visit: (leaf: Pattern) => void, seen = new Set<Pattern>()): void {
  if (seen.has(p)) return;
  seen.add(p);
  switch (p.kind) {
    case 'choice':
    case 'interleave':
      walkLeaves(p.a!, kind, firstOnly, visit, seen);
      walkLeaves(p.b!, kind, firstOnly, visit, seen);
      break;
    case 'group':
      walkLeaves(p.a!, kind, firstOnly, visit, seen);
      if (!firstOnly || p.a!.nullable) walkLeaves(p.b!, kind, firstOnly, visit, seen);
      break;
    case 'oneOrMore':
      walkLeaves(p.a!, kind, firstOnly, visit, seen);
      break;
    case 'attribute':
    case 'element':
      if (p.kind === kind) visit(p);
      break;
    default:
  }
}

/** True when `p` can match character data (text, value or data leaves outside elements). */
export function acceptsText(p: Pattern): boolean {
  return p.cached('acceptsText', () => {
    switch (p.kind) {
      case 'choice':
      case 'group':
      case 'interleave':
        return acceptsText(p.a!) || acceptsText(p.b!);
      case 'oneOrMore':
        return acceptsText(p.a!);
      case 'text':
      case 'value':
      case 'data':
      case 'list':
        return true;
      default:
        return false;
    }
  });
}
