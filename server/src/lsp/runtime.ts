/**
 * What the adapter needs from the outside world, injected by the entry point
 * (`server.ts`) so that the adapter can be driven with fakes and the service
 * never does I/O (STYLE.md items 7 and 8).
 */

export interface Disposable {
  dispose(): void;
}

export interface DirEntry {
  readonly name: string;
  isFile(): boolean;
  isDirectory(): boolean;
}

export interface RuntimeEnvironment {
  readonly fs: {
    /**
     * The file's text (UTF-8), or undefined when it is larger than `maxBytes`
     * (checked on the open handle, so the size test costs no extra lookup).
     * Rejects when it cannot be read.
     */
    readFile(path: string, maxBytes: number): Promise<string | undefined>;
    readdir(path: string): Promise<DirEntry[]>;
  };
  readonly timer: {
    setTimeout(callback: () => void, ms: number): Disposable;
    setImmediate(callback: () => void): Disposable;
  };
  /** Milliseconds from an arbitrary origin, for timings in logs and `virtnet/indexed`. */
  now(): number;
  /**
   * How many protocol messages the connection has dispatched so far. Long
   * work (the diagnostics of a large document) waits while this still moves,
   * so requests already received are answered first. Absent: no waiting.
   */
  messagesDispatched?(): number;
}
