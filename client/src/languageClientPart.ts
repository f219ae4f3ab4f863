/**
 * The language client part, bundled apart as out/languageClient.js
 * (vscode-languageclient is most of its size): extension.ts loads it just
 * after activation returns and starts the client in the background.
 * Installing or removing the Red Hat XML extension changes what
 * `syntaxErrors: auto` means: the server is nudged to pull the settings again.
 */
import * as vscode from 'vscode';
import { DidChangeConfigurationNotification, type LanguageClient } from 'vscode-languageclient/node';
import { createLanguageClient, xmlExtensionPresent } from './languageClient';

export interface StartedLanguageClient extends vscode.Disposable {
  readonly client: LanguageClient;
  /** Resolves once the server runs; rejects when it did not start. */
  readonly running: Promise<void>;
}

export function startLanguageClient(context: vscode.ExtensionContext): StartedLanguageClient {
  const client = createLanguageClient(context);
  let xmlPresent = xmlExtensionPresent();
  const onExtensions = vscode.extensions.onDidChange(() => {
    const now = xmlExtensionPresent();
    if (now === xmlPresent || !client.isRunning()) return;
    xmlPresent = now;
    void client.sendNotification(DidChangeConfigurationNotification.type, { settings: null });
  });
  return {
    client,
    running: client.start(),
    dispose: () => {
      onExtensions.dispose();
      void client.dispose();
    },
  };
}
