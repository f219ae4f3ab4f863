/**
 * Fixture runner for the interfaces-file checks (test/fixtures/ifupdown/).
 * Same conventions as the main runner: every file is a one-file folder, a
 * `ws-*` folder is one multi-file folder; `# ^^^ severity code: text`
 * markers under the offending columns; every finding must be marked.
 * Fixtures inside a folder named `ifupdown2` or `classic` are read in that
 * dialect (fixtureCases sets `settings`), the others with `auto`.
 * Runs the ifupdown module directly until the facade knows this language.
 */
import assert from 'node:assert/strict';
import * as path from 'node:path';
import { test } from 'node:test';
import { checkInterfacesFolder, checkSeverity, ifupdownChecks, isInterfacesFile } from '../../server/src/ifupdown/index';
import { LineIndex } from '../../server/src/parse/lineIndex';
import { FIXTURES, fixtureCases } from '../harness/fixtureCases';
import { parseMarkers } from '../harness/markers';

const DIR = path.join(FIXTURES, 'ifupdown');
const cases = fixtureCases(DIR);

function describe(x: { line: number; start: number; end: number; severity: string; code: string }): string {
  return `${x.line + 1}:${x.start}-${x.end} ${x.severity} ${x.code}`;
}

for (const c of cases) {
  test(`ifupdown fixture ${c.name}`, () => {
    for (const f of c.files) assert.ok(isInterfacesFile(f.uri, f.text), `${f.uri} is not recognised as an interfaces file`);
    const results = checkInterfacesFolder(c.files, c.settings?.interfacesDialect);
    const problems: string[] = [];
    for (const f of c.files) {
      const li = new LineIndex(f.text);
      const expected = parseMarkers(f.text);
      const actual = (results.get(f.uri) ?? []).map((x) => {
        const s = li.positionAt(x.span.start);
        const e = li.positionAt(x.span.end);
        return { line: s.line, start: s.character, end: e.line === s.line ? e.character : Infinity, severity: checkSeverity(x) ?? 'error', code: x.code, message: x.message };
      });
      const name = path.basename(f.uri);
      for (const exp of expected) {
        const i = actual.findIndex((a) => a.line === exp.line && a.start === exp.start && a.end === exp.end && a.severity === exp.severity && a.code === exp.code && (!exp.messagePart || a.message.includes(exp.messagePart)));
        if (i < 0) problems.push(`${name}: expected ${describe(exp)}${exp.messagePart ? ` "${exp.messagePart}"` : ''} — not reported`);
        else actual.splice(i, 1);
      }
      for (const a of actual) problems.push(`${name}: unexpected ${describe(a)}: ${a.message}`);
    }
    assert.deepEqual(problems, []);
  });
}

test('every ifupdown check has a fixture that triggers it and a clean one in its folder', () => {
  const problems: string[] = [];
  for (const check of ifupdownChecks) {
    const rule = check.id.split('/')[1];
    const own = cases.filter((c) => c.name.startsWith(rule + '/'));
    if (!own.some((c) => c.files.some((f) => parseMarkers(f.text).some((m) => m.code === check.id)))) problems.push(`${check.id}: no fixture reports it`);
    if (!own.some((c) => c.files.every((f) => parseMarkers(f.text).length === 0))) problems.push(`${check.id}: no clean fixture`);
  }
  assert.deepEqual(problems, []);
});
