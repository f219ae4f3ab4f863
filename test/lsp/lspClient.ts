/**
 * A minimal LSP client for protocol tests and the benchmark: spawns the REAL
 * built server (`node out/server.js --stdio`) and speaks JSON-RPC to it over
 * the child's stdin/stdout with vscode-jsonrpc.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { createClientPipeTransport, createMessageConnection, generateRandomPipeName, StreamMessageReader, StreamMessageWriter, type MessageConnection } from 'vscode-jsonrpc/node';
import type { Diagnostic } from 'vscode-languageserver-types';

export interface PublishDiagnosticsParams {
  uri: string;
  version?: number;
  diagnostics: Diagnostic[];
}

/** The repository root: found upwards from here (this file also runs bundled, as out/bench.js). */
function findRoot(): string {
  let d = __dirname;
  for (let i = 0; i < 5; i++) {
    if (existsSync(join(d, 'package.json')) && existsSync(join(d, 'scripts', 'build.mjs'))) return d;
    d = dirname(d);
  }
  return process.cwd();
}
const root = findRoot();
export const serverPath = join(root, 'out', 'server.js');

/** Builds out/server.js when a test is run on its own (npm test builds first). */
export function ensureBuilt(): void {
  if (existsSync(serverPath)) return;
  const r = spawnSync(process.execPath, [join(root, 'scripts', 'build.mjs'), '--quiet'], { cwd: root, stdio: 'inherit' });
  if (r.status !== 0) throw new Error('build failed');
}

export function fileUri(path: string): string {
  return pathToFileURL(path).href;
}

export interface IndexedParams {
  xmlFiles: number;
  libvirtFiles: number;
  yamlFiles: number;
  netplanFiles: number;
  interfacesFiles: number;
  truncated: boolean;
  ms: number;
}

export interface StartOptions {
  /** Workspace folders (paths). */
  folders?: string[];
  initializationOptions?: Record<string, unknown>;
  /** The `virtnet` section answered to workspace/configuration. */
  settings?: Record<string, unknown>;
  /** Declare dynamic registration of file watchers (default true). */
  watchers?: boolean;
  execArgv?: string[];
  /** The server bundle to run (default: the checkout's out/server.js). */
  server?: string;
  /**
   * Speak LSP over a named pipe (`--pipe=NAME`) instead of stdio, leaving
   * the server's stdout free for what V8 prints there (`--trace-gc`).
   */
  pipe?: boolean;
}

type Waiter = { uri: string; resolve: (p: PublishDiagnosticsParams) => void; timer: NodeJS.Timeout };

export class TestClient {
  readonly latest = new Map<string, PublishDiagnosticsParams>();
  readonly published: PublishDiagnosticsParams[] = [];
  readonly logs: string[] = [];
  registrations: { method: string; registerOptions?: unknown }[] = [];
  settings: Record<string, unknown>;
  private waiters: Waiter[] = [];
  private indexedWaiters: ((p: IndexedParams) => void)[] = [];
  indexed: IndexedParams | undefined;
  /** performance.now() when `initialized` was sent. */
  initializedAt = 0;
  private versions = new Map<string, number>();
  stderr = '';

  private constructor(
    readonly child: ChildProcess,
    readonly conn: MessageConnection,
    settings: Record<string, unknown>,
  ) {
    this.settings = settings;
  }

