import assert from 'node:assert/strict';
import { test } from 'node:test';
import { createLanguageService } from '../server/src/service/languageService';
import { checkDiagnostics } from './harness/checkDiagnostics';
import { fixtureCases } from './harness/fixtureCases';
import { parseMarkers } from './harness/markers';

const cases = fixtureCases();

for (const c of cases) {
  test(`fixture ${c.name}`, () => checkDiagnostics(c.files, c.settings));
}

test('every check has a fixture that triggers it and one that passes cleanly', () => {
  const problems: string[] = [];
  for (const check of createLanguageService().checks) {
    const own = cases.filter((c) => c.name.startsWith(check.id + '/'));
    const triggered = own.some((c) => c.files.some((f) => parseMarkers(f.text).some((m) => m.code === check.id)));
    const clean = own.some((c) => c.files.every((f) => parseMarkers(f.text).length === 0));
    if (!triggered) problems.push(`${check.id}: no fixture reports it`);
    if (!clean) problems.push(`${check.id}: no fixture without diagnostics`);
  }
  assert.deepEqual(problems, []);
});
