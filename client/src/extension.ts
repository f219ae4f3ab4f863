/**
 * Extension entry point: starts the VirtNet language server, creates the
 * KVM hosts' connection manager (one per window) with its log channel and
 * SSH prompts, registers the hosts view and the network commands, and sends
 * the facts of the hosts the workspace targets to the language server.
 * Every disposable goes into
 * `context.subscriptions`.
 */
import * as vscode from 'vscode';
import { DidChangeConfigurationNotification, type LanguageClient } from 'vscode-languageclient/node';
import { startHostFactsSync } from './hostFactsGlue';
import { createLanguageClient, xmlExtensionPresent } from './languageClient';
import { registerNetworkCommands } from './commands/networkCommands';
import { registerVmCommands } from './commands/vmCommands';
import { commandLogLine } from './log/commandLog';
import { HostConnectionManager } from './remote';
import { watchSshTimeouts } from './ssh/timeoutSettings';
import { createVscodePrompts } from './ssh/vscodePrompts';
import { registerHostsView } from './views/hostsView';

let client: LanguageClient | undefined;

export async function activate(context: vscode.ExtensionContext): Promise<void> {
  // Hosts first: the view works even while the language server starts.
  const log = vscode.window.createOutputChannel('VirtNet', { log: true });
  const { prompts, keeper } = createVscodePrompts(context.secrets);
  const manager = new HostConnectionManager({
    prompts,
    log: (entry) => {
      const { level, text } = commandLogLine(entry);
      log[level](text);
    },
  });
  context.subscriptions.push(log, { dispose: () => manager.dispose() }, watchSshTimeouts(manager, log), ...registerHostsView(manager, log, keeper));
  // Network commands (define, start, stop, autostart, undefine, XML documents); the language client is read when a command runs.
  context.subscriptions.push(...registerNetworkCommands({ manager, languageClient: () => client, log }));
  // VM commands (attach/detach NIC, start, shut down, force off, read-only VM XML).
  context.subscriptions.push(...registerVmCommands({ manager, log }));

  client = createLanguageClient(context);
  context.subscriptions.push(client);

  // Installing or removing the Red Hat XML extension changes what `syntaxErrors: auto` means:
  // nudge the server to pull the (re-resolved) settings again.
  let xmlPresent = xmlExtensionPresent();
  context.subscriptions.push(
    vscode.extensions.onDidChange(() => {
      const now = xmlExtensionPresent();
      if (now === xmlPresent || !client?.isRunning()) return;
      xmlPresent = now;
      void client.sendNotification(DidChangeConfigurationNotification.type, { settings: null });
    }),
  );

  // Not awaited: the server starts in the background, so activation does not wait for it
  // (requests sent meanwhile wait for the start). Once it runs, after each refresh of a
  // host in `virtnet.targetHosts`, what the host runs joins the checks.
  const started = client;
  void started.start().then(
    () => {
      if (client === started) context.subscriptions.push(startHostFactsSync(manager, started, log));
    },
    (e: unknown) => log.error(`The VirtNet language server did not start: ${e instanceof Error ? e.message : String(e)}`),
  );
}

export async function deactivate(): Promise<void> {
  const c = client;
  client = undefined;
  if (c?.isRunning()) await c.stop();
}