  static async start(opts: StartOptions = {}): Promise<TestClient> {
    ensureBuilt();
    let child: ChildProcess;
    let conn: MessageConnection;
    if (opts.pipe) {
      const name = generateRandomPipeName();
      const transport = await createClientPipeTransport(name);
      child = spawn(process.execPath, [...(opts.execArgv ?? []), opts.server ?? serverPath, `--pipe=${name}`], { stdio: ['pipe', 'pipe', 'pipe'] });
      const [reader, writer] = await transport.onConnected();
      conn = createMessageConnection(reader, writer);
    } else {
      child = spawn(process.execPath, [...(opts.execArgv ?? []), opts.server ?? serverPath, '--stdio'], { stdio: ['pipe', 'pipe', 'pipe'] });
      conn = createMessageConnection(new StreamMessageReader(child.stdout!), new StreamMessageWriter(child.stdin!));
    }
    const c = new TestClient(child, conn, opts.settings ?? {});
    child.stderr!.on('data', (d) => (c.stderr += String(d)));
    conn.onNotification('textDocument/publishDiagnostics', (p: PublishDiagnosticsParams) => c.onPublish(p));
    conn.onNotification('virtnet/indexed', (p: IndexedParams) => {
      c.indexed = p;
      const w = c.indexedWaiters;
      c.indexedWaiters = [];
      for (const f of w) f(p);
    });
    conn.onNotification('window/logMessage', (p: { message: string }) => {
      c.logs.push(p.message);
    });
    conn.onRequest('workspace/configuration', (p: { items: { section?: string }[] }) =>
      p.items.map((i) => (i.section === 'virtnet' ? c.settings : null)),
    );
    conn.onRequest('client/registerCapability', (p: { registrations: { method: string; registerOptions?: unknown }[] }) => {
      c.registrations.push(...p.registrations);
      return null;
    });
    conn.onRequest('window/workDoneProgress/create', () => null);
    conn.listen();
    const folders = opts.folders ?? [];
    await conn.sendRequest('initialize', {
      processId: process.pid,
      rootUri: folders[0] ? fileUri(folders[0]) : null,
      workspaceFolders: folders.map((f, i) => ({ uri: fileUri(f), name: `f${i}` })),
      initializationOptions: { diagnosticsDelay: 0, ...opts.initializationOptions },
      capabilities: {
        workspace: {
          configuration: true,
          workspaceFolders: true,
          didChangeConfiguration: { dynamicRegistration: true },
          didChangeWatchedFiles: { dynamicRegistration: opts.watchers ?? true },
        },
        textDocument: { synchronization: { dynamicRegistration: false }, publishDiagnostics: { relatedInformation: true, versionSupport: true } },
      },
    });
    c.initializedAt = performance.now();
    await conn.sendNotification('initialized', {});
    return c;
  }

  private onPublish(p: PublishDiagnosticsParams): void {
    this.latest.set(p.uri, p);
    this.published.push(p);
    const keep: Waiter[] = [];
    for (const w of this.waiters) {
      if (w.uri === p.uri) {
        clearTimeout(w.timer);
        w.resolve(p);
      } else keep.push(w);
    }
    this.waiters = keep;
  }

