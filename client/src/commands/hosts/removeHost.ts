/** Removes a host from the user's `virtnet.hosts` after a confirmation. */
import * as vscode from 'vscode';
import { withHostRemoved } from '../../views/hostSettings';
import { hostArgument, userHostsSetting, writeUserHostsSetting, type HostCommandContext } from './context';

export async function removeHost(ctx: HostCommandContext, node?: unknown): Promise<void> {
  const name = await hostArgument(ctx, node, 'Remove which host?');
  if (!name) return;
  const current = userHostsSetting();
  const next = withHostRemoved(current, name);
  if (!Array.isArray(current) || next.length === current.length) {
    await vscode.window.showWarningMessage(`Host "${name}" is not in your user settings (virtnet.hosts): remove it where it is defined.`);
    return;
  }
  const remove = 'Remove';
  const a = await vscode.window.showWarningMessage(
    `Remove host "${name}" from VirtNet?`,
    { modal: true, detail: 'It is removed from the virtnet.hosts user setting and its connection is closed. Nothing changes on the host.' },
    remove,
  );
  if (a !== remove) return;
  await writeUserHostsSetting(next);
  ctx.log.info(`host "${name}" removed from the user setting virtnet.hosts`);
}
