/**
 * The real file system, as the walker (files/walk.ts) and the language
 * server's runtime (lsp/runtime.ts) want it. The one place outside cli/ that
 * imports node:fs; entry points (server.ts, cli/) hand it to the code that
 * needs it, and tests may hand in a fake instead.
 */
import { promises as fs } from 'node:fs';
import type { DirEntry } from './walk';

export const nodeFs = {
  /**
   * The file's text (UTF-8), or undefined when it is not a regular file or is
   * larger than `maxBytes` (checked on the open handle). Rejects when it
   * cannot be read.
   */
  async readFile(path: string, maxBytes: number): Promise<string | undefined> {
    const h = await fs.open(path, 'r');
    try {
      const st = await h.stat();
      if (!st.isFile() || st.size > maxBytes) return undefined;
      return await h.readFile('utf8');
    } finally {
      await h.close();
    }
  },
  readdir: (path: string): Promise<DirEntry[]> => fs.readdir(path, { withFileTypes: true }),
};
