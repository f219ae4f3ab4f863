/**
 * workspace/workspaceIndex.ts: an update that keeps a file's MAC keys (the
 * fast path) leaves the index exactly as remove + update would, and reports
 * the same affected files.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { buildModel } from '../server/src/model/libvirt';
import { parseXml } from '../server/src/parse/xml';
import { factsOf, WorkspaceIndex, type FileFacts } from '../server/src/workspace/workspaceIndex';

function facts(uri: string, text: string): FileFacts {
  return factsOf(uri, buildModel('libvirt-network', parseXml(text).root!));
}

function net(name: string, macs: string[], pad = ''): string {
  const hosts = macs.map((m, i) => `<host mac='${m}' name='h${i}' ip='10.0.0.${i + 2}'/>`).join('\n');
  return `<network>${pad}<name>${name}</name><mac address='52:54:00:ff:ff:ff'/><ip address='10.0.0.1' prefix='24'><dhcp>\n${hosts}\n</dhcp></ip></network>`;
}

function snapshot(ix: WorkspaceIndex, macs: string[]): unknown {
  return macs.map((m) => ix.macUses(m).map((u) => `${u.uri}@${u.span.start}:${u.role}`));
}

test('an update with unchanged MACs equals remove + update', () => {
  const macs = ['52:54:00:00:00:01', '52:54:00:00:00:02', '52:54:00:00:00:03', '52:54:00:ff:ff:ff'];
  const a1 = net('a', [macs[0], macs[1], macs[0], macs[2]]);
  const b = net('b', [macs[1], macs[3]]);
  const c = net('c', [macs[2]]);
  // The same MACs in the same order, moved (an edit before them).
  const a2 = net('a', [macs[0], macs[1], macs[0], macs[2]], '   ');
  const fast = new WorkspaceIndex();
  const slow = new WorkspaceIndex();
  for (const ix of [fast, slow]) {
    ix.update(facts('u:a', a1));
    ix.update(facts('u:b', b));
    ix.update(facts('u:c', c));
  }
  const viaUpdate = fast.update(facts('u:a', a2));
  const viaRemove = new Set([...slow.remove('u:a'), ...slow.update(facts('u:a', a2))]);
  assert.deepEqual([...viaUpdate].sort(), [...viaRemove].sort());
  assert.deepEqual(snapshot(fast, macs), snapshot(slow, macs));
  // And again, with a file whose MACs are its own only.
  const own = net('d', ['52:54:00:00:10:01', '52:54:00:00:10:02']);
  for (const ix of [fast, slow]) ix.update(facts('u:d', own));
  const own2 = net('d', ['52:54:00:00:10:01', '52:54:00:00:10:02'], ' ');
  const u1 = fast.update(facts('u:d', own2));
  const u2 = new Set([...slow.remove('u:d'), ...slow.update(facts('u:d', own2))]);
  assert.deepEqual([...u1].sort(), [...u2].sort());
  assert.deepEqual(snapshot(fast, [...macs, '52:54:00:00:10:01', '52:54:00:00:10:02']), snapshot(slow, [...macs, '52:54:00:00:10:01', '52:54:00:00:10:02']));
});

test('normalizeMac: lower case and trimmed, unchanged strings kept', async () => {
  const { normalizeMac } = await import('../server/src/workspace/workspaceIndex');
  for (const m of ['52:54:00:AA:bb:cc', ' 52:54:00:aa:bb:cc\t', '52:54:00:aa:bb:cc', '\u00a052:54:00:aa:bb:cc', 'ÄB']) assert.equal(normalizeMac(m), m.trim().toLowerCase());
});
