/**
 * Finds the libvirt XML files of the workspace folders on disk and hands
 * their text to a callback (which feeds `LanguageService.setFile`). The
 * service itself never reads the disk: this is the adapter's job.
 */
import { join } from 'node:path';
import { looksLikeLibvirtXml } from '../service/documentKind';
import { MAX_DOCUMENT_SIZE } from '../checks/size';
import type { RuntimeEnvironment } from './runtime';

/** Directories never walked: VCS metadata, dependency trees, build output and caches. */
export const SKIPPED_DIRS: ReadonlySet<string> = new Set([
  'node_modules', '.git', '.hg', '.svn', '.vscode-test', '.venv', 'venv', '__pycache__', '.tox', '.cache',
  'bower_components', '.terraform', '.vagrant', '.idea',
]);
export const MAX_XML_FILES = 20_000;
/** How deep below a workspace folder we look. */
export const MAX_DEPTH = 20;
const READ_CONCURRENCY = 32;

export interface ScanResult {
  /** `*.xml` files seen (up to the cap). */
  readonly xmlFiles: number;
  /** Files that looked like libvirt XML and were handed to `onFile`. */
  readonly libvirtFiles: number;
  /** True when the cap stopped the walk. */
  readonly truncated: boolean;
}

export interface ScanOptions {
  readonly maxFiles?: number;
  /** Called with each libvirt-looking file; may return false to skip (e.g. the file is open in an editor). */
  readonly onFile: (path: string, text: string) => void;
  readonly onError?: (path: string, err: unknown) => void;
}

/** Lists `*.xml` files below `root`, breadth first, skipping `SKIPPED_DIRS`, symlinks and dot-directories. */
export async function listXmlFiles(root: string, fs: RuntimeEnvironment['fs'], max: number, onError?: (p: string, e: unknown) => void): Promise<{ files: string[]; truncated: boolean }> {
  const files: string[] = [];
  let level = [root];
  for (let depth = 0; level.length > 0 && depth <= MAX_DEPTH; depth++) {
    const next: string[] = [];
    for (const dir of level) {
      let entries;
      try {
        entries = await fs.readdir(dir);
      } catch (err) {
        onError?.(dir, err);
        continue;
      }
      entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
      for (const e of entries) {
        const p = join(dir, e.name);
        if (e.isDirectory()) {
          if (!SKIPPED_DIRS.has(e.name) && !e.name.startsWith('.')) next.push(p);
        } else if (e.isFile() && e.name.toLowerCase().endsWith('.xml')) {
          if (files.length >= max) return { files, truncated: true };
          files.push(p);
        }
      }
    }
    level = next;
  }
  return { files, truncated: false };
}

/** Reads a file if it is at most 10 MiB (closed files beyond that are not indexed) and looks like libvirt XML; undefined otherwise. Rejects when unreadable. */
export async function readLibvirtFile(path: string, fs: RuntimeEnvironment['fs']): Promise<string | undefined> {
  const text = await fs.readFile(path, MAX_DOCUMENT_SIZE);
  return text !== undefined && looksLikeLibvirtXml(text) ? text : undefined;
}

export async function scanFolders(roots: readonly string[], fs: RuntimeEnvironment['fs'], opts: ScanOptions): Promise<ScanResult> {
  const max = opts.maxFiles ?? MAX_XML_FILES;
  const paths: string[] = [];
  let truncated = false;
  for (const root of roots) {
    const r = await listXmlFiles(root, fs, max - paths.length, opts.onError);
    paths.push(...r.files);
    if (r.truncated) {
      truncated = true;
      break;
    }
  }
  let libvirtFiles = 0;
  let i = 0;
  const worker = async () => {
    while (i < paths.length) {
      const p = paths[i++];
      try {
        const text = await readLibvirtFile(p, fs);
        if (text !== undefined) {
          libvirtFiles++;
          opts.onFile(p, text);
        }
      } catch (err) {
        opts.onError?.(p, err);
      }
    }
  };
  await Promise.all(Array.from({ length: Math.min(READ_CONCURRENCY, paths.length) }, worker));
  return { xmlFiles: paths.length, libvirtFiles, truncated };
}
