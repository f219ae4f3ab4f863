/**
 * How a user gets the `virtnet` command: the bin npm links, the `prepare`
 * step that links it in the checkout after `npm ci`, and what `npm pack`
 * puts in the tarball for `npm install -g virtnet-*.tgz`.
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { after, before, test } from 'node:test';
import { ensureBuilt, ROOT } from './helpers/cli';

const pkg = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as {
  version: string;
  bin: Record<string, string>;
  scripts: Record<string, string>;
};
const temps: string[] = [];
const tempDir = () => {
  const d = fs.mkdtempSync(path.join(os.tmpdir(), 'virtnet-install-'));
  temps.push(d);
  return d;
};

before(() => ensureBuilt());
after(() => {
  for (const d of temps) fs.rmSync(d, { recursive: true, force: true });
});

test('the bin npm links is bin/virtnet.js, an executable that runs the built CLI from any directory', () => {
  assert.deepEqual(pkg.bin, { virtnet: './bin/virtnet.js' });
  const bin = path.join(ROOT, 'bin', 'virtnet.js');
  assert.ok(fs.readFileSync(bin, 'utf8').startsWith('#!/usr/bin/env node\n'));
  assert.ok((fs.statSync(bin).mode & 0o111) !== 0, 'executable');
  const r = spawnSync(bin, ['--version'], { cwd: tempDir(), encoding: 'utf8' });
  assert.equal(r.status, 0, r.stderr);
  assert.equal(r.stdout, `virtnet ${pkg.version}\n`);
  const help = spawnSync(bin, ['help'], { encoding: 'utf8' });
  assert.match(help.stdout, /^Usage: virtnet lint/);
});

test('bin/virtnet.js without a built CLI and without the build script says so and exits 3', () => {
  const d = tempDir();
  fs.mkdirSync(path.join(d, 'bin'));
  fs.copyFileSync(path.join(ROOT, 'bin', 'virtnet.js'), path.join(d, 'bin', 'virtnet.js'));
  const r = spawnSync(process.execPath, [path.join(d, 'bin', 'virtnet.js'), '--version'], { encoding: 'utf8' });
  assert.equal(r.status, 3);
  assert.match(r.stderr, /out\/cli\.js is missing/);
});

test('prepare (run by npm ci) links node_modules/.bin/virtnet to bin/virtnet.js, and does not fail without esbuild', () => {
  assert.equal(pkg.scripts.prepare, 'node scripts/prepare.mjs');
  // A copy of the checkout's skeleton, with no esbuild to find: the link is made, the build is skipped with a note.
  const d = tempDir();
  fs.mkdirSync(path.join(d, 'scripts'));
  fs.mkdirSync(path.join(d, 'bin'));
  fs.mkdirSync(path.join(d, 'node_modules'));
  fs.copyFileSync(path.join(ROOT, 'scripts', 'prepare.mjs'), path.join(d, 'scripts', 'prepare.mjs'));
  fs.copyFileSync(path.join(ROOT, 'bin', 'virtnet.js'), path.join(d, 'bin', 'virtnet.js'));
  fs.writeFileSync(path.join(d, 'package.json'), '{"name":"virtnet","private":true}\n');
  const r = spawnSync(process.execPath, ['scripts/prepare.mjs'], { cwd: d, encoding: 'utf8', env: { ...process.env, NODE_PATH: '' } });
  assert.equal(r.status, 0, r.stderr);
  assert.match(r.stderr, /esbuild is not installed/);
  const link = path.join(d, 'node_modules', '.bin', 'virtnet');
  assert.equal(fs.readlinkSync(link), path.join('..', '..', 'bin', 'virtnet.js'));
  assert.equal(fs.realpathSync(link), fs.realpathSync(path.join(d, 'bin', 'virtnet.js')));
  // Run again: an existing link is left alone.
  assert.equal(spawnSync(process.execPath, ['scripts/prepare.mjs'], { cwd: d }).status, 0);
});

test('npm pack ships the CLI alone: bin/virtnet.js and the self-contained out/cli.js', () => {
  const r = spawnSync('npm', ['pack', '--dry-run', '--json', '--ignore-scripts'], { cwd: ROOT, encoding: 'utf8' });
  assert.equal(r.status, 0, r.stderr);
  const [info] = JSON.parse(r.stdout) as { files: { path: string }[] }[];
  assert.deepEqual(info.files.map((f) => f.path).sort(), ['LICENSE', 'README.md', 'bin/virtnet.js', 'out/cli.js', 'package.json']);
});
