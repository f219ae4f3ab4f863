/**
 * Opening a large document without blocking the server: its text is handed
 * to the service in slices of about SLICE_MS (the service's `setFileJob`:
 * the XML parse, the model and the index update a step at a time) with a
 * turn of the event loop between slices, so that a message arriving
 * meanwhile (another document's edit, an outline) waits for one slice, not
 * for the whole parse. Messages go first: a slice waits while the connection
 * still dispatches messages it has received (one per event-loop turn), so
 * an outline, a hover and an edit sent right behind the didOpen are all
 * answered before the next slice. Its diagnostics are then computed in
 * slices too (diagnostics.ts), once the job is done.
 *
 * A newer version of the document restarts the job with the new text; a
 * close cancels it. Requests about a document still being opened wait for
 * its job (`whenOpened`), without holding up anything else, and are then
 * answered from the document as opened (a request answered from a half-built
 * document, or from none, would show an empty outline until the next edit).
 */
import type { SetFileJob } from '../service/languageService';
import { MessagesFirst, SLICE_MS } from './diagnostics';
import type { Disposable, RuntimeEnvironment } from './runtime';

interface Opening {
  job: SetFileJob;
  done: (affected: string[]) => void;
  timer: Disposable | undefined;
  readonly turns: MessagesFirst;
  /** Requests waiting for the document (kept across restarts). */
  readonly waiting: (() => void)[];
  readonly opened: Promise<void>;
}

export class SlicedOpens {
  private readonly opening = new Map<string, Opening>();

  constructor(
    private readonly runtime: Pick<RuntimeEnvironment, 'timer' | 'now' | 'messagesDispatched'>,
    private readonly onError: (err: unknown) => void,
  ) {}

  /**
   * Runs `job` (the service's setFileJob for `uri`) in slices, then calls
   * `done` with the URIs it affected. Replaces a job still running for
   * `uri` (a newer version): requests waiting for it wait for this one.
   */
  start(uri: string, job: SetFileJob, done: (affected: string[]) => void): void {
    let o = this.opening.get(uri);
    if (o) {
      o.timer?.dispose();
      o.job = job;
      o.done = done;
    } else {
      const waiting: (() => void)[] = [];
      const opened = new Promise<void>((resolve) => waiting.push(resolve));
      o = { job, done, timer: undefined, turns: new MessagesFirst(this.runtime, true), waiting, opened };
      this.opening.set(uri, o);
    }
    // The first slice in a turn of its own: the didOpen handler returns at once.
    const entry = o;
    entry.timer = this.runtime.timer.setImmediate(() => this.slice(uri, entry));
  }

  /** Whether `uri` is being opened. */
  has(uri: string): boolean {
    return this.opening.has(uri);
  }

  /** Resolves once `uri` is opened (or its opening cancelled); undefined when it is not being opened. */
  whenOpened(uri: string): Promise<void> | undefined {
    return this.opening.get(uri)?.opened;
  }

  /** Drops the job of `uri` (closed, or no longer a document of ours); waiting requests go on. */
  cancel(uri: string): void {
    const o = this.opening.get(uri);
    if (!o) return;
    o.timer?.dispose();
    this.opening.delete(uri);
    for (const f of o.waiting) f();
  }

  private slice(uri: string, o: Opening): void {
    if (this.opening.get(uri) !== o) return;
    if (o.turns.messagesPending()) {
      o.timer = this.runtime.timer.setImmediate(() => this.slice(uri, o));
      return;
    }
    const t0 = this.runtime.now();
    let done = false;
    try {
      // At least one step per slice, then more while the slice lasts.
      while (!(done = o.job.step()) && this.runtime.now() - t0 < SLICE_MS);
    } catch (err) {
      this.onError(err);
      this.cancel(uri);
      return;
    }
    if (!done) {
      o.turns.sliced();
      o.timer = this.runtime.timer.setImmediate(() => this.slice(uri, o));
      return;
    }
    this.opening.delete(uri);
    try {
      o.done(o.job.affected ?? [uri]);
    } catch (err) {
      this.onError(err);
    }
    for (const f of o.waiting) f();
  }
}
