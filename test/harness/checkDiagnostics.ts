/**
 * The one fixture harness, for every format: loads a case's files into a
 * fresh service (one workspace), collects every diagnostic, and compares
 * them with the markers written in the files (markers.ts). Every file must
 * be recognised (a clean fixture the service ignores proves nothing), every
 * diagnostic must be marked, and the service must report no failure.
 */
import assert from 'node:assert/strict';
import type { Diagnostic } from 'vscode-languageserver-types';
import type { Settings } from '../../server/src/service/types';
import { parseHostFacts } from '../../server/src/workspace/hostFactsFormat';
import { parseMarkers, type Expected } from './markers';
import { observedService } from './observed';

export interface FixtureFile {
  readonly uri: string;
  readonly text: string;
}

const SEV = ['', 'error', 'warning', 'information', 'hint'];

function render(e: Pick<Expected, 'line' | 'start' | 'end' | 'severity' | 'code'>): string {
  return `${e.line + 1}:${e.start}-${e.end} ${e.severity} ${e.code}`;
}

/** Diagnostics of every file, and what the service reported while computing them. */
function run(files: readonly FixtureFile[], settings?: Partial<Settings>, hosts: readonly unknown[] = []) {
  const { service, reported } = observedService({ settings });
  for (const h of hosts) {
    const parsed = parseHostFacts(h);
    assert.ok(parsed.ok && parsed.facts && parsed.problems.length === 0, `host facts of a fixture: ${parsed.ok ? parsed.problems.join('; ') : parsed.error}`);
    service.setHost(parsed.facts);
  }
  for (const f of files) service.setFile(f.uri, f.text);
  const diagnostics = new Map(files.map((f) => [f.uri, service.getDiagnostics(f.uri)]));
  const unrecognised = files.filter((f) => service.kindOf(f.uri) === undefined).map((f) => f.uri);
  return { diagnostics, reported, unrecognised };
}

export function diagnosticsOf(files: readonly FixtureFile[], settings?: Partial<Settings>): Map<string, Diagnostic[]> {
  return run(files, settings).diagnostics;
}

export function checkDiagnostics(files: readonly FixtureFile[], settings?: Partial<Settings>, hosts?: readonly unknown[]): void {
  const { diagnostics: all, reported, unrecognised } = run(files, settings, hosts);
  assert.deepEqual(unrecognised, [], 'fixture files the service does not recognise as any format');
  assert.deepEqual(reported, [], 'the service reported a failure');
  for (const f of files) {
    const expected = parseMarkers(f.text);
    const actual = all.get(f.uri) ?? [];
    const actualKeys = actual.map((d) => {
      const end = d.range.end.line === d.range.start.line ? d.range.end.character : Number.MAX_SAFE_INTEGER;
      return { d, key: { line: d.range.start.line, start: d.range.start.character, end, severity: SEV[d.severity ?? 1], code: String(d.code) } };
    });
    const unmatched = [...actualKeys];
    const missing: string[] = [];
    for (const e of expected) {
      const i = unmatched.findIndex(
        ({ key: k }) => k.line === e.line && k.start === e.start && (k.end === e.end || k.end === Number.MAX_SAFE_INTEGER) && k.severity === e.severity && k.code === e.code,
      );
      if (i < 0) {
        missing.push(render(e) + (e.messagePart ? ` "${e.messagePart}"` : ''));
        continue;
      }
      const [{ d }] = unmatched.splice(i, 1);
      if (e.messagePart) assert.ok(String(d.message).includes(e.messagePart), `${f.uri}:${render(e)}: message "${String(d.message)}" lacks "${e.messagePart}"`);
    }
    const extra = unmatched.map(({ d, key }) => `${render({ ...key, end: key.end === Number.MAX_SAFE_INTEGER ? -1 : key.end })}: ${d.message}`);
    assert.deepEqual({ missing, extra }, { missing: [], extra: [] }, `diagnostics of ${f.uri} differ from its markers`);
  }
}
