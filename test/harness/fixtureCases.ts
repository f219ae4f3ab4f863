/**
 * The one fixture walker, for every format (libvirt and other XML, netplan
 * YAML, interfaces files). Under test/fixtures/, every file is a one-file
 * workspace, except the files of a folder named `ws-*`, which together form
 * one workspace, subfolders included (cross-file checks, a netplan folder
 * merged, an interfaces file with its interfaces.d/ files). A diagnostic
 * code's fixtures live in the folder named like the code:
 * test/fixtures/libvirt/dhcp-range-outside-subnet/, test/fixtures/netplan/vlan/,
 * test/fixtures/ifupdown/duplicate-iface/ (subfolders included).
 * Interfaces fixtures inside a folder named `ifupdown2` or `classic` are read
 * in that dialect (the `interfacesDialect` setting), the others with `auto`.
 *
 * Files taken: *.xml, *.yaml, *.yml, *.interfaces and files named `interfaces`;
 * in a `ws-*` folder, `*.host.json` files are the facts of a KVM host the
 * workspace targets (server/src/workspace/hostFactsFormat.ts), fed to the
 * service before its files.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Settings } from '../../server/src/service/types';
import type { FixtureFile } from './checkDiagnostics';

export const FIXTURES = path.resolve(__dirname, '..', 'fixtures');
const EXTENSIONS = /\.(xml|ya?ml|interfaces)$|^interfaces$/;

export interface FixtureCase {
  /** Path relative to test/fixtures (`netplan/vlan/bad.yaml`, `libvirt/missing-bridge/ws-interfaces`). */
  readonly name: string;
  readonly files: FixtureFile[];
  /** Settings the case is checked with, from the folders of its path. */
  readonly settings?: Partial<Settings>;
  /** KVM host facts (`*.host.json`), as parsed JSON. */
  readonly hosts?: unknown[];
}

const HOST_FACTS = /\.host\.json$/;

/** The host facts files of a workspace folder (`*.host.json`), parsed. */
function hostFacts(dir: string): unknown[] | undefined {
  const files = (fs.readdirSync(dir, { recursive: true }) as string[]).filter((rel) => HOST_FACTS.test(rel)).sort();
  return files.length ? files.map((rel) => JSON.parse(fs.readFileSync(path.join(dir, rel), 'utf8')) as unknown) : undefined;
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

/** Every fixture file in a workspace folder, its subfolders included (`interfaces.d/`). */
function workspaceFiles(dir: string): FixtureFile[] {
  return (fs.readdirSync(dir, { recursive: true }) as string[])
    .filter((rel) => EXTENSIONS.test(path.basename(rel)) && fs.statSync(path.join(dir, rel)).isFile())
    .sort()
    .map((rel) => read(path.join(dir, rel)));
}

/** The cases under `sub` (a folder of test/fixtures, e.g. `netplan`), or all of them. */
export function fixtureCases(sub = ''): FixtureCase[] {
  const out: FixtureCase[] = [];
  const walk = (d: string) => {
    for (const ent of fs.readdirSync(d, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
      const p = path.join(d, ent.name);
      const name = path.relative(FIXTURES, p);
      if (ent.isDirectory()) {
        if (ent.name.startsWith('ws-')) out.push({ name, files: workspaceFiles(p), settings: settingsOf(name + path.sep), hosts: hostFacts(p) });
        else walk(p);
      } else if (EXTENSIONS.test(ent.name)) out.push({ name, files: [read(p)], settings: settingsOf(name) });
    }
  };
  walk(path.join(FIXTURES, sub));
  return out;
}
