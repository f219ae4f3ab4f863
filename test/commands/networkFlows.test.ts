/**
 * The network commands' flows (client/src/commands/networkFlows.ts,
 * networkXml.ts) end to end: OpenSSH's sshd on 127.0.0.1 in front of a
 * private libvirtd (scripts/testbed/), reached through the remote layer's
 * HostConnectionManager, with the real built language server answering
 * `virtnet/checkDocument`. Only the prompts are scripted: each test says
 * which button the user presses and asserts what was asked.
 */
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { after, before, describe, it } from 'node:test';
import {
  DEFINE_ANYWAY,
  defineNetwork,
  REPLACE,
  setAutostart,
  SHOW_PROBLEMS,
  startNetwork,
  stopNetwork,
  STOP,
  STOP_AND_UNDEFINE,
  UNDEFINE,
  UNDEFINE_KEEP_RUNNING,
  undefineNetwork,
  type CheckResult,
  type FlowHost,
  type Outcome,
} from '../../client/src/commands/networkFlows';
import { networkXmlUriParts, parseNetworkXmlUri, readNetworkXml, saveNetworkXml } from '../../client/src/commands/networkXml';
import { fetchVms, HostConnectionManager, netDefine, netInfo, netListNames, netUndefine, networkUsers, type Result, type RunOnHost } from '../../client/src/remote';
import { simpleCommand } from '../../client/src/remote/virshCommand';
import { sshdInstalled, startSshHost, type SshHost } from '../helpers/sshTestbed';
import { fileUri, TestClient } from '../lsp/lspClient';
import { HOSTILE } from '../remote/hostileNames';

const skip = process.getuid?.() !== 0 || !sshdInstalled() ? 'needs root and openssh-server (scripts/setup-test-deps.sh)' : false;
const HOST = 'kvm-test';

let host: SshHost;
let tmp: string;
let manager: HostConnectionManager;
let server: TestClient;
const run: RunOnHost = (command) => manager.run(HOST, command);

before(async () => {
  if (skip) return;
  host = await startSshHost({ index: 0 });
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'virtnet-flows-'));
  const knownHosts = path.join(tmp, 'known_hosts');
  fs.writeFileSync(knownHosts, `${host.knownHostsLine}\n`);
  manager = new HostConnectionManager({ knownHostsFile: knownHosts, prompts: { confirmHostKey: async () => false, askPassphrase: async () => undefined } });
  manager.setHosts([{ name: HOST, host: host.host, port: host.port, user: host.user, identityFile: host.key }]);
  server = await TestClient.start({ folders: [tmp] });
});
after(async () => {
  manager?.dispose();
  await server?.stop();
  await host?.stop();
  if (tmp) fs.rmSync(tmp, { recursive: true, force: true });
});

/** The prompts: answers given in order; every question is recorded. */
function scripted(...answers: (string | undefined)[]) {
  const asked: { message: string; detail: string; buttons: readonly string[] }[] = [];
  const progress: string[] = [];
  const h: FlowHost = {
    host: HOST,
    config: { name: HOST, host: host.host, port: host.port, user: host.user, identityFile: host.key },
    run,
    ui: {
      ask: async (message, detail, buttons) => {
        asked.push({ message, detail, buttons });
        assert.ok(answers.length > 0, `unexpected question: ${message}`);
        return answers.shift();
      },
      progress: (title, task) => {
        progress.push(title);
        return task();
      },
    },
  };
  return { h, asked, progress, done: () => assert.equal(answers.length, 0, 'every scripted answer was used') };
}

function value<T>(r: Result<T>): T {
  if (!r.ok) assert.fail(`${r.error.kind}: ${r.error.message}\n${r.error.stderr}`);
  return r.value;
}

const xmlText = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/'/g, '&apos;').replace(/"/g, '&quot;');

function network(name: string, octet: number, extra = ''): string {
  return `<network>\n  <name>${xmlText(name)}</name>\n  <bridge name='vnf${octet}'/>\n  <ip address='10.${octet}.0.1' prefix='24'/>${extra}\n</network>\n`;
}

