/**
 * Reading one file for linting: text, or the reason it was skipped.
 */
import * as fs from 'node:fs';

export type ReadResult = { readonly ok: true; readonly text: string } | { readonly ok: false; readonly reason: string };

const decoder = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false });

export function readTextFile(p: string): ReadResult {
  let bytes: Buffer;
  try {
    bytes = fs.readFileSync(p);
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    if (code === 'EACCES' || code === 'EPERM') return { ok: false, reason: 'permission denied, skipped' };
    if (code === 'EISDIR') return { ok: false, reason: 'is a directory, skipped' };
    return { ok: false, reason: `cannot read file (${code ?? String(err)}), skipped` };
  }
  if (bytes.includes(0)) return { ok: false, reason: 'binary file, skipped' };
  try {
    return { ok: true, text: decoder.decode(bytes) };
  } catch {
    return { ok: false, reason: 'binary file (not valid UTF-8), skipped' };
  }
}
