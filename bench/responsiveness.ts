/**
 * `npx tsx bench/responsiveness.ts`: how long other requests wait while a
 * very large or pathological document is checked, measured from outside the
 * real built server (out/server.js over stdio, default settings).
 *
 * Per scenario a fresh server opens a small network B, then:
 *
 * - open: BENCH_ROUNDS times, opens the large document A (a new URI each
 *   time, closed again after the round) and as soon as its didOpen is
 *   written to the server sends B's outline, a hover in B and an edit of B.
 *   Reported: time from sending each to its answer (the edit: B's
 *   diagnostics), and from sending the didOpen (before the client
 *   serialises it) to A's own diagnostics;
 * - edit: with A open, BENCH_ROUNDS times sends, back to back: a keystroke
 *   in A, A's outline, a hover in A, and an edit of B. Reported: time from
 *   sending each to its answer (B: its diagnostics), and to A's own
 *   diagnostics.
 *
 *   BENCH_ROUNDS=10
 *   BENCH_VERBOSE=1   also print every round's times (stderr)
 *   BENCH_PROF=DIR    run the servers with --cpu-prof, profiles in DIR
 *   BENCH_TRACE_GC=1  run the servers with --trace-gc, over a named pipe
 *                     instead of stdio (V8 prints on stdout); their GC lines
 *                     go to stderr, each tagged with the scenario and round
 *   BENCH_ONLY=word   run only the scenarios whose name contains `word`
 *   BENCH_PHASES=edit run only the open or the edit phase (default: both)
 *   BENCH_SEMI_SPACE=16  the servers' --max-semi-space-size (default 32, the client's)
 *   BENCH_SERVER=PATH    another server bundle (e.g. an older build, for before/after figures)
 */
import { loadavg } from 'node:os';
import { performance } from 'node:perf_hooks';
import { TestClient } from '../test/lsp/lspClient';
import { bigNetwork } from './generate';

const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 10);
const ONLY = process.env.BENCH_ONLY;
const PHASES = process.env.BENCH_PHASES ?? 'open,edit';
const TRACE_GC = !!process.env.BENCH_TRACE_GC;
/** The VS Code client's execArgv (client/src/languageClient.ts); BENCH_SEMI_SPACE=N tries another young generation size (MB). */
const EXEC_ARGV = [
  `--max-semi-space-size=${process.env.BENCH_SEMI_SPACE ?? 32}`,
  ...(process.env.BENCH_PROF ? ['--cpu-prof', `--cpu-prof-dir=${process.env.BENCH_PROF}`] : []),
  ...(TRACE_GC ? ['--trace-gc'] : []),
];

const small = (mode: string) => `<network>\n  <name>small</name>\n  <forward mode='${mode}'/>\n  <ip address='10.66.0.1' prefix='24'/>\n</network>\n`;
const value = (n: number) => `<network>\n  <name>big</name>\n  <bridge name='${'b'.repeat(n)}'/>\n</network>\n`;
const attributes = (n: number) => `<network>\n  <name>big</name>\n  <bridge ${Array.from({ length: n }, (_, i) => `a${i}='${i}'`).join(' ')}/>\n</network>\n`;

const scenarios: [string, () => string][] = [
  ['1 MB attribute value', () => value(1_000_000)],
  ['3 MB attribute value', () => value(3_000_000)],
  ['4 MB attribute value', () => value(4_000_000)],
  ['20,000 attributes on one element', () => attributes(20_000)],
  ['20,000-line network', () => bigNetwork(20_000)],
];

function quantile(xs: number[], q: number): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.max(0, Math.ceil(q * s.length) - 1))];
}
const fmt = (x: number) => (x < 10 ? x.toFixed(2) : x < 100 ? x.toFixed(1) : x.toFixed(0));

type Times = Record<string, number[]>;

function rowsOf(name: string, phase: string, times: Times): string[] {
  if (process.env.BENCH_VERBOSE) console.error(name, phase, JSON.stringify(Object.fromEntries(Object.entries(times).map(([k, v]) => [k, v.map((x) => Math.round(x))]))));
  return Object.entries(times).map(([k, v]) => `| ${name} | ${phase} | ${k} | ${fmt(quantile(v, 0.5))} | ${fmt(quantile(v, 0.9))} |`);
}

