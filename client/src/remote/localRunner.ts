/**
 * Runs commands on the machine the extension host runs on (a Remote-SSH
 * window on the hypervisor, or a desktop with libvirt): child_process.spawn
 * with an argv, never a shell.
 *
 * Standard input is given as a private temporary file, not a pipe: Node's
 * stdio pipes are socket pairs, and `open("/dev/stdin")` on a socket fails
 * (ENXIO), which `virsh net-define --file /dev/stdin` does.
 */
import { spawn } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { errorText, fail, ok, type Result } from './result';
import type { Output, RunOptions, Runner } from './runner';

export function createLocalRunner(): Runner {
  return {
    description: 'local',
    run(argv, options) {
      return runLocal(argv, options);
    },
    dispose() {},
  };
}

async function runLocal(argv: readonly string[], options: RunOptions): Promise<Result<Output>> {
  if (options.stdin === undefined) return spawnLocal(argv, 'ignore', options.timeoutMs);
  let dir: string | undefined;
  let fd: number | undefined;
  try {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'virtnet-stdin-'));
    const file = path.join(dir, 'stdin');
    fs.writeFileSync(file, options.stdin, { mode: 0o600 });
    fd = fs.openSync(file, 'r');
    return await spawnLocal(argv, fd, options.timeoutMs);
  } catch (e) {
    return fail('internal', `cannot pass input to ${argv[0]}: ${errorText(e)}`);
  } finally {
    if (fd !== undefined) fs.closeSync(fd);
    if (dir) fs.rmSync(dir, { recursive: true, force: true });
  }
}

function spawnLocal(argv: readonly string[], stdin: 'ignore' | number, timeoutMs: number): Promise<Result<Output>> {
  return new Promise((resolve) => {
    let settled = false;
    const done = (r: Result<Output>) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      resolve(r);
    };
    let child: ReturnType<typeof spawn>;
    try {
      if (argv.length === 0) throw new Error('empty command');
      child = spawn(argv[0], argv.slice(1), { stdio: [stdin, 'pipe', 'pipe'], shell: false });
    } catch (e) {
      // e.g. a NUL in an argument: refused before anything runs.
      return resolve(fail('internal', `cannot run ${argv[0] ?? 'command'}: ${errorText(e)}`));
    }
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      done(fail('timeout', `${argv[0]} did not finish within ${timeoutMs} ms`, stderr));
    }, timeoutMs);
    let stdout = '';
    let stderr = '';
    child.stdout?.setEncoding('utf8').on('data', (d: string) => (stdout += d));
    child.stderr?.setEncoding('utf8').on('data', (d: string) => (stderr += d));
    child.on('error', (e) => done(fail('connect', `cannot run ${argv[0]}: ${errorText(e)}`, stderr)));
    child.on('close', (code) => done(ok({ stdout, stderr, code })));
  });
}
