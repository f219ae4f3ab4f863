/**
 * The facade answers even when a check or an editor feature throws, and
 * reports the failure through the injected logger (the editor's log, the
 * CLI's stderr), so a crash is never mistaken for "nothing found".
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { Check } from '../server/src/checks/check';
import { createLanguageService } from '../server/src/service/languageService';
import { observedService } from './harness/observed';

const URI = 'file:///ws/net.xml';
const NET = "<network>\n  <name>n</name>\n  <bridge name='virbr9'/>\n</network>\n";

const broken: Check = {
  id: 'test/broken',
  defaultSeverity: 'error',
  description: 'throws',
  appliesTo: ['libvirt-network'],
  run() {
    throw new Error('check exploded');
  },
};

test('a check that throws gives an internal-error diagnostic and a report naming the check, with its stack', () => {
  const { service, reported } = observedService({ checks: [broken] });
  service.setFile(URI, NET);
  assert.deepEqual(service.getDiagnostics(URI).map((d) => d.code), ['virtnet/internal-error']);
  assert.equal(reported.length, 1);
  assert.match(reported[0], /^check test\/broken failed on file:\/\/\/ws\/net\.xml: Error: check exploded\n\s+at /);
});

test('a feature that throws answers with nothing and is reported', () => {
  const { service, reported } = observedService();
  service.setFile(URI, NET);
  const poisoned = {
    get line(): number {
      throw new Error('feature exploded');
    },
    character: 0,
  };
  assert.equal(service.hover(URI, poisoned), null);
  assert.deepEqual(service.complete(URI, poisoned).items, []);
  assert.equal(reported.length, 2);
  assert.match(reported[0], /^feature hover failed on file:\/\/\/ws\/net\.xml: Error: feature exploded/);
  assert.match(reported[1], /^feature complete failed on /);
});

test('working features report nothing; without a logger, failures are still answered', () => {
  const { service, reported } = observedService();
  service.setFile(URI, NET);
  service.hover(URI, { line: 2, character: 12 });
  service.documentSymbols(URI);
  assert.deepEqual(reported, []);
  const quiet = createLanguageService({ checks: [broken] });
  quiet.setFile(URI, NET);
  assert.equal(quiet.hover(URI, { get line(): number { throw new Error('x'); }, character: 0 }), null);
  assert.equal(quiet.getDiagnostics(URI).length, 1);
});

test('a logger that throws does not break the service', () => {
  const s = createLanguageService({ checks: [broken], logger: { error: () => { throw new Error('log gone'); } } });
  s.setFile(URI, NET);
  assert.equal(s.getDiagnostics(URI).length, 1);
});
