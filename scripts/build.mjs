#!/usr/bin/env node
// Bundles the extension client, the language server, the CLI and the
// benchmark/eval tools with esbuild. Type checking is `npm run typecheck`.
import * as esbuild from 'esbuild';
import { chmodSync, existsSync } from 'node:fs';

const production = process.argv.includes('--production');
const quiet = process.argv.includes('--quiet');
const common = {
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  sourcemap: !production,
  minify: production,
  logLevel: quiet ? 'error' : 'info',
  // ssh2's optional native helpers are loaded with try/require at run time.
  external: ['vscode', 'cpu-features', '*.node'],
};
const entries = [
  { in: 'client/src/extension.ts', out: 'out/extension.js' },
  { in: 'server/src/server.ts', out: 'out/server.js' },
  { in: 'server/src/cli/main.ts', out: 'out/cli.js', banner: '#!/usr/bin/env node' },
  { in: 'scripts/eval.ts', out: 'out/eval.js' },
  { in: 'bench/index.ts', out: 'out/bench.js' },
].filter((e) => existsSync(e.in));
await Promise.all(
  entries.map((e) =>
    esbuild.build({ ...common, entryPoints: [e.in], outfile: e.out, banner: e.banner ? { js: e.banner } : undefined }),
  ),
);
if (existsSync('out/cli.js')) chmodSync('out/cli.js', 0o755);