/** An isolated network without addresses (no dnsmasq: quick to start and stop). */
function bare(name: string, n: number): string {
  return `<network>\n  <name>${xmlText(name)}</name>\n  <bridge name='vnh${n}'/>\n</network>\n`;
}

/** The language server's verdict on a text, as the define command asks for it. */
function checkOf(text: string, file = 'net.xml'): () => Promise<CheckResult> {
  return () => server.conn.sendRequest<CheckResult>('virtnet/checkDocument', { uri: fileUri(path.join(tmp, 'outside', file)), text });
}

async function state(name: string) {
  const names = value(await run(netListNames('all')));
  if (!names.includes(name)) return 'undefined';
  const info = value(await run(netInfo(name)));
  return `${info.active ? 'active' : 'inactive'}${info.persistent ? '' : ' transient'}${info.autostart ? ' autostart' : ''}`;
}

function assertDone(o: Outcome, message: RegExp): void {
  assert.equal(o.status, 'done', JSON.stringify(o));
  assert.match((o as { message: string }).message, message);
}

function assertFailed(o: Outcome, message: RegExp, next: RegExp): void {
  assert.equal(o.status, 'failed', JSON.stringify(o));
  const f = o as Extract<Outcome, { status: 'failed' }>;
  assert.match(f.message, message);
  assert.match(f.next, next);
}

