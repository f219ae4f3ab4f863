/**
 * A virsh command as data: the words after `virsh -c URI`, optional input,
 * and a parser of what virsh printed. Building the argv and running it are
 * separate (`virshArgv`, `runVirsh`), so the command builders in virsh.ts
 * are pure and unit-tested, and any runner (SSH, local) executes them.
 */
import { errorText, fail, ok, type Result } from './result';
import type { Output, Runner } from './runner';

export interface VirshCommand<T> {
  /** The words after `virsh -c URI` (names are plain words here; quoting happens in quote.ts). */
  readonly args: readonly string[];
  /** Standard input (the XML of `net-define --file /dev/stdin`). */
  readonly stdin?: string;
  /** Turns virsh's output into a value, or an error that carries libvirt's message. */
  parse(output: Output): Result<T>;
}

/**
 * The argv that runs a command: `env LC_ALL=C virsh -c URI ARGS…`. LC_ALL=C
 * keeps virsh's labels (`Active:`, `Autostart:`) in English whatever the
 * host's locale; `--name` lists and XML still carry names byte for byte.
 */
export function virshArgv(uri: string, args: readonly string[]): string[] {
  return ['env', 'LC_ALL=C', 'virsh', '-c', uri, ...args];
}

/** A command whose success is virsh's exit status 0, and whose value is parsed from stdout. */
export function simpleCommand<T>(args: readonly string[], parseStdout: (stdout: string) => T, stdin?: string): VirshCommand<T> {
  return {
    args,
    stdin,
    parse(output) {
      if (output.code !== 0) return fail('command', libvirtMessage(output.stderr, `virsh ${args[0]} failed (exit status ${output.code})`), output.stderr);
      return ok(parseStdout(output.stdout));
    },
  };
}

/**
 * libvirt's own words from virsh's stderr: the `error: …` lines without the
 * prefix, joined; the fallback when there are none.
 */
export function libvirtMessage(stderr: string, fallback: string): string {
  const lines = stderr
    .split('\n')
    .map((l) => l.trim())
    .filter((l) => l !== '')
    .map((l) => l.replace(/^error:\s*/, ''));
  return lines.length > 0 ? lines.join(': ') : fallback;
}

export interface RunVirshOptions {
  readonly timeoutMs: number;
}

/** Runs one command (or a batch) on a runner. Never throws. */
export async function runVirsh<T>(runner: Runner, uri: string, command: VirshCommand<T>, options: RunVirshOptions): Promise<Result<T>> {
  try {
    const r = await runner.run(virshArgv(uri, command.args), { stdin: command.stdin, timeoutMs: options.timeoutMs });
    if (!r.ok) return r;
    if (r.value.code === 127 && /virsh|env/.test(r.value.stderr)) {
      return fail('command', `virsh is not installed on ${runner.description} (package libvirt-clients)`, r.value.stderr);
    }
    return command.parse(r.value);
  } catch (e) {
    return fail('internal', errorText(e));
  }
}
