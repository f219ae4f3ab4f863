/**
 * Protocol tests for netplan YAML and Debian interfaces files: the real
 * built server over stdio. What the netplan/interfaces checks report is
 * tested at the service boundary (fixtures); here: that the adapter scans,
 * watches, opens and re-publishes these files, leaves other YAML alone, and
 * keeps the cross-format missing-bridge check within one workspace folder.
 */
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { Diagnostic } from 'vscode-languageserver-types';
import { fileUri, TestClient } from './lspClient';

/** netplan refuses `dhcp4: maybe` at 5:14 (1-based), the value: LSP line 4, characters 13..18. */
const NETPLAN_BAD = 'network:\n  version: 2\n  ethernets:\n    eno1:\n      dhcp4: maybe\n';
const NETPLAN_BAD_RANGE = { start: { line: 4, character: 13 }, end: { line: 4, character: 18 } };
const NETPLAN_OK = 'network:\n  version: 2\n  ethernets:\n    eno1:\n      dhcp4: yes\n';
/** Defines bridge br0 over eno1. */
const NETPLAN_BR0 = 'network:\n  version: 2\n  ethernets:\n    eno1: {}\n  bridges:\n    br0:\n      interfaces: [eno1]\n      dhcp4: true\n';
/** An interfaces file with a malformed address on line 6 (LSP line 5, characters 12..23). */
const INTERFACES_BAD = 'auto lo\niface lo inet loopback\n\nauto br1\niface br1 inet static\n    address 10.10.0.300\n    netmask 255.255.255.0\n    bridge_ports eno1\n';
const INTERFACES_RANGE = { start: { line: 5, character: 12 }, end: { line: 5, character: 23 } };
const COMPOSE = 'services:\n  web:\n    image: nginx\n    ports: ["80:80"]\n    network_mode: bridge\nnetworks:\n  front: {}\n';
const bridged = (name: string, bridge: string) => `<network>\n  <name>${name}</name>\n  <forward mode='bridge'/>\n  <bridge name='${bridge}'/>\n</network>\n`;
/** The bridge name in `bridged(…, 'br0')`: LSP line 3, characters 16..19. */
const BRIDGE_RANGE = { start: { line: 3, character: 16 }, end: { line: 3, character: 19 } };

const codes = (ds: Diagnostic[]) => ds.map((d) => String(d.code));
const missing = (ds: Diagnostic[]) => ds.filter((d) => d.code === 'libvirt/missing-bridge');

function write(path: string, text: string): void {
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, text);
}

