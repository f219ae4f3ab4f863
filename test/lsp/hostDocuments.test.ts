/**
 * A host's live network definition opened in the editor (`virtnet-net:`
 * URI, client/src/commands/networkXmlFs.ts) beside the workspace file of the
 * same network, against the real built server over stdio: the host document
 * gets its own findings but no cross-file ones, and the workspace file is not
 * paired with it (server/src/workspace/documentScope.ts).
 */
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { Diagnostic } from 'vscode-languageserver-types';
import { fileUri, TestClient } from './lspClient';

const UUID = '9a05da11-e96b-47f3-8253-a3a482e445f5';
const OTHER = '0c4a3c51-7a38-4e1b-9d0b-1a5a2f3c4d5e';
const lab = (uuid: string, extra = '') =>
  `<network>\n  <name>lab</name>\n  <uuid>${uuid}</uuid>\n  <bridge name='virbr20'/>\n  <ip address='10.9.0.1' prefix='24'>\n    <dhcp><host mac='52:54:00:12:34:56' ip='10.9.0.5'/></dhcp>\n  </ip>${extra}\n</network>\n`;
const LIVE = 'virtnet-net:/kvm1/lab.xml?live';
const EDIT = 'virtnet-net:/kvm1/lab.xml';
const cross = /duplicate|overlapping|used-by-host|missing-bridge|unknown-source/;
const crossCodes = (ds: Diagnostic[]) => ds.map((d) => String(d.code)).filter((c) => cross.test(c));
const mentionsHostDoc = (ds: Diagnostic[]) => ds.some((d) => (d.relatedInformation ?? []).some((r) => r.location.uri.startsWith('virtnet-net:')) || /lab\.xml\?/.test(String(d.message)));

describe('host documents (virtnet-net:) over stdio', () => {
  let dir: string;
  let client: TestClient;
  let file: string;

  before(async () => {
    dir = mkdtempSync(join(tmpdir(), 'virtnet-lsp-hostdocs-'));
    writeFileSync(join(dir, 'lab.xml'), lab(OTHER));
    file = fileUri(join(dir, 'lab.xml'));
    client = await TestClient.start({ folders: [dir] });
    await client.whenIndexed();
  });

  after(async () => {
    await client?.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  it('the live definition beside the workspace file: no duplicate name/UUID/bridge/MAC/subnet on either', async () => {
    assert.deepEqual(crossCodes(client.diagnostics(file)), []);
    const live = await client.open(LIVE, lab(UUID));
    assert.deepEqual(crossCodes(live.diagnostics), [], JSON.stringify(live.diagnostics));
    await client.ping();
    assert.deepEqual(crossCodes(client.diagnostics(file)), [], JSON.stringify(client.diagnostics(file)));
    assert.ok(!mentionsHostDoc(client.diagnostics(file)));
  });

  it("with the host's facts and the editable view open too: the host documents stay clean, the workspace file meets the host", async () => {
    const f = client.nextDiagnostics(file);
    void client.conn.sendNotification('virtnet/hostFacts', {
      host: 'kvm1',
      readAt: '2026-12-05T05:00:00Z',
      facts: { networks: [{ name: 'lab', uuid: UUID, bridge: 'virbr20', forwardMode: 'nat', active: true, subnets: ['10.9.0.0/24'] }], vms: [], bridges: ['virbr20'] },
    });
    // The workspace file with another UUID than the host's: that clash is real.
    assert.ok(crossCodes((await f).diagnostics).includes('libvirt/duplicate-network-name'));
    const edit = await client.open(EDIT, lab(UUID));
    assert.deepEqual(crossCodes(edit.diagnostics), [], JSON.stringify(edit.diagnostics));
    await client.ping();
    assert.deepEqual(crossCodes(client.diagnostics(LIVE)), []);
    assert.ok(!mentionsHostDoc(client.diagnostics(file)), JSON.stringify(client.diagnostics(file)));
  });

  it('a host document still gets its own findings', async () => {
    const ds = (await client.change(EDIT, lab(UUID, "\n  <ip address='10.9.0.300' prefix='24'/>"))).diagnostics;
    assert.ok(ds.length > 0, 'the bad address is reported');
    assert.deepEqual(crossCodes(ds), []);
  });

  it("a VM's definition on a host (virtnet-vm:): its NICs' own findings, no cross-file one", async () => {
    // A NIC on a network no workspace file defines (a workspace VM file gets unknown-source-network for it) and a multicast MAC.
    const vm = `<domain type='kvm'>\n  <name>web</name>\n  <memory>65536</memory>\n  <os><type>hvm</type></os>\n  <devices>\n    <interface type='network'>\n      <source network='only-on-the-host'/>\n      <mac address='01:54:00:aa:bb:cc'/>\n    </interface>\n  </devices>\n</domain>\n`;
    const ds = (await client.open('virtnet-vm:/kvm1/web.xml?live', vm)).diagnostics;
    assert.ok(ds.some((d) => d.code === 'libvirt/nic-mac-multicast'), JSON.stringify(ds));
    assert.deepEqual(crossCodes(ds), [], JSON.stringify(ds));
  });
});
