/**
 * Authoring features for /etc/network/interfaces at the service boundary:
 * completion (keywords, families, methods, options, values, interface
 * names of the folder, templates), hover, outline, folding, and the quick
 * fix for a bridge port with an address.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { test } from 'node:test';
import type { CompletionItem, DocumentSymbol } from 'vscode-languageserver-types';
import { INTERFACES_TEMPLATES } from '../../server/src/features/ifupdown';
import { staticSnippets } from '../../server/src/features/netplan/templates';
import { cursor, serviceWith } from '../harness/cursor';
import { acceptCompletion as accept, applyEdits, item, labels } from '../harness/edits';
import { observedService } from '../harness/observed';

const URI = 'file:///ws/etc/network/interfaces';
const DROPIN = 'file:///ws/etc/network/interfaces.d/br1';
const ROOT = resolve(__dirname, '..', '..');

function complete(marked: string, others: Record<string, string> = {}): { items: CompletionItem[]; text: string } {
  const c = cursor(marked);
  return { items: serviceWith(URI, c.text, others).complete(URI, c.position).items, text: c.text };
}

const BASE = 'auto lo\niface lo inet loopback\n\nauto enp3s0f0\niface enp3s0f0 inet manual\n\n';

test('stanza keywords at the start of a line', () => {
  const { items, text } = complete(`${BASE}al|\n`);
  for (const k of ['auto', 'iface', 'allow-hotplug', 'source', 'source-directory', 'mapping']) assert.ok(labels(items).includes(k), k);
  assert.equal(accept(text, item(items, 'iface')), `${BASE}iface name inet static\n    \n`);
  assert.ok(item(items, 'auto').documentation);
});

test('families after iface NAME, methods after the family (manual first for a bridge port)', () => {
  assert.deepEqual(labels(complete(`${BASE}iface br0 |\n`).items), ['inet', 'inet6', 'ipx', 'can', 'inherits']);
  const inet = complete(`${BASE}iface br0 inet |\n`).items;
  assert.deepEqual(labels(inet).sort(), ['bootp', 'dhcp', 'ipv4ll', 'loopback', 'manual', 'ppp', 'static', 'tunnel', 'wvdial']);
  assert.match(String(item(inet, 'static').detail), /address/);
  assert.deepEqual(labels(complete(`${BASE}iface br0 inet6 s|\n`).items).sort(), ['6to4', 'auto', 'dhcp', 'loopback', 'manual', 'static', 'v4tunnel']);
  const port = complete(`auto br0\niface br0 inet dhcp\n    bridge_ports eth1\n\niface eth1 inet |\n`).items;
  assert.equal(item(port, 'manual').preselect, true);
  assert.match(String(item(port, 'manual').detail), /port of br0/);
});

test('iface NAME offers names from auto lines and bridge ports that have no stanza yet', () => {
  const { items } = complete(`auto br0 eth2\niface br0 inet dhcp\n    bridge_ports eth1\n\niface |\n`);
  assert.deepEqual(labels(items).sort(), ['eth1', 'eth2']);
  assert.deepEqual(labels(complete(`iface br0 inet dhcp\niface eth0 inet manual\nauto br0 |\n`).items), ['eth0']);
});

test('option names inside a stanza (indented), required and usual ones first', () => {
  const { items, text } = complete(`${BASE}auto br0\niface br0 inet static\n    address 10.0.0.1/24\n    |\n`);
  const ls = labels(items);
  for (const o of ['netmask', 'gateway', 'bridge_ports', 'bridge_stp', 'bridge_fd', 'dns-nameservers', 'up', 'address']) assert.ok(ls.includes(o), o);
  assert.ok(item(items, 'gateway').sortText! < item(items, 'mtu').sortText!);
  assert.equal(accept(text, item(items, 'bridge_stp')), `${BASE}auto br0\niface br0 inet static\n    address 10.0.0.1/24\n    bridge_stp \n`);
  assert.match(String(item(items, 'bridge_stp').detail), /bridge-utils/);
  // Not indented: keywords, not options.
  assert.ok(!labels(complete(`${BASE}auto br0\niface br0 inet static\nbri|\n`).items).includes('bridge_stp'));
});

test('option values: bridge_stp on/off, bridge_ports the other interfaces of the folder', () => {
  assert.deepEqual(labels(complete(`iface br0 inet static\n    bridge_stp |\n`).items), ['off', 'on']);
  const others = { [DROPIN]: 'auto br1\niface br1 inet manual\n    bridge_ports eth7\niface eth7 inet manual\n' };
  const { items } = complete(`${BASE}auto eth3\nauto br0\niface br0 inet static\n    bridge_ports |\n`, others);
  assert.deepEqual(labels(items).sort(), ['enp3s0f0', 'eth3', 'eth7', 'none']);
  assert.match(String(item(items, 'eth7').detail), /already a port of br1/);
  assert.deepEqual(labels(complete(`${BASE}iface eth3 inet manual\niface br0 inet static\n    bridge_ports enp3s0f0 |\n`).items), ['eth3']);
});

test('an empty interfaces file offers the tutorial templates; the static snippets are the same templates', () => {
  const { items } = complete('|');
  const tl = INTERFACES_TEMPLATES.map((t) => t.label);
  assert.deepEqual(labels(items).slice(0, 3), tl);
  const file = JSON.parse(readFileSync(join(ROOT, 'snippets', 'interfaces.json'), 'utf8'));
  assert.deepEqual(file, staticSnippets(INTERFACES_TEMPLATES), 'snippets/interfaces.json is stale: regenerate it (see ifupdown/templates.ts)');
  const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8'));
  assert.ok(pkg.contributes.snippets.some((s: { path: string }) => s.path === './snippets/interfaces.json'));
});

for (const t of INTERFACES_TEMPLATES) {
  test(`template '${t.label}' with its defaults gives zero diagnostics`, () => {
    const { items, text } = complete('|');
    const doc = accept(text, item(items, t.label));
    assert.deepEqual(serviceWith(URI, doc).getDiagnostics(URI), [], doc);
  });
}

function hoverAt(marked: string, others: Record<string, string> = {}): string {
  const c = cursor(marked);
  const h = serviceWith(URI, c.text, others).hover(URI, c.position);
  return h ? (h.contents as { value: string }).value : '';
}

const TUTORIAL = `auto lo
iface lo inet loopback
# The primary network interface
auto enp3s0f0
#make sure we don't get addresses on our raw device
iface enp3s0f0 inet manual
#set up bridge and give it a static ip
auto br0
iface br0 inet static
        address 192.168.1.121
        netmask 255.255.255.0
        gateway 192.168.1.1
        bridge_ports enp3s0f0
        bridge_stp off
`;

test('hover: keywords, families, methods, options, interface names', () => {
  const at = (needle: string, shift = 1) => {
    const i = TUTORIAL.indexOf(needle) + shift;
    return hoverAt(TUTORIAL.slice(0, i) + '|' + TUTORIAL.slice(i));
  };
  assert.match(at('auto lo'), /at boot/);
  assert.match(at('iface lo'), /\*\*iface\*\*/);
  assert.match(at('inet static', 1), /IPv4/);
  assert.match(at('static\n'), /fixed IPv4 address/i);
  assert.match(at('static\n'), /Needs: `address`/);
  assert.match(at('bridge_stp'), /Spanning tree/i);
  assert.match(at('netmask'), /netmask/);
  const port = at('enp3s0f0\n        bridge_stp', 2);
  assert.match(port, /Port of bridge `br0`/);
  assert.match(port, /iface enp3s0f0 inet manual/);
  const br = at('br0 inet static');
  assert.match(br, /A bridge with ports `enp3s0f0`/);
  assert.match(br, /192\.168\.1\.121\/24/);
});

