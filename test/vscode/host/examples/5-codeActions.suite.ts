/**
 * Quick fixes through VS Code's own command for the two deliberate mistakes
 * of the example workspace; applying one clears the diagnostic.
 */
import * as assert from 'node:assert/strict';
import { describe, it } from 'mocha';
import * as vscode from 'vscode';
import { openExample, waitForDiagnostics } from '../util';

async function quickFixes(uri: vscode.Uri): Promise<vscode.CodeAction[]> {
  const [d] = await waitForDiagnostics(uri, (ds) => ds.length > 0, 'diagnostics');
  const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', uri, d.range, vscode.CodeActionKind.QuickFix.value);
  return actions ?? [];
}

async function applyAndExpectClean(uri: vscode.Uri, action: vscode.CodeAction): Promise<void> {
  assert.ok(action.edit, `${action.title} has no edit`);
  assert.ok(await vscode.workspace.applyEdit(action.edit));
  await waitForDiagnostics(uri, (ds) => ds.length === 0, 'cleared diagnostics');
}

describe('code actions', () => {
  it('fits the NAT network DHCP range into its subnet', async () => {
    const { document: doc } = await openExample('networks/nat.xml');
    const actions = await quickFixes(doc.uri);
    const fit = actions.find((a) => a.title.startsWith('Fit the range into 192.168.122.0/24'));
    assert.ok(fit, `no fit-the-range fix among: ${actions.map((a) => a.title).join('; ')}`);
    assert.equal(fit.isPreferred, true);
    await applyAndExpectClean(doc.uri, fit);
    assert.doesNotMatch(doc.getText(), /192\.168\.123\./);
    await vscode.commands.executeCommand('workbench.action.files.revert');
  });

  it("replaces the netplan bridge's misspelt interface with the defined one", async () => {
    const { document: doc } = await openExample('ubuntu/etc/netplan/01-netcfg.yaml');
    const actions = await quickFixes(doc.uri);
    const fix = actions.find((a) => a.title.includes('enx00e04c534458'));
    assert.ok(fix, `no spelling fix among: ${actions.map((a) => a.title).join('; ')}`);
    await applyAndExpectClean(doc.uri, fix);
    assert.match(doc.lineAt(23).text, /interfaces: \[enx00e04c534458\]/);
    await vscode.commands.executeCommand('workbench.action.files.revert');
  });
});
