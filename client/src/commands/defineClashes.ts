/**
 * Which of a file's diagnostics concern a define on host H: the language
 * server's `virtnet/checkDocument` answer (with H's facts, read just before)
 * sorted into the file's own problems, clashes with what H runs, and
 * findings about other hosts only (hosts the workspace targets that this
 * define does not go to). A finding about a host is recognised by its related
 * information, which points at that host's objects
 * (`virtnet-host://HOST/…`, server/src/workspace/kvmHosts.ts). Pure.
 *
 * Same name and same UUID as H's network is a redefinition, never a clash
 * (the server's checks say nothing then). A file without <uuid> whose name
 * H already has is no clash either: the define flow asks before replacing
 * and keeps H's UUID (networkXmlText.ts), so the server's "this file has no
 * <uuid>" finding is left out here.
 */
import { HOST_URI_SCHEME } from '../../../server/src/workspace/kvmHosts';

/** A diagnostic as the language server sends it (LSP: severity 1 is an error, 2 a warning; lines 0-based). */
export interface CheckedProblem {
  readonly severity?: number;
  readonly code?: string | number;
  readonly message: string;
  readonly range: { readonly start: { readonly line: number } };
  readonly relatedInformation?: readonly { readonly location: { readonly uri: string }; readonly message: string }[];
}

export interface SortedProblems {
  /** The file's own problems (syntax, schema, its rules, other workspace files). */
  readonly file: readonly CheckedProblem[];
  /** Clashes with what the destination host runs (errors and warnings). */
  readonly clashes: readonly CheckedProblem[];
  /** Findings that name only other hosts: not this define's business. */
  readonly otherHosts: readonly CheckedProblem[];
}

const PREFIX = `${HOST_URI_SCHEME}://`;

/** The hosts a diagnostic's related information points at. */
export function hostsNamed(d: CheckedProblem): Set<string> {
  const out = new Set<string>();
  for (const r of d.relatedInformation ?? []) {
    const uri = r.location?.uri;
    if (typeof uri !== 'string' || !uri.startsWith(PREFIX)) continue;
    const end = uri.indexOf('/', PREFIX.length);
    try {
      out.add(decodeURIComponent(uri.slice(PREFIX.length, end < 0 ? undefined : end)));
    } catch {
      // Not ours: a malformed escape.
    }
  }
  return out;
}

export function sortProblems(diagnostics: readonly CheckedProblem[], host: string, xml: { readonly hasUuid: boolean }): SortedProblems {
  const file: CheckedProblem[] = [];
  const clashes: CheckedProblem[] = [];
  const otherHosts: CheckedProblem[] = [];
  for (const d of diagnostics) {
    const hosts = hostsNamed(d);
    if (hosts.size === 0) file.push(d);
    else if (!hosts.has(host)) otherHosts.push(d);
    else if (d.code === 'libvirt/duplicate-network-name' && !xml.hasUuid) continue;
    else if (d.severity === 1 || d.severity === 2) clashes.push(d);
  }
  return { file, clashes, otherHosts };
}

/** `line 3: message (code)`, as the dialogs list problems. */
export function problemLine(d: CheckedProblem): string {
  return `line ${d.range.start.line + 1}: ${d.message}${d.code !== undefined ? ` (${d.code})` : ''}`;
}
