#!/usr/bin/env node
// Bundles the in-host VS Code test groups with esbuild: every folder
// test/vscode/host/<group>/ becomes out/test/vscode/<group>/ with index.js
// (the extensionTestsPath module, from test/vscode/host/index.ts) and one
// <name>.suite.js per suite. `vscode` and `mocha` stay external: the
// extension host provides the first, node_modules the second.
import * as esbuild from 'esbuild';
import { readdirSync, rmSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const host = join(root, 'test', 'vscode', 'host');
const outRoot = join(root, 'out', 'test', 'vscode');
rmSync(outRoot, { recursive: true, force: true });
const builds = [];
for (const group of readdirSync(host).sort()) {
  const dir = join(host, group);
  if (!statSync(dir).isDirectory()) continue;
  const entryPoints = [{ in: join(host, 'index.ts'), out: 'index' }];
  for (const f of readdirSync(dir).sort()) if (f.endsWith('.suite.ts')) entryPoints.push({ in: join(dir, f), out: f.slice(0, -3) });
  builds.push(
    esbuild.build({
      entryPoints,
      outdir: join(outRoot, group),
      bundle: true,
      platform: 'node',
      target: 'node20',
      format: 'cjs',
      sourcemap: true,
      logLevel: 'error',
      external: ['vscode', 'mocha'],
    }),
  );
}
await Promise.all(builds);
