/**
 * `LanguageService.diagnosticsWithHosts` (the pure seam behind
 * `virtnet/checkDocument`'s `hosts`): a file's diagnostics as if some KVM
 * hosts' facts were held too, each replacing a held host of that name, and
 * afterwards the service exactly as it was (`WorkspaceIndex.withHosts`,
 * `KvmHostIndex.overlay`).
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { createLanguageService } from '../server/src/service/languageService';
import { parseHostFacts, type KvmHostFacts } from '../server/src/workspace/hostFactsFormat';
import { KvmHostIndex } from '../server/src/workspace/kvmHosts';

const UUID = '6f0c2b8e-3a4d-4c1e-9b7a-2d5e8f1a3c6b';
const NET = `<network>\n  <name>lab</name>\n  <uuid>${UUID}</uuid>\n  <bridge name='vlab0'/>\n  <ip address='10.9.0.1' prefix='24'/>\n</network>\n`;

function facts(host: string, networks: { name: string; uuid?: string; active?: boolean; subnets?: string[] }[]): KvmHostFacts {
  const p = parseHostFacts({ host, readAt: '2026-12-05T08:00:00Z', facts: { networks, vms: [], bridges: null } });
  assert.ok(p.ok && p.facts);
  return p.facts;
}

const hostsIn = (ds: { relatedInformation?: { location: { uri: string } }[] }[]) => [...new Set(ds.flatMap((d) => (d.relatedInformation ?? []).map((r) => r.location.uri.split('/')[2])))].sort();

test('diagnosticsWithHosts: as if the hosts were held, a held host replaced; the service unchanged afterwards', () => {
  const s = createLanguageService();
  const uri = 'file:///ws/lab.xml';
  s.setFile(uri, NET);
  const heldT = facts('T', [{ name: 'old', uuid: UUID }]);
  s.setHost(heldT);
  const before = s.getDiagnostics(uri);
  assert.deepEqual(hostsIn(before), ['T']);
  const h = facts('H', [{ name: 'busy', active: true, subnets: ['10.9.0.0/16'] }, { name: 'prod', uuid: UUID }]);
  const freshT = facts('T', [{ name: 'lab', uuid: UUID }]);
  const answer = s.diagnosticsWithHosts(uri, [h, freshT]);
  assert.deepEqual(hostsIn(answer), ['H'], 'T read afresh has the deployed copy only: no clash');
  assert.deepEqual(answer.map((d) => d.code).sort(), ['libvirt/duplicate-network-uuid', 'libvirt/overlapping-subnets']);
  assert.deepEqual(s.getDiagnostics(uri), before);
  assert.deepEqual(s.hosts(), [heldT]);
  assert.equal(s.hosts()[0], heldT, 'the very same facts object');
  assert.deepEqual(s.diagnosticsWithHosts(uri, []), before);
});

test('the facade keeps no overlay when a check throws mid-way', () => {
  const boom = { id: 'test/boom', defaultSeverity: 'error' as const, description: '', appliesTo: ['libvirt-network' as const], crossFile: true, run: () => { throw new Error('boom'); } };
  const s = createLanguageService({ checks: [boom] });
  s.setFile('file:///ws/lab.xml', NET);
  s.diagnosticsWithHosts('file:///ws/lab.xml', [facts('H', [])]);
  assert.deepEqual(s.hosts(), []);
});

test('KvmHostIndex.overlay: a new index; the original is untouched', () => {
  const held = new KvmHostIndex();
  const t = facts('T', [{ name: 'a', uuid: UUID }]);
  held.set(t);
  const over = held.overlay([facts('T', []), facts('H', [{ name: 'b', uuid: UUID }])]);
  assert.deepEqual(over.list().map((f) => [f.host, f.networks.length]), [['H', 1], ['T', 0]]);
  assert.deepEqual(over.networksWithUuid(UUID).map((r) => r.host.host), ['H']);
  assert.deepEqual(held.list(), [t]);
  assert.deepEqual(held.networksWithUuid(UUID).map((r) => r.host.host), ['T']);
});
