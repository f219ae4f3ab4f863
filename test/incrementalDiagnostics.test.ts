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

/** Edits of the name's text: everything after it (the <ip> blocks) keeps its element objects and moves. */
function compareNameEdits(uri: string, text: string): void {
  const at = text.indexOf('</name>');
  if (at < 0) return;
  const edited = createLanguageService();
  edited.setFile(uri, text);
  edited.getDiagnostics(uri);
  const versions = [text.slice(0, at) + 'x' + text.slice(at), text.slice(0, at) + 'xyz' + text.slice(at), text, text.slice(0, at - 1) + text.slice(at), text.slice(0, at) + '\n\n' + text.slice(at), text];
  for (const version of versions) {
    edited.setFile(uri, version);
    const fresh = createLanguageService();
    fresh.setFile(uri, version);
    assert.deepEqual(edited.getDiagnostics(uri), fresh.getDiagnostics(uri), `${uri}: ${JSON.stringify(version.slice(0, 120))}`);
  }
}

test('edits of the name before <ip> blocks with problems: kept DHCP views, range problems and host findings move with their elements', () => {
  const problems = bigNetwork(300)
    .replace("prefix='16'", "prefix='24'")
    .replace("<range start='10.200.200.1' end='10.200.255.254'/>", "<range start='10.200.0.90' end='10.200.0.20'/>")
    .replace("name='host7'", "name='host6'")
    .replace("name='host9' ip='10.200.1.11'/>", "name='-host9' ip='10.200.1.11'><lease expiry='1'/></host>");
  compareNameEdits('file:///problems.xml', problems);
  // Over 64 KiB: the line index is moved from the previous version's (lines added and removed above the problems).
  compareNameEdits('file:///large-problems.xml', problems.replace('</dhcp>', `${bigNetwork(2000).split('<dhcp>')[1].split('</dhcp>')[0].replace(/10\.200\./g, '10.201.')}</dhcp>`));
  for (const c of fixtureCases()) if (c.files.length === 1 && c.files[0].uri.endsWith('.xml')) compareNameEdits(c.files[0].uri, c.files[0].text);
});
