/**
 * Runs the netplan fixtures (test/fixtures/netplan) against the pure netplan
 * module, with the same marker semantics as test/fixtures.test.ts: every
 * finding must be marked, every marker must match a finding. A file is a
 * one-file folder; a `ws-*` folder is checked as one netplan folder (merged).
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { netplanCases } from './cases';
import { checkNetplanFolder } from '../../server/src/netplan';
import { LineIndex } from '../../server/src/parse/lineIndex';
import { parseMarkers } from '../harness/markers';



for (const c of netplanCases()) {
  test(`netplan fixture ${c.name}`, () => {
    const files = c.files.map((f) => ({ uri: 'file://' + f, text: readFileSync(f, 'utf8') }));
    const result = checkNetplanFolder(files);
    for (const f of files) {
      const li = new LineIndex(f.text);
      const got = (result.get(f.uri) ?? []).map((d) => {
        const s = li.positionAt(d.span.start);
        const e = li.positionAt(d.span.end);
        return { line: s.line, start: s.character, end: e.line === s.line ? e.character : -1, severity: d.severity ?? 'error', code: d.code, message: d.message };
      });
      const expected = parseMarkers(f.text);
      const fmt = (x: { line: number; start: number; end: number; severity: string; code: string; message?: string }) => `${x.line + 1}:${x.start}-${x.end} ${x.severity} ${x.code}${x.message ? ': ' + x.message : ''}`;
      const unmatched = [...got];
      for (const e of expected) {
        const i = unmatched.findIndex((g) => g.line === e.line && g.start === e.start && g.end === e.end && g.severity === e.severity && g.code === e.code && (!e.messagePart || g.message.includes(e.messagePart)));
        assert.ok(i >= 0, `${f.uri}: expected ${fmt(e)}${e.messagePart ? ' ~ ' + e.messagePart : ''}\nfound:\n${got.map(fmt).join('\n')}`);
        unmatched.splice(i, 1);
      }
      assert.deepEqual(unmatched.map(fmt), [], `${f.uri}: unmarked findings`);
    }
  });
}
