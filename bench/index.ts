/**
 * `npm run bench`: latency of the real language server (out/server.js over
 * stdio, launched with the same execArgv as the VS Code client), measured
 * from the client side: from sending a didChange to receiving its
 * publishDiagnostics, with the debounce set to 0. Compared with
 * virt-xml-validate on the same files.
 *
 *   BENCH_EDITS=50        edits per scenario
 *   BENCH_FILES=2000      files of the workspace scenario
 *   BENCH_PROFILE=1       write V8 CPU profiles of the server to bench/results/
 *   BENCH_NO_VALIDATE=1   skip virt-xml-validate
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileUri, TestClient } from '../test/lsp/lspClient';
import { breakdown } from './breakdown';
import { bigNetwork } from './generate';

const EDITS = Number(process.env.BENCH_EDITS ?? 50);
const FILES = Number(process.env.BENCH_FILES ?? 2000);
const PROFILE = process.env.BENCH_PROFILE === '1';
const VALIDATE = process.env.BENCH_NO_VALIDATE !== '1';
const root = process.cwd();
const resultsDir = resolve(root, 'bench', 'results');
const EXEC_ARGV = ['--max-semi-space-size=32'];

interface Row {
  scenario: string;
  lines: number;
  median: number;
  p95: number;
  target: string;
  validate?: number;
  note?: string;
}

function quantile(xs: number[], q: number): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.ceil(q * s.length) - 1)];
}
const ms = (x: number) => (x < 10 ? x.toFixed(2) : x < 100 ? x.toFixed(1) : x.toFixed(0));

function execArgv(name: string): string[] {
  if (!PROFILE) return EXEC_ARGV;
  mkdirSync(resultsDir, { recursive: true });
  return [...EXEC_ARGV, '--cpu-prof', `--cpu-prof-dir=${resultsDir}`, `--cpu-prof-name=${name}.cpuprofile`];
}

/** Workspace file i: distinct name, UUID, bridge, MAC and /24 subnet. */
function wsNetwork(i: number): string {
  const a = Math.floor(i / 250);
  const b = i % 250;
  const hex = i.toString(16).padStart(12, '0');
  return `<network>
  <name>net${i}</name>
  <uuid>5e1f0000-0000-4000-8000-${hex}</uuid>
  <forward mode='nat'/>
  <bridge name='vb${i}' stp='on' delay='0'/>
  <mac address='52:54:01:00:${(i >> 8).toString(16).padStart(2, '0')}:${(i & 0xff).toString(16).padStart(2, '0')}'/>
  <ip address='10.${a}.${b}.1' netmask='255.255.255.0'>
    <dhcp>
      <range start='10.${a}.${b}.100' end='10.${a}.${b}.200'/>
    </dhcp>
  </ip>
</network>
`;
}

/** Times `EDITS` one-character edits of the network's name (line 1), after a warm-up. */
async function timeEdits(client: TestClient, uri: string, text: string): Promise<number[]> {
  const line = text.split('\n')[1];
  const col = line.indexOf('</name>') - 1;
  const times: number[] = [];
  const letters = 'abcdefghij';
  for (let i = -10; i < EDITS; i++) {
    const ch = letters[(i + 10) % letters.length];
    const t0 = performance.now();
    await client.edit(uri, { start: { line: 1, character: col }, end: { line: 1, character: col + 1 } }, ch);
    const t = performance.now() - t0;
    if (i >= 0) times.push(t);
  }
  return times;
}

function timeValidate(files: string[], runs = 1): number | undefined {
  if (!VALIDATE) return undefined;
  const probe = spawnSync('virt-xml-validate', ['--help'], { stdio: 'ignore' });
  if (probe.error) return undefined;
  const times: number[] = [];
  for (let r = 0; r < runs; r++) {
    const t0 = performance.now();
    for (const f of files) spawnSync('virt-xml-validate', [f, 'network'], { stdio: 'ignore' });
    times.push(performance.now() - t0);
  }
  return quantile(times, 0.5);
}

