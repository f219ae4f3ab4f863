/**
 * netplan support, pure: parse (positions, YAML 1.1 as netplan reads it),
 * schema validation (netplan 0.106), and netplan's own semantic checks over a
 * folder's merged configuration.
 *
 *   checkNetplanFolder(files) → Map<uri, Finding[]>   (all netplan files of one folder)
 *   checkNetplanFile(uri, text)                        (a one-file folder)
 */
import type { Finding } from '../service/types';
import type { Span } from '../parse/span';
import { parseNetplan, type NetplanParse } from './parse';
import { validateNetplanSchema, NETPLAN_CODES } from './validate';
import { buildConfig, type NetplanConfig, type Phase } from './semantic/model';
import { netplanChecks } from './semantic';

export { parseNetplan, isNetplan, toJson, nodeAt } from './parse';
export type { NetplanParse, NpNode, NpMap, NpSeq, NpScalar, NpPair } from './parse';
export { validateNetplanSchema, netplanSchema, NETPLAN_CODES } from './validate';
export { buildConfig, netplanOrder } from './semantic/model';
export type { NetplanConfig, NetDef, DefPart, NetplanCheck, FileFinding, Phase } from './semantic/model';
export { netplanChecks } from './semantic';

/** Every code this module can report, with its default severity (for settings and docs). */
export const NETPLAN_FINDING_CODES: readonly { code: string; severity: 'error' | 'warning'; description: string }[] = [
  { code: NETPLAN_CODES.yamlSyntax, severity: 'error', description: 'YAML syntax netplan cannot read (tabs for indentation, inconsistent indentation, …).' },
  { code: 'netplan/duplicate-key', severity: 'warning', description: 'A key written twice in one mapping; netplan keeps the last (a differing gateway4/gateway6 makes netplan 0.106 abort instead).' },
  { code: 'netplan/yaml-alias', severity: 'warning', description: 'YAML aliases: accepted by netplan 0.106, rejected by newer netplan.' },
  { code: NETPLAN_CODES.unknownKey, severity: 'error', description: 'A key netplan does not know at this place.' },
  { code: NETPLAN_CODES.invalidValue, severity: 'error', description: 'A value netplan refuses (bad boolean, number, enum value, MAC…).' },
  { code: NETPLAN_CODES.invalidName, severity: 'error', description: 'A definition name with spaces or glob characters.' },
  { code: NETPLAN_CODES.expectedMapping, severity: 'error', description: 'A mapping was expected (often an indentation mistake).' },
  { code: NETPLAN_CODES.expectedSequence, severity: 'error', description: 'A list was expected.' },
  { code: NETPLAN_CODES.expectedScalar, severity: 'error', description: 'A single value was expected.' },
  ...netplanChecks.map((c) => ({ code: c.id, severity: c.defaultSeverity, description: c.description })),
];

export interface NetplanFile {
  readonly uri: string;
  readonly text: string;
}

/** Per-file findings that need only the file itself (YAML + schema). */
export function checkNetplanSyntaxAndSchema(parsed: NetplanParse): Finding[] {
  const out: Finding[] = [];
  for (const e of parsed.errors) out.push({ code: e.code, span: e.span, message: e.message, severity: 'error' });
  for (const w of parsed.warnings) out.push({ code: w.code, span: w.span, message: w.message, severity: 'warning' });
  if (parsed.errors.length === 0) out.push(...validateNetplanSchema(parsed));
  return out;
}

/**
 * Check all netplan files of one folder together, merged the way netplan
 * merges them (file name order; a later definition of an ID amends the
 * earlier one). Returns findings for every input uri (possibly empty).
 * Files with YAML syntax errors still contribute their definitions, but get
 * no semantic findings (their tree may be cut short).
 */
