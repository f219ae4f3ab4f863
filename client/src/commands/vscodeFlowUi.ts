/**
 * The `vscode` side of the network flows: modal questions, progress
 * notifications, and showing an `Outcome` (message, libvirt's words in the
 * log, the next step). Thin on purpose: the decisions are in networkFlows.ts.
 */
import * as vscode from 'vscode';
import type { FlowUi, Outcome } from './networkFlows';

/** What the commands write to: the "VirtNet" LogOutputChannel (created in extension.ts). */
export type CommandLog = Pick<vscode.LogOutputChannel, 'info' | 'warn' | 'error' | 'show'>;

export const vscodeFlowUi: FlowUi = {
  async ask(message, detail, buttons) {
    return vscode.window.showWarningMessage(message, { modal: true, detail }, ...buttons);
  },
  progress(title, task) {
    return Promise.resolve(vscode.window.withProgress({ location: vscode.ProgressLocation.Notification, title }, task));
  },
};

const SHOW_LOG = 'Show Log';

/** Shows what a flow ended with and writes it to the log; `cancelled` shows nothing. */
export function showOutcome(outcome: Outcome, log: CommandLog): void {
  if (outcome.status === 'done') {
    log.info(outcome.message);
    void vscode.window.showInformationMessage(outcome.message);
  } else if (outcome.status === 'failed') {
    log.error(`${outcome.message}${outcome.libvirt ? `\n${outcome.libvirt}` : ''}\nNext: ${outcome.next}`);
    void vscode.window.showErrorMessage(`${outcome.message}. ${outcome.next}`, SHOW_LOG).then((a) => {
      if (a === SHOW_LOG) log.show(true);
    });
  }
}
