/**
 * `virtnet/workspaceMacs` over stdio against the real built server: the MACs
 * of the workspace's files as the index (and so libvirt/duplicate-mac) sees
 * them: the server's walker (node_modules skipped), libvirt files only, open
 * documents with their unsaved text, a closed document back to its disk
 * text. Asked right after start, the answer waits for the workspace scan.
 * Then the client side (workspaceMacsRequest.ts) the attach-NIC flow uses:
 * the server's answer, and what the fresh and typed MACs of a NIC plan
 * avoid; without a server, an empty set and a note in the log.
 */
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { workspaceMacsFromServer } from '../../client/src/commands/workspaceMacsRequest';
import { checkMac } from '../../client/src/remote/vmMac';
import { planAttach } from '../../client/src/remote/vmNicPlan';
import type { VmSummary } from '../../client/src/remote/vmInventory';
import { fileUri, TestClient } from './lspClient';

const domain = (name: string, mac: string) => `<domain type='kvm'>\n  <name>${name}</name>\n  <memory>65536</memory>\n  <os><type>hvm</type></os>\n  <devices>\n    <interface type='network'>\n      <mac address='${mac}'/>\n      <source network='default'/>\n    </interface>\n  </devices>\n</domain>\n`;
const NETWORK = `<network>\n  <name>wm-net</name>\n  <mac address='52:54:00:22:22:22'/>\n  <bridge name='vwm0'/>\n  <ip address='10.77.0.1' netmask='255.255.255.0'>\n    <dhcp>\n      <range start='10.77.0.100' end='10.77.0.200'/>\n      <host mac='52:54:00:33:33:33' ip='10.77.0.10'/>\n    </dhcp>\n  </ip>\n</network>\n`;
const NETPLAN = `network:\n  version: 2\n  ethernets:\n    eth0:\n      match:\n        macaddress: "52:54:00:55:55:55"\n      dhcp4: true\n`;

describe('virtnet/workspaceMacs', () => {
  let dir: string;
  let client: TestClient;
  const ask = async () => (await client.conn.sendRequest<{ macs: string[] }>('virtnet/workspaceMacs')).macs;

  before(async () => {
    dir = mkdtempSync(join(tmpdir(), 'virtnet-macs-'));
    writeFileSync(join(dir, 'vm.xml'), domain('wm-vm', '52:54:00:11:11:1A'));
    writeFileSync(join(dir, 'net.xml'), NETWORK);
    mkdirSync(join(dir, 'node_modules', 'pkg'), { recursive: true });
    writeFileSync(join(dir, 'node_modules', 'pkg', 'vm.xml'), domain('wm-skipped', '52:54:00:44:44:44'));
    mkdirSync(join(dir, 'netplan'));
    writeFileSync(join(dir, 'netplan', '01-eth.yaml'), NETPLAN);
    writeFileSync(join(dir, 'notes.txt'), 'old NIC 52:54:00:88:88:88\n');
    client = await TestClient.start({ folders: [dir] });
  });
  after(async () => {
    await client?.stop();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('asked at once after start: the scanned files, by the walker and the index rules (lower case, sorted)', async () => {
    // No whenIndexed(): the request itself waits for the scan.
    assert.deepEqual(await ask(), ['52:54:00:11:11:1a', '52:54:00:22:22:22', '52:54:00:33:33:33']);
    assert.ok(client.indexed, 'answered after the scan');
  });

  it("open documents count with their unsaved text; a closed one with its disk text again", async () => {
    const draft = fileUri(join(dir, 'draft.xml'));
    await client.open(draft, domain('wm-draft', '52:54:00:66:66:66'));
    const vm = fileUri(join(dir, 'vm.xml'));
    await client.open(vm, domain('wm-vm', '52:54:00:77:77:77'));
    assert.deepEqual(await ask(), ['52:54:00:22:22:22', '52:54:00:33:33:33', '52:54:00:66:66:66', '52:54:00:77:77:77']);
    client.close(vm);
    assert.deepEqual(await ask(), ['52:54:00:11:11:1a', '52:54:00:22:22:22', '52:54:00:33:33:33', '52:54:00:66:66:66']);
    client.close(draft);
  });

  it('a MAC of the answer is one the duplicate-MAC check flags in a new document', async () => {
    const macs = await ask();
    const uri = fileUri(join(dir, 'clash.xml'));
    const published = await client.open(uri, domain('wm-clash', macs[0].toUpperCase()));
    assert.ok(published.diagnostics.some((d) => d.code === 'libvirt/duplicate-mac'), JSON.stringify(published.diagnostics));
    client.close(uri);
  });

  it("the attach flow's source of workspace MACs asks the server; the NIC plan's fresh and typed MACs avoid them", async () => {
    const notes: string[] = [];
    const workspaceMacs = workspaceMacsFromServer({ client: () => client.conn, warn: (m) => notes.push(m) });
    const macs = await workspaceMacs();
    assert.deepEqual([...macs].sort(), await ask());
    assert.deepEqual(notes, []);
    const vm: VmSummary = { name: 'guest', uuid: '0f0e0d0c-0b0a-0908-0706-050403020100', state: 'shut off', persistent: true, autostart: false, configNics: [], nics: [] };
    const networks = [{ name: 'default', active: true, ips: [] }];
    // The random source first yields a workspace MAC (11:11:1a), then a free one.
    const draws = [Uint8Array.of(0x11, 0x11, 0x1a), Uint8Array.of(0xab, 0xcd, 0xef)];
    const plan = planAttach(vm, { type: 'network', source: 'default' }, { networks, vms: [], workspaceMacs: macs, random: () => draws.shift()! });
    assert.ok(plan.ok);
    if (plan.ok) assert.equal(plan.nic.mac, '52:54:00:ab:cd:ef');
    const typed = checkMac('52:54:00:22:22:22', new Set(), macs);
    assert.equal(typed.ok, false);
    if (!typed.ok) assert.match(typed.message, /already used in a file of this workspace/);
  });

  it('without a language client, or when the request fails: an empty set and a note in the log', async () => {
    const notes: string[] = [];
    assert.equal((await workspaceMacsFromServer({ client: () => undefined, warn: (m) => notes.push(m) })()).size, 0);
    assert.match(notes[0], /MACs in workspace files were not consulted .*: the VirtNet language server is not started yet/);
    const failing = { sendRequest: () => Promise.reject(new Error('Client is not running')) };
    assert.equal((await workspaceMacsFromServer({ client: () => failing, warn: (m) => notes.push(m) })()).size, 0);
    assert.match(notes[1], /virtnet\/workspaceMacs failed: Client is not running/);
    const silent = { sendRequest: () => new Promise<never>(() => undefined) };
    assert.equal((await workspaceMacsFromServer({ client: () => silent, warn: (m) => notes.push(m), timeoutMs: 50 })()).size, 0);
    assert.match(notes[2], /no answer within 0.05 s/);
  });
});
