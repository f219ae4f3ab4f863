/**
 * Fixture discovery. Under test/fixtures/, every file is a one-file
 * workspace, except files in a folder named `ws-*`, which together form one
 * workspace (for cross-file checks). A check's fixtures live in the folder
 * named like its id: test/fixtures/libvirt/dhcp-range-outside-subnet/.
 * Interfaces fixtures inside a folder named `ifupdown2` or `classic` are read
 * in that dialect (the `interfacesDialect` setting), the others with `auto`.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Settings } from '../../server/src/service/types';
import type { FixtureFile } from './checkDiagnostics';

export const FIXTURES = path.resolve(__dirname, '..', 'fixtures');
const EXTENSIONS = /\.(xml|ya?ml|interfaces)$|^interfaces$/;

export interface FixtureCase {
  /** Path relative to test/fixtures. */
  readonly name: string;
  readonly files: FixtureFile[];
  /** Settings the case is checked with, from the folders of its path. */
  readonly settings?: Partial<Settings>;
}

function settingsOf(name: string): Partial<Settings> | undefined {
  const dirs = name.split(path.sep).slice(0, -1);
  if (dirs.includes('ifupdown2')) return { interfacesDialect: 'ifupdown2' };
  if (dirs.includes('classic')) return { interfacesDialect: 'ifupdown' };
  return undefined;
}

function read(p: string): FixtureFile {
  return { uri: pathToFileURL(p).href, text: fs.readFileSync(p, 'utf8') };
}

export function fixtureCases(dir = FIXTURES): FixtureCase[] {
  const out: FixtureCase[] = [];
  const walk = (d: string) => {
    for (const ent of fs.readdirSync(d, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
      const p = path.join(d, ent.name);
      if (ent.isDirectory()) {
        if (ent.name.startsWith('ws-')) {
          const files = fs.readdirSync(p).filter((f) => EXTENSIONS.test(f)).sort().map((f) => read(path.join(p, f)));
          out.push({ name: path.relative(dir, p), files, settings: settingsOf(path.relative(dir, p) + path.sep) });
        } else walk(p);
      } else if (EXTENSIONS.test(ent.name)) out.push({ name: path.relative(dir, p), files: [read(p)], settings: settingsOf(path.relative(dir, p)) });
    }
  };
  walk(dir);
  return out;
}
