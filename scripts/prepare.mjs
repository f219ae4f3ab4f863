#!/usr/bin/env node
// npm's `prepare` step (run by `npm ci` / `npm install` in the checkout and
// before `npm pack`): builds out/ so that `virtnet` works right after
// install, and links node_modules/.bin/virtnet to bin/virtnet.js, because
// npm links the bins of dependencies only, never the project's own; with the
// link, `npx --no-install virtnet` finds the checkout's CLI instead of asking
// the registry. Never fails the install: without esbuild (npm ci
// --omit=dev) it says so and leaves the build to bin/virtnet.js.
import { spawnSync } from 'node:child_process';
import { existsSync, lstatSync, mkdirSync, symlinkSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
let hasEsbuild = true;
try {
  createRequire(join(root, 'package.json')).resolve('esbuild');
} catch {
  hasEsbuild = false;
}
if (hasEsbuild) {
  const r = spawnSync(process.execPath, [join(root, 'scripts', 'build.mjs'), '--quiet'], { cwd: root, stdio: 'inherit' });
  if (r.status !== 0) console.warn('prepare: the build failed; `npm run build` shows why');
} else {
  console.warn('prepare: esbuild is not installed (dev dependencies omitted); out/ is not built');
}

const binDir = join(root, 'node_modules', '.bin');
const link = join(binDir, 'virtnet');
const target = join(root, 'bin', 'virtnet.js');
let present = false;
try {
  lstatSync(link);
  present = true;
} catch {
  /* not there yet */
}
if (!present && existsSync(join(root, 'node_modules'))) {
  mkdirSync(binDir, { recursive: true });
  symlinkSync(relative(binDir, target), link);
}
