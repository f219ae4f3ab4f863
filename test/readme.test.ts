import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { test } from 'node:test';
import { limitCodes } from '../server/src/checks/size';
import { createLanguageService } from '../server/src/service/languageService';

test('README documents every check code and its default severity', () => {
  const readme = fs.readFileSync(path.resolve(__dirname, '..', 'README.md'), 'utf8');
  const table = readme.slice(readme.indexOf('<!-- checks-table:start -->'), readme.indexOf('<!-- checks-table:end -->'));
  const missing = createLanguageService()
    .codes.filter((c) => !new RegExp('\\| `' + c.id.replace(/[/.-]/g, '\\$&') + '` \\| ' + c.defaultSeverity).test(table))
    .map((c) => `${c.id} (${c.defaultSeverity})`);
  assert.deepEqual(missing, []);
});

test('every check code named in the docs, the settings descriptions, the CLI help and the hover docs exists', () => {
  const root = path.resolve(__dirname, '..');
  // The checks' codes, the size limits' codes, and the facade's own code for a check that threw.
  const known = new Set([...createLanguageService().codes.map((c) => c.id), ...limitCodes, 'virtnet/internal-error']);
  const texts: [string, string][] = [];
  for (const f of ['README.md', 'ARCHITECTURE.md', 'package.json', 'server/src/cli/args.ts']) texts.push([f, fs.readFileSync(path.join(root, f), 'utf8')]);
  for (const dir of ['server/src/features/docs', 'snippets']) {
    for (const f of fs.readdirSync(path.join(root, dir))) texts.push([`${dir}/${f}`, fs.readFileSync(path.join(root, dir, f), 'utf8')]);
  }
  // A code is FORMAT/name-with-dashes, not part of a longer path or folder (schemas/libvirt/rng, /etc/netplan/01.yaml).
  const code = /(?<![\w/.-])(?:libvirt|netplan|ifupdown|xml|virtnet)\/[a-z0-9]+(?:-[a-z0-9]+)*(?![\w./-])/g;
  const named: string[] = [];
  const unknown: string[] = [];
  for (const [file, text] of texts) {
    for (const m of text.matchAll(code)) {
      named.push(m[0]);
      if (!known.has(m[0])) unknown.push(`${file}: ${m[0]}`);
    }
  }
  assert.ok(named.includes('libvirt/bridge-name-too-long'), 'the settings example is scanned');
  assert.deepEqual(unknown, []);
});
