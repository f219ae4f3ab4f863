/** parse/xml.ts: the direct text of an element is every piece between its children, in order, CDATA and entities included. */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { parseXml } from '../server/src/parse/xml';

test('text split by children, CDATA and references is joined in document order', () => {
  const text = '<r>a<x/> b &amp; <![CDATA[<c>]]><y>inner</y>\n d&#65;<z/></r>';
  const doc = parseXml(text);
  assert.deepEqual(doc.errors, []);
  assert.equal(doc.root!.text, 'a b & <c>\n dA');
  assert.equal(doc.root!.children[1].text, 'inner');
  assert.deepEqual(doc.root!.textSpan, { start: 3, end: text.indexOf('<z/>') });
});

test('an unclosed element keeps all its text pieces', () => {
  const r = parseXml('<r>one<x/>two<y/>three').root!;
  assert.equal(r.text, 'onetwothree');
});

test('20,000 children separated by whitespace: the text is that whitespace', () => {
  const r = parseXml(`<r>${'\n  <h/>'.repeat(20000)}\n</r>`).root!;
  assert.equal(r.text, '\n  '.repeat(20000) + '\n');
  assert.equal(r.textSpan, undefined);
});
