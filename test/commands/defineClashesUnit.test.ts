/**
 * The define flow's decisions about host clashes, as pure logic
 * (client/src/commands/defineClashes.ts, networkFlows.ts `defineNetwork`,
 * multiHostDefine.ts): which diagnostics concern the destination host, what
 * is asked, and that nothing reaches a host before the user said yes. The
 * host, the language server and the prompts are fakes here; the same flows
 * against real hosts and the real server: defineClashes.test.ts.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { hostsNamed, sortProblems, type CheckedProblem } from '../../client/src/commands/defineClashes';
import { defineOnHosts } from '../../client/src/commands/multiHostDefine';
import { DEFINE_ANYWAY, defineNetwork, REPLACE, type CheckResult, type FlowHost } from '../../client/src/commands/networkFlows';
import type { Result } from '../../client/src/remote';
import type { HostFactsParams } from '../../server/src/workspace/hostFactsFormat';
import { hostObjectUri } from '../../server/src/workspace/kvmHosts';

const UUID = '5e1d3c7a-9b2f-4d6e-8a1c-3f5b7d9e1a2c';
const XML = `<network>\n  <name>web</name>\n  <uuid>${UUID}</uuid>\n  <bridge name='vweb0'/>\n</network>\n`;

function problem(severity: number, code: string, message: string, hosts: string[] = []): CheckedProblem {
  return { severity, code, message, range: { start: { line: 2 } }, relatedInformation: hosts.map((h) => ({ location: { uri: hostObjectUri(h, 'network', 'x') }, message: 'there' })) };
}

function facts(host: string, networks: { name: string; uuid?: string }[] = []): HostFactsParams {
  return { host, readAt: '2026-12-05T08:30:00Z', facts: { networks: networks.map((n) => ({ ...n, active: false, subnets: [] })), vms: [], bridges: [] } };
}

/** A fake host: records what is sent and asked; `answers` in order. */
function fakeHost(host: string, answers: (string | undefined)[], read: () => Promise<Result<HostFactsParams>> = async () => ({ ok: true, value: facts(host) })) {
  const sent: string[] = [];
  const asked: { message: string; detail: string; buttons: readonly string[] }[] = [];
  let reads = 0;
  const h: FlowHost = {
    host,
    config: { name: host },
    run: async (c) => {
      sent.push(c.args.join(' '));
      return { ok: true, value: '' as never };
    },
    readFacts: () => (reads++, read()),
    ui: {
      ask: async (message, detail, buttons) => {
        asked.push({ message, detail, buttons });
        assert.ok(answers.length > 0, `unexpected question: ${message}`);
        return answers.shift();
      },
      progress: (_t, task) => task(),
    },
  };
  return { h, sent, asked, reads: () => reads };
}

/**
 * A fake server: the plain verdict, and per host what checking with that
 * host's facts gives; given facts replace what the index held of that host
 * (so its findings in `plain` go), as the real server's overlay does.
 */
function fakeCheck(plain: CheckedProblem[], withHost: Record<string, CheckedProblem[]> = {}) {
  const calls: (string[] | undefined)[] = [];
  const check = async (hosts?: readonly HostFactsParams[]): Promise<CheckResult> => {
    calls.push(hosts?.map((x) => x.host));
    const given = new Set((hosts ?? []).map((x) => x.host));
    const kept = plain.filter((d) => ![...hostsNamed(d)].some((h) => given.has(h)));
    return { kind: 'libvirt-network', diagnostics: [...kept, ...(hosts ?? []).flatMap((x) => withHost[x.host] ?? [])] };
  };
  return { check, calls };
}

