import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseNetplan, isNetplan, toJson, checkNetplanFile } from '../../server/src/netplan';
import { parseGeneral } from '../../server/src/netplan/parse';

test('scalars keep their source text: MACs are not base-60 numbers, y/on are text', () => {
  const p = parseNetplan('network:\n  ethernets:\n    e:\n      macaddress: 02:01:02:03:04:05\n      dhcp4: Yes\n      y: on\n');
  assert.deepEqual(toJson(p.root!), { network: { ethernets: { e: { macaddress: '02:01:02:03:04:05', dhcp4: 'Yes', y: 'on' } } } });
  assert.deepEqual(p.errors, []);
});

test('YAML 1.1 booleans in any case are accepted where netplan wants a boolean', () => {
  for (const b of ['yes', 'No', 'ON', 'off', 'y', 'N', 'True', 'FALSE']) assert.deepEqual(checkNetplanFile('file:///x.yaml', `network:\n  ethernets:\n    e:\n      dhcp4: ${b}\n`), [], b);
  assert.equal(checkNetplanFile('file:///x.yaml', 'network:\n  ethernets:\n    e:\n      dhcp4: 1\n')[0].code, 'netplan/invalid-value');
});

test('never throws on garbage', () => {
  for (const t of ['', '\t', ':', '- a\n b: [', '{{{{', 'network: *x', 'network: &a [*a]', '\u0000\uffff', 'network:\n' + '  '.repeat(300) + 'x']) {
    assert.doesNotThrow(() => checkNetplanFile('file:///x.yaml', t), JSON.stringify(t));
  }
});

test('tabs and inconsistent indentation are YAML errors at the right line', () => {
  const tab = checkNetplanFile('file:///x.yaml', 'network:\n\tversion: 2\n');
  assert.equal(tab[0].code, 'netplan/yaml-syntax');
  assert.equal(tab[0].span.start, 9);
  const ind = checkNetplanFile('file:///x.yaml', 'network:\n  version: 2\n ethernets: {}\n');
  assert.equal(ind[0].code, 'netplan/yaml-syntax');
  assert.ok(ind[0].span.start >= 22 && ind[0].span.start <= 24);
});

test('duplicate keys and aliases: warnings (netplan 0.106 accepts them)', () => {
  const f = checkNetplanFile('file:///x.yaml', 'network:\n  ethernets:\n    e: &a\n      dhcp4: true\n      dhcp4: false\n    f: *a\n');
  assert.deepEqual(f.map((x) => [x.code, x.severity]).sort(), [['netplan/duplicate-key', 'warning'], ['netplan/yaml-alias', 'warning']]);
});

test('duplicate gateway4/gateway6: the warning says netplan 0.106 aborts on a differing one, not that it keeps the last', () => {
  const dup = (text: string) => checkNetplanFile('file:///x.yaml', text).filter((x) => x.code === 'netplan/duplicate-key');
  for (const key of ['gateway4', 'gateway6']) {
    const v = key === 'gateway4' ? ['192.0.2.1', '192.0.2.254'] : ['"2001:db8::1"', '"2001:db8::fe"'];
    const text = `network:\n  version: 2\n  ethernets:\n    e:\n      ${key}: ${v[0]}\n      ${key}: ${v[1]}\n`;
    for (const [how, ws] of [['service', dup(text)], ['general parser', parseGeneral(text).warnings]] as const) {
      assert.equal(ws.length, 1, `${key} ${how}`);
      assert.match(ws[0].message, /netplan 0\.106 keeps the first and aborts if this one differs/, `${key} ${how}`);
      assert.doesNotMatch(ws[0].message, /uses the last one/, `${key} ${how}`);
    }
    // both the warning and the generator-crash error
    assert.deepEqual(checkNetplanFile('file:///x.yaml', text).filter((x) => x.severity === 'error').map((x) => x.code), ['netplan/generator-crash'], key);
  }
  assert.match(dup('network:\n  ethernets:\n    e:\n      dhcp4: true\n      dhcp4: false\n')[0].message, /netplan uses the last one and silently drops the other/);
});

test('recognition by content and by path', () => {
  assert.ok(isNetplan('network:\n  version: 2\n  ethernets: {}\n'));
  assert.ok(isNetplan('# c\nnetwork:\n  bridges:\n    br0: {}\n'));
  assert.ok(isNetplan('anything: 1\n', 'file:///etc/netplan/01-x.yaml'));
  assert.ok(isNetplan('', 'file:///home/u/proj/netplan/host1/50-cloud-init.yaml'));
  assert.ok(!isNetplan('services:\n  web:\n    image: nginx\nnetworks:\n  default: {}\n', 'file:///p/docker-compose.yaml'));
  assert.ok(!isNetplan('apiVersion: v1\nkind: Pod\nspec:\n  containers: []\n'));
  assert.ok(!isNetplan('network:\n  version: 1\n  config:\n    - type: physical\n'));
  assert.ok(!isNetplan('network:\n  mode: bridge\n'));
});

test('dummy-devices and virtual-ethernets are not netplan 0.106 keys', () => {
  for (const k of ['dummy-devices', 'virtual-ethernets']) {
    const f = checkNetplanFile('file:///x.yaml', `network:\n  version: 2\n  ${k}:\n    d0: {}\n`);
    assert.equal(f[0].code, 'netplan/unknown-key', k);
    assert.equal(f[0].span.start, 24);
  }
});

test('an alias to no anchor is a YAML error at the alias (netplan: aliases are not supported)', () => {
  const text = 'network:\n  version: 2\n  ethernets:\n    *engreen:\n      dhcp4: yes\n';
  const p = parseNetplan(text);
  assert.ok(p.errors.length > 0);
  const first = [...p.errors].sort((a, b) => a.span.start - b.span.start)[0];
  assert.ok(text.slice(first.span.start, first.span.end).startsWith('*engreen'), 'the error is at the alias');
  assert.match(first.message, /alias/);
});
