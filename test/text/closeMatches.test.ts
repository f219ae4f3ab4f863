/**
 * The one edit distance behind every "did you mean" (libvirt, netplan,
 * interfaces).
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { closeMatches, editDistance } from '../../server/src/text/closeMatches';

test('editDistance: insertions, deletions, substitutions and adjacent swaps cost 1 each', () => {
  assert.equal(editDistance('', ''), 0);
  assert.equal(editDistance('', 'abc'), 3);
  assert.equal(editDistance('bridge', 'bridge'), 0);
  assert.equal(editDistance('brige', 'bridge'), 1);
  assert.equal(editDistance('bridgee', 'bridge'), 1);
  assert.equal(editDistance('enx00e04c534459', 'enx00e04c534458'), 1);
  assert.equal(editDistance('forwrad', 'forward'), 1, 'a swap of two neighbours is one edit');
  assert.equal(editDistance('kitten', 'sitting'), 3);
  assert.equal(editDistance('ca', 'abc'), 3, 'optimal string alignment: no edits inside a swapped pair');
});

test('editDistance: with a bound, answers bound + 1 once the distance is known to exceed it', () => {
  assert.equal(editDistance('kitten', 'sitting', 2), 3);
  assert.equal(editDistance('a', 'abcdef', 2), 3);
  assert.equal(editDistance('eth0', 'eth1', 2), 1);
  assert.equal(editDistance('enp3s0f0', 'enp3s0f1', 0), 1);
  for (const [a, b] of [['forwrad', 'forward'], ['br0', 'br10'], ['abcdef', 'badcfe']]) {
    const d = editDistance(a, b);
    assert.equal(editDistance(a, b, d), d, `${a}/${b} within its own distance`);
    assert.equal(editDistance(a, b, d - 1), d, `${a}/${b} one below`);
  }
});

test('closeMatches: same name in another case first, then by distance; short names allow one edit', () => {
  assert.deepEqual(closeMatches('Forward', ['forward', 'forwrad', 'bridge']), ['forward', 'forwrad']);
  assert.deepEqual(closeMatches('brdge', ['bridge', 'bridges', 'range']), ['bridge', 'bridges']);
  assert.deepEqual(closeMatches('eth9', ['eth0', 'eth10', 'wlan0']), ['eth0']);
  assert.deepEqual(closeMatches('br9', ['br10']), [], 'two edits are too many for a short name');
  assert.deepEqual(closeMatches('enx00e04c534459', ['enp3s0f0', 'enx00e04c534458']), ['enx00e04c534458']);
  assert.deepEqual(closeMatches('x', ['x', '']), [], 'the word itself and empty names are not suggestions');
});
