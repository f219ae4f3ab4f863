/**
 * The LSP adapter: maps protocol messages to calls on the pure language
 * service and publishes its diagnostics. The only place (with server.ts)
 * that imports `vscode-languageserver`, and the only place that does I/O,
 * through the injected `RuntimeEnvironment`.
 *
 * Sources of content, in order of precedence: open documents (TextDocuments),
 * then files on disk (workspace scan on `initialized`, re-read on
 * `didClose` and on `workspace/didChangeWatchedFiles`).
 *
 * Documents: libvirt XML, netplan YAML and Debian interfaces files, each
 * recognised by content (and path) with the service's own cheap tests; any
 * other XML or YAML document (Maven, docker-compose…) is never handed to the
 * service and gets no diagnostics from us. The client's workspace folders go
 * to the service so that checks across formats (a libvirt bridge defined in
 * netplan) stay within one folder.
 */
import { sep } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import {
  DidChangeConfigurationNotification,
  DidChangeWatchedFilesNotification,
  FileChangeType,
  TextDocumentSyncKind,
  TextDocuments,
  WatchKind,
  type Connection,
  type FileEvent,
  type InitializeParams,
  type InitializeResult,
  type WorkspaceFolder,
} from 'vscode-languageserver/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { createLanguageService, type LanguageService } from '../service/languageService';
import { registerCheckDocument } from './checkDocument';
import { DiagnosticsPublisher, YIELD_SIZE } from './diagnostics';
import { SlicedOpens } from './slicedOpen';
import { isWalkedPath } from '../files/walk';
import { featureCapabilities, registerFeatures } from './features';
import { registerHostFacts } from './hostFacts';
import { registerWorkspaceMacs } from './workspaceMacs';
import type { RuntimeEnvironment } from './runtime';
import { parseInitializationOptions, toAdapterSettings, type AdapterSettings, type InitializationOptions } from './settings';
import { readKnownFile, recognisedKind, scanFolders, WATCHED_GLOBS } from './workspaceScan';

/** Sent by the server when the workspace scan is done and the diagnostics of all indexed files are published. */
export const INDEXED_NOTIFICATION = 'virtnet/indexed';
export interface IndexedParams {
  /** `*.xml` files seen. */
  readonly xmlFiles: number;
  readonly libvirtFiles: number;
  /** `*.yaml` / `*.yml` files seen. */
  readonly yamlFiles: number;
  readonly netplanFiles: number;
  readonly interfacesFiles: number;
  readonly truncated: boolean;
  readonly ms: number;
}

export function capabilities(): InitializeResult['capabilities'] {
  return {
    textDocumentSync: { openClose: true, change: TextDocumentSyncKind.Incremental },
    workspace: { workspaceFolders: { supported: true, changeNotifications: true } },
    ...featureCapabilities(),
  };
}

function filePath(uri: string): string | undefined {
  if (!uri.startsWith('file:')) return undefined;
  try {
    return fileURLToPath(uri);
  } catch {
    return undefined;
  }
}

