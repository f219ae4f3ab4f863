/**
 * Sets up the hosts view's side of the hosts part: reads `virtnet.hosts`
 * now and on every change (→ manager.setHosts), makes the tree provider and
 * the host commands' table, and brings a refused CHANGED host key to the
 * user's attention even when it was met while expanding the tree. The
 * TreeView itself is created by extension.ts (at activation, over a
 * provider that forwards here once this part is loaded).
 */
import * as vscode from 'vscode';
import { hostCommands } from '../commands/hosts';
import type { CommandTable } from '../lazy/commandTable';
import { targetHosts } from '../targetHostsSetting';
import type { HostConnectionManager, RemoteError } from '../remote';
import type { PassphraseKeeper } from '../ssh/passphraseKeeper';
import { parseHostSettings } from './hostSettings';
import { HostsTreeProvider } from './hostsTreeProvider';

export interface HostsView {
  readonly tree: HostsTreeProvider;
  readonly commands: CommandTable;
  readonly disposables: vscode.Disposable[];
}

export function createHostsView(manager: HostConnectionManager, log: vscode.LogOutputChannel, keeper: PassphraseKeeper): HostsView {
  let problems: readonly string[] = [];
  const readSettings = () => {
    const parsed = parseHostSettings(vscode.workspace.getConfiguration('virtnet').get<unknown>('hosts'));
    problems = parsed.problems;
    for (const p of problems) log.warn(`settings: ${p}`);
    manager.setHosts(parsed.hosts);
  };
  readSettings();
  const tree = new HostsTreeProvider(manager, () => problems, targetHosts);
  const reported = new WeakSet<RemoteError>();
  const disposables = [
    tree,
    vscode.workspace.onDidChangeConfiguration((e) => {
      if (e.affectsConfiguration('virtnet.hosts')) readSettings();
      if (e.affectsConfiguration('virtnet.hosts') || e.affectsConfiguration('virtnet.targetHosts')) tree.refreshAll();
    }),
    manager.onDidChange((name) => {
      const error = manager.host(name)?.error;
      if (!error || error.kind !== 'hostKey' || !/CHANGED|@revoked/.test(error.message) || reported.has(error)) return;
      reported.add(error);
      log.error(`[${name}] ${error.message}`);
      void vscode.window.showErrorMessage(`VirtNet: ${name}: ${error.message}`);
    }),
  ];
  return { tree, commands: hostCommands({ manager, tree, log, keeper }), disposables };
}
