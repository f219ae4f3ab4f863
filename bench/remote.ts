/**
 * `npx tsx bench/remote.ts` (root; run under flock /tmp/virtnet-test.lock):
 * the remote layer against a real sshd on 127.0.0.1 in front of a private
 * libvirtd with BENCH_NETWORKS (50) networks and BENCH_VMS (20) VMs (shut
 * off, two NICs each; a running VM adds one `dumpxml --inactive` to the same
 * batch, not a round trip):
 *
 * - connect + list: a new SSH connection (handshake, ed25519 login) and
 *   `virsh net-list --all --name`;
 * - full refresh on an open connection (network and VM lists, net-dumpxml
 *   of every network, dumpxml of every VM): fetchHost, counting its round trips;
 * - the same refresh with the connection opened first (expanding a host);
 * - the same information fetched the usual way, one
 *   `virsh -c qemu+ssh://…` per command (2 + 2 × N + V invocations), with ssh
 *   checking the host key against a private known_hosts (never libvirt's
 *   no_verify=1, which writes into ~/.ssh/known_hosts).
 *
 *   BENCH_NETWORKS=50   networks on the host
 *   BENCH_VMS=20        VMs on the host
 *   BENCH_RUNS=5        runs of each SSH-layer scenario (median reported)
 */
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { performance } from 'node:perf_hooks';
import { fetchHost } from '../client/src/remote/hostNetworks';
import { createLocalRunner } from '../client/src/remote/localRunner';
import type { Runner } from '../client/src/remote/runner';
import { SshConnection } from '../client/src/remote/sshConnection';
import { createSshRunner } from '../client/src/remote/sshRunner';
import { netDefine, netListNames } from '../client/src/remote/virsh';
import { runVirsh, simpleCommand } from '../client/src/remote/virshCommand';
import { startSshHost } from '../test/helpers/sshTestbed';

const N = Number(process.env.BENCH_NETWORKS ?? 50);
const RUNS = Number(process.env.BENCH_RUNS ?? 5);
const VMS = Number(process.env.BENCH_VMS ?? 20);

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const ms = (x: number) => `${x.toFixed(0)} ms`;

function counting(runner: Runner): Runner & { count: number } {
  const r = {
    description: runner.description,
    count: 0,
    run: (argv: readonly string[], o: { stdin?: string; timeoutMs: number }) => {
      r.count++;
      return runner.run(argv, o);
    },
    dispose: () => runner.dispose(),
  };
  return r;
}

