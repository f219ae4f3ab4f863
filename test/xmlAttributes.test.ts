/** parse/xml.ts: repeated attributes are reported the same way on short and long start tags. */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { parseXml } from '../server/src/parse/xml';

test('a repeated attribute is reported at each repetition, whatever the number of attributes', () => {
  for (const n of [0, 1, 2, 5, 6, 7, 8, 9, 20, 200]) {
    const names = Array.from({ length: n }, (_, i) => `a${i}='1'`);
    const text = `<e ${[...names, "x='1'", ...names.slice(0, 2), "x='2'", "x='3'"].join(' ')}/>`;
    const doc = parseXml(text);
    const attrs = doc.root!.attributes;
    // The obvious quadratic reference.
    const expected = attrs.filter((a, i) => attrs.slice(0, i).some((b) => b.name === a.name)).map((a) => a.nameSpan.start);
    const reported = doc.errors.filter((e) => /is repeated/.test(e.message)).map((e) => e.span.start);
    assert.equal(expected.length, Math.min(n, 2) + 2, `n=${n}`);
    assert.deepEqual(reported, expected, `n=${n}`);
  }
});

test('two elements with many attributes each: no repetition across elements', () => {
  const attrs = Array.from({ length: 30 }, (_, i) => `a${i}='1'`).join(' ');
  assert.deepEqual(parseXml(`<r><e ${attrs}/><f ${attrs}/></r>`).errors, []);
});

test('text spans are trimmed the way String.prototype.trim trims', () => {
  for (const ws of [' ', '\n', '\t', '\r\n', '\u00a0', '\u2003', '\u3000', '\ufeff', '\u2028', '\u0085', '\u200b']) {
    const text = `<a>${ws}x y${ws}</a>`;
    const el = parseXml(text).root!;
    const inner = text.slice(3, text.length - 4);
    const lead = inner.length - inner.trimStart().length;
    const trail = inner.length - inner.trimEnd().length;
    assert.deepEqual(el.textSpan, { start: 3 + lead, end: 3 + inner.length - trail }, JSON.stringify(ws));
    assert.equal(el.text, inner);
  }
  assert.equal(parseXml('<a> \n <b/> \t </a>').root!.textSpan, undefined);
});
