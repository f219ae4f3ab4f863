/** Small concurrency and timing helpers for the connection code, and its timeouts. */

/** The timeouts of a host's connection; the `virtnet.ssh.*` settings (in seconds there). */
export interface ConnectionTimeouts {
  /** Handshake and login through every jump host, prompts excluded. */
  readonly connectTimeoutMs: number;
  /** One command (one round trip). */
  readonly commandTimeoutMs: number;
  /** A connection without a command is closed after this long. */
  readonly idleTimeoutMs: number;
}

export const DEFAULT_TIMEOUTS: ConnectionTimeouts = { connectTimeoutMs: 15_000, commandTimeoutMs: 30_000, idleTimeoutMs: 5 * 60_000 };

/** Bounds of each setting, in seconds (as package.json declares them). */
const BOUNDS: Record<'connectTimeout' | 'commandTimeout' | 'idleTimeout', [number, number]> = {
  connectTimeout: [1, 600],
  commandTimeout: [1, 3600],
  idleTimeout: [5, 86_400],
};

/**
 * The timeouts from the settings' values (seconds); a value that is not a
 * number in its bounds keeps the default, with a line saying so.
 */
export function timeoutsFromSettings(raw: { connectTimeout?: unknown; commandTimeout?: unknown; idleTimeout?: unknown }): { timeouts: ConnectionTimeouts; problems: string[] } {
  const problems: string[] = [];
  const ms = (key: keyof typeof BOUNDS, fallback: number): number => {
    const v = raw[key];
    if (v === undefined || v === null) return fallback;
    const [lo, hi] = BOUNDS[key];
    if (typeof v !== 'number' || !Number.isFinite(v) || v < lo || v > hi) {
      problems.push(`virtnet.ssh.${key}: ${JSON.stringify(v)} is not a number of seconds from ${lo} to ${hi}: ${fallback / 1000} is used`);
      return fallback;
    }
    return Math.round(v * 1000);
  };
  return {
    timeouts: {
      connectTimeoutMs: ms('connectTimeout', DEFAULT_TIMEOUTS.connectTimeoutMs),
      commandTimeoutMs: ms('commandTimeout', DEFAULT_TIMEOUTS.commandTimeoutMs),
      idleTimeoutMs: ms('idleTimeout', DEFAULT_TIMEOUTS.idleTimeoutMs),
    },
    problems,
  };
}

/** At most `size` holders at a time; the others wait in order. */
export class Semaphore {
  private active = 0;
  private readonly waiting: (() => void)[] = [];
  constructor(private readonly size: number) {}
  async acquire(): Promise<void> {
    if (this.active < this.size) {
      this.active++;
      return;
    }
    await new Promise<void>((resolve) => this.waiting.push(resolve));
  }
  release(): void {
    const next = this.waiting.shift();
    if (next) next(); // the slot passes on
    else this.active--;
  }
}

/** A timeout that can be paused (while the user answers a prompt) and resumed with the time left. */
export class PausableTimer {
  private timer: NodeJS.Timeout | undefined;
  private startedAt = 0;
  private pauses = 0;
  private done = false;
  constructor(
    private remainingMs: number,
    private readonly onTimeout: () => void,
  ) {
    this.start();
  }
  pause(): void {
    if (this.done || this.pauses++ > 0) return;
    clearTimeout(this.timer);
    this.remainingMs -= Date.now() - this.startedAt;
  }
  resume(): void {
    if (this.done || --this.pauses > 0) return;
    this.start();
  }
  stop(): void {
    this.done = true;
    clearTimeout(this.timer);
  }
  private start(): void {
    this.startedAt = Date.now();
    this.timer = setTimeout(() => {
      this.done = true;
      this.onTimeout();
    }, Math.max(0, this.remainingMs));
  }
}
