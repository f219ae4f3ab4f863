/**
 * Hover at the service boundary: documentation, schema fallback, forward
 * mode notes and address arithmetic, with the hovered span as range.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { Hover, MarkupContent } from 'vscode-languageserver-types';
import { cursor, serviceWith } from '../harness/cursor';
import { coverage } from './docCoverage';

const URI = 'file:///ws/net.xml';

function hoverAt(marked: string, uri = URI): { h: Hover | null; value: string; text: string } {
  const c = cursor(marked);
  const h = serviceWith(uri, c.text).hover(uri, c.position);
  return { h, value: h ? (h.contents as MarkupContent).value : '', text: c.text };
}

function rangeText(text: string, h: Hover): string {
  const lines = text.split('\n');
  const r = h.range!;
  assert.equal(r.start.line, r.end.line);
  return lines[r.start.line].slice(r.start.character, r.end.character);
}

const NAT = (body: string) => `<network>\n  <name>n</name>\n  <forward mode='nat'/>\n${body}\n</network>`;

test('hover on an element name: summary, attributes, children, markdown, range = the name', () => {
  const { h, value, text } = hoverAt(`<network>\n  <name>n</name>\n  <for|ward mode='nat'/>\n</network>`);
  assert.ok(h);
  assert.equal((h.contents as MarkupContent).kind, 'markdown');
  assert.match(value, /`<forward>`/);
  assert.match(value, /isolated/);
  assert.match(value, /- `mode`/);
  assert.match(value, /- `dev`/);
  assert.match(value, /`<nat>`/);
  assert.equal(rangeText(text, h), 'forward');
});

test('hover on an end tag name documents the element', () => {
  const { h, value, text } = hoverAt(`<network>\n  <name>n</name>\n  <dns>\n  </d|ns>\n</network>`);
  assert.ok(h);
  assert.match(value, /DNS server/);
  assert.equal(rangeText(text, h), 'dns');
});

test('hover on an enumerated attribute lists every value with its meaning and the default', () => {
  const { h, value, text } = hoverAt(`<network>\n  <name>n</name>\n  <forward mo|de='route'/>\n</network>`);
  assert.ok(h);
  for (const m of ['nat', 'route', 'open', 'bridge', 'private', 'vepa', 'passthrough', 'hostdev']) assert.match(value, new RegExp(`- \`${m}\` — \\S`));
  assert.match(value, /\*\*Default\*\* nat/);
  assert.equal(rangeText(text, h), 'mode');
});

test('hover on a value explains that value first, range = the value', () => {
  const { h, value, text } = hoverAt(`<network>\n  <name>n</name>\n  <forward mode='pri|vate'/>\n</network>`);
  assert.ok(h);
  assert.match(value.split('\n\n')[1], /^`private`: macvtap/);
  assert.equal(rangeText(text, h), 'private');
});

test('hover on a value that is not allowed says so', () => {
  const { value } = hoverAt(`<network>\n  <name>n</name>\n  <forward mode='na|tt'/>\n</network>`);
  assert.match(value, /`natt` is not one of these values/);
});

test('hover on a datatype attribute describes what it takes (from the schema)', () => {
  const { value } = hoverAt(NAT(`  <bridge name='virbr1' del|ay='0'/>`));
  assert.match(value, /Forward delay/);
  assert.match(value, /\*\*Takes\*\* a whole number/);
  assert.match(value, /\*\*Default\*\* 0/);
});

test('forward modes: the hover says which modes allow an element and warns when the current one does not', () => {
  const ok = hoverAt(NAT(`  <i|p address='192.168.1.1' prefix='24'/>`)).value;
  assert.match(ok, /\*\*Forward modes\*\* isolated \(no `<forward>`\), nat, route, open/);
  assert.doesNotMatch(ok, /Not accepted here/);
  const bad = hoverAt(`<network>\n  <name>n</name>\n  <forward mode='bridge'/>\n  <bridge name='br0'/>\n  <i|p address='192.168.1.1' prefix='24'/>\n</network>`).value;
  assert.match(bad, /⚠ Not accepted here: this network uses forward mode `bridge`/);
  const nat = hoverAt(`<network>\n  <name>n</name>\n  <forward mode='route'>\n    <n|at/>\n  </forward>\n</network>`).value;
  assert.match(nat, /\*\*Forward modes\*\* nat\b/);
  assert.match(nat, /Not accepted here: this network uses forward mode `route`/);
  const stp = hoverAt(`<network>\n  <name>n</name>\n  <forward mode='bridge'/>\n  <bridge name='br0' s|tp='on'/>\n</network>`).value;
  assert.match(stp, /Not accepted here/);
  const isolated = hoverAt(`<network>\n  <name>n</name>\n  <bridge name='br0' s|tp='on'/>\n</network>`).value;
  assert.doesNotMatch(isolated, /Not accepted here/);
});

test('hover on <ip> shows subnet, netmask, broadcast, usable hosts and DHCP size', () => {
  const { value } = hoverAt(
    NAT(`  <i|p address='192.168.122.1' netmask='255.255.255.0'>\n    <dhcp>\n      <range start='192.168.122.100' end='192.168.122.254'/>\n      <host mac='52:54:00:00:00:01' ip='192.168.122.10'/>\n    </dhcp>\n  </ip>`),
  );
  assert.match(value, /\*\*Subnet\*\* `192\.168\.122\.0\/24`/);
  assert.match(value, /\*\*Netmask\*\* `255\.255\.255\.0`/);
  assert.match(value, /\*\*Broadcast\*\* `192\.168\.122\.255`/);
  assert.match(value, /\*\*Usable hosts\*\* 254 \(`192\.168\.122\.1` – `192\.168\.122\.254`\)/);
  assert.match(value, /155 dynamic addresses in 1 range, 1 static host/);
});

test('hover on the <ip address> value shows the subnet too; prefix and classful defaults', () => {
  assert.match(hoverAt(NAT(`  <ip address='10.1.2.|1' prefix='16'/>`)).value, /\*\*Subnet\*\* `10\.1\.0\.0\/16`[\s\S]*65,534/);
  assert.match(hoverAt(NAT(`  <ip address='10.1.2.|1'/>`)).value, /`10\.0\.0\.0\/8`/);
  assert.match(hoverAt(NAT(`  <ip family='ipv6' address='fd00::|1' prefix='64'/>`)).value, /`fd00::\/64`[\s\S]*\*\*Addresses\*\* 2\^64/);
});

test('hover on a DHCP range: size, subnet, and whether the gateway is inside', () => {
  const inside = hoverAt(NAT(`  <ip address='192.168.122.1' prefix='24'>\n    <dhcp>\n      <range start='192.168.122.|1' end='192.168.122.254'/>\n    </dhcp>\n  </ip>`));
  assert.match(inside.value, /\*\*Range size\*\* 254 addresses/);
  assert.match(inside.value, /\*\*Subnet\*\* `192\.168\.122\.0\/24` \(256 addresses\)/);
  assert.match(inside.value, /⚠ The gateway `192\.168\.122\.1` .* is inside this range/);
  assert.equal(rangeText(inside.text, inside.h!), '192.168.122.1');
  const outside = hoverAt(NAT(`  <ip address='192.168.122.1' prefix='24'>\n    <dhcp>\n      <ra|nge start='192.168.122.2' end='192.168.122.254'/>\n    </dhcp>\n  </ip>`)).value;
  assert.match(outside, /253 addresses/);
  assert.match(outside, /The gateway `192\.168\.122\.1` is outside the range ✓/);
  const out = hoverAt(NAT(`  <ip address='192.168.122.1' prefix='24'>\n    <dhcp>\n      <range start='192.168.122.2' end='192.168.123.|9'/>\n    </dhcp>\n  </ip>`)).value;
  assert.match(out, /⚠ The end `192\.168\.123\.9` is outside the subnet/);
});

test('hover on a static host address: in the subnet, inside or outside the dynamic range', () => {
  const body = (ip: string) => NAT(`  <ip address='192.168.122.1' prefix='24'>\n    <dhcp>\n      <range start='192.168.122.100' end='192.168.122.200'/>\n      <host mac='52:54:00:00:00:01' ip='${ip}'/>\n    </dhcp>\n  </ip>`);
  assert.match(hoverAt(body('192.168.122.1|0')).value, /In subnet `192\.168\.122\.0\/24` ✓[\s\S]*Outside the dynamic range\(s\) ✓/);
  assert.match(hoverAt(body('192.168.122.15|0')).value, /⚠ Inside the dynamic range `192\.168\.122\.100` – `192\.168\.122\.200`/);
  assert.match(hoverAt(body('10.0.0.|5')).value, /⚠ `10\.0\.0\.5` is outside the subnet/);
});

test('hover on a route shows its destination and whether the gateway is reachable', () => {
  const v = hoverAt(NAT(`  <ip address='192.168.122.1' prefix='24'/>\n  <route address='10.0.0.0' prefix='8' gateway='192.168.122.|2'/>`)).value;
  assert.match(v, /\*\*Destination\*\* `10\.0\.0\.0\/8`/);
  assert.match(v, /gateway `192\.168\.122\.2` is in the network's subnet/);
});

test('hover works in a half-typed document', () => {
  const { value } = hoverAt(`<network>\n  <name>n</name>\n  <bri|dge name='virbr`);
  assert.match(value, /Linux bridge/);
});

test('unknown element or attribute: the hover says what the schema allows instead', () => {
  const el = hoverAt(NAT(`  <fo|o/>`)).value;
  assert.match(el, /does not allow `<foo>` inside `<network>`[\s\S]*`<bridge>`/);
  const at = hoverAt(NAT(`  <bridge name='x' colo|ur='red'/>`)).value;
  assert.match(at, /does not allow `colour` on `<bridge>`[\s\S]*`stp`/);
});

test('hover on whitespace or outside any name answers nothing', () => {
  assert.equal(hoverAt(`<network>\n |\n  <name>n</name>\n</network>`).h, null);
  assert.equal(hoverAt(`<network>\n  <name>n</name>\n  <bridge name='x'  |  stp='on'/>\n</network>`).h, null);
});

test('hover on element text (<name>, <uuid>) documents the element', () => {
  const { h, value, text } = hoverAt(`<network>\n  <name>defa|ult</name>\n</network>`);
  assert.match(value, /`<name>`[\s\S]*source network/);
  assert.equal(rangeText(text, h!), 'default');
});

test('domain NIC: hover on interface type values, source, model', () => {
  const dom = (body: string) => `<domain type='kvm'>\n  <name>vm</name>\n  <devices>\n${body}\n  </devices>\n</domain>`;
  const type = hoverAt(dom(`    <interface type='brid|ge'>\n      <source bridge='br0'/>\n    </interface>`), 'file:///ws/vm.xml').value;
  assert.match(type, /^\*\*`type`\*\* attribute of `<interface>`/);
  assert.match(type, /`bridge`: An existing host bridge/);
  const model = hoverAt(dom(`    <interface type='network'>\n      <source network='default'/>\n      <model type='vir|tio'/>\n    </interface>`), 'file:///ws/vm.xml').value;
  assert.match(model, /`virtio`: Paravirtual/);
  const mac = hoverAt(dom(`    <interface type='network'>\n      <m|ac address='52:54:00:00:00:01'/>\n      <source network='default'/>\n    </interface>`), 'file:///ws/vm.xml').value;
  assert.match(mac, /52:54:00/);
  assert.doesNotMatch(mac, /Forward modes/);
  // A domain element outside the NICs that VirtNet does not document: no hover.
  assert.equal(hoverAt(`<domain type='kvm'>\n  <name>vm</name>\n  <me|mory>1</memory>\n</domain>`, 'file:///ws/vm.xml').h, null);
});

test('standalone NIC and host interface XML get hovers', () => {
  assert.match(hoverAt(`<interface type='network'>\n  <source netw|ork='default'/>\n</interface>`, 'file:///ws/nic.xml').value, /libvirt network/);
  const host = hoverAt(`<interface type='bridge' name='br0'>\n  <start mode='onboot'/>\n  <bridge s|tp='off'>\n    <interface type='ethernet' name='eth0'/>\n  </bridge>\n</interface>`, 'file:///ws/br0.xml').value;
  assert.match(host, /Spanning Tree/);
  const bond = hoverAt(`<interface type='bond' name='bond0'>\n  <bond mode='802.3a|d'>\n    <interface type='ethernet' name='eth0'/>\n  </bond>\n</interface>`, 'file:///ws/bond.xml').value;
  assert.match(bond, /`802\.3ad`: LACP/);
});

test('hover on a NIC source names the workspace network it uses', () => {
  const net = `<network>\n  <name>lab</name>\n  <forward mode='route'/>\n  <bridge name='virbr9'/>\n  <ip address='10.9.0.1' prefix='24'/>\n</network>`;
  const c = cursor(`<interface type='network'>\n  <source network='la|b'/>\n</interface>`);
  const s = serviceWith('file:///ws/nic.xml', c.text, { 'file:///ws/lab.xml': net });
  const v = (s.hover('file:///ws/nic.xml', c.position)!.contents as MarkupContent).value;
  assert.match(v, /Defined in `lab\.xml`: forward `route`, bridge `virbr9`, `10\.9\.0\.0\/24`/);
  const c2 = cursor(`<interface type='network'>\n  <source network='nop|e'/>\n</interface>`);
  const v2 = (serviceWith('file:///ws/nic.xml', c2.text).hover('file:///ws/nic.xml', c2.position)!.contents as MarkupContent).value;
  assert.match(v2, /No network named `nope` in the workspace/);
});

test('route with a netmask: destination from the mask', () => {
  const v = hoverAt(NAT(`  <ip address='192.168.122.1' prefix='24'/>\n  <ro|ute address='10.0.0.0' netmask='255.255.0.0' gateway='192.168.122.2'/>`)).value;
  assert.match(v, /\*\*Destination\*\* `10\.0\.0\.0\/16`/);
});

test('non-libvirt XML gets no hover', () => {
  assert.equal(hoverAt(`<foo><b|ar/></foo>`, 'file:///ws/other.xml').h, null);
});

test('every element and attribute of the network, NIC and host interface schemas is documented', () => {
  for (const [start, family] of [
    ['network', 'network'],
    ['domainInterface', 'domainInterface'],
    ['hostInterface', 'hostInterface'],
  ] as const) {
    const c = coverage(start, family);
    assert.ok(c.elements.length > 25, `${start}: ${c.elements.length} elements found`);
    assert.deepEqual(c.missingElements, [], `${start}: undocumented elements`);
    assert.deepEqual(c.missingAttributes, [], `${start}: undocumented attributes`);
  }
});

test('hover never comes back empty on a name the network schema knows', () => {
  const text = `<network>
  <name>n</name>
  <uuid>3e3fce45-4f53-4fa7-bb32-11f34168b82b</uuid>
  <forward mode='nat'>
    <nat ipv6='no'>
      <address start='203.0.113.10' end='203.0.113.20'/>
      <port start='1024' end='65535'/>
    </nat>
  </forward>
  <bridge name='virbr1' stp='on' delay='0' macTableManager='kernel' zone='trusted'/>
  <mtu size='9000'/>
  <mac address='52:54:00:12:34:56'/>
  <domain name='lab.example' localOnly='yes'/>
  <dns enable='yes' forwardPlainNames='no'>
    <forwarder domain='corp.example' addr='10.0.0.53'/>
    <txt name='t' value='v'/>
    <srv service='ldap' protocol='tcp' target='ldap.lab.example' port='389' priority='1' weight='1'/>
    <host ip='192.168.122.10'><hostname>web</hostname></host>
  </dns>
  <port isolated='yes'/>
  <portgroup name='eng' default='yes'><bandwidth><inbound average='1000'/></bandwidth></portgroup>
  <ip address='192.168.122.1' prefix='24' localPtr='yes'>
    <tftp root='/srv/tftp'/>
    <dhcp>
      <range start='192.168.122.100' end='192.168.122.254'><lease expiry='1' unit='hours'/></range>
      <host mac='52:54:00:00:00:01' name='a' ip='192.168.122.10'/>
      <bootp file='pxelinux.0'/>
    </dhcp>
  </ip>
  <route address='10.0.0.0' prefix='8' gateway='192.168.122.2' metric='1'/>
</network>`;
  const s = serviceWith(URI, text);
  const lines = text.split('\n');
  let checked = 0;
  for (let line = 0; line < lines.length; line++) {
    for (const m of lines[line].matchAll(/<\/?([a-zA-Z]+)|\s([a-zA-Z]+)=/g)) {
      const name = m[1] ?? m[2];
      const character = m.index! + m[0].indexOf(name) + 1;
      const h = s.hover(URI, { line, character });
      assert.ok(h, `no hover for ${name} at ${line}:${character}`);
      const v = (h.contents as MarkupContent).value;
      assert.ok(v.length > 40 && !/No VirtNet description/.test(v), `thin hover for ${name}: ${v}`);
      checked++;
    }
  }
  assert.ok(checked > 80, `checked ${checked}`);
});
