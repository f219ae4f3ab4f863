/**
 * UI test of the hosts flow, what a person does in VS Code (code-server in
 * headless Chromium) against a real KVM test host: sshd on 127.0.0.1 in
 * front of a private libvirtd (test/helpers/sshTestbed.ts; needs root and
 * sshd, else skipped). The host is in the session's `virtnet.hosts` setting
 * and its key in the known_hosts of the HOME code-server runs with (a
 * private folder), so no host-key question comes. Open the hosts view,
 * expand the host; define and start a network from the editor with the
 * editor title's button, see it active in the tree; open its live XML; try
 * to define a second file on the subnet the first one now runs on (the clash
 * is shown before anything is sent; cancelled); stop it and undefine it,
 * confirming each modal question. Screenshots as in
 * ui.test.ts (hosts-view.png, live-xml.png).
 */
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { after, before, describe } from 'node:test';
import type { Locator, Page } from 'playwright-core';
import { startSshHost, sshdInstalled, type SshHost } from '../helpers/sshTestbed';
import { startSession, type Session } from './harness/session';
import { uiSteps } from './harness/uiSteps';
import { confirmDialog, contextMenu, openFile, openWorkbench } from './harness/workbench';

/** A `/` in the name: the live document's breadcrumb must read it (`lab∕kvm`), not `lab%2Fkvm`. */
const HOST = 'lab/kvm';
const NETWORK = 'uilab';
const NETWORK_XML = `<network>
  <name>${NETWORK}</name>
  <forward mode='nat'/>
  <bridge name='virbr-uilab'/>
  <ip address='10.77.0.1' netmask='255.255.255.0'>
    <dhcp>
      <range start='10.77.0.100' end='10.77.0.200'/>
    </dhcp>
  </ip>
</network>
`;
/** Another network on uilab's subnet (another name, bridge and no UUID): a clash with the host once uilab runs. */
const CLASH = 'uiclash';
const CLASH_XML = `<network>
  <name>${CLASH}</name>
  <forward mode='nat'/>
  <bridge name='virbr-uiclash'/>
  <ip address='10.77.0.1' prefix='24'/>
</network>
`;
const skip = process.getuid?.() !== 0 || !sshdInstalled() ? 'needs root and sshd (the sandboxed SSH test host)' : undefined;

let sshHost: SshHost | undefined;
let session: Session;
let page: Page;
const ui = uiSteps(() => ({ session, page }), skip);
const { shot, step } = ui;

const treeItem = (name: string | RegExp): Locator => page.locator('.pane-body .monaco-list-row[role="treeitem"]', { hasText: name }).first();
const networkRow = (): Locator => treeItem(NETWORK);
const description = (row: Locator) => row.locator('.label-description');

