/**
 * Protocol tests for the editor features: the real built server
 * (out/server.js) over stdio, a workspace folder on disk where only some
 * files are open. They check the wiring (capabilities, request → service →
 * response shapes, rename refusals as errors); what each feature answers in
 * detail is tested at the service boundary (test/features/).
 */
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { createMessageConnection, StreamMessageReader, StreamMessageWriter } from 'vscode-jsonrpc/node';
import type {
  CodeAction,
  CompletionItem,
  CompletionList,
  DocumentSymbol,
  FoldingRange,
  Hover,
  Location,
  MarkupContent,
  TextEdit,
  WorkspaceEdit,
} from 'vscode-languageserver-types';
import type { ServerCapabilities } from 'vscode-languageserver-protocol';
import { LineIndex } from '../../server/src/parse/lineIndex';
import { ensureBuilt, fileUri, serverPath, TestClient } from './lspClient';
import { applyEdits } from '../harness/edits';
import { TUTORIAL_NETPLAN } from '../harness/tutorial';

const LAB = `<network>
  <name>lab</name>
  <uuid>6a1c2f3e-0b7d-4c55-9a0e-1f2d3c4b5a69</uuid>
  <forward mode='nat'/>
  <bridge name='virbr10' stp='on'/>
  <ip address='192.168.10.1' netmask='255.255.255.0'>
    <dhcp>
      <range start='192.168.10.100' end='192.168.10.254'/>
    </dhcp>
  </ip>
</network>
`;

const VM = `<domain type='kvm'>
  <name>vm1</name>
  <memory unit='MiB'>1024</memory>
  <os>
    <type arch='x86_64'>hvm</type>
  </os>
  <devices>
    <interface type='network'>
      <mac address='52:54:00:12:34:56'/>
      <source network='lab'/>
      <model type='virtio'/>
    </interface>
  </devices>
</domain>
`;

/** Host bridge br2 in /etc/network/interfaces (`iface br2` at LSP line 1, characters 6..9). */
const INTERFACES = `auto br2
iface br2 inet static
    address 10.1.1.1/24
    bridge_ports enx00e04c534458
`;

/** A VM on the tutorial's netplan bridge br0 and a bridged network on br2. */
const VM_BR0 = `<interface type='bridge'>
  <mac address='52:54:00:12:34:99'/>
  <source bridge='br0'/>
</interface>
`;
const NET_BR2 = `<network>
  <name>host-br2</name>
  <forward mode='bridge'/>
  <bridge name='br2'/>
</network>
`;

/** Position of the first `needle` in `text`, plus `delta` characters. */
function pos(text: string, needle: string, delta = 0): { line: number; character: number } {
  const i = text.indexOf(needle);
  if (i < 0) throw new Error(`'${needle}' not found`);
  return new LineIndex(text).positionAt(i + delta);
}

function labels(r: CompletionList | CompletionItem[] | null): string[] {
  const items = Array.isArray(r) ? r : (r?.items ?? []);
  return items.map((i) => i.label);
}

/** The capabilities the server answers to `initialize` (a separate short-lived server). */
async function initializeResult(): Promise<ServerCapabilities> {
  ensureBuilt();
  const child = spawn(process.execPath, [serverPath, '--stdio'], { stdio: ['pipe', 'pipe', 'pipe'] });
  const conn = createMessageConnection(new StreamMessageReader(child.stdout!), new StreamMessageWriter(child.stdin!));
  conn.listen();
  try {
    const r = await conn.sendRequest<{ capabilities: ServerCapabilities }>('initialize', { processId: process.pid, rootUri: null, capabilities: {} });
    await conn.sendRequest('shutdown');
    void conn.sendNotification('exit');
    return r.capabilities;
  } finally {
    setTimeout(() => child.kill(), 1000).unref();
    conn.dispose();
  }
}