export function checkNetplanFolder(files: readonly NetplanFile[], parsedCache?: Map<string, NetplanParse>): Map<string, Finding[]> {
  const result = new Map<string, Finding[]>();
  const texts = new Map(files.map((f) => [f.uri, f.text]));
  const parsed = files.map((f) => ({ uri: f.uri, parsed: parsedCache?.get(f.uri) ?? parseNetplan(f.text) }));
  const broken = new Set<string>();
  for (const p of parsed) {
    const fs = checkNetplanSyntaxAndSchema(p.parsed);
    result.set(p.uri, fs);
    if (p.parsed.errors.length > 0) broken.add(p.uri);
  }
  const config: NetplanConfig = buildConfig(parsed);
  const later: { f: Finding; uri: string; rank: number }[] = [];
  for (const check of netplanChecks) {
    let found;
    try {
      found = check.run(config);
    } catch {
      continue; // a check must never take the others down
    }
    for (const f of found) {
      if (broken.has(f.uri)) continue;
      const list = result.get(f.uri);
      if (!list) continue;
      const sameSpanError = (g: Finding) => g.span.start === f.span.start && g.span.end === f.span.end && (g.severity ?? 'error') === 'error';
      if (f.replacesSameSpan) list.splice(0, list.length, ...list.filter((g) => !sameSpanError(g)));
      else if (list.some(sameSpanError)) continue;
      const finding: Finding = { code: f.code, span: f.span, message: f.message, severity: f.severity, related: f.related };
      const rank = f.severity === 'error' ? PHASE_RANK[f.phase ?? check.phase ?? 'validate'] : 0;
      if (rank === 0) list.push(finding);
      else later.push({ f: finding, uri: f.uri, rank });
    }
  }
  // netplan stops at its first error: drop a later-phase error when its definition
  // (or, outside definitions, its file) already has an earlier-phase one.
  const scopes = definitionScopes(config);
  const earliest = new Map<string, number>();
  const scopeKey = (uri: string, span: Span) => {
    const s = scopes.get(uri)?.find((r) => r.start <= span.start && span.start < r.end);
    return s ? `${uri}#${s.start}` : uri;
  };
  const note = (uri: string, span: Span, rank: number) => {
    const k = scopeKey(uri, span);
    earliest.set(k, Math.min(earliest.get(k) ?? 9, rank));
  };
  for (const [uri, list] of result) for (const f of list) if ((f.severity ?? 'error') === 'error') note(uri, f.span, 0);
  for (const l of later) note(l.uri, l.f.span, l.rank);
  for (const l of later) if ((earliest.get(scopeKey(l.uri, l.f.span)) ?? 9) >= l.rank) result.get(l.uri)?.push(l.f);
  // One-line spans: a finding about a whole mapping is shown on its first line.
  for (const [uri, list] of result) {
    const text = texts.get(uri) ?? '';
    result.set(uri, list.map((f) => ({ ...f, span: oneLine(text, f.span) })));
  }
  return result;
}

const PHASE_RANK: Record<Phase, number> = { parse: 0, validate: 1, write: 2 };

/** The text range of every definition, per file (from its name to the end of its mapping). */
function definitionScopes(config: NetplanConfig): Map<string, Span[]> {
  const out = new Map<string, Span[]>();
  for (const def of config.ordered)
    for (const part of def.parts) {
      let list = out.get(part.uri);
      if (!list) out.set(part.uri, (list = []));
      list.push({ start: part.key.span.start, end: Math.max(part.map.span.end, part.key.span.end) });
    }
  return out;
}

function oneLine(text: string, span: Span): Span {
  const nl = text.indexOf('\n', span.start);
  if (nl < 0 || nl >= span.end) return span;
  let end = nl;
  while (end > span.start && /\s/.test(text[end - 1])) end--;
  return { start: span.start, end: Math.max(end, span.start) };
}

export function checkNetplanFile(uri: string, text: string): Finding[] {
  return checkNetplanFolder([{ uri, text }]).get(uri) ?? [];
}
