/**
 * Every fixture of every format (test/fixtures/**), run once through the
 * one harness; and the guard that every diagnostic code the service can
 * report has its fixtures, and that no code silently changes name.
 */
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { test } from 'node:test';
import { createLanguageService } from '../server/src/service/languageService';
import { checkDiagnostics } from './harness/checkDiagnostics';
import { fixtureCases } from './harness/fixtureCases';
import { parseMarkers } from './harness/markers';

const cases = fixtureCases();

for (const c of cases) {
  test(`fixture ${c.name}`, () => checkDiagnostics(c.files, c.settings, c.hosts));
}

/** Every code of every format: libvirt checks, XML syntax, netplan and interfaces (through the facade's folder languages). */
const codes = createLanguageService().codes.map((c) => c.id);

test('every diagnostic code has, in test/fixtures/<code>/, a fixture that triggers it and a clean one', () => {
  const problems: string[] = [];
  for (const code of codes) {
    const own = cases.filter((c) => c.name.startsWith(code + '/'));
    const triggered = own.some((c) => c.files.some((f) => parseMarkers(f.text).some((m) => m.code === code)));
    const clean = own.some((c) => c.files.every((f) => parseMarkers(f.text).length === 0));
    if (!triggered) problems.push(`${code}: no fixture in test/fixtures/${code}/ expects it`);
    if (!clean) problems.push(`${code}: no fixture in test/fixtures/${code}/ without diagnostics`);
  }
  assert.deepEqual(problems, []);
});

test('fixture markers name only codes the service has', () => {
  const known = new Set(codes);
  const unknown = cases.flatMap((c) => c.files.flatMap((f) => parseMarkers(f.text).filter((m) => !known.has(m.code)).map((m) => `${c.name}: ${m.code}`)));
  assert.deepEqual(unknown, []);
});

const SNAPSHOT = path.join(__dirname, 'diagnostic-codes.txt');

test('diagnostic codes are API: none renamed or removed, new ones listed in test/diagnostic-codes.txt', () => {
  const listed = fs.readFileSync(SNAPSHOT, 'utf8').split('\n').filter((l) => l && !l.startsWith('#'));
  const now = new Set(codes);
  const gone = listed.filter((c) => !now.has(c));
  assert.deepEqual(gone, [], 'codes are API: never rename or remove one (settings and CI scripts name them)');
  const unlisted = codes.filter((c) => !listed.includes(c));
  assert.deepEqual(unlisted, [], 'new codes: add them to test/diagnostic-codes.txt');
  assert.deepEqual(listed, [...listed].sort(), 'keep test/diagnostic-codes.txt sorted');
});