describe('network commands against sshd + libvirtd', { skip }, () => {
  it('define and start in one click: clean XML asks nothing; the network runs', async () => {
    const s = scripted();
    assertDone(await defineNetwork(s.h, { xml: network('flow-a', 71), source: 'flow-a.xml', check: checkOf(network('flow-a', 71)), start: true }), /^Network 'flow-a' defined and started on kvm-test\.$/);
    assert.equal(await state('flow-a'), 'active');
    assert.ok(s.progress.some((p) => /Defining and starting network 'flow-a' on kvm-test/.test(p)));
    s.done();
  });

  it('errors found by the language service are offered before anything is sent', async () => {
    const bad = network('flow-bad', 72).replace('<bridge', "<forward mode='natt'/>\n  <bridge");
    // Show Problems: nothing defined.
    const s1 = scripted(SHOW_PROBLEMS);
    assert.deepEqual(await defineNetwork(s1.h, { xml: bad, source: 'flow-bad.xml', check: checkOf(bad), start: true }), { status: 'cancelled', showProblems: true });
    assert.match(s1.asked[0].message, /^flow-bad\.xml has 1 error\. Define it on kvm-test anyway\?$/);
    assert.match(s1.asked[0].detail, /^line 3: .*natt/);
    assert.deepEqual(s1.asked[0].buttons, [SHOW_PROBLEMS, DEFINE_ANYWAY]);
    assert.equal(await state('flow-bad'), 'undefined');
    // Cancel: nothing defined.
    assert.deepEqual(await defineNetwork(scripted(undefined).h, { xml: bad, source: 'flow-bad.xml', check: checkOf(bad), start: false }), { status: 'cancelled' });
    assert.equal(await state('flow-bad'), 'undefined');
    // Define Anyway: libvirt's own refusal, with its words.
    const o = await defineNetwork(scripted(DEFINE_ANYWAY).h, { xml: bad, source: 'flow-bad.xml', check: checkOf(bad), start: true });
    // `--validate`: libvirt's RNG check refuses it (plain net-define would have said "unknown forward type 'natt'").
    assertFailed(o, /^libvirt refused to define network 'flow-bad' on kvm-test \(not started\): Failed to define network .*validate against schema/, /Fix the definition/);
    assert.match((o as { libvirt: string }).libvirt, /^error: Failed to define network/);
    assert.equal(await state('flow-bad'), 'undefined');
  });

  it('a file that is not a network is refused before anything is sent', async () => {
    const domain = "<domain type='kvm'><name>x</name></domain>";
    const o = await defineNetwork(scripted().h, { xml: domain, source: 'vm.xml', check: checkOf(domain, 'vm.xml'), start: false });
    assertFailed(o, /vm\.xml is not a libvirt network definition/, /network XML/);
  });

  it('define onto an existing name asks before replacing; a start that fails names the step and libvirt\'s reason', async () => {
    // Same subnet as flow-a (running): defined, but the start is refused.
    const clash = network('flow-clash', 71).replace("'vnf71'", "'vnf73'");
    const o = await defineNetwork(scripted().h, { xml: clash, source: 'clash.xml', check: checkOf(clash, 'clash.xml'), start: true });
    assertFailed(o, /^Network 'flow-clash' was defined on kvm-test, but did not start: .*in use/i, /subnet or bridge name/);
    assert.equal(await state('flow-clash'), 'inactive');
    // Defining it again asks; cancelling changes nothing, Replace replaces.
    const fixed = network('flow-clash', 73);
    const s = scripted(undefined, REPLACE);
    assert.deepEqual(await defineNetwork(s.h, { xml: fixed, source: 'clash.xml', check: checkOf(fixed, 'clash.xml'), start: true }), { status: 'cancelled' });
    assert.match(s.asked[0].message, /^Network 'flow-clash' already exists on kvm-test\. Replace its definition\?$/);
    assert.match(s.asked[0].detail, /The XML has no <uuid>: the network keeps its UUID [0-9a-f-]{36}\./);
    assertDone(await defineNetwork(s.h, { xml: fixed, source: 'clash.xml', check: checkOf(fixed, 'clash.xml'), start: true }), /defined and started/);
    assert.equal(await state('flow-clash'), 'active');
    s.done();
  });

  it('start, autostart on and off', async () => {
    value(await run(netDefine(network('flow-b', 74))));
    assertDone(await startNetwork(scripted().h, 'flow-b'), /^Network 'flow-b' started on kvm-test\.$/);
    assertFailed(await startNetwork(scripted().h, 'flow-b'), /did not start.*already active/i, /already running/);
    assertDone(await setAutostart(scripted().h, 'flow-b', true), /now starts when libvirtd starts/);
    assert.equal(await state('flow-b'), 'active autostart');
    assertDone(await setAutostart(scripted().h, 'flow-b', false), /no longer starts/);
    assert.equal(await state('flow-b'), 'active');
  });

  it('stop names the VMs attached to the network and stops only when confirmed', async () => {
    const vm = (name: string, net: string) =>
      `<domain type='qemu'><name>${name}</name><memory>131072</memory><os><type arch='x86_64'>hvm</type></os><devices><interface type='network'><source network='${xmlText(net)}'/></interface></devices></domain>`;
    value(await run(simpleCommand(['define', '--file', '/dev/stdin'], (s) => s, vm('web-1', 'flow-b'))));
    value(await run(simpleCommand(['define', '--file', '/dev/stdin'], (s) => s, vm('other-vm', 'flow-a'))));
    assert.deepEqual(value(await networkUsers(run, 'flow-b')), [{ domain: 'web-1', running: false }]);
    // Round trips: two without a refresh; one with the VMs the refresh read; a VM defined since is still found (a second trip for it).
    let trips = 0;
    const counted: RunOnHost = (c) => (trips++, run(c));
    value(await networkUsers(counted, 'flow-b'));
    assert.equal(trips, 2, 'without known VMs: the lists, then their XML');
    const known = value(await fetchVms(run));
    trips = 0;
    assert.deepEqual(value(await networkUsers(counted, 'flow-b', known)), [{ domain: 'web-1', running: false }]);
    assert.equal(trips, 1, 'with the VMs of the last refresh: one round trip');
    value(await run(simpleCommand(['define', '--file', '/dev/stdin'], (s) => s, vm('web-2', 'flow-b'))));
    trips = 0;
    assert.deepEqual(value(await networkUsers(counted, 'flow-b', known)), [{ domain: 'web-1', running: false }, { domain: 'web-2', running: false }]);
    assert.equal(trips, 2, 'a VM the refresh did not see costs a second trip');
    value(await run(simpleCommand(['undefine', '--domain', 'web-2'], (s) => s)));
    const s = scripted(undefined, STOP);
    assert.deepEqual(await stopNetwork({ ...s.h, knownVms: known }, 'flow-b'), { status: 'cancelled' });
    assert.equal(await state('flow-b'), 'active');
    assert.equal(s.asked[0].message, "Stop network 'flow-b' on kvm-test?");
    assert.match(s.asked[0].detail, /web-1 \(shut off\)/);
    assert.doesNotMatch(s.asked[0].detail, /other-vm/);
    assert.deepEqual(s.asked[0].buttons, [STOP]);
    assertDone(await stopNetwork(s.h, 'flow-b'), /^Network 'flow-b' stopped on kvm-test\.$/);
    assert.equal(await state('flow-b'), 'inactive');
    s.done();
    // A network no VM uses says so.
    const none = scripted(undefined);
    await stopNetwork(none.h, 'flow-clash');
    assert.equal(none.asked[0].detail, 'No VM uses it.');
  });

  it('undefine: inactive after a confirmation; active only stopped first when the user picks that', async () => {
    // Inactive (flow-b, stopped above): one question, Undefine.
    const s1 = scripted(undefined, UNDEFINE);
    assert.deepEqual(await undefineNetwork(s1.h, 'flow-b'), { status: 'cancelled' });
    assert.equal(await state('flow-b'), 'inactive');
    assertDone(await undefineNetwork(s1.h, 'flow-b'), /^Network 'flow-b' undefined on kvm-test\.$/);
    assert.equal(await state('flow-b'), 'undefined');
    assert.match(s1.asked[0].detail, /web-1/);
    // Active, Stop and Undefine (one round trip): gone.
    const s2 = scripted(STOP_AND_UNDEFINE);
    assertDone(await undefineNetwork(s2.h, 'flow-clash'), /stopped and undefined/);
    assert.match(s2.asked[0].message, /^Network 'flow-clash' is running on kvm-test\. Stop it and undefine it\?$/);
    assert.deepEqual(s2.asked[0].buttons, [STOP_AND_UNDEFINE, UNDEFINE_KEEP_RUNNING]);
    assert.equal(await state('flow-clash'), 'undefined');
    // Active, Undefine only: it runs on as a transient network; undefining that again offers to stop it.
    assertDone(await undefineNetwork(scripted(UNDEFINE_KEEP_RUNNING).h, 'flow-a'), /undefined on kvm-test\. It keeps running/);
    assert.equal(await state('flow-a'), 'active transient');
    const s3 = scripted(STOP);
    assertDone(await undefineNetwork(s3.h, 'flow-a'), /stopped and removed/);
    assert.match(s3.asked[0].message, /transient: stopping it removes it/);
    assert.equal(await state('flow-a'), 'undefined');
    // A network that is not there: libvirt's words and what to do.
    assertFailed(await undefineNetwork(scripted().h, 'flow-none'), /Could not read network 'flow-none'/, /refresh the host/);
  });

  it('edit the definition: read, save (net-define), read again; a refused save keeps libvirt\'s words; another name is refused', async () => {
    const withDhcp = "<network>\n  <name>flow-edit</name>\n  <bridge name='vnf75'/>\n  <ip address='10.75.0.1' prefix='24'>\n    <dhcp><range start='10.75.0.10' end='10.75.0.15'/></dhcp>\n  </ip>\n</network>\n";
    value(await run(netDefine(withDhcp)));
    const ref = parseNetworkXmlUri(networkXmlUriParts({ host: HOST, network: 'flow-edit', view: 'edit' }).path, '');
    assert.deepEqual(ref, { host: HOST, network: 'flow-edit', view: 'edit' });
    const text = value(await readNetworkXml(run, ref!));
    assert.match(text, /<name>flow-edit<\/name>/);
    const edited = text.replace("end='10.75.0.15'", "end='10.75.0.20'");
    assert.notEqual(edited, text);
    assert.equal(value(await saveNetworkXml(HOST, run, 'flow-edit', edited)), "Network 'flow-edit' redefined on kvm-test.");
    assert.match(value(await readNetworkXml(run, ref!)), /<range start='10\.75\.0\.10' end='10\.75\.0\.20'\/>/);
    // Running: the message says when the change applies; live and inactive views differ until then.
    value(await run(simpleCommand(['net-start', '--network', 'flow-edit'], (s) => s)));
    const again = value(await readNetworkXml(run, ref!)).replace("end='10.75.0.20'", "end='10.75.0.30'");
    assert.match(value(await saveNetworkXml(HOST, run, 'flow-edit', again)), /It is running: the new definition applies when it is stopped and started again\./);
    assert.match(value(await readNetworkXml(run, { ...ref!, view: 'inactive' })), /10\.75\.0\.30/);
    assert.match(value(await readNetworkXml(run, { ...ref!, view: 'live' })), /10\.75\.0\.20/);
    // libvirt refuses: its message comes back, nothing changes.
    const refused = await saveNetworkXml(HOST, run, 'flow-edit', again.replace(/<ip /, "<forward mode='natt'/>\n  <ip "));
    assert.ok(!refused.ok);
    assert.match(refused.error.message, /^libvirt refused the definition of 'flow-edit' on kvm-test: Failed to define network .*validate against schema/);
    assert.match(value(await readNetworkXml(run, ref!)), /10\.75\.0\.30/);
    // Another name would define a second network: refused before anything is sent.
    const renamed = await saveNetworkXml(HOST, run, 'flow-edit', again.replace('<name>flow-edit</name>', '<name>flow-other</name>'));
    assert.ok(!renamed.ok);
    assert.match(renamed.error.message, /names 'flow-other'/);
    assert.equal(await state('flow-other'), 'undefined');
    assert.deepEqual(parseNetworkXmlUri('/kvm-test/flow-edit.xml', 'live'), { host: HOST, network: 'flow-edit', view: 'live' });
    assert.equal(parseNetworkXmlUri('/kvm-test/flow-edit.xml', 'bogus'), undefined);
  });

  it('hostile network names: every flow and the document URI round-trip exactly and run nothing', async () => {
    // Every name: define, edit and save, undefine (inactive: no bridge is created, so this stays quick).
    const accepted: string[] = [];
    let n = 100;
    for (const name of HOSTILE) {
      const xml = bare(name, n++);
      const o = await defineNetwork(scripted(DEFINE_ANYWAY).h, { xml, source: 'hostile.xml', check: checkOf(xml, 'hostile.xml'), start: false });
      const ref = { host: `h/o%st ${name}`, network: name, view: 'edit' as const };
      const parts = networkXmlUriParts(ref);
      assert.deepEqual(parseNetworkXmlUri(parts.path, parts.query), ref, JSON.stringify(name));
      if (o.status !== 'done') {
        // libvirt refuses some names ('', '/'…): with its words, never by running them.
        assert.equal(o.status, 'failed', `${JSON.stringify(name)}: ${JSON.stringify(o)}`);
        continue;
      }
      accepted.push(name);
      // Read and saved as an edited document (its name read back from the XML), then undefined.
      const text = value(await readNetworkXml(run, { host: HOST, network: name, view: 'edit' }));
      assert.match(value(await saveNetworkXml(HOST, run, name, text)), /redefined/);
      value(await run(netUndefine(name)));
    }
    assert.deepEqual(value(await run(netListNames('all'))).filter((x) => HOSTILE.includes(x)), [], 'all undefined, by their exact names');
    const worst = ['x;touch pwned', '$(id)', "it's", 'ünïcødé ネット 🐧'];
    for (const name of worst) assert.ok(accepted.includes(name), JSON.stringify(accepted));
    // The worst ones through every lifecycle flow.
    for (const name of worst) {
      const xml = bare(name, n++);
      assertDone(await defineNetwork(scripted().h, { xml, source: 'hostile.xml', check: checkOf(xml, 'hostile.xml'), start: true }), /defined and started/);
      assertDone(await setAutostart(scripted().h, name, true), /now starts/);
      assert.equal(await state(name), 'active autostart');
      assertDone(await stopNetwork(scripted(STOP).h, name), /stopped/);
      assertDone(await startNetwork(scripted().h, name), /started/);
      const text = value(await readNetworkXml(run, { host: HOST, network: name, view: 'edit' }));
      assert.match(value(await saveNetworkXml(HOST, run, name, text)), /redefined/);
      assertDone(await undefineNetwork(scripted(STOP_AND_UNDEFINE).h, name), /stopped and undefined/);
      assert.equal(await state(name), 'undefined');
    }
    assert.equal(fs.existsSync(path.join(host.home, 'pwned')), false, 'nothing ran on the host');
  });
});
