/** LineIndex.edited (a line index moved from the previous version's) equals a fresh index, over random edit chains. */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { LineIndex } from '../server/src/parse/lineIndex';
import { editBetween } from '../server/src/parse/reparse';
import { rng } from './harness/hostileInputs';

const starts = (li: LineIndex) => Array.from({ length: li.lineCount }, (_, i) => li.offsetAt({ line: i, character: 0 }));

test('an edited line index gives the same positions as a fresh one', () => {
  const rnd = rng(7);
  const pieces = ['a', '\n', '\n\n', 'x\ny', '', 'abc', '\r\n'];
  let text = 'abc\ndef\n\nghi\n';
  let li = new LineIndex(text);
  for (let i = 0; i < 5000; i++) {
    const at = Math.floor(rnd() * (text.length + 1));
    const next = text.slice(0, at) + pieces[Math.floor(rnd() * pieces.length)] + text.slice(at + Math.floor(rnd() * 4));
    const edited = LineIndex.edited(li, next, editBetween(text, next));
    const fresh = new LineIndex(next);
    assert.deepEqual(starts(edited), starts(fresh), JSON.stringify([text, next]));
    for (let o = 0; o <= next.length; o += 7) assert.deepEqual(edited.positionAt(o), fresh.positionAt(o));
    // Keep the text short, and drop CR LF now and then so that the moved path is the usual one.
    text = next.length > 300 || rnd() < 0.05 ? next.slice(0, 150).replace(/\r/g, '') : next;
    li = text === next ? edited : new LineIndex(text);
  }
});
