/**
 * A bounded, deterministic mutation fuzz of the real netplan generator, to
 * find inputs on which netplan 0.106 aborts (failed g_assert, "Bail out!") or
 * crashes (segfault) instead of accepting or refusing them.
 *
 *   npx tsx scripts/netplan-fuzz.ts [--seed N] [--count N] [--seconds N]
 *        [--jobs 1|2] [--out DIR] [--corpus DIR] [--ovs-stub] [--no-minimise]
 *
 * Seeds: every YAML file under test/fixtures/netplan and the netplan files of
 * the labelled corpus (read in place, default /work/shared/corpus/netplan),
 * each run once as it is; the accepted ones are the bases that get mutated
 * (all of them serve as donors).
 * Each case applies 1–3 mutations (delete a key, empty/null a value, list ⇄
 * scalar, swap values, copy keys between definitions or from another seed,
 * dangling or self references, renderer switches, moving a definition to
 * another device type, edge numbers, a second file, a later file amending a
 * definition with another value for one of its keys) and runs the generator on
 * a private root dir. The bulk runs call netplan's generator binary directly
 * (`netplan generate --root-dir D` only execs `/usr/libexec/netplan/generate
 * --root-dir D`, and the Python start-up costs 25× the run); every distinct
 * crash is minimised (keys, items and files removed while the crash keeps its
 * signature) and then confirmed through the real `netplan generate --root-dir`.
 *
 * A crash's signature is the assertion glib prints (file:line:function:
 * expression) or, for a signal without a message, the signal and the top
 * frames gdb shows (addresses are stable: gdb disables ASLR). Output:
 * DIR/summary.json, DIR/summary.md and DIR/crash-N.yaml (default DIR
 * /tmp/netplan-fuzz). Only local processes run; nothing touches the network.
 */
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { parse, stringify } from 'yaml';
import { checkNetplanFolder } from '../server/src/netplan';

type Tree = string | null | Tree[] | { [k: string]: Tree };
type Obj = { [k: string]: Tree };
interface Case {
  readonly files: { name: string; tree: Tree }[];
  readonly seed: string;
  readonly mutations: string[];
}
interface Outcome {
  readonly cls: 'accepted' | 'rejected' | 'abort' | 'segv' | 'other';
  readonly status: number | null;
  readonly signal: string | null;
  readonly stderr: string;
  readonly signature?: string;
}

const argv = process.argv.slice(2);
const opt = (name: string, dflt: string) => {
  const i = argv.indexOf(name);
  return i >= 0 && i + 1 < argv.length ? argv[i + 1] : dflt;
};
const SEED = Number(opt('--seed', '1'));
const COUNT = Number(opt('--count', '3000'));
const SECONDS = Number(opt('--seconds', '300'));
const JOBS = Math.min(2, Math.max(1, Number(opt('--jobs', '2'))));
const OUT = opt('--out', join(tmpdir(), 'netplan-fuzz'));
const CORPUS = opt('--corpus', '/work/shared/corpus/netplan');
const OVS_STUB = argv.includes('--ovs-stub');
const MINIMISE = !argv.includes('--no-minimise');
const ROOT = join(__dirname, '..');
const GENERATOR = ['/usr/libexec/netplan/generate', '/usr/lib/netplan/generate'].find((p) => existsSync(p));
const NETPLAN = ['/usr/sbin/netplan', '/usr/bin/netplan'].find((p) => existsSync(p));
const DEVICE_TYPES = ['ethernets', 'wifis', 'modems', 'bridges', 'bonds', 'vlans', 'vrfs', 'tunnels', 'nm-devices'];
const EDGE_VALUES = ['0', '-1', '1', '4294967295', '4294967296', '65535', '65536', '99999999999999999999', 'abc', 'default', '0.0.0.0/0', '::/0', '::', '0.0.0.0', 'fe80::1%eth0', 'true', 'false', '*', 'x'.repeat(40)];
const RENDERERS = ['networkd', 'NetworkManager', 'sriov'];

