/**
 * VS Code glue of the host facts: the `virtnet.targetHosts` setting and the
 * language client around HostFactsSync (client/src/remote/hostFactsSync.ts,
 * where the logic is, tested against real hosts), started once the language
 * client runs and the hosts part is loaded (extension.ts).
 */
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { HOST_FACTS_NOTIFICATION, HostFactsSync, type HostConnectionManager } from './remote';
import { TARGET_HOSTS_SETTING, targetHosts } from './targetHostsSetting';

export function startHostFactsSync(manager: HostConnectionManager, client: LanguageClient, log?: vscode.LogOutputChannel): vscode.Disposable {
  const sync = new HostFactsSync(manager, {
    targets: targetHosts,
    send: (params) => {
      client.sendNotification(HOST_FACTS_NOTIFICATION, params).catch((err: unknown) => log?.error(`Sending the facts of host ${params.host} to the language server failed: ${String(err)}`));
    },
    onBridgesError: (host, error) => log?.warn(`${host}: its bridge devices could not be read (${error.message}); bridges are not checked against it`),
  });
  const onConfig = vscode.workspace.onDidChangeConfiguration((e) => {
    if (e.affectsConfiguration(TARGET_HOSTS_SETTING)) sync.targetsChanged();
  });
  return vscode.Disposable.from(sync, onConfig);
}
