/**
 * Sets up the hosts view: reads `virtnet.hosts` now and on every change
 * (→ manager.setHosts), registers the tree and the host commands, and
 * brings a refused CHANGED host key to the user's attention even when it
 * was met while expanding the tree.
 */
import * as vscode from 'vscode';
import { registerHostCommands } from '../commands/hosts';
import { targetHosts } from '../hostFactsGlue';
import type { HostConnectionManager, RemoteError } from '../remote';
import type { PassphraseKeeper } from '../ssh/passphraseKeeper';
import { parseHostSettings } from './hostSettings';
import { HostsTreeProvider } from './hostsTreeProvider';

export const HOSTS_VIEW_ID = 'virtnet.hosts';

export function registerHostsView(manager: HostConnectionManager, log: vscode.LogOutputChannel, keeper: PassphraseKeeper): vscode.Disposable[] {
  let problems: readonly string[] = [];
  const readSettings = () => {
    const parsed = parseHostSettings(vscode.workspace.getConfiguration('virtnet').get<unknown>('hosts'));
    problems = parsed.problems;
    for (const p of problems) log.warn(`settings: ${p}`);
    manager.setHosts(parsed.hosts);
  };
  readSettings();
  const tree = new HostsTreeProvider(manager, () => problems, targetHosts);
  const view = vscode.window.createTreeView(HOSTS_VIEW_ID, { treeDataProvider: tree, showCollapseAll: true });
  const reported = new WeakSet<RemoteError>();
  return [
    tree,
    view,
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
    ...registerHostCommands({ manager, tree, log, keeper }),
  ];
}
