/**
 * Headless Chromium (Debian's /usr/bin/chromium) driven by playwright-core,
 * for the VS Code tests: no browser is downloaded.
 */
import * as fs from 'node:fs';
import { chromium, type Browser } from 'playwright-core';

export const CHROMIUM = process.env.VIRTNET_CHROMIUM ?? '/usr/bin/chromium';

const ARGS = ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic'];

export async function launchChromium(): Promise<Browser> {
  if (!fs.existsSync(CHROMIUM)) throw new Error(`${CHROMIUM} is missing: scripts/setup-test-deps.sh installs Debian's chromium (or set VIRTNET_CHROMIUM)`);
  return chromium.launch({ executablePath: CHROMIUM, headless: true, args: ARGS });
}
