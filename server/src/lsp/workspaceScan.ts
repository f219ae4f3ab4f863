/**
 * Finds the files of the workspace folders on disk that VirtNet checks and
 * hands their text to a callback (which feeds `LanguageService.setFile`):
 * libvirt XML (`*.xml`), netplan YAML (`*.yaml`, `*.yml`) and Debian
 * interfaces files (`interfaces`, `*.interfaces`, `interfaces.d/*`). The name
 * picks the candidates, the content (and path) decides, with the same cheap
 * tests the service uses, so a docker-compose or Maven file is never indexed.
 * Which files are candidates (skipped folders, symlinks, depth) is decided by
 * files/walk.ts, the walker `virtnet lint` uses too.
 * The service itself never reads the disk: this is the adapter's job.
 */
import { pathToFileURL } from 'node:url';
import { MAX_DOCUMENT_SIZE } from '../checks/size';
import { candidateKind, walkCandidates } from '../files/walk';
import { isInterfacesFile } from '../ifupdown';
import { isNetplan } from '../netplan';
import { looksLikeLibvirtXml } from '../service/documentKind';
import type { RuntimeEnvironment } from './runtime';

/** At most this many candidate files (XML, YAML, interfaces) are read per scan. */
export const MAX_SCANNED_FILES = 20_000;
const READ_CONCURRENCY = 32;

/** File watcher globs for the files the server indexes (registered with the client). */
export const WATCHED_GLOBS: readonly string[] = ['**/*.xml', '**/*.yaml', '**/*.yml', '**/interfaces', '**/interfaces.d/*', '**/*.interfaces'];

/**
 * The kind of document a text is (by content, and by path for netplan and
 * interfaces files), as the service will see it; undefined when it is none of
 * ours. Cheap: regular expressions over the head of the text, no parse.
 */
export function recognisedKind(uri: string, text: string): 'libvirt' | 'netplan' | 'ifupdown' | undefined {
  if (looksLikeLibvirtXml(text)) return 'libvirt';
  if (isNetplan(text, uri)) return 'netplan';
  if (isInterfacesFile(uri, text)) return 'ifupdown';
  return undefined;
}

export interface ScanResult {
  /** `*.xml` files seen (up to the cap). */
  readonly xmlFiles: number;
  /** Files that looked like libvirt XML and were handed to `onFile`. */
  readonly libvirtFiles: number;
  /** `*.yaml` / `*.yml` files seen. */
  readonly yamlFiles: number;
  /** Files recognised as netplan YAML and handed to `onFile`. */
  readonly netplanFiles: number;
  /** Files recognised as interfaces files and handed to `onFile`. */
  readonly interfacesFiles: number;
  /** True when the cap stopped the walk. */
  readonly truncated: boolean;
}

export interface ScanOptions {
  readonly maxFiles?: number;
  /** Called with each recognised file; the walk's reader waits for a returned promise (a large file set in slices). */
  readonly onFile: (path: string, text: string) => void | Promise<void>;
  readonly onError?: (path: string, err: unknown) => void;
}

/**
 * Reads a file if it is at most 10 MiB (closed files beyond that are not
 * indexed) and is one of ours (libvirt XML, netplan, interfaces); undefined
 * otherwise. Rejects when unreadable.
 */
export async function readKnownFile(path: string, fs: RuntimeEnvironment['fs'], uri = pathToFileURL(path).href): Promise<string | undefined> {
  const text = await fs.readFile(path, MAX_DOCUMENT_SIZE);
  return text !== undefined && recognisedKind(uri, text) !== undefined ? text : undefined;
}

export async function scanFolders(roots: readonly string[], fs: RuntimeEnvironment['fs'], opts: ScanOptions): Promise<ScanResult> {
  const max = opts.maxFiles ?? MAX_SCANNED_FILES;
  const paths: string[] = [];
  let truncated = false;
  for (const root of roots) {
    const r = await walkCandidates(root, fs, { max: max - paths.length, onError: opts.onError });
    paths.push(...r.files);
    if (r.truncated) {
      truncated = true;
      break;
    }
  }
  const found = { libvirt: 0, netplan: 0, ifupdown: 0 };
  let i = 0;
  const worker = async () => {
    while (i < paths.length) {
      const p = paths[i++];
      try {
        const text = await fs.readFile(p, MAX_DOCUMENT_SIZE);
        const kind = text === undefined ? undefined : recognisedKind(pathToFileURL(p).href, text);
        if (kind !== undefined) {
          found[kind]++;
          await opts.onFile(p, text!);
        }
      } catch (err) {
        opts.onError?.(p, err);
      }
    }
  };
  await Promise.all(Array.from({ length: Math.min(READ_CONCURRENCY, paths.length) }, worker));
  return {
    xmlFiles: paths.filter((p) => candidateKind(p) === 'xml').length,
    libvirtFiles: found.libvirt,
    yamlFiles: paths.filter((p) => candidateKind(p) === 'yaml').length,
    netplanFiles: found.netplan,
    interfacesFiles: found.ifupdown,
    truncated,
  };
}