describe('sortProblems: which findings concern a define on host H', () => {
  it('the file, H, and other hosts only', () => {
    const own = problem(1, 'libvirt/schema', 'bad');
    const onH = problem(1, 'libvirt/duplicate-network-uuid', 'on H', ['H']);
    const onBoth = problem(2, 'libvirt/overlapping-subnets', 'on H and T', ['T', 'H']);
    const onT = problem(1, 'libvirt/duplicate-network-uuid', 'on T', ['T']);
    const hint = problem(4, 'libvirt/x', 'a hint about H', ['H']);
    assert.deepEqual(sortProblems([own, onH, onBoth, onT, hint], 'H', { hasUuid: true }), { file: [own], clashes: [onH, onBoth], otherHosts: [onT] });
  });

  it('host names with any characters are read back from the virtual URIs', () => {
    const name = "kvm 1/prod's ü";
    assert.deepEqual([...hostsNamed(problem(1, 'c', 'm', [name, 'other']))], [name, 'other']);
    assert.deepEqual(sortProblems([problem(1, 'c', 'm', [name])], name, { hasUuid: true }).clashes.length, 1);
    assert.deepEqual([...hostsNamed({ ...problem(1, 'c', 'm'), relatedInformation: [{ location: { uri: 'virtnet-host://%E0%A4%A/network/x' }, message: '' }] })], []);
  });

  it('a file without <uuid> whose name H has is no clash: the flow keeps H\'s UUID when it replaces', () => {
    const sameName = problem(1, 'libvirt/duplicate-network-name', "already exists on host 'H' and this file has no <uuid>", ['H']);
    assert.deepEqual(sortProblems([sameName], 'H', { hasUuid: false }).clashes, []);
    assert.deepEqual(sortProblems([sameName], 'H', { hasUuid: true }).clashes, [sameName]);
  });
});

describe('defineNetwork with the host\'s facts', () => {
  it('an error clash: shown with no way to go on; nothing is sent', async () => {
    const f = fakeHost('H', [undefined]);
    const server = fakeCheck([], { H: [problem(1, 'libvirt/duplicate-network-uuid', "UUID used by network 'db' on host 'H'", ['H'])] });
    const o = await defineNetwork(f.h, { xml: XML, source: 'web.xml', check: server.check, start: true });
    assert.deepEqual(o, { status: 'cancelled', clash: "UUID used by network 'db' on host 'H'" });
    assert.deepEqual(server.calls, [undefined, ['H']]);
    assert.deepEqual(f.asked.map((q) => [q.message, q.buttons]), [['web.xml clashes with what H runs (1 error): it is not defined there.', []]]);
    assert.match(f.asked[0].detail, /^line 3: UUID used by network 'db' on host 'H' \(libvirt\/duplicate-network-uuid\)\n\nWhat H runs was read at 2026-12-05 08:30 UTC\.$/);
    assert.deepEqual(f.sent, []);
  });

  it('warnings: asked; cancel sends nothing; Define Anyway defines, with no further read (the facts said the name is free)', async () => {
    const warn = problem(2, 'libvirt/overlapping-subnets', 'overlaps on H', ['H']);
    const no = fakeHost('H', [undefined]);
    assert.deepEqual(await defineNetwork(no.h, { xml: XML, source: 'web.xml', check: fakeCheck([], { H: [warn] }).check, start: false }), { status: 'cancelled', clash: 'overlaps on H' });
    assert.deepEqual(no.asked[0].buttons, [DEFINE_ANYWAY]);
    assert.equal(no.asked[0].message, 'web.xml clashes with what H runs (1 warning). Define it on H anyway?');
    assert.deepEqual(no.sent, []);
    const yes = fakeHost('H', [DEFINE_ANYWAY]);
    const o = await defineNetwork(yes.h, { xml: XML, source: 'web.xml', check: fakeCheck([], { H: [warn] }).check, start: false });
    assert.equal(o.status, 'done');
    assert.equal(yes.sent.length, 1);
    assert.match(yes.sent[0], /^net-define --file \/dev\/stdin --validate$/);
  });

  it('findings about other hosts are not this define\'s: no question', async () => {
    const f = fakeHost('H', []);
    const o = await defineNetwork(f.h, { xml: XML, source: 'web.xml', check: fakeCheck([problem(1, 'libvirt/duplicate-network-uuid', 'on T', ['T'])]).check, start: false });
    assert.equal(o.status, 'done');
    assert.deepEqual(f.asked, []);
  });

  it('stale clashes with H in the index give way to the fresh read', async () => {
    const f = fakeHost('H', []);
    const stale = problem(1, 'libvirt/duplicate-network-uuid', "on H, read yesterday", ['H']);
    assert.equal((await defineNetwork(f.h, { xml: XML, source: 'web.xml', check: fakeCheck([stale]).check, start: false })).status, 'done');
    // Without a reader (no fresh facts), the index's clash is what is known.
    const g = fakeHost('H', [undefined]);
    const { readFacts: _, ...noReader } = g.h;
    assert.equal((await defineNetwork(noReader, { xml: XML, source: 'web.xml', check: fakeCheck([stale]).check, start: false })).status, 'cancelled');
    assert.deepEqual(g.sent, []);
  });

  it('same name on H: the replace question, its UUID from the facts just read (no extra round trip)', async () => {
    const noUuid = XML.replace(/ {2}<uuid>.*\n/, '');
    const f = fakeHost('H', [REPLACE], async () => ({ ok: true, value: facts('H', [{ name: 'web', uuid: UUID }]) }));
    const o = await defineNetwork(f.h, { xml: noUuid, source: 'web.xml', check: fakeCheck([], { H: [problem(1, 'libvirt/duplicate-network-name', 'no <uuid>', ['H'])] }).check, start: false });
    assert.equal(o.status, 'done');
    assert.deepEqual(f.asked.map((q) => q.message), ["Network 'web' already exists on H. Replace its definition?"]);
    assert.match(f.asked[0].detail, new RegExp(`keeps its UUID ${UUID}`));
    assert.deepEqual(f.sent, ['net-define --file /dev/stdin --validate']);
  });

  it('the host cannot be read: a failure naming it, nothing sent; declined file errors never contact the host', async () => {
    const f = fakeHost('H', [], async () => ({ ok: false, error: { kind: 'connection', message: 'connection refused', stderr: '' } }));
    const o = await defineNetwork(f.h, { xml: XML, source: 'web.xml', check: fakeCheck([]).check, start: false });
    assert.equal(o.status, 'failed');
    assert.match((o as { message: string }).message, /^Could not read the networks of H: connection refused/);
    assert.deepEqual(f.sent, []);
    const g = fakeHost('H', [undefined]);
    assert.deepEqual(await defineNetwork(g.h, { xml: XML, source: 'web.xml', check: fakeCheck([problem(1, 'libvirt/schema', 'bad')]).check, start: false }), { status: 'cancelled' });
    assert.equal(g.reads(), 0);
  });
});

