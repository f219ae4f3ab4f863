/**
 * Completion through VS Code's own command (every provider: the language
 * server's and the contributed snippets), in untitled documents.
 */
import * as assert from 'node:assert/strict';
import { describe, it } from 'mocha';
import * as vscode from 'vscode';

async function completionsAt(language: string, text: string): Promise<vscode.CompletionItem[]> {
  const cursor = text.indexOf('|');
  const doc = await vscode.workspace.openTextDocument({ language, content: text.replace('|', '') });
  await vscode.window.showTextDocument(doc);
  const list = await vscode.commands.executeCommand<vscode.CompletionList>('vscode.executeCompletionItemProvider', doc.uri, doc.positionAt(cursor));
  return list.items;
}

const labelOf = (i: vscode.CompletionItem) => (typeof i.label === 'string' ? i.label : i.label.label);

describe('completion', () => {
  it("offers libvirt's forward modes inside mode=''", async () => {
    const labels = (await completionsAt('xml', "<network>\n  <name>n</name>\n  <forward mode='|'/>\n</network>\n")).map(labelOf);
    for (const mode of ['nat', 'route', 'bridge', 'open']) assert.ok(labels.includes(mode), `${mode} missing from ${labels.join(', ')}`);
  });

  it('offers the elements a <network> may hold', async () => {
    const labels = (await completionsAt('xml', '<network>\n  <name>n</name>\n  <|\n</network>\n')).map(labelOf);
    for (const el of ['forward', 'bridge', 'ip']) assert.ok(labels.some((l) => l === el || l === `<${el}`), `${el} missing from ${labels.join(', ')}`);
  });

  it('offers the NAT network snippet in an empty XML file', async () => {
    const items = await completionsAt('xml', 'libvirt-nat|');
    const snippet = items.find((i) => labelOf(i) === 'libvirt-nat-network');
    assert.ok(snippet, `no libvirt-nat-network among ${items.map(labelOf).join(', ')}`);
  });

  it('offers netplan keys for a bridge', async () => {
    const labels = (await completionsAt('yaml', 'network:\n  version: 2\n  bridges:\n    br0:\n      |\n')).map(labelOf);
    for (const key of ['interfaces', 'addresses', 'parameters']) assert.ok(labels.includes(key), `${key} missing from ${labels.join(', ')}`);
  });
});
