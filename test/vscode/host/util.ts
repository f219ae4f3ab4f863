/**
 * Helpers for the in-host suites: the extension under test, the example
 * workspace, waiting for what the language server publishes, figures.
 */
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { MEASURES_KEY } from './results';

export const EXTENSION_ID = 'virtnet.virtnet';
/** How long to wait for the server before a wait fails (a failure bound, not a speed check). */
const WAIT_MS = 60_000;

export function extension(): vscode.Extension<unknown> {
  const ext = vscode.extensions.getExtension(EXTENSION_ID);
  assert.ok(ext, `${EXTENSION_ID} is not loaded in this extension host`);
  return ext;
}

/** Records a figure (milliseconds) for the results file. */
export function measure(name: string, ms: number): void {
  ((globalThis as Record<string, unknown>)[MEASURES_KEY] as Record<string, number>)[name] = Math.round(ms * 10) / 10;
}

export function workspaceUri(relative: string): vscode.Uri {
  const folder = vscode.workspace.workspaceFolders?.[0];
  assert.ok(folder, 'no workspace folder is open');
  return vscode.Uri.joinPath(folder.uri, ...relative.split('/'));
}

export async function openExample(relative: string): Promise<vscode.TextEditor> {
  const doc = await vscode.workspace.openTextDocument(workspaceUri(relative));
  return vscode.window.showTextDocument(doc);
}

/** Resolves with the diagnostics of `uri` once `ready` accepts them; rejects after WAIT_MS with what was there. */
export function waitForDiagnostics(uri: vscode.Uri, ready: (ds: readonly vscode.Diagnostic[]) => boolean, what: string): Promise<readonly vscode.Diagnostic[]> {
  return new Promise((resolve, reject) => {
    const check = () => {
      const ds = vscode.languages.getDiagnostics(uri);
      if (!ready(ds)) return false;
      done();
      resolve(ds);
      return true;
    };
    const sub = vscode.languages.onDidChangeDiagnostics((e) => {
      if (e.uris.some((u) => u.toString() === uri.toString())) check();
    });
    const timer = setTimeout(() => {
      done();
      reject(new Error(`no ${what} for ${vscode.workspace.asRelativePath(uri)} within ${WAIT_MS / 1000} s; it has: ${listDiagnostics(vscode.languages.getDiagnostics(uri))}`));
    }, WAIT_MS);
    const done = () => {
      clearTimeout(timer);
      sub.dispose();
    };
    check();
  });
}

/** Diagnostics from VirtNet (its language client names itself as the source of none: codes tell). */
export function codes(ds: readonly vscode.Diagnostic[]): string[] {
  return ds.map((d) => String(typeof d.code === 'object' ? d.code.value : d.code)).sort();
}

export function listDiagnostics(ds: readonly vscode.Diagnostic[]): string {
  if (ds.length === 0) return 'no diagnostics';
  return ds.map((d) => `${d.range.start.line + 1}:${d.range.start.character + 1} ${codes([d])[0]} ${d.message}`).join('; ');
}

/** Waits until `predicate` holds, checking after each diagnostics change and every 100 ms. */
export async function eventually<T>(what: string, probe: () => Promise<T | undefined> | T | undefined): Promise<T> {
  const until = Date.now() + WAIT_MS;
  for (;;) {
    const v = await probe();
    if (v !== undefined) return v;
    if (Date.now() > until) throw new Error(`${what}: not within ${WAIT_MS / 1000} s`);
    await new Promise((r) => setTimeout(r, 100));
  }
}
