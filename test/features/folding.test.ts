/**
 * Folding ranges at the service boundary.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { serviceWith } from '../harness/cursor';

test('every multi-line element folds up to the line before its end tag; multi-line comments fold as comments', () => {
  const text = [
    '<network>', // 0
    '  <!-- a comment', // 1
    '       over two lines -->', // 2
    '  <name>n</name>', // 3
    '  <ip address="10.0.0.1" prefix="24">', // 4
    '    <dhcp>', // 5
    '      <range start="10.0.0.2" end="10.0.0.9"/>', // 6
    '    </dhcp>', // 7
    '  </ip>', // 8
    '  <bridge name="br9"', // 9
    '          stp="on"/>', // 10
    '  <!-- one line -->', // 11
    '  <dns><host ip="10.0.0.3"><hostname>a</hostname></host></dns>', // 12
    '</network>', // 13
  ].join('\n');
  const r = serviceWith('file:///ws/n.xml', text).foldingRanges('file:///ws/n.xml');
  assert.deepEqual(r, [
    { startLine: 0, endLine: 12 },
    { startLine: 1, endLine: 2, kind: 'comment' },
    { startLine: 4, endLine: 7 },
    { startLine: 5, endLine: 6 },
    { startLine: 9, endLine: 10 },
  ]);
});

test('folding works on unfinished documents and on any XML', () => {
  const r = serviceWith('file:///ws/n.xml', '<network>\n  <ip address="10.0.0.1">\n    <dhcp>\n').foldingRanges('file:///ws/n.xml');
  assert.ok(r.some((x) => x.startLine === 0));
  assert.ok(r.some((x) => x.startLine === 1));
  assert.deepEqual(serviceWith('file:///ws/o.xml', '<foo>\n  <bar/>\n</foo>').foldingRanges('file:///ws/o.xml'), [{ startLine: 0, endLine: 1 }]);
});
