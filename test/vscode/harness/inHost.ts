/**
 * Runs an in-host test group (out/test/vscode/<group>/) in code-server's
 * extension host, the way @vscode/test-web does: the workbench's `payload`
 * URL parameter names the extension under development and the tests module;
 * the workbench calls `codeAutomationExit(code)` when the tests end. The
 * details come from the results file that the group's index.js writes into
 * VIRTNET_VSCODE_RESULTS_DIR (set on code-server's environment).
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { Browser } from 'playwright-core';
import type { CodeServer } from '../../../scripts/vscode/codeServer';
import { ROOT } from '../../../scripts/vscode/codeServer';
import type { GroupResults } from '../host/results';

/** A whole group must end within this (its own waits fail sooner). */
const GROUP_TIMEOUT_MS = 5 * 60_000;
/** Loading the workbench page (a failure bound). */
export const PAGE_LOAD_MS = 180_000;

export function resultsDirOf(server: { dataDir: string }): string {
  return path.join(server.dataDir, 'results');
}

/** The environment code-server needs so that in-host groups write their results. */
export function inHostEnv(dataDir: string): NodeJS.ProcessEnv {
  return { VIRTNET_VSCODE_RESULTS_DIR: resultsDirOf({ dataDir }) };
}

export function payloadUrl(server: CodeServer, folder: string, testsPath: string): string {
  const remote = (p: string) => `vscode-remote://127.0.0.1:${server.port}${p}`;
  const payload = [
    ['extensionDevelopmentPath', remote(ROOT)],
    ['extensionTestsPath', remote(testsPath)],
  ];
  return `${server.url}?folder=${encodeURIComponent(folder)}&payload=${encodeURIComponent(JSON.stringify(payload))}`;
}

export interface GroupRun {
  readonly exitCode: number;
  readonly results?: GroupResults;
  /** Set when the run failed: a screenshot of the page at the end. */
  readonly screenshot?: string;
}

export async function runGroup(server: CodeServer, browser: Browser, group: string, folder: string): Promise<GroupRun> {
  const testsPath = path.join(ROOT, 'out', 'test', 'vscode', group);
  if (!fs.existsSync(path.join(testsPath, 'index.js'))) throw new Error(`${testsPath}/index.js is missing: run node scripts/vscode/build-tests.mjs`);
  const resultsFile = path.join(resultsDirOf(server), `${group}.json`);
  fs.rmSync(resultsFile, { force: true });
  const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
  try {
    const exited = new Promise<number>((resolve) => void page.exposeFunction('codeAutomationExit', (code: number) => resolve(code)));
    // The first load of the workbench (~15 MB of scripts) is slow on a busy machine.
    await page.goto(payloadUrl(server, folder, testsPath), { waitUntil: 'domcontentloaded', timeout: PAGE_LOAD_MS });
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<number>((resolve) => (timer = setTimeout(() => resolve(-1), GROUP_TIMEOUT_MS)));
    const exitCode = await Promise.race([exited, timeout]);
    clearTimeout(timer);
    const results = fs.existsSync(resultsFile) ? (JSON.parse(fs.readFileSync(resultsFile, 'utf8')) as GroupResults) : undefined;
    let screenshot: string | undefined;
    if (exitCode !== 0) {
      screenshot = path.join(server.dataDir, `${group}-failure.png`);
      await page.screenshot({ path: screenshot }).catch(() => (screenshot = undefined));
    }
    return { exitCode, results, screenshot };
  } finally {
    await page.close().catch(() => undefined);
  }
}
