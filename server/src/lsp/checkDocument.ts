/**
 * `virtnet/checkDocument`: a document's diagnostics computed now, for the
 * client's commands that must know a file's problems before they act (define
 * a network on a host). Unlike publishing, nothing is held back for a typing
 * pause: the answer is the service's current verdict.
 *
 * - An open document: the editor's content (the service already has it).
 * - Otherwise, when `text` is given (a file from the explorer, read by the
 *   client): that text is the file's content. A file the service already
 *   indexed is updated with it, as a disk change would; a file it did not know
 *   is checked and forgotten again, so asking leaves the workspace as it was.
 * - Otherwise: what the service has for the URI (nothing when unknown).
 *
 * `hosts` (optional): KVM host facts in the `virtnet/hostFacts` shape
 * (server/src/workspace/hostFactsFormat.ts), typically a define's
 * destination read just before. The answer is then the diagnostics as if
 * those hosts were in the index too, each replacing the facts of a targeted
 * host of the same name (LanguageService.diagnosticsWithHosts); the index is
 * not changed and no published diagnostics change. Invalid entries are left
 * out and named in `hostProblems`.
 */
import type { Connection, TextDocuments } from 'vscode-languageserver/node';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { Diagnostic } from 'vscode-languageserver-types';
import type { LanguageService } from '../service/languageService';
import type { DocKind } from '../service/types';
import { parseHostFacts, type KvmHostFacts } from '../workspace/hostFactsFormat';

export const CHECK_DOCUMENT_REQUEST = 'virtnet/checkDocument';

export interface CheckDocumentParams {
  readonly uri: string;
  /** The content, for a document that is not open in the editor. */
  readonly text?: string;
  /** Host facts (`HostFactsParams`) to check against as well, for this answer only. */
  readonly hosts?: readonly unknown[];
}

/** At most this many hosts per request (a define targets a few). */
export const MAX_CHECK_HOSTS = 64;

export interface CheckDocumentResult {
  /** What the service recognised the document as; null when it is none of its formats. */
  readonly kind: DocKind | null;
  readonly diagnostics: Diagnostic[];
  /** Why given host facts were not used (invalid, `facts: null`, too many); absent when all were. */
  readonly hostProblems?: string[];
}

export interface CheckDocumentHost {
  readonly connection: Connection;
  readonly service: LanguageService;
  readonly documents: TextDocuments<TextDocument>;
  /** See FeatureHost.ensureFile (an open XML document not yet handed to the service). */
  ensureFile(uri: string): boolean;
  /** See FeatureHost.whenOpened (a large document being opened in slices). */
  whenOpened?(uri: string): Promise<void> | undefined;
  /** The adapter's own setFile/removeFile: they keep the published diagnostics of affected files true. */
  setFile(uri: string, text: string): void;
  removeFile(uri: string): void;
  logError(what: string, err: unknown): void;
}

export function registerCheckDocument(host: CheckDocumentHost): void {
  const run = (params: CheckDocumentParams): CheckDocumentResult => {
    try {
      return checkDocument(host, params);
    } catch (err) {
      host.logError(CHECK_DOCUMENT_REQUEST, err);
      return { kind: null, diagnostics: [] };
    }
  };
  host.connection.onRequest(CHECK_DOCUMENT_REQUEST, (params: CheckDocumentParams): CheckDocumentResult | Promise<CheckDocumentResult> => {
    // A document still being opened in slices is checked once it is opened.
    const opened = typeof params?.uri === 'string' ? host.whenOpened?.(params.uri) : undefined;
    return opened ? opened.then(() => run(params)) : run(params);
  });
}

/** The valid host facts of a request, and what was wrong with the others. */
function hostsOf(given: unknown): { facts: KvmHostFacts[]; problems: string[] } {
  const facts: KvmHostFacts[] = [];
  const problems: string[] = [];
  if (given === undefined || given === null) return { facts, problems };
  if (!Array.isArray(given)) return { facts, problems: ['hosts: expected a list of host facts'] };
  if (given.length > MAX_CHECK_HOSTS) problems.push(`hosts: ${given.length} given, only the first ${MAX_CHECK_HOSTS} are used`);
  for (const h of given.slice(0, MAX_CHECK_HOSTS)) {
    const parsed = parseHostFacts(h);
    if (!parsed.ok) problems.push(parsed.error);
    else if (!parsed.facts) problems.push(`host ${parsed.host}: facts: null (nothing to check against)`);
    else {
      facts.push(parsed.facts);
      if (parsed.problems.length) problems.push(`host ${parsed.host}: ${parsed.problems.length} entries skipped: ${parsed.problems.slice(0, 5).join('; ')}`);
    }
  }
  return { facts, problems };
}

function checkDocument(host: CheckDocumentHost, { uri, text, hosts }: CheckDocumentParams): CheckDocumentResult {
  const { service } = host;
  const extra = hostsOf(hosts);
  const verdict = (): CheckDocumentResult => ({
    kind: service.kindOf(uri) ?? null,
    diagnostics: service.diagnosticsWithHosts(uri, extra.facts),
    ...(extra.problems.length ? { hostProblems: extra.problems } : {}),
  });
  if (typeof uri !== 'string') return { kind: null, diagnostics: [] };
  if (host.documents.get(uri)) {
    host.ensureFile(uri);
    return verdict();
  }
  if (typeof text !== 'string') return verdict();
  const known = service.hasFile(uri);
  host.setFile(uri, text);
  const result = verdict();
  if (!known) host.removeFile(uri);
  return result;
}
