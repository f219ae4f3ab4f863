/**
 * The .vsix that `npm run package` builds: what it holds (the bundles the
 * extension loads, their licences, the files package.json points at; no
 * sources, tests, maps or tools), its size, and that the packaged server
 * runs on its own. The package is built in a copy of the checkout, so that
 * the production build does not rewrite the out/ that other tests run.
 */
import assert from 'node:assert/strict';
import { execFileSync, spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { after, before, test } from 'node:test';
import { builtinModules } from 'node:module';
import { ROOT } from './helpers/cli';
import { zipEntries, type ZipEntry } from './helpers/zip';
import { fileUri, TestClient } from './lsp/lspClient';

const MAX_BYTES = 2 * 1024 * 1024;
const pkg = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8'));
let work = '';
let vsixBytes = 0;
let entries = new Map<string, ZipEntry>();

before(() => {
  work = fs.mkdtempSync(path.join(os.tmpdir(), 'virtnet-package-'));
  const copy = path.join(work, 'checkout');
  // The checkout's files as a clean clone has them, plus files not yet committed (not the ignored ones: out/, *.vsix…).
  const files = execFileSync('git', ['ls-files', '-z', '--cached', '--others', '--exclude-standard'], { cwd: ROOT, encoding: 'utf8' })
    .split('\0')
    .filter((f) => f && f !== 'node_modules' && fs.existsSync(path.join(ROOT, f)));
  for (const f of files) {
    fs.mkdirSync(path.dirname(path.join(copy, f)), { recursive: true });
    fs.copyFileSync(path.join(ROOT, f), path.join(copy, f));
  }
  fs.symlinkSync(path.join(ROOT, 'node_modules'), path.join(copy, 'node_modules'));
  // As in a working checkout: the development build first (out/ holds the CLI, eval and bench bundles and maps too).
  const dev = spawnSync(process.execPath, ['scripts/build.mjs', '--quiet'], { cwd: copy, encoding: 'utf8' });
  assert.equal(dev.status, 0, dev.stderr);
  const r = spawnSync('npm', ['run', 'package'], { cwd: copy, encoding: 'utf8' });
  assert.equal(r.status, 0, r.stdout + r.stderr);
  const vsix = fs.readFileSync(path.join(copy, 'virtnet.vsix'));
  vsixBytes = vsix.length;
  entries = new Map(zipEntries(vsix).map((e) => [e.name, e]));
});
after(() => {
  if (work) fs.rmSync(work, { recursive: true, force: true });
});

const shipped = () => [...entries.keys()].filter((n) => n.startsWith('extension/')).map((n) => n.slice('extension/'.length));

test(`the .vsix is at most ${MAX_BYTES} bytes`, () => {
  assert.ok(vsixBytes > 0);
  assert.ok(vsixBytes <= MAX_BYTES, `${vsixBytes} bytes`);
});

test('the .vsix holds the extension and server bundles, the licences, and no sources, tests, maps or tools', () => {
  const files = shipped();
  for (const f of ['package.json', 'readme.md', 'LICENSE.txt', 'out/extension.js', 'out/hosts.js', 'out/languageClient.js', 'out/server.js', 'out/THIRD-PARTY-NOTICES.txt', 'schemas/libvirt/COPYING.LESSER', 'schemas/libvirt/rng/network.rng']) {
    assert.ok(files.includes(f), `${f} is packaged`);
  }
  const unwanted = files.filter((f) =>
    /\.(ts|map|mjs|tsbuildinfo)$/.test(f) ||
    /^(test|client|server|scripts|bench|bin|node_modules|\.ci)\//.test(f) ||
    /^out\/(cli|eval|bench)\.js$/.test(f) ||
    f.startsWith('schemas/netplan/') ||
    ['ARCHITECTURE.md', 'CONTRIBUTING.md', '.npmignore', '.gitignore', 'tsconfig.json', 'package-lock.json'].includes(f),
  );
  assert.deepEqual(unwanted, []);
});

test('every file package.json points at (entry, icon, snippets, walkthrough pages, view icons) is packaged', () => {
  const referenced = new Set<string>();
  const walk = (v: unknown): void => {
    if (typeof v === 'string') {
      const rel = path.posix.normalize(v.replace(/^\.\//, ''));
      const abs = path.join(ROOT, rel);
      if (!rel.startsWith('..') && fs.existsSync(abs) && fs.statSync(abs).isFile()) referenced.add(rel);
    } else if (Array.isArray(v)) v.forEach(walk);
    else if (v && typeof v === 'object') Object.values(v).forEach(walk);
  };
  walk([pkg.main, pkg.icon, pkg.contributes]);
  assert.ok(referenced.has('out/extension.js') && referenced.has('images/icon.png') && referenced.has('snippets/libvirt-network.json'));
  const files = new Set(shipped());
  assert.deepEqual([...referenced].filter((f) => !files.has(f)), []);
});

test('the bundles require only Node built-ins, vscode, and ssh2\'s optional natives (which they load with try/catch)', () => {
  const allowed = new Set([...builtinModules, ...builtinModules.map((m) => `node:${m}`), 'vscode', 'cpu-features']);
  for (const f of shipped().filter((n) => /^out\/[^/]+\.js$/.test(n))) {
    const text = entries.get(`extension/${f}`)!.read().toString('utf8');
    const required = [...text.matchAll(/\brequire\(\s*["'`]([^"'`]+)["'`]\s*\)/g)].map((m) => m[1]);
    // ajv's code generator has require() text for standalone output; code it compiles in process never runs it.
    const other = required.filter((m) => !allowed.has(m) && !m.endsWith('.node') && !m.startsWith('ajv/dist/runtime/'));
    assert.deepEqual(other, [], f);
  }
});

test('the packaged server runs from the unpacked .vsix alone and reports a mistake', async () => {
  const dir = path.join(work, 'unpacked');
  for (const f of shipped()) {
    fs.mkdirSync(path.dirname(path.join(dir, f)), { recursive: true });
    fs.writeFileSync(path.join(dir, f), entries.get(`extension/${f}`)!.read());
  }
  const client = await TestClient.start({ server: path.join(dir, 'out', 'server.js') });
  try {
    const uri = fileUri(path.join(work, 'nat.xml'));
    const xml = "<network>\n  <name>nat</name>\n  <forward mode='nat'/>\n  <bridge name='virbr1'/>\n</network>\n";
    const published = await client.open(uri, xml);
    assert.deepEqual(published.diagnostics.map((d) => d.code), ['libvirt/forward-needs-ip']);
  } finally {
    await client.stop();
  }
});

test('manifest: engines.vscode is the oldest VS Code tested (code-server 4.100.3 = 1.100.3), @types/vscode no newer, narrow activation, a 128×128 icon', () => {
  assert.equal(pkg.engines.vscode, '^1.100.0');
  const minor = (range: string) => Number(/1\.(\d+)/.exec(range)![1]);
  assert.ok(minor(pkg.devDependencies['@types/vscode']) <= minor(pkg.engines.vscode));
  const events: string[] = pkg.activationEvents;
  assert.ok(!events.includes('*') && !events.includes('onStartupFinished'));
  assert.deepEqual(events.filter((e) => /^workspaceContains:.*\*\.(xml|ya?ml)$/.test(e) && !e.includes('/netplan/')), [], 'no activation on any XML or YAML file in the workspace');
  const icon = fs.readFileSync(path.join(ROOT, pkg.icon));
  assert.equal(icon.toString('latin1', 1, 4), 'PNG');
  assert.deepEqual([icon.readUInt32BE(16), icon.readUInt32BE(20)], [128, 128]);
  for (const f of ['repository', 'bugs', 'homepage', 'license', 'categories', 'keywords', 'galleryBanner']) assert.ok(pkg[f], f);
});