export function startServer(connection: Connection, runtime: RuntimeEnvironment): void {
  // A check or feature that throws is reported in the editor's log (logError is called later, once defined).
  const service: LanguageService = createLanguageService({ logger: { error: (message) => logError('VirtNet', message) } });
  const documents = new TextDocuments(TextDocument);
  let init: InitializationOptions = {};
  let settings: AdapterSettings = toAdapterSettings(undefined, init);
  let folders: string[] = [];
  /** The workspace folders as the client spells their URIs (for the service's per-folder checks). */
  let folderUris: string[] = [];
  let canPullConfiguration = false;
  let canRegisterWatchers = false;
  let canRegisterConfiguration = false;
  let supportsFolders = false;
  /** Path → the URI string the service knows the file by (the client's spelling wins over ours). */
  const uriByPath = new Map<string, string>();

  const logError = (what: string, err: unknown) => {
    try {
      connection.console.error(`${what}: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}`);
    } catch {
      // The connection itself is gone; nothing left to tell.
    }
  };
  const publisher = new DiagnosticsPublisher(
    connection,
    {
      diagnostics: (uri) => service.getDiagnostics(uri),
      job: (uri) => service.diagnosticsJob(uri),
      openVersion: (uri) => documents.get(uri)?.version,
      // A large closed file (scanned, re-read from disk) is checked in slices too.
      size: (uri) => documents.get(uri)?.getText().length ?? service.textLength(uri),
    },
    runtime,
    (err) => logError('Publishing diagnostics failed', err),
    settings.diagnosticsDelay,
  );

  /** Wraps a handler so that no exception or rejection escapes (the server must never crash). */
  function guard<A extends unknown[]>(what: string, fn: (...args: A) => unknown): (...args: A) => void {
    return (...args: A) => {
      try {
        const r = fn(...args);
        if (r instanceof Promise) r.catch((err) => logError(what, err));
      } catch (err) {
        logError(what, err);
      }
    };
  }

  /** Serialises disk-driven updates so that events are applied in the order they arrive. */
  let chain: Promise<unknown> = Promise.resolve();
  function serial(what: string, fn: () => Promise<void>): Promise<void> {
    const p = chain.then(fn).catch((err) => logError(what, err));
    chain = p;
    return p;
  }

  function uriForPath(path: string): string {
    return uriByPath.get(path) ?? pathToFileURL(path).href;
  }

  /** Large documents being opened a slice at a time (slicedOpen.ts). */
  const opens = new SlicedOpens(runtime, (err) => logError('Opening a document failed', err));

  /** The path of `uri` is now known by this spelling; another spelling's copy is forgotten. */
  function claimPath(uri: string): void {
    const path = filePath(uri);
    if (path !== undefined) {
      const known = uriByPath.get(path);
      if (known !== undefined && known !== uri) {
        // Same file under another spelling of its URI: keep only one copy.
        publisher.clear(known);
        publisher.schedule(service.removeFile(known));
      }
      uriByPath.set(path, uri);
    }
  }

  /** Gives the service a file's text; `first` is the open document it came from, `typed` when it came from an edit. */
  function setFile(uri: string, text: string, first?: string, typed = false): void {
    opens.cancel(uri);
    claimPath(uri);
    const t0 = runtime.now();
    const affected = service.setFile(uri, text);
    const parseMs = runtime.now() - t0;
    if (first !== undefined && typed) return publisher.edited(affected, first, parseMs);
    // Unchanged text yields no affected URIs, but a newly opened document still needs its (versioned) publish.
    if (first !== undefined && !affected.includes(first)) affected.unshift(first);
    publisher.schedule(affected, first);
  }

  /**
   * Gives the service an open document's text a slice at a time (a large
   * document being opened, or edited before its opening finished); its
   * diagnostics are published once it is set, as setFile's are.
   */
  function openSliced(uri: string, text: string): void {
    claimPath(uri);
    opens.start(uri, service.setFileJob(uri, text), (affected) => {
      if (!affected.includes(uri)) affected.unshift(uri);
      publisher.schedule(affected, uri);
      // The document's line offsets, computed on its first edit otherwise (a large one's first keystroke would pay them), in a turn of their own.
      runtime.timer.setImmediate(() => void documents.get(uri)?.lineCount);
    });
  }

  /**
   * Gives the service a closed file's text (workspace scan, re-read from
   * disk): a large one a slice at a time, like an opened document; `done`
   * gets the affected URIs. Resolves once the file is set (or its job was
   * taken over: the file was opened meanwhile, or set again).
   */
  function setClosedFile(uri: string, text: string, done: (affected: string[]) => void): Promise<void> | undefined {
    if (text.length <= YIELD_SIZE) {
      opens.cancel(uri);
      claimPath(uri);
      done(service.setFile(uri, text));
      return undefined;
    }
    claimPath(uri);
    opens.start(uri, service.setFileJob(uri, text), done);
    return opens.whenOpened(uri);
  }

  function removeFile(uri: string): void {
    opens.cancel(uri);
    const path = filePath(uri);
    if (path !== undefined && uriByPath.get(path) === uri) uriByPath.delete(path);
    const affected = service.removeFile(uri);
    publisher.clear(uri);
    publisher.schedule(affected.filter((u) => u !== uri));
  }

  /** Forgets the closed files indexed below a directory (deleted, or no longer a workspace folder). */
  function forgetBelow(dir: string): void {
    const prefix = dir.endsWith(sep) ? dir : dir + sep;
    for (const [p, u] of [...uriByPath]) if (p.startsWith(prefix) && !documents.get(u)) removeFile(u);
  }

  /** Re-reads a closed file from disk: indexes it if it is one of ours (libvirt XML, netplan, interfaces), forgets it otherwise. */
  async function refreshFromDisk(uri: string, path: string): Promise<void> {
    let text: string | undefined;
    try {
      text = await readKnownFile(path, runtime.fs, uri);
    } catch {
      text = undefined; // deleted or unreadable
    }
    if (documents.get(uri)) return; // opened meanwhile: the editor's content wins
    if (text !== undefined) await setClosedFile(uri, text, (affected) => publisher.schedule(affected));
    else if (service.hasFile(uri)) removeFile(uri);
  }

  async function loadSettings(): Promise<void> {
    let config: unknown;
    if (canPullConfiguration) config = await connection.workspace.getConfiguration('virtnet');
    applySettings(config);
  }

  function applySettings(config: unknown): void {
    settings = toAdapterSettings(config, init);
    service.configure(settings.service);
    publisher.delay = settings.diagnosticsDelay;
  }

  function republishAll(): void {
    const uris = new Set<string>(uriByPath.values());
    for (const d of documents.all()) uris.add(d.uri);
    publisher.schedule(uris);
  }

  async function scan(roots: string[]): Promise<void> {
    const t0 = runtime.now();
    const touched = new Set<string>();
    const result = await scanFolders(roots, runtime.fs, {
      onFile: (path, text) => {
        const uri = uriForPath(path);
        if (documents.get(uri)) return;
        return setClosedFile(uri, text, (affected) => {
          for (const u of affected) touched.add(u);
        });
      },
      onError: (path, err) => {
        if ((err as NodeJS.ErrnoException)?.code !== 'ENOENT') logError(`Reading ${path}`, err);
      },
    });
    publisher.schedule(touched);
    await publisher.whenIdle();
    const params: IndexedParams = { ...result, ms: Math.round(runtime.now() - t0) };
    connection.console.log(
      `Indexed ${result.libvirtFiles} libvirt files of ${result.xmlFiles} XML files, ${result.netplanFiles} netplan files of ${result.yamlFiles} YAML files and ${result.interfacesFiles} interfaces files in ${params.ms} ms`,
    );
    void connection.sendNotification(INDEXED_NOTIFICATION, params);
  }

  function onWatchedFiles(changes: FileEvent[]): Promise<void> {
    return serial('Watched file change', async () => {
      for (const change of changes) {
        const path = filePath(change.uri);
        if (path === undefined) continue;
        const uri = uriByPath.get(path) ?? change.uri;
        if (documents.get(uri)) continue; // open: the editor's content wins
        if (change.type === FileChangeType.Deleted) {
          if (service.hasFile(uri)) removeFile(uri);
          else {
            // A deleted folder: forget what was indexed below it.
            forgetBelow(path);
          }
        } else if (service.hasFile(uri) || folders.some((root) => isWalkedPath(root, path))) {
          // New files count only where the workspace scan would have found them (files/walk.ts).
          await refreshFromDisk(uri, path);
        }
      }
    });
  }

  function folderListOf(params: InitializeParams): WorkspaceFolder[] {
    return params.workspaceFolders ?? (params.rootUri ? [{ uri: params.rootUri, name: '' }] : []);
  }

  /** Tells the service the workspace folders (URIs): cross-format checks stay within one. */
  function configureFolders(): void {
    service.configure({ workspaceFolders: [...folderUris] });
  }

  connection.onInitialize((params): InitializeResult => {
    try {
      init = parseInitializationOptions(params.initializationOptions);
      applySettings(undefined);
      const list = folderListOf(params);
      folders = list.map((f) => filePath(f.uri)).filter((p): p is string => p !== undefined);
      folderUris = list.map((f) => f.uri);
      configureFolders();
      const ws = params.capabilities.workspace;
      canPullConfiguration = ws?.configuration === true;
      canRegisterWatchers = ws?.didChangeWatchedFiles?.dynamicRegistration === true;
      canRegisterConfiguration = ws?.didChangeConfiguration?.dynamicRegistration === true;
      supportsFolders = ws?.workspaceFolders === true;
    } catch (err) {
      logError('initialize', err);
    }
    return { capabilities: capabilities(), serverInfo: { name: 'virtnet' } };
  });

  /** Resolves once the first workspace scan is done (or failed): requests about the workspace wait for it. */
  let firstScanDone: () => void = () => undefined;
  const firstScan = new Promise<void>((resolve) => (firstScanDone = resolve));

  connection.onInitialized(
    guard('initialized', async () => {
      try {
        await initialized();
      } finally {
        firstScanDone();
      }
    }),
  );

  async function initialized(): Promise<void> {
    if (canRegisterWatchers) {
      await connection.client
        .register(DidChangeWatchedFilesNotification.type, {
          // Candidate files (XML, YAML, interfaces), plus deletions of anything (a deleted folder is reported as the folder alone).
          watchers: [...WATCHED_GLOBS.map((globPattern) => ({ globPattern })), { globPattern: '**/*', kind: WatchKind.Delete }],
        })
        .catch((err) => logError('Registering file watchers', err));
    }
    if (canRegisterConfiguration) {
      await connection.client.register(DidChangeConfigurationNotification.type, { section: 'virtnet' }).catch((err) => logError('Registering configuration', err));
    }
    try {
      await loadSettings();
    } catch (err) {
      logError('Reading settings', err);
    }
    publisher.resume();
    if (supportsFolders) connection.workspace.onDidChangeWorkspaceFolders(guard('workspace folders', onFoldersChanged));
    await serial('Workspace scan', () => scan(folders));
  }

  function onFoldersChanged(e: { added: WorkspaceFolder[]; removed: WorkspaceFolder[] }): Promise<void> {
    const removed = e.removed.map((f) => filePath(f.uri)).filter((p): p is string => p !== undefined);
    const added = e.added.map((f) => filePath(f.uri)).filter((p): p is string => p !== undefined);
    folders = folders.filter((f) => !removed.includes(f)).concat(added);
    const removedUris = new Set(e.removed.map((f) => f.uri));
    folderUris = folderUris.filter((u) => !removedUris.has(u)).concat(e.added.map((f) => f.uri));
    configureFolders();
    for (const root of removed) forgetBelow(root);
    // Which folder a file belongs to changed: every file's cross-format findings may have.
    republishAll();
    return serial('Workspace scan', () => scan(added));
  }

  connection.onDidChangeConfiguration(
    guard('didChangeConfiguration', async (params: { settings: unknown }) => {
      if (canPullConfiguration) await loadSettings();
      else applySettings((params.settings as { virtnet?: unknown } | null)?.virtnet);
      republishAll();
    }),
  );

  connection.onDidChangeWatchedFiles(guard('didChangeWatchedFiles', (params: { changes: FileEvent[] }) => onWatchedFiles(params.changes)));

  /** Documents opened but not yet seen by onDidChangeContent (which fires for opening and for edits alike). */
  const opening = new Set<string>();
  documents.onDidOpen((e: { document: TextDocument }) => {
    // A large document's line offsets are computed once it is opened (openSliced), not here: the messages behind the didOpen do not wait for them.
    opening.add(e.document.uri);
  });

  documents.onDidChangeContent(
    guard('document change', (e: { document: TextDocument }) => {
      const uri = e.document.uri;
      const typed = !opening.delete(uri);
      const text = e.document.getText();
      if (recognisedKind(uri, text) !== undefined) {
        // A large document just opened is parsed in slices; so is a newer version of one still being opened.
        if ((!typed && text.length > YIELD_SIZE) || opens.has(uri)) openSliced(uri, text);
        else setFile(uri, text, uri, typed);
        return;
      }
      opens.cancel(uri);
      // Other XML or YAML (Maven, SVG, docker-compose…): not parsed on every keystroke; forgotten if it used to be ours.
      if (!service.hasFile(uri)) {
        publisher.schedule([uri], uri);
        return;
      }
      const path = filePath(uri);
      if (path !== undefined && uriByPath.get(path) === uri) uriByPath.delete(path);
      publisher.schedule([uri, ...service.removeFile(uri)], uri);
    }),
  );

  documents.onDidClose(
    guard('document close', (e: { document: TextDocument }) => {
      const uri = e.document.uri;
      opens.cancel(uri);
      const path = filePath(uri);
      if (path === undefined) {
        removeFile(uri);
        return;
      }
      // The file on disk may differ from the closed editor (unsaved edits) or be gone.
      return serial('Re-reading a closed file', () => refreshFromDisk(uri, path));
    }),
  );

  /** Makes sure the service knows an open document (see FeatureHost.ensureFile). */
  function ensureFile(uri: string): boolean {
    if (service.hasFile(uri)) return true;
    const doc = documents.get(uri);
    if (!doc) return false;
    const text = doc.getText();
    // YAML and plain text that is neither netplan nor an interfaces file belongs to other extensions (Red Hat YAML…).
    if (doc.languageId !== 'xml' && recognisedKind(uri, text) === undefined) return false;
    // An open XML document not (yet) libvirt XML, e.g. an empty new file: parsed on request only.
    setFile(uri, text);
    return true;
  }

  const whenOpened = (uri: string) => opens.whenOpened(uri);
  registerFeatures({ connection, service, documents, logError, ensureFile, whenOpened });
  registerCheckDocument({ connection, service, documents, logError, ensureFile, whenOpened, setFile: (uri, text) => setFile(uri, text), removeFile });

  registerHostFacts({ connection, service, republish: (uris) => publisher.schedule(uris), log: (m) => connection.console.warn(m) });
  // After the first scan and the disk updates queued before the request (`serial`); open documents are the service's already.
  registerWorkspaceMacs({ connection, service, settled: () => firstScan.then(() => chain), logError });

  documents.listen(connection);
  connection.listen();
}
