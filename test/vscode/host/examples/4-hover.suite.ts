/** Hover through VS Code's own command, on the example NAT network. */
import * as assert from 'node:assert/strict';
import { describe, it } from 'mocha';
import * as vscode from 'vscode';
import { openExample } from '../util';

function text(hovers: vscode.Hover[]): string {
  return hovers.flatMap((h) => h.contents.map((c) => (typeof c === 'string' ? c : c.value))).join('\n');
}

describe('hover', () => {
  it("explains forward mode='nat'", async () => {
    const { document: doc } = await openExample('networks/nat.xml');
    const at = doc.positionAt(doc.getText().indexOf("mode='nat'") + "mode='n".length);
    const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', doc.uri, at);
    assert.match(text(hovers), /NAT/);
  });

  it('explains the <dhcp> element', async () => {
    const { document: doc } = await openExample('networks/nat.xml');
    const at = doc.positionAt(doc.getText().indexOf('<dhcp>') + 2);
    const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', doc.uri, at);
    assert.match(text(hovers), /DHCP/);
  });
});