// ---- deterministic randomness ------------------------------------------------
let rngState = SEED >>> 0 || 1;
function rand(): number {
  rngState = (rngState + 0x6d2b79f5) >>> 0;
  let t = rngState;
  t = Math.imul(t ^ (t >>> 15), t | 1);
  t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
  return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
}
const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rand() * xs.length)];
const clone = <T extends Tree>(t: T): T => structuredClone(t);
const isObj = (t: Tree | undefined): t is Obj => !!t && typeof t === 'object' && !Array.isArray(t);

// ---- seeds -------------------------------------------------------------------
function yamlFiles(dir: string): string[] {
  if (!existsSync(dir)) return [];
  const out: string[] = [];
  for (const n of readdirSync(dir).sort()) {
    const p = join(dir, n);
    if (statSync(p).isDirectory()) out.push(...yamlFiles(p));
    else if (/\.ya?ml$/.test(n)) out.push(p);
  }
  return out;
}

function loadSeeds(): { name: string; tree: Tree }[] {
  const seeds: { name: string; tree: Tree }[] = [];
  for (const f of [...yamlFiles(join(ROOT, 'test', 'fixtures', 'netplan')), ...yamlFiles(CORPUS)]) {
    try {
      // failsafe: every scalar stays the string netplan reads (MACs, octal-looking numbers…)
      const tree = parse(readFileSync(f, 'utf8'), { schema: 'failsafe', uniqueKeys: false, maxAliasCount: 100, logLevel: 'silent' }) as Tree;
      if (isObj(tree) && isObj(tree.network)) seeds.push({ name: f.startsWith(ROOT) ? relative(ROOT, f) : f, tree });
    } catch {
      // a seed netplan cannot read teaches the fuzzer nothing about the generator
    }
  }
  return seeds;
}

// ---- tree positions ----------------------------------------------------------
type Pos = { parent: Obj | Tree[]; key: string | number; path: string };
function positions(t: Tree, path = '', out: Pos[] = []): Pos[] {
  if (Array.isArray(t)) t.forEach((v, i) => (out.push({ parent: t, key: i, path: `${path}[${i}]` }), positions(v, `${path}[${i}]`, out)));
  else if (isObj(t)) for (const k of Object.keys(t)) out.push({ parent: t, key: k, path: `${path}.${k}` }), positions(t[k], `${path}.${k}`, out);
  return out;
}
const getAt = (p: Pos): Tree => (p.parent as Record<string | number, Tree>)[p.key];
const setAt = (p: Pos, v: Tree) => ((p.parent as Record<string | number, Tree>)[p.key] = v);

function definitions(t: Tree): { type: string; id: string; def: Obj; section: Obj }[] {
  const out: { type: string; id: string; def: Obj; section: Obj }[] = [];
  const net = isObj(t) ? t.network : undefined;
  if (!isObj(net)) return out;
  for (const type of DEVICE_TYPES) {
    const section = net[type];
    if (isObj(section)) for (const [id, def] of Object.entries(section)) if (isObj(def)) out.push({ type, id, def, section });
  }
  return out;
}

// ---- mutations (each returns a description, or undefined when it did not apply) -----
type Mutation = (c: { files: { name: string; tree: Tree }[] }, seeds: { name: string; tree: Tree }[]) => string | undefined;
const main0 = (c: { files: { name: string; tree: Tree }[] }) => c.files[0].tree;

