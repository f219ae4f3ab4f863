/** Small concurrency and timing helpers for the connection code. */

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
