/**
 * Debounced diagnostics publishing, per URI.
 *
 * `schedule(uris)` (re)starts a timer for each URI; when it fires the URI
 * joins a queue that is drained in small chunks (yielding to the event loop
 * between chunks, so a workspace scan of thousands of files never blocks
 * incoming edits). With a delay of 0 the first URI (the edited document) is
 * published synchronously.
 *
 * Stale-result guard: diagnostics are computed at publish time from the
 * service's current content (never captured at schedule time), carry the open
 * document's version, and a URI that was cleared (closed, deleted) in the
 * meantime has its timer cancelled and its queue entry dropped, so an old
 * result can never overwrite a newer one.
 */
import type { Diagnostic } from 'vscode-languageserver-types';
import type { Disposable, RuntimeEnvironment } from './runtime';

export interface DiagnosticsSink {
  sendDiagnostics(params: { uri: string; version?: number; diagnostics: Diagnostic[] }): void;
}

export interface DiagnosticsSource {
  /** Current diagnostics of the URI ([] when unknown). */
  diagnostics(uri: string): Diagnostic[];
  /** The open document's version, or undefined for a closed file. */
  openVersion(uri: string): number | undefined;
}

const CHUNK = 100;

export class DiagnosticsPublisher {
  private readonly timers = new Map<string, Disposable>();
  private readonly queue = new Set<string>();
  /** URIs whose last publish was non-empty (closed files with nothing to say are not sent an empty list). */
  private readonly shown = new Set<string>();
  private draining: Disposable | undefined;
  private paused = true;
  private idleWaiters: (() => void)[] = [];

  constructor(
    private readonly sink: DiagnosticsSink,
    private readonly source: DiagnosticsSource,
    private readonly timer: RuntimeEnvironment['timer'],
    private readonly onError: (err: unknown) => void,
    public delay: number,
  ) {}

  /** Publishing starts only once the initial settings are known. */
  resume(): void {
    this.paused = false;
    this.drain();
  }

  /** Schedules a publish for each URI; `first` (the edited document) goes ahead of the others. */
  schedule(uris: Iterable<string>, first?: string): void {
    if (this.delay <= 0) {
      for (const u of uris) this.queue.add(u);
      this.drain(first);
      return;
    }
    for (const u of uris) {
      this.timers.get(u)?.dispose();
      this.timers.set(
        u,
        this.timer.setTimeout(() => {
          this.timers.delete(u);
          this.queue.add(u);
          this.drain(u);
        }, this.delay),
      );
    }
  }

  /** Cancels anything pending for the URI and removes its diagnostics from the client. */
  clear(uri: string): void {
    this.timers.get(uri)?.dispose();
    this.timers.delete(uri);
    this.queue.delete(uri);
    this.shown.delete(uri);
    this.send(uri, []);
  }

  /** Resolves when nothing is pending (timers fired and queue drained). */
  whenIdle(): Promise<void> {
    if (this.isIdle()) return Promise.resolve();
    return new Promise((resolve) => this.idleWaiters.push(resolve));
  }

  private isIdle(): boolean {
    return this.timers.size === 0 && this.queue.size === 0 && !this.draining;
  }

  private drain(first?: string): void {
    if (this.paused) return;
    if (first !== undefined && this.queue.delete(first)) this.publish(first);
    if (this.queue.size > 0 && !this.draining) this.draining = this.timer.setImmediate(() => this.step());
    this.notifyIdle();
  }

  private step(): void {
    this.draining = undefined;
    let n = 0;
    for (const u of this.queue) {
      this.queue.delete(u);
      this.publish(u);
      if (++n >= CHUNK) break;
    }
    if (this.queue.size > 0) this.draining = this.timer.setImmediate(() => this.step());
    this.notifyIdle();
  }

  private notifyIdle(): void {
    if (!this.isIdle() || this.idleWaiters.length === 0) return;
    const w = this.idleWaiters;
    this.idleWaiters = [];
    for (const f of w) f();
  }

  private publish(uri: string): void {
    let diagnostics: Diagnostic[];
    try {
      diagnostics = this.source.diagnostics(uri);
    } catch (err) {
      this.onError(err);
      diagnostics = [];
    }
    const open = this.source.openVersion(uri) !== undefined;
    if (diagnostics.length === 0 && !open && !this.shown.has(uri)) return;
    if (diagnostics.length > 0) this.shown.add(uri);
    else this.shown.delete(uri);
    this.send(uri, diagnostics);
  }

  private send(uri: string, diagnostics: Diagnostic[]): void {
    try {
      this.sink.sendDiagnostics({ uri, version: this.source.openVersion(uri), diagnostics });
    } catch (err) {
      this.onError(err);
    }
  }
}
