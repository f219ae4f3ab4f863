/**
 * The facade: everything the LSP adapter, the CLI and the tests call.
 *
 * Pure: no I/O, no transport. Callers push file contents in (`setFile`,
 * `removeFile`) and ask for results (`getDiagnostics`). Per-file results are
 * cached per content; cross-file checks re-run on demand against the index.
 */
import type {
  CodeAction,
  CompletionList,
  Diagnostic,
  DiagnosticSeverity,
  DocumentSymbol,
  FoldingRange,
  FormattingOptions,
  Hover,
  Location,
  Position,
  Range,
  TextEdit,
  WorkspaceEdit,
} from 'vscode-languageserver-types';
import { codeActions } from '../features/codeActions';
import { complete } from '../features/completion';
import type { DocumentView, FeatureContext } from '../features/context';
import { foldingRanges } from '../features/folding';
import { format } from '../features/format';
import { hover } from '../features/hover';
import { definition, references } from '../features/navigation';
import { prepareRename, rename, renameRefusal } from '../features/rename';
import { documentSymbols } from '../features/outline';
import { allChecks } from '../checks';
import type { Check, CheckContext } from '../checks/check';
import { buildModel, buildModelInSteps } from '../model/libvirt';
import { LineIndex, toRange } from '../parse/lineIndex';
import { parseXml, parseXmlInSteps, type XmlDocument } from '../parse/xml';
import { editBetween, reparseXml } from '../parse/reparse';
import { factsOf, hostFactsOf, WorkspaceIndex } from '../workspace/workspaceIndex';
import type { KvmHostFacts } from '../workspace/hostFactsFormat';
import { isHostObjectUri } from '../workspace/kvmHosts';
import { isHostDocument } from '../workspace/documentScope';
import { kindOfRoot, looksLikeLibvirtXml } from './documentKind';
import { folderLanguages, type CodeInfo, type FolderLanguage, type HostFacts } from './folderLanguages';
import { defaultSettings, type DocKind, type Finding, type Settings, type Severity } from './types';
import { syntaxCheck } from '../checks/syntax';
import { documentTooLarge, LARGE_DOCUMENT_SIZE, largeDocument, MAX_DIAGNOSTICS, MAX_DOCUMENT_SIZE, shortenMessage, tooManyProblems } from '../checks/size';
import { schemaChecks } from '../checks/schema';

export interface LanguageService {
  configure(settings: Partial<Settings>): void;
  /** Adds or replaces a file (open in an editor or read from disk). Returns the URIs whose diagnostics may have changed. */
  setFile(uri: string, text: string): string[];
  /**
   * `setFile` cut into steps (a piece of the XML parse, of the model, then
   * the update of the file and the index in one last step), for callers
   * that let other work run between steps: opening a large document. Until
   * its last step the service still holds the file's previous content (or
   * nothing). The outcome is setFile's, except that the previous tree is
   * never re-parsed incrementally (the text is parsed whole, as on a first
   * set). A job that is dropped before its end changes nothing.
   */
  setFileJob(uri: string, text: string): SetFileJob;
  /** Forgets a file. Returns the URIs whose diagnostics may have changed (the file itself included). */
  removeFile(uri: string): string[];
  /**
   * Replaces what a KVM host runs (validate outside data with
   * `parseHostFacts` first). Cross-file checks then see the host too. Returns
   * the URIs whose diagnostics may have changed.
   */
  setHost(facts: KvmHostFacts): string[];
  /** Forgets a KVM host. Returns the URIs whose diagnostics may have changed. */
  removeHost(host: string): string[];
  /** The KVM hosts whose facts the service holds, in name order. */
  hosts(): readonly KvmHostFacts[];
  /**
   * The MACs the workspace's files use (normalised, sorted), as the
   * duplicate-MAC check sees them: libvirt files of the index (open
   * documents with their unsaved text), not host documents nor KVM hosts.
   */
  workspaceMacs(): string[];
  /** The file's kind, or undefined when it is not a document VirtNet checks. */
  kindOf(uri: string): DocKind | undefined;
  hasFile(uri: string): boolean;
  /** The length of a known file's text in characters (0 for unknown files). */
  textLength(uri: string): number;
  /** Diagnostics for a known file; [] for unknown files and files of no kind. */
  getDiagnostics(uri: string): Diagnostic[];
  /**
   * getDiagnostics as if these KVM hosts' facts were held too, each
   * replacing the held facts of a host of that name (validate outside data
   * with `parseHostFacts` first). Nothing is kept: afterwards the service
   * holds exactly what it held, and no file's diagnostics changed. For the
   * check before a network is defined on a host (targeted or not), with
   * that host's facts read just before.
   */
  diagnosticsWithHosts(uri: string, hosts: readonly KvmHostFacts[]): Diagnostic[];
  /**
   * `getDiagnostics` cut into steps (one check, or one conversion, each), for
   * callers that let other work run between steps. The result is the same
   * as getDiagnostics'; a job whose file changes between steps starts over
   * on the new content.
   */
  diagnosticsJob(uri: string): DiagnosticsJob;
  /** The registered libvirt checks, in order. */
  readonly checks: readonly Check[];
  /** Every diagnostic code the service reports, all formats (for documentation and settings). */
  readonly codes: readonly CodeInfo[];

