/**
 * The hosts part of the extension, bundled apart as out/hosts.js: the
 * remote layer (ssh2), the hosts view's model and provider, the SSH prompts,
 * the `virtnet-net:`, `virtnet-vm:` and `virtnet-host:` file systems and the
 * implementation of every command. extension.ts loads it (require) the first
 * time something needs it — a command, the hosts view's first rendering, a
 * document of one of those schemes, the host facts sync — so activation does
 * not pay for it.
 *
 * A new command module: export a `CommandTable` (lazy/commandTable.ts) and
 * add it to `commands` below; contribute its ids in package.json as usual
 * (extension.ts stubs every contributed command).
 */
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { HostObjectFileSystem } from './commands/hostObjectFs';
import { networkCommands } from './commands/networkCommands';
import { vmCommands } from './commands/vmCommands';
import { startHostFactsSync } from './hostFactsGlue';
import type { CommandHandler } from './lazy/commandTable';
import { commandLogLine } from './log/commandLog';
import { HostConnectionManager, sshConfigJumpResolver } from './remote';
import { watchSshTimeouts } from './ssh/timeoutSettings';
import { createVscodePrompts } from './ssh/vscodePrompts';
import type { HostsTreeNode } from './views/hostsTreeModel';
import { createHostsView } from './views/hostsView';

/** What extension.ts hands the part. */
export interface HostsPartEnv {
  readonly context: vscode.ExtensionContext;
  readonly log: vscode.LogOutputChannel;
  /** The hosts TreeView (created at activation). */
  readonly view: vscode.TreeView<unknown>;
  /** The running language client (undefined before it started). */
  readonly languageClient: () => LanguageClient | undefined;
}

export interface HostsPart extends vscode.Disposable {
  readonly manager: HostConnectionManager;
  readonly tree: vscode.TreeDataProvider<HostsTreeNode>;
  readonly fs: vscode.FileSystemProvider;
  /** The read-only `virtnet-vm:` file system (VM definitions). */
  readonly vmFs: vscode.FileSystemProvider;
  /** The read-only `virtnet-host:` file system (the language server's related locations on hosts). */
  readonly hostFs: vscode.FileSystemProvider;
  /** Every command's implementation, by id. */
  readonly commands: ReadonlyMap<string, CommandHandler>;
  /** Sends the targeted hosts' facts to the language server after each refresh. */
  startHostFactsSync(client: LanguageClient): vscode.Disposable;
}

export function createHostsPart(env: HostsPartEnv): HostsPart {
  const { log } = env;
  const { prompts, keeper } = createVscodePrompts(env.context.secrets);
  const manager = new HostConnectionManager({
    prompts,
    // A ProxyJump hop named like a Host of ~/.ssh/config gets its address, user, IdentityFile and own ProxyJump, as with ssh -J.
    resolveJumpHost: sshConfigJumpResolver(),
    log: (entry) => {
      const { level, text } = commandLogLine(entry);
      log[level](text);
    },
  });
  const hostsView = createHostsView(manager, log, keeper);
  const network = networkCommands({ manager, languageClient: env.languageClient, log });
  const vm = vmCommands({ manager, log, languageClient: env.languageClient });
  const hostFs = new HostObjectFileSystem(manager);
  const commands = new Map<string, CommandHandler>([...hostsView.commands, ...network.commands, ...vm.commands]);
  const disposables: vscode.Disposable[] = [watchSshTimeouts(manager, log), ...hostsView.disposables, network.fs, vm.fs, hostFs, { dispose: () => manager.dispose() }];
  return {
    manager,
    tree: hostsView.tree,
    fs: network.fs,
    vmFs: vm.fs,
    hostFs,
    commands,
    startHostFactsSync: (client) => startHostFactsSync(manager, client, log),
    dispose: () => {
      for (const d of disposables.splice(0).reverse()) d.dispose();
    },
  };
}
