/**
 * A file edited in place (setFile after setFile: re-parsed incrementally,
 * with views and schema results of unchanged elements reused) gets exactly
 * the diagnostics a fresh service gives for the same text.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { bigNetwork } from '../bench/generate';
import { createLanguageService } from '../server/src/service/languageService';
import { fixtureCases } from './harness/fixtureCases';
import { rng } from './harness/hostileInputs';

/** Small edits at a random place, mostly inside values and text, as typing makes them. */
const PIECES = ['a', '1', '0', ':', '.', ' ', "'", '<', '/', '"', 'x', '<host/>', ''];
function edit(text: string, rnd: () => number): string {
  const at = Math.floor(rnd() * (text.length + 1));
  const removed = rnd() < 0.5 ? Math.floor(rnd() * 3) : 0;
  return text.slice(0, at) + PIECES[Math.floor(rnd() * PIECES.length)] + text.slice(at + removed);
}

function compareChain(uri: string, text: string, edits: number, seed: number): void {
  const rnd = rng(seed);
  const edited = createLanguageService();
  edited.setFile(uri, text);
  edited.getDiagnostics(uri);
  let cur = text;
  for (let i = 0; i < edits; i++) {
    // Back to the original now and then, so that a broken file does not stay broken.
    cur = rnd() < 0.2 ? text : edit(cur, rnd);
    edited.setFile(uri, cur);
    const fresh = createLanguageService();
    fresh.setFile(uri, cur);
    assert.deepEqual(edited.getDiagnostics(uri), fresh.getDiagnostics(uri), `${uri}, edit ${i}: ${JSON.stringify(cur.slice(0, 120))}`);
  }
}

test('edited XML fixtures: the same diagnostics as a fresh service', () => {
  const files = fixtureCases()
    .filter((c) => c.files.length === 1 && c.files[0].uri.endsWith('.xml'))
    .map((c) => c.files[0]);
  assert.ok(files.length > 100);
  files.forEach((f, k) => compareChain(f.uri, f.text, 12, k + 1));
});

test('an edited network with many hosts: the same diagnostics as a fresh service', () => {
  // Duplicates and hosts outside the subnet appear and go as hosts are edited.
  compareChain('file:///big.xml', bigNetwork(300).replace("prefix='16'", "prefix='24'"), 60, 99);
});
