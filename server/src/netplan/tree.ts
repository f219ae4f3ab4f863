/**
 * The tree both netplan YAML parsers build (the fast one-pass scanner in
 * fastParse.ts and the general path over the `yaml` package in parse.ts):
 * mappings, sequences and scalars that keep the source text netplan sees,
 * each with its span.
 */
import type { Span } from '../parse/span';

export interface NpScalar {
  readonly kind: 'scalar';
  /** The text netplan sees: source text for plain scalars, the decoded string for quoted and block scalars. */
  readonly value: string;
  /** `key:` with nothing after it (libyaml: an empty plain scalar). */
  readonly empty: boolean;
  readonly quoted: boolean;
  readonly span: Span;
}

export interface NpPair {
  readonly key: NpScalar;
  /** Empty value → an `empty` scalar at the end of the key line. */
  readonly value: NpNode;
}

export interface NpMap {
  readonly kind: 'map';
  readonly span: Span;
  readonly pairs: readonly NpPair[];
  /** The LAST pair with this key (netplan processes pairs in order, so the later one wins). */
  get(key: string): NpPair | undefined;
}

export interface NpSeq {
  readonly kind: 'seq';
  readonly span: Span;
  readonly items: readonly NpNode[];
}

export type NpNode = NpScalar | NpMap | NpSeq;

export interface NpProblem {
  readonly span: Span;
  readonly message: string;
  /** 'netplan/yaml-syntax' for errors; warnings carry their own code. */
  readonly code: string;
}

/** A mapping; its key index is built on the first `get`. */
export function mapOf(span: Span, pairs: NpPair[]): NpMap {
  let index: Map<string, NpPair> | undefined;
  return {
    kind: 'map',
    span,
    pairs,
    get(key: string) {
      if (!index) {
        index = new Map();
        for (const p of pairs) index.set(p.key.value, p);
      }
      return index.get(key);
    },
  };
}

/** An empty plain scalar (`key:` with nothing after it) at `at`. */
export function emptyScalar(at: number): NpScalar {
  return { kind: 'scalar', value: '', empty: true, quoted: false, span: { start: at, end: at } };
}

/** A copy of `n` with every span set to `span` (an alias's copy of its anchor's node points at the alias). */
export function respan(n: NpNode, span: Span): NpNode {
  return withSpans(n, () => span);
}

/** A copy of `n` whose every span (keys' too) is `f` of the old one. */
export function withSpans(n: NpNode, f: (span: Span) => Span): NpNode {
  const span = f(n.span);
  switch (n.kind) {
    case 'scalar':
      return { ...n, span };
    case 'seq':
      return { kind: 'seq', span, items: n.items.map((i) => withSpans(i, f)) };
    case 'map':
      return mapOf(
        span,
        n.pairs.map((p) => ({ key: { ...p.key, span: f(p.key.span) }, value: withSpans(p.value, f) })),
      );
  }
}