async function singleFile(scenario: string, text: string, target: string, path: string): Promise<Row> {
  writeFileSync(path, text);
  const client = await TestClient.start({ execArgv: execArgv(scenario.replace(/\W+/g, '-')) });
  try {
    const uri = fileUri(path);
    const first = await client.open(uri, text);
    const times = await timeEdits(client, uri, text);
    const validate = timeValidate([path], scenario.startsWith('NAT') ? 10 : 3);
    return { scenario, lines: text.split('\n').length - 1, median: quantile(times, 0.5), p95: quantile(times, 0.95), target, validate, note: `${first.diagnostics.length} diagnostics` };
  } finally {
    await client.stop();
  }
}

async function workspace(dir: string): Promise<Row[]> {
  const paths: string[] = [];
  for (let i = 0; i < FILES; i++) {
    const p = join(dir, `d${Math.floor(i / 100)}`, `net${i}.xml`);
    if (i % 100 === 0) mkdirSync(join(dir, `d${Math.floor(i / 100)}`), { recursive: true });
    writeFileSync(p, wsNetwork(i));
    paths.push(p);
  }
  const client = await TestClient.start({ folders: [dir], execArgv: execArgv('workspace') });
  try {
    const indexed = await client.whenIndexed(120_000);
    const indexMs = performance.now() - client.initializedAt;
    const published = client.published.length;
    const uri = fileUri(paths[Math.floor(FILES / 2)]);
    const text = readFileSync(paths[Math.floor(FILES / 2)], 'utf8');
    await client.open(uri, text);
    const times = await timeEdits(client, uri, text);
    const validate = timeValidate(paths);
    return [
      { scenario: `workspace index, ${FILES} files`, lines: FILES * 12, median: indexMs, p95: indexMs, target: '≤ 2000', validate, note: `server says ${indexed.ms} ms for ${indexed.libvirtFiles} files; ${published} publishes` },
      { scenario: `one edit in that workspace`, lines: 12, median: quantile(times, 0.5), p95: quantile(times, 0.95), target: '≤ 20' },
    ];
  } finally {
    await client.stop();
  }
}

async function main(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'virtnet-bench-'));
  const rows: Row[] = [];
  try {
    const nat = readFileSync(resolve(root, 'test/fixtures/tutorial/nat.xml'), 'utf8');
    rows.push(await singleFile('NAT network (tutorial)', nat, '≤ 2', join(dir, 'nat.xml')));
    for (const n of [5000, 10000, 20000]) {
      rows.push(await singleFile(`generated ${n} lines`, bigNetwork(n), n === 20000 ? '≤ 60' : 'linear', join(dir, `big${n}.xml`)));
    }
    const ws = join(dir, 'ws');
    mkdirSync(ws);
    rows.push(...(await workspace(ws)));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  const header = ['scenario', 'lines', 'virtnet median ms', 'p95 ms', 'target ms', 'virt-xml-validate ms', 'note'];
  const table = rows.map((r) => [r.scenario, String(r.lines), ms(r.median), ms(r.p95), r.target, r.validate === undefined ? '—' : ms(r.validate), r.note ?? '']);
  const widths = header.map((h, i) => Math.max(h.length, ...table.map((t) => t[i].length)));
  const fmt = (cells: string[]) => '| ' + cells.map((c, i) => c.padEnd(widths[i])).join(' | ') + ' |';
  const load = loadavg().map((x) => x.toFixed(1)).join(' ');
  console.log(`\nVirtNet language server, ${EDITS} edits per scenario (didChange → publishDiagnostics, debounce 0), node ${process.version}, load average ${load}\n`);
  console.log(fmt(header));
  console.log('|' + widths.map((w) => '-'.repeat(w + 2)).join('|') + '|');
  for (const t of table) console.log(fmt(t));
  console.log('\nvirt-xml-validate: one process per file (median of 10 runs for NAT, 3 for the generated files, one loop over the workspace).');
  const parts = breakdown(bigNetwork(20000));
  console.log('\nWhere the time goes on the 20,000-line file (in process, median of 7):');
  for (const p of parts) console.log(`${ms(p.ms).padStart(8)} ms  ${p.part}`);
  mkdirSync(resultsDir, { recursive: true });
  writeFileSync(join(resultsDir, 'latest.json'), JSON.stringify({ date: new Date().toISOString(), node: process.version, load, edits: EDITS, rows, breakdown20k: parts }, null, 2));
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
