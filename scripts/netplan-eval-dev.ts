/**
 * Dev evaluation of the netplan module against the labelled corpus
 * (../shared/corpus/netplan, labels by `netplan generate` 0.106).
 * Usage: npx tsx scripts/netplan-eval-dev.ts [CORPUS_DIR] [--show-fp] [--show-miss] [--show-line]
 * Excluded: doc_elided blocks, the oracle crash. Reported separately: files only in HEAD.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { checkNetplanFile } from '../server/src/netplan';
import { LineIndex } from '../server/src/parse/lineIndex';

const dir = process.argv.find((a, i) => i > 1 && !a.startsWith('--')) ?? '/work/shared/corpus';
const show = new Set(process.argv.filter((a) => a.startsWith('--show')));
const labels = readFileSync(join(dir, 'labels.jsonl'), 'utf8').trim().split('\n').map((l) => JSON.parse(l)).filter((l) => l.kind === 'netplan');
type Row = { file: string; accepted: boolean; head: boolean; errs: number; lineOk?: boolean; firstOk?: boolean; msg: string; msgFull: string; ours: string };
const rows: Row[] = [];
let excluded = 0;
const times: number[] = [];
for (const l of labels) {
  if (l.doc_elided || l.oracle_crashed) { excluded++; continue; }
  const text = readFileSync(join(dir, l.file), 'utf8');
  const t0 = performance.now();
  const f = checkNetplanFile('file:///etc/netplan/' + l.file.split('/').pop(), text);
  times.push(performance.now() - t0);
  const errs = f.filter((x) => (x.severity ?? 'error') === 'error');
  const li = new LineIndex(text);
  const m = /\.yaml:(\d+):(\d+):/.exec(l.message);
  let lineOk: boolean | undefined;
  let firstOk: boolean | undefined;
  if (!l.accepted && m) {
    lineOk = errs.some((e) => li.positionAt(e.span.start).line + 1 === Number(m[1]));
    // "first" = the error nearest the top of the file, as a reader meets it
    const first = errs.reduce<(typeof errs)[number] | undefined>((a, e) => (!a || e.span.start < a.span.start ? e : a), undefined);
    firstOk = !!first && li.positionAt(first.span.start).line + 1 === Number(m[1]);
  }
  rows.push({ file: l.file, accepted: l.accepted, head: !l.found_in_refs.includes('0.106'), errs: errs.length, lineOk, firstOk, msg: l.message.split('\n')[0], msgFull: l.message, ours: errs.map((e) => `${li.positionAt(e.span.start).line + 1}:${li.positionAt(e.span.start).character + 1} ${e.code} ${e.message}`).join(' | ') });
}
function report(name: string, rs: Row[]) {
  const acc = rs.filter((r) => r.accepted), rej = rs.filter((r) => !r.accepted);
  const fp = acc.filter((r) => r.errs > 0), flagged = rej.filter((r) => r.errs > 0);
  const withLine = rej.filter((r) => r.lineOk !== undefined), lineOk = withLine.filter((r) => r.lineOk), firstOk = withLine.filter((r) => r.firstOk);
  const pct = (a: number, b: number) => `${a}/${b} (${(100 * a / Math.max(1, b)).toFixed(1)}%)`;
  console.log(`${name}: ${rs.length} files; accepted ${acc.length}, false positives ${fp.length}; rejected ${rej.length}, flagged ${pct(flagged.length, rej.length)}; of the ${withLine.length} whose message names a line: first error on that line ${pct(firstOk.length, withLine.length)}, some error on it ${pct(lineOk.length, withLine.length)}`);
  return { fp, rej, withLine };
}
console.log(`excluded (doc_elided, oracle crash): ${excluded}`);
const all = report('all', rows);
report('in 0.106 tree', rows.filter((r) => !r.head));
report('HEAD only', rows.filter((r) => r.head));
if (show.has('--show-fp')) for (const r of all.fp) console.log('FP', r.file, '::', r.ours);
if (show.has('--show-miss')) for (const r of all.rej.filter((r) => r.errs === 0)) console.log('MISS', r.file, '::', r.msg);
if (show.has('--show-line')) for (const r of all.withLine.filter((r) => r.errs > 0 && !r.firstOk)) console.log('LINE', r.file, '::', /[^\n]*\.yaml:\d+:\d+:[^\n]*/.exec(r.msgFull)?.[0] ?? r.msg, '::', r.ours);
times.sort((a, b) => a - b);
console.log(`per-file check time: median ${times[times.length >> 1].toFixed(2)} ms, max ${times[times.length - 1].toFixed(1)} ms`);
