/**
 * netplan re-check time, in process: a 2,000-line netplan file written five
 * ways, one per parse path (plain; CRLF line ends; anchors and aliases;
 * block scalars; a YAML error in the middle, as while typing a key). For
 * each: the parse alone (`parseNetplan`) and the whole re-check of its
 * folder (`checkNetplanFolder`: parse + schema + netplan's rules), median
 * and 90th percentile over one-character edits. Then, for scale, the real
 * `netplan generate --root-dir` on the plain file (process start to exit).
 *
 *   npx tsx bench/netplan.ts [--runs N] [--lines N] [--path NAME]... [--no-netplan] [--write DIR]
 *
 * Target (issue 7): every path ≤ 30 ms over stdio, so ≤ 15 ms here.
 * Profile a path with `node --cpu-prof --import tsx bench/netplan.ts --path yaml-error --no-netplan`.
 */
import { spawnSync } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { checkNetplanFolder, parseNetplan } from '../server/src/netplan';
import { NETPLAN_PATHS, netplanFor, type NetplanPath } from './netplanFiles';

const argv = process.argv.slice(2);
const num = (name: string, dflt: number) => {
  const i = argv.indexOf(name);
  return i >= 0 ? Number(argv[i + 1]) : dflt;
};
const RUNS = num('--runs', 100);
const LINES = num('--lines', 2000);
const chosen = argv.flatMap((a, i) => (argv[i - 1] === '--path' ? [a as NetplanPath] : []));
const paths = chosen.length ? chosen : NETPLAN_PATHS;
const writeDir = argv.includes('--write') ? argv[argv.indexOf('--write') + 1] : undefined;
const uri = 'file:///etc/netplan/50-bench.yaml';

function quantile(xs: number[], q: number): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.max(0, Math.ceil(q * s.length) - 1))];
}
const ms = (x: number) => x.toFixed(1).padStart(6);

console.log(`netplan re-check in process, ${RUNS} one-character edits per path (load ${loadavg()[0].toFixed(2)})`);
console.log('path            lines   errors  parse med/p90 ms   re-check med/p90 ms');
for (const path of paths) {
  const text = netplanFor(path, LINES);
  if (writeDir) {
    mkdirSync(writeDir, { recursive: true });
    writeFileSync(join(writeDir, `${path}.yaml`), text);
  }
  const errors = checkNetplanFolder([{ uri, text }]).get(uri)!.filter((d) => d.severity === 'error').length;
  const parse: number[] = [];
  const check: number[] = [];
  for (let r = -10; r < RUNS; r++) {
    // a one-character edit per run, as when typing
    const t = text.replace('mtu: 9000', `mtu: ${9000 - (((r % 10) + 10) % 10)}`);
    const t0 = performance.now();
    parseNetplan(t);
    const t1 = performance.now();
    checkNetplanFolder([{ uri, text: t }]);
    const t2 = performance.now();
    if (r < 0) continue; // warm-up
    parse.push(t1 - t0);
    check.push(t2 - t1);
  }
  const lines = text.split('\n').length - 1;
  console.log(`${path.padEnd(14)} ${String(lines).padStart(6)} ${String(errors).padStart(8)}  ${ms(quantile(parse, 0.5))} /${ms(quantile(parse, 0.9))}     ${ms(quantile(check, 0.5))} /${ms(quantile(check, 0.9))}`);
}

const netplan = ['/usr/sbin/netplan', '/usr/bin/netplan'].find((p) => existsSync(p));
if (netplan && !argv.includes('--no-netplan')) {
  const text = netplanFor('plain', LINES);
  const times: number[] = [];
  let status: number | null = null;
  for (let r = 0; r < 7; r++) {
    const dir = mkdtempSync(join(tmpdir(), 'virtnet-bench-'));
    try {
      mkdirSync(join(dir, 'etc', 'netplan'), { recursive: true });
      const f = join(dir, 'etc', 'netplan', '50-bench.yaml');
      writeFileSync(f, text);
      chmodSync(f, 0o600);
      const t0 = performance.now();
      const res = spawnSync(netplan, ['generate', '--root-dir', dir], { encoding: 'utf8', env: { ...process.env, LC_ALL: 'C' } });
      times.push(performance.now() - t0);
      status = res.status;
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }
  console.log(`netplan generate --root-dir on the plain file (process start to exit, median of 7): ${quantile(times, 0.5).toFixed(0)} ms (exit status ${status})`);
}
