/**
 * The `virtnet.targetHosts` setting: the names (as in the hosts view) of
 * the KVM hosts whose facts join the checks. Read by the entry bundle too
 * (it decides whether the hosts part must load for the host facts sync),
 * so nothing but `vscode` is imported here.
 */
import * as vscode from 'vscode';

export const TARGET_HOSTS_SETTING = 'virtnet.targetHosts';

/** The hosts the workspace targets (names of the hosts view). */
export function targetHosts(): string[] {
  const v = vscode.workspace.getConfiguration('virtnet').get<unknown>('targetHosts', []);
  return Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : [];
}