describe('netplan and interfaces files over stdio', () => {
  let dir: string;
  let client: TestClient;
  let uriIfaces: string, uriBridged: string, uriCompose: string;

  before(async () => {
    dir = mkdtempSync(join(tmpdir(), 'virtnet-lsp-host-'));
    write(join(dir, 'etc/network/interfaces'), INTERFACES_BAD);
    write(join(dir, 'libvirt/bridged.xml'), bridged('host-bridge', 'br0'));
    write(join(dir, 'docker-compose.yml'), COMPOSE);
    write(join(dir, 'k8s/pod.yaml'), 'apiVersion: v1\nkind: Pod\nspec:\n  hostNetwork: true\n');
    uriIfaces = fileUri(join(dir, 'etc/network/interfaces'));
    uriBridged = fileUri(join(dir, 'libvirt/bridged.xml'));
    uriCompose = fileUri(join(dir, 'docker-compose.yml'));
    client = await TestClient.start({ folders: [dir] });
  });

  after(async () => {
    await client?.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  it('scans interfaces files at start and reports their problems; other YAML is read but not indexed', async () => {
    const indexed = await client.whenIndexed();
    assert.equal(indexed.interfacesFiles, 1);
    assert.equal(indexed.yamlFiles, 2);
    assert.equal(indexed.netplanFiles, 0, 'docker-compose and Kubernetes files are not netplan');
    assert.equal(indexed.libvirtFiles, 1);
    const d = client.diagnostics(uriIfaces);
    assert.deepEqual(
      d.map((x) => ({ range: x.range, code: x.code, severity: x.severity })),
      [{ range: INTERFACES_RANGE, code: 'ifupdown/invalid-address', severity: 1 }],
    );
    assert.match(String(d[0].message), /10\.10\.0\.300/);
    assert.equal(client.latest.has(uriCompose), false, 'nothing published for docker-compose.yml');
    // The bridged network's bridge is defined nowhere (br1 only, in the interfaces file).
    const w = missing(client.diagnostics(uriBridged));
    assert.equal(w.length, 1);
    assert.deepEqual(w[0].range, BRIDGE_RANGE);
    assert.equal(w[0].severity, 2);
    assert.match(String(w[0].message), /'br0'.*bridges defined: br1/);
  });

  it('watches YAML and interfaces files', () => {
    const reg = client.registrations.find((r) => r.method === 'workspace/didChangeWatchedFiles');
    const globs = JSON.stringify(reg?.registerOptions);
    for (const g of ['**/*.xml', '**/*.yaml', '**/*.yml', '**/interfaces', '**/interfaces.d/*', '**/*.interfaces']) assert.ok(globs.includes(g), g);
  });

  it('publishes exact netplan diagnostics on didOpen and follows didChange', async () => {
    const uri = fileUri(join(dir, 'etc/netplan/50-cloud-init.yaml'));
    const opened = await client.open(uri, NETPLAN_BAD, 'yaml');
    assert.equal(opened.version, 1);
    assert.deepEqual(
      opened.diagnostics.map((d) => ({ range: d.range, code: d.code, severity: d.severity, source: d.source })),
      [{ range: NETPLAN_BAD_RANGE, code: 'netplan/invalid-value', severity: 1, source: 'virtnet' }],
    );
    assert.match(String(opened.diagnostics[0].message), /maybe/);
    const fixed = await client.change(uri, NETPLAN_OK);
    assert.equal(fixed.version, 2);
    assert.deepEqual(fixed.diagnostics, []);
    // An unknown key: reported on the key.
    const again = await client.change(uri, NETPLAN_OK.replace('dhcp4: yes', 'dhcp-4: yes'));
    assert.deepEqual(
      again.diagnostics.map((d) => [d.range, d.code]),
      [[{ start: { line: 4, character: 6 }, end: { line: 4, character: 12 } }, 'netplan/unknown-key']],
    );
    client.close(uri);
    const gone = client.nextDiagnostics(uri);
    await client.ping();
    // Closed and not on disk: its diagnostics are cleared.
    assert.deepEqual((await gone).diagnostics, []);
  });

  it('recognises netplan by content outside a netplan folder (untitled YAML too)', async () => {
    const p = await client.open('untitled:Untitled-9', NETPLAN_BAD, 'yaml');
    assert.deepEqual(codes(p.diagnostics), ['netplan/invalid-value']);
    client.close('untitled:Untitled-9');
  });

  it('gives YAML that is not netplan no diagnostics, completion or hover (the YAML extension owns it)', async () => {
    const uri = fileUri(join(dir, 'compose', 'docker-compose.yml'));
    const p = await client.open(uri, COMPOSE, 'yaml');
    assert.deepEqual(p.diagnostics, []);
    // A compose file with a `network:` key of its own is still not netplan.
    const q = await client.change(uri, COMPOSE + 'x-extra:\n  network:\n    version: 2\n');
    assert.deepEqual(q.diagnostics, []);
    const completion = await client.conn.sendRequest('textDocument/completion', { textDocument: { uri }, position: { line: 1, character: 2 } });
    assert.equal(completion, null);
    const hover = await client.conn.sendRequest('textDocument/hover', { textDocument: { uri }, position: { line: 0, character: 2 } });
    assert.equal(hover, null);
    client.close(uri);
  });

  it("a bridged network's missing bridge goes when a netplan file defining it is created, and comes back when it is deleted", async () => {
    const path = join(dir, 'etc/netplan/01-bridge.yaml');
    const uri = fileUri(path);
    write(path, NETPLAN_BR0);
    let next = client.nextDiagnostics(uriBridged);
    client.watched([{ uri, type: 1 }]);
    assert.deepEqual(missing((await next).diagnostics), [], 'br0 is defined now');

    rmSync(path);
    next = client.nextDiagnostics(uriBridged);
    const cleared = client.nextDiagnostics(uri);
    client.watched([{ uri, type: 3 }]);
    assert.deepEqual(missing((await next).diagnostics).map((d) => d.range), [BRIDGE_RANGE]);
    assert.deepEqual((await cleared).diagnostics, []);
  });

  it('re-publishes the whole netplan folder when one of its files is created or deleted', async () => {
    // 02 uses eno7 as a bridge member; 01 defines it.
    const p1 = join(dir, 'etc/netplan/01-eth.yaml');
    const p2 = join(dir, 'etc/netplan/02-br.yaml');
    const u1 = fileUri(p1);
    const u2 = fileUri(p2);
    write(p2, 'network:\n  version: 2\n  bridges:\n    br0:\n      interfaces: [eno7]\n');
    let next2 = client.nextDiagnostics(u2);
    let bridgedNext = client.nextDiagnostics(uriBridged);
    client.watched([{ uri: u2, type: 1 }]);
    assert.deepEqual(missing((await bridgedNext).diagnostics), [], 'br0 is defined by 02-br.yaml');
    const undefinedMember = (await next2).diagnostics;
    assert.equal(undefinedMember.length, 1, JSON.stringify(undefinedMember));
    assert.deepEqual(undefinedMember[0].range, { start: { line: 4, character: 19 }, end: { line: 4, character: 23 } });
    assert.equal(undefinedMember[0].severity, 1);

    write(p1, 'network:\n  version: 2\n  ethernets:\n    eno7: {}\n');
    next2 = client.nextDiagnostics(u2);
    client.watched([{ uri: u1, type: 1 }]);
    assert.deepEqual((await next2).diagnostics, [], 'eno7 is defined in 01-eth.yaml');

    rmSync(p1);
    next2 = client.nextDiagnostics(u2);
    client.watched([{ uri: u1, type: 3 }]);
    assert.equal((await next2).diagnostics.length, 1, 'eno7 is undefined again');

    rmSync(p2);
    const cleared = client.nextDiagnostics(u2);
    bridgedNext = client.nextDiagnostics(uriBridged);
    client.watched([{ uri: u2, type: 3 }]);
    assert.deepEqual((await cleared).diagnostics, []);
    assert.equal(missing((await bridgedNext).diagnostics).length, 1, 'br0 is gone with 02-br.yaml');
  });

  it('follows an interfaces.d file created on disk: its bridge satisfies the libvirt network', async () => {
    const path = join(dir, 'etc/network/interfaces.d/br0');
    const uri = fileUri(path);
    write(path, 'auto br0\niface br0 inet manual\n    bridge_ports none\n');
    const next = client.nextDiagnostics(uriBridged);
    client.watched([{ uri, type: 1 }]);
    assert.deepEqual(missing((await next).diagnostics), []);
    rmSync(path);
    const back = client.nextDiagnostics(uriBridged);
    client.watched([{ uri, type: 3 }]);
    assert.equal(missing((await back).diagnostics).length, 1);
  });

  it('ignores files created where the workspace scan does not look (node_modules, dot-folders), as files/walk.ts says', async () => {
    const ignored = ['node_modules/pkg/etc/netplan/01.yaml', '.cache/etc/netplan/01.yaml'].map((rel) => join(dir, rel));
    for (const p of ignored) write(p, NETPLAN_BR0);
    const real = join(dir, 'etc/netplan/09-br0.yaml');
    write(real, NETPLAN_BR0);
    // Watcher events are handled in order: the ignored files first, then one the scan would find.
    const defined = client.nextDiagnostics(uriBridged);
    client.watched([...ignored.map((p) => ({ uri: fileUri(p), type: 1 as const })), { uri: fileUri(real), type: 1 }]);
    assert.deepEqual(missing((await defined).diagnostics), []);
    // With the real file gone, br0 is missing again: the copies under node_modules/ and .cache/ do not count.
    rmSync(real);
    const back = client.nextDiagnostics(uriBridged);
    client.watched([{ uri: fileUri(real), type: 3 }]);
    assert.equal(missing((await back).diagnostics).length, 1);
    for (const p of ignored) rmSync(p);
  });

  it('opens an interfaces file as plain text and checks it', async () => {
    const uri = fileUri(join(dir, 'other', 'host.interfaces'));
    const p = await client.open(uri, INTERFACES_BAD, 'plaintext');
    assert.deepEqual(p.diagnostics.map((d) => [d.range, d.code]), [[INTERFACES_RANGE, 'ifupdown/invalid-address']]);
    client.close(uri);
  });
});

describe('cross-format checks stay within one workspace folder', () => {
  let a: string, b: string;
  let client: TestClient;

  before(async () => {
    const root = mkdtempSync(join(tmpdir(), 'virtnet-lsp-folders-'));
    a = join(root, 'hostA');
    b = join(root, 'hostB');
    write(join(a, 'etc/netplan/01.yaml'), NETPLAN_BR0);
    write(join(a, 'vm/net.xml'), bridged('lan-a', 'br0'));
    write(join(b, 'vm/net.xml'), bridged('lan-b', 'br0'));
    client = await TestClient.start({ folders: [a, b] });
    await client.whenIndexed();
  });

  after(async () => {
    await client?.stop();
    rmSync(dirname(a), { recursive: true, force: true });
  });

  it("a bridge defined in one folder's netplan does not satisfy a network of another folder", () => {
    assert.deepEqual(missing(client.diagnostics(fileUri(join(a, 'vm/net.xml')))), []);
    const w = missing(client.diagnostics(fileUri(join(b, 'vm/net.xml'))));
    assert.deepEqual(w.map((d) => d.range), [BRIDGE_RANGE]);
  });

  it('adding the folder that defines the bridge as the same workspace folder satisfies it', async () => {
    // Remove both and add their parent: one folder now holds the netplan file and both networks.
    const uriB = fileUri(join(b, 'vm/net.xml'));
    client.indexed = undefined;
    void client.conn.sendNotification('workspace/didChangeWorkspaceFolders', {
      event: { added: [{ uri: fileUri(dirname(a)), name: 'both' }], removed: [{ uri: fileUri(a), name: 'f0' }, { uri: fileUri(b), name: 'f1' }] },
    });
    // The removed folders' files are forgotten, the parent is scanned: `virtnet/indexed` comes once it is published.
    const indexed = await client.whenIndexed();
    assert.equal(indexed.netplanFiles, 1);
    assert.equal(indexed.libvirtFiles, 2);
    const p = client.latest.get(uriB)!;
    assert.deepEqual(missing(p.diagnostics), []);
  });
});
