/**
 * Refresh all hosts, refresh one, retry a failed one, disconnect one. A
 * refresh of all contacts only the hosts that were contacted before
 * (expanded): the others stay idle until expanded.
 */
import * as vscode from 'vscode';
import { nextStep } from '../../views/errorAdvice';
import { hostArgument, type HostCommandContext } from './context';

export async function refreshAll(ctx: HostCommandContext): Promise<void> {
  ctx.tree.refreshAll();
  await Promise.all(ctx.manager.hosts().filter((h) => h.status !== 'idle').map((h) => ctx.manager.refresh(h.config.name)));
}

export async function refreshHost(ctx: HostCommandContext, node?: unknown): Promise<void> {
  const name = await hostArgument(ctx, node, 'Refresh which host?');
  if (!name) return;
  const r = await ctx.manager.refresh(name);
  const host = ctx.manager.host(name);
  if (!r.ok && host) await reportHostError(ctx, name, r.error.message, nextStep(r.error, host.config));
}

export async function disconnectHost(ctx: HostCommandContext, node?: unknown): Promise<void> {
  const name = await hostArgument(ctx, node, 'Disconnect which host?');
  if (!name) return;
  ctx.manager.disconnect(name);
  ctx.log.info(`[${name}] disconnected by the user`);
}

/** An error shown to the user with libvirt's (or ssh's) own message and what to do next. */
export async function reportHostError(ctx: HostCommandContext, hostName: string, message: string, advice: string): Promise<void> {
  const showLog = 'Show log';
  const retry = 'Retry';
  const a = await vscode.window.showErrorMessage(`${hostName}: ${message} — ${advice}`, retry, showLog);
  if (a === showLog) ctx.log.show(true);
  if (a === retry) await refreshHost(ctx, { kind: 'host', hostName });
}
