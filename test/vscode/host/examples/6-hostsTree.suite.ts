/**
 * The hosts view's data from a test host, through the extension's own API
 * (`hostsTree()`, the provider the view renders): the session's
 * `virtnet.hosts` setting has `demo`, libvirt's test driver on this machine
 * (test/vscode/inHost.test.ts). Expanding it reads its networks; the
 * `default` network shows with its contextValue (UI-CONTRACT.md). Also:
 * every contributed command is registered and implemented by the hosts
 * part, and the part implements no command package.json does not list.
 */
import * as assert from 'node:assert/strict';
import { describe, it } from 'mocha';
import * as vscode from 'vscode';
import type { VirtNetApi } from '../../../../client/src/extension';
import { eventually, extension } from '../util';

async function api(): Promise<VirtNetApi> {
  const api = (await extension().activate()) as VirtNetApi | undefined;
  assert.ok(api && typeof api.hostsTree === 'function', 'activate() returns the VirtNet API');
  return api;
}

async function items(tree: vscode.TreeDataProvider<unknown>, parent?: unknown): Promise<{ node: unknown; item: vscode.TreeItem }[]> {
  const nodes = (await tree.getChildren(parent)) ?? [];
  return Promise.all(nodes.map(async (node) => ({ node, item: await tree.getTreeItem(node) })));
}

const label = (item: vscode.TreeItem) => (typeof item.label === 'string' ? item.label : item.label?.label);

describe('hosts tree', () => {
  it('shows the configured host, not yet contacted', async () => {
    const tree = await (await api()).hostsTree();
    const roots = await items(tree);
    const host = roots.find((r) => label(r.item) === 'demo');
    assert.ok(host, `roots: ${roots.map((r) => label(r.item)).join(', ')}`);
    assert.equal(host.item.contextValue, 'virtnet.host.idle');
    assert.equal(host.item.collapsibleState, vscode.TreeItemCollapsibleState.Collapsed);
    assert.deepEqual(JSON.parse(host.item.id ?? ''), ['host', 'demo']);
  });

  it("expanding the host reads its networks and VMs: test:///default's network with its state flags, its running VM", async () => {
    const tree = await (await api()).hostsTree();
    const host = (await items(tree)).find((r) => label(r.item) === 'demo')!;
    // The first answer is a "connecting" message; once the host answered, its "Networks" and
    // "Virtual machines" folders, the networks in the first.
    const folder = await eventually('the Networks folder of demo', async () => (await items(tree, host.node)).find((c) => c.item.contextValue === 'virtnet.group.networks'));
    const networks = await items(tree, folder.node);
    assert.ok(networks.some((c) => c.item.contextValue?.startsWith('virtnet.network.')), `Networks: ${networks.map((c) => c.item.contextValue).join(', ')}`);
    const dflt = networks.find((c) => label(c.item) === 'default');
    assert.ok(dflt, `children: ${networks.map((c) => `${label(c.item)} (${c.item.contextValue})`).join(', ')}`);
    assert.equal(dflt.item.contextValue, 'virtnet.network.active.persistent');
    assert.deepEqual(dflt.node, { kind: 'network', hostName: 'demo', networkName: 'default' });
    assert.deepEqual(JSON.parse(dflt.item.id ?? ''), ['network', 'demo', 'default']);
    // test:///default also runs one VM, "test", under the "Virtual machines" folder.
    const vmFolder = (await items(tree, host.node)).find((c) => c.item.contextValue === 'virtnet.group.vms');
    assert.ok(vmFolder, 'a Virtual machines folder');
    const vms = await items(tree, vmFolder.node);
    const testVm = vms.find((c) => label(c.item) === 'test');
    assert.ok(testVm, `VMs: ${vms.map((c) => `${label(c.item)} (${c.item.contextValue})`).join(', ')}`);
    assert.equal(testVm.item.contextValue, 'virtnet.vm.running');
    const after = (await items(tree)).find((r) => label(r.item) === 'demo')!;
    assert.equal(after.item.contextValue, 'virtnet.host.ready');
  });

  it('every contributed command is registered, and the hosts part implements exactly those', async () => {
    const contributed = ((extension().packageJSON as { contributes: { commands: { command: string }[] } }).contributes.commands ?? []).map((c) => c.command).sort();
    const registered = new Set(await vscode.commands.getCommands(true));
    assert.deepEqual(contributed.filter((c) => !registered.has(c)), []);
    assert.deepEqual((await (await api()).implementedCommands()).sort(), contributed);
  });
});
