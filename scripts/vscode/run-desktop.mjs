#!/usr/bin/env node
// Runs the in-host VS Code suites (test/vscode/host/<group>/) in a desktop
// VS Code through @vscode/test-electron: `npm run test:vscode-desktop`.
// It downloads VS Code (the version in VSCODE_VERSION, default "stable")
// into .vscode-test/, or uses the one VSCODE_EXECUTABLE names; on a machine
// without a display, run it under xvfb-run. The same suites run in
// code-server by `npm test` (test/vscode/inHost.test.ts).
import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { runTests } from '@vscode/test-electron';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
for (const step of [['scripts/build.mjs', '--quiet'], ['scripts/vscode/build-tests.mjs']]) {
  const r = spawnSync(process.execPath, step.map((s, i) => (i === 0 ? join(root, s) : s)), { cwd: root, stdio: 'inherit' });
  if (r.status !== 0) process.exit(r.status ?? 1);
}
const temp = mkdtempSync(join(tmpdir(), 'virtnet-desktop-'));
const groups = [
  { name: 'activation', folder: join(temp, 'empty') },
  { name: 'examples', folder: join(temp, 'examples') },
];
mkdirSync(groups[0].folder);
cpSync(join(root, 'examples'), groups[1].folder, { recursive: true });
let failed = 0;
try {
  for (const g of groups) {
    console.log(`::: in-host group ${g.name}`);
    try {
      await runTests({
        version: process.env.VSCODE_VERSION ?? 'stable',
        vscodeExecutablePath: process.env.VSCODE_EXECUTABLE,
        extensionDevelopmentPath: root,
        extensionTestsPath: join(root, 'out', 'test', 'vscode', g.name, 'index.js'),
        launchArgs: [g.folder, '--disable-extensions', '--disable-workspace-trust', '--skip-welcome', '--user-data-dir', join(temp, 'user-data')],
        extensionTestsEnv: { VIRTNET_VSCODE_RESULTS_DIR: join(root, '.tmp', 'vscode-desktop') },
      });
    } catch (e) {
      console.error(`in-host group ${g.name} failed: ${e instanceof Error ? e.message : e}`);
      failed++;
    }
  }
} finally {
  rmSync(temp, { recursive: true, force: true });
}
console.log(failed ? `${failed} group(s) failed` : `all groups passed; results in .tmp/vscode-desktop/`);
process.exit(failed ? 1 : 0);
