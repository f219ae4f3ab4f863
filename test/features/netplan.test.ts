/**
 * Authoring features for netplan YAML at the service boundary: completion
 * (schema keys and values in half-typed YAML, interface IDs of the folder,
 * templates), hover, outline, folding, quick fixes. Templates and the
 * gateway fix are also run through the real `netplan generate` when it is
 * installed.
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { chmodSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { test } from 'node:test';
import type { CodeAction, CompletionItem, DocumentSymbol } from 'vscode-languageserver-types';
import { staticSnippets } from '../../server/src/features/netplan/templates';
import { NETPLAN_TEMPLATES } from '../../server/src/features/netplan';
import { cursor, serviceWith } from '../harness/cursor';
import { acceptCompletion as accept, applyEdits, item, labels } from '../harness/edits';
import { observedService } from '../harness/observed';
import { LineIndex } from '../../server/src/parse/lineIndex';
import { TUTORIAL_NETPLAN } from '../harness/tutorial';

const URI = 'file:///ws/netplan/01-netcfg.yaml';
const OTHER = 'file:///ws/netplan/00-nics.yaml';
const ROOT = resolve(__dirname, '..', '..');

const netplan = ['/usr/sbin/netplan', '/usr/bin/netplan'].find((p) => {
  try {
    return statSync(p).isFile();
  } catch {
    return false;
  }
});

/** `netplan generate --root-dir` on one file: undefined when accepted, else its stderr. */
function netplanRejects(text: string): string | undefined {
  const dir = mkdtempSync(join(tmpdir(), 'virtnet-np-'));
  try {
    const etc = join(dir, 'etc', 'netplan');
    mkdirSync(etc, { recursive: true });
    const f = join(etc, 'x.yaml');
    writeFileSync(f, text);
    chmodSync(f, 0o600);
    const r = spawnSync(netplan!, ['generate', '--root-dir', dir], { encoding: 'utf8', env: { ...process.env, LC_ALL: 'C' } });
    return r.status === 0 ? undefined : r.stderr || `exit ${r.status}`;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

function complete(marked: string, others: Record<string, string> = {}, uri = URI): { items: CompletionItem[]; text: string } {
  const c = cursor(marked);
  const s = serviceWith(uri, c.text, others);
  return { items: s.complete(uri, c.position).items, text: c.text };
}

// ------------------------------------------------------------------ completion

test('keys of the mapping at the cursor, in a half-typed line, without those already written', () => {
  const { items, text } = complete('network:\n  ethernets:\n    eth0:\n      dhcp4: true\n      dhc|\n');
  assert.ok(labels(items).includes('dhcp6'));
  assert.ok(labels(items).includes('addresses'));
  assert.ok(!labels(items).includes('dhcp4'), 'dhcp4 is already set');
  assert.ok(!labels(items).includes('interfaces'), 'ethernets have no interfaces: key');
  assert.equal(accept(text, item(items, 'dhcp6')), 'network:\n  ethernets:\n    eth0:\n      dhcp4: true\n      dhcp6: true\n');
  assert.equal(accept(text, item(items, 'nameservers')), 'network:\n  ethernets:\n    eth0:\n      dhcp4: true\n      nameservers:\n        \n');
  assert.equal(accept(text, item(items, 'routes')), 'network:\n  ethernets:\n    eth0:\n      dhcp4: true\n      routes:\n        - \n');
  assert.equal(accept(text, item(items, 'addresses')), 'network:\n  ethernets:\n    eth0:\n      dhcp4: true\n      addresses: []\n');
  assert.ok(item(items, 'dhcp6').documentation, 'keys carry the schema description');
});

test('device types and version under network:, network at the top', () => {
  const { items, text } = complete('network:\n  version: 2\n  |\n');
  for (const t of ['ethernets', 'bridges', 'bonds', 'vlans', 'wifis', 'tunnels', 'renderer']) assert.ok(labels(items).includes(t), t);
  assert.ok(!labels(items).includes('version'));
  assert.match(String(item(items, 'bridges').detail), /bridge/);
  assert.equal(accept(text, item(items, 'bridges')), 'network:\n  version: 2\n  bridges:\n    \n');
  assert.deepEqual(labels(complete('netw|\n  ethernets: {}\n').items), ['network']);
  assert.equal(accept('network:\n  \n', item(complete('network:\n  |\n').items, 'version')), 'network:\n  version: 2\n');
});

test('values: booleans, enums', () => {
  assert.deepEqual(labels(complete('network:\n  ethernets:\n    eth0:\n      dhcp4: |\n').items), ['true', 'false']);
  assert.deepEqual(labels(complete('network:\n  ethernets:\n    eth0:\n      dhcp4: ye|\n').items), ['true', 'false']);
  assert.deepEqual(labels(complete('network:\n  renderer: |\n').items), ['networkd', 'NetworkManager']);
  assert.deepEqual(labels(complete('network:\n  bonds:\n    bond0:\n      parameters:\n        lacp-rate: |\n').items).sort(), ['fast', 'slow']);
  const { items, text } = complete('network:\n  bridges:\n    br0:\n      parameters:\n        stp: f|\n');
  assert.equal(accept(text, item(items, 'false')), 'network:\n  bridges:\n    br0:\n      parameters:\n        stp: false\n');
});

test('keys inside a list item (routes) and in nested mappings', () => {
  const inItem = labels(complete('network:\n  bridges:\n    br0:\n      routes:\n      - to: default\n        v|\n').items);
  assert.ok(inItem.includes('via') && inItem.includes('metric') && !inItem.includes('to'), inItem.join(','));
  const first = labels(complete('network:\n  bridges:\n    br0:\n      routes:\n        - |\n').items);
  assert.ok(first.includes('to') && first.includes('via'));
  const params = labels(complete('network:\n  bridges:\n    br0:\n      parameters:\n        s|\n').items);
  assert.ok(params.includes('stp') && params.includes('forward-delay') && !params.includes('dhcp4'));
  const ns = labels(complete('network:\n  ethernets:\n    eth0:\n      nameservers:\n        |\n').items);
  assert.deepEqual(ns.sort(), ['addresses', 'search']);
});

test('interfaces: of a bridge offers the IDs defined in the folder, not those already listed', () => {
  const others = { [OTHER]: 'network:\n  ethernets:\n    enp1s0:\n      dhcp4: false\n    enp2s0:\n      dhcp4: false\n', 'file:///elsewhere/netplan/x.yaml': 'network:\n  ethernets:\n    far0: {}\n' };
  const flow = complete('network:\n  ethernets:\n    eth9: {}\n  bridges:\n    br0:\n      interfaces: [enp1s0, |]\n', others);
  assert.deepEqual(labels(flow.items).sort(), ['enp2s0', 'eth9']);
  assert.match(String(item(flow.items, 'enp2s0').detail), /Ethernet.*00-nics\.yaml/);
  const block = complete('network:\n  bridges:\n    br0:\n      interfaces:\n        - enp2s0\n        - |\n', others);
  assert.deepEqual(labels(block.items), ['enp1s0']);
  // A member of another bridge sorts last and says so.
  const taken = complete('network:\n  bridges:\n    br0:\n      interfaces: [enp1s0]\n    br1:\n      interfaces: [|]\n', others);
  assert.deepEqual(labels(taken.items).sort(), ['enp1s0', 'enp2s0']);
  assert.ok(item(taken.items, 'enp1s0').sortText! > item(taken.items, 'enp2s0').sortText!);
  assert.match(JSON.stringify(item(taken.items, 'enp1s0').documentation), /br0/);
});

test('link: of a VLAN offers devices of the folder', () => {
  const { items } = complete('network:\n  vlans:\n    vlan10:\n      id: 10\n      link: |\n', { [OTHER]: 'network:\n  ethernets:\n    enp1s0: {}\n' });
  assert.deepEqual(labels(items), ['enp1s0']);
});

test('nothing in comments; completion and hover never throw on odd text (nothing is reported to the log)', () => {
  assert.deepEqual(complete('network:\n  # bri|\n').items, []);
  const { service, reported } = observedService();
  for (const t of ['network: [|', '|: :', 'network:\n\t|', '- |', 'network:\n  ethernets: {eth0: |}']) {
    const c = cursor(t);
    service.setFile(URI, c.text);
    service.complete(URI, c.position);
    service.hover(URI, c.position);
  }
  assert.deepEqual(reported, []);
});

// ------------------------------------------------------------------ templates

test('an empty netplan file offers the tutorial templates; the static snippets are the same templates', () => {
  const { items } = complete('|');
  assert.deepEqual(labels(items), [...NETPLAN_TEMPLATES.map((t) => t.label), 'network']);
  assert.equal(NETPLAN_TEMPLATES.length, 3);
  const file = JSON.parse(readFileSync(join(ROOT, 'snippets', 'netplan.json'), 'utf8'));
  assert.deepEqual(file, staticSnippets(), 'snippets/netplan.json is stale: regenerate it (see templates.ts)');
  const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8'));
  assert.ok(pkg.contributes.snippets.some((s: { language: string; path: string }) => s.language === 'yaml' && s.path === './snippets/netplan.json'));
});

for (const t of NETPLAN_TEMPLATES) {
  test(`template '${t.label}' with its defaults: zero diagnostics, and netplan generate accepts it`, () => {
    const { items, text } = complete('|');
    const doc = accept(text, item(items, t.label));
    const s = serviceWith(URI, doc);
    assert.deepEqual(s.getDiagnostics(URI), [], doc);
    if (netplan) assert.equal(netplanRejects(doc), undefined, doc);
  });
}

test('a YAML file recognised by its content (outside a netplan folder) gets the same completion', () => {
  const uri = 'file:///ws/host/01-bridge.yaml';
  const c = cursor('network:\n  version: 2\n  bridges:\n    br0:\n      stp|\n');
  const s = serviceWith(uri, c.text);
  assert.equal(s.kindOf(uri), 'netplan');
  assert.ok(labels(s.complete(uri, c.position).items).includes('parameters'));
});

// ------------------------------------------------------------------ hover

function hoverAt(marked: string, others: Record<string, string> = {}): string {
  const c = cursor(marked);
  const h = serviceWith(URI, c.text, others).hover(URI, c.position);
  return h ? (h.contents as { value: string }).value : '';
}

test('hover on a key: description and allowed values; on a boolean value: how netplan reads it', () => {
  const stp = hoverAt('network:\n  bridges:\n    br0:\n      parameters:\n        s|tp: yes\n');
  assert.match(stp, /\*\*stp\*\*/);
  assert.match(stp, /Spanning Tree/);
  assert.match(stp, /yes/);
  assert.match(hoverAt('network:\n  bridges:\n    br0:\n      parameters:\n        stp: y|es\n'), /reads as \*\*true\*\*/);
  assert.match(hoverAt('network:\n  ren|derer: networkd\n'), /networkd.*NetworkManager/);
  assert.match(hoverAt('network:\n  ethernets:\n    eth0:\n      ac|tivation-mode: manual\n'), /'manual' or 'off'/);
});

test('hover on a device ID: its type and where it is used; on a member reference the same', () => {
  const text = 'network:\n  ethernets:\n    enp|1s0:\n      dhcp4: false\n  bridges:\n    br0:\n      interfaces: [enp1s0]\n      addresses: [10.0.0.2/24]\n';
  const h = hoverAt(text);
  assert.match(h, /Ethernet device/);
  assert.match(h, /Used by: bridge `br0` \(member\)/);
  const br = hoverAt('network:\n  ethernets:\n    enp1s0: {}\n  bridges:\n    b|r0:\n      interfaces: [enp1s0]\n      addresses: [10.0.0.2/24]\n');
  assert.match(br, /bridge/);
  assert.match(br, /Members: `enp1s0`/);
  assert.match(br, /10\.0\.0\.2\/24/);
  const ref = hoverAt('network:\n  bridges:\n    br0:\n      interfaces: [enp|1s0]\n', { [OTHER]: 'network:\n  ethernets:\n    enp1s0: {}\n' });
  assert.match(ref, /Ethernet device/);
  assert.match(ref, /00-nics\.yaml/);
  assert.match(hoverAt('network:\n  bridges:\n    br0:\n      interfaces: [nope|0]\n'), /defined in no netplan file/);
});

// ------------------------------------------------------------------ outline, folding

const TUTORIAL = `network:
  ethernets:
    enp3s0f0:
      dhcp4: false
  bridges:
    br0:
      interfaces: [ enp3s0f0 ]
      addresses: [192.168.1.121/24]
      routes:
      - to: default
        via: 192.168.1.1
      parameters:
        stp: true
  version: 2
`;

test('outline: network → device types → definitions (addresses, ports) → routes', () => {
  const syms = serviceWith(URI, TUTORIAL).documentSymbols(URI);
  const flat = (s: DocumentSymbol, d = 0): string[] => [`${'  '.repeat(d)}${s.name}${s.detail ? ` — ${s.detail}` : ''}`, ...(s.children ?? []).flatMap((c) => flat(c, d + 1))];
  assert.deepEqual(syms.flatMap((s) => flat(s)), [
    'network',
    '  ethernets — 1 Ethernet device',
    '    enp3s0f0 — Ethernet device',
    '  bridges — 1 bridge',
    '    br0 — 192.168.1.121/24 · ports enp3s0f0',
    '      routes — 1 route',
    '        default via 192.168.1.1 — route 1',
    '  version — 2',
  ]);
  const li = new LineIndex(TUTORIAL);
  const check = (s: DocumentSymbol) => {
    assert.ok(li.offsetAt(s.selectionRange.start) >= li.offsetAt(s.range.start) && li.offsetAt(s.selectionRange.end) <= li.offsetAt(s.range.end), s.name);
    s.children?.forEach(check);
  };
  syms.forEach(check);
});

test('folding by indentation blocks, a key\'s list at its own column included', () => {
  const r = serviceWith(URI, TUTORIAL).foldingRanges(URI);
  assert.deepEqual(r, [
    { startLine: 0, endLine: 13 },
    { startLine: 1, endLine: 3 },
    { startLine: 2, endLine: 3 },
    { startLine: 4, endLine: 12 },
    { startLine: 5, endLine: 12 },
    { startLine: 8, endLine: 10 },
    { startLine: 9, endLine: 10 },
    { startLine: 11, endLine: 12 },
  ]);
});

// ------------------------------------------------------------------ quick fixes

function fixes(text: string, code: string): { actions: CodeAction[]; results: string[] } {
  const s = serviceWith(URI, text);
  const ds = s.getDiagnostics(URI).filter((d) => d.code === code);
  assert.ok(ds.length, `no ${code} in:\n${text}\n${JSON.stringify(s.getDiagnostics(URI))}`);
  const actions = s.codeActions(URI, ds[0].range, [ds[0]]);
  return { actions, results: actions.map((a) => applyEdits(text, a.edit!.changes![URI])) };
}

const GW = `network:
  version: 2
  ethernets:
    eth0:
      addresses: [192.168.1.10/24]
      gateway4: 192.168.1.1
      dhcp6: false
`;

test('gateway4 becomes a default route (no routes yet): no warning left, netplan accepts it', () => {
  const { actions, results } = fixes(GW, 'netplan/gateway-deprecated');
  assert.equal(actions.length, 1);
  assert.equal(results[0], 'network:\n  version: 2\n  ethernets:\n    eth0:\n      addresses: [192.168.1.10/24]\n      routes:\n        - to: default\n          via: 192.168.1.1\n      dhcp6: false\n');
  assert.deepEqual(serviceWith(URI, results[0]).getDiagnostics(URI), []);
  if (netplan) assert.equal(netplanRejects(results[0]), undefined);
});

test('gateway6 merges into an existing routes list, keeping its indentation', () => {
  const text = `network:
  version: 2
  ethernets:
    eth0:
      addresses: [192.168.1.10/24, "2001:db8::10/64"]
      gateway6: "2001:db8::1"
      routes:
      - to: 10.9.0.0/16
        via: 192.168.1.254
`;
  const { results } = fixes(text, 'netplan/gateway-deprecated');
  assert.equal(results[0], `network:
  version: 2
  ethernets:
    eth0:
      addresses: [192.168.1.10/24, "2001:db8::10/64"]
      routes:
      - to: 10.9.0.0/16
        via: 192.168.1.254
      - to: default
        via: "2001:db8::1"
`);
  assert.deepEqual(serviceWith(URI, results[0]).getDiagnostics(URI), []);
  if (netplan) assert.equal(netplanRejects(results[0]), undefined);
});

test('the gateway fix keeps CRLF line endings', () => {
  const text = 'network:\r\n  version: 2\r\n  ethernets:\r\n    eth0:\r\n      addresses: [10.0.0.5/24]\r\n      gateway4: 10.0.0.1\r\n      routes:\r\n        - to: 10.9.0.0/16\r\n          via: 10.0.0.254\r\n';
  const { results } = fixes(text, 'netplan/gateway-deprecated');
  assert.equal(results[0], 'network:\r\n  version: 2\r\n  ethernets:\r\n    eth0:\r\n      addresses: [10.0.0.5/24]\r\n      routes:\r\n        - to: 10.9.0.0/16\r\n          via: 10.0.0.254\r\n        - to: default\r\n          via: 10.0.0.1\r\n');
  assert.deepEqual(serviceWith(URI, results[0]).getDiagnostics(URI), []);
});

test('gateway4 merges into a flow routes list', () => {
  const text = 'network:\n  version: 2\n  ethernets:\n    eth0:\n      addresses: [10.0.0.5/24]\n      routes: [{to: 10.9.0.0/16, via: 10.0.0.254}]\n      gateway4: 10.0.0.1\n';
  const { results } = fixes(text, 'netplan/gateway-deprecated');
  assert.equal(results[0], 'network:\n  version: 2\n  ethernets:\n    eth0:\n      addresses: [10.0.0.5/24]\n      routes: [{to: default, via: 10.0.0.1}, {to: 10.9.0.0/16, via: 10.0.0.254}]\n');
  assert.deepEqual(serviceWith(URI, results[0]).getDiagnostics(URI), []);
  if (netplan) assert.equal(netplanRejects(results[0]), undefined);
});

/** The tutorial's two-bridge netplan file, with br1's port one character off its definition. */
const TUTORIAL_TYPO = TUTORIAL_NETPLAN.replace('[ enx00e04c534458 ]', '[ enx00e04c534459 ]');

test('an undefined interface one character from a defined one gets a "did you mean" fix (tutorial bridge port)', () => {
  const { actions, results } = fixes(TUTORIAL_TYPO, 'netplan/undefined-interface');
  assert.equal(actions.length, 1);
  assert.equal(actions[0].title, "Change to 'enx00e04c534458'");
  assert.equal(actions[0].isPreferred, true);
  assert.equal(results[0], TUTORIAL_NETPLAN);
  assert.deepEqual(serviceWith(URI, results[0]).getDiagnostics(URI), []);
  if (netplan) {
    assert.match(netplanRejects(TUTORIAL_TYPO) ?? '', /enx00e04c534459/);
    assert.equal(netplanRejects(results[0]), undefined);
  }
});

test('"did you mean" for a VLAN link and a bond member, keeping quotes; none for members already listed or far names', () => {
  const text = `network:
  version: 2
  ethernets:
    eno1: {}
    eno2: {}
  vlans:
    vlan10:
      id: 10
      link: "eno1x"
  bonds:
    bond0:
      interfaces: [eno1, eno2, enox]
  bridges:
    br0:
      interfaces: [bond1]
`;
  const s = serviceWith(URI, text);
  const ds = s.getDiagnostics(URI).filter((d) => d.code === 'netplan/undefined-interface');
  const byValue = new Map(ds.map((d) => [textIn(text, d.range), d]));
  assert.deepEqual([...byValue.keys()].sort(), ['"eno1x"', 'bond1', 'enox']);
  const link = s.codeActions(URI, byValue.get('"eno1x"')!.range, [byValue.get('"eno1x"')!]);
  assert.deepEqual(link.map((a) => a.title), ["Change to 'eno1'"]);
  assert.ok(applyEdits(text, link[0].edit!.changes![URI]).includes('link: "eno1"'));
  // enox is one edit from eno1 and eno2, both already members of bond0: no suggestion. bond1 (a bridge member) is one edit from bond0.
  assert.deepEqual(s.codeActions(URI, byValue.get('enox')!.range, [byValue.get('enox')!]), []);
  const bond = s.codeActions(URI, byValue.get('bond1')!.range, [byValue.get('bond1')!]);
  assert.deepEqual(bond.map((a) => a.title), ["Change to 'bond0'"]);
  const far = serviceWith(URI, text.replace('[bond1]', '[wlp2s0]'));
  const d = far.getDiagnostics(URI).find((x) => x.code === 'netplan/undefined-interface' && String(x.message).includes('wlp2s0'))!;
  assert.doesNotMatch(String(d.message), /Did you mean/);
  assert.deepEqual(far.codeActions(URI, d.range, [d]), []);
});

function textIn(text: string, r: { start: { line: number; character: number }; end: { line: number; character: number } }): string {
  const li = new LineIndex(text);
  return text.slice(li.offsetAt(r.start), li.offsetAt(r.end));
}

test('an unknown key with a close spelling is renamed', () => {
  const text = 'network:\n  version: 2\n  ethernets:\n    eth0:\n      dhcp5: true\n';
  const { actions, results } = fixes(text, 'netplan/unknown-key');
  assert.equal(actions[0].title, "Change to 'dhcp4'");
  assert.equal(results[0], 'network:\n  version: 2\n  ethernets:\n    eth0:\n      dhcp4: true\n');
  assert.deepEqual(serviceWith(URI, results[0]).getDiagnostics(URI), []);
});