describe('editor features over stdio', () => {
  let dir: string;
  let client: TestClient;
  let labUri: string, vmUri: string;

  before(async () => {
    dir = mkdtempSync(join(tmpdir(), 'virtnet-lsp-features-'));
    mkdirSync(join(dir, 'networks'));
    mkdirSync(join(dir, 'vms'));
    writeFileSync(join(dir, 'networks', 'lab.xml'), LAB);
    writeFileSync(join(dir, 'vms', 'vm1.xml'), VM);
    mkdirSync(join(dir, 'etc', 'netplan'), { recursive: true });
    mkdirSync(join(dir, 'etc', 'network'), { recursive: true });
    writeFileSync(join(dir, 'etc', 'netplan', '01-netcfg.yaml'), TUTORIAL_NETPLAN);
    writeFileSync(join(dir, 'etc', 'network', 'interfaces'), INTERFACES);
    writeFileSync(join(dir, 'vms', 'nic-br0.xml'), VM_BR0);
    writeFileSync(join(dir, 'networks', 'host-br2.xml'), NET_BR2);
    labUri = fileUri(join(dir, 'networks', 'lab.xml'));
    vmUri = fileUri(join(dir, 'vms', 'vm1.xml'));
    client = await TestClient.start({ folders: [dir] });
    await client.whenIndexed();
    // The network is open in the editor; the VM file stays closed (known from the disk scan only).
    await client.open(labUri, LAB);
  });

  after(async () => {
    await client?.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  const request = <R>(method: string, params: unknown) => client.conn.sendRequest<R>(method, params);

  it('advertises every feature', async () => {
    const caps = await initializeResult();
    assert.deepEqual([...(caps.completionProvider?.triggerCharacters ?? [])].sort(), [' ', '"', "'", '/', '<', '='].sort());
    assert.equal(caps.hoverProvider, true);
    assert.deepEqual((caps.codeActionProvider as { codeActionKinds?: string[] }).codeActionKinds, ['quickfix']);
    assert.ok(caps.documentSymbolProvider);
    assert.equal(caps.foldingRangeProvider, true);
    assert.equal(caps.documentFormattingProvider, true);
    assert.equal(caps.documentRangeFormattingProvider, true);
    assert.equal(caps.definitionProvider, true);
    assert.equal(caps.referencesProvider, true);
    assert.deepEqual(caps.renameProvider, { prepareProvider: true });
  });

  it('completes child elements after <network><', async () => {
    const uri = 'untitled:completion-1';
    const text = '<network>\n  <name>x</name>\n  <\n</network>\n';
    await client.open(uri, text);
    const r = await request<CompletionList | CompletionItem[] | null>('textDocument/completion', {
      textDocument: { uri },
      position: pos(text, '  <\n', 3),
      context: { triggerKind: 2, triggerCharacter: '<' },
    });
    const ls = labels(r);
    assert.ok(ls.length > 0, 'some items');
    assert.ok(ls.some((l) => /forward/.test(l)), `forward is offered: ${ls.join(', ')}`);
    assert.ok(ls.some((l) => /\bip\b/.test(l)), 'ip is offered');
    client.close(uri);
  });

  it('completes the root element in a new, empty file', async () => {
    const uri = 'untitled:completion-2';
    await client.open(uri, '<');
    const r = await request<CompletionList | CompletionItem[] | null>('textDocument/completion', {
      textDocument: { uri },
      position: { line: 0, character: 1 },
      context: { triggerKind: 2, triggerCharacter: '<' },
    });
    assert.ok(labels(r).some((l) => /network/.test(l)), `network is offered: ${labels(r).join(', ')}`);
    client.close(uri);
  });

  it('completes forward modes inside an attribute value', async () => {
    const uri = 'untitled:completion-3';
    const text = "<network>\n  <name>x</name>\n  <forward mode='\n</network>\n";
    await client.open(uri, text);
    const r = await request<CompletionList | null>('textDocument/completion', { textDocument: { uri }, position: pos(text, "mode='", 6) });
    const ls = labels(r);
    for (const m of ['nat', 'route', 'bridge']) assert.ok(ls.some((l) => l.includes(m)), `${m} in ${ls.join(', ')}`);
    client.close(uri);
  });

  it('answers hover on <forward with markdown', async () => {
    const h = await request<Hover | null>('textDocument/hover', { textDocument: { uri: labUri }, position: pos(LAB, '<forward', 3) });
    assert.ok(h, 'a hover');
    const c = h.contents as MarkupContent;
    assert.equal(c.kind, 'markdown');
    assert.match(c.value, /forward/i);
    assert.ok(h.range, 'with the range of what is described');
  });

  it('offers a quick fix for a published diagnostic, and the fix removes it', async () => {
    const uri = 'untitled:fix-1';
    const text = LAB.replace('<name>lab</name>', '<name>fixme</name>')
      .replace("bridge name='virbr10'", "bridge name='virbr12'")
      .replace(/192\.168\.10\./g, '192.168.12.')
      .replace("end='192.168.12.254'", "end='192.168.13.20'")
      .replace('6a1c2f3e', '7a1c2f3e');
    const published = await client.open(uri, text);
    const d = published.diagnostics.find((x) => x.code === 'libvirt/dhcp-range-outside-subnet');
    assert.ok(d, `the range is reported: ${JSON.stringify(published.diagnostics.map((x) => x.code))}`);
    const actions = await request<CodeAction[] | null>('textDocument/codeAction', { textDocument: { uri }, range: d.range, context: { diagnostics: [d] } });
    const fix = (actions ?? []).find((a) => a.kind === 'quickfix' && a.edit);
    assert.ok(fix, `a quick fix: ${JSON.stringify(actions)}`);
    assert.deepEqual(fix.diagnostics?.map((x) => x.code), ['libvirt/dhcp-range-outside-subnet']);
    const edits = fix.edit!.changes?.[uri] ?? [];
    assert.ok(edits.length > 0);
    const after = await client.change(uri, applyEdits(text, edits));
    assert.ok(!after.diagnostics.some((x) => x.code === 'libvirt/dhcp-range-outside-subnet'), JSON.stringify(after.diagnostics));
    // Asking for other kinds only filters the quick fixes out.
    const none = await request<CodeAction[] | null>('textDocument/codeAction', { textDocument: { uri }, range: d.range, context: { diagnostics: [d], only: ['refactor'] } });
    assert.deepEqual(none ?? [], []);
    client.close(uri);
  });

  it('renames a network in the open file and in the closed VM file', async () => {
    const p = pos(LAB, '<name>lab', 7);
    const prep = await request<{ range: unknown; placeholder: string } | null>('textDocument/prepareRename', { textDocument: { uri: labUri }, position: p });
    assert.deepEqual(prep, { range: { start: { line: 1, character: 8 }, end: { line: 1, character: 11 } }, placeholder: 'lab' });
    const edit = await request<WorkspaceEdit | null>('textDocument/rename', { textDocument: { uri: labUri }, position: p, newName: 'lab-two' });
    assert.ok(edit?.changes);
    assert.deepEqual(Object.keys(edit.changes).sort(), [labUri, vmUri].sort());
    assert.ok(applyEdits(LAB, edit.changes[labUri]).includes('<name>lab-two</name>'));
    assert.ok(applyEdits(VM, edit.changes[vmUri]).includes("<source network='lab-two'/>"));
  });

  it('refuses a rename with a message the editor can show', async () => {
    await assert.rejects(
      request('textDocument/prepareRename', { textDocument: { uri: labUri }, position: pos(LAB, "<forward mode='nat'", 10) }),
      (err: { code?: number; message?: string }) => err.code === -32803 && /rename/i.test(err.message ?? ''),
    );
    await assert.rejects(
      request('textDocument/rename', { textDocument: { uri: labUri }, position: pos(LAB, '<name>lab', 7), newName: 'a/b' }),
      (err: { code?: number; message?: string }) => err.code === -32803 && /'\/'/.test(err.message ?? ''),
    );
  });

  it('goes from the closed VM file to the network definition, and finds its references', async () => {
    const defs = await request<Location[] | null>('textDocument/definition', { textDocument: { uri: vmUri }, position: pos(VM, "network='lab", 10) });
    assert.deepEqual(defs, [{ uri: labUri, range: { start: { line: 1, character: 8 }, end: { line: 1, character: 11 } } }]);
    const refs = await request<Location[] | null>('textDocument/references', {
      textDocument: { uri: labUri },
      position: pos(LAB, '<name>lab', 7),
      context: { includeDeclaration: true },
    });
    assert.deepEqual(refs?.map((l) => l.uri), [labUri, vmUri]);
  });

  it('goes from libvirt bridge users to the netplan and interfaces files that define the bridges, and back', async () => {
    const netplanUri = fileUri(join(dir, 'etc', 'netplan', '01-netcfg.yaml'));
    const ifacesUri = fileUri(join(dir, 'etc', 'network', 'interfaces'));
    const nicUri = fileUri(join(dir, 'vms', 'nic-br0.xml'));
    const netUri = fileUri(join(dir, 'networks', 'host-br2.xml'));
    const fromNic = await request<Location[] | null>('textDocument/definition', { textDocument: { uri: nicUri }, position: pos(VM_BR0, "bridge='br0", 9) });
    assert.deepEqual(fromNic, [{ uri: netplanUri, range: { start: { line: 9, character: 4 }, end: { line: 9, character: 7 } } }]);
    const fromNet = await request<Location[] | null>('textDocument/definition', { textDocument: { uri: netUri }, position: pos(NET_BR2, "name='br2", 7) });
    assert.deepEqual(fromNet, [{ uri: ifacesUri, range: { start: { line: 1, character: 6 }, end: { line: 1, character: 9 } } }]);
    const users = await request<Location[] | null>('textDocument/references', {
      textDocument: { uri: netplanUri },
      position: { line: 9, character: 5 },
      context: { includeDeclaration: false },
    });
    assert.deepEqual(users, [{ uri: nicUri, range: { start: { line: 2, character: 18 }, end: { line: 2, character: 21 } } }]);
    const netUsers = await request<Location[] | null>('textDocument/references', {
      textDocument: { uri: ifacesUri },
      position: { line: 1, character: 7 },
      context: { includeDeclaration: false },
    });
    assert.deepEqual(netUsers, [{ uri: netUri, range: { start: { line: 3, character: 16 }, end: { line: 3, character: 19 } } }]);
  });

  it('formats a document and a selection', async () => {
    const uri = 'untitled:format-1';
    const messy = "<network>\n<name>fmt</name>\n      <bridge name='virbr13'/>\n<!-- keep me -->\n</network>\n";
    await client.open(uri, messy);
    const edits = await request<TextEdit[] | null>('textDocument/formatting', { textDocument: { uri }, options: { tabSize: 2, insertSpaces: true } });
    assert.ok(edits && edits.length > 0, 'some edits');
    const formatted = applyEdits(messy, edits);
    assert.ok(formatted.includes('\n  <name>fmt</name>'), formatted);
    assert.ok(formatted.includes('<!-- keep me -->'), 'comments are kept');
    const ranged = await request<TextEdit[] | null>('textDocument/rangeFormatting', {
      textDocument: { uri },
      range: { start: { line: 2, character: 0 }, end: { line: 2, character: 30 } },
      options: { tabSize: 2, insertSpaces: true },
    });
    assert.ok(ranged && ranged.length > 0, 'selection edits');
    assert.ok(applyEdits(messy, ranged).includes("\n  <bridge name='virbr13'/>"), 'the selected line is re-indented');
    client.close(uri);
  });

  it('answers the outline and folding ranges', async () => {
    const symbols = await request<DocumentSymbol[] | null>('textDocument/documentSymbol', { textDocument: { uri: labUri } });
    assert.ok(symbols && symbols.length > 0, 'an outline');
    const flat = JSON.stringify(symbols);
    assert.match(flat, /lab/);
    assert.match(flat, /192\.168\.10\.0\/24/, 'the ip block shows its subnet');
    const folds = await request<FoldingRange[] | null>('textDocument/foldingRange', { textDocument: { uri: labUri } });
    assert.ok(folds?.some((f) => f.startLine === 0 && f.endLine >= 9), 'the root folds');
    assert.ok(folds?.some((f) => f.startLine === 5), 'the <ip> block folds');
  });

  it('answers nothing (not an error) for unknown documents', async () => {
    const uri = 'untitled:never-opened';
    const position = { line: 0, character: 0 };
    assert.equal(await request('textDocument/hover', { textDocument: { uri }, position }), null);
    assert.deepEqual(await request('textDocument/definition', { textDocument: { uri }, position }), []);
    assert.deepEqual(await request('textDocument/documentSymbol', { textDocument: { uri } }), []);
    await client.ping();
  });
});
