/** Deletes the SSH key passphrases remembered in VS Code's secret storage; keys are asked for again. */
import * as vscode from 'vscode';
import type { HostCommandContext } from './context';

export async function forgetPassphrases(ctx: HostCommandContext): Promise<void> {
  const n = await ctx.keeper.forgetAll();
  ctx.manager.forgetKeys();
  ctx.log.info(`forgot ${n} remembered passphrase(s) and the unlocked keys`);
  await vscode.window.showInformationMessage(
    n === 0 ? 'No passphrase was remembered. Unlocked keys are forgotten: passphrases will be asked again.' : `Forgot ${n} remembered passphrase${n === 1 ? '' : 's'}; they will be asked again.`,
  );
}
