/**
 * The `vscode` side of the VM flows (vmFlows.ts): the network flows' modal
 * questions and progress (vscodeFlowUi.ts), plus quick picks and a
 * validated input box. Thin on purpose.
 */
import * as vscode from 'vscode';
import type { VmFlowUi } from './vmFlows';
import { vscodeFlowUi } from './vscodeFlowUi';

export const vscodeVmFlowUi: VmFlowUi = {
  ...vscodeFlowUi,
  async pick(title, placeHolder, items) {
    const picked = await vscode.window.showQuickPick(
      items.map((i) => ({ label: i.label, description: i.description, detail: i.detail, value: i.value })),
      { title, placeHolder, ignoreFocusOut: true },
    );
    return picked?.value;
  },
  async input(title, prompt, validate) {
    return vscode.window.showInputBox({ title, prompt, ignoreFocusOut: true, validateInput: (t) => validate(t) ?? null });
  },
};
