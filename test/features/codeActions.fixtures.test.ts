/**
 * Every quick fix offered on the diagnostics of the check fixtures
 * (test/fixtures/**), applied one at a time: the fixed diagnostic must
 * become rarer and no error code may become more frequent, in the file
 * and in the other files of its workspace.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { Diagnostic } from 'vscode-languageserver-types';
import { createLanguageService } from '../../server/src/service/languageService';
import { fixtureCases } from '../harness/fixtureCases';
import { applyEdits } from '../harness/edits';

function counts(ds: Diagnostic[], errorsOnly: boolean): Map<string, number> {
  const m = new Map<string, number>();
  for (const d of ds) if (!errorsOnly || d.severity === 1) m.set(String(d.code), (m.get(String(d.code)) ?? 0) + 1);
  return m;
}

test('quick fixes on every check fixture remove their diagnostic and add no error', () => {
  const problems: string[] = [];
  let applied = 0;
  const codes = new Set<string>();
  for (const c of fixtureCases()) {
    const load = () => {
      const s = createLanguageService();
      for (const f of c.files) s.setFile(f.uri, f.text);
      return s;
    };
    const service = load();
    for (const f of c.files) {
      for (const d of service.getDiagnostics(f.uri)) {
        for (const action of service.codeActions(f.uri, d.range, [d])) {
          const changes = action.edit?.changes ?? {};
          const s = load();
          const before = new Map(c.files.map((x) => [x.uri, s.getDiagnostics(x.uri)]));
          for (const [uri, edits] of Object.entries(changes)) s.setFile(uri, applyEdits(c.files.find((x) => x.uri === uri)!.text, edits));
          applied++;
          codes.add(String(d.code));
          const where = `${c.name} ${d.range.start.line}:${d.range.start.character} ${String(d.code)} → "${action.title}"`;
          const mine = s.getDiagnostics(f.uri);
          if ((counts(mine, false).get(String(d.code)) ?? 0) >= (counts(before.get(f.uri)!, false).get(String(d.code)) ?? 0)) problems.push(`${where}: still reported`);
          for (const x of c.files) {
            const b = counts(before.get(x.uri)!, true);
            for (const [code, n] of counts(s.getDiagnostics(x.uri), true)) if (n > (b.get(code) ?? 0)) problems.push(`${where}: new ${code} in ${x.uri.split('/').pop()}`);
          }
        }
      }
    }
  }
  if (process.env.VIRTNET_VERBOSE) console.log(`${applied} fixes applied`, [...codes].sort());
  assert.ok(applied > 40, `only ${applied} fixes applied`);
  assert.deepEqual(problems, []);
});