test('outline: one symbol per stanza, bridges with their ports; folding by stanza and comment runs', () => {
  const s = serviceWith(URI, TUTORIAL);
  const flat = (x: DocumentSymbol, d = 0): string[] => [`${'  '.repeat(d)}${x.name}${x.detail ? ` — ${x.detail}` : ''}`, ...(x.children ?? []).flatMap((c) => flat(c, d + 1))];
  assert.deepEqual(s.documentSymbols(URI).flatMap((x) => flat(x)), [
    'auto lo',
    'lo — inet loopback',
    'auto enp3s0f0',
    'enp3s0f0 — inet manual',
    'auto br0',
    'br0 — inet static · 192.168.1.121/24 · gateway 192.168.1.1 · ports enp3s0f0',
    '  enp3s0f0 — bridge port',
  ]);
  assert.deepEqual(s.foldingRanges(URI), [{ startLine: 8, endLine: 13 }]);
  const two = serviceWith(URI, '# a\n# b\niface eth0 inet dhcp\n    hostname x\n');
  assert.deepEqual(two.foldingRanges(URI), [{ startLine: 0, endLine: 1, kind: 'comment' }, { startLine: 2, endLine: 3 }]);
});

test('quick fix: a bridge port with an address becomes inet manual without address lines', () => {
  const text = `auto enp3s0f0
iface enp3s0f0 inet static
    address 192.168.1.50
    netmask 255.255.255.0
    gateway 192.168.1.1
    mtu 1500

auto br0
iface br0 inet static
    address 192.168.1.121/24
    bridge_ports enp3s0f0
`;
  const s = serviceWith(URI, text);
  const d = s.getDiagnostics(URI).find((x) => x.code === 'ifupdown/bridge-port-has-address');
  assert.ok(d, JSON.stringify(s.getDiagnostics(URI)));
  const actions = s.codeActions(URI, d!.range, [d!]);
  assert.equal(actions.length, 1);
  const fixed = applyEdits(text, actions[0].edit!.changes![URI]);
  assert.equal(fixed, `auto enp3s0f0
iface enp3s0f0 inet manual
    mtu 1500

auto br0
iface br0 inet static
    address 192.168.1.121/24
    bridge_ports enp3s0f0
`);
  assert.deepEqual(serviceWith(URI, fixed).getDiagnostics(URI), []);
  // A DHCP port: only the method changes.
  const dhcp = 'iface eth1 inet dhcp\niface br1 inet manual\n    bridge_ports eth1\n';
  const s2 = serviceWith(URI, dhcp);
  const d2 = s2.getDiagnostics(URI).find((x) => x.code === 'ifupdown/bridge-port-has-address')!;
  const fixed2 = applyEdits(dhcp, s2.codeActions(URI, d2.range, [d2])[0].edit!.changes![URI]);
  assert.equal(fixed2, 'iface eth1 inet manual\niface br1 inet manual\n    bridge_ports eth1\n');
});

