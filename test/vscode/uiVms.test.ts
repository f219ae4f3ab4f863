/**
 * UI test of the VM commands and the host facts, what a person does in VS
 * Code (code-server in headless Chromium) against the SSH test host "lab":
 * sshd on 127.0.0.1 in front of a private libvirtd (test/helpers/sshTestbed.ts;
 * needs root, sshd and qemu-system-x86, else skipped) holding a NAT network
 * and a persistent VM, shut off, diskless (QEMU software emulation starts it
 * and it sits in the firmware), with one NIC (test/vscode/host/lab/fixture.ts).
 *
 * From the tree: attach a NIC to the VM with the inline button (network,
 * default model and a fresh MAC through the quick picks, the modal
 * confirmation), see its node; detach it by MAC with its modal
 * confirmation, see it gone; start the VM and force it off. Then Target
 * This Host from the host's context menu, see the mark, open a workspace
 * file whose NIC has the VM's MAC and click the duplicate-MAC problem's
 * related location in the Problems panel: the VM's XML opens (the
 * `virtnet-host:` viewer). Screenshots as in ui.test.ts (hosts-vms.png, the
 * VM part of the tree; host-related-vm.png). Last, the in-host group `lab`
 * (test/vscode/host/lab/) runs in the same code-server, in its own folder:
 * the same facts checked through the API.
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { Locator, Page } from 'playwright-core';
import { createLocalRunner, runVirsh, netDefine, netStart, type Result } from '../../client/src/remote';
import { simpleCommand } from '../../client/src/remote/virshCommand';
import { ROOT } from '../../scripts/vscode/codeServer';
import { startSshHost, sshdInstalled, type SshHost } from '../helpers/sshTestbed';
import { CLASH_FILE, CLASH_XML, LAB_HOST, LAB_NETWORK, LAB_NETWORK_XML, LAB_VM, LAB_VM_MAC, LAB_VM_XML } from './host/lab/fixture';
import { runGroup } from './harness/inHost';
import { startSession, type Session } from './harness/session';
import { uiSteps } from './harness/uiSteps';
import { confirmDialog, contextMenu, openFile, openWorkbench, problemRows, runCommand, showProblems } from './harness/workbench';

const skip =
  process.getuid?.() !== 0 || !sshdInstalled()
    ? 'needs root and sshd (the sandboxed SSH test host)'
    : !fs.existsSync('/usr/bin/qemu-system-x86_64')
      ? 'needs qemu-system-x86'
      : undefined;

let sshHost: SshHost | undefined;
let session: Session;
let page: Page;
const ui = uiSteps(() => ({ session, page }), skip);
// Not `...rest`: `ok` is a getter, read when the session ends.
const { shot, step } = ui;
let attachedMac = '';
let failedInHost = false;

function value<T>(r: Result<T>): T {
  if (!r.ok) assert.fail(`${r.error.kind}: ${r.error.message}\n${r.error.stderr}`);
  return r.value;
}

/** A row of the hosts tree whose label is exactly `name` (a VM and a network may share a prefix). */
const treeItem = (name: string | RegExp): Locator =>
  page
    .locator('.pane-body .monaco-list-row[role="treeitem"]')
    .filter({ has: page.locator('.label-name', { hasText: typeof name === 'string' ? new RegExp(`^${name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}$`) : name }) })
    .first();
const description = (row: Locator) => row.locator('.label-description');
const quickPickRow = (text: string | RegExp) => page.locator('.quick-input-widget .monaco-list-row', { hasText: text }).first();

async function inlineAction(row: Locator, title: string): Promise<void> {
  await row.hover();
  await row.locator(`.action-label[aria-label^="${title}"]`).click();
}

/**
 * hosts-vms.png: the sidebar widened so the NICs' descriptions show, the notifications cleared,
 * the VM's tooltip (its NICs, running VM beside saved configuration) when the workbench shows it.
 */
async function pictureOfVms(): Promise<void> {
  const box = await page.locator('.part.sidebar').boundingBox();
  if (box) {
    await page.mouse.move(box.x + box.width - 1, box.y + box.height / 2);
    await page.mouse.down();
    await page.mouse.move(700, box.y + box.height / 2, { steps: 5 });
    await page.mouse.up();
  }
  await runCommand(page, 'Notifications: Clear All Notifications');
  await page.locator('.notifications-toasts .notification-toast').first().waitFor({ state: 'detached' });
  await treeItem(LAB_VM).locator('.label-name').hover();
  await page
    .locator('.workbench-hover', { hasText: 'Saved configuration' })
    .first()
    .waitFor({ timeout: 5_000 })
    .catch(() => undefined);
  await shot('hosts-vms');
  await page.mouse.move(1000, 700);
}

