#!/usr/bin/env node
// Bundles the extension client, the language server, the CLI and the
// benchmark/eval tools with esbuild. Type checking is `npm run typecheck`.
//
// `--production` (run by `vsce package` as `vscode:prepublish`) builds only the
// bundles the extension loads, minified and without source maps, and writes
// out/THIRD-PARTY-NOTICES.txt for the packages bundled into them. The .vsix
// takes every out/*.js except the tools' bundles (.vscodeignore).
import * as esbuild from 'esbuild';
import { chmodSync, existsSync } from 'node:fs';
import { writeThirdPartyNotices } from './third-party-notices.mjs';

const production = process.argv.includes('--production');
const quiet = process.argv.includes('--quiet');
const common = {
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  sourcemap: !production,
  minify: production,
  metafile: production,
  logLevel: quiet ? 'error' : 'info',
  // ssh2's optional native helpers are loaded with try/require at run time.
  external: ['vscode', 'cpu-features', '*.node'],
};
/**
 * What the extension loads at run time: shipped in the .vsix. extension.js is
 * the small entry; it loads hosts.js and languageClient.js with require() when
 * they are needed (client/src/lazy/loadPart.ts), so activation does not pay
 * for ssh2 and vscode-languageclient.
 */
const shipped = [
  { in: 'client/src/extension.ts', out: 'out/extension.js' },
  { in: 'client/src/hostsPart.ts', out: 'out/hosts.js' },
  { in: 'client/src/languageClientPart.ts', out: 'out/languageClient.js' },
  { in: 'server/src/server.ts', out: 'out/server.js' },
];
/** The checkout's tools: never in the .vsix (npm pack ships the CLI alone). */
const tools = [
  { in: 'server/src/cli/main.ts', out: 'out/cli.js', banner: '#!/usr/bin/env node' },
  { in: 'scripts/eval.ts', out: 'out/eval.js' },
  { in: 'bench/index.ts', out: 'out/bench.js' },
];
const entries = (production ? shipped : [...shipped, ...tools]).filter((e) => existsSync(e.in));
const results = await Promise.all(
  entries.map((e) =>
    esbuild.build({ ...common, entryPoints: [e.in], outfile: e.out, banner: e.banner ? { js: e.banner } : undefined }),
  ),
);
if (existsSync('out/cli.js')) chmodSync('out/cli.js', 0o755);
if (production) writeThirdPartyNotices(results.map((r) => r.metafile), 'out/THIRD-PARTY-NOTICES.txt');
