/**
 * Which files `virtnet lint` reads. Directories are walked by files/walk.ts,
 * the walker the editor's workspace scan uses, so `virtnet lint DIR` and the
 * editor opened on DIR check the same files. Files named on the command line
 * are always taken: their content decides (the service ignores anything that
 * is not a document kind it knows, so a docker-compose YAML produces no output).
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { MAX_DEPTH, walkCandidates, type WalkFs } from '../files/walk';

export interface FileSelection {
  /** Files to read, as display paths (the user's spelling, joined while walking), without duplicates. */
  readonly files: string[];
  /** Paths named on the command line that do not exist. */
  readonly missing: string[];
  /** Problems met while walking (unreadable or too deep directories), as messages. */
  readonly warnings: string[];
}

export async function selectFiles(paths: readonly string[], walkFs: WalkFs): Promise<FileSelection> {
  const files: string[] = [];
  const missing: string[] = [];
  const warnings: string[] = [];
  const seen = new Set<string>();
  const realOf = (p: string): string => {
    try {
      return fs.realpathSync(p);
    } catch {
      return path.resolve(p);
    }
  };
  // The same file named twice, or named and also found by walking, is read once.
  const addFile = (p: string) => {
    const real = realOf(p);
    if (seen.has(real)) return;
    seen.add(real);
    files.push(p);
  };
  for (const p of paths) {
    let st: fs.Stats;
    try {
      st = fs.statSync(p);
    } catch {
      missing.push(p);
      continue;
    }
    if (!st.isDirectory()) {
      addFile(p);
      continue;
    }
    const r = await walkCandidates(p, walkFs, {
      onError: (dir, err) => warnings.push(`${dir}: cannot read directory (${(err as NodeJS.ErrnoException).code ?? String(err)}), skipped`),
    });
    for (const d of r.tooDeep) warnings.push(`${d}: more than ${MAX_DEPTH} levels deep, skipped (name deeper folders explicitly)`);
    for (const f of r.files) addFile(f);
  }
  return { files, missing, warnings };
}
