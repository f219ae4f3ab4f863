/**
 * A define meets what the destination host runs before anything is sent
 * (networkFlows.ts `FlowHost.readFacts`, multiHostDefine.ts): two real test
 * hosts (sshd + libvirtd, scripts/testbed/), their facts read fresh with the
 * remote layer (`readFreshHostFacts`: refresh + bridges on one connection),
 * the file checked by the real built language server (`virtnet/checkDocument`
 * with `hosts`), neither host targeted by the workspace (A never sent to the
 * server; B sent earlier with facts that are stale now). Every command that
 * reaches a host is recorded: a refused define sends no `net-define`, and
 * the host's networks are as they were.
 */
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { performance } from 'node:perf_hooks';
import { after, before, describe, it } from 'node:test';
import { defineOnHosts } from '../../client/src/commands/multiHostDefine';
import { DEFINE_ANYWAY, defineNetwork, REPLACE, type CheckResult, type FlowHost, type Outcome } from '../../client/src/commands/networkFlows';
import { defineAndStart, HostConnectionManager, netListNames, netUndefine, readFreshHostFacts, type Result } from '../../client/src/remote';
import { simpleCommand } from '../../client/src/remote/virshCommand';
import type { HostFactsParams } from '../../server/src/workspace/hostFactsFormat';
import { sshdInstalled, startSshHost, type SshHost } from '../helpers/sshTestbed';
import { fileUri, TestClient } from '../lsp/lspClient';

const skip = process.getuid?.() !== 0 || !sshdInstalled() ? 'needs root and openssh-server (scripts/setup-test-deps.sh)' : false;

const UUID_PROD = '5e1d3c7a-9b2f-4d6e-8a1c-3f5b7d9e1a2c';
const MAC_WEB = '52:54:00:4d:e5:01';
let a: SshHost;
let b: SshHost;
let tmp: string;
let m: HostConnectionManager;
let server: TestClient;
/** Per host: every argv sent over SSH (the flows' commands and the fact reads). */
const sent: Record<string, string[]> = { A: [], B: [], C: [] };

before(async () => {
  if (skip) return;
  [a, b] = [await startSshHost({ index: 9 }), await startSshHost({ index: 10 })];
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'virtnet-defclash-'));
  const kh = path.join(tmp, 'known_hosts');
  fs.writeFileSync(kh, `${a.knownHostsLine}\n${b.knownHostsLine}\n`);
  m = new HostConnectionManager({ knownHostsFile: kh });
  const ssh = (h: SshHost) => ({ host: h.host, port: h.port, user: h.user, identityFile: h.key });
  m.setHosts([
    { name: 'A', ...ssh(a) },
    { name: 'B', ...ssh(b) },
    // Reachable over SSH, but its libvirtd is not there: its facts cannot be read.
    { name: 'C', ...ssh(a), uri: 'qemu+unix:///system?socket=/nonexistent/libvirt-sock' },
  ]);
  for (const name of ['A', 'B', 'C']) {
    const runner = m.runnerOf(name)!;
    const run = runner.run.bind(runner);
    runner.run = (argv, options) => {
      sent[name].push(argv.join(' '));
      return run(argv, options);
    };
  }
  // A runs 'prod' (active, 10.81.0.0/24) and has a VM with a NIC on it.
  const [def, start] = value(await m.run('A', defineAndStart(nat('prod', 81, UUID_PROD), 'prod')));
  assert.ok(def.ok && start.ok, JSON.stringify([def, start]));
  const vm = `<domain type='qemu'><name>web</name><memory>131072</memory><os><type arch='x86_64'>hvm</type></os><devices><interface type='network'><mac address='${MAC_WEB}'/><source network='prod'/></interface></devices></domain>`;
  value(await m.run('A', simpleCommand(['define', '--file', '/dev/stdin'], (s) => s, vm)));
  server = await TestClient.start({ folders: [tmp] });
  await server.whenIndexed();
  // B is targeted with facts read long ago: then it had a network with prod's UUID. It no longer does.
  const stale: HostFactsParams = { host: 'B', readAt: '2026-12-01T00:00:00Z', facts: { networks: [{ name: 'retired', uuid: UUID_PROD, active: false, subnets: [] }], vms: [], bridges: null } };
  await server.conn.sendNotification('virtnet/hostFacts', stale);
});
after(async () => {
  m?.dispose();
  await server?.stop();
  await a?.stop();
  await b?.stop();
  if (tmp) fs.rmSync(tmp, { recursive: true, force: true });
});

function value<T>(r: Result<T>): T {
  if (!r.ok) assert.fail(`${r.error.kind}: ${r.error.message}\n${r.error.stderr}`);
  return r.value;
}

function nat(name: string, octet: number, uuid?: string, extra = '', bridge = `vdc${octet}`): string {
  return `<network>\n  <name>${name}</name>\n${uuid ? `  <uuid>${uuid}</uuid>\n` : ''}  <forward mode='nat'/>\n  <bridge name='${bridge}'/>\n${extra}  <ip address='10.${octet}.0.1' prefix='24'/>\n</network>\n`;
}

