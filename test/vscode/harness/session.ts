/**
 * One code-server + headless Chromium for a test file, with a copy of
 * examples/ as the workspace (tests edit it). Everything goes under
 * .tmp/vscode-tests/<name>/; `end(ok)` stops both processes, removes the
 * folder when all passed, and otherwise prints where the screenshots, the
 * extension host log and code-server's output are.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { Browser } from 'playwright-core';
import { launchChromium } from '../../../scripts/vscode/chromium';
import { ROOT, startCodeServer, type CodeServer } from '../../../scripts/vscode/codeServer';
import { inHostEnv } from './inHost';

export interface Session {
  readonly server: CodeServer;
  readonly browser: Browser;
  readonly dir: string;
  /** A fresh copy of examples/ (or an empty folder), under `dir`. */
  workspace(name: string, from?: 'examples' | 'empty'): string;
  /** Copies the extension host logs into `dir` and returns where failure evidence is. */
  evidence(): string[];
  end(ok: boolean): Promise<void>;
}

/** `env`: added to code-server's environment (its extension host inherits it). */
export async function startSession(name: string, settings: Record<string, unknown> = {}, env: NodeJS.ProcessEnv = {}): Promise<Session> {
  const dir = path.join(ROOT, '.tmp', 'vscode-tests', name);
  fs.rmSync(dir, { recursive: true, force: true });
  fs.mkdirSync(dir, { recursive: true });
  const dataDir = path.join(dir, 'code-server');
  const server = await startCodeServer({ dataDir, settings, env: { ...inHostEnv(dataDir), ...env } });
  let browser: Browser;
  try {
    browser = await launchChromium();
  } catch (e) {
    await server.stop();
    throw e;
  }
  const evidence = () => {
    const logs = server.extensionHostLogs().map((log, i) => {
      // The whole exthost folder: the extension host log and the output channels (VirtNet's among them).
      const copy = path.join(dir, `exthost-logs-${i + 1}`);
      fs.cpSync(path.dirname(log), copy, { recursive: true });
      return path.join(copy, path.basename(log));
    });
    const shots = fs.readdirSync(dir).filter((f) => f.endsWith('.png')).map((f) => path.join(dir, f));
    const inData = fs.readdirSync(dataDir).filter((f) => f.endsWith('.png')).map((f) => path.join(dataDir, f));
    return [...shots, ...inData, ...logs, server.logFile];
  };
  return {
    server,
    browser,
    dir,
    workspace: (ws, from = 'examples') => {
      const target = path.join(dir, ws);
      fs.rmSync(target, { recursive: true, force: true });
      if (from === 'examples') fs.cpSync(path.join(ROOT, 'examples'), target, { recursive: true });
      else fs.mkdirSync(target, { recursive: true });
      return target;
    },
    evidence,
    end: async (ok) => {
      let kept: string[] = [];
      if (!ok) kept = evidence();
      await browser.close().catch(() => undefined);
      await server.stop();
      if (ok) fs.rmSync(dir, { recursive: true, force: true });
      else console.error(`VS Code test evidence (${name}) kept:\n${kept.map((f) => `  ${path.relative(process.cwd(), f)}`).join('\n')}`);
    },
  };
}
