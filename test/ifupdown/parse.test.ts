import assert from 'node:assert/strict';
import { test } from 'node:test';
import {
  bridges,
  checkInterfacesFile,
  checkInterfacesFolder,
  declaredInterfaces,
  hostAddresses,
  isInterfacesFile,
  parseInterfaces,
} from '../../server/src/ifupdown/index';
import { formatSubnet } from '../../server/src/net/ip';
import type { Span } from '../../server/src/parse/span';
import { bigInterfaces } from '../harness/hostileInputs';

const at = (text: string, s: Span) => text.slice(s.start, s.end);

test('stanzas, names and option values keep exact spans', () => {
  const text = 'auto lo br0\niface lo inet loopback\n\niface br0 inet static\n\taddress 192.168.1.2/24\n    bridge_ports eth0 eth1\n';
  const m = parseInterfaces(text);
  assert.equal(m.allows.length, 1);
  assert.deepEqual(m.allows[0].names.map((t) => at(text, t.span)), ['lo', 'br0']);
  assert.equal(m.ifaces.length, 2);
  const br = m.ifaces[1];
  assert.equal(at(text, br.keyword.span), 'iface');
  assert.equal(at(text, br.name!.span), 'br0');
  assert.equal(at(text, br.family!.span), 'inet');
  assert.equal(at(text, br.method!.span), 'static');
  assert.equal(br.options.length, 2);
  assert.equal(at(text, br.options[0].name.span), 'address');
  assert.equal(at(text, br.options[0].valueSpan), '192.168.1.2/24');
  assert.equal(br.options[1].value, 'eth0 eth1');
  assert.deepEqual(br.options[1].values.map((t) => at(text, t.span)), ['eth0', 'eth1']);
  assert.equal(at(text, br.span), text.slice(text.indexOf('iface br0'), text.lastIndexOf('eth1') + 4));
  assert.equal(br.line, 3);
});

test('comments are whole lines only; a # later on a line belongs to the value', () => {
  const text = '# top\n  # indented comment\niface eth0 inet static\n    address 10.0.0.2/8 # not a comment\n';
  const m = parseInterfaces(text);
  assert.equal(m.comments.length, 2);
  assert.equal(at(text, m.comments[1]), '# indented comment');
  assert.equal(m.ifaces[0].options[0].value, '10.0.0.2/8 # not a comment');
  const f = checkInterfacesFile('file:///etc/network/interfaces', text);
  assert.deepEqual(f.map((x) => x.code), ['ifupdown/invalid-address']);
});

test('a trailing backslash continues the line; the next line is appended as it is', () => {
  const text = 'iface br0 inet \\\n    static\n    bridge_ports eth0 \\\n      eth1\n    up echo a\\\nb\n';
  const m = parseInterfaces(text);
  const br = m.ifaces[0];
  assert.equal(br.method?.text, 'static');
  assert.equal(at(text, br.method!.span), 'static');
  assert.deepEqual(br.options.map((o) => o.name.text), ['bridge_ports', 'up']);
  assert.deepEqual(br.options[0].values.map((t) => t.text), ['eth0', 'eth1']);
  assert.equal(at(text, br.options[0].values[1].span), 'eth1');
  // No blank is inserted at the join: `a\` + `b` is the word `ab`, its span crosses the break.
  const up = br.options[1];
  assert.equal(up.value, 'echo ab');
  assert.equal(at(text, up.values[1].span), 'a\\\nb');
  assert.equal(m.lineCount >= 6, true);
  assert.equal(up.line, 4);
});

test('a comment line ending in a backslash does not continue; a continuation may start with #', () => {
  const text = '# comment \\\niface eth0 inet dhcp\niface eth1 inet \\\n# dhcp\n';
  const m = parseInterfaces(text);
  assert.equal(m.ifaces.length, 2);
  assert.equal(m.ifaces[0].name?.text, 'eth0');
  assert.equal(m.ifaces[1].method?.text, '#');
});

test('CRLF line ends, a backslash at end of file, tabs and form feeds', () => {
  const text = 'auto eth0\r\niface eth0 inet static\r\n\taddress\t192.168.1.2/24\r\n\tgateway 192.168.1.1 \\';
  const m = parseInterfaces(text);
  const st = m.ifaces[0];
  assert.equal(at(text, st.options[0].valueSpan), '192.168.1.2/24');
  assert.equal(st.options[1].value, '192.168.1.1');
  assert.deepEqual(checkInterfacesFile('file:///x/interfaces', text), []);
});

test('options outside stanzas, after auto lines and in mappings are collected, not lost', () => {
  const text = 'address 1.2.3.4\nauto eth0\n  mtu 1500\nmapping eth*\n  script /bin/true\n  map a b\n';
  const m = parseInterfaces(text);
  assert.deepEqual(m.misplaced.map((o) => o.name.text), ['address', 'mtu']);
  assert.deepEqual(m.mappings[0].options.map((o) => o.name.text), ['script', 'map']);
  assert.deepEqual(m.mappings[0].patterns.map((t) => t.text), ['eth*']);
});

test('source, source-directory, allow-*, no-auto-down, rename and inherits are read', () => {
  const text = 'source /etc/network/interfaces.d/*\nsource-directory interfaces.d\nallow-hotplug eth1\nno-auto-down eth0\nrename eth0=lan\niface eth0 inet static inherits base\n';
  const m = parseInterfaces(text);
  assert.deepEqual(m.sources.map((s) => [s.kind, s.paths[0].text]), [['source', '/etc/network/interfaces.d/*'], ['source-directory', 'interfaces.d']]);
  assert.equal(m.allows[0].className, 'hotplug');
  assert.deepEqual(m.stanzas.map((s) => s.kind), ['source', 'source-directory', 'allow', 'no-auto-down', 'rename', 'iface']);
  assert.equal(m.ifaces[0].inherits?.text, 'base');
});

