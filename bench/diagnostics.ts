/**
 * `npm run bench:diagnostics`: how long a user waits for diagnostics after a
 * keystroke, measured from outside the real built server (out/server.js over
 * stdio) with DEFAULT settings (no diagnosticsDelay override, so
 * `virtnet.diagnostics.delay` is its default): from sending a didChange to
 * receiving the publishDiagnostics for that version.
 *
 * Scenarios:
 *   - the tutorial's NAT network with `mode='natt'`: the edit that fixes it
 *     (its diagnostics cleared), and the edit that breaks it again (a new
 *     problem, held back for the pause by design);
 *   - a 20,000-line network: a one-character edit of its name;
 *   - a 2,000-line netplan file on each parse path (plain, CRLF, anchors,
 *     block scalars, a YAML error in the middle; bench/netplanFiles.ts): a
 *     one-digit edit of an mtu.
 *
 *   BENCH_EDITS=30     timed edits per scenario (after 5 untimed warm-up edits)
 *   BENCH_ONLY=word    run only the scenarios whose name contains `word`
 */
import { mkdtempSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileUri, TestClient, type PublishDiagnosticsParams } from '../test/lsp/lspClient';
import { bigNetwork } from './generate';
import { NETPLAN_PATHS, netplanFor, type NetplanPath } from './netplanFiles';

const EDITS = Number(process.env.BENCH_EDITS ?? 30);
const ONLY = process.env.BENCH_ONLY;
const WARMUP = 5;
/** The VS Code client's execArgv (client/src/languageClient.ts). */
const EXEC_ARGV = ['--max-semi-space-size=32'];

interface Row {
  scenario: string;
  median: number;
  p90: number;
  target: string;
  note: string;
}

function quantile(xs: number[], q: number): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.max(0, Math.ceil(q * s.length) - 1))];
}
const fmt = (x: number) => (x < 10 ? x.toFixed(2) : x < 100 ? x.toFixed(1) : x.toFixed(0));

type Pos = { line: number; character: number };
interface Edit {
  at: Pos;
  /** Characters replaced after `at` (on the same line). */
  remove: number;
  insert: string;
}

/** Sends one edit and resolves with the time until the publish for its version, and that publish. */
async function timed(client: TestClient, uri: string, e: Edit): Promise<[number, PublishDiagnosticsParams]> {
  const t0 = performance.now();
  const p = await client.edit(uri, { start: e.at, end: { line: e.at.line, character: e.at.character + e.remove } }, e.insert);
  return [performance.now() - t0, p];
}

function positionOf(text: string, needle: string, from = 0): Pos {
  const offset = text.indexOf(needle, from);
  if (offset < 0) throw new Error(`${needle} not found`);
  const before = text.slice(0, offset);
  const line = before.split('\n').length - 1;
  return { line, character: offset - (before.lastIndexOf('\n') + 1) };
}

/** Opens `text` in a fresh server with default settings and runs `body`. */
async function withServer<T>(path: string, text: string, languageId: string, body: (c: TestClient, uri: string) => Promise<T>): Promise<T> {
  writeFileSync(path, text);
  // No diagnosticsDelay in the initialization options: the server's default delay applies.
  const client = await TestClient.start({ execArgv: EXEC_ARGV, initializationOptions: { diagnosticsDelay: undefined } });
  try {
    const uri = fileUri(path);
    await client.open(uri, text, languageId);
    return await body(client, uri);
  } finally {
    await client.stop();
  }
}

/** Alternates two edits (a, b), timing both; returns the times of each. */
async function alternate(client: TestClient, uri: string, a: Edit, b: Edit, check?: (pa: PublishDiagnosticsParams, pb: PublishDiagnosticsParams) => void): Promise<[number[], number[]]> {
  const ta: number[] = [];
  const tb: number[] = [];
  for (let i = -WARMUP; i < EDITS; i++) {
    const [xa, pa] = await timed(client, uri, a);
    const [xb, pb] = await timed(client, uri, b);
    check?.(pa, pb);
    if (i >= 0) ta.push(xa), tb.push(xb);
  }
  return [ta, tb];
}

function row(scenario: string, times: number[], target: string, note: string): Row {
  return { scenario, median: quantile(times, 0.5), p90: quantile(times, 0.9), target, note };
}

