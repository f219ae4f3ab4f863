/**
 * Document symbols (outline) at the service boundary.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { SymbolKind, type DocumentSymbol, type Range } from 'vscode-languageserver-types';
import { serviceWith } from '../harness/cursor';
import { MAX_LISTED_HOSTS } from '../../server/src/features/outline';

function textAt(text: string, r: Range): string {
  const lines = text.split('\n');
  if (r.start.line === r.end.line) return lines[r.start.line].slice(r.start.character, r.end.character);
  return [lines[r.start.line].slice(r.start.character), ...lines.slice(r.start.line + 1, r.end.line), lines[r.end.line].slice(0, r.end.character)].join('\n');
}

function contains(outer: Range, inner: Range): boolean {
  const le = (a: { line: number; character: number }, b: { line: number; character: number }) => a.line < b.line || (a.line === b.line && a.character <= b.character);
  return le(outer.start, inner.start) && le(inner.end, outer.end);
}

function checkNesting(symbols: DocumentSymbol[], parent?: DocumentSymbol): void {
  for (const s of symbols) {
    assert.ok(contains(s.range, s.selectionRange), `selection of ${s.name} outside its range`);
    if (parent) assert.ok(contains(parent.range, s.range), `${s.name} outside ${parent.name}`);
    checkNesting(s.children ?? [], s);
  }
}

const NET = `<network>
  <name>lab</name>
  <forward mode='nat'/>
  <bridge name='virbr7' stp='on'/>
  <domain name='lab.example'/>
  <dns>
    <host ip='192.168.7.10'><hostname>web</hostname></host>
  </dns>
  <portgroup name='eng' default='yes'/>
  <ip address='192.168.7.1' netmask='255.255.255.0'>
    <dhcp>
      <range start='192.168.7.100' end='192.168.7.254'/>
      <host mac='52:54:00:00:00:01' name='vm1' ip='192.168.7.11'/>
    </dhcp>
  </ip>
  <ip family='ipv6' address='fd00:7::1' prefix='64'/>
  <route address='10.7.0.0' prefix='16' gateway='192.168.7.2'/>
</network>`;

test('network outline: name, forward mode, bridge, each ip as its subnet with DHCP range and hosts, dns, routes, portgroups', () => {
  const s = serviceWith('file:///ws/lab.xml', NET);
  const syms = s.documentSymbols('file:///ws/lab.xml');
  assert.equal(syms.length, 1);
  const root = syms[0];
  assert.equal(root.name, 'lab');
  assert.equal(root.kind, SymbolKind.Module);
  assert.equal(root.detail, 'forward nat · virbr7');
  assert.equal(textAt(NET, root.selectionRange), 'lab');
  assert.equal(textAt(NET, root.range), NET);
  const names = root.children!.map((c) => c.name);
  assert.deepEqual(names, ['forward nat', 'bridge virbr7', 'domain lab.example', 'dns', 'portgroup eng', '192.168.7.0/24', 'fd00:7::/64', 'route 10.7.0.0/16']);
  const ip = root.children!.find((c) => c.name === '192.168.7.0/24')!;
  assert.equal(ip.detail, 'IPv4 · gateway 192.168.7.1 · DHCP 192.168.7.100 – 192.168.7.254');
  assert.equal(textAt(NET, ip.selectionRange), '192.168.7.1');
  assert.deepEqual(
    ip.children!.map((c) => [c.name, c.detail]),
    [
      ['range 192.168.7.100 – 192.168.7.254', '155 addresses'],
      ['host vm1', '52:54:00:00:00:01 → 192.168.7.11'],
    ],
  );
  assert.equal(root.children!.find((c) => c.name === 'portgroup eng')!.detail, 'default');
  assert.equal(root.children!.find((c) => c.name === 'dns')!.children![0].name, 'host web');
  assert.equal(root.children!.find((c) => c.name.startsWith('route'))!.detail, 'via 192.168.7.2');
  checkNesting(syms);
});

test('many static hosts are grouped under one node', () => {
  const hosts = Array.from({ length: 12 }, (_, i) => `      <host mac='52:54:00:00:00:${(i + 16).toString(16)}' name='h${i}' ip='10.0.0.${i + 10}'/>`).join('\n');
  const text = `<network>\n  <name>n</name>\n  <ip address='10.0.0.1' prefix='24'>\n    <dhcp>\n      <range start='10.0.0.100' end='10.0.0.200'/>\n${hosts}\n    </dhcp>\n  </ip>\n</network>`;
  const syms = serviceWith('file:///ws/n.xml', text).documentSymbols('file:///ws/n.xml');
  const ip = syms[0].children![0];
  assert.equal(ip.children!.length, 2);
  const group = ip.children![1];
  assert.equal(group.name, 'hosts (12)');
  assert.equal(group.kind, SymbolKind.Array);
  assert.equal(group.children!.length, 12);
  assert.equal(syms[0].detail, 'isolated');
  checkNesting(syms);
});

test('more static hosts than the outline lists: the first ones, then one node for the rest', () => {
  const n = MAX_LISTED_HOSTS + 5;
  const hosts = Array.from({ length: n }, (_, i) => `      <host mac='52:54:00:00:${(i >> 8).toString(16).padStart(2, '0')}:${(i & 255).toString(16).padStart(2, '0')}' name='h${i}' ip='10.0.${4 + (i >> 8)}.${(i & 255) + 1}'/>`).join('\n');
  const text = `<network>\n  <name>n</name>\n  <ip address='10.0.0.1' prefix='16'>\n    <dhcp>\n${hosts}\n    </dhcp>\n  </ip>\n</network>`;
  const syms = serviceWith('file:///ws/n.xml', text).documentSymbols('file:///ws/n.xml');
  const group = syms[0].children![0].children![0];
  assert.equal(group.name, `hosts (${n})`);
  assert.equal(group.children!.length, MAX_LISTED_HOSTS + 1);
  assert.equal(group.children![MAX_LISTED_HOSTS - 1].name, `host h${MAX_LISTED_HOSTS - 1}`);
  const rest = group.children![MAX_LISTED_HOSTS];
  assert.equal(rest.name, '… 5 more hosts');
  assert.equal(rest.detail, 'the outline lists the first 1,000');
  // It covers the unlisted hosts: from the first of them to the end of the last.
  assert.equal(rest.range.start.line, 4 + MAX_LISTED_HOSTS);
  assert.equal(rest.range.end.line, 4 + n - 1);
  checkNesting(syms);
});

test('domain outline lists each NIC with type, source and MAC', () => {
  const text = `<domain type='kvm'>\n  <name>vm1</name>\n  <devices>\n    <interface type='network'>\n      <mac address='52:54:00:aa:bb:cc'/>\n      <source network='default'/>\n      <model type='virtio'/>\n    </interface>\n    <interface type='bridge'>\n      <source bridge='br0'/>\n    </interface>\n  </devices>\n</domain>`;
  const syms = serviceWith('file:///ws/vm1.xml', text).documentSymbols('file:///ws/vm1.xml');
  assert.equal(syms[0].name, 'vm1');
  assert.equal(syms[0].detail, '2 NICs');
  assert.deepEqual(
    syms[0].children!.map((c) => [c.name, c.detail]),
    [
      ['network default', '52:54:00:aa:bb:cc · virtio'],
      ['bridge br0', undefined],
    ],
  );
  assert.equal(textAt(text, syms[0].children![0].selectionRange), 'default');
  checkNesting(syms);
});

test('host interface outline: name, type, ports and addressing', () => {
  const text = `<interface type='bridge' name='br0'>\n  <protocol family='ipv4'>\n    <dhcp/>\n  </protocol>\n  <bridge stp='off'>\n    <interface type='ethernet' name='eth0'/>\n  </bridge>\n</interface>`;
  const syms = serviceWith('file:///ws/br0.xml', text).documentSymbols('file:///ws/br0.xml');
  assert.equal(syms[0].name, 'br0');
  assert.equal(syms[0].detail, 'bridge');
  assert.deepEqual(
    syms[0].children!.map((c) => [c.name, c.detail]),
    [
      ['ipv4', 'DHCP'],
      ['eth0', 'ethernet'],
    ],
  );
  checkNesting(syms);
});

test('a half-typed network still has an outline; non-libvirt XML has none', () => {
  const syms = serviceWith('file:///ws/x.xml', `<network>\n  <name>half</name>\n  <ip address='10.1.1.1' prefix='24'>\n    <dhcp>\n      <range start='10.1.1.2'`).documentSymbols('file:///ws/x.xml');
  assert.equal(syms[0].name, 'half');
  assert.equal(syms[0].children![0].name, '10.1.1.0/24');
  checkNesting(syms);
  assert.deepEqual(serviceWith('file:///ws/o.xml', '<foo><bar/></foo>').documentSymbols('file:///ws/o.xml'), []);
});
