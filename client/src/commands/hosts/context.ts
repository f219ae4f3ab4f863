/**
 * What the host commands work with: the manager, the tree, the log channel,
 * the passphrase keeper, and the `virtnet.hosts` setting (read and written
 * here only, on the user's explicit action).
 */
import * as vscode from 'vscode';
import type { HostConnectionManager } from '../../remote';
import type { PassphraseKeeper } from '../../ssh/passphraseKeeper';
import type { HostsTreeProvider } from '../../views/hostsTreeProvider';
import type { HostNode } from '../../views/hostsTreeModel';

export interface HostCommandContext {
  readonly manager: HostConnectionManager;
  readonly tree: HostsTreeProvider;
  readonly log: vscode.LogOutputChannel;
  readonly keeper: PassphraseKeeper;
}

export const HOSTS_SETTING = 'hosts';

/** The user-settings value of `virtnet.hosts` (what adding and removing edit). */
export function userHostsSetting(): unknown {
  return vscode.workspace.getConfiguration('virtnet').inspect<unknown>(HOSTS_SETTING)?.globalValue;
}

export async function writeUserHostsSetting(value: unknown[]): Promise<void> {
  await vscode.workspace.getConfiguration('virtnet').update(HOSTS_SETTING, value, vscode.ConfigurationTarget.Global);
}

/** The host a command is about: the tree node it was invoked on, or the user's pick. */
export async function hostArgument(ctx: HostCommandContext, node: unknown, placeHolder: string): Promise<string | undefined> {
  const name = (node as { hostName?: unknown } | undefined)?.hostName;
  if (typeof name === 'string') return name;
  const hosts = ctx.manager.hosts();
  if (hosts.length === 0) {
    void vscode.window.showInformationMessage('No KVM host is configured yet.', 'Add a host').then((a) => a && vscode.commands.executeCommand('virtnet.hosts.addHost'));
    return undefined;
  }
  const picked = await vscode.window.showQuickPick(
    hosts.map((h) => ({ label: h.config.name, description: h.config.local || !h.config.host ? 'local' : h.config.host })),
    { placeHolder },
  );
  return picked?.label;
}

export function hostNodeOf(ctx: HostCommandContext, hostName: string): HostNode {
  return ctx.tree.model.hostNode(hostName);
}
