/**
 * Completion at the service boundary: cursor fixtures (`|`) and the labels
 * expected (and not expected) there, the edit ranges, and the generated
 * values.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { CompletionItem } from 'vscode-languageserver-types';
import { cursor, serviceWith } from '../harness/cursor';
import { acceptCompletion as apply, item, labels } from '../harness/edits';
import { TUTORIAL_NAT } from '../harness/tutorial';

const URI = 'file:///ws/doc.xml';

const NET_N1 = `<network>
  <name>n1</name>
  <uuid>11111111-2222-4333-8444-555555555555</uuid>
  <forward mode='nat'/>
  <bridge name='virbr5' stp='on' delay='0'/>
  <mac address='52:54:00:00:00:aa'/>
  <ip address='192.168.100.1' prefix='24'>
    <dhcp>
      <range start='192.168.100.101' end='192.168.100.254'/>
      <host mac='52:54:00:00:00:01' name='a' ip='192.168.100.10'/>
    </dhcp>
  </ip>
</network>
`;
const HOST_BR7 = `<interface type='bridge' name='br7'>
  <bridge>
    <interface type='ethernet' name='eth0'/>
  </bridge>
</interface>
`;
const WS = { 'file:///ws/n1.xml': NET_N1, 'file:///ws/br7.xml': HOST_BR7 };

function complete(marked: string, others: Record<string, string> = {}): { items: CompletionItem[]; text: string; offset: number } {
  const c = cursor(marked);
  const s = serviceWith(URI, c.text, others);
  return { items: s.complete(URI, c.position).items, text: c.text, offset: c.offset };
}

function edit(it: CompletionItem): { start: number; end: number; newText: string; line: number } {
  const e = it.textEdit as { range: { start: { line: number; character: number }; end: { line: number; character: number } }; newText: string };
  return { start: e.range.start.character, end: e.range.end.character, newText: e.newText, line: e.range.start.line };
}

function diagnostics(text: string, others: Record<string, string> = {}): string[] {
  return serviceWith(URI, text, others)
    .getDiagnostics(URI)
    .map((d) => `${d.code}: ${d.message}`);
}

interface Case {
  readonly name: string;
  readonly marked: string;
  readonly include: readonly string[];
  readonly exclude?: readonly string[];
  readonly others?: Record<string, string>;
}

const CASES: readonly Case[] = [
  // ---- element names
  { name: 'after < in an empty network', marked: '<network><|', include: ['name', 'uuid', 'forward', 'bridge', 'mac', 'ip', 'dns', 'route', '/network'], exclude: ['host', 'range', 'network'] },
  { name: 'half-typed element name', marked: '<network><fo|', include: ['forward', 'name'], exclude: ['host'] },
  { name: 'an element that may appear once is not offered again', marked: '<network><name>x</name><uuid>11111111-2222-4333-8444-555555555555</uuid><|</network>', include: ['forward', 'ip'], exclude: ['name', 'uuid'] },
  { name: 'element content of <network> (no < typed)', marked: '<network>\n  |\n</network>', include: ['name', 'forward', 'ip'], exclude: ['/network'] },
  { name: 'in <dhcp>', marked: "<network><ip address='10.1.3.1' prefix='24'><dhcp><|", include: ['range', 'range (.101–.254)', 'host', 'bootp', '/dhcp'], exclude: ['ip', 'forward'] },
  { name: 'in <forward>', marked: "<network><forward mode='nat'><|", include: ['nat', 'interface', 'pf'], exclude: ['dhcp'] },
  { name: 'in a lone domain NIC', marked: "<interface type='network'><|", include: ['source', 'mac', 'model'], exclude: ['forward', 'dhcp'] },
  { name: 'in a NIC of a domain', marked: "<domain><devices><interface type='network'><|</interface></devices></domain>", include: ['source', 'mac', 'model'] },
  { name: 'NIC templates in <devices>', marked: '<domain><devices><|</devices></domain>', include: ['VM interface on a network', 'VM interface on a host bridge'], exclude: ['NAT network'] },
  { name: 'nothing from the schema outside NICs of a domain', marked: '<domain><|', include: ['/domain'], exclude: ['devices', 'name', 'source'] },
  { name: 'host interface bridge', marked: "<interface type='bridge' name='br0'><|", include: ['start', 'protocol', 'bridge', 'mtu'], exclude: ['source', 'model'] },
  { name: 'empty document: templates and roots', marked: '|', include: ['network', 'interface', 'NAT network', 'Isolated network', 'Routed network', 'Open network', 'Bridged network (host bridge)', 'VM interface on a network', 'VM interface on a host bridge', 'Host bridge (virsh iface-define)'] },
  { name: '< at the start of a file', marked: '<|', include: ['network', 'NAT network', 'Host bridge (virsh iface-define)'] },
  // ---- end tags
  { name: 'after </', marked: '<network><name>x</name></|', include: ['/network'], exclude: ['/name'] },
  { name: 'after </ in a nested element', marked: "<network><ip address='10.0.0.1'><dhcp></|", include: ['/dhcp'], exclude: ['/ip', '/network'] },
  // ---- attribute names
  { name: 'attribute names', marked: '<network><bridge |', include: ['name', 'stp', 'delay', 'zone', 'macTableManager'], exclude: ['mode', 'address'] },
  { name: 'attributes already present are left out', marked: "<network><bridge name='virbr1' |/>", include: ['stp', 'delay'], exclude: ['name'] },
  { name: 'half-typed attribute name', marked: '<network><bridge na|', include: ['name'] },
  { name: 'forward attributes', marked: "<network><forward mode='nat' |/>", include: ['dev'], exclude: ['mode'] },
  { name: 'NIC attributes', marked: '<interface |', include: ['type', 'name'] },
  { name: 'host interface attributes already given', marked: "<interface type='bridge' name='br0' |>", include: [], exclude: ['name', 'type'] },
  // ---- attribute values
  { name: 'forward modes, no closing quote', marked: "<network><forward mode='|", include: ['nat', 'route', 'open', 'bridge', 'private', 'vepa', 'passthrough', 'hostdev'] },
  { name: 'forward modes, partial value in double quotes', marked: '<network><forward mode="n|"/></network>', include: ['nat', 'route'] },
  { name: 'forward modes right after =', marked: '<network><forward mode=|', include: ['nat', 'route'] },
  { name: 'unclosed value followed by more lines', marked: "<network>\n  <forward mode='|\n  <bridge name='virbr1'/>\n</network>", include: ['nat', 'bridge'] },
  { name: 'on/off', marked: "<network><bridge stp='|'/>", include: ['on', 'off'] },
  { name: 'yes/no', marked: "<network><forward mode='hostdev' managed='|'/>", include: ['yes', 'no'] },
  { name: 'NIC types', marked: "<interface type='|'", include: ['network', 'bridge', 'direct', 'user'] },
  { name: 'NIC models', marked: "<interface type='network'><model type='|'/></interface>", include: ['virtio', 'e1000e', 'rtl8139'] },
  { name: 'source network names from the workspace', marked: "<interface type='network'><source network='|'/></interface>", include: ['n1'], others: WS },
  { name: 'source network in a domain', marked: "<domain><devices><interface type='network'><source network='|'/></interface></devices></domain>", include: ['n1'], others: WS },
  { name: 'source bridge names from the workspace', marked: "<interface type='bridge'><source bridge='|", include: ['br7'], others: WS },
  { name: 'bridge name of a bridge-mode network', marked: "<network><forward mode='bridge'/><bridge name='|'/>", include: ['br7'], exclude: ['virbr1'], others: WS },
  { name: 'bridge name of a NAT network: an unused virbrN', marked: "<network><forward mode='nat'/><bridge name='|'/>", include: ['virbr1'], exclude: ['virbr5', 'br7'], others: WS },
  { name: 'host interface start mode', marked: "<interface type='bridge' name='br0'><start mode='|'/></interface>", include: ['onboot', 'none', 'hotplug'] },
  { name: 'DHCP range start', marked: "<network><ip address='10.1.3.1' prefix='24'><dhcp><range start='|'", include: ['10.1.3.2', '10.1.3.101'] },
  { name: 'DHCP range end', marked: "<network><ip address='10.1.3.1' prefix='24'><dhcp><range start='10.1.3.2' end='|'", include: ['10.1.3.254'] },
  // ---- nothing
  { name: 'nothing inside a comment', marked: '<network><!-- <| --></network>', include: [], exclude: ['name'] },
  { name: 'nothing after text on a line (space trigger)', marked: '<network><name>foo |</name></network>', include: [], exclude: ['name', 'uuid'] },
  { name: 'nothing for other XML', marked: '<foo><|</foo>', include: [], exclude: ['name', 'network'] },
];

for (const c of CASES) {
  test(`completion: ${c.name}`, () => {
    const { items } = complete(c.marked, c.others);
    const got = labels(items);
    for (const l of c.include) assert.ok(got.includes(l), `expected '${l}' in: ${got.join(', ')}`);
    for (const l of c.exclude ?? []) assert.ok(!got.includes(l), `did not expect '${l}' in: ${got.join(', ')}`);
    if (c.include.length === 0 && c.name.startsWith('nothing')) assert.deepEqual(got.filter((l) => !l.startsWith('/')), []);
  });
}

// ---------------------------------------------------------------- edits

test('element name: the edit replaces < and the partial name; filterText starts with <', () => {
  const { items } = complete('<network><fo|');
  const f = item(items, 'forward');
  assert.deepEqual([edit(f).start, edit(f).end], [9, 12]);
  assert.equal(f.filterText, '<forward');
  assert.equal(f.insertTextFormat, 2);
  assert.match(edit(f).newText, /^<forward mode='\$\{1\|nat,route,open,bridge/);
});

test('element name in a tag that goes on: only the name is replaced', () => {
  const { items } = complete("<network><forw| mode='nat'/></network>");
  const f = item(items, 'forward');
  assert.deepEqual([edit(f).start, edit(f).end, edit(f).newText], [10, 14, 'forward']);
});

test('element snippets carry required attributes and self-close empty elements', () => {
  const { items } = complete('<network><|');
  assert.equal(edit(item(items, 'route')).newText, "<route address='$1' gateway='$2'/>");
  assert.equal(edit(item(items, 'name')).newText, '<name>$0</name>');
  assert.equal(edit(item(items, 'domain')).newText, "<domain name='$1'/>");
  assert.equal(edit(item(items, 'name')).newText.startsWith('<'), true);
  // Required elements sort first.
  assert.equal(items[0].label, 'name');
});

test('element items in content insert the whole tag at the cursor', () => {
  const { items } = complete('<network>\n  |\n</network>');
  const n = item(items, 'name');
  assert.deepEqual([edit(n).line, edit(n).start, edit(n).end, edit(n).newText], [1, 2, 2, '<name>$0</name>']);
});

test('end tag: replaces </ and a trailing >', () => {
  const { items } = complete('<network><name>x</name></ne|>');
  const e = item(items, '/network');
  assert.deepEqual([edit(e).start, edit(e).end, edit(e).newText], [23, 28, '</network>']);
});

test('attribute name: snippet with quotes, retriggers suggest when values are known', () => {
  const { items } = complete('<network><bridge st|');
  const s = item(items, 'stp');
  assert.deepEqual([edit(s).start, edit(s).end, edit(s).newText], [17, 19, "stp='$1'"]);
  assert.equal(s.command?.command, 'editor.action.triggerSuggest');
  assert.match(String(s.detail), /on or off/);
});

test('attribute name before an existing =: only the name', () => {
  const { items } = complete("<network><bridge n|='virbr1'/></network>");
  assert.equal(edit(item(items, 'name')).newText, 'name');
});

test('attribute value without closing quote: the quote is added', () => {
  const { items } = complete("<network><forward mode='|");
  assert.equal(edit(item(items, 'nat')).newText, "nat'");
});

test('attribute value with closing quote: the partial value is replaced', () => {
  const { items, text } = complete('<network><forward mode="n|"/></network>');
  const n = item(items, 'nat');
  assert.deepEqual([edit(n).start, edit(n).end, edit(n).newText], [24, 25, 'nat']);
  assert.equal(apply(text, n), '<network><forward mode="nat"/></network>');
});

test('attribute value right after =: quotes are added', () => {
  const { items } = complete('<network><forward mode=|');
  assert.equal(edit(item(items, 'route')).newText, "'route'");
});

// ---------------------------------------------------------------- generated values

const MAC_RE = /^52:54:00:[0-9a-f]{2}:[0-9a-f]{2}:[0-9a-f]{2}$/;
const UUID_RE = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

test('<uuid> content: a fresh random UUID each time', () => {
  const a = complete('<network><uuid>|</uuid></network>').items;
  const b = complete('<network><uuid>|</uuid></network>').items;
  assert.equal(a.length, 1);
  assert.match(String(a[0].label), UUID_RE);
  assert.notEqual(a[0].label, b[0].label);
});

test('<mac address>: fresh, unicast, locally administered, 52:54:00, unused in the workspace', () => {
  for (const marked of ["<network><mac address='|'/>", "<interface type='network'><mac address='|'/></interface>", "<network><ip address='192.168.1.1' prefix='24'><dhcp><host mac='|'"]) {
    const { items } = complete(marked, WS);
    const mac = String(items[0].label);
    assert.match(mac, MAC_RE, marked);
    const first = parseInt(mac.slice(0, 2), 16);
    assert.equal(first & 1, 0, 'unicast');
    assert.equal(first & 2, 2, 'locally administered');
    assert.ok(!NET_N1.includes(mac));
  }
});

test('<ip address>: the first private /24 no workspace network uses', () => {
  assert.equal(complete("<network><ip address='|'").items[0].label, '192.168.100.1');
  assert.equal(complete("<network><ip address='|'", WS).items[0].label, '192.168.101.1');
  const taken = { ...WS, 'file:///ws/n2.xml': NET_N1.replace(/n1/g, 'n2').replace(/192\.168\.100/g, '192.168.101').replace('virbr5', 'virbr6').replace(/00:00:(aa|01)/g, '00:01:$1') };
  assert.equal(complete("<network><ip address='|'", taken).items[0].label, '192.168.102.1');
});

test('<ip> element: whole block with a free subnet and two DHCP range styles', () => {
  const { items, text } = complete('<network>\n  <name>fresh</name>\n  |\n</network>', WS);
  const ip = item(items, 'ip');
  assert.match(edit(ip).newText, /<ip address='192\.168\.101\.1' prefix='24'>[\s\S]*<range start='192\.168\.101\.2' end='192\.168\.101\.254'\/>/);
  assert.match(edit(item(items, 'ip (DHCP .101–.254)')).newText, /<range start='192\.168\.101\.101' end='192\.168\.101\.254'\/>/);
  assert.equal(ip.insertTextMode, 2);
  assert.deepEqual(diagnostics(apply(text, ip), WS), []);
});

test('element items with generated values leave a valid network', () => {
  const base = '<network>\n  <name>fresh</name>\n  |\n</network>';
  for (const label of ['uuid', 'mac', 'bridge', 'ip', 'ip (DHCP .101–.254)', 'ip (no DHCP)']) {
    const { items, text } = complete(base, WS);
    const out = apply(text, item(items, label));
    assert.deepEqual(diagnostics(out, WS), [], out);
  }
});

test('DHCP <host ip>: inside the subnet, outside the range, not used by another host', () => {
  const marked = "<network><ip address='10.1.3.1' prefix='24'><dhcp><range start='10.1.3.2' end='10.1.3.99'/><host mac='52:54:00:00:00:02' ip='10.1.3.10'/><host mac='52:54:00:00:00:03' ip='10.1.3.100'/><host ip='|'/></dhcp></ip></network>";
  const { items } = complete(marked);
  assert.deepEqual(labels(items), ['10.1.3.101']);
});

test('DHCP <host> element: fresh MAC, free address, and the result validates', () => {
  const marked = `<network>
  <name>h</name>
  <ip address='192.168.50.1' prefix='24'>
    <dhcp>
      <range start='192.168.50.2' end='192.168.50.99'/>
      <host mac='52:54:00:00:00:02' name='vm1' ip='192.168.50.100'/>
      |
    </dhcp>
  </ip>
</network>`;
  const { items, text } = complete(marked);
  const h = item(items, 'host');
  assert.match(edit(h).newText, /^<host mac='52:54:00:[0-9a-f:]{8}' name='\$\{1:vm2\}' ip='192\.168\.50\.101'\/>$/);
  assert.deepEqual(diagnostics(apply(text, h)), []);
});

test('DHCP <range> element: fits the subnet of its <ip>', () => {
  const { items } = complete("<network><ip address='172.20.0.1' prefix='16'><dhcp><|");
  assert.equal(edit(item(items, 'range')).newText, "<range start='172.20.0.2' end='172.20.255.254'/>");
  assert.equal(edit(item(items, 'range (.101–.254)')).newText, "<range start='172.20.0.101' end='172.20.255.254'/>");
});

test('templates in an empty file use fresh values and replace from the cursor', () => {
  const { items } = complete('|', WS);
  const nat = item(items, 'NAT network');
  assert.equal(nat.kind, 15);
  const t = edit(nat).newText;
  assert.match(t, /<uuid>[0-9a-f-]{36}<\/uuid>/);
  assert.match(t, /<mac address='52:54:00:/);
  assert.match(t, /192\.168\.101\.1/); // 192.168.100.0/24 is n1's
  assert.match(t, /virbr1/);
  const nic = item(items, 'VM interface on a network');
  assert.match(edit(nic).newText, /<source network='\$\{1:n1\}'\/>/);
  const br = item(items, 'VM interface on a host bridge');
  assert.match(edit(br).newText, /<source bridge='\$\{1:br7\}'\/>/);
});

test('< typed at the start: templates replace it (filterText starts with <)', () => {
  const { items } = complete('<|');
  const nat = item(items, 'NAT network');
  assert.deepEqual([edit(nat).start, edit(nat).end], [0, 1]);
  assert.ok(String(nat.filterText).startsWith('<network'));
});

// ---------------------------------------------------------------- the whole parent element

const ONCE_AND_PRESENT = ['name', 'uuid', 'forward', 'bridge', 'mac'];

test('tutorial NAT network, cursor after <name>: elements allowed once and present further down are not offered', () => {
  for (const marked of [
    TUTORIAL_NAT.replace('<name>nat</name>', '<name>nat</name>|'),
    TUTORIAL_NAT.replace('<name>nat</name>\n', '<name>nat</name>\n  |\n'),
    TUTORIAL_NAT.replace('<name>nat</name>\n', '<name>nat</name>\n  <|\n'),
    TUTORIAL_NAT.replace('<name>nat</name>\n', '<name>nat</name>\n  <br|\n'),
  ]) {
    const { items } = complete(marked);
    const got = labels(items);
    for (const l of ONCE_AND_PRESENT) assert.ok(!got.includes(l), `'${l}' offered again: ${got.join(', ')}`);
    for (const l of ['ip', 'dns', 'route', 'mtu', 'domain']) assert.ok(got.includes(l), `expected '${l}' in: ${got.join(', ')}`);
  }
});

test('tutorial NAT network: every element offered after <name> is accepted where it goes (no unknown-element)', () => {
  const { items, text } = complete(TUTORIAL_NAT.replace('<name>nat</name>\n', '<name>nat</name>\n  |\n'));
  assert.ok(items.length > 5);
  for (const it of items) {
    const out = apply(text, it);
    const bad = diagnostics(out).filter((d) => d.startsWith('libvirt/unknown-element'));
    assert.deepEqual(bad, [], `after accepting '${it.label}'`);
  }
});

test('the element being typed does not count as present: <bridge| still offers bridge where there is none', () => {
  const without = TUTORIAL_NAT.replace("  <bridge name='brnat' stp='on' delay='0'/>\n", '');
  const { items } = complete(without.replace('<name>nat</name>\n', '<name>nat</name>\n  <bridge|\n'));
  assert.ok(labels(items).includes('bridge'), labels(items).join(', '));
});

test('renaming a tag in place offers its own name again', () => {
  const { items } = complete(TUTORIAL_NAT.replace('<uuid>', '<|uuid>'));
  assert.ok(labels(items).includes('uuid'), labels(items).join(', '));
  assert.ok(!labels(items).includes('bridge'));
});

test('attributes present anywhere on the element are not offered, before or after the cursor', () => {
  const { items } = complete(TUTORIAL_NAT.replace("<bridge name='brnat' stp='on'", "<bridge | name='brnat' stp='on'"));
  const got = labels(items);
  for (const l of ['name', 'stp', 'delay']) assert.ok(!got.includes(l), `'${l}' offered again: ${got.join(', ')}`);
  assert.ok(got.includes('zone'), got.join(', '));
});

test('elements allowed many times are still offered before an existing one (DHCP hosts before a range)', () => {
  const { items } = complete("<network><name>x</name><ip address='10.1.3.1' prefix='24'><dhcp><|<range start='10.1.3.2' end='10.1.3.9'/></dhcp></ip></network>");
  const got = labels(items);
  assert.ok(got.includes('host') && got.includes('range'), got.join(', '));
});
