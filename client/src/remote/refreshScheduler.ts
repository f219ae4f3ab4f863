/**
 * When host refreshes run. A refresh has two phases with their own bounds:
 *
 * - connecting (SSH handshake and login, through any jump hosts): waiting on
 *   the network, cheap here; at most `connects` at once;
 * - reading (the virsh batches): the work; at most `reads` at once.
 *
 * A host that never answers (packets dropped, or a port that never sends the
 * SSH banner) spends its whole connect timeout in the first phase, so it
 * holds a connect slot, never a read slot: the hosts queued behind it are
 * read as soon as they are connected. `connects` is the larger bound, so a
 * few silent hosts do not stall the others either; both bounds keep
 * twenty hosts from opening twenty handshakes and batches at the same time.
 * Waiters of each phase are served first in, first out.
 *
 * Pure: the phases are callbacks (HostConnectionManager passes the SSH
 * connection's `open` and `fetchHost`); unit tests pass fakes.
 */
import { errorText, fail, type Result } from './result';

/** Where a refresh is: waiting for a slot of either phase, connecting, or reading. */
export type RefreshPhase = 'queued' | 'connecting' | 'reading';

export interface RefreshTask<T> {
  /** Opens the connection; absent when there is none to open (a local host, or connected already). */
  readonly connect?: () => Promise<Result<unknown>>;
  /** The work, on the open connection. */
  readonly read: () => Promise<Result<T>>;
  /** Each phase as it starts; `queued` only when the task has to wait for a slot. Called synchronously when no wait is needed. */
  readonly onPhase?: (phase: RefreshPhase) => void;
  /** Asked before each phase starts: false ends the task with this failure instead (a host removed meanwhile is not contacted). */
  readonly cancelled?: () => Result<never> | undefined;
}

export interface RefreshLimits {
  /** Reads at once. */
  readonly reads: number;
  /** Connects at once (handshakes and logins). */
  readonly connects: number;
}

/** The default bound on connects for a bound on reads: twice as many, at least 8. */
export function defaultConnectLimit(reads: number): number {
  return Math.max(8, 2 * reads);
}

/** A counting bound whose slot passes straight to the next waiter. */
class Slots {
  private held = 0;
  private readonly waiting: (() => void)[] = [];
  constructor(private readonly size: number) {}
  get inUse(): number {
    return this.held;
  }
  /** Takes a slot now if one is free. */
  tryTake(): boolean {
    if (this.held >= this.size) return false;
    this.held++;
    return true;
  }
  /** Resolves once a slot was handed over (after `tryTake` failed). */
  wait(): Promise<void> {
    return new Promise((resolve) => this.waiting.push(resolve));
  }
  release(): void {
    const next = this.waiting.shift();
    if (next) next();
    else this.held--;
  }
}

export class RefreshScheduler {
  private readonly readSlots: Slots;
  private readonly connectSlots: Slots;

  constructor(limits: RefreshLimits) {
    this.readSlots = new Slots(Math.max(1, Math.floor(limits.reads)));
    this.connectSlots = new Slots(Math.max(1, Math.floor(limits.connects)));
  }

  /** Tasks reading now. */
  get reading(): number {
    return this.readSlots.inUse;
  }

  /** Tasks connecting now. */
  get connecting(): number {
    return this.connectSlots.inUse;
  }

  /** Runs a task's phases, each once a slot of its kind is free; never throws. */
  async run<T>(task: RefreshTask<T>): Promise<Result<T>> {
    if (task.connect) {
      const c = await this.inSlot(this.connectSlots, 'connecting', task, task.connect);
      if (!c.ok) return c;
    }
    return this.inSlot(this.readSlots, 'reading', task, task.read);
  }

  private async inSlot<R>(slots: Slots, phase: RefreshPhase, task: RefreshTask<unknown>, work: () => Promise<Result<R>>): Promise<Result<R>> {
    if (!slots.tryTake()) {
      task.onPhase?.('queued');
      await slots.wait();
    }
    try {
      const stop = task.cancelled?.();
      if (stop) return stop;
      task.onPhase?.(phase);
      return await work();
    } catch (e) {
      return fail('internal', errorText(e));
    } finally {
      slots.release();
    }
  }
}
