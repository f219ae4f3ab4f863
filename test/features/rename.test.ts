/**
 * Rename at the service boundary: prepareRename ranges and refusals, the
 * WorkspaceEdit across files (closed ones included), escaping, and that the
 * renamed workspace validates as before.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { WorkspaceEdit } from 'vscode-languageserver-types';
import type { DocumentView, FeatureContext } from '../../server/src/features/context';
import { renameRefusal } from '../../server/src/features/rename';
import { buildModel } from '../../server/src/model/libvirt';
import { LineIndex } from '../../server/src/parse/lineIndex';
import { parseXml } from '../../server/src/parse/xml';
import { kindOfRoot } from '../../server/src/service/documentKind';
import { createLanguageService } from '../../server/src/service/languageService';
import { defaultSettings } from '../../server/src/service/types';
import { factsOf, WorkspaceIndex } from '../../server/src/workspace/workspaceIndex';
import { cursor } from '../harness/cursor';
import { applyWorkspaceEdit, files, IFACE_BR0, marked, NET_HOSTBR, NET_LAB, NET_OTHER, NIC, textAt, VM1 } from './navigation.workspace';

/** Diagnostics of every file, as `uri code` lines (to compare a workspace before and after a rename). */
function diagnosticCodes(texts: Record<string, string>): string[] {
  const s = createLanguageService();
  for (const [u, t] of Object.entries(texts)) s.setFile(u, t);
  return Object.keys(texts)
    .flatMap((u) => s.getDiagnostics(u).map((d) => `${u.replace('file:///ws/', '')} ${d.code}`))
    .sort();
}

/** Which files an edit touches and the new text of each edit, for readable assertions. */
function summary(edit: WorkspaceEdit | null, texts: Record<string, string> = files): string[] {
  assert.ok(edit?.changes, 'a WorkspaceEdit with changes');
  return Object.entries(edit.changes)
    .flatMap(([u, es]) => es.map((e) => `${u.replace('file:///ws/', '')} ${textAt(texts[u], e.range)}→${e.newText}`))
    .sort();
}

/** A FeatureContext over `texts` with the cursor file `uri` (what the facade builds), for `renameRefusal`. */
function featureContext(texts: Record<string, string>, uri: string): FeatureContext {
  const index = new WorkspaceIndex();
  const views = new Map<string, DocumentView>();
  for (const [u, text] of Object.entries(texts)) {
    const xml = parseXml(text);
    const kind = kindOfRoot(xml.root);
    const model = kind && xml.root ? buildModel(kind, xml.root) : undefined;
    if (model) index.update(factsOf(u, model));
    views.set(u, { uri: u, text, lineIndex: new LineIndex(text), xml, kind, format: kind, model });
  }
  return {
    doc: views.get(uri)!,
    workspace: index,
    settings: defaultSettings,
    document: (u) => views.get(u),
    documents: () => views.values(),
    diagnostics: () => [],
  };
}

function refusal(uri: string, around: string, newName?: string, overrides: Record<string, string> = {}): string | undefined {
  const texts = { ...files, ...overrides };
  const c = cursor(texts[uri].replace(around.replace('|', ''), around));
  return renameRefusal(featureContext({ ...texts, [uri]: c.text }, uri), c.offset, newName);
}