async function main(): Promise<void> {
  const host = await startSshHost({ index: 3 });
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'virtnet-bench-remote-'));
  try {
    const kh = path.join(tmp, 'known_hosts');
    fs.writeFileSync(kh, `${host.knownHostsLine}\n`);
    // N networks, half of them running, defined through the daemon's own socket.
    const local = createLocalRunner();
    const uri = host.libvirtd?.uri ?? '';
    for (let i = 0; i < N; i++) {
      const xml = `<network><name>bench-${i}</name><bridge name='vnb${i}'/><ip address='10.${100 + Math.floor(i / 200)}.${i % 200}.1' prefix='24'/></network>`;
      const r = await runVirsh(local, uri, netDefine(xml), { timeoutMs: 60_000 });
      if (!r.ok) throw new Error(r.error.message);
    }
    // VMS VMs with two NICs each on those networks.
    for (let i = 0; i < VMS; i++) {
      const nics = [i % N, (i + 1) % N].map((n) => `<interface type='network'><source network='bench-${n}'/><model type='virtio'/></interface>`).join('');
      const xml = `<domain type='qemu'><name>bench-vm-${i}</name><memory unit='MiB'>64</memory><os><type arch='x86_64'>hvm</type></os><devices>${nics}</devices></domain>`;
      const r = await runVirsh(local, uri, simpleCommand(['define', '--file', '/dev/stdin'], (x) => x, xml), { timeoutMs: 60_000 });
      if (!r.ok) throw new Error(r.error.message);
    }
    const conn = () => new SshConnection({ host: host.host, port: host.port, username: host.user, identityFiles: [host.key], agent: false }, undefined, { knownHostsFile: kh });

    const connectList: number[] = [];
    const coldRefresh: number[] = [];
    const warmRefresh: number[] = [];
    let roundTrips = 0;
    for (let run = 0; run < RUNS; run++) {
      let c = conn();
      let t = performance.now();
      const names = await runVirsh(createSshRunner(c), 'qemu:///system', netListNames(), { timeoutMs: 60_000 });
      connectList.push(performance.now() - t);
      if (!names.ok || names.value.length !== N) throw new Error(`list: ${names.ok ? names.value.length : names.error.message}`);
      const runner = counting(createSshRunner(c));
      t = performance.now();
      const warm = await fetchHost(runner, 'qemu:///system', { timeoutMs: 60_000 });
      warmRefresh.push(performance.now() - t);
      if (!warm.ok || warm.value.networks.length !== N || warm.value.networks.some((n) => n.error || !n.xml)) throw new Error('refresh failed');
      if (warm.value.vms?.length !== VMS || warm.value.vms.some((v) => v.error || v.nics.length !== 2)) throw new Error(`VM refresh failed: ${warm.value.vmError?.message ?? ''}`);
      roundTrips = runner.count;
      c.dispose();
      c = conn();
      t = performance.now();
      const cold = await fetchHost(createSshRunner(c), 'qemu:///system', { timeoutMs: 60_000 });
      coldRefresh.push(performance.now() - t);
      if (!cold.ok) throw new Error(cold.error.message);
      c.dispose();
    }

    // Baseline: one virsh -c qemu+ssh://… per command; ssh with a private known_hosts.
    const wrapper = path.join(tmp, 'ssh');
    fs.writeFileSync(wrapper, `#!/bin/sh\nexec ssh -o UserKnownHostsFile=${kh} -o StrictHostKeyChecking=yes -o GlobalKnownHostsFile=/dev/null "$@"\n`, { mode: 0o755 });
    const sshUri = `qemu+ssh://${host.user}@127.0.0.1:${host.port}/system?keyfile=${host.key}&command=${wrapper}`;
    const virsh = (...args: string[]) => {
      const r = spawnSync('virsh', ['-c', sshUri, ...args], { encoding: 'utf8', env: { ...process.env, LC_ALL: 'C' } });
      if (r.status !== 0) throw new Error(`virsh ${args.join(' ')}: ${r.stderr}`);
      return r.stdout;
    };
    let t = performance.now();
    const names = virsh('net-list', '--all', '--name').split('\n').filter(Boolean);
    for (const n of names) {
      virsh('net-info', n);
      virsh('net-dumpxml', n);
    }
    const vmNames = virsh('list', '--all', '--name').split('\n').filter(Boolean);
    for (const v of vmNames) virsh('dumpxml', v);
    const perCommand = performance.now() - t;
    const invocations = 2 + 2 * names.length + vmNames.length;

    const warm = median(warmRefresh);
    console.log(`remote layer, ${N} networks and ${VMS} VMs, sshd on 127.0.0.1, load ${os.loadavg()[0].toFixed(1)} (median of ${RUNS})`);
    console.log(`| scenario | time | round trips |`);
    console.log(`|---|---|---|`);
    console.log(`| connect + net-list (new SSH connection) | ${ms(median(connectList))} | 1 |`);
    console.log(`| full refresh, open connection (4 network + 6 VM lists, net-dumpxml × ${N}, dumpxml × ${VMS}) | ${ms(warm)} | ${roundTrips} |`);
    console.log(`| full refresh, connection included (expanding a host) | ${ms(median(coldRefresh))} | ${roundTrips} |`);
    console.log(`| same data, one virsh -c qemu+ssh://… per command | ${ms(perCommand)} | ${invocations} connections |`);
    console.log(`speed-up (per-command / warm refresh): ${(perCommand / warm).toFixed(1)}×; (per-command / refresh with connect): ${(perCommand / median(coldRefresh)).toFixed(1)}×`);
    // Checked in one run: the data stays equal.
    const check = await fetchHost(createSshRunner(conn()), 'qemu:///system', { timeoutMs: 60_000 });
    if (!check.ok || check.value.networks.map((n) => n.name).sort().join() !== names.sort().join()) throw new Error('the two methods disagree on the networks');
    if ((check.value.vms ?? []).map((v) => v.name).sort().join() !== vmNames.sort().join()) throw new Error('the two methods disagree on the VMs');
  } finally {
    fs.rmSync(tmp, { recursive: true, force: true });
    await host.stop();
  }
}

main().then(
  () => process.exit(0),
  (e) => {
    console.error(e);
    process.exit(1);
  },
);
