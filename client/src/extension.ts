/**
 * Extension entry point (out/extension.js), kept small so that activation is
 * quick: it imports `vscode` and the lazy/ helpers only. activate()
 * registers what VS Code must know at once — the hosts TreeView, the
 * `virtnet-net:`, `virtnet-vm:` and `virtnet-host:` file systems and a stub for every command package.json
 * contributes — over the hosts part (hostsPart.ts → out/hosts.js: remote
 * layer, views, commands), which is loaded on first use. The language
 * client part (languageClientPart.ts → out/languageClient.js) is loaded and
 * started just after activate() returns, in the background; once the
 * server runs, the facts of the hosts in `virtnet.targetHosts` are sent to
 * it (which loads the hosts part when any host is targeted). Every
 * disposable goes into `context.subscriptions`.
 *
 * A new command: contribute it in package.json and put its handler in a
 * `CommandTable` listed in hostsPart.ts; nothing to change here.
 */
import * as vscode from 'vscode';
import type { HostsPart, HostsPartEnv } from './hostsPart';
import type { StartedLanguageClient } from './languageClientPart';
import { HOST_OBJECT_SCHEME, NETWORK_XML_SCHEME, VM_XML_SCHEME } from './commands/networkXmlScheme';
import { LazyFileSystem } from './lazy/lazyFileSystem';
import { LazyTreeProvider } from './lazy/lazyTree';
import { loadPart } from './lazy/loadPart';
import { TARGET_HOSTS_SETTING, targetHosts } from './targetHostsSetting';

const HOSTS_VIEW_ID = 'virtnet.hosts';

/**
 * What activate() returns: a small API for the in-VS-Code tests
 * (test/vscode/host/), not meant for other extensions.
 */
export interface VirtNetApi {
  /** The hosts view's TreeDataProvider, the one the view renders (loads the hosts part). */
  hostsTree(): Promise<vscode.TreeDataProvider<unknown>>;
  /** The ids of the commands the hosts part implements (loads it). */
  implementedCommands(): Promise<string[]>;
}

let languageClient: StartedLanguageClient | undefined;

export function activate(context: vscode.ExtensionContext): VirtNetApi {
  const log = vscode.window.createOutputChannel('VirtNet', { log: true });
  context.subscriptions.push(log);
  let hosts: HostsPart | undefined;
  let serverRunning = false;
  let syncing = false;

  const startHostFactsSync = () => {
    if (syncing || !hosts || !languageClient || !serverRunning) return;
    syncing = true;
    context.subscriptions.push(hosts.startHostFactsSync(languageClient.client));
  };

  const contributed = new Set(((context.extension.packageJSON as { contributes?: { commands?: { command: string }[] } }).contributes?.commands ?? []).map((c) => c.command));

  const tree = new LazyTreeProvider<unknown>(async () => hostsPart().tree as vscode.TreeDataProvider<unknown>);
  const view = vscode.window.createTreeView(HOSTS_VIEW_ID, { treeDataProvider: tree, showCollapseAll: true });
  const fs = new LazyFileSystem(async () => hostsPart().fs);
  const vmFs = new LazyFileSystem(async () => hostsPart().vmFs);
  const hostFs = new LazyFileSystem(async () => hostsPart().hostFs);

  /** The hosts part, loaded and set up on first use. */
  function hostsPart(): HostsPart {
    if (!hosts) {
      const env: HostsPartEnv = { context, log, view, languageClient: () => languageClient?.client };
      const part = loadPart<{ createHostsPart(env: HostsPartEnv): HostsPart }>('hosts').createHostsPart(env);
      hosts = part;
      context.subscriptions.push(part);
      // Commands package.json does not contribute (none today) have no stub: registered now.
      for (const [id, run] of part.commands) if (!contributed.has(id)) context.subscriptions.push(vscode.commands.registerCommand(id, run));
      startHostFactsSync();
    }
    return hosts;
  }

  context.subscriptions.push(
    tree,
    view,
    fs,
    vscode.workspace.registerFileSystemProvider(NETWORK_XML_SCHEME, fs, { isCaseSensitive: true }),
    vmFs,
    vscode.workspace.registerFileSystemProvider(VM_XML_SCHEME, vmFs, { isCaseSensitive: true, isReadonly: true }),
    hostFs,
    vscode.workspace.registerFileSystemProvider(HOST_OBJECT_SCHEME, hostFs, { isCaseSensitive: true, isReadonly: true }),
    // A `virtnet-host:` path has no extension: a document that holds a definition is shown as XML.
    vscode.workspace.onDidOpenTextDocument((doc) => {
      if (doc.uri.scheme === HOST_OBJECT_SCHEME && doc.languageId !== 'xml' && doc.getText().startsWith('<')) void vscode.languages.setTextDocumentLanguage(doc, 'xml');
    }),
    ...[...contributed].map((id) =>
      vscode.commands.registerCommand(id, async (...args: unknown[]) => {
        const run = hostsPart().commands.get(id);
        if (!run) {
          void vscode.window.showErrorMessage(`VirtNet: the command ${id} has no implementation.`);
          return undefined;
        }
        return run(...args);
      }),
    ),
    vscode.workspace.onDidChangeConfiguration((e) => {
      if (e.affectsConfiguration(TARGET_HOSTS_SETTING) && serverRunning && targetHosts().length > 0) hostsPart();
    }),
  );

  // After activate() returns: load the language client part and start the server in the background
  // (requests sent meanwhile wait for the start).
  const timer = setImmediate(() => {
    try {
      const started = loadPart<{ startLanguageClient(context: vscode.ExtensionContext): StartedLanguageClient }>('languageClient').startLanguageClient(context);
      languageClient = started;
      context.subscriptions.push(started);
      started.running.then(
        () => {
          if (languageClient !== started) return;
          serverRunning = true;
          if (targetHosts().length > 0) hostsPart();
          startHostFactsSync();
        },
        (e: unknown) => log.error(`The VirtNet language server did not start: ${e instanceof Error ? e.message : String(e)}`),
      );
    } catch (e) {
      log.error(`The VirtNet language client could not be loaded: ${e instanceof Error ? e.message : String(e)}`);
    }
  });
  context.subscriptions.push({ dispose: () => clearImmediate(timer) });

  return {
    hostsTree: () => tree.provider(),
    implementedCommands: async () => [...hostsPart().commands.keys()],
  };
}

export async function deactivate(): Promise<void> {
  const started = languageClient;
  languageClient = undefined;
  if (started?.client.isRunning()) await started.client.stop();
}
