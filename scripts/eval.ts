/**
 * `npm run eval -- DIR [--kind K] [--json] [--oracle either|parser] [--strict]`
 *
 * Measures VirtNet against a labelled corpus (DIR/labels.jsonl, one JSON
 * object per file with the real tools' verdict). Each file is linted alone in
 * its own language service, because the labels come from an empty virsh
 * state. Per kind it reports false positives (an error from us on a file the
 * oracle accepted), misses (no error from us on a file it rejected) and the
 * detection rate.
 *
 * The oracle verdict is "rejected" when virsh rejected the file or, with
 * `--oracle either` (the default, as in test/comparison.test.ts), when
 * virt-xml-validate did; for netplan it is `netplan generate` 0.106. A kind
 * the service recognises no file of is shown as "not supported yet".
 *
 * netplan files are linted under their corpus path (`netplan/F.yaml`, which
 * the service recognises as netplan by its folder); how many would also be
 * recognised by content alone is reported. netplan names the place of most
 * errors (`FILE:LINE:COL: …`): the report says how often our first error (in
 * document order) is on that line. Left out, per the corpus README's caveats:
 * files only in netplan HEAD (labelled against features 0.106 lacks) and
 * elided docs snippets; a file on which the 0.106 generator crashed counts as
 * rejected even when it only exists in HEAD (the crash is 0.106's own verdict,
 * and `netplan apply` fails on it). Files
 * labelled with a stub `ovs-vsctl` (netplan needs the tool for any Open
 * vSwitch definition) count, with the stub's verdict.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { readTextFile } from '../server/src/cli/read';
import { isNetplan } from '../server/src/netplan';
import { createLanguageService } from '../server/src/service/languageService';
import { judge, startLibvirtd } from '../test/helpers/oracle';

interface Label {
  readonly file: string;
  readonly kind: string;
  readonly accepted: boolean;
  readonly message: string;
  readonly rng_valid: boolean | null;
  readonly rng_message?: string;
  readonly doc_elided?: boolean;
  readonly found_in_refs?: readonly string[];
  readonly oracle?: string;
  readonly oracle_crashed?: boolean;
  readonly env_adjustment?: string;
}

type OracleMode = 'either' | 'parser';

interface Options {
  readonly dir: string;
  readonly kinds: readonly string[];
  readonly json: boolean;
  readonly strict: boolean;
  readonly oracle: OracleMode;
  /** Re-judge network files with a private real libvirtd instead of the labels' test driver. */
  readonly libvirtd: boolean;
}

/** The oracle's netplan version: files only found in newer revisions are labelled against features it lacks. */
const NETPLAN_ORACLE_REF = '0.106';

/** Why a labelled file does not count, or undefined when it counts (caveats of the corpus README). */
function exclusion(l: Label): string | undefined {
  if (l.doc_elided) return 'elided docs snippet';
  // a crash of netplan 0.106 is its verdict on the file (netplan apply fails): counted as rejected
  if (l.oracle_crashed) return undefined;
  if (l.kind === 'netplan' && l.found_in_refs && !l.found_in_refs.includes(NETPLAN_ORACLE_REF)) return `only in netplan newer than ${NETPLAN_ORACLE_REF}`;
  return undefined;
}

/** The 1-based line netplan names in its message (`netplan/F.yaml:LINE:COL: …`), if any. */
function oracleLine(l: Label): number | undefined {
  if (l.kind !== 'netplan' || l.accepted) return undefined;
  const m = /\.ya?ml:(\d+):(\d+):/.exec(l.message);
  return m ? Number(m[1]) : undefined;
}

function oracleRejects(l: Label, mode: OracleMode): boolean {
  return !l.accepted || (mode === 'either' && l.rng_valid === false);
}

/** The most telling line of the oracle's output. */
function oracleMessage(l: Label): string {
  const pick = (text: string | undefined) => {
    const lines = (text ?? '').split('\n').map((s) => s.trim()).filter(Boolean);
    const line = lines.filter((s) => !/^error: Failed to define/.test(s) && !/fails to validate$/.test(s)).pop() ?? lines.pop() ?? '';
    return line.replace(/^error: /, '');
  };
  if (l.kind === 'netplan') {
    // netplan prints `FILE:LINE:COL: message`, the YAML line and a caret; or an `ERROR: id: …` line.
    const lines = l.message.split('\n').map((s) => s.trim()).filter(Boolean);
    const line = lines.find((s) => /\.ya?ml:\d+:\d+:/.test(s)) ?? lines.find((s) => /error/i.test(s)) ?? lines.find((s) => s !== '^') ?? '';
    return line.replace(/^netplan\/[^:]*:/, '') || '(no message)';
  }
  return (!l.accepted ? pick(l.message) : pick(l.rng_message)) || '(no message)';
}