test('never throws: empty text, binary garbage, lone surrogates, huge lines, non-strings', () => {
  let seed = 42;
  const rnd = () => ((seed = (seed * 1103515245 + 12345) & 0x7fffffff) / 0x7fffffff);
  const alphabet = ['iface', 'auto', 'inet', 'inet6', 'static', 'address', 'bridge_ports', '\\', '\n', '\r', '\t', ' ', '#', '/', '.', '\u0000', '\ud800', '\uffff', '1', '255', ':', 'br0', 'gateway', 'netmask', 'inherits', 'mapping', 'source'];
  for (let i = 0; i < 300; i++) {
    let s = '';
    const n = Math.floor(rnd() * 200);
    for (let j = 0; j < n; j++) s += rnd() < 0.2 ? String.fromCharCode(Math.floor(rnd() * 0x10000)) : alphabet[Math.floor(rnd() * alphabet.length)];
    const m = parseInterfaces(s);
    for (const st of m.stanzas) assert.ok(st.span.start >= 0 && st.span.end <= s.length && st.span.start <= st.span.end);
    checkInterfacesFolder([{ uri: 'file:///a/interfaces', text: s }, { uri: 'file:///a/interfaces.d/b', text: s.slice(0, 50) }]);
    isInterfacesFile('file:///a/b', s);
  }
  assert.equal(parseInterfaces('').stanzas.length, 0);
  assert.equal(parseInterfaces('\\').stanzas.length, 0);
  assert.equal(parseInterfaces('iface ' + 'x'.repeat(200_000)).ifaces[0].name?.text.length, 200_000);
  assert.doesNotThrow(() => parseInterfaces(undefined as unknown as string));
});

test('recognition by path and by content, without taking other files', () => {
  assert.ok(isInterfacesFile('file:///etc/network/interfaces', ''));
  assert.ok(isInterfacesFile('file:///srv/host1/network/interfaces', '# nothing yet\n'));
  assert.ok(isInterfacesFile('file:///etc/network/interfaces.d/br0', 'iface br0 inet manual\n'));
  assert.ok(isInterfacesFile('file:///etc/network/interfaces.d/vlan10', '  address 1.2.3.4\n'));
  assert.ok(isInterfacesFile('file:///home/me/host.interfaces', ''));
  assert.ok(isInterfacesFile('untitled:Untitled-1', '# my host\n\nauto lo\niface lo inet loopback\n'));
  assert.ok(isInterfacesFile('file:///tmp/net.conf', 'allow-hotplug eth0\niface eth0 inet dhcp\n'));
  assert.ok(isInterfacesFile('file:///tmp/net', 'source /etc/network/interfaces.d/*\n\nauto lo\niface lo inet loopback\n'));
  assert.ok(!isInterfacesFile('file:///tmp/setup.sh', 'auto=1\nsource ./env\n'));
  assert.ok(!isInterfacesFile('file:///tmp/env', 'source ./env\necho hi\n'));
  assert.ok(!isInterfacesFile('file:///tmp/net.xml', '<network><name>default</name></network>'));
  assert.ok(!isInterfacesFile('file:///etc/netplan/01.yaml', 'network:\n  version: 2\n'));
  assert.ok(!isInterfacesFile('file:///x/interfaces', '<interface type="ethernet" name="eth0"/>'));
  assert.ok(!isInterfacesFile('file:///etc/network/interfaces.d/README.md', 'auto eth0\n'));
  assert.ok(!isInterfacesFile('file:///tmp/readme', 'Hello\nauto eth0\n'));
});

test('facts for cross-format checks: bridges with ports, addresses with subnets, declared names', () => {
  const text = [
    'auto lo br0 eno1',
    'iface lo inet loopback',
    'iface enp3s0f0 inet manual',
    'iface br0 inet static',
    '    address 192.168.1.121',
    '    netmask 255.255.255.0',
    '    bridge_ports enp3s0f0 regex eth.* noregex eth9',
    'iface br0 inet6 static',
    '    address 2001:db8::1/64',
    'iface eno1 inet static',
    '    address 10.0.0.5/8',
    '    netmask 255.255.0.0',
    'iface br9 inet manual',
    '    bridge-ports none',
  ].join('\n');
  const m = parseInterfaces(text);
  const bs = bridges(m);
  assert.deepEqual(bs.map((b) => [b.name, b.ports.map((p) => p.text), b.patterns, b.all]), [['br0', ['enp3s0f0', 'eth9'], ['eth.*'], false], ['br9', [], [], false]]);
  assert.equal(at(text, bs[0].span), 'br0');
  const as = hostAddresses(m);
  assert.deepEqual(as.map((a) => [a.name, formatSubnet(a.subnet), a.prefixFrom]), [
    ['br0', '192.168.1.0/24', 'netmask'],
    ['br0', '2001:db8::/64', 'address'],
    ['eno1', '10.0.0.0/16', 'netmask'],
  ]);
  assert.equal(at(text, as[0].span), '192.168.1.121');
  assert.deepEqual([...declaredInterfaces(m).keys()], ['lo', 'enp3s0f0', 'br0', 'eno1', 'br9']);
});

test('a realistic 2,000-line file (bridges, ports, continuations) parses into its stanzas with no findings', () => {
  const text = bigInterfaces(2000);
  assert.ok(text.split('\n').length >= 2000);
  const m = parseInterfaces(text);
  assert.equal(m.ifaces.length, 1 + 2 * 134);
  assert.deepEqual(checkInterfacesFile('file:///etc/network/interfaces', text), []);
});