/** The define command's view of a host: fresh facts before the define; prompts scripted and recorded. */
function host(name: string, answers: (string | undefined)[]) {
  const asked: { message: string; detail: string; buttons: readonly string[] }[] = [];
  const h: FlowHost = {
    host: name,
    config: m.host(name)!.config,
    run: (c) => m.run(name, c),
    readFacts: async () => {
      const r = await readFreshHostFacts(m, name);
      return r.ok ? { ok: true, value: r.value.params } : r;
    },
    ui: {
      ask: async (message, detail, buttons) => {
        asked.push({ message, detail, buttons });
        assert.ok(answers.length > 0, `unexpected question: ${message}`);
        return answers.shift();
      },
      progress: (_t, task) => task(),
    },
  };
  return { h, asked };
}

/** The server's verdict on a file outside the workspace, as the define command asks for it. */
function checkOf(text: string, file: string): (hosts?: readonly HostFactsParams[]) => Promise<CheckResult> {
  return (hosts) => server.conn.sendRequest<CheckResult>('virtnet/checkDocument', { uri: fileUri(path.join(tmp, 'outside', file)), text, hosts });
}

async function networks(name: string): Promise<string[]> {
  return value(await m.run(name, netListNames('all'))).sort();
}

/** Runs `f`; returns what it sent to the host that defines anything. */
async function defines(name: string, f: () => Promise<void>): Promise<string[]> {
  const from = sent[name].length;
  await f();
  return sent[name].slice(from).filter((argv) => /net-define|net-create|net-start/.test(argv));
}

