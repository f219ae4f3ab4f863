/**
 * `npx tsx bench/responsiveness.ts`: how long other requests wait while a
 * very large or pathological document is checked, measured from outside the
 * real built server (out/server.js over stdio, default settings).
 *
 * Per scenario a fresh server opens a small network B and the large document
 * A, then BENCH_ROUNDS times sends, back to back: a keystroke in A, A's
 * outline, a hover in A, and an edit of B. Reported: time from sending each
 * to its answer (B: its diagnostics), and to A's own diagnostics.
 *
 *   BENCH_ROUNDS=10
 *   BENCH_VERBOSE=1   also print every round's times (stderr)
 *   BENCH_PROF=DIR    run the servers with --cpu-prof, profiles in DIR
 */
import { loadavg } from 'node:os';
import { performance } from 'node:perf_hooks';
import { TestClient } from '../test/lsp/lspClient';
import { bigNetwork } from './generate';

const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 10);
const EXEC_ARGV = ['--max-semi-space-size=32', ...(process.env.BENCH_PROF ? ['--cpu-prof', `--cpu-prof-dir=${process.env.BENCH_PROF}`] : [])];

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

async function scenario(name: string, text: string): Promise<string[]> {
  const c = await TestClient.start({ execArgv: EXEC_ARGV, initializationOptions: { diagnosticsDelay: undefined } });
  try {
    await c.whenIndexed();
    const a = 'untitled:large';
    const b = 'untitled:small';
    await c.open(b, small('nat'));
    const t0 = performance.now();
    await c.open(a, text);
    const openMs = performance.now() - t0;
    const times: Record<'outline' | 'hover' | 'other document diagnostics' | 'own diagnostics', number[]> = {
      outline: [],
      hover: [],
      'other document diagnostics': [],
      'own diagnostics': [],
    };
    // <name>big</name>: typing alternates the last letter of the name.
    for (let i = 0; i < ROUNDS; i++) {
      const start = performance.now();
      const since = (k: keyof typeof times) => () => void times[k].push(performance.now() - start);
      const own = c.edit(a, { start: { line: 1, character: 10 }, end: { line: 1, character: 11 } }, i % 2 ? 'g' : 'x').then(since('own diagnostics'));
      const outline = c.conn.sendRequest('textDocument/documentSymbol', { textDocument: { uri: a } }).then(since('outline'));
      const hover = c.conn.sendRequest('textDocument/hover', { textDocument: { uri: a }, position: { line: 1, character: 4 } }).then(since('hover'));
      const other = c.change(b, small(i % 2 ? 'nat' : 'route')).then(since('other document diagnostics'));
      await Promise.all([own, outline, hover, other]);
    }
    if (process.env.BENCH_VERBOSE) console.error(name, JSON.stringify(Object.fromEntries(Object.entries(times).map(([k, v]) => [k, v.map((x) => Math.round(x))]))));
    const rows = [`| ${name} | ${(text.length / 1e6).toFixed(2)} MB | open → own diagnostics | ${fmt(openMs)} | — |`];
    for (const [k, v] of Object.entries(times)) rows.push(`| ${name} | | ${k} | ${fmt(quantile(v, 0.5))} | ${fmt(quantile(v, 0.9))} |`);
    return rows;
  } finally {
    await c.stop();
  }
}

async function main(): Promise<void> {
  const rows: string[] = [];
  for (const [name, text] of scenarios) rows.push(...(await scenario(name, text())));
  console.log(`\nWaits while a large document is checked, over stdio, default settings, ${ROUNDS} rounds, node ${process.version}, load average ${loadavg().map((x) => x.toFixed(1)).join(' ')}\n`);
  console.log('| document | size | answer (sent right after a keystroke in it) | median ms | p90 ms |');
  console.log('|---|---|---|---|---|');
  for (const r of rows) console.log(r);
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