  /** The next publishDiagnostics for `uri` (call before sending the message that triggers it). */
  nextDiagnostics(uri: string, timeoutMs = 10_000): Promise<PublishDiagnosticsParams> {
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        this.waiters = this.waiters.filter((w) => w.timer !== timer);
        reject(new Error(`no diagnostics for ${uri} within ${timeoutMs} ms; stderr: ${this.stderr}`));
      }, timeoutMs);
      this.waiters.push({ uri, resolve, timer });
    });
  }

  /** Resolves with the `virtnet/indexed` notification (at once if it already came). */
  whenIndexed(timeoutMs = 30_000): Promise<IndexedParams> {
    if (this.indexed) return Promise.resolve(this.indexed);
    return new Promise((resolve, reject) => {
      const t = setTimeout(() => reject(new Error('no virtnet/indexed')), timeoutMs);
      this.indexedWaiters.push((p) => {
        clearTimeout(t);
        resolve(p);
      });
    });
  }

  diagnostics(uri: string): Diagnostic[] {
    return this.latest.get(uri)?.diagnostics ?? [];
  }

  open(uri: string, text: string, languageId = 'xml'): Promise<PublishDiagnosticsParams> {
    const p = this.nextDiagnostics(uri);
    this.versions.set(uri, 1);
    void this.conn.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId, version: 1, text } });
    return p;
  }

  /** Replaces the whole text (a full-content change). */
  change(uri: string, text: string): Promise<PublishDiagnosticsParams> {
    const p = this.nextDiagnostics(uri);
    const version = (this.versions.get(uri) ?? 1) + 1;
    this.versions.set(uri, version);
    void this.conn.sendNotification('textDocument/didChange', { textDocument: { uri, version }, contentChanges: [{ text }] });
    return p;
  }

  /** An incremental change: replace `[start,end)` (line/character positions) with `text`. */
  edit(uri: string, range: { start: { line: number; character: number }; end: { line: number; character: number } }, text: string): Promise<PublishDiagnosticsParams> {
    const p = this.nextDiagnostics(uri);
    const version = (this.versions.get(uri) ?? 1) + 1;
    this.versions.set(uri, version);
    void this.conn.sendNotification('textDocument/didChange', { textDocument: { uri, version }, contentChanges: [{ range, text }] });
    return p;
  }

  close(uri: string): void {
    void this.conn.sendNotification('textDocument/didClose', { textDocument: { uri } });
  }

  /** Changes the answered settings and tells the server (which pulls them). */
  configure(settings: Record<string, unknown>): void {
    this.settings = settings;
    void this.conn.sendNotification('workspace/didChangeConfiguration', { settings: null });
  }

  watched(changes: { uri: string; type: 1 | 2 | 3 }[]): void {
    void this.conn.sendNotification('workspace/didChangeWatchedFiles', { changes });
  }

  /** Sends a request the server does not know: a live server answers "method not found". */
  async ping(timeoutMs = 5000): Promise<void> {
    const answer = this.conn.sendRequest('virtnet/ping').then(
      () => undefined,
      (err: { code?: number }) => {
        if (err?.code !== -32601) throw err;
      },
    );
    const timeout = new Promise<never>((_, reject) => setTimeout(() => reject(new Error(`server did not answer; stderr: ${this.stderr}`)), timeoutMs));
    await Promise.race([answer, timeout]);
  }

  async stop(): Promise<void> {
    try {
      await Promise.race([this.conn.sendRequest('shutdown'), new Promise((r) => setTimeout(r, 2000))]);
      void this.conn.sendNotification('exit');
    } catch {
      // already gone
    }
    await new Promise<void>((resolve) => {
      if (this.child.exitCode !== null) return resolve();
      const t = setTimeout(() => {
        this.child.kill();
        resolve();
      }, 2000);
      this.child.once('exit', () => {
        clearTimeout(t);
        resolve();
      });
    });
    this.conn.dispose();
  }
}

/** Frames JSON-RPC messages and writes them to the server in ONE write, so that it receives them together. */
export function writeTogether(c: TestClient, messages: object[]): void {
  const frames = messages.map((m) => {
    const body = Buffer.from(JSON.stringify({ jsonrpc: '2.0', ...m }), 'utf8');
    return Buffer.concat([Buffer.from(`Content-Length: ${body.length}\r\n\r\n`, 'ascii'), body]);
  });
  c.child.stdin!.write(Buffer.concat(frames));
}

export interface Received {
  id?: string | number;
  method?: string;
  params?: { uri?: string; version?: number; diagnostics?: { code?: string }[] };
  result?: unknown;
}

/** Reads the server's output alongside the client (a second listener), in arrival order. */
export function tap(c: TestClient): { messages: Received[]; stop(): void } {
  const messages: Received[] = [];
  let buf = Buffer.alloc(0);
  const onData = (chunk: Buffer) => {
    buf = Buffer.concat([buf, chunk]);
    for (;;) {
      const sep = buf.indexOf('\r\n\r\n');
      if (sep < 0) return;
      const length = Number(/Content-Length: (\d+)/i.exec(buf.subarray(0, sep).toString('ascii'))?.[1]);
      if (buf.length < sep + 4 + length) return;
      messages.push(JSON.parse(buf.subarray(sep + 4, sep + 4 + length).toString('utf8')) as Received);
      buf = buf.subarray(sep + 4 + length);
    }
  };
  c.child.stdout!.on('data', onData);
  return { messages, stop: () => c.child.stdout!.off('data', onData) };
}
