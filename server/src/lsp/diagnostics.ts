/**
 * Diagnostics publishing, per URI, without a fixed wait.
 *
 * Every change is checked right away. What happens to the result depends on
 * what the editor already shows for that URI:
 *
 * - nothing new (problems fixed or unchanged): published at once, so a fix
 *   clears its squiggle as soon as it is typed;
 * - a problem the editor does not show yet, after typing (`edited`): held
 *   back until the user pauses, so a half-typed word does not flash red.
 *   The pause is `max(delay, PAUSE_PER_CHECK × this document's check time)`,
 *   restarted by every keystroke; `delay` is `virtnet.diagnostics.delay`.
 *   Meanwhile the problems that are still present are published at once
 *   if some of the shown ones went away;
 * - any other reason (opened, read from disk, settings changed, workspace
 *   scan): published at once.
 *
 * With a delay of 0 nothing is held. "Already shown" compares problems by
 * severity, code and message, counted (not by range: text typed above a
 * problem moves it without making it new).
 *
 * The edited document is checked synchronously, unless it is over
 * YIELD_SIZE: then its check waits until the requests already received
 * (outline, hover, another document's edit) are answered, and runs in
 * slices of about SLICE_MS (the service's `diagnosticsJob`, one check per
 * step) with a turn of the event loop between slices, so that a message
 * arriving meanwhile is answered after the current slice, not after the
 * whole check; messages go first (MessagesFirst: the next slice waits
 * while the connection still dispatches received messages). A newer version (or any reschedule of the URI) cancels the
 * job. The other affected URIs join a queue drained in small chunks
 * (yielding to the event loop between chunks, so a workspace scan of
 * thousands of files never blocks incoming edits); a large open document
 * in it is checked in slices too.
 *
 * Stale-result guard: diagnostics are computed from the service's current
 * content when the URI's turn comes (never captured at schedule time), carry
 * the open document's version of that moment, a held result is dropped as
 * soon as the URI is scheduled again, and a URI that was cleared (closed,
 * deleted) has its hold and queue entry dropped, so an old result can never
 * overwrite a newer one.
 */
import type { Diagnostic } from 'vscode-languageserver-types';
import type { DiagnosticsJob } from '../service/languageService';
import type { Disposable, RuntimeEnvironment } from './runtime';

export interface DiagnosticsSink {
  sendDiagnostics(params: { uri: string; version?: number; diagnostics: Diagnostic[] }): void;
}

/** Diagnostics computed a step at a time (LanguageService.diagnosticsJob). */
export type { DiagnosticsJob };

export interface DiagnosticsSource {
  /** Current diagnostics of the URI ([] when unknown). */
  diagnostics(uri: string): Diagnostic[];
  /** The same, a step at a time (absent: large documents are checked in one go). */
  job?(uri: string): DiagnosticsJob;
  /** The open document's version, or undefined for a closed file. */
  openVersion(uri: string): number | undefined;
  /** The document's length in characters: the open document's, or the closed file's as last read (0 when unknown). */
  size(uri: string): number;
}

const CHUNK = 100;
/** New problems wait at least this many times the document's own check time. */
export const PAUSE_PER_CHECK = 3;
const MAX_PAUSE = 10_000;
/** An edited or opened document longer than this (characters) is long work: its diagnostics wait for the requests already received. */
export const YIELD_SIZE = 128 * 1024;
/** Bound on that wait, in event-loop turns (a client that never stops sending cannot starve it). */
const MAX_HOPS = 1000;
/** A large document's check runs in slices of about this many milliseconds, with a turn of the event loop between them. */
export const SLICE_MS = 8;

/** Bound on the turns one slice gives to messages (a client that never stops sending cannot starve the work). */
const MAX_TURNS_PER_SLICE = 50;

/**
 * "Messages first" between the slices of long work: the connection
 * dispatches one received message per event-loop turn, so a slice that ran
 * right after one would hold up the next. `messagesPending()` is true while
 * messages were dispatched since the last slice (the caller then waits a
 * turn, at most MAX_TURNS_PER_SLICE times in a row); `sliced()` marks the end
 * of a slice. Without `messagesDispatched` nothing waits. `afterNextMessage`:
 * the first slice also waits for a turn (work started by a message handler:
 * the connection queues the next message, already received, behind it).
 */
export class MessagesFirst {
  private seen: number;
  private turns = 0;
  constructor(
    private readonly runtime: Pick<RuntimeEnvironment, 'messagesDispatched'>,
    afterNextMessage = false,
  ) {
    this.seen = (runtime.messagesDispatched?.() ?? 0) - (afterNextMessage && runtime.messagesDispatched ? 1 : 0);
  }
  messagesPending(): boolean {
    const n = this.runtime.messagesDispatched?.() ?? this.seen;
    if (n === this.seen || this.turns >= MAX_TURNS_PER_SLICE) {
      this.turns = 0;
      return false;
    }
    this.seen = n;
    this.turns++;
    return true;
  }
  sliced(): void {
    this.seen = this.runtime.messagesDispatched?.() ?? 0;
  }
}

