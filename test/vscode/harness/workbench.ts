/**
 * Driving the VS Code workbench in the browser the way a person does:
 * keyboard shortcuts, the command palette, the Problems panel. Selectors are
 * the workbench's own classes and ARIA roles (VS Code 1.100).
 */
import * as path from 'node:path';
import type { Locator, Page } from 'playwright-core';
import { ROOT } from '../../../scripts/vscode/codeServer';
import { PAGE_LOAD_MS } from './inHost';
import type { Session } from './session';

/** How long a UI step may take before the test fails (a failure bound, not a speed check). */
export const STEP_MS = 60_000;

/** Opens `folder` with the extension under development loaded (no tests module). */
export async function openWorkbench(session: Session, folder: string): Promise<Page> {
  const page = await session.browser.newPage({ viewport: { width: 1280, height: 800 } });
  page.setDefaultTimeout(STEP_MS);
  const payload = [['extensionDevelopmentPath', `vscode-remote://127.0.0.1:${session.server.port}${ROOT}`]];
  await page.goto(`${session.server.url}?folder=${encodeURIComponent(folder)}&payload=${encodeURIComponent(JSON.stringify(payload))}`, { waitUntil: 'domcontentloaded', timeout: PAGE_LOAD_MS });
  await page.locator('.monaco-workbench .part.editor').waitFor({ timeout: PAGE_LOAD_MS });
  await page.locator('.part.statusbar').waitFor();
  return page;
}

/** Runs a command by its title through the command palette (F1). */
export async function runCommand(page: Page, title: string): Promise<void> {
  await page.keyboard.press('F1');
  const input = page.locator('.quick-input-widget input');
  await input.waitFor();
  await input.fill(`>${title}`);
  await page.locator('.quick-input-widget .monaco-list-row', { hasText: title }).first().waitFor();
  await page.keyboard.press('Enter');
}

/** Opens a workspace file by name through Quick Open (Ctrl+P). */
export async function openFile(page: Page, relative: string): Promise<void> {
  await page.keyboard.press('Control+P');
  const input = page.locator('.quick-input-widget input');
  await input.waitFor();
  await input.fill(relative);
  await page.locator('.quick-input-widget .monaco-list-row', { hasText: path.basename(relative) }).first().waitFor();
  await page.keyboard.press('Enter');
  await page.locator('.tab.active', { hasText: path.basename(relative) }).waitFor();
}

/** The Problems panel's rows (shown with Ctrl+Shift+M). */
export function problemRows(page: Page): Locator {
  return page.locator('.markers-panel .monaco-list-row');
}

export async function showProblems(page: Page): Promise<void> {
  await page.keyboard.press('Control+Shift+M');
  await page.locator('.markers-panel').waitFor();
}

/** The problem rows' texts (file rows and problem rows alike). */
export async function problemTexts(page: Page): Promise<string[]> {
  return (await problemRows(page).allInnerTexts()).map((t) => t.replace(/\s+/g, ' ').trim());
}

/** Clicks the button named `button` of the modal dialog (a confirmation) whose text matches `question`. */
export async function confirmDialog(page: Page, question: RegExp, button: string): Promise<void> {
  const dialog = page.locator('.monaco-dialog-box');
  await dialog.filter({ hasText: question }).waitFor();
  await dialog.getByRole('button', { name: button, exact: true }).click();
  await dialog.waitFor({ state: 'detached' });
}

/** Runs `item` of a tree row's context menu. */
export async function contextMenu(page: Page, row: Locator, item: string): Promise<void> {
  await row.click({ button: 'right' });
  const entry = page.getByRole('menuitem', { name: item });
  await entry.waitFor();
  // The web workbench's menu takes a pointer click unreliably under Playwright; the item under the pointer is focused, and Enter runs it.
  await entry.hover();
  await page.keyboard.press('Enter');
  await entry.waitFor({ state: 'detached' });
}