describe('VS Code UI: a network defined, started, read, stopped and undefined on an SSH host', { skip }, () => {
  before(async () => {
    sshHost = await startSshHost();
    const dir = path.join(__dirname, '..', '..', '.tmp', 'vscode-tests', 'ui-hosts-home');
    fs.rmSync(dir, { recursive: true, force: true });
    fs.mkdirSync(path.join(dir, '.ssh'), { recursive: true, mode: 0o700 });
    fs.writeFileSync(path.join(dir, '.ssh', 'known_hosts'), `${sshHost.knownHostsLine}\n`);
    const hosts = [{ name: HOST, host: sshHost.host, port: sshHost.port, user: sshHost.user, identityFile: sshHost.key }];
    session = await startSession('ui-hosts', { 'workbench.colorTheme': 'Default Light Modern', 'virtnet.hosts': hosts }, { HOME: dir, SSH_AUTH_SOCK: '' });
    const ws = session.workspace('examples');
    fs.writeFileSync(path.join(ws, 'networks', `${NETWORK}.xml`), NETWORK_XML);
    fs.writeFileSync(path.join(ws, 'networks', `${CLASH}.xml`), CLASH_XML);
    page = await openWorkbench(session, ws);
  });
  after(async () => {
    await session?.end(ui.ok);
    await sshHost?.stop();
  });

  step('the hosts view lists the host; expanded, it says the host has no network yet', async () => {
    await page.getByRole('tab', { name: /VirtNet/ }).click();
    const host = treeItem(HOST);
    await host.waitFor();
    await host.click();
    await treeItem(/lists none/).waitFor();
  });

  step('define and start from the editor in one click: the network turns active in the tree', async () => {
    await openFile(page, `networks/${NETWORK}.xml`);
    await page.locator('.editor-actions .action-label[aria-label^="Define and Start Network on Host"]').click();
    // The host to define it on (the quick pick lists the configured hosts).
    await page.locator('.quick-input-widget .monaco-list-row', { hasText: HOST }).first().click();
    await page.locator('.notifications-toasts', { hasText: `Network '${NETWORK}' defined and started on ${HOST}.` }).waitFor();
    const row = networkRow();
    await row.waitFor();
    await assert.doesNotReject(description(row).filter({ hasText: /^active/ }).waitFor());
    await row.click();
    // VS Code reports a tree whose ids clash in a toast ("Element with id … is already registered").
    assert.equal(await page.locator('.notifications-toasts', { hasText: 'already registered' }).count(), 0, 'no tree error while the host loaded');
    await shot('hosts-view');
  });

  step('its live XML opens read-only from the context menu, as the host has it (with the UUID libvirt gave it)', async () => {
    await contextMenu(page, networkRow(), 'Open Live XML (Read-Only)');
    // The live document's tab has the file's name too: wait for its text (libvirt added the UUID).
    const live = page.locator('.editor-instance .monaco-editor .view-lines', { hasText: '<uuid>' });
    await live.waitFor();
    const text = await live.innerText();
    assert.match(text, new RegExp(`<name>${NETWORK}</name>`));
    assert.match(text, /<uuid>[0-9a-f-]{36}<\/uuid>/);
    // The breadcrumb names the host readably: a / of its name is ∕ (U+2215), no percent escape.
    const crumbs = page.locator('.breadcrumbs-control .monaco-breadcrumb-item');
    await crumbs.filter({ hasText: 'lab\u2215kvm' }).first().waitFor();
    const texts = await crumbs.allInnerTexts();
    assert.ok(!texts.some((t) => /%2F/i.test(t)), texts.join(' › '));
    await shot('live-xml');
  });

  step('a file on the subnet the running network takes: the clash with the host is shown before anything is sent; Cancel defines nothing', async () => {
    await openFile(page, `networks/${CLASH}.xml`);
    await page.locator('.editor-actions .action-label[aria-label^="Define and Start Network on Host"]').click();
    await page.locator('.quick-input-widget .monaco-list-row', { hasText: HOST }).first().click();
    const dialog = page.locator('.monaco-dialog-box').filter({ hasText: new RegExp(`${CLASH}\\.xml clashes with what ${HOST} runs \\(1 warning\\)\\. Define it on ${HOST} anyway\\?`) });
    await dialog.waitFor();
    assert.match(await dialog.innerText(), new RegExp(`overlaps 10\\.77\\.0\\.0/24 of network '${NETWORK}', active on host '${HOST}'`));
    await shot('define-clash');
    await dialog.getByRole('button', { name: 'Cancel', exact: true }).click();
    await dialog.waitFor({ state: 'detached' });
    // The fresh read refreshed the host: the tree lists what it has, and the clashing network is not among it.
    await networkRow().waitFor();
    assert.equal(await treeItem(CLASH).count(), 0);
  });

  step('stop with the inline button and its confirmation: the network turns inactive', async () => {
    const row = networkRow();
    await row.hover();
    await row.locator('.action-label[aria-label^="Stop Network"]').click();
    await confirmDialog(page, new RegExp(`Stop network '${NETWORK}' on ${HOST}\\?`), 'Stop');
    await description(networkRow()).filter({ hasText: /^inactive/ }).waitFor();
  });

  step('undefine from the context menu and its confirmation: the network leaves the tree', async () => {
    await contextMenu(page, networkRow(), 'Undefine Network…');
    await confirmDialog(page, new RegExp(`Undefine network '${NETWORK}' on ${HOST}\\?`), 'Undefine');
    await networkRow().waitFor({ state: 'detached' });
    await treeItem(/lists none/).waitFor();
  });
});