interface Held {
  readonly version: number | undefined;
  readonly diagnostics: Diagnostic[];
  readonly timer: Disposable;
}

const keyOf = (d: Diagnostic) => `${d.severity}\u0000${String(d.code)}\u0000${d.message}`;

function countKeys(ds: readonly Diagnostic[]): Map<string, number> {
  const m = new Map<string, number>();
  for (const d of ds) m.set(keyOf(d), (m.get(keyOf(d)) ?? 0) + 1);
  return m;
}

export class DiagnosticsPublisher {
  private readonly queue = new Set<string>();
  /** Queued URIs whose change came from typing (their new problems may be held). */
  private readonly typed = new Set<string>();
  /** What the client shows per URI (only non-empty lists are kept). */
  private readonly shown = new Map<string, Diagnostic[]>();
  private readonly held = new Map<string, Held>();
  /** Large documents whose check waits for the messages already received, or runs in slices. */
  private readonly deferred = new Map<string, Disposable>();
  /** The last measured check time (ms) per URI, parse included for edited documents. */
  private readonly cost = new Map<string, number>();
  private draining: Disposable | undefined;
  private paused = true;
  private idleWaiters: (() => void)[] = [];

  constructor(
    private readonly sink: DiagnosticsSink,
    private readonly source: DiagnosticsSource,
    private readonly runtime: Pick<RuntimeEnvironment, 'timer' | 'now' | 'messagesDispatched'>,
    private readonly onError: (err: unknown) => void,
    public delay: number,
  ) {}

  /** Publishing starts only once the initial settings are known. */
  resume(): void {
    this.paused = false;
    this.drain();
  }

  /** Checks each URI and publishes at once; `first` goes ahead of the others, synchronously. */
  schedule(uris: Iterable<string>, first?: string): void {
    for (const u of uris) this.enqueue(u, false);
    this.drain(first);
  }

  /**
   * The user typed in `first` (which took `parseMs` to parse); `uris` are the
   * files whose diagnostics may have changed. Problems that are new to the
   * editor are held for the pause; everything else is published at once.
   */
  edited(uris: Iterable<string>, first: string, parseMs = 0): void {
    for (const u of uris) this.enqueue(u, true);
    this.enqueue(first, true);
    this.drain(first, parseMs);
  }

  /** Cancels anything pending for the URI and removes its diagnostics from the client. */
  clear(uri: string): void {
    this.dropHeld(uri);
    this.dropDeferred(uri);
    this.queue.delete(uri);
    this.typed.delete(uri);
    this.shown.delete(uri);
    this.cost.delete(uri);
    this.send(uri, this.source.openVersion(uri), []);
  }

  /** Resolves when nothing is pending (queue drained, no problem held). */
  whenIdle(): Promise<void> {
    if (this.isIdle()) return Promise.resolve();
    return new Promise((resolve) => this.idleWaiters.push(resolve));
  }

  /** How long new problems of `uri` wait after the last keystroke. */
  pauseOf(uri: string): number {
    if (this.delay <= 0) return 0;
    return Math.min(MAX_PAUSE, Math.max(this.delay, Math.ceil(PAUSE_PER_CHECK * (this.cost.get(uri) ?? 0))));
  }

  private enqueue(uri: string, typed: boolean): void {
    // A typed change never downgrades a pending "publish at once" (settings, disk) to "may hold".
    if (typed && !this.queue.has(uri)) this.typed.add(uri);
    else if (!typed) this.typed.delete(uri);
    this.queue.add(uri);
    this.dropHeld(uri);
    this.dropDeferred(uri);
  }

  private dropDeferred(uri: string): void {
    this.deferred.get(uri)?.dispose();
    this.deferred.delete(uri);
  }

  /**
   * Checks a large document once the connection has dispatched the messages
   * it already received: one event-loop turn at a time (the connection
   * dispatches one message per turn), until two turns pass without one.
   */
  private defer(uri: string, parseMs: number): void {
    const count = this.runtime.messagesDispatched!;
    let seen = count();
    let quiet = 0;
    let hops = 0;
    const hop = () => {
      const n = count();
      quiet = n === seen ? quiet + 1 : 0;
      seen = n;
      if (quiet < 2 && ++hops < MAX_HOPS) {
        this.deferred.set(uri, this.runtime.timer.setImmediate(hop));
        return;
      }
      this.deferred.delete(uri);
      this.sliced(uri, parseMs);
    };
    this.deferred.set(uri, this.runtime.timer.setImmediate(hop));
  }

