/**
 * Loads schemas/libvirt/grammar.json (generated from libvirt's RNG by
 * scripts/convert-rng.mjs) into run-time patterns. The JSON is bundled by
 * esbuild through the static import: no file is read at run time.
 */
import grammarJson from '../../../schemas/libvirt/grammar.json';
import type { NameClass } from './nameClass';
import { Pattern, PatternTable, type Params } from './patterns';

type JsonPattern =
  | readonly ['empty']
  | readonly ['notAllowed']
  | readonly ['text']
  | readonly ['choice' | 'group' | 'interleave', number, number]
  | readonly ['oneOrMore' | 'list', number]
  | readonly ['element' | 'attribute', NameClass, number]
  | readonly ['value', string, string, string]
  | readonly ['data', string, Params | null, number | null];

export interface GrammarJson {
  readonly version: number;
  readonly source: string;
  readonly starts: Readonly<Record<StartName, number>>;
  readonly labels: Readonly<Record<string, string>>;
  readonly patterns: readonly JsonPattern[];
}

/** The three documents the grammar describes. */
export type StartName = 'network' | 'hostInterface' | 'domainInterface';

export interface Grammar {
  readonly table: PatternTable;
  /** The start pattern of each document kind (an element pattern, or a choice of them). */
  readonly starts: Readonly<Record<StartName, Pattern>>;
}

export function loadGrammar(json: GrammarJson): Grammar {
  const table = new PatternTable();
  const built: (Pattern | undefined)[] = new Array(json.patterns.length);
  const build = (i: number): Pattern => {
    const done = built[i];
    if (done) return done;
    const p = json.patterns[i];
    let r: Pattern;
    switch (p[0]) {
      case 'empty':
        r = table.empty;
        break;
      case 'notAllowed':
        r = table.notAllowed;
        break;
      case 'text':
        r = table.text;
        break;
      case 'choice':
        r = table.choice(build(p[1]), build(p[2]));
        break;
      case 'group':
        r = table.group(build(p[1]), build(p[2]));
        break;
      case 'interleave':
        r = table.interleave(build(p[1]), build(p[2]));
        break;
      case 'oneOrMore':
        r = table.oneOrMore(build(p[1]));
        break;
      case 'list':
        r = table.list(build(p[1]));
        break;
      case 'element': {
        const e = table.element(p[1]);
        built[i] = e; // before the content: the content may lead back here
        e.content = build(p[2]);
        return e;
      }
      case 'attribute':
        r = table.attribute(p[1], build(p[2]));
        break;
      case 'value':
        r = table.value(p[1], p[2]);
        break;
      case 'data':
        r = table.data(p[1], p[2] ?? undefined, p[3] === null ? undefined : build(p[3]));
        break;
    }
    built[i] = r;
    const label = json.labels[String(i)];
    if (label && !r.label) r.label = label;
    return r;
  };
  const starts = {
    network: build(json.starts.network),
    hostInterface: build(json.starts.hostInterface),
    domainInterface: build(json.starts.domainInterface),
  };
  return { table, starts };
}

let cached: Grammar | undefined;

/** libvirt's grammar, loaded once. */
export function libvirtGrammar(): Grammar {
  return (cached ??= loadGrammar(grammarJson as unknown as GrammarJson));
}
