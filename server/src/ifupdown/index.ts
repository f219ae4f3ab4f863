/**
 * Debian's /etc/network/interfaces as a language: entry points for the
 * language service. Pure: no I/O.
 *
 *   parseInterfaces(text)                  → InterfacesModel (parse.ts)
 *   isInterfacesFile(uri, text)            → boolean (recognize.ts)
 *   checkInterfacesFolder(files)           → Map<uri, Finding[]> (all checks, cross-file)
 *   checkInterfacesFile(uri, text)         → Finding[] (a one-file folder)
 *   bridges(model), hostAddresses(model), declaredInterfaces(model) (model.ts)
 */
import type { Finding } from '../service/types';
import { parseInterfaces, type IfaceStanza, type InterfacesModel } from './parse';
import { bridges as bridgesOf, type BridgeFact } from './model';
import type { FolderFacts, IfupdownCheck, IfupdownFile, Located } from './checks/check';
import { ifupdownChecks } from './checks/index';
import { resolveDialect, type DialectSetting } from './dialect';

export { parseInterfaces } from './parse';
export type { InterfacesModel, IfaceStanza, OptionLine, Token, Stanza } from './parse';
export { bridges, hostAddresses, declaredInterfaces, stanzaAddresses } from './model';
export type { BridgeFact, IfaceAddress } from './model';
export { isInterfacesFile, isInterfacesPath, looksLikeInterfaces } from './recognize';
export { ifupdownChecks } from './checks/index';
export type { IfupdownCheck, IfupdownFile, FolderFacts } from './checks/check';
export { resolveDialect, isDialectSetting, DIALECT_SETTINGS } from './dialect';
export type { Dialect, DialectSetting, DialectEvidence } from './dialect';

function isMainFile(uri: string): boolean {
  return /(^|\/)interfaces$/.test(uri.replace(/[?#].*$/, ''));
}

/**
 * The order ifupdown reads a folder's files in: the main `interfaces` files
 * first, then the others (interfaces.d/…) by name, as `source-directory`
 * and `source …/*` do.
 */
export function readingOrder<T extends { uri: string }>(files: readonly T[]): T[] {
  return [...files].sort((a, b) => {
    const ma = isMainFile(a.uri) ? 0 : 1;
    const mb = isMainFile(b.uri) ? 0 : 1;
    return ma !== mb ? ma - mb : a.uri < b.uri ? -1 : a.uri > b.uri ? 1 : 0;
  });
}

/** Cross-file facts of a set of parsed files (one folder), read in the given dialect (`auto`: decided from the files). */
export function folderFacts(parsed: readonly IfupdownFile[], dialect: DialectSetting = 'auto'): FolderFacts {
  const files = readingOrder(parsed);
  const resolved = resolveDialect(dialect, files);
  const ifaces: Located<IfaceStanza>[] = [];
  const byName = new Map<string, Located<IfaceStanza>[]>();
  const bridges: Located<BridgeFact>[] = [];
  const listed = new Set<string>();
  const mappingPatterns: string[] = [];
  for (const file of files) {
    for (const st of file.model.ifaces) {
      const l = { file, item: st };
      ifaces.push(l);
      if (st.name) {
        const list = byName.get(st.name.text);
        if (list) list.push(l);
        else byName.set(st.name.text, [l]);
      }
    }
    for (const b of bridgesOf(file.model)) bridges.push({ file, item: b });
    for (const a of file.model.allows) for (const n of a.names) listed.add(n.text);
    for (const m of file.model.mappings) for (const p of m.patterns) mappingPatterns.push(p.text);
  }
  return { files, ifaces, byName, bridges, listed, mappingPatterns, dialect: resolved.dialect, dialectEvidence: resolved.evidence };
}

/** Runs the checks over already parsed files; findings sorted by position. */
export function runChecks(parsed: readonly IfupdownFile[], checks: readonly IfupdownCheck[] = ifupdownChecks, dialect: DialectSetting = 'auto'): Map<string, Finding[]> {
  const folder = folderFacts(parsed, dialect);
  const out = new Map<string, Finding[]>();
  for (const file of folder.files) {
    const findings: Finding[] = [];
    for (const c of checks) {
      try {
        findings.push(...c.run(file, folder));
      } catch {
        // A check must never break diagnostics for the others.
      }
    }
    findings.sort((a, b) => a.span.start - b.span.start || a.span.end - b.span.end);
    out.set(file.uri, findings);
  }
  return out;
}

/**
 * All checks over the interfaces files of one folder, which ifupdown reads as
 * one configuration (interfaces sources interfaces.d/). Pass only files that
 * `isInterfacesFile` accepted. Findings carry `severity` only when a check
 * reports at a severity other than its default; see `checkSeverity`.
 */
export function checkInterfacesFolder(files: readonly { uri: string; text: string }[], dialect: DialectSetting = 'auto'): Map<string, Finding[]> {
  return runChecks(files.map((f) => ({ uri: f.uri, text: f.text, model: parseInterfaces(f.text) })), ifupdownChecks, dialect);
}

/** The checks of one file on its own (a folder of one). */
export function checkInterfacesFile(uri: string, text: string, dialect: DialectSetting = 'auto'): Finding[] {
  return checkInterfacesFolder([{ uri, text }], dialect).get(uri) ?? [];
}

const BY_ID = new Map(ifupdownChecks.map((c) => [c.id, c]));

/** The severity a finding is reported at before user settings: its own, else its check's default. */
export function checkSeverity(f: Finding): Finding['severity'] {
  return f.severity ?? BY_ID.get(f.code)?.defaultSeverity ?? 'error';
}

export type { InterfacesModel as IfupdownModel };
