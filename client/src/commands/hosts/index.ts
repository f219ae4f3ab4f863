/** The hosts view's commands (`virtnet.hosts.*`), registered in one list. */
import * as vscode from 'vscode';
import { addHost } from './addHost';
import type { HostCommandContext } from './context';
import { forgetPassphrases } from './forgetPassphrases';
import { importSshConfig } from './importSshConfig';
import { disconnectHost, refreshAll, refreshHost } from './refresh';
import { removeHost } from './removeHost';
import { setTargeted } from './target';

export function registerHostCommands(ctx: HostCommandContext): vscode.Disposable[] {
  const commands: [string, (node?: unknown) => Promise<void>][] = [
    ['virtnet.hosts.refresh', () => refreshAll(ctx)],
    ['virtnet.hosts.refreshHost', (node) => refreshHost(ctx, node)],
    ['virtnet.hosts.retry', (node) => refreshHost(ctx, node)],
    ['virtnet.hosts.disconnect', (node) => disconnectHost(ctx, node)],
    ['virtnet.hosts.addHost', () => addHost(ctx)],
    ['virtnet.hosts.importSshConfig', () => importSshConfig(ctx)],
    ['virtnet.hosts.removeHost', (node) => removeHost(ctx, node)],
    ['virtnet.hosts.forgetPassphrases', () => forgetPassphrases(ctx)],
    ['virtnet.hosts.showLog', async () => ctx.log.show(true)],
    ['virtnet.hosts.target', (node) => setTargeted(ctx, node, true)],
    ['virtnet.hosts.untarget', (node) => setTargeted(ctx, node, false)],
  ];
  return commands.map(([id, run]) => vscode.commands.registerCommand(id, run));
}