const toast = (text: string | RegExp) => page.locator('.notifications-toasts .notification-toast', { hasText: text }).first();

describe('VS Code UI: a VM on an SSH host — attach and detach a NIC, start and force off from the tree; a targeted host in the checks', { skip }, () => {
  before(async () => {
    const built = spawnSync(process.execPath, [path.join(ROOT, 'scripts', 'vscode', 'build-tests.mjs')], { stdio: 'inherit' });
    assert.equal(built.status, 0, 'building the in-host suites failed');
    sshHost = await startSshHost();
    // Set-up on the daemon's own socket (not through the code under test).
    const uri = sshHost.libvirtd?.uri ?? '';
    const local = createLocalRunner();
    const o = { timeoutMs: 60_000 };
    value(await runVirsh(local, uri, netDefine(LAB_NETWORK_XML), o));
    value(await runVirsh(local, uri, netStart(LAB_NETWORK), o));
    value(await runVirsh(local, uri, simpleCommand(['define', '--file', '/dev/stdin'], (s: string) => s, LAB_VM_XML), o));
    const dir = path.join(ROOT, '.tmp', 'vscode-tests', 'ui-vms-home');
    fs.rmSync(dir, { recursive: true, force: true });
    fs.mkdirSync(path.join(dir, '.ssh'), { recursive: true, mode: 0o700 });
    fs.writeFileSync(path.join(dir, '.ssh', 'known_hosts'), `${sshHost.knownHostsLine}\n`);
    const hosts = [{ name: LAB_HOST, host: sshHost.host, port: sshHost.port, user: sshHost.user, identityFile: sshHost.key }];
    session = await startSession('ui-vms', { 'workbench.colorTheme': 'Default Light Modern', 'virtnet.hosts': hosts }, { HOME: dir, SSH_AUTH_SOCK: '' });
    const ws = session.workspace('examples');
    fs.writeFileSync(path.join(ws, ...CLASH_FILE.split('/')), CLASH_XML);
    page = await openWorkbench(session, ws);
  });
  after(async () => {
    await session?.end(ui.ok && !failedInHost);
    await sshHost?.stop();
  });

  step('the hosts view lists the host; expanded, its Virtual machines folder shows the VM, shut off, with one NIC', async () => {
    await page.getByRole('tab', { name: /VirtNet/ }).click();
    const host = treeItem(LAB_HOST);
    await host.waitFor();
    await host.click();
    const vm = treeItem(LAB_VM);
    await vm.waitFor();
    await description(vm).filter({ hasText: /^shut off · 1 NIC$/ }).waitFor();
  });

  step('attach a NIC with the inline button: network, default model, fresh MAC picked; the modal confirmation; the NIC node appears', async () => {
    await inlineAction(treeItem(LAB_VM), 'Attach NIC');
    await quickPickRow(LAB_NETWORK).click();
    // The model: virtio is the default, first and focused.
    await quickPickRow(/default: paravirtualised/).waitFor();
    await page.keyboard.press('Enter');
    await quickPickRow('Generate a fresh MAC').click();
    // A shut-off VM: only its saved configuration can change, so no scope question; the confirmation says where.
    await confirmDialog(page, new RegExp(`Add a NIC .*'${LAB_NETWORK}'.* to VM '${LAB_VM}': .*saved configuration`), 'Attach');
    const done = toast(new RegExp(`Attach 52:54:00:[0-9a-f:]{8} to '${LAB_VM}' on ${LAB_HOST}: done`));
    await done.waitFor();
    attachedMac = /Attach (52:54:00:[0-9a-f]{2}:[0-9a-f]{2}:[0-9a-f]{2})/.exec(await done.innerText())?.[1] ?? '';
    assert.notEqual(attachedMac, LAB_VM_MAC);
    const vm = treeItem(LAB_VM);
    await description(vm).filter({ hasText: /^shut off · 2 NICs$/ }).waitFor();
    // Expanded: the VM's NICs, the new one with its network and model.
    if ((await vm.getAttribute('aria-expanded')) !== 'true') await vm.click();
    const nic = treeItem(attachedMac);
    await nic.waitFor();
    await description(nic).filter({ hasText: new RegExp(`^network '${LAB_NETWORK}'.* · virtio`) }).waitFor();
    await treeItem(LAB_VM_MAC).waitFor();
    await pictureOfVms();
  });

  step('detach it by MAC with the inline button and its modal confirmation: the NIC node goes', async () => {
    await inlineAction(treeItem(attachedMac), 'Detach NIC');
    await confirmDialog(page, new RegExp(`Remove the NIC .*${attachedMac}.* from VM '${LAB_VM}'`), 'Detach');
    await toast(new RegExp(`Detach ${attachedMac} from '${LAB_VM}' on ${LAB_HOST}: done`)).waitFor();
    await treeItem(attachedMac).waitFor({ state: 'detached' });
    await description(treeItem(LAB_VM)).filter({ hasText: /^shut off · 1 NIC$/ }).waitFor();
  });

  step('start it with the inline button: running; force it off from the context menu after the modal question: shut off', async () => {
    await inlineAction(treeItem(LAB_VM), 'Start VM');
    await description(treeItem(LAB_VM)).filter({ hasText: /^running/ }).waitFor();
    await contextMenu(page, treeItem(LAB_VM), 'Force Off VM…');
    await confirmDialog(page, new RegExp(`Force off '${LAB_VM}'\\?`), 'Force Off');
    await description(treeItem(LAB_VM)).filter({ hasText: /^shut off/ }).waitFor();
  });

  step("Target This Host from the host's context menu: the host is marked", async () => {
    await contextMenu(page, treeItem(LAB_HOST), 'Target This Host (its facts join the checks)');
    await description(treeItem(LAB_HOST)).filter({ hasText: /◎ targeted/ }).waitFor();
  });

  step("a file with the VM's MAC gets the duplicate-MAC problem; its related location, clicked in the Problems panel, opens the VM's XML", async () => {
    await openFile(page, CLASH_FILE);
    await showProblems(page);
    // Only this file's problems (the examples have others, and the list renders only what fits).
    await page.locator('.markers-panel-action-filter input, .viewpane-filter input').first().fill(path.basename(CLASH_FILE));
    const problem = problemRows(page).filter({ hasText: new RegExp(`already used by a NIC of VM '${LAB_VM}' on host '${LAB_HOST}'`) }).first();
    await problem.waitFor();
    // The related information is a child row of the problem: expand it when it is not.
    const relatedRow = problemRows(page).filter({ hasText: new RegExp(`VM '${LAB_VM}' has a NIC with MAC ${LAB_VM_MAC}`) }).first();
    if ((await relatedRow.count()) === 0 || !(await relatedRow.isVisible())) await problem.locator('.monaco-tl-twistie').click();
    await relatedRow.click();
    const xml = page.locator('.editor-instance .monaco-editor .view-lines', { hasText: `<name>${LAB_VM}</name>` });
    await xml.waitFor();
    assert.match((await xml.innerText()).replace(/\u00a0/g, ' '), new RegExp(`VirtNet: VM '${LAB_VM}' on host '${LAB_HOST}'`));
    await runCommand(page, 'Notifications: Clear All Notifications');
    await page.locator('.notifications-toasts .notification-toast').first().waitFor({ state: 'detached' });
    await shot('host-related-vm');
  });

  it('in-host group lab: the targeted host, its facts and virtnet-host: documents through the API', { skip }, async (t) => {
    try {
      const folder = session.workspace('lab');
      fs.writeFileSync(path.join(folder, ...CLASH_FILE.split('/')), CLASH_XML);
      const run = await runGroup(session.server, session.browser, 'lab', folder);
      assert.ok(run.results, `group lab wrote no results (exit ${run.exitCode}${run.exitCode === -1 ? ': timed out' : ''})`);
      for (const r of run.results.tests) {
        await t.test(r.title, { skip: r.state === 'pending' }, () => {
          if (r.state === 'failed') throw new Error(r.error);
        });
      }
      assert.equal(run.exitCode, 0, `codeAutomationExit(${run.exitCode}) though the results list no failure`);
    } catch (e) {
      // Keep the evidence (uiSteps marks failures of steps only).
      failedInHost = true;
      throw e;
    }
  });
});