const MUTATIONS: Record<string, Mutation> = {
  deleteKey(c) {
    const ps = positions(main0(c)).filter((p) => typeof p.key === 'string');
    if (!ps.length) return undefined;
    const p = pick(ps);
    delete (p.parent as Obj)[p.key as string];
    return `delete ${p.path}`;
  },
  emptyValue(c) {
    const ps = positions(main0(c));
    if (!ps.length) return undefined;
    const p = pick(ps);
    const v = pick<Tree>(['', null, [], {}]);
    setAt(p, v);
    return `${p.path} = ${JSON.stringify(v)}`;
  },
  listScalar(c) {
    const ps = positions(main0(c));
    if (!ps.length) return undefined;
    const p = pick(ps);
    const v = getAt(p);
    if (Array.isArray(v)) setAt(p, v.length ? v[0] : '');
    else setAt(p, [v]);
    return `list/scalar ${p.path}`;
  },
  swapValues(c) {
    const ps = positions(main0(c));
    if (ps.length < 2) return undefined;
    const a = pick(ps);
    const b = pick(ps);
    const va = clone(getAt(a));
    setAt(a, clone(getAt(b)));
    setAt(b, va);
    return `swap ${a.path} ${b.path}`;
  },
  copyKey(c, seeds) {
    const targets = definitions(main0(c));
    const donors = definitions(rand() < 0.5 ? main0(c) : pick(seeds).tree);
    if (!targets.length || !donors.length) return undefined;
    const t = pick(targets);
    const d = pick(donors);
    const keys = Object.keys(d.def);
    if (!keys.length) return undefined;
    const k = pick(keys);
    t.def[k] = clone(d.def[k]);
    return `copy ${d.type}.${d.id}.${k} -> ${t.type}.${t.id}`;
  },
  crossRef(c) {
    const ids = definitions(main0(c)).map((d) => d.id);
    const ps = positions(main0(c)).filter((p) => typeof getAt(p) === 'string' && (ids.includes(getAt(p) as string) || /^(link|interfaces|peer|primary|bridge|bond|\[\d+\])$/.test(String(p.key)) || typeof p.key === 'number'));
    if (!ps.length) return undefined;
    const p = pick(ps);
    const v = pick(['undefined0', ...ids, ...ids]);
    setAt(p, v);
    return `ref ${p.path} = ${v}`;
  },
  renderer(c) {
    const net = (main0(c) as Obj).network as Obj;
    const defs = definitions(main0(c));
    const where = rand();
    const r = pick(RENDERERS);
    if (where < 0.4 || !defs.length) net.renderer = r;
    else if (where < 0.7) (pick(defs).section as Obj).renderer = r;
    else pick(defs).def.renderer = r;
    return `renderer ${r}`;
  },
  moveType: (c) => putUnderOtherType(c, true),
  sameIdOtherType: (c) => putUnderOtherType(c, false),
  edgeValue(c) {
    const ps = positions(main0(c)).filter((p) => typeof getAt(p) === 'string' || getAt(p) === null);
    if (!ps.length) return undefined;
    const p = pick(ps);
    const v = pick(EDGE_VALUES);
    setAt(p, v);
    return `${p.path} = ${v}`;
  },
  spliceDefinition(c, seeds) {
    const donors = definitions(pick(seeds).tree);
    if (!donors.length) return undefined;
    const d = pick(donors);
    const net = (main0(c) as Obj).network as Obj;
    if (!isObj(net[d.type])) net[d.type] = {};
    (net[d.type] as Obj)[d.id] = clone(d.def);
    return `splice ${d.type}.${d.id}`;
  },
  overrideInLaterFile(c, seeds) {
    // netplan amends a definition from a later file: the same key again, with another value
    if (c.files.length > 1) return undefined;
    const defs = definitions(main0(c));
    if (!defs.length) return undefined;
    const d = pick(defs);
    const keys = Object.keys(d.def);
    if (!keys.length) return undefined;
    const k = pick(keys);
    const same = [...definitions(main0(c)), ...definitions(pick(seeds).tree)].filter((o) => k in o.def && o.def[k] !== d.def[k]);
    const v = same.length && rand() < 0.7 ? clone(pick(same).def[k]) : pick(EDGE_VALUES);
    c.files.push({ name: 'zz-override.yaml', tree: { network: { [d.type]: { [d.id]: { [k]: v } } } } });
    return `later file sets ${d.type}.${d.id}.${k} = ${JSON.stringify(v)}`;
  },
  secondFile(c, seeds) {
    if (c.files.length > 1) return undefined;
    const s = pick(seeds);
    c.files.push({ name: rand() < 0.5 ? '00-first.yaml' : 'zz-last.yaml', tree: clone(s.tree) });
    return `second file ${s.name}`;
  },
};
const MUTATION_NAMES = Object.keys(MUTATIONS);