interface FileOutcome {
  readonly file: string;
  readonly supported: boolean;
  readonly excluded?: string;
  readonly oracleRejected: boolean;
  readonly weRejected: boolean;
  readonly firstError?: string;
  /** 1-based line of our first error in document order. */
  readonly firstErrorLine?: number;
  /** Lines (1-based) of all our errors. */
  readonly errorLines: readonly number[];
  /** The line the oracle names (netplan), when it names one. */
  readonly oracleLine?: number;
  /** netplan only: recognised as netplan from the text alone, without the path. */
  readonly byContent?: boolean;
  readonly oracleMessage: string;
  /** Labelled with the verdict of a stub ovs-vsctl. */
  readonly ovsStub: boolean;
}

interface KindReport {
  readonly kind: string;
  readonly supported: boolean;
  readonly files: number;
  readonly accepted: number;
  readonly rejected: number;
  readonly excluded: number;
  readonly unsupported: number;
  readonly falsePositives: { file: string; ours: string }[];
  readonly misses: { file: string; oracle: string }[];
  readonly detected: number;
  /** Accepted files that count (not excluded, recognised): the base of the false positives. */
  readonly countedAccepted: number;
  /** Detected / counted rejected files; null when none. */
  readonly detectionRate: number | null;
  /** Why files were left out, with counts. */
  readonly exclusions: Record<string, number>;
  /** Counted rejected files where the oracle names a line (netplan). */
  readonly withOracleLine: number;
  /** … of which our first error is on that line. */
  readonly firstErrorOnLine: number;
  /** … of which some error of ours is on that line. */
  readonly anyErrorOnLine: number;
  /** Our first error on the oracle's line, over all counted rejected files; null when none or no line is ever named. */
  readonly lineRate: number | null;
  readonly lineMismatches: { file: string; oracle: string; ours: string }[];
  /** netplan: files recognised from the text alone / files read. */
  readonly recognisedByContent?: { readonly yes: number; readonly of: number };
  /** Counted files labelled with the stub ovs-vsctl's verdict. */
  readonly ovsStub: number;
}

/**
 * The labels' network verdicts come from virsh's test driver, which skips
 * the network driver's define-time validation. With --libvirtd, network
 * files are defined on a private real libvirtd (scripts/testbed/libvirtd.sh,
 * root only) and its verdict replaces the label's; the schema verdict stays.
 */
async function relabelWithLibvirtd(dir: string, labels: Label[]): Promise<{ labels: Label[]; changed: string[] }> {
  const daemon = await startLibvirtd();
  const changed: string[] = [];
  try {
    const out: Label[] = [];
    for (const l of labels) {
      if (l.kind !== 'network') {
        out.push(l);
        continue;
      }
      const p = path.resolve(dir, l.file);
      const [v] = await judge([{ path: p, text: fs.readFileSync(p, 'utf8') }], { libvirtdUri: daemon.uri });
      if (v && v.virshAccepted !== l.accepted) {
        changed.push(`${l.file}: test driver ${l.accepted ? 'accepted' : 'rejected'}, libvirtd ${v.virshAccepted ? 'accepts' : 'rejects'}${v.virshAccepted ? '' : `: ${v.messages.trim().split('\n').pop()}`}`);
      }
      out.push(v ? { ...l, accepted: v.virshAccepted, message: v.virshAccepted ? '' : v.messages } : l);
    }
    return { labels: out, changed };
  } finally {
    await daemon.stop();
  }
}

function lintOne(dir: string, l: Label, mode: OracleMode): FileOutcome {
  const p = path.resolve(dir, l.file);
  const base = {
    file: l.file,
    oracleRejected: oracleRejects(l, mode),
    oracleMessage: oracleMessage(l),
    excluded: exclusion(l),
    oracleLine: oracleLine(l),
    ovsStub: l.env_adjustment !== undefined && /ovs-vsctl/.test(l.env_adjustment),
  };
  const r = readTextFile(p);
  if (!r.ok) return { ...base, supported: false, weRejected: false, firstError: r.reason, errorLines: [] };
  const service = createLanguageService();
  const uri = pathToFileURL(p).href;
  service.setFile(uri, r.text);
  const diags = service.getDiagnostics(uri);
  const supported = service.kindOf(uri) !== undefined || diags.length > 0;
  const errors = diags
    .filter((d) => d.severity === 1)
    .sort((a, b) => a.range.start.line - b.range.start.line || a.range.start.character - b.range.start.character);
  const err = errors[0];
  const firstError = err ? `${err.range.start.line + 1}:${err.range.start.character + 1} ${String(err.code)}: ${String(err.message)}` : undefined;
  return {
    ...base,
    supported,
    weRejected: err !== undefined,
    firstError,
    firstErrorLine: err ? err.range.start.line + 1 : undefined,
    errorLines: errors.map((d) => d.range.start.line + 1),
    byContent: l.kind === 'netplan' ? isNetplan(r.text) : undefined,
  };
}

