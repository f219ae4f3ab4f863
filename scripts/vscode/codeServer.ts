/**
 * Starts code-server (VS Code 1.100.3 in the browser, installed by
 * install-code-server.sh) on 127.0.0.1 for the VS Code tests and the demo.
 * It runs in its own session (a new process group): `stop()` ends the whole
 * group, so the extension hosts and language servers it spawned go too.
 */
import { spawn, spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';

export const ROOT = path.resolve(__dirname, '..', '..');
export const EXTENSION_ID = 'virtnet.virtnet';
const INSTALL = path.join(ROOT, 'scripts', 'vscode', 'install-code-server.sh');

/** User settings for a quiet workbench: no welcome page, trust prompt, tips or update checks. */
export const QUIET_SETTINGS: Record<string, unknown> = {
  'workbench.startupEditor': 'none',
  'workbench.tips.enabled': false,
  'workbench.enableExperiments': false,
  'workbench.welcomePage.walkthroughs.openOnInstall': false,
  'security.workspace.trust.enabled': false,
  'telemetry.telemetryLevel': 'off',
  'extensions.autoCheckUpdates': false,
  'extensions.autoUpdate': false,
  'extensions.ignoreRecommendations': true,
  'update.mode': 'none',
  'chat.commandCenter.enabled': false,
  'editor.minimap.enabled': false,
  'git.enabled': false,
  'git.openRepositoryInParentFolders': 'never',
  'window.commandCenter': false,
  'remote.autoForwardPorts': false,
};

/** Installs code-server when it is missing (the project's script, cached) and returns its folder. */
export function installCodeServer(): string {
  const r = spawnSync('bash', [INSTALL], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'] });
  if (r.status !== 0) throw new Error(`scripts/vscode/install-code-server.sh failed (exit ${r.status ?? r.signal})`);
  return r.stdout.trim().split('\n').pop()!;
}

export interface CodeServerOptions {
  /** Where settings, logs and state go (created). */
  readonly dataDir: string;
  /** Folder opened when the URL names none. */
  readonly folder?: string;
  /** User settings written before the start (merged over QUIET_SETTINGS). */
  readonly settings?: Record<string, unknown>;
  /** .vsix files or extension ids to install first (`--install-extension`). */
  readonly installExtensions?: readonly string[];
  /** 127.0.0.1 port; 0 (default) takes a free one. */
  readonly port?: number;
  readonly env?: NodeJS.ProcessEnv;
}

export interface CodeServer {
  readonly url: string;
  readonly port: number;
  readonly pid: number;
  readonly dataDir: string;
  /** code-server's own output. */
  readonly logFile: string;
  /** The extension host logs of this server (newest last); empty before a page opened a window. */
  extensionHostLogs(): string[];
  stop(): Promise<void>;
}

function entryOf(dir: string): string {
  return path.join(dir, 'out', 'node', 'entry.js');
}

export async function startCodeServer(options: CodeServerOptions): Promise<CodeServer> {
  const dir = installCodeServer();
  const dataDir = path.resolve(options.dataDir);
  const userDir = path.join(dataDir, 'user-data');
  const extensionsDir = path.join(dataDir, 'extensions');
  fs.mkdirSync(path.join(userDir, 'User'), { recursive: true });
  fs.mkdirSync(extensionsDir, { recursive: true });
  fs.writeFileSync(path.join(userDir, 'User', 'settings.json'), JSON.stringify({ ...QUIET_SETTINGS, ...options.settings }, null, 2));
  const config = path.join(dataDir, 'config.yaml');
  fs.writeFileSync(config, 'auth: none\ncert: false\n');
  const common = ['--auth', 'none', '--disable-telemetry', '--disable-update-check', '--disable-workspace-trust', '--config', config, '--user-data-dir', userDir, '--extensions-dir', extensionsDir];
  for (const ext of options.installExtensions ?? []) {
    const r = spawnSync(process.execPath, [entryOf(dir), ...common, '--install-extension', ext], { encoding: 'utf8' });
    if (r.status !== 0) throw new Error(`code-server --install-extension ${ext} failed:\n${r.stdout}${r.stderr}`);
  }

  const logFile = path.join(dataDir, 'code-server.log');
  const out = fs.openSync(logFile, 'w');
  const args = [entryOf(dir), ...common, '--bind-addr', `127.0.0.1:${options.port ?? 0}`];
  if (options.folder) args.push(options.folder);
  // detached: setsid(), so the process group is code-server's alone.
  const child = spawn(process.execPath, args, { detached: true, stdio: ['ignore', out, out], env: { ...process.env, ...options.env } });
  fs.closeSync(out);
  child.unref();
  const pid = child.pid!;
  let exited = false;
  child.once('exit', () => (exited = true));

  const stop = async () => {
    try {
      process.kill(-pid, 'SIGTERM');
    } catch {
      return;
    }
    for (let i = 0; i < 50 && groupAlive(pid); i++) await sleep(100);
    if (groupAlive(pid)) {
      try {
        process.kill(-pid, 'SIGKILL');
      } catch {
        /* gone meanwhile */
      }
    }
  };

  // code-server prints "HTTP server listening on http://127.0.0.1:PORT/" once it listens.
  let port = 0;
  for (let i = 0; i < 600 && !port; i++) {
    const m = /HTTP server listening on http:\/\/127\.0\.0\.1:(\d+)\//.exec(fs.readFileSync(logFile, 'utf8'));
    if (m) port = Number(m[1]);
    else if (exited) break;
    else await sleep(100);
  }
  if (!port) {
    await stop();
    throw new Error(`code-server did not start; its output (${logFile}):\n${fs.readFileSync(logFile, 'utf8')}`);
  }
  return {
    url: `http://127.0.0.1:${port}/`,
    port,
    pid,
    dataDir,
    logFile,
    extensionHostLogs: () => findFiles(path.join(userDir, 'logs'), (f) => /exthost\d*[/\\].*exthost\.log$/.test(f) || /remoteexthost\.log$/.test(f)),
    stop,
  };
}

function groupAlive(pid: number): boolean {
  try {
    process.kill(-pid, 0);
    return true;
  } catch {
    return false;
  }
}

function sleep(ms: number): Promise<void> {
  return new Promise((r) => setTimeout(r, ms));
}

function findFiles(dir: string, keep: (file: string) => boolean): string[] {
  const found: { file: string; mtime: number }[] = [];
  const walk = (d: string) => {
    let entries: fs.Dirent[];
    try {
      entries = fs.readdirSync(d, { withFileTypes: true });
    } catch {
      return;
    }
    for (const e of entries) {
      const p = path.join(d, e.name);
      if (e.isDirectory()) walk(p);
      else if (keep(p)) found.push({ file: p, mtime: fs.statSync(p).mtimeMs });
    }
  };
  walk(dir);
  return found.sort((a, b) => a.mtime - b.mtime).map((f) => f.file);
}