  /**
   * Checks `uri` a slice at a time (see SLICE_MS) and publishes the result.
   * Between slices the job sits in `deferred`, so a reschedule of the URI
   * (a newer version, a clear) cancels it.
   */
  private sliced(uri: string, parseMs: number): void {
    if (!this.source.job) {
      this.publish(uri, parseMs);
      this.notifyIdle();
      return;
    }
    let job: DiagnosticsJob;
    try {
      job = this.source.job(uri);
    } catch (err) {
      this.onError(err);
      this.publish(uri, parseMs, { diagnostics: [], ms: 0 });
      this.notifyIdle();
      return;
    }
    let spent = 0;
    // Started from a message handler or the queue: the messages received behind it go first.
    const turns = new MessagesFirst(this.runtime, true);
    const slice = () => {
      if (turns.messagesPending()) {
        this.deferred.set(uri, this.runtime.timer.setImmediate(slice));
        return;
      }
      const t0 = this.runtime.now();
      let done = false;
      try {
        // At least one step per slice, then more while the slice lasts.
        while (!(done = job.step()) && this.runtime.now() - t0 < SLICE_MS);
      } catch (err) {
        this.onError(err);
        job = { step: () => true, diagnostics: [] };
        done = true;
      }
      spent += this.runtime.now() - t0;
      if (!done) {
        turns.sliced();
        this.deferred.set(uri, this.runtime.timer.setImmediate(slice));
        return;
      }
      this.deferred.delete(uri);
      this.publish(uri, parseMs, { diagnostics: job.diagnostics ?? [], ms: spent });
      this.notifyIdle();
    };
    slice();
  }

  private dropHeld(uri: string): void {
    const h = this.held.get(uri);
    if (!h) return;
    h.timer.dispose();
    this.held.delete(uri);
  }

  private isIdle(): boolean {
    return this.held.size === 0 && this.deferred.size === 0 && this.queue.size === 0 && !this.draining;
  }

  private drain(first?: string, parseMs = 0): void {
    if (this.paused) return;
    if (first !== undefined && this.queue.delete(first)) {
      if (this.runtime.messagesDispatched && this.source.size(first) > YIELD_SIZE) this.defer(first, parseMs);
      else this.publish(first, parseMs);
    }
    if (this.queue.size > 0 && !this.draining) this.draining = this.runtime.timer.setImmediate(() => this.step());
    this.notifyIdle();
  }

  private step(): void {
    this.draining = undefined;
    let n = 0;
    for (const u of this.queue) {
      this.queue.delete(u);
      if (this.source.job && this.source.size(u) > YIELD_SIZE) {
        // Its first slice in a turn of its own too (sliced() replaces or drops this entry).
        this.deferred.set(u, this.runtime.timer.setImmediate(() => this.sliced(u, 0)));
        continue;
      }
      this.publish(u, 0);
      if (++n >= CHUNK) break;
    }
    if (this.queue.size > 0) this.draining = this.runtime.timer.setImmediate(() => this.step());
    this.notifyIdle();
  }

  private notifyIdle(): void {
    if (!this.isIdle() || this.idleWaiters.length === 0) return;
    const w = this.idleWaiters;
    this.idleWaiters = [];
    for (const f of w) f();
  }

  /** Publishes the URI's diagnostics: `computed` when a sliced job has them already, else computed now. */
  private publish(uri: string, parseMs: number, computed?: { diagnostics: Diagnostic[]; ms: number }): void {
    const typed = this.typed.delete(uri);
    let diagnostics: Diagnostic[];
    let ms: number;
    if (computed) ({ diagnostics, ms } = computed);
    else {
      const t0 = this.runtime.now();
      try {
        diagnostics = this.source.diagnostics(uri);
      } catch (err) {
        this.onError(err);
        diagnostics = [];
      }
      ms = this.runtime.now() - t0;
    }
    this.cost.set(uri, parseMs + ms);
    const version = this.source.openVersion(uri);
    const shown = this.shown.get(uri) ?? [];
    if (!typed || this.delay <= 0) return this.show(uri, version, diagnostics);
    const stillShown = this.alreadyShown(shown, diagnostics);
    if (stillShown.length === diagnostics.length) return this.show(uri, version, diagnostics);
    // New problems: the fixed ones go at once, the new ones after the pause.
    if (stillShown.length < shown.length) this.show(uri, version, stillShown);
    const timer = this.runtime.timer.setTimeout(() => {
      this.held.delete(uri);
      this.show(uri, version, diagnostics);
      this.notifyIdle();
    }, this.pauseOf(uri));
    this.held.set(uri, { version, diagnostics, timer });
  }

  /** The members of `next` the client already shows (by severity, code and message, counted). */
  private alreadyShown(shown: readonly Diagnostic[], next: Diagnostic[]): Diagnostic[] {
    if (shown.length === 0) return [];
    const left = countKeys(shown);
    return next.filter((d) => {
      const k = keyOf(d);
      const n = left.get(k) ?? 0;
      if (n === 0) return false;
      left.set(k, n - 1);
      return true;
    });
  }

  private show(uri: string, version: number | undefined, diagnostics: Diagnostic[]): void {
    // A closed file with nothing to say, and nothing shown, is not sent an empty list.
    if (diagnostics.length === 0 && version === undefined && !this.shown.has(uri)) return;
    if (diagnostics.length > 0) this.shown.set(uri, diagnostics);
    else this.shown.delete(uri);
    this.send(uri, version, diagnostics);
  }

  private send(uri: string, version: number | undefined, diagnostics: Diagnostic[]): void {
    try {
      this.sink.sendDiagnostics({ uri, version, diagnostics });
    } catch (err) {
      this.onError(err);
    }
  }
}
