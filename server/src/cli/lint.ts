/**
 * Lints a set of files with ONE language service, so that cross-file checks
 * see all of them. No printing here: results are values.
 */
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Diagnostic } from 'vscode-languageserver-types';
import { createLanguageService, type LanguageService } from '../service/languageService';
import type { SeveritySetting } from '../service/types';
import { readTextFile } from './read';

export interface LintedFile {
  /** Display path (as selected). */
  readonly path: string;
  readonly uri: string;
  /** In position order. */
  readonly diagnostics: readonly Diagnostic[];
}

export interface LintResult {
  /** Files the service recognised (or had something to say about), in input order. */
  readonly files: readonly LintedFile[];
  /** Files that could not be read as text: display path and reason. */
  readonly skipped: readonly { readonly path: string; readonly reason: string }[];
  /** uri → display path, for printing related locations. */
  readonly pathOf: ReadonlyMap<string, string>;
}

export function lintFiles(
  files: readonly string[],
  severities: Readonly<Record<string, SeveritySetting>> = {},
  service: LanguageService = createLanguageService({ settings: { checks: severities } }),
): LintResult {
  const skipped: { path: string; reason: string }[] = [];
  const loaded: { path: string; uri: string }[] = [];
  const pathOf = new Map<string, string>();
  for (const p of files) {
    const r = readTextFile(p);
    if (!r.ok) {
      skipped.push({ path: p, reason: r.reason });
      continue;
    }
    const uri = pathToFileURL(path.resolve(p)).href;
    service.setFile(uri, r.text);
    loaded.push({ path: p, uri });
    pathOf.set(uri, p);
  }
  const out: LintedFile[] = [];
  for (const f of loaded) {
    const diagnostics = [...service.getDiagnostics(f.uri)].sort(byPosition);
    if (service.kindOf(f.uri) === undefined && diagnostics.length === 0) continue; // not ours
    out.push({ path: f.path, uri: f.uri, diagnostics });
  }
  return { files: out, skipped, pathOf };
}

/** Position order within a file: by start, then by end (stable, so ties keep the service's order). */
function byPosition(a: Diagnostic, b: Diagnostic): number {
  const s = a.range.start;
  const t = b.range.start;
  if (s.line !== t.line) return s.line - t.line;
  if (s.character !== t.character) return s.character - t.character;
  const e = a.range.end;
  const f = b.range.end;
  return e.line !== f.line ? e.line - f.line : e.character - f.character;
}

export function hasErrors(r: LintResult): boolean {
  return r.files.some((f) => f.diagnostics.some((d) => d.severity === 1));
}