  // Editor features. Positions are LSP positions (0-based line, UTF-16 character).
  complete(uri: string, position: Position): CompletionList;
  hover(uri: string, position: Position): Hover | null;
  codeActions(uri: string, range: Range, diagnostics: Diagnostic[]): CodeAction[];
  documentSymbols(uri: string): DocumentSymbol[];
  foldingRanges(uri: string): FoldingRange[];
  format(uri: string, options: FormattingOptions, range?: Range): TextEdit[];
  definition(uri: string, position: Position): Location[];
  references(uri: string, position: Position, includeDeclaration: boolean): Location[];
  prepareRename(uri: string, position: Position): { range: Range; placeholder: string } | null;
  rename(uri: string, position: Position, newName: string): WorkspaceEdit | null;
  /** Why rename is refused at `position` (with `newName`, if given), in words; undefined when it is allowed. */
  renameRefusal(uri: string, position: Position, newName?: string): string | undefined;
}

/** See LanguageService.setFileJob. */
export interface SetFileJob {
  /** Does one bounded piece of the work; true when the file is set. */
  step(): boolean;
  /** What setFile returns (the URIs whose diagnostics may have changed), once `step()` returned true. */
  readonly affected: string[] | undefined;
}

/** See LanguageService.diagnosticsJob. */
export interface DiagnosticsJob {
  /** Does one bounded piece of the work; true when the diagnostics are ready. */
  step(): boolean;
  /** The diagnostics, once `step()` returned true. */
  readonly diagnostics: Diagnostic[] | undefined;
}

interface Entry {
  readonly uri: string;
  readonly text: string;
  readonly kind: DocKind | undefined;
  readonly ctx: Omit<CheckContext, 'workspace'> | undefined;
  /** The parse of an XML file that is not one of ours, kept for editor features. */
  readonly xml?: XmlDocument;
  /** Set for host configuration formats checked a folder at a time (netplan, interfaces). */
  readonly lang?: FolderLanguage;
  /** `kind:folder` of a folder-language file. */
  readonly group?: string;
  lineIndex?: LineIndex;
  localFindings?: Finding[];
  /** The checks that were off when `localFindings` was computed (see offKey). */
  localOff?: string;
  /** A host document's own index (its editor features see nothing else). */
  solo?: WorkspaceIndex;
}

/** Texts longer than this get their line index from the previous version's. */
const LINE_INDEX_REUSE = 64 * 1024;

const SEVERITY: Record<Severity, DiagnosticSeverity> = { error: 1, warning: 2, information: 3, hint: 4 };

/**
 * Where the service reports its own failures: a check, a format or an editor
 * feature that threw. The service still answers (an internal-error
 * diagnostic, an empty result); the report says what broke, with the stack.
 * The language server passes the editor's log, the CLI stderr.
 */
export interface ServiceLogger {
  error(message: string): void;
}

export interface ServiceOptions {
  readonly settings?: Partial<Settings>;
  readonly checks?: readonly Check[];
  /** Default: reports go nowhere. */
  readonly logger?: ServiceLogger;
}

