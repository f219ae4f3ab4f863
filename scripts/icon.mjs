#!/usr/bin/env node
// Renders images/icon.svg (the extension's icon, drawn by hand) to the
// 128×128 PNG the Marketplace and VS Code show: images/icon.png, committed.
// Run it after editing the SVG: `node scripts/icon.mjs`. Needs Debian's
// chromium (`apt-get install chromium`), nothing from the network.
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const svg = join(root, 'images', 'icon.svg');
const png = join(root, 'images', 'icon.png');
const SIZE = 128;

const work = mkdtempSync(join(tmpdir(), 'virtnet-icon-'));
try {
  const shot = join(work, 'icon.png');
  const r = spawnSync(
    process.env.CHROMIUM ?? 'chromium',
    ['--headless', '--no-sandbox', '--disable-gpu', '--hide-scrollbars', '--run-all-compositor-stages-before-draw', '--virtual-time-budget=2000', '--default-background-color=00000000',
      `--window-size=${SIZE},${SIZE}`, `--screenshot=${shot}`, pathToFileURL(svg).href],
    { cwd: work, encoding: 'utf8', timeout: 60_000 },
  );
  if (r.error) throw new Error(`chromium: ${r.error.message} (apt-get install chromium, or set CHROMIUM)`);
  const head = readFileSync(shot);
  // PNG: 8-byte signature, then the IHDR chunk whose data starts with width and height.
  const [w, h] = [head.readUInt32BE(16), head.readUInt32BE(20)];
  if (w !== SIZE || h !== SIZE) throw new Error(`chromium made a ${w}×${h} image, not ${SIZE}×${SIZE}`);
  copyFileSync(shot, png);
  console.log(`wrote ${png} (${SIZE}×${SIZE})`);
} finally {
  rmSync(work, { recursive: true, force: true });
}
