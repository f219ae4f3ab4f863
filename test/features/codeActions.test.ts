/**
 * Quick fixes at the language-service boundary: for each fixable
 * diagnostic, ask for the code actions at its range, apply the chosen
 * action's edit to the document, re-run the service, and check that the
 * diagnostic is gone and nothing new is reported.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { CodeAction, Diagnostic } from 'vscode-languageserver-types';
import type { LanguageService } from '../../server/src/service/languageService';
import { serviceWith } from '../harness/cursor';
import { applyEdits } from '../harness/edits';

const URI = 'file:///ws/net.xml';

const show = (ds: Diagnostic[]) => ds.map((d) => `${d.range.start.line}:${d.range.start.character} ${String(d.code)}: ${d.message}`).join('\n');

interface Fixed {
  readonly actions: CodeAction[];
  readonly action: CodeAction;
  readonly text: string;
  readonly after: Diagnostic[];
  readonly service: LanguageService;
}

/**
 * Finds the (single) diagnostic `code` in `text`, asks for its fixes, applies
 * the one whose title matches `title` (the preferred one by default), and
 * returns the new text and its diagnostics. Asserts that the action is a
 * quickfix bound to the diagnostic and that no diagnostic appears that was
 * not there before.
 */
/** The host's bridge br0, as an interfaces file defines it: bridged fixtures need one to be clean (libvirt/missing-bridge). */
const HOST_BR0 = { 'file:///host/interfaces': 'auto br0\niface br0 inet manual\n    bridge_ports eth0\n' };

function fix(text: string, code: string, title?: RegExp, others: Record<string, string> = {}, uri = URI): Fixed {
  const service = serviceWith(uri, text, { ...HOST_BR0, ...others });
  const before = service.getDiagnostics(uri);
  const targets = before.filter((d) => d.code === code);
  assert.equal(targets.length, 1, `expected one ${code} in:\n${show(before)}`);
  const actions = service.codeActions(uri, targets[0].range, [targets[0]]);
  assert.ok(actions.length > 0, `no code action for ${code}`);
  const action = title ? actions.find((a) => title.test(a.title)) : (actions.find((a) => a.isPreferred) ?? actions[0]);
  assert.ok(action, `no action matching ${title} among: ${actions.map((a) => a.title).join(' | ')}`);
  assert.equal(action.kind, 'quickfix');
  assert.deepEqual(action.diagnostics, [targets[0]]);
  const edits = action.edit?.changes?.[uri];
  assert.ok(edits && edits.length > 0, 'the action has no edit for the document');
  assert.deepEqual(Object.keys(action.edit!.changes!), [uri], 'the fix touches only the document');
  const fixed = applyEdits(text, edits);
  service.setFile(uri, fixed);
  const after = service.getDiagnostics(uri);
  assert.ok(!after.some((d) => d.code === code), `${code} still reported after "${action.title}":\n${fixed}\n${show(after)}`);
  const known = new Set(before.map((d) => `${String(d.code)}|${d.message}`));
  const fresh = after.filter((d) => !known.has(`${String(d.code)}|${d.message}`));
  assert.deepEqual(fresh, [], `"${action.title}" introduced new diagnostics:\n${fixed}\n${show(fresh)}`);
  return { actions, action, text: fixed, after, service };
}

/** Like fix(), and the fixed document has no diagnostics at all. */
function fixClean(text: string, code: string, title?: RegExp, others: Record<string, string> = {}, uri = URI): Fixed {
  const r = fix(text, code, title, others, uri);
  assert.deepEqual(show(r.after), '', `diagnostics left after "${r.action.title}":\n${r.text}`);
  return r;
}

const UUID_RE = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;
const FRESH_MAC_RE = /^52:54:00:[0-9a-f]{2}:[0-9a-f]{2}:[0-9a-f]{2}$/;

const net = (body: string, name = 'n1') => `<network>\n  <name>${name}</name>\n${body}</network>\n`;

