/**
 * Which files below a folder VirtNet looks at: the one walker behind both the
 * editor's workspace scan (lsp/workspaceScan.ts) and `virtnet lint DIR`
 * (cli/files.ts), so both see the same files and their cross-file results
 * agree. It reads directories only through the injected `WalkFs`; reading
 * and recognising the files is the caller's business.
 *
 * The rules:
 * - candidates by name: `*.xml`, `*.yaml`, `*.yml` (any case), files named
 *   `interfaces` or `NAME.interfaces`, and the files directly inside an
 *   `interfaces.d` folder except dot-files and files whose extension names
 *   another language (`*.sh`, `*.md`, … — see ifupdown/recognize.ts);
 * - folders in SKIPPED_DIRS and every dot-folder are not entered (the folder
 *   given as the root is always walked, whatever its name);
 * - symbolic links are not followed (neither to files nor to folders), so a
 *   walk never leaves the tree, never loops and never reaches a file twice;
 * - at most MAX_DEPTH levels below the root;
 * - breadth first, so a cap on the number of files keeps the shallow ones.
 */
import { basename, isAbsolute, join, relative } from 'node:path';
import { isInterfacesPath } from '../ifupdown';

/** A directory entry as `fs.readdir(dir, { withFileTypes: true })` returns it: a symbolic link is neither file nor directory. */
export interface DirEntry {
  readonly name: string;
  isFile(): boolean;
  isDirectory(): boolean;
}

export interface WalkFs {
  readdir(path: string): Promise<DirEntry[]>;
}

/** Directories never walked (besides every dot-folder): VCS metadata, dependency trees, virtualenvs, caches. */
export const SKIPPED_DIRS: ReadonlySet<string> = new Set([
  'node_modules', '.git', '.hg', '.svn', '.vscode-test', '.venv', 'venv', '__pycache__', '.tox', '.cache',
  'bower_components', '.terraform', '.vagrant', '.idea',
]);

/** How many levels below the root are walked. */
export const MAX_DEPTH = 20;

/** Is a folder met while walking left out? */
export function isSkippedDir(name: string): boolean {
  return SKIPPED_DIRS.has(name) || name.startsWith('.');
}

/** What a candidate file is, by its name. */
export type CandidateKind = 'xml' | 'yaml' | 'interfaces';

/** Which kind of candidate a path is, by name alone (undefined: never looked at). */
export function candidateKind(path: string): CandidateKind | undefined {
  const name = basename(path).toLowerCase();
  if (name.endsWith('.xml')) return 'xml';
  if (name.endsWith('.yaml') || name.endsWith('.yml')) return 'yaml';
  if (isInterfacesPath(path.replace(/\\/g, '/'))) return 'interfaces';
  return undefined;
}

/**
 * Would a walk of `root` reach `path`? The same rules as walkCandidates, for a
 * single path (a file-watcher event): a candidate by name, below `root`, no
 * skipped or dot-folder on the way, at most MAX_DEPTH levels down. Symbolic
 * links are not looked at here (the caller has only the path).
 */
export function isWalkedPath(root: string, path: string): boolean {
  if (candidateKind(path) === undefined) return false;
  const rel = relative(root, path);
  if (rel === '' || rel.startsWith('..') || isAbsolute(rel)) return false;
  const folders = rel.split(/[\\/]/).slice(0, -1);
  return folders.length <= MAX_DEPTH && !folders.some(isSkippedDir);
}

export interface WalkOptions {
  /** Stop after this many candidates (default: no limit). */
  readonly max?: number;
  /** A directory that could not be read (it is skipped). */
  readonly onError?: (path: string, err: unknown) => void;
}

export interface WalkResult {
  /** Candidate files, as `join(root, …)` paths, sorted segment by segment (`a/b/c.xml`, `a/c.xml`, `b.xml`). */
  readonly files: string[];
  /** True when `max` stopped the walk. */
  readonly truncated: boolean;
  /** Folders not entered because they are MAX_DEPTH levels below the root. */
  readonly tooDeep: string[];
}

/** The candidate files below `root` (see the rules above). */
export async function walkCandidates(root: string, fs: WalkFs, opts: WalkOptions = {}): Promise<WalkResult> {
  const max = opts.max ?? Infinity;
  const files: string[] = [];
  const tooDeep: string[] = [];
  let truncated = false;
  let level = [root];
  walk: for (let depth = 0; level.length > 0; depth++) {
    const next: string[] = [];
    for (const dir of level) {
      let entries: DirEntry[];
      try {
        entries = await fs.readdir(dir);
      } catch (err) {
        opts.onError?.(dir, err);
        continue;
      }
      entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
      for (const e of entries) {
        const p = join(dir, e.name);
        if (e.isDirectory()) {
          if (isSkippedDir(e.name)) continue;
          if (depth >= MAX_DEPTH) tooDeep.push(p);
          else next.push(p);
        } else if (e.isFile() && candidateKind(p) !== undefined) {
          if (files.length >= max) {
            truncated = true;
            break walk;
          }
          files.push(p);
        }
      }
    }
    level = next;
  }
  return { files: sortByFolder(files), truncated, tooDeep };
}

/** Sorts paths segment by segment: the order a depth-first walk of name-sorted entries gives. */
function sortByFolder(paths: string[]): string[] {
  const keyed = paths.map((p) => ({ p, parts: p.split(/[\\/]/) }));
  keyed.sort((x, y) => {
    const n = Math.min(x.parts.length, y.parts.length);
    for (let i = 0; i < n; i++) {
      const a = x.parts[i];
      const b = y.parts[i];
      if (a !== b) return a < b ? -1 : 1;
    }
    return x.parts.length - y.parts.length;
  });
  return keyed.map((k) => k.p);
}
