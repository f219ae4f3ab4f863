/**
 * The `extensionTestsPath` module of an in-host test group: VS Code (desktop
 * through @vscode/test-electron, or code-server through the `payload` URL
 * parameter) loads it in the extension host and awaits `run()`. It runs every
 * `*.suite.js` bundled beside it with mocha, in name order (hence the number
 * prefixes), prints a spec report (the
 * extension host log) and, when VIRTNET_VSCODE_RESULTS_DIR is set, writes
 * `<group>.json` there: every test with its state and error, and the figures
 * the suites measured (`measure()` in ./util). run() rejects when a test
 * failed, which VS Code reports as exit code 1.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import Mocha from 'mocha';
import * as vscode from 'vscode';
import { MEASURES_KEY, type GroupResults, type TestResult } from './results';

export async function run(): Promise<void> {
  const group = path.basename(__dirname);
  const mocha = new Mocha({ ui: 'bdd', timeout: 120_000, color: false, reporter: 'spec' });
  for (const f of fs.readdirSync(__dirname).sort()) if (f.endsWith('.suite.js')) mocha.addFile(path.join(__dirname, f));
  (globalThis as Record<string, unknown>)[MEASURES_KEY] = {};
  const tests: TestResult[] = [];
  const title = (t: Mocha.Runnable) => t.titlePath().join(' › ');
  const started = Date.now();
  const failures = await new Promise<number>((resolve) => {
    const runner = mocha.run((n) => resolve(n));
    runner.on('pass', (t) => tests.push({ title: title(t), state: 'passed', durationMs: t.duration ?? 0 }));
    runner.on('pending', (t) => tests.push({ title: title(t), state: 'pending', durationMs: 0 }));
    runner.on('fail', (t, err: Error) => tests.push({ title: title(t), state: 'failed', durationMs: t.duration ?? 0, error: err.stack ?? String(err) }));
  });
  const dir = process.env.VIRTNET_VSCODE_RESULTS_DIR;
  if (dir) {
    const results: GroupResults = {
      group,
      vscodeVersion: vscode.version,
      durationMs: Date.now() - started,
      failures,
      tests,
      measures: (globalThis as Record<string, unknown>)[MEASURES_KEY] as Record<string, number>,
    };
    fs.mkdirSync(dir, { recursive: true });
    fs.writeFileSync(path.join(dir, `${group}.json`), JSON.stringify(results, null, 2));
  }
  if (failures > 0) throw new Error(`${failures} in-host test(s) failed in group ${group}`);
}