// ------------------------------------------------------------------ UUIDs

test('invalid <uuid> text: replaced with a fresh UUID', () => {
  const r = fixClean(net("  <uuid>not-a-uuid</uuid>\n  <ip address='192.168.100.1' prefix='24'/>\n"), 'libvirt/invalid-value');
  const uuid = /<uuid>([^<]*)<\/uuid>/.exec(r.text)![1];
  assert.match(uuid, UUID_RE);
  assert.match(r.action.title, /fresh UUID/);
  assert.equal(r.action.isPreferred, true);
});

test('empty <uuid/>: filled with a fresh UUID', () => {
  const r = fixClean(net("  <uuid/>\n  <ip address='192.168.100.1' prefix='24'/>\n"), 'libvirt/invalid-value');
  assert.match(/<uuid>([^<]*)<\/uuid>/.exec(r.text)![1], UUID_RE);
});

test('duplicate network UUID across files: replaced with a fresh one', () => {
  const uuid = '0f2d0e2d-7c6a-4d3b-9e1f-2a3b4c5d6e7f';
  const other = net(`  <uuid>${uuid}</uuid>\n  <ip address='192.168.101.1' prefix='24'/>\n`, 'other');
  const r = fixClean(net(`  <uuid>${uuid}</uuid>\n  <ip address='192.168.100.1' prefix='24'/>\n`), 'libvirt/duplicate-network-uuid', undefined, {
    'file:///ws/other.xml': other,
  });
  assert.notEqual(/<uuid>([^<]*)<\/uuid>/.exec(r.text)![1], uuid);
  assert.deepEqual(r.service.getDiagnostics('file:///ws/other.xml'), []);
});

// ------------------------------------------------------------------ MACs

test('invalid network <mac address>: a fresh 52:54:00 MAC', () => {
  const r = fixClean(net("  <mac address='52:54:00:zz:00:01'/>\n  <ip address='192.168.100.1' prefix='24'/>\n"), 'libvirt/invalid-value');
  assert.match(/address='([^']*)'/.exec(r.text)![1], FRESH_MAC_RE);
});

test('multicast bridge MAC: fresh MAC (preferred) or the same MAC with the multicast bit cleared', () => {
  const text = net("  <mac address='4b:c3:6a:72:c2:30'/>\n  <ip address='192.168.100.1' prefix='24'/>\n");
  const a = fixClean(text, 'libvirt/bridge-mac-multicast');
  assert.match(a.action.title, /fresh MAC/);
  assert.match(/mac address='([^']*)'/.exec(a.text)![1], FRESH_MAC_RE);
  const b = fixClean(text, 'libvirt/bridge-mac-multicast', /multicast bit/);
  assert.match(b.text, /<mac address='4a:c3:6a:72:c2:30'\/>/);
});

test('multicast MAC on a VM NIC and on a DHCP host', () => {
  const domain = `<domain type='kvm'>
  <name>vm1</name>
  <memory>1048576</memory>
  <os><type>hvm</type></os>
  <devices>
    <interface type='bridge'>
      <mac address='01:54:00:00:00:01'/>
      <source bridge='br0'/>
      <model type='virtio'/>
    </interface>
  </devices>
</domain>
`;
  const r = fixClean(domain, 'libvirt/nic-mac-multicast', undefined, {}, 'file:///ws/vm1.xml');
  assert.match(/mac address='([^']*)'/.exec(r.text)![1], FRESH_MAC_RE);

  const dhcp = net(`  <ip address='192.168.100.1' prefix='24'>
    <dhcp>
      <range start='192.168.100.101' end='192.168.100.254'/>
      <host mac='33:54:00:00:00:07' ip='192.168.100.7'/>
    </dhcp>
  </ip>
`);
  const h = fixClean(dhcp, 'libvirt/dhcp-host-mac-multicast');
  assert.match(/host mac='([^']*)'/.exec(h.text)![1], FRESH_MAC_RE);
});

