/**
 * The RelaxNG validator (server/src/schema) on its own: derivative behaviour
 * on small hand-made grammars, the messages on libvirt's grammar, half-typed
 * documents, the query API, XSD regex translation, and the size/speed of a
 * 20,000-host network.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { parseXml } from '../server/src/parse/xml';
import { compilePattern, dataMatches, translateXsdRegex } from '../server/src/schema/datatypes';
import { loadGrammar, type GrammarJson } from '../server/src/schema/grammar';
import { allowedValues, expectedAttributes, expectedChildren, schemaProblems } from '../server/src/schema';
import { Validator } from '../server/src/schema/validator';
import type { LibvirtKind } from '../server/src/service/types';

/** A grammar whose three starts are all `start`; patterns given in grammar.json form. */
function grammarOf(patterns: GrammarJson['patterns'], start = 0) {
  return loadGrammar({ version: 1, source: 'test', starts: { network: start, hostInterface: start, domainInterface: start }, labels: {}, patterns });
}

function validate(g: ReturnType<typeof grammarOf>, text: string): string[] {
  const xml = parseXml(text);
  return new Validator(g.table, text).validateRoot(xml.root!, g.starts.network).map((p) => `${p.code.replace('libvirt/', '')}: ${p.message}`);
}

function libvirt(text: string, kind: LibvirtKind = 'libvirt-network'): string[] {
  return schemaProblems(parseXml(text), kind).map((p) => `${p.code.replace('libvirt/', '')}: ${p.message}`);
}

// <r> interleave( zeroOrMore <a/>, <b/> ) then <c/> </r>
const INTERLEAVE: GrammarJson['patterns'] = [
  ['element', 'r', 1],
  ['group', 2, 8],
  ['interleave', 3, 6],
  ['choice', 4, 7],
  ['oneOrMore', 5],
  ['element', 'a', 7],
  ['element', 'b', 7],
  ['empty'],
  ['element', 'c', 7],
];