function report(kind: string, outcomes: readonly FileOutcome[]): KindReport {
  const supported = outcomes.some((o) => o.supported);
  const counted = outcomes.filter((o) => o.supported && !o.excluded);
  const rejected = counted.filter((o) => o.oracleRejected);
  const falsePositives = counted.filter((o) => !o.oracleRejected && o.weRejected).map((o) => ({ file: o.file, ours: o.firstError ?? '' }));
  const misses = rejected.filter((o) => !o.weRejected).map((o) => ({ file: o.file, oracle: o.oracleMessage }));
  const detected = rejected.length - misses.length;
  const exclusions: Record<string, number> = {};
  for (const o of outcomes) if (o.excluded) exclusions[o.excluded] = (exclusions[o.excluded] ?? 0) + 1;
  const withLine = rejected.filter((o) => o.oracleLine !== undefined);
  const onLine = withLine.filter((o) => o.firstErrorLine === o.oracleLine);
  const lineMismatches = withLine
    .filter((o) => o.weRejected && o.firstErrorLine !== o.oracleLine)
    .map((o) => ({ file: o.file, oracle: o.oracleMessage, ours: o.firstError ?? '' }));
  const read = outcomes.filter((o) => o.byContent !== undefined);
  return {
    kind,
    supported,
    files: outcomes.length,
    accepted: outcomes.filter((o) => !o.oracleRejected).length,
    rejected: outcomes.filter((o) => o.oracleRejected).length,
    excluded: outcomes.filter((o) => o.excluded).length,
    unsupported: outcomes.filter((o) => !o.supported).length,
    falsePositives,
    misses,
    detected,
    countedAccepted: counted.length - rejected.length,
    detectionRate: rejected.length ? detected / rejected.length : null,
    exclusions,
    withOracleLine: withLine.length,
    firstErrorOnLine: onLine.length,
    anyErrorOnLine: withLine.filter((o) => o.oracleLine !== undefined && o.errorLines.includes(o.oracleLine)).length,
    lineRate: rejected.length && withLine.length ? onLine.length / rejected.length : null,
    lineMismatches,
    recognisedByContent: read.length ? { yes: read.filter((o) => o.byContent).length, of: read.length } : undefined,
    ovsStub: counted.filter((o) => o.ovsStub).length,
  };
}

function printText(reports: readonly KindReport[], mode: OracleMode, ms: number, relabelled: readonly string[] | undefined): void {
  const out: string[] = [];
  out.push(`Oracle: ${mode === 'either' ? 'rejected = virsh rejects OR virt-xml-validate rejects' : 'rejected = virsh rejects'}`);
  if (relabelled) {
    out.push(`Network files judged by a private real libvirtd (network driver), not the labels' test driver; ${relabelled.length} verdict(s) differ from the labels:`);
    for (const c of relabelled) out.push(`  ${c}`);
  }
  for (const r of reports) {
    out.push('');
    out.push(`${r.kind}: ${r.files} files, ${r.accepted} accepted, ${r.rejected} rejected by the oracle`);
    if (!r.supported) {
      out.push('  not supported yet (VirtNet recognises none of these files)');
      continue;
    }
    if (r.excluded) out.push(`  excluded: ${r.excluded} (${Object.entries(r.exclusions).map(([why, n]) => `${why}: ${n}`).join('; ')})`);
    if (r.unsupported) out.push(`  not recognised by VirtNet: ${r.unsupported}`);
    if (r.recognisedByContent) out.push(`  recognised as netplan from the text alone (without the netplan/ path): ${r.recognisedByContent.yes}/${r.recognisedByContent.of}`);
    if (r.ovsStub) out.push(`  counted with the verdict of a stub ovs-vsctl: ${r.ovsStub}`);
    out.push(`  false positives: ${r.falsePositives.length} (of ${r.countedAccepted} accepted files counted)`);
    for (const f of r.falsePositives) out.push(`    ${f.file}: ${f.ours}`);
    out.push(`  misses: ${r.misses.length}`);
    for (const m of r.misses) out.push(`    ${m.file}: oracle says: ${m.oracle}`);
    const rate = r.detectionRate === null ? 'n/a (no rejected file counted)' : `${r.detected}/${r.detected + r.misses.length} = ${(100 * r.detectionRate).toFixed(1)}%`;
    out.push(`  detection rate: ${rate}`);
    if (r.withOracleLine > 0) {
      const counted = r.detected + r.misses.length;
      const pct = (n: number, of: number) => `${n}/${of} = ${of ? ((100 * n) / of).toFixed(1) : '0.0'}%`;
      out.push(`  our first error on the line the oracle names: ${pct(r.firstErrorOnLine, counted)} of the rejected files (${pct(r.firstErrorOnLine, r.withOracleLine)} of the ${r.withOracleLine} whose message names a line; some error of ours on it: ${r.anyErrorOnLine})`);
      for (const m of r.lineMismatches) out.push(`    ${m.file}: oracle says: ${m.oracle} | ours: ${m.ours}`);
    }
  }
  out.push('');
  out.push(`(${(ms / 1000).toFixed(1)} s)`);
  process.stdout.write(out.join('\n') + '\n');
}