describe('prepareRename', () => {
  it("answers the exact range of a network's name and the name as placeholder", () => {
    const { s, c } = marked(NET_LAB, '<name>la|b</name>');
    assert.deepEqual(s.prepareRename(NET_LAB, c.position), {
      range: { start: { line: 1, character: 8 }, end: { line: 1, character: 11 } },
      placeholder: 'lab',
    });
  });

  it('answers the value (without quotes) of a <source network>, <source bridge>, <bridge name> and host bridge name', () => {
    const cases: [string, string, string][] = [
      [VM1, "<source network='|lab'/>", 'lab'],
      [NIC, '<source network="lab|"/>', 'lab'],
      [VM1, "<source bridge='vir|br10'/>", 'virbr10'],
      [NET_LAB, "<bridge name='virbr10|'", 'virbr10'],
      [NET_HOSTBR, '<bridge na|me="br0"/>', 'br0'],
      [IFACE_BR0, "name='br0|'>", 'br0'],
    ];
    for (const [uri, around, name] of cases) {
      const { s, c } = marked(uri, around);
      const r = s.prepareRename(uri, c.position);
      assert.ok(r, around);
      assert.equal(r.placeholder, name, around);
      assert.equal(textAt(c.text, r.range), name, around);
    }
  });

  it('refuses where rename makes no sense, and says why', () => {
    const cases: [string, string][] = [
      [NET_LAB, "<forward mo|de='nat'/>"],
      [NET_LAB, "<ip address='192.168|.10.1'"],
      [NET_LAB, '<uuid>6a1c|2f3e'],
      [VM1, '<name>v|m1</name>'],
      [VM1, "<mac address='52:54:00:12:34:5|6'/>"],
      [IFACE_BR0, "<interface type='ethernet' name='et|h0'/>"],
      [NET_LAB, '|<network>'],
    ];
    for (const [uri, around] of cases) {
      const { s, c } = marked(uri, around);
      assert.equal(s.prepareRename(uri, c.position), null, around);
      assert.match(refusal(uri, around) ?? '', /Nothing to rename here/, around);
    }
  });

  it('refuses an empty <name> and a network that the workspace does not define', () => {
    const empty = files[NET_OTHER].replace('<name>other</name>', '<name></name>');
    const a = marked(NET_OTHER, '<name>|</name>', { [NET_OTHER]: empty });
    assert.equal(a.s.prepareRename(NET_OTHER, a.c.position), null);
    const vm = files[VM1].replace("network='lab'", "network='default'");
    const b = marked(VM1, "network='def|ault'", { [VM1]: vm });
    assert.equal(b.s.prepareRename(VM1, b.c.position), null);
    assert.match(refusal(VM1, "network='def|ault'", undefined, { [VM1]: vm }) ?? '', /'default' is not defined in this workspace/);
  });

  it('is not confused by a non-libvirt XML file with the same shapes', () => {
    const pom = 'file:///ws/pom.xml';
    const { s, c } = marked(pom, '<name>la|b</name>', { [pom]: '<project><name>lab</name></project>' });
    assert.equal(s.prepareRename(pom, c.position), null);
  });
});

describe('rename a network', () => {
  it('rewrites its <name> and every <source network> in VM files, open or closed', () => {
    const { s, c } = marked(NET_LAB, '<name>lab|</name>');
    const edit = s.rename(NET_LAB, c.position, 'lab-two');
    assert.deepEqual(summary(edit), ['networks/lab.xml lab→lab-two', 'vms/nic.xml lab→lab-two', 'vms/vm1.xml lab→lab-two']);
    const after = applyWorkspaceEdit(files, edit!);
    assert.ok(after[NET_LAB].includes('<name>lab-two</name>'));
    assert.ok(after[VM1].includes("<source network='lab-two'/>"));
    assert.ok(after[NIC].includes('<source network="lab-two"/>'));
    assert.deepEqual(diagnosticCodes(after), diagnosticCodes(files), 'the renamed workspace reports what it reported before');
  });

  it('does the same from a use in a VM file', () => {
    const { s, c } = marked(VM1, "<source network='l|ab'/>");
    assert.deepEqual(summary(s.rename(VM1, c.position, 'prod')), ['networks/lab.xml lab→prod', 'vms/nic.xml lab→prod', 'vms/vm1.xml lab→prod']);
  });

  it('escapes the new name for where it is written', () => {
    const { s, c } = marked(NET_LAB, '<name>|lab</name>');
    const edit = s.rename(NET_LAB, c.position, `it's <a&b>`);
    assert.deepEqual(summary(edit), [
      `networks/lab.xml lab→it's &lt;a&amp;b&gt;`,
      `vms/nic.xml lab→it's &lt;a&amp;b>`,
      `vms/vm1.xml lab→it&apos;s &lt;a&amp;b>`,
    ]);
    // The renamed files still resolve to each other: the decoded names match.
    const after = applyWorkspaceEdit(files, edit!);
    const s2 = createLanguageService();
    for (const [u, t] of Object.entries(after)) s2.setFile(u, t);
    const at = cursor(after[VM1].replace("network='it", "network='|it"));
    assert.equal(s2.definition(VM1, at.position)[0]?.uri, NET_LAB);
    assert.deepEqual(diagnosticCodes(after), diagnosticCodes(files));
  });

  it('refuses names libvirt rejects or the workspace already uses, with a reason', () => {
    const cases: [string, RegExp][] = [
      ['', /cannot be empty/],
      ['   ', /cannot be empty/],
      ['a/b', /cannot contain '\/'/],
      [' lab2', /start or end with spaces/],
      ['lab\nx', /line break/],
      ['other', /'other' is already defined \(other\.xml\)/],
    ];
    for (const [name, why] of cases) {
      const { s, c } = marked(NET_LAB, '<name>l|ab</name>');
      assert.equal(s.rename(NET_LAB, c.position, name), null, JSON.stringify(name));
      assert.match(refusal(NET_LAB, '<name>l|ab</name>', name) ?? '', why, JSON.stringify(name));
    }
    assert.equal(refusal(NET_LAB, '<name>l|ab</name>', 'lab 2'), undefined, 'spaces inside a network name are fine');
  });

  it('renaming to the same name changes nothing visible', () => {
    const { s, c } = marked(NET_LAB, '<name>l|ab</name>');
    const edit = s.rename(NET_LAB, c.position, 'lab');
    assert.deepEqual(applyWorkspaceEdit(files, edit!), files);
  });

  it('from one of two networks with the same name, renames only that one (a copied file)', () => {
    const copy = files[NET_OTHER].replace('<name>other</name>', '<name>lab</name>');
    const texts = { ...files, [NET_OTHER]: copy };
    const { s, c } = marked(NET_OTHER, '<name>la|b</name>', { [NET_OTHER]: copy });
    assert.deepEqual(summary(s.rename(NET_OTHER, c.position, 'lab-copy'), texts), ['networks/other.xml lab→lab-copy']);
    // From a use, every declaration and use follows.
    const u = marked(VM1, "<source network='l|ab'/>", { [NET_OTHER]: copy });
    assert.deepEqual(summary(u.s.rename(VM1, u.c.position, 'x'), texts), [
      'networks/lab.xml lab→x',
      'networks/other.xml lab→x',
      'vms/nic.xml lab→x',
      'vms/vm1.xml lab→x',
    ]);
  });

  it('keeps ranges exact after non-ASCII text (UTF-16 columns)', () => {
    const net = files[NET_LAB].replace('<name>lab</name>', '<!-- 🖧 réseau --><name>lab</name>');
    const texts = { ...files, [NET_LAB]: net };
    const { s, c } = marked(NET_LAB, '<name>la|b</name>', { [NET_LAB]: net });
    const edit = s.rename(NET_LAB, c.position, 'labo');
    assert.ok(applyWorkspaceEdit(texts, edit!)[NET_LAB].includes('<!-- 🖧 réseau --><name>labo</name>'));
  });
});

