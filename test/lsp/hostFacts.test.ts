/**
 * The `virtnet/hostFacts` notification against the real built server over
 * stdio: host facts join the workspace's cross-file checks, the affected
 * files are re-published (the deployed copy of a host's network stays
 * clean), a later refresh replaces them, `facts: null` forgets the host,
 * and invalid facts are refused in the log without harm.
 */
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { Diagnostic } from 'vscode-languageserver-types';
import { fileUri, TestClient } from './lspClient';

const UUID = '9a05da11-e96b-47f3-8253-a3a482e445f5';
const DEFAULT = `<network>\n  <name>default</name>\n  <uuid>${UUID}</uuid>\n  <forward mode='nat'/>\n  <bridge name='virbr0'/>\n  <ip address='192.168.122.1' prefix='24'/>\n</network>\n`;
const LAB = `<network>\n  <name>lab</name>\n  <uuid>${UUID}</uuid>\n  <bridge name='virbr20'/>\n  <ip address='10.9.0.1' prefix='24'/>\n</network>\n`;
const VM = `<domain type='qemu'>\n  <name>db1</name>\n  <memory>131072</memory>\n  <os><type arch='x86_64'>hvm</type></os>\n  <devices>\n    <interface type='bridge'>\n      <mac address='52:54:00:12:34:56'/>\n      <source bridge='br0'/>\n    </interface>\n  </devices>\n</domain>\n`;

function hostFacts(readAt: string, vms: unknown[], bridges: string[] | null) {
  return {
    host: 'kvm1',
    readAt,
    facts: {
      networks: [{ name: 'default', uuid: UUID, bridge: 'virbr0', forwardMode: 'nat', active: true, subnets: ['192.168.122.0/24'] }],
      vms,
      bridges,
    },
  };
}

const codes = (ds: Diagnostic[]) => ds.map((d) => String(d.code)).sort();

describe('virtnet/hostFacts over stdio', () => {
  let dir: string;
  let client: TestClient;
  let uriDefault: string, uriLab: string, uriVm: string;

  before(async () => {
    dir = mkdtempSync(join(tmpdir(), 'virtnet-lsp-hostfacts-'));
    writeFileSync(join(dir, 'default.xml'), DEFAULT);
    writeFileSync(join(dir, 'lab.xml'), LAB);
    writeFileSync(join(dir, 'vm.xml'), VM);
    [uriDefault, uriLab, uriVm] = ['default.xml', 'lab.xml', 'vm.xml'].map((f) => fileUri(join(dir, f)));
    client = await TestClient.start({ folders: [dir] });
    await client.whenIndexed();
  });

  after(async () => {
    await client?.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  it('before any host facts: the workspace alone (lab and default share a UUID; no file defines br0)', () => {
    assert.deepEqual(codes(client.diagnostics(uriLab)), ['libvirt/duplicate-network-uuid']);
    assert.deepEqual(codes(client.diagnostics(uriVm)), ['libvirt/missing-bridge']);
  });

  it('host facts are checked with the files; affected files are re-published with host-named related information', async () => {
    const lab = client.nextDiagnostics(uriLab);
    const vm = client.nextDiagnostics(uriVm);
    void client.conn.sendNotification('virtnet/hostFacts', hostFacts('2026-12-04T19:05:00Z', [{ name: 'web1', nics: [{ mac: '52:54:00:12:34:56', network: 'default' }] }], ['virbr0']));
    const labDs = (await lab).diagnostics;
    // One from the other file, one from the host.
    assert.deepEqual(codes(labDs), ['libvirt/duplicate-network-uuid', 'libvirt/duplicate-network-uuid']);
    const onHost = labDs.find((d) => String(d.message).includes("on host 'kvm1'"));
    assert.ok(onHost, JSON.stringify(labDs));
    assert.match(String(onHost.message), /read 2026-12-04 19:05 UTC/);
    assert.equal(onHost.relatedInformation?.[0].location.uri, 'virtnet-host://kvm1/network/default');
    const vmDs = (await vm).diagnostics;
    assert.deepEqual(codes(vmDs), ['libvirt/duplicate-mac', 'libvirt/host-missing-bridge']);
    assert.match(String(vmDs.find((d) => d.code === 'libvirt/duplicate-mac')!.message), /VM 'web1' on host 'kvm1'/);
    // The deployed copy of the host's 'default' is not a clash with the host.
    assert.ok(!client.diagnostics(uriDefault).some((d) => String(d.message).includes('kvm1')), JSON.stringify(client.diagnostics(uriDefault)));
  });

  it('a later refresh replaces the host facts', async () => {
    const vm = client.nextDiagnostics(uriVm);
    void client.conn.sendNotification('virtnet/hostFacts', hostFacts('2026-12-04T20:00:00Z', [], ['virbr0', 'br0']));
    assert.deepEqual(codes((await vm).diagnostics), []);
  });

  it('facts: null forgets the host', async () => {
    const lab = client.nextDiagnostics(uriLab);
    const vm = client.nextDiagnostics(uriVm);
    void client.conn.sendNotification('virtnet/hostFacts', { host: 'kvm1', facts: null });
    assert.deepEqual(codes((await lab).diagnostics), ['libvirt/duplicate-network-uuid']);
    assert.deepEqual(codes((await vm).diagnostics), ['libvirt/missing-bridge']);
  });

  it('invalid facts are refused with a log message; the server carries on', async () => {
    const before = client.logs.length;
    void client.conn.sendNotification('virtnet/hostFacts', { host: 'kvm1', readAt: 'not a date', facts: { networks: [] } });
    void client.conn.sendNotification('virtnet/hostFacts', 42);
    await client.ping();
    const logged = client.logs.slice(before).join('\n');
    assert.match(logged, /virtnet\/hostFacts refused: host facts of kvm1: "readAt" must be a date/);
    assert.match(logged, /virtnet\/hostFacts refused: host facts must be a JSON object/);
    assert.deepEqual(codes(client.diagnostics(uriLab)), ['libvirt/duplicate-network-uuid']);
  });
});
