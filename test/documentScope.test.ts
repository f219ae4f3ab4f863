/**
 * Host documents (`virtnet-net:` URIs, a network's live definition opened
 * from the hosts tree) in the pure service: checked on their own, never
 * paired across files: not with a workspace file defining the same network,
 * not with the facts of their own host or of another host, not with another
 * view of the same network (server/src/workspace/documentScope.ts).
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { createLanguageService } from '../server/src/service/languageService';
import { parseHostFacts, type KvmHostFacts } from '../server/src/workspace/hostFactsFormat';
import { scopeOf } from '../server/src/workspace/documentScope';

const UUID = '9a05da11-e96b-47f3-8253-a3a482e445f5';
const OTHER = '0c4a3c51-7a38-4e1b-9d0b-1a5a2f3c4d5e';
const net = (uuid: string, extra = '') =>
  `<network>\n  <name>lab</name>\n  <uuid>${uuid}</uuid>\n  <bridge name='virbr20'/>\n  <mac address='52:54:00:aa:bb:cc'/>\n  <ip address='10.9.0.1' prefix='24'>\n    <dhcp><host mac='52:54:00:12:34:56' ip='10.9.0.5'/></dhcp>\n  </ip>${extra}\n</network>\n`;
const HOST_LIVE = 'virtnet-net:/kvm1/lab.xml?live';
const HOST_EDIT = 'virtnet-net:/kvm1/lab.xml';
const FILE = 'file:///ws/lab.xml';

function hostFacts(host: string, uuid: string): KvmHostFacts {
  const r = parseHostFacts({
    host,
    readAt: '2026-12-05T05:00:00Z',
    facts: {
      networks: [{ name: 'lab', uuid, bridge: 'virbr20', forwardMode: 'nat', active: true, subnets: ['10.9.0.0/24'] }],
      vms: [{ name: 'web1', nics: [{ mac: '52:54:00:12:34:56', network: 'lab' }] }],
      bridges: ['virbr20'],
    },
  });
  assert.ok(r.ok && r.facts);
  return r.facts;
}

const codes = (ds: { code?: string | number }[]) => ds.map((d) => String(d.code)).sort();
const cross = /duplicate|overlapping|used-by-host|missing-bridge|unknown-source/;

test('scopeOf: host documents carry their host; everything else is the workspace', () => {
  assert.deepEqual(scopeOf(HOST_LIVE), { kind: 'host', host: 'kvm1' });
  assert.deepEqual(scopeOf('virtnet-net:/kvm%20one/lab.xml?inactive'), { kind: 'host', host: 'kvm one' });
  assert.deepEqual(scopeOf('virtnet-net:///a%252Fb/lab.xml'), { kind: 'host', host: 'a/b' });
  assert.deepEqual(scopeOf(FILE), { kind: 'workspace' });
  assert.deepEqual(scopeOf('untitled:Untitled-1'), { kind: 'workspace' });
  assert.deepEqual(scopeOf('virtnet-host://kvm1/network/lab'), { kind: 'workspace' });
});

test('a host document beside the workspace file of the same network: no duplicate on either side', () => {
  const s = createLanguageService();
  s.setFile(FILE, net(OTHER));
  const affected = s.setFile(HOST_LIVE, net(UUID));
  assert.deepEqual(affected, [HOST_LIVE], 'a host document affects no workspace file');
  assert.deepEqual(codes(s.getDiagnostics(FILE)).filter((c) => cross.test(c)), []);
  assert.deepEqual(codes(s.getDiagnostics(HOST_LIVE)).filter((c) => cross.test(c)), []);
  // Two workspace files still pair, and the host document is not among the related.
  s.setFile('file:///ws/lab2.xml', net(OTHER));
  const ds = s.getDiagnostics(FILE);
  assert.ok(ds.some((d) => d.code === 'libvirt/duplicate-network-name'), JSON.stringify(ds));
  assert.ok(ds.every((d) => (d.relatedInformation ?? []).every((r) => r.location.uri !== HOST_LIVE)), JSON.stringify(ds));
});

test("a host document against its own host's facts, another host's facts and another view of the network: nothing", () => {
  const s = createLanguageService();
  s.setHost(hostFacts('kvm1', OTHER));
  s.setHost(hostFacts('kvm2', OTHER));
  s.setFile(HOST_LIVE, net(UUID));
  s.setFile(HOST_EDIT, net(UUID));
  for (const u of [HOST_LIVE, HOST_EDIT]) assert.deepEqual(codes(s.getDiagnostics(u)).filter((c) => cross.test(c)), [], u);
  // The same text as a workspace file clashes with both hosts (name with another UUID, MAC, subnet).
  s.setFile(FILE, net(UUID));
  assert.ok(codes(s.getDiagnostics(FILE)).includes('libvirt/duplicate-network-name'));
});

test('a host document is still checked on its own', () => {
  const s = createLanguageService();
  s.setFile(HOST_LIVE, net(UUID, "\n  <ip address='10.9.0.300' prefix='24'/>"));
  const ds = s.getDiagnostics(HOST_LIVE);
  assert.ok(ds.length > 0 && ds.every((d) => !cross.test(String(d.code))), JSON.stringify(codes(ds)));
});

test('removing a host document touches no workspace file', () => {
  const s = createLanguageService();
  s.setFile(FILE, net(UUID));
  s.setFile(HOST_LIVE, net(OTHER));
  assert.deepEqual(s.removeFile(HOST_LIVE), [HOST_LIVE]);
});

test("editor features in a host document see that document only: rename and references leave the workspace's files alone", () => {
  const s = createLanguageService();
  const name = `<network>\n  <name>lab</name>\n  <bridge name='virbr20'/>\n</network>\n`;
  const vm = `<domain type='qemu'><name>v</name><memory>1</memory><os><type>hvm</type></os><devices><interface type='network'><source network='lab'/></interface></devices></domain>`;
  s.setFile(FILE, name);
  s.setFile('file:///ws/vm.xml', vm);
  s.setFile(HOST_EDIT, name);
  const at = { line: 1, character: 9 };
  assert.deepEqual(Object.keys(s.rename(HOST_EDIT, at, 'lab2')?.changes ?? {}), [HOST_EDIT]);
  assert.deepEqual(s.references(HOST_EDIT, at, true).map((l) => l.uri), [HOST_EDIT]);
  // And the workspace's own rename does not reach into the host document.
  assert.deepEqual(Object.keys(s.rename(FILE, at, 'lab2')?.changes ?? {}).sort(), [FILE, 'file:///ws/vm.xml']);
});
