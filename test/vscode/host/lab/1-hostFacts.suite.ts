/**
 * A targeted KVM host's facts in the editor, in the extension host, against
 * the SSH test host `lab` (sshd + private libvirtd, set up by
 * test/vscode/uiVms.test.ts with fixture.ts): "Target This Host" on the
 * host's node marks it in the tree; a workspace file whose NIC has the MAC
 * of a NIC of the host's VM gets libvirt/duplicate-mac with related
 * information at `virtnet-host://lab/vm/NAME` naming the host; opening that
 * location shows the VM's XML (read-only, as XML), and the host's other
 * `virtnet-host:` documents say what they are or why they cannot be shown.
 */
import * as assert from 'node:assert/strict';
import { describe, it } from 'mocha';
import * as vscode from 'vscode';
import type { VirtNetApi } from '../../../../client/src/extension';
import { codes, eventually, extension, listDiagnostics, waitForDiagnostics, workspaceUri } from '../util';
import { CLASH_FILE, LAB_HOST, LAB_VM, LAB_VM_MAC } from './fixture';

async function api(): Promise<VirtNetApi> {
  const api = (await extension().activate()) as VirtNetApi | undefined;
  assert.ok(api && typeof api.hostsTree === 'function', 'activate() returns the VirtNet API');
  return api;
}

const label = (item: vscode.TreeItem) => (typeof item.label === 'string' ? item.label : item.label?.label);

async function hostItem(): Promise<vscode.TreeItem | undefined> {
  const tree = await (await api()).hostsTree();
  for (const node of (await tree.getChildren()) ?? []) {
    const item = await tree.getTreeItem(node);
    if (label(item) === LAB_HOST) return item;
  }
  return undefined;
}

/** The text of a document opened by URI (the `virtnet-host:` file system reads it from the host). */
async function open(uri: vscode.Uri): Promise<vscode.TextDocument> {
  const doc = await vscode.workspace.openTextDocument(uri);
  await vscode.window.showTextDocument(doc, { preview: true });
  return doc;
}

let related: vscode.DiagnosticRelatedInformation | undefined;

describe(`host facts of the targeted SSH host '${LAB_HOST}'`, () => {
  it('Target This Host on the host node marks it in the tree (contextValue suffix, description)', async () => {
    const before = await hostItem();
    assert.ok(before, `the tree lists ${LAB_HOST}`);
    assert.doesNotMatch(String(before.contextValue), /\.targeted$/);
    await vscode.commands.executeCommand('virtnet.hosts.target', { kind: 'host', hostName: LAB_HOST });
    const after = await eventually('the targeted mark on the host node', async () => {
      const item = await hostItem();
      return item && /\.targeted$/.test(String(item.contextValue)) ? item : undefined;
    });
    assert.match(String(after.description), /◎ targeted/);
    assert.deepEqual(vscode.workspace.getConfiguration('virtnet').get('targetHosts'), [LAB_HOST]);
  });

  it(`a workspace file with the MAC of VM '${LAB_VM}' NIC gets libvirt/duplicate-mac, related information naming the host`, async () => {
    const uri = workspaceUri(CLASH_FILE);
    await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(uri));
    const ds = await waitForDiagnostics(uri, (ds) => ds.some((d) => codes([d])[0] === 'libvirt/duplicate-mac' && (d.relatedInformation ?? []).some((r) => r.location.uri.scheme === 'virtnet-host')), 'duplicate MAC with the host');
    const d = ds.find((x) => codes([x])[0] === 'libvirt/duplicate-mac')!;
    assert.match(d.message, new RegExp(`MAC ${LAB_VM_MAC} .*already used by a NIC of VM '${LAB_VM}' on host '${LAB_HOST}' \\(read \\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d UTC\\)`), listDiagnostics(ds));
    related = d.relatedInformation?.find((r) => r.location.uri.scheme === 'virtnet-host');
    assert.ok(related);
    assert.equal(related.location.uri.toString(), `virtnet-host://${LAB_HOST}/vm/${LAB_VM}`);
    assert.match(related.message, new RegExp(`VM '${LAB_VM}' has a NIC with MAC ${LAB_VM_MAC} — host '${LAB_HOST}' \\(read `));
  });

  it("opening that related location shows the VM's XML, read-only, as XML", async () => {
    assert.ok(related, 'the previous test found the related location');
    const doc = await open(related.location.uri);
    const text = doc.getText();
    assert.match(text, new RegExp(`^<!-- VirtNet: VM '${LAB_VM}' on host '${LAB_HOST}', shut off, its saved configuration \\(virsh dumpxml\\), read .*Read-only\\. -->\\n<domain type='qemu'`), text.slice(0, 300));
    assert.match(text, new RegExp(`<name>${LAB_VM}</name>`));
    assert.match(text, new RegExp(`<mac address='${LAB_VM_MAC}'/>`));
    await eventually('the document shown as XML', () => vscode.workspace.textDocuments.find((t) => t.uri.toString() === related!.location.uri.toString() && t.languageId === 'xml'));
    await assert.rejects(Promise.resolve(vscode.workspace.fs.writeFile(related.location.uri, new TextEncoder().encode('<domain/>'))), 'the file system refuses writes');
  });

  it("the host's other virtnet-host: documents: its network, its bridges, a VM that is gone, a host that is not configured", async () => {
    const net = (await open(vscode.Uri.parse(`virtnet-host://${LAB_HOST}/network/uivm-nat`))).getText();
    assert.match(net, /^<!-- VirtNet: network 'uivm-nat' on host 'lab', its live definition \(virsh net-dumpxml\)/);
    assert.match(net, /<bridge name='vn-uivm'/);
    const bridges = (await open(vscode.Uri.parse(`virtnet-host://${LAB_HOST}/bridges`))).getText();
    // The test host's sshd runs in this machine's network namespace (its bridges, if any), libvirtd in its own.
    assert.match(bridges, /^Bridges on host 'lab' \(ip link show type bridge\), read \d{4}-\d\d-\d\d \d\d:\d\d UTC:\n\n {2}\S/);
    const gone = (await open(vscode.Uri.parse(`virtnet-host://${LAB_HOST}/vm/no-such-vm`))).getText();
    assert.match(gone, /^VM 'no-such-vm' is no longer on host 'lab'/);
    const unknown = (await open(vscode.Uri.parse('virtnet-host://kvm-elsewhere/vm/web'))).getText();
    assert.match(unknown, /^No host named 'kvm-elsewhere' is configured/);
  });
});
