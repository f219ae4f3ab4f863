/**
 * VS Code glue of the host facts: the `virtnet.targetHosts` setting and the
 * language client around HostFactsSync (client/src/remote/hostFactsSync.ts,
 * where the logic is, tested against real hosts), started by activate()
 * once the language client runs.
 */
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { HOST_FACTS_NOTIFICATION, HostFactsSync, type HostConnectionManager } from './remote';

/** The hosts the workspace targets (names of the hosts view). */
export function targetHosts(): string[] {
  const v = vscode.workspace.getConfiguration('virtnet').get<unknown>('targetHosts', []);
  return Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : [];
}

export function startHostFactsSync(manager: HostConnectionManager, client: LanguageClient, log?: vscode.LogOutputChannel): vscode.Disposable {
  const sync = new HostFactsSync(manager, {
    targets: targetHosts,
    send: (params) => {
      client.sendNotification(HOST_FACTS_NOTIFICATION, params).catch((err: unknown) => log?.error(`Sending the facts of host ${params.host} to the language server failed: ${String(err)}`));
    },
    onBridgesError: (host, error) => log?.warn(`${host}: its bridge devices could not be read (${error.message}); bridges are not checked against it`),
  });
  const onConfig = vscode.workspace.onDidChangeConfiguration((e) => {
    if (e.affectsConfiguration('virtnet.targetHosts')) sync.targetsChanged();
  });
  return vscode.Disposable.from(sync, onConfig);
}
