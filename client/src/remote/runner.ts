/**
 * How a command reaches a host. A runner takes an argv (never shell text)
 * and returns what the program printed and its exit status; it fails (as a
 * value) only when the program could not be run to the end: no connection,
 * refused host key, timeout, lost connection. A non-zero exit status is an
 * ordinary `Output`: the caller decides what it means.
 */
import type { Result } from './result';

export interface RunOptions {
  /** Written to the program's standard input, then closed. */
  readonly stdin?: string;
  /** The command is abandoned (and its channel or process ended) after this long. */
  readonly timeoutMs: number;
}

export interface Output {
  readonly stdout: string;
  readonly stderr: string;
  /** Exit status; null when the program ended by a signal or the server sent none. */
  readonly code: number | null;
}

export interface Runner {
  /** For logs and messages: `ssh user@host:port` or `local`. */
  readonly description: string;
  run(argv: readonly string[], options: RunOptions): Promise<Result<Output>>;
  /** Closes connections; later calls may open new ones. */
  dispose(): void;
}

/** One line per finished command, for the UI's log channel. */
export interface CommandLogEntry {
  readonly runner: string;
  /** Empty for the connect and login of a refresh (HostConnectionManager), logged when it fails. */
  readonly argv: readonly string[];
  readonly durationMs: number;
  /** Exit status, or undefined when the command could not be run to the end. */
  readonly code: number | null | undefined;
  readonly stderr: string;
  /** The transport error, when there was one. */
  readonly error?: string;
}
