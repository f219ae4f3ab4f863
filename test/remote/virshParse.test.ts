/**
 * Parsers of virsh's output, on output captured from real virsh (the test
 * driver and a real libvirtd, in test/remote/data/), and the command
 * builders' argv.
 */
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { test } from 'node:test';
import { parseNetInfo } from '../../client/src/remote/parseNetInfo';
import { parseNameList } from '../../client/src/remote/parseNetList';
import { parseNetXml } from '../../client/src/remote/parseNetXml';
import { netAutostart, netDefine, netDestroy, netDumpXml, netInfo, netListNames, netStart, netUndefine, netUuid } from '../../client/src/remote/virsh';
import { virshArgv } from '../../client/src/remote/virshCommand';

const data = (f: string) => fs.readFileSync(path.join(__dirname, 'data', f), 'utf8');

test('net-list --name: one name per line, non-ASCII kept, trailing empty line dropped', () => {
  assert.deepEqual(parseNameList(data('libvirtd.net-list-name.txt')), ['host-bridge', 'isolated ünï', 'nat-net']);
  assert.deepEqual(parseNameList(data('test-driver.net-list-name.txt')), ['default']);
  assert.deepEqual(parseNameList('\n'), []);
  assert.deepEqual(parseNameList(''), []);
});

test('net-info: active, autostart, persistent, bridge', () => {
  assert.deepEqual(parseNetInfo(data('libvirtd.net-info-active.txt')), {
    name: 'nat-net',
    uuid: '6e55a9fc-a8cb-4187-8d00-2af699ffbd3d',
    active: true,
    persistent: true,
    autostart: true,
    bridge: 'virbr-nat',
  });
  const inactive = parseNetInfo(data('libvirtd.net-info-inactive.txt'));
  assert.equal(inactive.name, 'isolated ünï');
  assert.equal(inactive.active, false);
  assert.equal(inactive.autostart, false);
  assert.equal(inactive.bridge, 'virbr-iso');
  const td = parseNetInfo(data('test-driver.net-info.txt'));
  assert.equal(td.name, 'default');
  assert.equal(td.active, true);
});

test('net-info: a name with a colon and missing fields; garbage gives undefined fields, not a throw', () => {
  const r = parseNetInfo('Name:           a: b\nUUID:           u\nActive:         no\n');
  assert.equal(r.name, 'a: b');
  assert.equal(r.bridge, undefined);
  assert.equal(r.autostart, undefined);
  assert.deepEqual(parseNetInfo('garbage\n\0\n'), { name: undefined, uuid: undefined, active: undefined, persistent: undefined, autostart: undefined, bridge: undefined });
});

test('net-dumpxml: forward mode, bridge, subnets through the server parser', () => {
  const nat = parseNetXml(data('libvirtd.net-dumpxml-nat-live.xml'));
  assert.equal(nat.name, 'nat-net');
  assert.equal(nat.forwardMode, 'nat');
  assert.equal(nat.bridge, 'virbr-nat');
  assert.deepEqual(nat.ips, [
    { address: '10.77.0.1', prefix: 24, subnet: '10.77.0.0/24', family: 'ipv4', dhcp: true },
    { address: 'fd00:77::1', prefix: 64, subnet: 'fd00:77::/64', family: 'ipv6', dhcp: false },
  ]);
  assert.deepEqual(nat.problems, []);
  const iso = parseNetXml(data('libvirtd.net-dumpxml-isolated.xml'));
  assert.equal(iso.forwardMode, undefined);
  assert.equal(iso.name, 'isolated ünï');
  assert.deepEqual(iso.ips.map((i) => i.subnet), ['10.78.0.0/24']);
  const br = parseNetXml(data('libvirtd.net-dumpxml-bridge.xml'));
  assert.equal(br.forwardMode, 'bridge');
  assert.equal(br.bridge, 'br0');
  assert.deepEqual(br.ips, []);
  const td = parseNetXml(data('test-driver.net-dumpxml.xml'));
  assert.equal(td.forwardMode, 'nat');
  assert.equal(td.ips[0].subnet, '192.168.122.0/24');
});

test('net-dumpxml: not XML, or not a network, is a problem, not a throw', () => {
  assert.match(parseNetXml('').problems.join(), /no XML element/);
  assert.match(parseNetXml('<domain/>').problems.join(), /expected <network>/);
  assert.ok(parseNetXml('<network><name>x</name').problems.length > 0);
});

test('builders: names are values of --network, XML goes to stdin', () => {
  const name = '--all;$(id)';
  assert.deepEqual(netListNames().args, ['net-list', '--all', '--name']);
  assert.deepEqual(netListNames('autostart').args, ['net-list', '--all', '--autostart', '--name']);
  assert.deepEqual(netListNames('active').args, ['net-list', '--name']);
  assert.deepEqual(netInfo(name).args, ['net-info', '--network', name]);
  assert.deepEqual(netUuid(name).args, ['net-uuid', '--network', name]);
  assert.deepEqual(netDumpXml(name).args, ['net-dumpxml', '--network', name]);
  assert.deepEqual(netDumpXml(name, { inactive: true }).args, ['net-dumpxml', '--network', name, '--inactive']);
  assert.deepEqual(netStart(name).args, ['net-start', '--network', name]);
  assert.deepEqual(netDestroy(name).args, ['net-destroy', '--network', name]);
  assert.deepEqual(netAutostart(name, true).args, ['net-autostart', '--network', name]);
  assert.deepEqual(netAutostart(name, false).args, ['net-autostart', '--network', name, '--disable']);
  assert.deepEqual(netUndefine(name).args, ['net-undefine', '--network', name]);
  const def = netDefine('<network/>', { validate: true });
  assert.deepEqual(def.args, ['net-define', '--file', '/dev/stdin', '--validate']);
  assert.equal(def.stdin, '<network/>');
  assert.deepEqual(virshArgv('qemu:///system', ['net-list']), ['env', 'LC_ALL=C', 'virsh', '-c', 'qemu:///system', 'net-list']);
});

test("a failed command's error is libvirt's message", () => {
  const r = netStart('x').parse({ stdout: '', stderr: 'error: Failed to start network x\nerror: internal error: bridge name \'virbr0\' already in use.\n', code: 1 });
  assert.equal(r.ok, false);
  if (!r.ok) {
    assert.equal(r.error.message, "Failed to start network x: internal error: bridge name 'virbr0' already in use.");
    assert.equal(r.error.kind, 'command');
  }
});
