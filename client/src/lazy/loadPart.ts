/**
 * Loads a part of the extension bundled apart (out/<name>.js, built by
 * scripts/build.mjs) with a plain require() beside this bundle, once. The
 * path is computed, so esbuild leaves the require alone and the part stays
 * out of the entry bundle; the types come from the part's source.
 */
import * as path from 'node:path';

/** The parts extension.ts loads; each is an entry point of scripts/build.mjs. */
export type PartName = 'hosts' | 'languageClient';

const loaded = new Map<PartName, unknown>();

export function loadPart<T>(name: PartName): T {
  let part = loaded.get(name);
  if (part === undefined) {
    // In the bundle, __dirname is out/ (where the parts are built).
    part = require(path.join(__dirname, `${name}.js`)) as unknown;
    loaded.set(name, part);
  }
  return part as T;
}