test('interleave: any order, zeroOrMore repeats, the group after it comes last', () => {
  const g = grammarOf(INTERLEAVE);
  assert.deepEqual(validate(g, '<r><a/><b/><a/><c/></r>'), []);
  assert.deepEqual(validate(g, '<r><b/><c/></r>'), []);
  assert.deepEqual(validate(g, '<r><a/><a/></r>'), ['missing-element: <r> needs a <b> element', 'missing-element: <r> needs a <c> element']);
  const late = validate(g, '<r><b/><c/><a/></r>');
  assert.equal(late.length, 1);
  assert.match(late[0], /^unknown-element: <a> is not allowed here in <r>/);
  assert.match(validate(g, '<r><b/><b/><c/></r>')[0], /<b> is not allowed here in <r> \(it may appear only once/);
});

test('an unknown element is reported once and skipped; the expected names come from the current state', () => {
  const g = grammarOf(INTERLEAVE);
  assert.deepEqual(validate(g, '<r><x/><b/><c/></r>'), ['unknown-element: <x> is not allowed in <r>; expected one of: a, b']);
});

// <e> choice( attribute kind='one' + <one/>, attribute kind='two' + <two/> ), oneOrMore <i n=int/>? no: optional attribute n
const CHOICE: GrammarJson['patterns'] = [
  ['element', 'e', 1],
  ['choice', 2, 5],
  ['group', 3, 4],
  ['attribute', 'kind', 8],
  ['element', 'one', 10],
  ['group', 6, 7],
  ['attribute', 'kind', 9],
  ['element', 'two', 10],
  ['value', 'token', 'one', ''],
  ['value', 'token', 'two', ''],
  ['empty'],
];

test('choice: the attribute value selects the branch, and the branch decides the children', () => {
  const g = grammarOf(CHOICE);
  assert.deepEqual(validate(g, "<e kind='one'><one/></e>"), []);
  assert.deepEqual(validate(g, "<e kind='two'><two/></e>"), []);
  assert.deepEqual(validate(g, "<e kind='two'><one/></e>"), [
    'unknown-element: <one> is not allowed here in <e> (it may appear only once, or not with the elements before it); expected two',
    'missing-element: <e> needs a <two> element',
  ]);
  assert.deepEqual(validate(g, "<e kind='three'><one/></e>"), ["invalid-value: 'three' is not a valid value for kind on <e>: expected one or two"]);
  assert.deepEqual(validate(g, '<e><one/></e>'), ['missing-attribute: <e> needs a kind attribute']);
  assert.deepEqual(validate(g, "<e kind='one' extra='1'><one/></e>"), ['unknown-attribute: Attribute extra is not allowed on <e>; no other attributes are allowed']);
});

test('required attributes and elements are data (lists of alternative names), not sentences; messages are made from them', () => {
  // <e name=… (dev=… | device=…)><c/></e>
  const g = grammarOf([
    ['element', 'e', 1],
    ['group', 2, 7],
    ['group', 3, 4],
    ['attribute', 'name', 6],
    ['choice', 5, 8],
    ['attribute', 'device', 6],
    ['value', 'token', 'x', ''],
    ['element', 'c', 9],
    ['attribute', 'dev', 6],
    ['empty'],
  ]);
  const v = new Validator(g.table, '');
  const content = g.starts.network.content;
  assert.deepEqual(v.requiredAttributes(content), [['name'], ['device', 'dev']]);
  assert.deepEqual(v.requiredElements(v.closeForgiving(content)), [['c']]);
  assert.deepEqual(validate(g, '<e><c/></e>'), ['missing-attribute: <e> needs a name attribute', 'missing-attribute: <e> needs one of the attributes device, dev']);
});

test('oneOrMore: at least one, then any number', () => {
  const g = grammarOf([['element', 'l', 1], ['oneOrMore', 2], ['element', 'i', 3], ['empty']]);
  assert.deepEqual(validate(g, '<l><i/><i/><i/></l>'), []);
  assert.deepEqual(validate(g, '<l></l>'), ['missing-element: <l> needs a <i> element']);
});

test('libvirt: messages name the value and what is expected', () => {
  const out = libvirt(`<network>
  <name>n</name>
  <uuid>1234</uuid>
  <forward mode='natt'/>
  <bridge name='virbr1' stpp='on'/>
  <mac address='01:00:00:00:00:01'/>
  <ip address='192.168.1.300' prefix='24'/>
</network>`);
  assert.deepEqual(out, [
    "invalid-value: '1234' is not a valid value for <uuid>: expected a UUID such as 8f2a6c1e-3b4d-4e5f-9a0b-1c2d3e4f5a6b (32 hex digits, dashes optional)",
    "invalid-value: 'natt' is not a valid value for mode on <forward>: expected one of: nat, route, open, bridge, passthrough, private, vepa, hostdev",
    'unknown-attribute: Attribute stpp is not allowed on <bridge>; expected one of: zone, stp, delay, macTableManager',
    "invalid-value: '01:00:00:00:00:01' is not a valid value for address on <mac>: expected a unicast MAC address such as 52:54:00:12:34:56 (six hex pairs; the first byte must be even)",
    "invalid-value: '192.168.1.300' is not a valid value for address on <ip>: expected an IPv4 or IPv6 address",
  ]);
  assert.deepEqual(libvirt(`<network><ip address='10.0.0.1'/></network>`), ['missing-element: <network> needs a <name> element']);
  assert.deepEqual(libvirt(`<network><name>p</name><forward mode='nat'><nat><port start='1' end='99999'/></nat></forward></network>`), [
    "invalid-value: '99999' is not a valid value for end on <port>: expected a port number from 1 to 65535",
  ]);
});

test('libvirt: a half-typed document gets no schema errors for what is still being typed', () => {
  assert.deepEqual(libvirt('<network><name>x</name><ip address="1'), []);
  assert.deepEqual(libvirt('<network><name>x</name><ip address="10.0.0.1" prefix="24"><dhcp><range start="10.0.0.5"'), []);
  // A finished mistake before the cursor is still reported.
  assert.deepEqual(libvirt('<network><name>x</name><bridge nme="virbr0"/><ip addr'), [
    'unknown-attribute: Attribute nme is not allowed on <bridge>; expected one of: name, zone, stp, delay, macTableManager',
    'unknown-attribute: Attribute addr is not allowed on <ip>; expected one of: address, netmask, prefix, family, localPtr',
  ]);
});

test('libvirt: domains are checked on their NICs only; host interfaces on their own grammar', () => {
  const dom = `<domain type='kvm'><name>v</name><bogus/><devices><disk type='file'/>
    <interface type='network'><source network='default'/><model type='virtio'/></interface>
    <interface type='bridge'><source bridge='br0'/><mac address='zz'/></interface>
  </devices></domain>`;
  assert.deepEqual(libvirt(dom, 'libvirt-domain'), [
    "invalid-value: 'zz' is not a valid value for address on <mac>: expected a unicast MAC address such as 52:54:00:12:34:56 (six hex pairs; the first byte must be even)",
  ]);
  assert.deepEqual(libvirt(`<interface type='ethernet' name='eth0'><start mode='onboot'/></interface>`, 'libvirt-host-interface'), []);
  assert.deepEqual(libvirt(`<interface type='bridge' name='br0'><start mode='onboot'/></interface>`, 'libvirt-host-interface'), [
    'missing-element: <interface> needs a <bridge> element',
  ]);
});

test('query API: children, attributes and values at a place', () => {
  const text = `<network><name>n</name><forward mode='nat'/><ip address='10.0.0.1' prefix='24'><dhcp></dhcp></ip></network>`;
  const xml = parseXml(text);
  const root = xml.root!;
  const names = expectedChildren(xml, 'libvirt-network', root).map((x) => x.name);
  assert.ok(names.includes('bridge') && names.includes('dns') && !names.includes('name') && !names.includes('forward'), names.join(','));
  const dhcp = root.children[2].children[0];
  assert.deepEqual(expectedChildren(xml, 'libvirt-network', dhcp).map((x) => x.name), ['range', 'host', 'bootp']);
  const ip = root.children[2];
  const attrs = expectedAttributes(xml, 'libvirt-network', ip).map((x) => x.name);
  assert.deepEqual(attrs, ['family', 'localPtr']);
  const fwd = root.children[1];
  assert.deepEqual(allowedValues(xml, 'libvirt-network', fwd, 'mode')?.values, ['nat', 'route', 'open', 'bridge', 'passthrough', 'private', 'vepa', 'hostdev']);
  const emptyNet = parseXml('<network></network>');
  assert.deepEqual(
    expectedChildren(emptyNet, 'libvirt-network', emptyNet.root!).filter((x) => x.required).map((x) => x.name),
    ['name'],
  );
});

test('XSD patterns: anchored, XSD escapes, and untranslatable ones accept', () => {
  assert.equal(compilePattern('[a-z]+')!.test('abc'), true);
  assert.equal(compilePattern('[a-z]+')!.test('abc1'), false, 'anchored');
  assert.equal(compilePattern('\\i\\c*')!.test('eth0'), true);
  assert.equal(compilePattern('\\i\\c*')!.test('0eth'), false);
  assert.equal(compilePattern('\\d+')!.test('42'), true);
  assert.equal(compilePattern('a$b')!.test('a$b'), true, '$ is an ordinary character in XSD');
  assert.equal(compilePattern('[a-z-[aeiou]]'), null, 'class subtraction is not translated');
  assert.equal(dataMatches('string', [['pattern', '[a-z-[aeiou]]']], 'anything'), true);
  assert.throws(() => translateXsdRegex('[abc'));
  assert.equal(dataMatches('unsignedShort', undefined, '65536'), false);
  assert.equal(dataMatches('int', [['minInclusive', '-1'], ['maxInclusive', '65535']], ' -1 '), true);
  assert.equal(dataMatches('positiveInteger', undefined, '0'), false);
});

test('a 20,000-line network validates without problems (its time: npm run bench, breakdown)', () => {
  const lines = ['<network>', '  <name>big</name>', "  <ip address='10.0.0.1' prefix='16'>", '    <dhcp>'];
  for (let i = 0; i < 19990; i++) {
    const m = i.toString(16).padStart(4, '0');
    lines.push(`      <host mac='52:54:00:00:${m.slice(0, 2)}:${m.slice(2)}' name='h${i}' ip='10.0.${i >> 8}.${(i & 255) || 1}'/>`);
  }
  lines.push('    </dhcp>', '  </ip>', '</network>');
  assert.deepEqual(schemaProblems(parseXml(lines.join('\n')), 'libvirt-network'), []);
});
