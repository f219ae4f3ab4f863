/**
 * The shape of an interfaces-file check. Like the libvirt checks
 * (server/src/checks/check.ts) but over the ifupdown model: every check
 * sees one file plus the facts of the whole folder, because the files in
 * interfaces.d/ are sourced into /etc/network/interfaces and form one
 * configuration.
 */
import type { Finding, Severity } from '../../service/types';
import type { InterfacesModel, IfaceStanza } from '../parse';
import type { BridgeFact } from '../model';
import type { Dialect, DialectEvidence } from '../dialect';

export interface IfupdownFile {
  readonly uri: string;
  readonly text: string;
  readonly model: InterfacesModel;
}

export interface Located<T> {
  readonly file: IfupdownFile;
  readonly item: T;
}

/** Facts of all the interfaces files of one folder, in the order ifupdown reads them. */
export interface FolderFacts {
  readonly files: readonly IfupdownFile[];
  /** Every iface stanza, in reading order. */
  readonly ifaces: readonly Located<IfaceStanza>[];
  readonly byName: ReadonlyMap<string, readonly Located<IfaceStanza>[]>;
  readonly bridges: readonly Located<BridgeFact>[];
  /** Every name listed by auto/allow-* (for "declared somewhere"). */
  readonly listed: ReadonlySet<string>;
  /** Glob patterns of mapping stanzas. */
  readonly mappingPatterns: readonly string[];
  /** The program that reads the folder (setting, or decided from the files). */
  readonly dialect: Dialect;
  /** When `auto` chose ifupdown2: the construct that decided it. */
  readonly dialectEvidence?: DialectEvidence;
}

export interface IfupdownCheck {
  /** Stable id `ifupdown/<rule>`; becomes Diagnostic.code. */
  readonly id: string;
  readonly defaultSeverity: Severity;
  readonly description: string;
  /** True when findings depend on other files of the folder. */
  readonly crossFile?: boolean;
  run(file: IfupdownFile, folder: FolderFacts): Finding[];
}

/** Position of a file in the folder's reading order, then of a span in it: for "the first one wins" rules. */
export function before(folder: FolderFacts, a: Located<{ span: { start: number } }>, b: Located<{ span: { start: number } }>): boolean {
  const ia = folder.files.indexOf(a.file);
  const ib = folder.files.indexOf(b.file);
  return ia !== ib ? ia < ib : a.item.span.start < b.item.span.start;
}

/** A value with a Mako expression (`${v}`), which ifupdown2 replaces before reading: not judged there. */
export function templated(folder: FolderFacts, text: string): boolean {
  return folder.dialect === 'ifupdown2' && text.includes('${');
}

/** "…; ifupdown2 reads it as X" style notes name the dialect where the rule does not hold. */
export function otherDialect(d: Dialect): Dialect {
  return d === 'ifupdown2' ? 'ifupdown' : 'ifupdown2';
}

export function fileLabel(uri: string): string {
  const i = uri.lastIndexOf('/');
  const base = uri.slice(i + 1);
  const j = uri.lastIndexOf('/', i - 1);
  const dir = j >= 0 ? uri.slice(j + 1, i) : '';
  return dir === 'interfaces.d' ? `interfaces.d/${base}` : base;
}

/** A shell glob (`*`, `?`, `[…]`) as a regular expression, for mapping patterns. */
export function globMatches(pattern: string, name: string): boolean {
  let re = '^';
  for (let i = 0; i < pattern.length; i++) {
    const c = pattern[i];
    if (c === '*') re += '.*';
    else if (c === '?') re += '.';
    else if (c === '[') {
      const j = pattern.indexOf(']', i + 1);
      if (j < 0) re += '\\[';
      else {
        re += '[' + pattern.slice(i + 1, j).replace(/^!/, '^').replace(/\\/g, '\\\\') + ']';
        i = j;
      }
    } else re += c.replace(/[.+^${}()|\\]/g, '\\$&');
  }
  try {
    return new RegExp(re + '$').test(name);
  } catch {
    return false;
  }
}