export function createLanguageService(options: ServiceOptions = {}): LanguageService {
  let settings: Settings = { ...defaultSettings, ...options.settings };
  const logger = options.logger;
  /** Tells the logger that `what` threw; never throws itself. */
  function report(what: string, uri: string, err: unknown): void {
    try {
      logger?.error(`${what} failed on ${uri}: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}`);
    } catch {
      // A broken logger must not break the service.
    }
  }
  /** The checks turned off, as one string: cached findings computed under another set are stale. */
  const offKeyOf = (s: Settings) =>
    Object.keys(s.checks)
      .filter((id) => s.checks[id] === 'off')
      .sort()
      .join('\n');
  let offKey = offKeyOf(settings);
  const checks = options.checks ?? allChecks;
  const local = checks.filter((c) => !c.crossFile);
  /** What a file over LARGE_DOCUMENT_SIZE gets: the schema checks only. */
  const localLarge = local.filter((c) => schemaChecks.includes(c));
  const cross = checks.filter((c) => c.crossFile);
  const byId = new Map([syntaxCheck, ...checks].map((c) => [c.id, c] as const));

  function withoutGenericDuplicates(findings: Finding[]): Finding[] {
    const specific = new Set<string>();
    for (const f of findings) {
      const c = byId.get(f.code);
      if (c && !c.generic && (f.severity ?? c.defaultSeverity) === 'error') specific.add(`${f.span.start}:${f.span.end}`);
    }
    if (specific.size === 0) return findings;
    return findings.filter((f) => !byId.get(f.code)?.generic || !specific.has(`${f.span.start}:${f.span.end}`));
  }
  const entries = new Map<string, Entry>();
  const index = new WorkspaceIndex();
  if (settings.workspaceFolders) index.setFolders(settings.workspaceFolders);

  /** Members of each folder-language group, and their findings once computed. */
  const groups = new Map<string, { readonly members: Set<string>; results?: Map<string, Finding[]> }>();

  /**
   * The entry of `text`. `old` is the entry it replaces: its tree is
   * re-parsed where the edit touched it (and consumed). `sliced`: yields
   * between steps of the parse and of the model.
   */
  function* entrySteps(uri: string, text: string, old: Entry | undefined, sliced: boolean): Generator<void, Entry> {
    if (text.length > MAX_DOCUMENT_SIZE) return { uri, text, kind: undefined, ctx: undefined };
    if (!text.trimStart().startsWith('<')) {
      const lang = folderLanguages.find((l) => {
        try {
          return l.recognise(uri, text);
        } catch (err) {
          report(`recognising ${l.label} files`, uri, err);
          return false;
        }
      });
      if (lang) return { uri, text, kind: lang.kind, ctx: undefined, lang, group: `${lang.kind}:${lang.groupOf(uri)}` };
    }
    const oldXml = old?.ctx?.xml ?? old?.xml;
    const xml = (oldXml && reparseXml(oldXml, text)) || (sliced ? yield* parseXmlInSteps(text) : parseXml(text));
    const kind = kindOfRoot(xml.root);
    if (!kind || !xml.root) return { uri, text, kind: undefined, ctx: undefined, xml: xml.root ? xml : undefined };
    return { uri, text, kind, ctx: { uri, kind, xml, model: sliced ? yield* buildModelInSteps(kind, xml.root) : buildModel(kind, xml.root) } };
  }

  /** Puts the entry in place and updates the index (setFile's last step); returns the affected URIs. */
  function commit(uri: string, e: Entry, old: Entry | undefined): string[] {
    // The line index of a large text is moved rather than scanned again (a keystroke's outline, hover or diagnostics need it).
    if (old?.lineIndex && e.text.length > LINE_INDEX_REUSE) e.lineIndex = LineIndex.edited(old.lineIndex, e.text, editBetween(old.text, e.text));
    entries.set(uri, e);
    // A host's live definition (documentScope.ts) is checked on its own, never paired across files.
    const affected = isHostDocument(uri) ? index.remove(uri) : e.ctx ? index.update(factsOf(uri, e.ctx.model)) : e.lang ? index.update(hostFactsOf(uri, e.lang.kind, hostFacts(e.lang, uri, e.text))) : index.remove(uri);
    leaveGroup(old, affected);
    joinGroup(e, affected);
    affected.add(uri);
    return [...affected];
  }

  function lineIndexOf(e: Entry): LineIndex {
    return (e.lineIndex ??= new LineIndex(e.text));
  }

  /** Runs the checks of `list` that apply to the entry, one per step (see diagnosticsJob). */
  function* runSteps(list: readonly Check[], e: Entry, out: Finding[]): Generator<void, void> {
    if (!e.ctx || !e.kind) return;
    const ctx: CheckContext = { ...e.ctx, workspace: index };
    for (const c of list) {
      if (!c.appliesTo.includes(e.kind)) continue;
      if (settings.checks[c.id] === 'off') continue;
      try {
        out.push(...(c.steps ? yield* c.steps(ctx) : c.run(ctx)));
      } catch (err) {
        // A bug in one check must not take the others (or the server) down.
        report(`check ${c.id}`, e.uri, err);
        out.push({ code: 'virtnet/internal-error', span: { start: 0, end: 0 }, severity: 'error', message: `Internal error in check ${c.id}: ${String(err)}` });
      }
      yield;
    }
  }

  function toDiagnostic(e: Entry, f: Finding): Diagnostic | undefined {
    const check = byId.get(f.code);
    const configured = settings.checks[f.code];
    if (configured === 'off') return undefined;
    const severity: Severity = configured ?? f.severity ?? check?.defaultSeverity ?? 'error';
    const li = lineIndexOf(e);
    const d: Diagnostic = { range: toRange(li, f.span), severity: SEVERITY[severity], code: f.code, source: 'virtnet', message: shortenMessage(f.message) };
    if (f.related?.length) {
      d.relatedInformation = f.related.flatMap((r) => {
        const other = entries.get(r.uri);
        if (other) return [{ location: { uri: r.uri, range: toRange(lineIndexOf(other), r.span) }, message: r.message }];
        // A KVM host's network or VM: a virtual URI, at its start.
        if (isHostObjectUri(r.uri)) return [{ location: { uri: r.uri, range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } } }, message: r.message }];
        return [];
      });
    }
    return d;
  }

  /** A format's host facts; none when its code fails (the file's diagnostics say why). */
  function hostFacts(lang: FolderLanguage, uri: string, text: string): HostFacts {
    try {
      return lang.facts(uri, text, settings);
    } catch (err) {
      report(`reading ${lang.label} host facts`, uri, err);
      return { bridges: [], addresses: [] };
    }
  }

  function leaveGroup(e: Entry | undefined, affected: Set<string>): void {
    const g = e?.group && groups.get(e.group);
    if (!g) return;
    g.members.delete(e.uri);
    g.results = undefined;
    for (const u of g.members) affected.add(u);
    if (g.members.size === 0) groups.delete(e.group!);
  }

  function joinGroup(e: Entry, affected: Set<string>): void {
    if (!e.group) return;
    let g = groups.get(e.group);
    if (!g) groups.set(e.group, (g = { members: new Set() }));
    g.members.add(e.uri);
    g.results = undefined;
    for (const u of g.members) affected.add(u);
  }

  function groupFindings(key: string, uri: string): Finding[] {
    const g = groups.get(key);
    const lang = entries.get(uri)?.lang;
    if (!g || !lang) return [];
    if (!g.results) {
      const files = [...g.members].flatMap((u) => {
        const o = entries.get(u);
        return o ? [{ uri: u, text: o.text }] : [];
      });
      try {
        g.results = lang.check(files, settings);
      } catch (err) {
        report(`checking ${lang.label} files`, uri, err);
        g.results = new Map(files.map((f) => [f.uri, [{ code: 'virtnet/internal-error', span: { start: 0, end: 0 }, severity: 'error' as const, message: `Internal error checking ${lang.label} files: ${String(err)}` }]]));
      }
    }
    return g.results.get(uri) ?? [];
  }

  function view(e: Entry): DocumentView {
    return {
      uri: e.uri,
      text: e.text,
      // Built on first use: listing every document must not index every text.
      get lineIndex() {
        return lineIndexOf(e);
      },
      xml: e.ctx?.xml ?? e.xml,
      kind: e.ctx?.kind,
      format: e.kind,
      model: e.ctx?.model,
    };
  }

  /** Runs an editor feature on a known file; `fallback` for unknown files or when the feature fails. */
  function feature<T>(uri: string, name: string, fallback: T, f: (ctx: FeatureContext, offset: (p: Position) => number) => T): T {
    const e = entries.get(uri);
    if (!e || e.text.length > MAX_DOCUMENT_SIZE) return fallback;
    // A host document's features see that document only: renaming a name in it edits no workspace file.
    const alone = isHostDocument(uri);
    const ctx: FeatureContext = {
      doc: view(e),
      workspace: alone ? soloIndex(e) : index,
      settings,
      document: (u) => {
        const o = alone && u !== uri ? undefined : entries.get(u);
        return o ? view(o) : undefined;
      },
      documents: function* () {
        if (alone) yield view(e);
        else for (const o of entries.values()) yield view(o);
      },
      diagnostics: (u) => service.getDiagnostics(u),
    };
    const li = lineIndexOf(e);
    try {
      return f(ctx, (p) => li.offsetAt(p));
    } catch (err) {
      // A feature bug must not break the editor: answer with nothing, and say so in the log.
      report(`feature ${name}`, uri, err);
      return fallback;
    }
  }

  /** An index of a host document's own facts, for its editor features (documentScope.ts). */
  function soloIndex(e: Entry): WorkspaceIndex {
    if (!e.solo) {
      e.solo = new WorkspaceIndex();
      if (e.ctx) e.solo.update(factsOf(e.uri, e.ctx.model));
    }
    return e.solo;
  }

  const spanOf = (li: LineIndex, r: Range) => ({ start: li.offsetAt(r.start), end: li.offsetAt(r.end) });

  /** The work of getDiagnostics, yielding after the syntax check, each check, and the line index. */
  function* diagnosticsWork(uri: string): Generator<void, Diagnostic[]> {
    const e = entries.get(uri);
    if (!e) return [];
    if (e.text.length > MAX_DOCUMENT_SIZE) {
      return looksLikeLibvirtXml(e.text) ? [toDiagnostic(e, documentTooLarge(e.text))!] : [];
    }
    if (e.group) return groupFindings(e.group, uri).flatMap((f) => toDiagnostic(e, f) ?? []);
    if (!e.ctx) return [];
    const large = e.text.length > LARGE_DOCUMENT_SIZE;
    if (!e.localFindings || e.localOff !== offKey) {
      // Checks that are off are not run, so findings cached under other settings are not reused.
      const off = offKey;
      const syntax = syntaxCheck.run({ ...e.ctx, workspace: index });
      yield;
      const found: Finding[] = [];
      yield* runSteps(large ? localLarge : local, e, found);
      e.localFindings = large ? [largeDocument(e.text), ...syntax, ...found] : withoutGenericDuplicates([...syntax, ...found]);
      e.localOff = off;
    }
    let findings = e.localFindings;
    // A host's live definition (documentScope.ts) gets no cross-file checks.
    if (!large && !isHostDocument(uri)) {
      const crossFound: Finding[] = [];
      yield* runSteps(cross, e, crossFound);
      findings = [...findings, ...crossFound];
    }
    if (findings.length > 0 && !e.lineIndex) {
      // A large text's line index is a step of its own.
      lineIndexOf(e);
      yield;
    }
    const out: Diagnostic[] = [];
    let hidden = 0;
    for (const f of findings) {
      if (f.code === syntaxCheck.id && !settings.reportSyntaxErrors) continue;
      if (out.length >= MAX_DIAGNOSTICS) {
        hidden++;
        continue;
      }
      const d = toDiagnostic(e, f);
      if (d) out.push(d);
    }
    if (hidden > 0) {
      const d = toDiagnostic(e, tooManyProblems(hidden));
      if (d) out.push(d);
    }
    return out;
  }

  const service: LanguageService = {
    complete: (uri, p) => feature(uri, 'complete', { isIncomplete: false, items: [] }, (ctx, off) => complete(ctx, off(p))),
    hover: (uri, p) => feature(uri, 'hover', null, (ctx, off) => hover(ctx, off(p))),
    codeActions: (uri, r, ds) => feature(uri, 'codeActions', [], (ctx) => codeActions(ctx, spanOf(ctx.doc.lineIndex, r), ds)),
    documentSymbols: (uri) => feature(uri, 'documentSymbols', [], (ctx) => documentSymbols(ctx)),
    foldingRanges: (uri) => feature(uri, 'foldingRanges', [], (ctx) => foldingRanges(ctx)),
    format: (uri, o, r) => feature(uri, 'format', [], (ctx) => format(ctx, o, r && spanOf(ctx.doc.lineIndex, r))),
    definition: (uri, p) => feature(uri, 'definition', [], (ctx, off) => definition(ctx, off(p))),
    references: (uri, p, decl) => feature(uri, 'references', [], (ctx, off) => references(ctx, off(p), decl)),
    prepareRename: (uri, p) => feature(uri, 'prepareRename', null, (ctx, off) => prepareRename(ctx, off(p))),
    rename: (uri, p, name) => feature(uri, 'rename', null, (ctx, off) => rename(ctx, off(p), name)),
    renameRefusal: (uri, p, name) => feature(uri, 'renameRefusal', undefined, (ctx, off) => renameRefusal(ctx, off(p), name)),
    checks,
    codes: [syntaxCheck, ...checks, ...folderLanguages.flatMap((l) => l.codes)].map((c) => ({ id: c.id, defaultSeverity: c.defaultSeverity, description: c.description })),
    configure(s) {
      const dialectChanged = s.interfacesDialect !== undefined && s.interfacesDialect !== settings.interfacesDialect;
      settings = { ...settings, ...s, checks: { ...(s.checks ?? settings.checks) } };
      offKey = offKeyOf(settings);
      if (s.workspaceFolders) index.setFolders(s.workspaceFolders);
      // Findings of host-format folders depend on the dialect: recompute them on next request.
      if (dialectChanged) {
        for (const g of groups.values()) g.results = undefined;
        for (const e of entries.values()) if (e.lang) index.update(hostFactsOf(e.uri, e.lang.kind, hostFacts(e.lang, e.uri, e.text)));
      }
    },
    setFile(uri, text) {
      const old = entries.get(uri);
      if (old && old.text === text) return [];
      const steps = entrySteps(uri, text, old, false);
      let r = steps.next();
      while (!r.done) r = steps.next();
      return commit(uri, r.value, old);
    },
    setFileJob(uri, text) {
      // No previous tree: it stays the service's until the last step, so it is not consumed by a re-parse.
      let steps: Generator<void, Entry> | undefined;
      let entry: Entry | undefined;
      let affected: string[] | undefined;
      return {
        step() {
          if (affected) return true;
          const old = entries.get(uri);
          if (!steps) {
            if (old && old.text === text) {
              affected = [];
              return true;
            }
            steps = entrySteps(uri, text, undefined, true);
          }
          if (!entry) {
            const r = steps.next();
            if (!r.done) return false;
            entry = r.value;
            // The index facts in a step of their own (factsOf keeps the DHCP hosts' MAC uses per <ip> view, so commit's call is cheap).
            if (entry.ctx && !isHostDocument(uri)) {
              factsOf(uri, entry.ctx.model);
              return false;
            }
          }
          // The previous entry of this moment (the file may have been set or removed meanwhile).
          const now = entries.get(uri);
          affected = now && now.text === text ? [] : commit(uri, entry, now);
          return true;
        },
        get affected() {
          return affected;
        },
      };
    },
    removeFile(uri) {
      const old = entries.get(uri);
      entries.delete(uri);
      const affected = index.remove(uri);
      leaveGroup(old, affected);
      affected.add(uri);
      return [...affected];
    },
    setHost(facts) {
      return [...index.setHost(facts)];
    },
    removeHost(host) {
      return [...index.removeHost(host)];
    },
    hosts() {
      return index.hosts.list();
    },
    workspaceMacs() {
      return index.macs();
    },
    kindOf(uri) {
      return entries.get(uri)?.kind;
    },
    hasFile(uri) {
      return entries.has(uri);
    },
    textLength(uri) {
      return entries.get(uri)?.text.length ?? 0;
    },
    getDiagnostics(uri) {
      const work = diagnosticsWork(uri);
      for (;;) {
        const r = work.next();
        if (r.done) return r.value;
      }
    },
    diagnosticsWithHosts(uri, hosts) {
      if (hosts.length === 0) return service.getDiagnostics(uri);
      return index.withHosts(hosts, () => service.getDiagnostics(uri));
    },
    diagnosticsJob(uri) {
      let e = entries.get(uri);
      let off = offKey;
      let work = diagnosticsWork(uri);
      let diagnostics: Diagnostic[] | undefined;
      return {
        step() {
          if (diagnostics) return true;
          const now = entries.get(uri);
          if (now !== e || off !== offKey) {
            // The file or the set of checks changed since the last step: what was found is stale.
            e = now;
            off = offKey;
            work = diagnosticsWork(uri);
          }
          const r = work.next();
          if (r.done) diagnostics = r.value;
          return r.done === true;
        },
        get diagnostics() {
          return diagnostics;
        },
      };
    },
  };
  return service;
}
