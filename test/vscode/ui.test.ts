/**
 * UI tests: what a person does in VS Code (code-server in headless
 * Chromium), on a copy of examples/: open the tutorial's NAT network with
 * its mistake and read the error in the Problems panel, fix it with the
 * quick fix, write a new network from the NAT snippet and see no problem.
 * Each step saves a screenshot: into VIRTNET_SCREENSHOTS_DIR when set
 * (`npm run screenshots` regenerates docs/screenshots/ so), else beside the
 * test's evidence; on a failure the page, the extension host log and
 * code-server's output stay under .tmp/vscode-tests/ui/ and are named.
 */
import assert from 'node:assert/strict';
import { after, before, describe } from 'node:test';
import type { Page } from 'playwright-core';
import { startSession, type Session } from './harness/session';
import { uiSteps } from './harness/uiSteps';
import { openFile, openWorkbench, problemRows, problemTexts, runCommand, showProblems } from './harness/workbench';

const NAT_ERROR = 'DHCP range 192.168.122.101 – 192.168.123.254 is not entirely inside 192.168.122.0/24';
const NETPLAN_ERROR = "interface 'enx00e04c53445' is not defined";


let session: Session;
let page: Page;
const ui = uiSteps(() => ({ session, page }));
const { shot, step } = ui;

describe('VS Code UI: a libvirt network from mistake to fix to a new one', () => {
  before(async () => {
    session = await startSession('ui', { 'workbench.colorTheme': 'Default Light Modern', 'virtnet.diagnostics.delay': 0 });
    page = await openWorkbench(session, session.workspace('examples'));
  });
  after(async () => {
    await session?.end(ui.ok);
  });

  step('the NAT network with its mistake: the error is underlined and listed in the Problems panel', async () => {
    await openFile(page, 'networks/nat.xml');
    await showProblems(page);
    await problemRows(page).filter({ hasText: NAT_ERROR }).first().waitFor();
    await problemRows(page).filter({ hasText: NETPLAN_ERROR }).first().waitFor();
    await page.locator('.monaco-editor .squiggly-error').first().waitFor();
    await shot('problems-panel');
  });

  step('the quick fix moves the range into the subnet and the error leaves the Problems panel', async () => {
    const row = problemRows(page).filter({ hasText: NAT_ERROR }).first();
    await row.click();
    // The row's light bulb turns on once the fixes are known; it lists them in a menu.
    const bulb = row.locator('.markers-panel-action-quickfix:not(.disabled)');
    await bulb.waitFor();
    await bulb.click();
    const fix = page.getByRole('menuitem', { name: /^Fit the range into 192\.168\.122\.0\/24/ });
    await fix.waitFor();
    await shot('quick-fix');
    await fix.click();
    await problemRows(page).filter({ hasText: NAT_ERROR }).first().waitFor({ state: 'detached' });
    const text = await page.locator('.monaco-editor .view-lines').first().innerText();
    assert.doesNotMatch(text, /192\.168\.123\./);
    assert.ok((await problemTexts(page)).some((t) => t.includes(NETPLAN_ERROR)), 'the other mistake is still listed');
  });

  step("a new network from the NAT snippet: its default name is nat.xml's, a new name leaves no problem", async () => {
    // Explorer's inline "new file" box, in the folder of the active file.
    await runCommand(page, 'File: New File...');
    await page.locator('.explorer-folders-view .monaco-inputbox input').fill('lab.xml');
    await page.keyboard.press('Enter');
    await page.locator('.tab.active', { hasText: 'lab.xml' }).waitFor();
    await page.locator('.editor-instance .monaco-editor.focused').waitFor();
    await page.keyboard.type('libvirt-nat');
    await page.keyboard.press('Control+Space');
    const snippet = page.locator('.suggest-widget .monaco-list-row', { hasText: 'libvirt-nat-network' }).first();
    await snippet.waitFor();
    await shot('snippet');
    await snippet.click();
    // The snippet's first placeholder is the name, `nat`: nat.xml has it already.
    const duplicate = problemRows(page).filter({ hasText: "Network 'nat' is also defined" }).first();
    await duplicate.waitFor();
    await page.keyboard.type('lab');
    await page.keyboard.press('Escape');
    await page.keyboard.press('Escape');
    await duplicate.waitFor({ state: 'detached' });
    // The breadcrumb shows the outline the server computed for the final text; with
    // virtnet.diagnostics.delay 0 any new problem of that text is published before it.
    await page.locator('.breadcrumbs-control .monaco-breadcrumb-item', { hasText: 'lab' }).last().waitFor();
    await page.keyboard.press('Control+S');
    await page.locator('.tab.active.dirty').waitFor({ state: 'detached' });
    const rows = await problemTexts(page);
    assert.ok(!rows.some((t) => t.includes('lab.xml')), `problems for lab.xml: ${rows.join(' | ')}`);
    assert.equal(await page.locator('.monaco-editor .squiggly-error').count(), 0);
    await page.keyboard.press('Escape');
    await page.locator('.suggest-widget.visible').waitFor({ state: 'detached' });
    await shot('new-network-clean');
  });
});