/** --trace-gc lines of the server (its stdout: LSP runs over a pipe then), tagged with the round that was running. */
function traceGc(c: TestClient, label: () => string): void {
  if (!TRACE_GC) return;
  let rest = '';
  c.child.stdout!.on('data', (chunk: Buffer) => {
    const lines = (rest + chunk.toString('latin1')).split(/\r?\n/);
    rest = lines.pop()!;
    for (const line of lines) {
      const m = /\[\d+:0x[0-9a-f]+\]\s+\d+ ms: .*/.exec(line);
      if (m) console.error(`${label()} ${m[0]}`);
    }
  });
}

async function scenario(name: string, text: string): Promise<string[]> {
  const c = await TestClient.start({ execArgv: EXEC_ARGV, initializationOptions: { diagnosticsDelay: undefined }, pipe: TRACE_GC, server: process.env.BENCH_SERVER });
  let label = `${name} start`;
  traceGc(c, () => label);
  try {
    await c.whenIndexed();
    const b = 'untitled:small';
    let bVersion = 0;
    const editB = () => c.change(b, small(++bVersion % 2 ? 'route' : 'nat'));
    await c.open(b, small('nat'));
    const rows: string[] = [];
    const labelled = () => rows.map((r, i) => (i === 0 ? r.replace(`| ${name} |`, `| ${name} (${(text.length / 1e6).toFixed(2)} MB) |`) : r));

    // ---- open: the large document is opened, other requests follow its didOpen ----
    const opening: Times = { 'outline of B': [], 'hover in B': [], 'B diagnostics after an edit of B': [], 'open → own diagnostics': [] };
    for (let i = 0; i < (PHASES.includes('open') ? ROUNDS : 0); i++) {
      label = `${name} open round ${i}`;
      const a = `untitled:large-${i}`;
      const sent = performance.now();
      const own = c.nextDiagnostics(a, 60_000).then(() => void opening['open → own diagnostics'].push(performance.now() - sent));
      // Once the didOpen is serialised and written to the server, the clock of the other requests starts.
      await c.conn.sendNotification('textDocument/didOpen', { textDocument: { uri: a, languageId: 'xml', version: 1, text } });
      const start = performance.now();
      const since = (k: string) => () => void opening[k].push(performance.now() - start);
      const outline = c.conn.sendRequest('textDocument/documentSymbol', { textDocument: { uri: b } }).then(since('outline of B'));
      const hover = c.conn.sendRequest('textDocument/hover', { textDocument: { uri: b }, position: { line: 1, character: 4 } }).then(since('hover in B'));
      const other = editB().then(since('B diagnostics after an edit of B'));
      await Promise.all([own, outline, hover, other]);
      c.close(a);
      await c.ping();
    }
    if (PHASES.includes('open')) rows.push(...rowsOf(name, 'open of it', opening));
    if (!PHASES.includes('edit')) return labelled();

    // ---- edit: a keystroke in the large document, other requests right behind it ----
    const a = 'untitled:large';
    label = `${name} edit: open`;
    await c.open(a, text);
    const times: Times = { 'outline of it': [], 'hover in it': [], 'B diagnostics after an edit of B': [], 'own diagnostics': [] };
    // <name>big</name>: typing alternates the last letter of the name.
    for (let i = 0; i < ROUNDS; i++) {
      label = `${name} edit round ${i}`;
      const start = performance.now();
      const since = (k: string) => () => void times[k].push(performance.now() - start);
      const own = c.edit(a, { start: { line: 1, character: 10 }, end: { line: 1, character: 11 } }, i % 2 ? 'g' : 'x').then(since('own diagnostics'));
      const outline = c.conn.sendRequest('textDocument/documentSymbol', { textDocument: { uri: a } }).then(since('outline of it'));
      const hover = c.conn.sendRequest('textDocument/hover', { textDocument: { uri: a }, position: { line: 1, character: 4 } }).then(since('hover in it'));
      const other = editB().then(since('B diagnostics after an edit of B'));
      await Promise.all([own, outline, hover, other]);
    }
    rows.push(...rowsOf(name, 'keystroke in it', times));
    return labelled();
  } finally {
    await c.stop();
  }
}

async function main(): Promise<void> {
  const rows: string[] = [];
  for (const [name, text] of scenarios) if (!ONLY || name.includes(ONLY)) rows.push(...(await scenario(name, text())));
  console.log(`\nWaits while a large document is opened or edited, over stdio, default settings, ${ROUNDS} rounds, node ${process.version}, load average ${loadavg().map((x) => x.toFixed(1)).join(' ')}\n`);
  console.log('| large document | sent right after | answer | median ms | p90 ms |');
  console.log('|---|---|---|---|---|');
  for (const r of rows) console.log(r);
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
