/**
 * `flock /tmp/virtnet-test.lock npx tsx bench/manyHosts.ts` (root): twenty
 * configured hosts refreshed at once through HostConnectionManager, as
 * "Refresh All" does after each was expanded:
 *
 * - two real test hosts (sshd on 127.0.0.1 in front of a private libvirtd,
 *   scripts/testbed/), each with BENCH_NETWORKS (10) networks and BENCH_VMS
 *   (5) VMs;
 * - fourteen more hosts that are further SSH connections to those two sshds
 *   (own connection, login and batches each, same daemons);
 * - four silent hosts (accept TCP, never answer: test/helpers/sshTestbed.ts
 *   startSilentHost), failing at the 5 s connect timeout.
 *
 * Two orders of the same twenty hosts (BENCH_LAYOUTS, default
 * "spread,first"): `spread` puts a silent host at every fifth place, `first`
 * puts the four silent hosts at the head of the list, so they are asked
 * first (the worst case for a first-in-first-out queue of refresh slots).
 *
 * For each layout and concurrency limit (BENCH_LIMITS, default "4,20"): time until the
 * sixteen answering hosts are ready, time until all twenty have settled, the
 * most reads and connects seen running at once (refreshScheduler.ts), and how long the tree model's
 * children() takes (every host, both folders, every network and VM) while
 * they load, sampled every 2 ms: median and maximum.
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { performance } from 'node:perf_hooks';
import { HostConnectionManager, type HostConfig } from '../client/src/remote';
import { createLocalRunner } from '../client/src/remote/localRunner';
import { netDefine } from '../client/src/remote/virsh';
import { runVirsh, simpleCommand } from '../client/src/remote/virshCommand';
import { HostsTreeModel, type HostsTreeNode } from '../client/src/views/hostsTreeModel';
import { startSilentHost, startSshHost, type SshHost } from '../test/helpers/sshTestbed';

const NETS = Number(process.env.BENCH_NETWORKS ?? 10);
const VMS = Number(process.env.BENCH_VMS ?? 5);
const LIMITS = (process.env.BENCH_LIMITS ?? '4,20').split(',').map(Number);
const LAYOUTS = (process.env.BENCH_LAYOUTS ?? 'spread,first').split(',');

async function populate(h: SshHost, octet: number): Promise<void> {
  const local = createLocalRunner();
  const uri = h.libvirtd?.uri ?? '';
  const o = { timeoutMs: 60_000 };
  for (let i = 0; i < NETS; i++) {
    const r = await runVirsh(local, uri, netDefine(`<network><name>bench-${i}</name><bridge name='vnb${octet}-${i}'/><ip address='10.${octet}.${i}.1' prefix='24'/></network>`), o);
    if (!r.ok) throw new Error(r.error.message);
  }
  for (let i = 0; i < VMS; i++) {
    const xml = `<domain type='qemu'><name>vm-${i}</name><memory unit='MiB'>64</memory><os><type arch='x86_64'>hvm</type></os><devices><interface type='network'><source network='bench-${i % NETS}'/></interface></devices></domain>`;
    const r = await runVirsh(local, uri, simpleCommand(['define', '--file', '/dev/stdin'], (s) => s, xml), o);
    if (!r.ok) throw new Error(r.error.message);
  }
}

/** Every node the tree would show once expanded: hosts, folders, networks, VMs, NICs. */
function walk(model: HostsTreeModel): number {
  let count = 0;
  const visit = (n?: HostsTreeNode) => {
    for (const c of model.children(n)) {
      count++;
      model.view(c);
      if (c.kind !== 'message' && c.kind !== 'nic') visit(c);
    }
  };
  visit();
  return count;
}

async function round(layout: string, limit: number, configs: HostConfig[], kh: string): Promise<string> {
  const m = new HostConnectionManager({ knownHostsFile: kh, connectTimeoutMs: 5_000, maxConcurrentRefreshes: limit });
  m.setHosts(configs);
  const model = new HostsTreeModel(m);
  const answering = configs.filter((c) => !c.name.startsWith('silent')).map((c) => c.name);
  let maxRunning = 0;
  let maxConnecting = 0;
  const sub = m.onDidChange(() => {
    maxRunning = Math.max(maxRunning, m.refreshesRunning());
    maxConnecting = Math.max(maxConnecting, m.connectsRunning());
  });
  const samples: number[] = [];
  let stop = false;
  const sampler = (async () => {
    while (!stop) {
      const t = performance.now();
      walk(model);
      samples.push(performance.now() - t);
      await new Promise((r) => setTimeout(r, 2));
    }
  })();
  const t0 = performance.now();
  let readyAt = 0;
  const all = configs.map((c) =>
    m.refresh(c.name).then(() => {
      if (!readyAt && answering.every((n) => m.host(n)?.status === 'ready')) readyAt = performance.now() - t0;
    }),
  );
  await Promise.all(all);
  const settled = performance.now() - t0;
  stop = true;
  await sampler;
  const nodes = walk(model);
  sub.dispose();
  const errors = configs.filter((c) => m.host(c.name)?.status === 'error').length;
  m.dispose();
  const sorted = [...samples].sort((a, b) => a - b);
  return `${layout}, limit ${limit}: 16 answering hosts ready in ${readyAt.toFixed(0)} ms, all 20 settled in ${settled.toFixed(0)} ms (${errors} errors), at most ${maxRunning} reads and ${maxConnecting} connects at once; tree children() over ${nodes} nodes while loading: median ${sorted[Math.floor(sorted.length / 2)].toFixed(2)} ms, max ${sorted[sorted.length - 1].toFixed(2)} ms (${samples.length} samples)`;
}

async function main(): Promise<void> {
  const real = [await startSshHost({ index: 10 }), await startSshHost({ index: 11 })];
  const silent = await Promise.all([0, 1, 2, 3].map(() => startSilentHost()));
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'virtnet-bench-many-'));
  try {
    await populate(real[0], 150);
    await populate(real[1], 151);
    const kh = path.join(tmp, 'known_hosts');
    fs.writeFileSync(kh, real.map((h) => h.knownHostsLine).join('\n') + '\n');
    const spread: HostConfig[] = [];
    let s = 0;
    for (let i = 0; i < 20; i++) {
      if (i % 5 === 4) spread.push({ name: `silent-${s}`, host: '127.0.0.1', port: silent[s++].port, user: 'nobody' });
      else {
        const h = real[i % 2];
        spread.push({ name: `kvm-${i}`, host: h.host, port: h.port, user: h.user, identityFile: h.key });
      }
    }
    const first = [...spread.filter((c) => c.name.startsWith('silent')), ...spread.filter((c) => !c.name.startsWith('silent'))];
    console.log(`20 hosts: 2 real sshd+libvirtd (${NETS} networks, ${VMS} VMs each), 14 more SSH connections to them, 4 silent hosts (5 s connect timeout); ${os.cpus().length} CPUs, load ${os.loadavg()[0].toFixed(2)}`);
    for (const layout of LAYOUTS) for (const limit of LIMITS) console.log(await round(layout, limit, layout === 'first' ? first : spread, kh));
  } finally {
    for (const x of silent) x.close();
    for (const h of real) await h.stop();
    fs.rmSync(tmp, { recursive: true, force: true });
  }
}

void main().then(
  () => process.exit(0),
  (e: unknown) => {
    console.error(e);
    process.exit(1);
  },
);