test('a bridge port one letter from a declared interface gets a "did you mean" fix', () => {
  const text = 'auto enp3s0f0\niface enp3s0f0 inet manual\nauto br0\niface br0 inet static\n    address 192.168.1.121/24\n    bridge_ports enp3s0fo\n';
  const s = serviceWith(URI, text);
  const d = s.getDiagnostics(URI).find((x) => x.code === 'ifupdown/bridge-port-undeclared');
  assert.ok(d, JSON.stringify(s.getDiagnostics(URI)));
  const actions = s.codeActions(URI, d!.range, [d!]);
  assert.deepEqual(actions.map((a) => [a.title, a.isPreferred]), [["Change to 'enp3s0f0'", true]]);
  const fixed = applyEdits(text, actions[0].edit!.changes![URI]);
  assert.equal(fixed, text.replace('bridge_ports enp3s0fo', 'bridge_ports enp3s0f0'));
  assert.deepEqual(serviceWith(URI, fixed).getDiagnostics(URI), []);
});

test('completion and hover never throw on odd text (nothing is reported to the log)', () => {
  const { service, reported } = observedService();
  for (const t of ['|', 'iface|', 'iface \\\n|', '\tbridge_ports |', 'auto\n  |', '# |', 'iface a inet static\n  address |\\']) {
    const c = cursor(t);
    service.setFile(URI, c.text);
    service.complete(URI, c.position);
    service.hover(URI, c.position);
  }
  assert.deepEqual(reported, []);
});
