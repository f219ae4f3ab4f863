/**
 * parse/reparse.ts: re-parsing only what an edit touched gives exactly the
 * tree a full parse of the new text gives, over chains of random edits of
 * every XML fixture and of a generated large network (each edit applied to
 * the tree the previous reparse returned, as the service does).
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { bigNetwork } from '../bench/generate';
import { reparseXml } from '../server/src/parse/reparse';
import { parseXml } from '../server/src/parse/xml';
import { plain } from './harness/plainXml';
import { fixtureCases } from './harness/fixtureCases';
import { rng } from './harness/hostileInputs';

const PIECES = ['a', 'Z', '1', ' ', '\n', "'", '"', '<', '>', '/', '=', '&', '&amp;', '<x/>', '<host/>', '</', '<!-- c -->', 'name', '<![CDATA[ ]]>', '  '];

function randomEdit(text: string, rnd: () => number): string {
  const at = Math.floor(rnd() * (text.length + 1));
  const removed = rnd() < 0.5 ? Math.floor(rnd() * 4) : 0;
  const inserted = rnd() < 0.7 ? PIECES[Math.floor(rnd() * PIECES.length)] : '';
  return text.slice(0, at) + inserted + text.slice(at + removed);
}

/**
 * Applies `edits` one after another (or each to the original text when not
 * `chained`); returns how many the reparse took (did not refuse).
 */
function chain(text: string, edits: number, seed: number, edit = randomEdit, chained = true): number {
  const rnd = rng(seed);
  let doc = parseXml(text);
  let taken = 0;
  for (let i = 0; i < edits; i++) {
    if (!chained) doc = parseXml(text);
    const next = edit(doc.text, rnd);
    const re = reparseXml(doc, next);
    const full = parseXml(next);
    if (re) {
      taken++;
      assert.deepEqual(plain(re), plain(full), `edit ${i} (seed ${seed}): ${JSON.stringify(doc.text.slice(0, 80))}…`);
    }
    doc = re ?? full;
  }
  return taken;
}

test('random edits of every XML fixture: the reparse equals a full parse', () => {
  const files = fixtureCases().flatMap((c) => c.files).filter((f) => f.uri.endsWith('.xml'));
  assert.ok(files.length > 100);
  let taken = 0;
  files.forEach((f, k) => {
    taken += chain(f.text, 30, k + 1, randomEdit, false);
    chain(f.text, 30, k + 1000);
  });
  // Not vacuous: many single edits of a well-formed file stay within one element.
  assert.ok(taken > files.length * 3, `${taken} reparses over ${files.length} files`);
});

/** Typing: one character at a time inserted or deleted near one place, as an editor sends them. */
function typing(text: string, rnd: () => number): string {
  const at = text.indexOf("name='host1") + 6 + Math.floor(rnd() * 4);
  return rnd() < 0.5 ? text.slice(0, at) + 'abc'[Math.floor(rnd() * 3)] + text.slice(at) : text.slice(0, at) + text.slice(at + 1);
}

test('a large network: typing in a host, in the name and random edits all reparse like a full parse', () => {
  const text = bigNetwork(400);
  assert.equal(chain(text, 60, 7, typing), 60);
  const nameEdit = (t: string, rnd: () => number) => t.replace(/<name>[^<]*<\/name>/, `<name>n${Math.floor(rnd() * 100)}</name>`);
  assert.equal(chain(text, 20, 8, nameEdit), 20);
  chain(text, 200, 9);
});

test('an edit the reparse refuses leaves the old tree untouched', () => {
  const text = readFileSync(require.resolve('./fixtures/tutorial/nat.xml'), 'utf8');
  const doc = parseXml(text);
  const before = plain(doc);
  // Opens a comment that swallows the rest: not a stretch of well-formed content.
  assert.equal(reparseXml(doc, text.replace('<ip ', '<!-- <ip ')), undefined);
  assert.deepEqual(plain(doc), before);
});