async function natFix(dir: string): Promise<Row[]> {
  const nat = readFileSync(resolve(process.cwd(), 'test/fixtures/tutorial/nat.xml'), 'utf8').replace("mode='nat'", "mode='natt'");
  return withServer(join(dir, 'nat.xml'), nat, 'xml', async (client, uri) => {
    const at = positionOf(nat, "natt'");
    const fix: Edit = { at: { ...at, character: at.character + 3 }, remove: 1, insert: '' };
    const brk: Edit = { at: { ...at, character: at.character + 3 }, remove: 0, insert: 't' };
    const [fixes, breaks] = await alternate(client, uri, fix, brk, (pf, pb) => {
      if (pf.diagnostics.length !== 0) throw new Error(`the fix left ${pf.diagnostics.length} diagnostics`);
      if (pb.diagnostics.length === 0) throw new Error('the break was not reported');
    });
    const nameAt = positionOf(nat, '</name>');
    const letter = (ch: string): Edit => ({ at: { ...nameAt, character: nameAt.character - 1 }, remove: 1, insert: ch });
    const [na, nb] = await alternate(client, uri, letter('x'), letter('t'));
    return [
      row("NAT network: edit that fixes mode='natt' (diagnostics cleared)", fixes, '≤ 5', 'published at once: no new problem'),
      row("NAT network: edit that breaks it again (new problem)", breaks, '—', 'held for the pause (delay 50 ms)'),
      row('NAT network (still broken): edit of the name', [...na, ...nb], '—', 'same problem as shown: at once'),
    ];
  });
}

async function network20k(dir: string): Promise<Row[]> {
  const text = bigNetwork(20000);
  return withServer(join(dir, 'big20000.xml'), text, 'xml', async (client, uri) => {
    const nameAt = positionOf(text, '</name>');
    const letter = (ch: string): Edit => ({ at: { ...nameAt, character: nameAt.character - 1 }, remove: 1, insert: ch });
    const [a, b] = await alternate(client, uri, letter('x'), letter('g'));
    return [row('20,000-line network: edit of the name', [...a, ...b], '≤ 40', `${client.diagnostics(uri).length} diagnostics`)];
  });
}

async function netplan2k(dir: string, variant: NetplanPath): Promise<Row[]> {
  const text = netplanFor(variant, 2000);
  const folder = join(dir, `np-${variant}`, 'etc', 'netplan');
  mkdirSync(folder, { recursive: true });
  return withServer(join(folder, '50-bench.yaml'), text, 'yaml', async (client, uri) => {
    // The last digit of an mtu a third of the way down (line and column are the same with CRLF).
    const lf = text.replace(/\r\n/g, '\n');
    const at = positionOf(lf, 'mtu: 9000', Math.floor(lf.length / 3));
    const digit = (d: string): Edit => ({ at: { ...at, character: at.character + 8 }, remove: 1, insert: d });
    const [a, b] = await alternate(client, uri, digit('1'), digit('0'));
    const lines = text.split('\n').length - 1;
    return [row(`${lines}-line netplan, ${variant}: edit of an mtu`, [...a, ...b], '≤ 30', `${client.diagnostics(uri).length} diagnostics`)];
  });
}

async function main(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'virtnet-bench-diag-'));
  const scenarios: [string, () => Promise<Row[]>][] = [
    ['nat', () => natFix(dir)],
    ['network', () => network20k(dir)],
    ...NETPLAN_PATHS.map((v): [string, () => Promise<Row[]>] => [`netplan-${v}`, () => netplan2k(dir, v)]),
  ];
  const rows: Row[] = [];
  try {
    for (const [name, run] of scenarios) if (!ONLY || name.includes(ONLY)) rows.push(...(await run()));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  const header = ['scenario', 'median ms', 'p90 ms', 'target ms', 'note'];
  const cells = rows.map((r) => [r.scenario, fmt(r.median), fmt(r.p90), r.target, r.note]);
  const widths = header.map((h, i) => Math.max(h.length, ...cells.map((c) => c[i].length)));
  const line = (c: string[]) => '| ' + c.map((x, i) => x.padEnd(widths[i])).join(' | ') + ' |';
  console.log(`\ndidChange → publishDiagnostics over stdio, default settings, ${EDITS} edits (×2 where alternating), node ${process.version}, load average ${loadavg().map((x) => x.toFixed(1)).join(' ')}\n`);
  console.log(line(header));
  console.log('|' + widths.map((w) => '-'.repeat(w + 2)).join('|') + '|');
  for (const c of cells) console.log(line(c));
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
