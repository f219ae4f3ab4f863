/**
 * The extension as VS Code sees it in the example workspace: active, its
 * contributions registered.
 */
import * as assert from 'node:assert/strict';
import { describe, it } from 'mocha';
import * as vscode from 'vscode';
import { extension } from '../util';

interface Contributes {
  commands?: { command: string }[];
  snippets?: { language: string; path: string }[];
  configuration?: { properties: Record<string, unknown> };
}

describe('extension', () => {
  it('activates in the example workspace', async () => {
    // Which event activates it first (a workspace file, an opened document) is package.json's
    // business; the activation group checks that an unrelated folder does not.
    await extension().activate();
    assert.equal(extension().isActive, true);
  });

  it('registers every command package.json contributes', async () => {
    const contributed = ((extension().packageJSON as { contributes: Contributes }).contributes.commands ?? []).map((c) => c.command);
    const registered = new Set(await vscode.commands.getCommands(true));
    assert.deepEqual(contributed.filter((c) => !registered.has(c)), [], 'contributed but not registered');
  });

  it('exposes its settings with their defaults', () => {
    const cfg = vscode.workspace.getConfiguration('virtnet');
    assert.equal(cfg.get('xml.syntaxErrors'), 'auto');
    assert.equal(cfg.get('interfaces.dialect'), 'auto');
    assert.deepEqual(cfg.get('checks'), {});
  });
});