/** A definition moved (or copied, keeping its ID) under another device type. */
function putUnderOtherType(c: { files: { name: string; tree: Tree }[] }, move: boolean): string | undefined {
  const defs = definitions(main0(c));
  if (!defs.length) return undefined;
  const d = pick(defs);
  const to = pick(DEVICE_TYPES);
  const net = (main0(c) as Obj).network as Obj;
  if (move) delete d.section[d.id];
  if (!isObj(net[to])) net[to] = {};
  (net[to] as Obj)[d.id] = move ? d.def : clone(d.def);
  return `${move ? 'move' : 'duplicate'} ${d.type}.${d.id} ${move ? '->' : 'as'} ${to}`;
}

function makeCase(seeds: { name: string; tree: Tree }[], bases: { name: string; tree: Tree }[]): Case {
  const s = pick(bases.length ? bases : seeds);
  const c = { files: [{ name: '50-case.yaml', tree: clone(s.tree) }], seed: s.name, mutations: [] as string[] };
  const n = 1 + Math.floor(rand() * 3);
  for (let i = 0; i < n * 3 && c.mutations.length < n; i++) {
    const m = pick(MUTATION_NAMES);
    let d: string | undefined;
    try {
      d = MUTATIONS[m](c, seeds);
    } catch {
      d = undefined; // an earlier mutation removed the structure this one needs
    }
    if (d) c.mutations.push(`${m}: ${d}`);
  }
  return c;
}

// ---- running the generator ---------------------------------------------------
const workRoot = mkdtempSync(join(tmpdir(), 'netplan-fuzz-run-'));

function render(t: Tree): string {
  // core schema: strings that read as numbers or booleans are quoted, which netplan reads as the same scalar
  return stringify(t, { lineWidth: 0, nullStr: '' });
}

function writeRoot(files: { name: string; tree: Tree }[], tag: string): string {
  const dir = join(workRoot, tag);
  rmSync(dir, { recursive: true, force: true });
  const etc = join(dir, 'etc', 'netplan');
  mkdirSync(etc, { recursive: true });
  for (const f of files) writeFileSync(join(etc, f.name), render(f.tree), { mode: 0o600 });
  return dir;
}

/**
 * --ovs-stub: netplan 0.106 refuses every Open vSwitch definition unless
 * /usr/bin/ovs-vsctl exists, which hides the OVS code paths. The script then
 * re-runs itself once in a private mount namespace (unshare, needs root) where
 * a stub ovs-vsctl is overlaid on /usr/bin; nothing outside it sees the stub.
 */
function reexecWithOvsStub(): never {
  const dir = mkdtempSync(join(tmpdir(), 'netplan-fuzz-ovs-'));
  mkdirSync(join(dir, 'up'));
  mkdirSync(join(dir, 'work'));
  writeFileSync(join(dir, 'up', 'ovs-vsctl'), '#!/bin/sh\nexit 0\n', { mode: 0o755 });
  const sh = `mount -t overlay overlay -o lowerdir=/usr/bin,upperdir=${dir}/up,workdir=${dir}/work /usr/bin || exit 99; exec "$@"`;
  const r = spawnSync('unshare', ['-m', 'sh', '-c', sh, 'sh', process.execPath, ...process.execArgv, __filename, ...argv], { stdio: 'inherit', env: { ...process.env, NETPLAN_FUZZ_OVS_STUB: '1' } });
  rmSync(dir, { recursive: true, force: true });
  if (r.status === 99) console.error('--ovs-stub: could not mount the overlay (needs root and unshare)');
  process.exit(r.status ?? 2);
}

function classify(status: number | null, signal: string | null, stderr: string): Outcome['cls'] {
  if (signal === 'SIGABRT' || stderr.includes('Bail out!') || /assertion failed|should not be reached/.test(stderr)) return 'abort';
  if (signal === 'SIGSEGV') return 'segv';
  if (signal) return 'other';
  if (status === 0) return 'accepted';
  if (status === 1) return 'rejected';
  return 'other';
}

