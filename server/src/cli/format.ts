/**
 * Output formats of `virtnet lint`.
 */
import type { Diagnostic, Range } from 'vscode-languageserver-types';
import type { LintResult } from './lint';

const SEVERITY_NAMES = ['error', 'warning', 'information', 'hint'] as const;
export type SeverityName = (typeof SEVERITY_NAMES)[number];

export function severityName(d: Diagnostic): SeverityName {
  return SEVERITY_NAMES[(d.severity ?? 1) - 1] ?? 'error';
}

/** Compiler style: `file:line:col: severity code: message`, 1-based line and column. */
export function formatText(r: LintResult): string {
  const lines: string[] = [];
  for (const f of r.files) {
    for (const d of f.diagnostics) {
      const pos = `${d.range.start.line + 1}:${d.range.start.character + 1}`;
      lines.push(`${f.path}:${pos}: ${severityName(d)} ${d.code ?? ''}: ${oneLine(messageOf(d))}`);
      for (const rel of d.relatedInformation ?? []) {
        const p = r.pathOf.get(rel.location.uri) ?? rel.location.uri;
        lines.push(`${p}:${rel.location.range.start.line + 1}:${rel.location.range.start.character + 1}: note: ${oneLine(rel.message)}`);
      }
    }
  }
  return lines.map((l) => l + '\n').join('');
}

/**
 * `{"files":[{"path","diagnostics":[{"range","severity","code","message","related"}]}]}`,
 * LSP positions; `related` lists the locations text output prints as notes,
 * each `{"path","range","message"}`.
 */
export function formatJson(r: LintResult): string {
  const files = r.files.map((f) => ({
    path: f.path,
    diagnostics: f.diagnostics.map((d) => ({
      range: rangeOf(d.range),
      severity: severityName(d),
      code: String(d.code ?? ''),
      message: messageOf(d),
      related: (d.relatedInformation ?? []).map((rel) => ({
        path: r.pathOf.get(rel.location.uri) ?? rel.location.uri,
        range: rangeOf(rel.location.range),
        message: rel.message,
      })),
    })),
  }));
  return JSON.stringify({ files }, null, 2) + '\n';
}

/** `3 errors and 1 warning in 4 files` */
export function summary(r: LintResult): string {
  const count = (s: SeverityName) => r.files.reduce((n, f) => n + f.diagnostics.filter((d) => severityName(d) === s).length, 0);
  const plural = (n: number, w: string) => `${n} ${w}${n === 1 ? '' : 's'}`;
  return `${plural(count('error'), 'error')} and ${plural(count('warning'), 'warning')} in ${plural(r.files.length, 'file')} checked`;
}

/** A range with exactly the LSP keys, in LSP order. */
function rangeOf(r: Range): Range {
  return { start: { line: r.start.line, character: r.start.character }, end: { line: r.end.line, character: r.end.character } };
}

function oneLine(s: string): string {
  return s.replace(/\s*\r?\n\s*/g, ' ');
}

function messageOf(d: Diagnostic): string {
  return typeof d.message === 'string' ? d.message : d.message.value;
}
