/**
 * Diagnostics for the example workspace (the tutorial's configurations with
 * two deliberate mistakes, examples/README.md): the server's workspace scan
 * reports them without any file being opened, the clean files stay clean,
 * and an edit in the editor reaches the server (also across files).
 */
import * as assert from 'node:assert/strict';
import { describe, it } from 'mocha';
import * as vscode from 'vscode';
import { codes, listDiagnostics, openExample, waitForDiagnostics, workspaceUri } from '../util';

const NAT = 'networks/nat.xml';
const NETPLAN = 'ubuntu/etc/netplan/01-netcfg.yaml';
const CLEAN = [
  'networks/host-bridge.xml',
  'networks/host-bridge2.xml',
  'networks/isolated.xml',
  'vms/web-lan.xml',
  'vms/web-isolated.xml',
  'vms/db-isolated.xml',
  'debian/etc/network/interfaces',
];

describe('diagnostics of the example workspace', () => {
  it('the workspace scan reports the NAT network DHCP range outside its subnet, with no file open', async () => {
    assert.ok(!vscode.workspace.textDocuments.some((d) => d.uri.path.endsWith(NAT)), 'nat.xml is open already');
    const ds = await waitForDiagnostics(workspaceUri(NAT), (d) => d.length > 0, 'diagnostics');
    assert.deepEqual(codes(ds), ['libvirt/dhcp-range-outside-subnet']);
    assert.equal(ds[0].severity, vscode.DiagnosticSeverity.Error);
    assert.equal(ds[0].range.start.line, 13);
    assert.match(ds[0].message, /192\.168\.122\.0\/24/);
  });

  it('and the netplan bridge whose interface name is one digit short, with a suggestion', async () => {
    const ds = await waitForDiagnostics(workspaceUri(NETPLAN), (d) => d.length > 0, 'diagnostics');
    assert.deepEqual(codes(ds), ['netplan/undefined-interface']);
    assert.equal(ds[0].range.start.line, 23);
    assert.match(ds[0].message, /Did you mean 'enx00e04c534458'/);
  });

  it('the other files, opened in the editor, have no problem', async () => {
    for (const file of CLEAN) {
      const editor = await openExample(file);
      // The outline comes from the server after it has seen the opened document.
      const symbols = await vscode.commands.executeCommand<vscode.DocumentSymbol[]>('vscode.executeDocumentSymbolProvider', editor.document.uri);
      assert.ok(symbols && symbols.length > 0, `${file}: no outline from the server`);
      const ds = vscode.languages.getDiagnostics(editor.document.uri);
      assert.deepEqual(ds.length, 0, `${file}: ${listDiagnostics(ds)}`);
    }
  });

  it('typing the right subnet in the editor clears the error; the mistake comes back with undo', async () => {
    const editor = await openExample(NAT);
    const doc = editor.document;
    const at = doc.getText().indexOf('192.168.123.254');
    assert.ok(at > 0);
    const range = new vscode.Range(doc.positionAt(at), doc.positionAt(at + '192.168.123.254'.length));
    assert.ok(await editor.edit((b) => b.replace(range, '192.168.122.254')));
    await waitForDiagnostics(doc.uri, (d) => d.length === 0, 'cleared diagnostics');
    await vscode.commands.executeCommand('undo');
    const ds = await waitForDiagnostics(doc.uri, (d) => d.length > 0, 'diagnostics after undo');
    assert.deepEqual(codes(ds), ['libvirt/dhcp-range-outside-subnet']);
    await vscode.commands.executeCommand('workbench.action.files.revert');
  });

  it('renaming the isolated network in its (unsaved) file flags the VM NICs that use it', async () => {
    const editor = await openExample('networks/isolated.xml');
    const doc = editor.document;
    const at = doc.getText().indexOf('<name>isolated</name>') + '<name>'.length;
    assert.ok(await editor.edit((b) => b.replace(new vscode.Range(doc.positionAt(at), doc.positionAt(at + 'isolated'.length)), 'backend')));
    const nic = workspaceUri('vms/db-isolated.xml');
    const ds = await waitForDiagnostics(nic, (d) => d.length > 0, 'diagnostics');
    assert.deepEqual(codes(ds), ['libvirt/unknown-source-network']);
    await vscode.commands.executeCommand('workbench.action.files.revert');
    await waitForDiagnostics(nic, (d) => d.length === 0, 'cleared diagnostics');
  });
});
