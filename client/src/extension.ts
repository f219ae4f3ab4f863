/**
 * Extension entry point: starts the VirtNet language server and wires the
 * pieces. Every disposable goes into `context.subscriptions`.
 */
import * as vscode from 'vscode';
import { DidChangeConfigurationNotification, type LanguageClient } from 'vscode-languageclient/node';
import { createLanguageClient, xmlExtensionPresent } from './languageClient';

let client: LanguageClient | undefined;

export async function activate(context: vscode.ExtensionContext): Promise<void> {
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

  await client.start();
}

export async function deactivate(): Promise<void> {
  const c = client;
  client = undefined;
  if (c?.isRunning()) await c.stop();
}
