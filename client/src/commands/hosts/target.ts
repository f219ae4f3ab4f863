/**
 * "Target This Host" / "Stop Targeting": adds the host to, or removes it
 * from, the workspace's `virtnet.targetHosts` (the user-settings value when
 * no folder is open). The facts of a targeted host (its networks, VMs'
 * NICs, bridges) join the checks of the workspace's files; hostFactsGlue.ts
 * reacts to the setting, the tree marks the host.
 */
import * as vscode from 'vscode';
import { targetHosts } from '../../targetHostsSetting';
import { withTargetHost } from '../../views/hostSettings';
import { hostArgument, type HostCommandContext } from './context';

export async function setTargeted(ctx: HostCommandContext, node: unknown, on: boolean): Promise<void> {
  const name = await hostArgument(ctx, node, on ? 'Target which host?' : 'Stop targeting which host?');
  if (!name) return;
  if (targetHosts().includes(name) === on) return;
  const config = vscode.workspace.getConfiguration('virtnet');
  const inWorkspace = (vscode.workspace.workspaceFolders?.length ?? 0) > 0;
  const where = inWorkspace ? vscode.ConfigurationTarget.Workspace : vscode.ConfigurationTarget.Global;
  const inspected = config.inspect<unknown>('targetHosts');
  const current = inWorkspace ? (inspected?.workspaceValue ?? inspected?.globalValue) : inspected?.globalValue;
  await config.update('targetHosts', withTargetHost(current, name, on), where);
  const scope = inWorkspace ? 'workspace' : 'user';
  ctx.log.info(`host "${name}" ${on ? 'added to' : 'removed from'} the ${scope} setting virtnet.targetHosts`);
  if (on && !targetHosts().includes(name)) {
    void vscode.window.showWarningMessage(`"${name}" was added to virtnet.targetHosts in the ${scope} settings, but a more specific setting (folder settings) overrides it.`);
  }
}
