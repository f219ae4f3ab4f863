/**
 * Which files `virtnet lint` reads. Directories are walked; a file found by
 * walking is taken when one of FILE_FORMATS matches its name. Files named on
 * the command line are always taken: their content decides (the service
 * ignores anything that is not a document kind it knows, so a docker-compose
 * YAML found by walking is read but produces no output).
 *
 * Adding a format is one entry in FILE_FORMATS.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';

export interface FileFormat {
  readonly name: string;
  /** Tested on the base name (and the parent folder's name) of files found while walking directories. */
  readonly matches: (baseName: string, parentName: string) => boolean;
}

export const FILE_FORMATS: readonly FileFormat[] = [
  { name: 'libvirt XML', matches: (n) => /\.xml$/i.test(n) },
  // netplan is recognised by content (a top-level `network:` with netplan keys) or by a netplan/ folder.
  { name: 'netplan YAML', matches: (n) => /\.ya?ml$/i.test(n) },
  // Debian's /etc/network/interfaces, NAME.interfaces, and the files of interfaces.d/.
  { name: 'interfaces', matches: (n, parent) => n === 'interfaces' || /.\.interfaces$/.test(n) || (parent === 'interfaces.d' && !n.startsWith('.')) },
];

/** Directory names never walked into. */
export const SKIPPED_DIRECTORIES: ReadonlySet<string> = new Set(['node_modules', '.git']);

export interface FileSelection {
  /** Files to read, as display paths (the user's spelling, joined while walking), without duplicates. */
  readonly files: string[];
  /** Paths named on the command line that do not exist. */
  readonly missing: string[];
  /** Problems met while walking (unreadable directories), as messages. */
  readonly warnings: string[];
}

export function selectFiles(paths: readonly string[], formats: readonly FileFormat[] = FILE_FORMATS): FileSelection {
  const files: string[] = [];
  const missing: string[] = [];
  const warnings: string[] = [];
  const seenFiles = new Set<string>();
  const seenDirs = new Set<string>();
  const realOf = (p: string): string => {
    try {
      return fs.realpathSync(p);
    } catch {
      return path.resolve(p);
    }
  };
  const addFile = (p: string) => {
    const real = realOf(p);
    if (seenFiles.has(real)) return;
    seenFiles.add(real);
    files.push(p);
  };
  const walk = (dir: string) => {
    const real = realOf(dir);
    if (seenDirs.has(real)) return; // symlink loops, or the same folder given twice
    seenDirs.add(real);
    let entries: fs.Dirent[];
    try {
      entries = fs.readdirSync(dir, { withFileTypes: true });
    } catch (err) {
      warnings.push(`${dir}: cannot read directory (${(err as NodeJS.ErrnoException).code ?? String(err)}), skipped`);
      return;
    }
    entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    for (const e of entries) {
      const p = path.join(dir, e.name);
      let isDir = e.isDirectory();
      let isFile = e.isFile();
      if (e.isSymbolicLink()) {
        try {
          const st = fs.statSync(p);
          isDir = st.isDirectory();
          isFile = st.isFile();
        } catch {
          continue; // dangling link
        }
      }
      if (isDir) {
        if (!SKIPPED_DIRECTORIES.has(e.name)) walk(p);
      } else if (isFile && formats.some((f) => f.matches(e.name, path.basename(dir)))) addFile(p);
    }
  };
  for (const p of paths) {
    let st: fs.Stats;
    try {
      st = fs.statSync(p);
    } catch {
      missing.push(p);
      continue;
    }
    if (st.isDirectory()) walk(p);
    else addFile(p);
  }
  return { files, missing, warnings };
}