describe('a define checks the file against what the host runs now', { skip }, () => {
  it("a UUID a network of another name has on a host the workspace does not target: shown, and nothing is sent", async () => {
    const before = await networks('A');
    const xml = nat('fresh', 82, UUID_PROD);
    const s = host('A', [undefined]);
    let o: Outcome | undefined;
    assert.deepEqual(await defines('A', async () => void (o = await defineNetwork(s.h, { xml, source: 'fresh.xml', check: checkOf(xml, 'fresh.xml'), start: true }))), []);
    assert.equal(o?.status, 'cancelled');
    // One finding per rule: B's stale facts in the index say the same of B (the define on A does not go there).
    assert.match((o as { clash?: string }).clash ?? '', /UUID 5e1d3c7a-.* is already used by network 'prod', 'retired' on hosts 'A' \(read .*\) and 'B'/);
    assert.equal(s.asked.length, 1);
    assert.equal(s.asked[0].message, 'fresh.xml clashes with what A runs (1 error): it is not defined there.');
    assert.deepEqual(s.asked[0].buttons, [], 'an error: no way to define it anyway');
    assert.match(s.asked[0].detail, /^line 3: UUID .* already used by network 'prod'.* on hosts 'A' \(read \d{4}-\d\d-\d\d \d\d:\d\d UTC\).*\(libvirt\/duplicate-network-uuid\)/);
    assert.match(s.asked[0].detail, /What A runs was read at \d{4}-\d\d-\d\d \d\d:\d\d UTC\.$/);
    assert.deepEqual(await networks('A'), before);
    // The server keeps nothing of A: the same file asked about without hosts has no clash.
    assert.ok(!(await checkOf(xml, 'fresh.xml')()).diagnostics.some((d) => d.message.includes("host 'A'")));
  });

  it("a subnet an active network takes and a VM's MAC: warnings, asked about; cancelling sends nothing, Define Anyway defines", async () => {
    const before = await networks('A');
    const xml = nat('overlap', 81, undefined, `  <mac address='${MAC_WEB}'/>\n`, 'vdc-ov');
    const s = host('A', [undefined]);
    let o: Outcome | undefined;
    assert.deepEqual(await defines('A', async () => void (o = await defineNetwork(s.h, { xml, source: 'overlap.xml', check: checkOf(xml, 'overlap.xml'), start: false }))), []);
    assert.equal(o?.status, 'cancelled');
    assert.equal(s.asked[0].message, 'overlap.xml clashes with what A runs (2 warnings). Define it on A anyway?');
    assert.deepEqual(s.asked[0].buttons, [DEFINE_ANYWAY]);
    assert.match(s.asked[0].detail, /MAC 52:54:00:4d:e5:01 .* NIC of VM 'web' on host 'A'/);
    assert.match(s.asked[0].detail, /Subnet 10\.81\.0\.0\/24 overlaps 10\.81\.0\.0\/24 of network 'prod', active on host 'A'/);
    assert.deepEqual(await networks('A'), before);
    const yes = host('A', [DEFINE_ANYWAY]);
    const sentDefines = await defines('A', async () => void (o = await defineNetwork(yes.h, { xml, source: 'overlap.xml', check: checkOf(xml, 'overlap.xml'), start: false })));
    assert.equal(o?.status, 'done', JSON.stringify(o));
    assert.equal(sentDefines.length, 1);
    assert.deepEqual(await networks('A'), [...before, 'overlap'].sort());
    value(await m.run('A', netUndefine('overlap')));
  });

  it('a bridge the host lacks (its own bridge devices, read with the facts): a warning', async () => {
    const xml = `<network>\n  <name>bridged</name>\n  <forward mode='bridge'/>\n  <bridge name='vdc-nothere'/>\n</network>\n`;
    const s = host('A', [undefined]);
    const o = await defineNetwork(s.h, { xml, source: 'bridged.xml', check: checkOf(xml, 'bridged.xml'), start: false });
    assert.equal(o.status, 'cancelled');
    assert.match(s.asked[0].message, /^bridged\.xml clashes with what A runs \(1 warning\)/);
    assert.match(s.asked[0].detail, /bridge 'vdc-nothere', which host 'A' .* does not have/);
    assert.ok(!(await networks('A')).includes('bridged'));
  });

  it('the same name and UUID is a redefinition: no clash, only the question whether to replace it', async () => {
    const xml = nat('prod', 81, UUID_PROD);
    const s = host('A', [REPLACE]);
    let o: Outcome | undefined;
    const sentDefines = await defines('A', async () => void (o = await defineNetwork(s.h, { xml, source: 'prod.xml', check: checkOf(xml, 'prod.xml'), start: false })));
    assert.equal(o?.status, 'done', JSON.stringify(o));
    assert.deepEqual(s.asked.map((q) => q.message), ["Network 'prod' already exists on A. Replace its definition?"]);
    assert.equal(sentDefines.length, 1);
    // Without a <uuid> too: the flow keeps the host's UUID, so no clash either.
    const noUuid = nat('prod', 81);
    const s2 = host('A', [REPLACE]);
    assert.equal((await defineNetwork(s2.h, { xml: noUuid, source: 'prod.xml', check: checkOf(noUuid, 'prod.xml'), start: false })).status, 'done');
    assert.equal(s2.asked.length, 1);
    assert.match(s2.asked[0].detail, new RegExp(`keeps its UUID ${UUID_PROD}`));
  });

  it("several hosts: a clash on A, defined on B (whose stale facts in the index are replaced by the fresh read), C unreadable", async () => {
    const [beforeA, beforeB] = [await networks('A'), await networks('B')];
    const xml = nat('multi', 83, UUID_PROD);
    // The server still holds B's stale facts: there, without a fresh read, B would clash too.
    assert.ok((await checkOf(xml, 'multi.xml')()).diagnostics.some((d) => d.message.includes("network 'retired' on host 'B'")));
    const hA = host('A', [undefined]);
    const hB = host('B', []);
    const hC = host('C', []);
    let r: Awaited<ReturnType<typeof defineOnHosts>> | undefined;
    const toC = await defines('C', async () => {
      const toA = await defines('A', async () => void (r = await defineOnHosts([hA.h, hB.h, hC.h], { xml, source: 'multi.xml', check: checkOf(xml, 'multi.xml'), start: false })));
      assert.deepEqual(toA, []);
    });
    assert.deepEqual(toC, []);
    assert.deepEqual(r!.perHost.map((p) => [p.host, p.outcome.status]), [['A', 'cancelled'], ['B', 'done'], ['C', 'failed']]);
    assert.match((r!.perHost[2].outcome as { message: string }).message, /^Could not read the networks of C: .*Failed to connect socket to '\/nonexistent\/libvirt-sock'/);
    assert.equal(r!.summary, 'multi.xml: defined on B; failed on C; clash on A.');
    assert.equal(r!.status, 'failed');
    assert.match(hA.asked[0].message, /clashes with what A runs \(1 error\)/);
    assert.deepEqual(hB.asked, []);
    assert.deepEqual(await networks('A'), beforeA);
    assert.deepEqual(await networks('B'), [...beforeB, 'multi'].sort());
    value(await m.run('B', netUndefine('multi')));
  });

  it('reading a host fresh costs the refresh: two virsh round trips, the bridges beside the first', async () => {
    const from = sent.A.length;
    value(await readFreshHostFacts(m, 'A'));
    const argv = sent.A.slice(from);
    assert.equal(argv.filter((x) => x.includes('virsh')).length, 2, argv.join('\n'));
    assert.equal(argv.filter((x) => /\bip -j link show type bridge/.test(x)).length, 1, argv.join('\n'));
    // The figure: median of 7 fresh reads beside one round trip (the define's own read of the names, which the facts now replace).
    const median = (xs: number[]) => xs.sort((x, y) => x - y)[xs.length >> 1];
    const fresh: number[] = [];
    const one: number[] = [];
    for (let i = 0; i < 7; i++) {
      let t = performance.now();
      value(await readFreshHostFacts(m, 'A'));
      fresh.push(performance.now() - t);
      t = performance.now();
      value(await m.run('A', netListNames('all')));
      one.push(performance.now() - t);
    }
    const networksOnA = m.host('A')!.networks!.length;
    console.log(`readFreshHostFacts (networks on A: ${networksOnA}, VMs: 1): median ${median(fresh).toFixed(0)} ms, 3 SSH commands (2 sequential); one net-list round trip: median ${median(one).toFixed(0)} ms`);
  });
});