test('the same MAC on two VMs: a fresh MAC that no file uses', () => {
  const vm = (name: string) => `<domain type='kvm'>
  <name>${name}</name>
  <memory>1048576</memory>
  <os><type>hvm</type></os>
  <devices>
    <interface type='bridge'>
      <mac address='52:54:00:aa:bb:cc'/>
      <source bridge='br0'/>
    </interface>
  </devices>
</domain>
`;
  const r = fixClean(vm('vm1'), 'libvirt/duplicate-mac', undefined, { 'file:///ws/vm2.xml': vm('vm2') }, 'file:///ws/vm1.xml');
  assert.notEqual(/mac address='([^']*)'/.exec(r.text)![1], '52:54:00:aa:bb:cc');
  assert.deepEqual(r.service.getDiagnostics('file:///ws/vm2.xml'), []);
});

// ------------------------------------------------------------------ DHCP ranges

const withRange = (start: string, end: string, address = '192.168.100.1', prefix = "prefix='24'") =>
  net(`  <ip address='${address}' ${prefix}>
    <dhcp>
      <range start='${start}' end='${end}'/>
    </dhcp>
  </ip>
`);
const rangeOf = (text: string) => /<range start='([^']*)' end='([^']*)'/.exec(text)!.slice(1).join(' – ');

test('range wholly outside the subnet: moved in, keeping its host part (.101–.254 style)', () => {
  const r = fixClean(withRange('10.0.0.101', '10.0.0.254'), 'libvirt/dhcp-range-outside-subnet');
  assert.equal(rangeOf(r.text), '192.168.100.101 – 192.168.100.254');
  assert.match(r.action.title, /Fit the range into 192\.168\.100\.0\/24/);
});

test('range partly outside the subnet: clamped to the last usable address', () => {
  const r = fixClean(withRange('192.168.100.50', '192.168.101.20'), 'libvirt/dhcp-range-outside-subnet');
  assert.equal(rangeOf(r.text), '192.168.100.50 – 192.168.100.254');
  // Alternatives: the whole subnet and the tutorial's upper part.
  const whole = fixClean(withRange('192.168.100.50', '192.168.101.20'), 'libvirt/dhcp-range-outside-subnet', /whole/);
  assert.equal(rangeOf(whole.text), '192.168.100.2 – 192.168.100.254');
  const upper = fixClean(withRange('192.168.100.50', '192.168.101.20'), 'libvirt/dhcp-range-outside-subnet', /upper/);
  assert.equal(rangeOf(upper.text), '192.168.100.101 – 192.168.100.254');
});

test('range at the network or broadcast address: moved off them (and off the gateway)', () => {
  const a = fixClean(withRange('192.168.100.0', '192.168.100.200'), 'libvirt/dhcp-range-network-address');
  assert.equal(rangeOf(a.text), '192.168.100.2 – 192.168.100.200');
  const b = fixClean(withRange('192.168.100.10', '192.168.100.255'), 'libvirt/dhcp-range-network-address');
  assert.equal(rangeOf(b.text), '192.168.100.10 – 192.168.100.254');
});

test('reversed range: swap start and end (preferred)', () => {
  const r = fixClean(withRange('192.168.100.200', '192.168.100.10'), 'libvirt/dhcp-range-reversed');
  assert.match(r.action.title, /Swap/);
  assert.equal(rangeOf(r.text), '192.168.100.10 – 192.168.100.200');
  assert.equal(r.action.edit!.changes![URI].length, 2);
});

test('too large a range: capped to 65536 addresses', () => {
  const r = fixClean(withRange('10.0.0.2', '10.3.0.200', '10.0.0.1', "prefix='8'"), 'libvirt/dhcp-range-too-large');
  assert.equal(rangeOf(r.text), '10.0.0.2 – 10.0.255.255');
});

test("range containing the host's address: start after it", () => {
  const r = fixClean(withRange('192.168.100.1', '192.168.100.254'), 'libvirt/dhcp-range-includes-host-ip');
  assert.equal(rangeOf(r.text), '192.168.100.2 – 192.168.100.254');
  // Gateway near the top: the range ends before it instead.
  const top = fixClean(withRange('192.168.100.2', '192.168.100.254', '192.168.100.250'), 'libvirt/dhcp-range-includes-host-ip');
  assert.equal(rangeOf(top.text), '192.168.100.2 – 192.168.100.249');
});

test('IPv6 range outside its /64: moved in', () => {
  const text = net(`  <ip family='ipv6' address='2001:db8:ca2:2::1' prefix='64'>
    <dhcp>
      <range start='2001:db8:ca2:3::100' end='2001:db8:ca2:3::1ff'/>
    </dhcp>
  </ip>
`);
  const r = fixClean(text, 'libvirt/dhcp-range-outside-subnet');
  assert.equal(rangeOf(r.text), '2001:db8:ca2:2::100 – 2001:db8:ca2:2::1ff');
});

// ------------------------------------------------------------------ netmask and prefix

test('netmask and prefix together: keep either', () => {
  const text = net("  <ip address='192.168.100.1' netmask='255.255.255.0' prefix='24'/>\n");
  const a = fixClean(text, 'libvirt/unknown-attribute', /Keep prefix/);
  assert.match(a.text, /<ip address='192\.168\.100\.1' prefix='24'\/>/);
  const b = fixClean(text, 'libvirt/unknown-attribute', /Keep netmask/);
  assert.match(b.text, /<ip address='192\.168\.100\.1' netmask='255\.255\.255\.0'\/>/);
  assert.equal(b.actions.filter((x) => x.isPreferred).length, 1);
});

// ------------------------------------------------------------------ overlapping subnets

test('subnet overlapping another network: moved to the next free /24 with its range, hosts and routes', () => {
  const other = net("  <bridge name='virbr1'/>\n  <ip address='192.168.100.1' prefix='24'/>\n", 'other');
  const mine = `<network>
  <name>mine</name>
  <forward mode='nat'/>
  <bridge name='virbr2'/>
  <ip address='192.168.100.1' netmask='255.255.255.0'>
    <dhcp>
      <range start='192.168.100.101' end='192.168.100.254'/>
      <host mac='52:54:00:00:00:09' name='db' ip='192.168.100.9'/>
    </dhcp>
  </ip>
  <route address='10.20.0.0' prefix='16' gateway='192.168.100.5'/>
</network>
`;
  const r = fixClean(mine, 'libvirt/overlapping-subnets', undefined, { 'file:///ws/other.xml': other });
  assert.match(r.action.title, /192\.168\.101\.0\/24/);
  assert.equal(
    r.text,
    mine
      .replace("address='192.168.100.1'", "address='192.168.101.1'")
      .replace('192.168.100.101', '192.168.101.101')
      .replace('192.168.100.254', '192.168.101.254')
      .replace('192.168.100.9', '192.168.101.9')
      .replace('192.168.100.5', '192.168.101.5'),
  );
  assert.deepEqual(r.service.getDiagnostics('file:///ws/other.xml'), []);
});

test('next free subnet skips every workspace network and libvirt default 192.168.122.0/24', () => {
  const others: Record<string, string> = {};
  for (let i = 100; i <= 121; i++) others[`file:///ws/o${i}.xml`] = net(`  <bridge name='vb${i}'/>\n  <ip address='192.168.${i}.1' prefix='24'/>\n`, `o${i}`);
  const mine = net("  <bridge name='vbx'/>\n  <ip address='192.168.110.1' prefix='24'/>\n", 'mine');
  const r = fixClean(mine, 'libvirt/overlapping-subnets', undefined, others);
  assert.match(r.text, /address='192\.168\.123\.1'/);
});

// ------------------------------------------------------------------ forward modes

test("forward mode 'nat' without <ip>: add one on a free subnet with DHCP, indented like the document", () => {
  const text = "<network>\n    <name>n</name>\n    <forward mode='nat'/>\n    <bridge name='virbr3'/>\n</network>\n";
  const r = fixClean(text, 'libvirt/forward-needs-ip');
  assert.equal(
    r.text,
    "<network>\n    <name>n</name>\n    <forward mode='nat'/>\n    <bridge name='virbr3'/>\n" +
      "    <ip address='192.168.100.1' prefix='24'>\n        <dhcp>\n            <range start='192.168.100.2' end='192.168.100.254'/>\n        </dhcp>\n    </ip>\n</network>\n",
  );
});

test('forward-needs-ip: the new subnet avoids workspace networks; double quotes are kept', () => {
  const other = net("  <bridge name='virbr1'/>\n  <ip address='192.168.100.1' prefix='24'/>\n", 'other');
  const text = '<network>\n  <name>n</name>\n  <forward mode="route"/>\n</network>\n';
  const r = fixClean(text, 'libvirt/forward-needs-ip', undefined, { 'file:///ws/other.xml': other });
  assert.match(r.text, /<ip address="192\.168\.101\.1" prefix="24">/);
});

test("forward mode 'bridge' with neither bridge nor device: add <bridge name> (a known host bridge if any)", () => {
  const text = "<network>\n  <name>lan</name>\n  <forward mode='bridge'/>\n</network>\n";
  const a = fixClean(text, 'libvirt/bridge-or-forward-dev');
  assert.equal(a.text, "<network>\n  <name>lan</name>\n  <forward mode='bridge'/>\n  <bridge name='br0'/>\n</network>\n");
  const hostBridge = "<interface type='bridge' name='br7'>\n  <start mode='onboot'/>\n  <protocol family='ipv4'>\n    <dhcp/>\n  </protocol>\n  <bridge stp='off'>\n    <interface type='ethernet' name='eth0'/>\n  </bridge>\n</interface>\n";
  const b = fix(text, 'libvirt/bridge-or-forward-dev', undefined, { 'file:///ws/br7.xml': hostBridge });
  assert.match(b.text, /<bridge name='br7'\/>/);
  assert.deepEqual(b.after, []);
});

test('elements a forward mode forbids are removed with their whole lines', () => {
  const text = `<network>
  <name>lan</name>
  <forward mode='bridge'/>
  <bridge name='br0'/>
  <mtu size='9000'/>
  <ip address='192.168.100.1' prefix='24'>
    <dhcp>
      <range start='192.168.100.2' end='192.168.100.254'/>
    </dhcp>
  </ip>
</network>
`;
  const a = fix(text, 'libvirt/mtu-not-allowed');
  assert.equal(a.text, text.replace("  <mtu size='9000'/>\n", ''));
  const b = fix(a.text, 'libvirt/element-not-allowed-in-mode');
  assert.equal(b.text, "<network>\n  <name>lan</name>\n  <forward mode='bridge'/>\n  <bridge name='br0'/>\n</network>\n");
  assert.deepEqual(b.after, []);
});

test("<nat> in mode 'route': remove it (the empty <forward> closes itself) or switch to nat", () => {
  const text = net(`  <forward mode='route'>
    <nat>
      <port start='1024' end='65535'/>
    </nat>
  </forward>
  <ip address='192.168.100.1' prefix='24'/>
`);
  const a = fixClean(text, 'libvirt/nat-not-nat-mode', /Remove/);
  assert.match(a.text, /<forward mode='route'\/>\n  <ip /);
  const b = fixClean(text, 'libvirt/nat-not-nat-mode', /mode to 'nat'/);
  assert.match(b.text, /<forward mode='nat'>/);
});

test("<bridge stp> in mode 'bridge': the attribute is removed", () => {
  const text = "<network>\n  <name>lan</name>\n  <forward mode='bridge'/>\n  <bridge name='br0' stp='on'/>\n</network>\n";
  const r = fixClean(text, 'libvirt/bridge-option-not-allowed');
  assert.equal(r.text, "<network>\n  <name>lan</name>\n  <forward mode='bridge'/>\n  <bridge name='br0'/>\n</network>\n");
});

test("<bridge name> in a direct mode: the lone attribute takes the element with it", () => {
  const text = "<network>\n  <name>mv</name>\n  <forward mode='private' dev='eth0'/>\n  <bridge name='br0'/>\n</network>\n";
  const r = fixClean(text, 'libvirt/bridge-option-not-allowed');
  assert.equal(r.text, "<network>\n  <name>mv</name>\n  <forward mode='private' dev='eth0'/>\n</network>\n");
});

// ------------------------------------------------------------------ spelling

test('misspelt element: renamed in start and end tag', () => {
  const a = fixClean(net("  <forwrd mode='nat'/>\n  <ip address='192.168.100.1' prefix='24'/>\n"), 'libvirt/unknown-element');
  assert.equal(a.action.title, 'Change to <forward>');
  assert.match(a.text, /<forward mode='nat'\/>/);
  const b = fixClean(
    net(`  <ip address='192.168.100.1' prefix='24'>
    <dhcp>
      <range start='192.168.100.101' end='192.168.100.254'/>
      <hots mac='52:54:00:00:00:01' ip='192.168.100.9'></hots>
    </dhcp>
  </ip>
`),
    'libvirt/unknown-element',
  );
  assert.match(b.text, /<host mac='52:54:00:00:00:01' ip='192\.168\.100\.9'><\/host>/);
});

test('misspelt attribute: renamed', () => {
  const r = fixClean(net("  <bridge name='virbr6' stpp='on'/>\n  <ip address='192.168.100.1' prefix='24'/>\n"), 'libvirt/unknown-attribute');
  assert.equal(r.action.title, "Change to 'stp'");
});

test('unknown names with no close match get no fix', () => {
  const text = net("  <frobnicate/>\n  <ip address='192.168.100.1' prefix='24'/>\n");
  const s = serviceWith(URI, text);
  const d = s.getDiagnostics(URI).find((x) => x.code === 'libvirt/unknown-element')!;
  assert.deepEqual(s.codeActions(URI, d.range, [d]), []);
});

test('enumerated value with a close match or a synonym', () => {
  const a = fixClean(net("  <forward mode='natt'/>\n  <ip address='192.168.100.1' prefix='24'/>\n"), 'libvirt/invalid-value');
  assert.equal(a.action.title, "Change to 'nat'");
  const b = fixClean(net("  <bridge name='virbr8' stp='On'/>\n  <ip address='192.168.100.1' prefix='24'/>\n"), 'libvirt/invalid-value');
  assert.match(b.text, /stp='on'/);
  const c = fixClean(net("  <bridge name='virbr8' stp='true'/>\n  <ip address='192.168.100.1' prefix='24'/>\n"), 'libvirt/invalid-value');
  assert.match(c.text, /stp='on'/);
});

// ------------------------------------------------------------------ plumbing

test('without diagnostics from the client, the service finds the ones in the range', () => {
  const text = net("  <forward mode='natt'/>\n  <ip address='192.168.100.1' prefix='24'/>\n");
  const s = serviceWith(URI, text);
  const actions = s.codeActions(URI, { start: { line: 2, character: 18 }, end: { line: 2, character: 18 } }, []);
  assert.deepEqual(
    actions.map((a) => a.title),
    ["Change to 'nat'"],
  );
});

test('CRLF documents keep CRLF in inserted lines', () => {
  const text = "<network>\r\n  <name>n</name>\r\n  <forward mode='nat'/>\r\n</network>\r\n";
  const r = fixClean(text, 'libvirt/forward-needs-ip');
  assert.ok(!/[^\r]\n/.test(r.text), JSON.stringify(r.text));
});

test('no actions for diagnostics of other tools or unknown codes', () => {
  const text = net("  <forward mode='natt'/>\n  <ip address='192.168.100.1' prefix='24'/>\n");
  const s = serviceWith(URI, text);
  const d = s.getDiagnostics(URI)[0];
  assert.deepEqual(s.codeActions(URI, d.range, [{ ...d, source: 'xml' }]), []);
  assert.deepEqual(s.codeActions(URI, d.range, [{ ...d, code: 'libvirt/nope' }]), []);
});

// ------------------------------------------------------------------ more addressing and bridges

test("mode 'bridge' with both a host bridge and a device: keep either", () => {
  const text = "<network>\n  <name>hb</name>\n  <forward mode='bridge' dev='eth0'/>\n  <bridge name='br0'/>\n</network>\n";
  const a = fixClean(text, 'libvirt/bridge-or-forward-dev', /Keep the host bridge/);
  assert.equal(a.text, "<network>\n  <name>hb</name>\n  <forward mode='bridge'/>\n  <bridge name='br0'/>\n</network>\n");
  const b = fixClean(text, 'libvirt/bridge-or-forward-dev', /Keep the forward device/);
  assert.equal(b.text, "<network>\n  <name>hb</name>\n  <forward mode='bridge' dev='eth0'/>\n</network>\n");
  const pool = "<network>\n  <name>hb</name>\n  <forward mode='bridge'>\n    <interface dev='eth0'/>\n  </forward>\n  <bridge name='br0'/>\n</network>\n";
  const c = fixClean(pool, 'libvirt/bridge-or-forward-dev', /Keep the host bridge/);
  assert.equal(c.text, "<network>\n  <name>hb</name>\n  <forward mode='bridge'/>\n  <bridge name='br0'/>\n</network>\n");
});

test('bridge name used by another network: the first unused virbrN', () => {
  const other = net("  <bridge name='virbr0'/>\n  <ip address='192.168.101.1' prefix='24'/>\n", 'other');
  const r = fixClean(net("  <bridge name='virbr0'/>\n  <ip address='192.168.100.1' prefix='24'/>\n"), 'libvirt/duplicate-bridge-name', undefined, {
    'file:///ws/other.xml': other,
  });
  assert.match(r.text, /<bridge name='virbr1'\/>/);
});

test('netmask on an IPv6 <ip>: replaced with a prefix', () => {
  const r = fixClean(net("  <ip family='ipv6' address='fd00:1::1' netmask='255.255.255.0'/>\n"), 'libvirt/ip-netmask');
  assert.match(r.text, /<ip family='ipv6' address='fd00:1::1' prefix='64'\/>/);
});

test('static host outside the subnet: same host part inside it, or the first free address', () => {
  const text = net(`  <ip address='192.168.100.1' prefix='24'>
    <dhcp>
      <range start='192.168.100.101' end='192.168.100.254'/>
      <host mac='52:54:00:00:00:01' ip='192.168.200.5'/>
    </dhcp>
  </ip>
`);
  const a = fixClean(text, 'libvirt/dhcp-host-outside-subnet');
  assert.match(a.text, /ip='192\.168\.100\.5'/);
  const b = fixClean(text, 'libvirt/dhcp-host-outside-subnet', /free address/);
  assert.match(b.text, /ip='192\.168\.100\.2'/);
});

test('static host inside the dynamic range: moved to a free address outside it', () => {
  const text = net(`  <ip address='192.168.100.1' prefix='24'>
    <dhcp>
      <range start='192.168.100.2' end='192.168.100.99'/>
      <host mac='52:54:00:00:00:01' ip='192.168.100.20'/>
      <host mac='52:54:00:00:00:02' ip='192.168.100.100'/>
    </dhcp>
  </ip>
`);
  const r = fixClean(text, 'libvirt/dhcp-host-in-range');
  assert.match(r.text, /ip='192\.168\.100\.101'/);
});
