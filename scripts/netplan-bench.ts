/**
 * Benchmark: re-checking a 2,000-line netplan file (parse + schema +
 * semantic checks), median over many runs, with the time of each stage, beside
 * the time the real `netplan generate --root-dir` takes on the same file.
 *
 *   npx tsx scripts/netplan-bench.ts [--runs N] [--lines N] [--no-netplan] [--write FILE]
 */
import { spawnSync } from 'node:child_process';
import { chmodSync, mkdirSync, mkdtempSync, rmSync, writeFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { checkNetplanFolder, parseNetplan, validateNetplanSchema, buildConfig, netplanChecks } from '../server/src/netplan';

const arg = (name: string, dflt: number) => {
  const i = process.argv.indexOf(name);
  return i > 0 ? Number(process.argv[i + 1]) : dflt;
};
const RUNS = arg('--runs', 60);
const LINES = arg('--lines', 2000);

/** A realistic, valid netplan file of about `lines` lines: NICs, bonds, VLANs, bridges with addresses, routes, DNS. */
export function bigNetplan(lines: number): string {
  const out = ['# generated for the benchmark', 'network:', '  version: 2', '  renderer: networkd', '  ethernets:'];
  const eth: string[] = [];
  const body: string[] = [];
  let i = 0;
  while (out.length + eth.length + body.length < lines) {
    const a = `enp${i}s0`;
    const b = `enp${i}s1`;
    eth.push(`    ${a}:`, `      match:`, `        macaddress: "52:54:00:${(i >> 8).toString(16).padStart(2, '0')}:${(i & 255).toString(16).padStart(2, '0')}:01"`, `      set-name: ${a}`, `      dhcp4: no`, `      mtu: 9000`);
    eth.push(`    ${b}:`, `      dhcp4: false`, `      dhcp6: false`, `      optional: true`);
    const sub = `10.${(i >> 8) & 255}.${i & 255}`;
    body.push(
      `    br${i}:`,
      `      interfaces: [bond${i}]`,
      `      addresses:`,
      `        - ${sub}.1/24`,
      `        - "fd00:${i.toString(16)}::1/64"`,
      `      routes:`,
      `        - to: 172.${16 + (i % 16)}.${i & 255}.0/24`,
      `          via: ${sub}.254`,
      `          metric: ${100 + i}`,
      `      nameservers:`,
      `        search: [lab.example.com]`,
      `        addresses: [${sub}.53, "fd00:${i.toString(16)}::53"]`,
      `      parameters:`,
      `        stp: true`,
      `        forward-delay: 4`,
      `      dhcp4: no`,
    );
    i++;
  }
  const bonds: string[] = ['  bonds:'];
  const vlans: string[] = ['  vlans:'];
  for (let k = 0; k < i; k++) {
    bonds.push(`    bond${k}:`, `      interfaces: [enp${k}s0, enp${k}s1]`, `      parameters:`, `        mode: active-backup`, `        primary: enp${k}s0`, `        mii-monitor-interval: 100`);
    vlans.push(`    vlan${k}:`, `      id: ${(k % 4000) + 1}`, `      link: bond${k}`, `      addresses: ["192.168.${k & 255}.${(k >> 8) + 2}/32"]`);
  }
  const text = [...out, ...eth, ...bonds, ...vlans, '  bridges:', ...body].join('\n') + '\n';
  return text.split('\n').slice(0, lines).join('\n').replace(/\n[^\n]*$/, '\n');
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[s.length >> 1];
}

let text = bigNetplan(LINES);
// The cut may leave a half definition at the end: trim back to a whole one.
while (checkNetplanFolder([{ uri: 'file:///etc/netplan/50-bench.yaml', text }]).get('file:///etc/netplan/50-bench.yaml')!.some((d) => d.severity === 'error')) {
  const lines = text.trimEnd().split('\n');
  lines.pop();
  text = lines.join('\n') + '\n';
  if (lines.length < 10) break;
}
const w = process.argv.indexOf('--write');
if (w > 0) writeFileSync(process.argv[w + 1], text);
const lineCount = text.split('\n').length - 1;
const uri = 'file:///etc/netplan/50-bench.yaml';
const errors = checkNetplanFolder([{ uri, text }]).get(uri)!.filter((d) => d.severity === 'error');

const total: number[] = [];
const stage = { parse: [] as number[], schema: [] as number[], semantic: [] as number[] };
for (let r = 0; r < RUNS + 5; r++) {
  // a one-character edit per run, as when typing
  const t = text.replace('mtu: 9000', `mtu: ${9000 - (r % 10)}`);
  const t0 = performance.now();
  checkNetplanFolder([{ uri, text: t }]);
  const t1 = performance.now();
  const p = parseNetplan(t);
  const t2 = performance.now();
  validateNetplanSchema(p);
  const t3 = performance.now();
  const config = buildConfig([{ uri, parsed: p }]);
  for (const c of netplanChecks) c.run(config);
  const t4 = performance.now();
  if (r < 5) continue; // warm-up
  total.push(t1 - t0);
  stage.parse.push(t2 - t1);
  stage.schema.push(t3 - t2);
  stage.semantic.push(t4 - t3);
}

console.log(`netplan file: ${lineCount} lines, ${text.length} characters, ${errors.length} errors`);
console.log(`re-check (parse + schema + semantics), median of ${RUNS}: ${median(total).toFixed(1)} ms (min ${Math.min(...total).toFixed(1)}, max ${Math.max(...total).toFixed(1)})`);
console.log(`  stages: parse ${median(stage.parse).toFixed(1)} ms, schema ${median(stage.schema).toFixed(1)} ms, semantics ${median(stage.semantic).toFixed(1)} ms`);

const netplan = ['/usr/sbin/netplan', '/usr/bin/netplan'].find((p) => existsSync(p));
if (netplan && !process.argv.includes('--no-netplan')) {
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
  console.log(`netplan generate --root-dir on the same file (process start to exit, median of 7): ${median(times).toFixed(0)} ms (exit status ${status})`);
}