const USAGE = `Usage: npm run eval -- DIR [--kind KIND]... [--json] [--oracle either|parser] [--libvirtd] [--strict]
  DIR             a corpus folder holding labels.jsonl (e.g. /work/shared/corpus)
  --kind KIND     only this kind (network, interface, domain, netplan); repeatable
  --json          machine-readable report
  --oracle MODE   either (default): rejected when virsh or virt-xml-validate rejects;
                  parser: rejected only when virsh rejects
  --libvirtd      judge network files with a private real libvirtd (root; scripts/testbed/libvirtd.sh)
                  instead of the labels, which come from virsh's test driver
  --strict        exit 1 when there is a false positive or a miss`;

function parseOptions(argv: readonly string[]): Options | string {
  let dir: string | undefined;
  const kinds: string[] = [];
  let json = false;
  let strict = false;
  let oracle: OracleMode = 'either';
  let libvirtd = false;
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--json') json = true;
    else if (a === '--strict') strict = true;
    else if (a === '--libvirtd') libvirtd = true;
    else if (a === '--kind') {
      if (argv[i + 1] === undefined) return '--kind needs a value';
      kinds.push(argv[++i]);
    } else if (a === '--oracle') {
      const v = argv[++i];
      if (v !== 'either' && v !== 'parser') return '--oracle must be either or parser';
      oracle = v;
    } else if (a === '-h' || a === '--help') return '';
    else if (a.startsWith('-')) return `unknown option '${a}'`;
    else if (dir === undefined) dir = a;
    else return `unexpected argument '${a}'`;
  }
  if (!dir) return 'no corpus DIR given';
  return { dir, kinds, json, strict, oracle, libvirtd };
}

async function main(): Promise<number> {
  const opts = parseOptions(process.argv.slice(2));
  if (typeof opts === 'string') {
    if (opts) process.stderr.write(`eval: ${opts}\n`);
    process.stderr.write(USAGE + '\n');
    return opts ? 2 : 0;
  }
  const labelsPath = path.join(opts.dir, 'labels.jsonl');
  if (!fs.existsSync(labelsPath)) {
    process.stderr.write(`eval: ${labelsPath} does not exist\n`);
    return 2;
  }
  const t0 = performance.now();
  let labels: Label[] = fs.readFileSync(labelsPath, 'utf8').split('\n').filter((l) => l.trim()).map((l) => JSON.parse(l) as Label);
  let relabelled: string[] | undefined;
  if (opts.libvirtd) ({ labels, changed: relabelled } = await relabelWithLibvirtd(opts.dir, labels));
  const kinds = [...new Set(labels.map((l) => l.kind))].filter((k) => opts.kinds.length === 0 || opts.kinds.includes(k));
  const unknown = opts.kinds.filter((k) => !labels.some((l) => l.kind === k));
  if (unknown.length) {
    process.stderr.write(`eval: no file of kind ${unknown.join(', ')} in ${labelsPath}\n`);
    return 2;
  }
  const reports = kinds.map((k) => report(k, labels.filter((l) => l.kind === k).map((l) => lintOne(opts.dir, l, opts.oracle))));
  const ms = performance.now() - t0;
  if (opts.json) process.stdout.write(JSON.stringify({ oracle: opts.oracle, libvirtd: opts.libvirtd, relabelled, kinds: reports, milliseconds: Math.round(ms) }, null, 2) + '\n');
  else printText(reports, opts.oracle, ms, relabelled);
  const bad = reports.some((r) => r.supported && (r.falsePositives.length > 0 || r.misses.length > 0));
  return opts.strict && bad ? 1 : 0;
}

main().then(
  (code) => (process.exitCode = code),
  (err) => {
    process.stderr.write(`eval: ${String(err instanceof Error ? err.message : err)}\n`);
    process.exitCode = 2;
  },
);
