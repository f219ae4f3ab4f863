/**
 * Reading and appending the user's known_hosts file (~/.ssh/known_hosts by
 * default). A missing file is an empty one; an appended entry gets a line of
 * its own, and the file and its folder are created private (0600, 0700) as
 * ssh creates them.
 */
import * as fs from 'node:fs/promises';
import * as os from 'node:os';
import * as path from 'node:path';
import { parseKnownHosts, type KnownHostLine } from './knownHosts';

export function defaultKnownHostsPath(): string {
  return path.join(os.homedir(), '.ssh', 'known_hosts');
}

export async function readKnownHosts(file: string): Promise<KnownHostLine[]> {
  try {
    return parseKnownHosts(await fs.readFile(file, 'utf8'));
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw e;
  }
}

export async function appendKnownHost(file: string, line: string): Promise<void> {
  await fs.mkdir(path.dirname(file), { recursive: true, mode: 0o700 });
  let prefix = '';
  try {
    const text = await fs.readFile(file, 'utf8');
    if (text.length > 0 && !text.endsWith('\n')) prefix = '\n';
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== 'ENOENT') throw e;
  }
  await fs.appendFile(file, `${prefix}${line}\n`, { mode: 0o600 });
}