describe('rename a bridge', () => {
  it("renames a network's own bridge and the VM interfaces attached to it", () => {
    const { s, c } = marked(NET_LAB, "<bridge name='virbr|10'");
    const edit = s.rename(NET_LAB, c.position, 'virbr20');
    assert.deepEqual(summary(edit), ['networks/lab.xml virbr10→virbr20', 'vms/vm1.xml virbr10→virbr20']);
    assert.deepEqual(diagnosticCodes(applyWorkspaceEdit(files, edit!)), diagnosticCodes(files));
  });

  it('renames a host bridge everywhere: its definition, networks attached to it, VM interfaces', () => {
    const { s, c } = marked(VM1, "<source bridge='br|0'/>");
    const edit = s.rename(VM1, c.position, 'br1');
    assert.deepEqual(summary(edit), ['host/br0.xml br0→br1', 'networks/host-br.xml br0→br1', 'vms/vm1.xml br0→br1']);
    const after = applyWorkspaceEdit(files, edit!);
    assert.ok(after[NET_HOSTBR].includes('<bridge name="br1"/>'), 'keeps the double quotes');
    assert.deepEqual(diagnosticCodes(after), diagnosticCodes(files));
  });

  it('renames a host bridge that no file defines (only its users)', () => {
    const { s, c } = marked(NET_HOSTBR, '<bridge name="|br0"/>', { [IFACE_BR0]: '<network><name>placeholder</name></network>' });
    assert.deepEqual(summary(s.rename(NET_HOSTBR, c.position, 'br9')), ['networks/host-br.xml br0→br9', 'vms/vm1.xml br0→br9']);
  });

  it('refuses names Linux rejects for an interface or that another bridge already has', () => {
    const cases: [string, RegExp][] = [
      ['', /cannot be empty/],
      ['my bridge', /cannot contain spaces/],
      ['br/0', /cannot contain '\/'/],
      ['br:0', /cannot contain ':'/],
      ['..', /not a valid Linux interface name/],
      ['a-very-long-bridge', /18 characters long; Linux interface names are limited to 15/],
      ['br0', /'br0' is already used \(host bridge used by network 'host-br', host-br\.xml\)/],
      ['virbr11', /'virbr11' is already used \(bridge of network 'other', other\.xml\)/],
    ];
    for (const [name, why] of cases) {
      const { s, c } = marked(NET_LAB, "<bridge name='virbr|10'");
      assert.equal(s.rename(NET_LAB, c.position, name), null, name);
      assert.match(refusal(NET_LAB, "<bridge name='virbr|10'", name) ?? '', why, name);
    }
    assert.equal(refusal(NET_LAB, "<bridge name='virbr|10'", 'virbr%d'), undefined, "libvirt's virbr%d template is accepted");
  });
});
