#!/usr/bin/env node
// `virtnet` as npm links it (node_modules/.bin/virtnet, or the global bin of
// `npm install -g` / `npm link`): runs the bundled CLI, out/cli.js. In a
// checkout where out/cli.js has not been built yet (or was removed), builds
// it first, so the command works right after `npm ci`.
'use strict';
const fs = require('node:fs');
const path = require('node:path');
const { spawnSync } = require('node:child_process');

const root = path.join(__dirname, '..');
const cli = path.join(root, 'out', 'cli.js');
if (!fs.existsSync(cli)) {
  const build = path.join(root, 'scripts', 'build.mjs');
  if (!fs.existsSync(build)) {
    process.stderr.write(`virtnet: ${cli} is missing and this is not a checkout that can build it; reinstall virtnet\n`);
    process.exit(3);
  }
  process.stderr.write('virtnet: building out/cli.js first (node scripts/build.mjs)\n');
  const r = spawnSync(process.execPath, [build, '--quiet'], { cwd: root, stdio: ['ignore', 'ignore', 'inherit'] });
  if (r.status !== 0 || !fs.existsSync(cli)) {
    process.stderr.write(`virtnet: the build failed; run \`npm ci\` in ${root}\n`);
    process.exit(3);
  }
}
require(cli).run();
