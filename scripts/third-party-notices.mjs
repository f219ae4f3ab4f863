// Writes THIRD-PARTY-NOTICES.txt for the npm packages esbuild bundled into
// the shipped bundles: each package's name, version, licence and the text of
// its own licence file (and its own third-party notices, when it has some).
// The packages come from the build's metafiles, so the list follows the code
// that is really bundled. libvirt's schemas (LGPL-2.1-or-later), bundled as
// the generated grammar, are named with where their licence and sources ship.
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

const PACKAGE_DIR = /^(.*node_modules\/(?:@[^/]+\/)?[^/]+)\//;
const LICENCE_FILE = /^(licen[cs]e|copying)(\.(md|txt))?$/i;
const NOTICES_FILE = /^third-?party-?notices(\.(md|txt))?$/i;

const LIBVIRT = `libvirt RelaxNG schemas (libvirt 9.0.0)
License: LGPL-2.1-or-later

The libvirt grammar bundled into out/server.js is generated from libvirt's
RelaxNG schemas. The schemas themselves are in schemas/libvirt/rng/ of this
package, the licence text in schemas/libvirt/COPYING.LESSER, and how the
grammar is made from them in schemas/libvirt/README.md.`;

/** The package folders (absolute) whose files are inputs of the given esbuild metafiles. */
export function bundledPackages(metafiles) {
  const dirs = new Set();
  for (const m of metafiles) {
    for (const input of Object.keys(m.inputs)) {
      const match = PACKAGE_DIR.exec(input.replace(/\\/g, '/'));
      if (match) dirs.add(resolve(match[1]));
    }
  }
  return [...dirs];
}

function licenceOf(pkg) {
  if (typeof pkg.license === 'string') return pkg.license;
  if (pkg.license?.type) return pkg.license.type;
  if (Array.isArray(pkg.licenses)) return pkg.licenses.map((l) => l.type ?? l).join(' OR ');
  return 'see the licence text';
}

function packageNotice(dir) {
  const pkg = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8'));
  const files = readdirSync(dir).sort();
  const texts = files.filter((f) => LICENCE_FILE.test(f) || NOTICES_FILE.test(f)).map((f) => readFileSync(join(dir, f), 'utf8').trim());
  if (texts.length === 0) throw new Error(`${pkg.name}@${pkg.version} is bundled but ships no licence file`);
  return { name: pkg.name, text: `${pkg.name} ${pkg.version}\nLicense: ${licenceOf(pkg)}\n\n${texts.join('\n\n')}` };
}

export function writeThirdPartyNotices(metafiles, outFile) {
  const byName = new Map();
  for (const dir of bundledPackages(metafiles)) {
    if (!existsSync(join(dir, 'package.json'))) continue;
    const n = packageNotice(dir);
    byName.set(`${n.name} ${dir}`, n);
  }
  const notices = [...byName.values()].sort((a, b) => a.name.localeCompare(b.name)).map((n) => n.text);
  const rule = '\n\n' + '-'.repeat(78) + '\n\n';
  const head = 'VirtNet bundles the following third-party software. Each is listed with its\nversion, its licence and the licence text it ships with.';
  writeFileSync(outFile, [head, LIBVIRT, ...notices].join(rule) + '\n');
}