function assertionSignature(stderr: string): string | undefined {
  const m = /ERROR:([^:\n]+):(\d+):([^:\n]+): (.*)/.exec(stderr) ?? /(assertion failed[^\n]*|code should not be reached[^\n]*)/.exec(stderr);
  if (!m) return undefined;
  // the values glib prints for a failed comparison ("a" == "b") differ from case to case: not part of the signature
  const expr = m.length > 2 ? m[4].replace(/^(assertion failed \(.*?\)): \(.*\)$/, '$1') : m[1];
  return m.length > 2 ? `${m[1].replace(/^(\.\.\/)+/, '')}:${m[2]}:${m[3]}: ${expr}` : expr;
}

/** Top frames of a crash as gdb prints them (no ASLR under gdb, so addresses are stable). */
function gdbSignature(root: string, signal: string): string {
  const r = spawnSync('gdb', ['-q', '-batch', '-ex', 'run', '-ex', 'bt 4', '--args', GENERATOR!, '--root-dir', root], { encoding: 'utf8', timeout: 30_000, env: { ...process.env, LC_ALL: 'C' } });
  const frames = (r.stdout ?? '')
    .split('\n')
    .filter((l) => /^#\d/.test(l))
    .slice(0, 2)
    .map((l) => {
      const m = /^#\d+\s+(?:(0x[0-9a-f]+) in )?(\S+) .*?(?:from \S*\/(\S+)|at (\S+))?$/.exec(l);
      return m ? (m[2] === '??' ? `${m[3] ?? m[4] ?? '?'}@${m[1]}` : m[2]) : l.trim();
    });
  return `${signal} in ${frames.join(' < ') || '(no backtrace)'}`;
}

function runAsync(root: string): Promise<Outcome> {
  return new Promise((resolve) => {
    const p = spawn(GENERATOR!, ['--root-dir', root], { env: { ...process.env, LC_ALL: 'C' }, stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    p.stderr.on('data', (d) => (stderr.length < 20_000 ? (stderr += d) : undefined));
    const timer = setTimeout(() => p.kill('SIGKILL'), 10_000);
    p.on('close', (status, signal) => {
      clearTimeout(timer);
      resolve(withSignature(root, { cls: classify(status, signal, stderr), status, signal, stderr }));
    });
  });
}

function runSync(root: string, viaCli = false): Outcome {
  const [c, ...args] = viaCli ? [NETPLAN!, 'generate', '--root-dir', root] : [GENERATOR!, '--root-dir', root];
  const r = spawnSync(c, args, { encoding: 'utf8', timeout: 20_000, env: { ...process.env, LC_ALL: 'C' } });
  // the CLI reports the generator's signal as its exit status (256 - signal: 250 abort, 245 segfault)
  const signal = r.signal ?? (viaCli && r.status !== null && r.status > 128 ? (r.status === 250 ? 'SIGABRT' : r.status === 245 ? 'SIGSEGV' : `exit ${r.status}`) : null);
  return withSignature(root, { cls: classify(r.status, signal, r.stderr ?? ''), status: r.status, signal, stderr: r.stderr ?? '' });
}

function withSignature(root: string, o: Outcome): Outcome {
  if (o.cls === 'abort') return { ...o, signature: assertionSignature(o.stderr) ?? `abort: ${o.stderr.trim().split('\n').pop()}` };
  if (o.cls === 'segv' || o.cls === 'other') return { ...o, signature: o.signal ? gdbSignature(root, o.signal) : `exit ${o.status}` };
  return o;
}

// ---- minimisation ------------------------------------------------------------
function minimise(c: Case, signature: string): { files: { name: string; tree: Tree }[]; runs: number } {
  let files = c.files.map((f) => ({ name: f.name, tree: clone(f.tree) }));
  let runs = 0;
  const still = (cand: { name: string; tree: Tree }[]) => {
    runs++;
    return runSync(writeRoot(cand, 'min')).signature === signature;
  };
  for (let i = files.length - 1; i >= 0 && files.length > 1; i--) {
    const cand = files.filter((_, j) => j !== i);
    if (still(cand)) files = cand;
  }
  let changed = true;
  while (changed && runs < 400) {
    changed = false;
    for (let fi = 0; fi < files.length; fi++) {
      // try removals from the outermost position inwards; restart after each success
      const ps = positions(files[fi].tree);
      for (let k = 0; k < ps.length && runs < 400; k++) {
        const cand = files.map((f) => ({ name: f.name, tree: clone(f.tree) }));
        const p = positions(cand[fi].tree)[k];
        if (Array.isArray(p.parent)) p.parent.splice(p.key as number, 1);
        else delete p.parent[p.key as string];
        if (still(cand)) {
          files = cand;
          changed = true;
          break;
        }
      }
      if (changed) break;
    }
  }
  return { files, runs };
}

/** Whether VirtNet's netplan module reports netplan/generator-crash on these files (one netplan folder). */
function virtnetReportsCrash(files: { name: string; tree: Tree }[]): boolean {
  const found = checkNetplanFolder(files.map((f) => ({ uri: `file:///fuzz/etc/netplan/${f.name}`, text: render(f.tree) })));
  return [...found.values()].some((l) => l.some((d) => d.code === 'netplan/generator-crash'));
}

// ---- main --------------------------------------------------------------------
interface Crash {
  first: Case;
  cases: number;
  /** Crashing cases on which VirtNet does not report netplan/generator-crash, and the first of them. */
  uncovered: number;
  firstUncovered?: Case;
  outcome: Outcome;
  /** Index of the first case that showed it (-1: an unmutated seed). */
  index: number;
}

/** Runs cases on JOBS workers until done or out of time; returns the outcome of each case run and their counts. */
async function runPool(cases: readonly Case[], deadline: number, crashes: Map<string, Crash>, label: string, indexOf: (i: number) => number): Promise<{ counts: Record<string, number>; outcomes: Outcome[] }> {
  const counts: Record<string, number> = {};
  let next = 0;
  const outcomes: Outcome[] = [];
  const worker = async (w: number) => {
    while (next < cases.length && Date.now() < deadline) {
      const i = next++;
      const o = await runAsync(writeRoot(cases[i].files, `w${w}`));
      outcomes[i] = o;
      counts[o.cls] = (counts[o.cls] ?? 0) + 1;
      if (i % 1000 === 999) console.error(`${label}: ${i + 1} cases: ${JSON.stringify(counts)}`);
      if (!o.signature) continue;
      let cr = crashes.get(o.signature);
      if (!cr) {
        crashes.set(o.signature, (cr = { first: cases[i], cases: 0, uncovered: 0, outcome: o, index: indexOf(i) }));
        console.error(`${label} #${i}: new ${o.cls}: ${o.signature}`);
      }
      cr.cases++;
      if (!virtnetReportsCrash(cases[i].files)) {
        cr.uncovered++;
        cr.firstUncovered ??= cases[i];
      }
    }
  };
  await Promise.all(Array.from({ length: JOBS }, (_, w) => worker(w)));
  return { counts, outcomes };
}

async function main() {
  if (!GENERATOR || !NETPLAN) {
    console.error('netplan is not installed (no generator found)');
    process.exit(2);
  }
  if (OVS_STUB && !process.env.NETPLAN_FUZZ_OVS_STUB) reexecWithOvsStub();
  const seeds = loadSeeds();
  const crashes = new Map<string, Crash>();
  // 1. every seed as it is: the accepted ones are the bases of the mutated cases
  //    (mutating a file netplan already refuses mostly finds the same refusal)
  const t0 = Date.now();
  const seedCases: Case[] = seeds.map((s) => ({ files: [{ name: '50-case.yaml', tree: s.tree }], seed: s.name, mutations: [] }));
  const { counts: seedCounts, outcomes: seedOutcomes } = await runPool(seedCases, Infinity, crashes, 'seeds', () => -1);
  const bases = seeds.filter((_, i) => seedOutcomes[i]?.cls === 'accepted');
  const seedSeconds = (Date.now() - t0) / 1000;
  // 2. mutated cases, generated up front: the sequence depends only on --seed and the seeds' verdicts
  const started = Date.now();
  const cases: Case[] = [];
  for (let i = 0; i < COUNT; i++) cases.push(makeCase(seeds, bases));
  const { counts } = await runPool(cases, started + SECONDS * 1000, crashes, 'mutants', (i) => i);
  const ran = Object.values(counts).reduce((a, b) => a + b, 0);
  const fuzzSeconds = (Date.now() - started) / 1000;
  mkdirSync(OUT, { recursive: true });
  const report: unknown[] = [];
  let n = 0;
  for (const [signature, cr] of crashes) {
    n++;
    const example = cr.firstUncovered ?? cr.first;
    const min = MINIMISE ? minimise(example, signature) : { files: example.files, runs: 0 };
    const text = min.files.map((f) => (min.files.length > 1 ? `# --- ${f.name}\n` : '') + render(f.tree)).join('');
    writeFileSync(join(OUT, `crash-${n}.yaml`), text);
    const cli = runSync(writeRoot(min.files, 'cli'), true);
    report.push({ signature, kind: cr.outcome.cls, cases: cr.cases, uncovered: cr.uncovered, firstCase: cr.index, seed: example.seed, mutations: example.mutations, minimisationRuns: min.runs, minimal: text, virtnetOnMinimal: virtnetReportsCrash(min.files), cli: { status: cli.status, signature: cli.signature, stderr: cli.stderr.trim().split('\n').slice(-3).join('\n') } });
  }
  const summary = { seed: SEED, count: COUNT, seconds: SECONDS, jobs: JOBS, ovsStub: OVS_STUB, seeds: seeds.length, seedOutcomes: seedCounts, seedSeconds, bases: bases.length, ran, fuzzSeconds, outcomes: counts, crashes: report };
  writeFileSync(join(OUT, 'summary.json'), JSON.stringify(summary, null, 2) + '\n');
  const md = [
    `# netplan fuzz: seed ${SEED}, ${ran} mutated cases in ${fuzzSeconds.toFixed(0)} s (${JOBS} jobs${OVS_STUB ? ', stub ovs-vsctl' : ''})`,
    '',
    `seeds: ${seeds.length} run as they are in ${seedSeconds.toFixed(0)} s (${Object.entries(seedCounts).map(([k, v]) => `${k} ${v}`).join(', ')}); ${bases.length} accepted ones are the bases`,
    `mutated cases: ${Object.entries(counts).map(([k, v]) => `${k} ${v}`).join(', ')}`,
    `distinct crashes: ${report.length}; crashing cases VirtNet does not report as netplan/generator-crash: ${report.reduce((a: number, r: any) => a + r.uncovered, 0)}`,
    '',
    ...report.flatMap((r: any, i) => [`## crash ${i + 1}: ${r.signature}`, '', `${r.kind}, ${r.cases} case(s), ${r.uncovered} not reported by VirtNet; first ${r.firstCase < 0 ? 'an unmutated seed' : '#' + r.firstCase}; minimised from ${r.seed}${r.mutations.length ? ' (' + r.mutations.join('; ') + ')' : ''}`, `VirtNet on the minimal input: ${r.virtnetOnMinimal ? 'netplan/generator-crash' : 'NOT REPORTED'}`, `netplan generate (CLI): exit ${r.cli.status} (${r.cli.signature ?? 'no crash'})`, '', '```yaml', r.minimal.trimEnd(), '```', '']),
  ].join('\n');
  writeFileSync(join(OUT, 'summary.md'), md);
  console.log(md);
  rmSync(workRoot, { recursive: true, force: true });
}

main().catch((e) => {
  console.error(e);
  process.exit(2);
});
