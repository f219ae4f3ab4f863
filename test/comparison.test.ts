/**
 * Our verdict against the real libvirt tools, for every XML fixture under
 * test/fixtures/: a document is rejected by the oracle when libvirt's define
 * or `virt-xml-validate` rejects it, and by us when the service reports at
 * least one error. They must agree. Networks are defined on a real libvirtd
 * (its network driver's checks are what hosts run at `net-define`), which
 * this test starts in its own network namespace (scripts/testbed/libvirtd.sh)
 * and stops at the end; host interfaces and domains on virsh's test driver
 * with an empty state (see test/helpers/oracle.ts).
 *
 * One-file fixtures are compared per file. A `ws-*` workspace is defined in
 * one virsh batch (so duplicates between its files are seen) and compared as
 * a whole: virsh rejects only the second of two clashing definitions while
 * our cross-file checks mark both, so per-file verdicts cannot match.
 *
 * A fixture where the difference is expected and understood (e.g. a check of
 * something libvirt only sees at start time, or a driver the oracle cannot run) says so in
 * one of its files with a comment `<!-- oracle-differs: why -->`; the test
 * then asserts that the verdicts differ, so the note cannot go stale.
 *
 * Needs virsh, virt-xml-validate, libvirtd and ip (scripts/setup-test-deps.sh
 * installs them) and root (for the daemon's namespace). Without them, or when
 * the daemon does not start, the tests fail (with the daemon's log), unless
 * VIRTNET_ALLOW_SKIP=1: then what cannot be judged is skipped.
 */
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { after, before, test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { createLanguageService } from '../server/src/service/languageService';
import { fixtureCases } from './harness/fixtureCases';
import { parseHostFacts } from '../server/src/workspace/hostFactsFormat';
import { judge, kindOfText, libvirtToolsInstalled, startLibvirtd, type Libvirtd, type OracleVerdict } from './helpers/oracle';

const DIFFERS = /<!--\s*oracle-differs:\s*([\s\S]*?)-->/;

const cases = fixtureCases()
  .map((c) => ({ ...c, files: c.files.filter((f) => kindOfText(f.text) !== undefined) }))
  .filter((c) => c.files.length > 0);
const installed = libvirtToolsInstalled();
const allowSkip = process.env.VIRTNET_ALLOW_SKIP === '1';
const verdicts = new Map<string, OracleVerdict[]>();
const hasNetwork = (c: { files: readonly { text: string }[] }) => c.files.some((f) => kindOfText(f.text) === 'libvirt-network');
let daemon: Libvirtd | undefined;
/** Why the daemon is not there (the script's output with the daemon's log). */
let daemonError: string | undefined;

before(async () => {
  if (!installed) return;
  try {
    daemon = await startLibvirtd();
  } catch (e) {
    daemonError = e instanceof Error ? e.message : String(e);
    if (allowSkip) console.log(`libvirtd did not start; network fixtures are skipped (VIRTNET_ALLOW_SKIP=1):\n${daemonError}`);
  }
  await Promise.all(
    cases
      .filter((c) => daemon !== undefined || !hasNetwork(c))
      .map(async (c) => verdicts.set(c.name, await judge(c.files.map((f) => ({ path: fileURLToPath(f.uri), text: f.text })), { libvirtdUri: daemon?.uri }))),
  );
});

after(async () => {
  await daemon?.stop();
});

test('the private libvirtd started', () => {
  if (!installed) return;
  if (daemonError !== undefined && allowSkip) return;
  assert.ok(daemon, `libvirtd is needed to judge network fixtures: ${daemonError ?? 'not started'}`);
});

/** Our errors, with the fixture's KVM host facts (`*.host.json`) fed as the editor would; the oracle has no such host. */
function ourErrors(files: readonly { uri: string; text: string }[], hosts: readonly unknown[] = []): Map<string, string[]> {
  const service = createLanguageService();
  for (const h of hosts) {
    const parsed = parseHostFacts(h);
    if (parsed.ok && parsed.facts) service.setHost(parsed.facts);
  }
  for (const f of files) service.setFile(f.uri, f.text);
  return new Map(files.map((f) => [fileURLToPath(f.uri), service.getDiagnostics(f.uri).filter((d) => d.severity === 1).map((d) => `${d.range.start.line + 1}:${d.range.start.character + 1} ${String(d.code)}: ${String(d.message)}`)]));
}

for (const c of cases) {
  const skip = installed ? false : allowSkip ? 'virsh / virt-xml-validate not installed (VIRTNET_ALLOW_SKIP=1)' : false;
  test(`oracle agrees: ${c.name}`, { skip }, (t) => {
    assert.ok(installed, 'virsh and virt-xml-validate are needed: run scripts/setup-test-deps.sh (or set VIRTNET_ALLOW_SKIP=1 to skip)');
    if (daemon === undefined && hasNetwork(c)) {
      if (allowSkip) return t.skip('libvirtd did not start (VIRTNET_ALLOW_SKIP=1)');
      assert.fail("libvirtd is needed to judge networks and did not start: see the test 'the private libvirtd started'");
    }
    const oracle = verdicts.get(c.name);
    assert.ok(oracle, 'no oracle verdict');
    const ours = ourErrors(c.files, c.hosts);
    const differs = c.files.map((f) => DIFFERS.exec(f.text)?.[1].trim()).find((x) => x !== undefined);
    const rows = oracle.map((v) => {
      const errs = ours.get(v.path) ?? [];
      return { name: v.path.slice(v.path.lastIndexOf('/') + 1), oracleRejects: v.rejected, weReject: errs.length > 0, detail: v.rejected ? v.messages : errs.join('\n') };
    });
    const oracleRejects = rows.some((r) => r.oracleRejects);
    const weReject = rows.some((r) => r.weReject);
    const explain = rows
      .map((r) => `  ${r.name}: oracle ${r.oracleRejects ? 'rejects' : 'accepts'}, we ${r.weReject ? 'report an error' : 'report no error'}${r.detail ? '\n    ' + r.detail.replace(/\n/g, '\n    ') : ''}`)
      .join('\n');
    if (differs !== undefined) {
      assert.notEqual(weReject, oracleRejects, `marked oracle-differs (${differs}) but the verdicts agree now; remove the note\n${explain}`);
      return;
    }
    if (c.files.length === 1 || !c.name.split('/').some((p) => p.startsWith('ws-'))) {
      for (const r of rows) assert.equal(r.weReject, r.oracleRejects, `verdicts differ:\n${explain}`);
    } else {
      assert.equal(weReject, oracleRejects, `verdicts differ for the workspace:\n${explain}`);
    }
  });
}

test('the oracle itself: sees duplicates within a batch, wraps lone NICs, reads the schema verdict, runs the network driver', { skip: !installed && allowSkip ? 'libvirt tools not installed' : false }, async (t) => {
  assert.ok(installed, 'virsh and virt-xml-validate are needed: run scripts/setup-test-deps.sh (or set VIRTNET_ALLOW_SKIP=1 to skip)');
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'virtnet-oracle-self-'));
  try {
    const write = (name: string, text: string) => {
      fs.writeFileSync(path.join(dir, name), text);
      return { path: path.join(dir, name), text };
    };
    const net = (uuid: string) => `<network><name>dup</name><uuid>${uuid}</uuid></network>\n`;
    const files = [
      write('a.xml', net('11111111-2222-3333-4444-555555555551')),
      write('b.xml', net('11111111-2222-3333-4444-555555555552')),
      write('nic-ok.xml', "<interface type='network'><source network='default'/></interface>\n"),
      write('nic-bad.xml', "<interface type='network'><source network='default'/><mac address='zz'/></interface>\n"),
      write('unknown-element.xml', '<network><name>x</name><bogus/></network>\n'),
      write('host.xml', "<interface type='ethernet' name='eth9'/>\n"),
      // Only the network driver (networkValidate) rejects a VLAN tag on an isolated network.
      write('vlan.xml', "<network><name>nv</name><vlan><tag id='7'/></vlan></network>\n"),
    ];
    const table = (v: OracleVerdict[]) => v.map((x) => [path.basename(x.path), x.kind, x.virshAccepted, x.schemaValid]);
    const expected = (vlanAccepted: boolean) => [
      ['a.xml', 'libvirt-network', true, true],
      ['b.xml', 'libvirt-network', false, true],
      ['nic-ok.xml', 'libvirt-domain-interface', true, true],
      ['nic-bad.xml', 'libvirt-domain-interface', false, false],
      ['unknown-element.xml', 'libvirt-network', true, false],
      ['host.xml', 'libvirt-host-interface', true, true],
      ['vlan.xml', 'libvirt-network', vlanAccepted, true],
    ];
    assert.deepEqual(table(await judge(files)), expected(true));
    if (daemon === undefined) {
      if (allowSkip) return t.skip('libvirtd did not start (VIRTNET_ALLOW_SKIP=1)');
      assert.fail("libvirtd is needed and did not start: see the test 'the private libvirtd started'");
    }
    const onDaemon = await judge(files, { libvirtdUri: daemon.uri });
    assert.deepEqual(table(onDaemon), expected(false));
    // Each rejection carries its own command's message.
    assert.match(onDaemon[1].messages, /already exists/);
    assert.match(onDaemon[6].messages, /VLAN/i);
    assert.doesNotMatch(onDaemon[6].messages, /already exists/);
    // Defined networks are undefined again: the same workspace judged twice gives the same verdicts.
    assert.deepEqual(table(await judge(files, { libvirtdUri: daemon.uri })), expected(false));
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
});
