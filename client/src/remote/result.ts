/**
 * Results of remote operations are values, never exceptions: `Result<T>` is
 * either `{ ok: true, value }` or `{ ok: false, error }`, and an error keeps
 * the remote side's own words (libvirt's stderr) beside our summary.
 */

/** What went wrong, for the UI to show and the log to keep. */
export interface RemoteError {
  /** One line a person can read: what failed and, where known, why. */
  readonly message: string;
  /** The remote program's stderr (libvirt's own message), possibly empty. */
  readonly stderr: string;
  /**
   * Which layer failed: the transport (`connect`, `hostKey`, `auth`, `timeout`,
   * `connection`), the program (`command`: non-zero exit), or our side (`internal`).
   */
  readonly kind: ErrorKind;
}

export type ErrorKind = 'connect' | 'hostKey' | 'auth' | 'timeout' | 'connection' | 'command' | 'internal';

export type Result<T> = { readonly ok: true; readonly value: T } | { readonly ok: false; readonly error: RemoteError };

export function ok<T>(value: T): Result<T> {
  return { ok: true, value };
}

export function fail<T = never>(kind: ErrorKind, message: string, stderr = ''): Result<T> {
  return { ok: false, error: { kind, message, stderr } };
}

/** The message of anything thrown, for turning exceptions at the edges into values. */
export function errorText(e: unknown): string {
  return e instanceof Error ? e.message : String(e);
}
