/**
 * The `virtnet.ssh.connectTimeout`, `commandTimeout` and `idleTimeout`
 * settings (seconds, machine scope), read now and on every change into the
 * connection manager. What the values mean and their bounds: remote/limits.ts.
 */
import * as vscode from 'vscode';
import { timeoutsFromSettings, type HostConnectionManager } from '../remote';

export function watchSshTimeouts(manager: HostConnectionManager, log: vscode.LogOutputChannel): vscode.Disposable {
  const apply = () => {
    const c = vscode.workspace.getConfiguration('virtnet.ssh');
    const { timeouts, problems } = timeoutsFromSettings({ connectTimeout: c.get('connectTimeout'), commandTimeout: c.get('commandTimeout'), idleTimeout: c.get('idleTimeout') });
    for (const p of problems) log.warn(`settings: ${p}`);
    manager.setTimeouts(timeouts);
  };
  apply();
  return vscode.workspace.onDidChangeConfiguration((e) => {
    if (e.affectsConfiguration('virtnet.ssh')) apply();
  });
}