describe('defineOnHosts: per host', () => {
  it('a clash on A, defined on B; the file\'s errors asked once for both', async () => {
    const a = fakeHost('A', [DEFINE_ANYWAY, undefined]);
    const b = fakeHost('B', []);
    const server = fakeCheck([problem(1, 'libvirt/schema', 'bad')], { A: [problem(1, 'libvirt/duplicate-network-uuid', 'on A', ['A'])] });
    const r = await defineOnHosts([a.h, b.h], { xml: XML, source: 'web.xml', check: server.check, start: false });
    assert.deepEqual(a.asked.map((q) => q.message), ['web.xml has 1 error. Define it on A anyway?', 'web.xml clashes with what A runs (1 error): it is not defined there.']);
    assert.deepEqual(b.asked, []);
    assert.deepEqual(r.perHost.map((p) => [p.host, p.outcome.status]), [['A', 'cancelled'], ['B', 'done']]);
    assert.equal(r.summary, 'web.xml: defined on B; clash on A.');
    assert.equal(r.status, 'partial');
    assert.deepEqual(a.sent, []);
    assert.equal(b.sent.length, 1);
    assert.deepEqual(server.calls, [undefined, ['A'], ['B']], 'the plain check once, then once per host with its facts');
  });

  it('declining the file\'s errors defines nothing anywhere and reads no host', async () => {
    const a = fakeHost('A', [undefined]);
    const b = fakeHost('B', []);
    const r = await defineOnHosts([a.h, b.h], { xml: XML, source: 'web.xml', check: fakeCheck([problem(1, 'libvirt/schema', 'bad')]).check, start: false });
    assert.equal(r.status, 'cancelled');
    assert.equal(r.summary, 'Nothing defined: web.xml has errors.');
    assert.equal(a.reads() + b.reads(), 0);
    assert.deepEqual([...a.sent, ...b.sent], []);
  });
});
