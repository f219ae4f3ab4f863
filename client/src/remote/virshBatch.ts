/**
 * Several virsh commands in one invocation (one round trip over SSH):
 * `virsh -c URI 'cmd1 ; cmd2 ; …'`. virsh runs them all but exits with the
 * last one's status only, and reports an earlier failure on stderr alone. So
 * the batch puts virsh's own `echo` between the commands, on stdout and on
 * stderr (`echo --err`, printed as `error: MARK`), with a random marker, and
 * each command's output and errors are read between its markers: a command
 * failed when its stderr slice has an `error:` line.
 *
 * The words are quoted for virsh's tokenizer by quote.ts (same rules as sh).
 */
import { randomBytes } from 'node:crypto';
import { quoteWord } from './quote';
import { fail, ok, type Result } from './result';
import type { Output } from './runner';
import { libvirtMessage, type VirshCommand } from './virshCommand';

type Values<C extends readonly VirshCommand<unknown>[]> = { [K in keyof C]: C[K] extends VirshCommand<infer T> ? Result<T> : never };

/**
 * One command whose value is every command's own result. The batch fails as
 * a whole only when virsh printed no marker at all (it could not start or
 * connect): then every command gets that error. At most one command may
 * read standard input.
 */
export function batch<const C extends readonly VirshCommand<unknown>[]>(commands: C, marker = `@@virtnet-${randomBytes(8).toString('hex')}@@`): VirshCommand<Values<C>> {
  const inputs = commands.filter((c) => c.stdin !== undefined);
  if (inputs.length > 1) throw new Error('a virsh batch can feed standard input to one command only');
  const mark = (i: number) => `${marker}${i}`;
  const parts: string[] = [];
  commands.forEach((c, i) => {
    parts.push(`echo ${mark(i)}`, `echo --err ${mark(i)}`, c.args.map(quoteWord).join(' '));
  });
  parts.push(`echo ${mark(commands.length)}`, `echo --err ${mark(commands.length)}`);
  return {
    args: [parts.join(' ; ')],
    stdin: inputs[0]?.stdin,
    parse(output: Output): Result<Values<C>> {
      const outs = slices(output.stdout, marker, commands.length);
      const errs = slices(output.stderr, marker, commands.length);
      if (!outs || !errs) {
        // No marker: virsh stopped before the first command (bad URI, daemon down, …).
        return fail('command', libvirtMessage(output.stderr, `virsh failed (exit status ${output.code})`), output.stderr);
      }
      const values = commands.map((c, i): Result<unknown> => {
        const out = outs[i];
        const err = errs[i];
        if (out === undefined || err === undefined) {
          return fail('command', `virsh ended before this command finished: ${libvirtMessage(lastLines(output.stderr), 'no message')}`, output.stderr);
        }
        // The code given to the command's own parser: 0 unless libvirt reported an error for it.
        const failed = /^error: /m.test(err);
        return c.parse({ stdout: out, stderr: err, code: failed ? 1 : 0 });
      });
      return ok(values as Values<C>);
    },
  };
}

/** The stderr after the last marker: what made virsh stop. */
function lastLines(stderr: string): string {
  const lines = stderr.split('\n');
  let i = lines.length - 1;
  while (i >= 0 && !/^error: @@virtnet-/.test(lines[i])) i--;
  return lines.slice(i + 1).join('\n');
}

/**
 * The text between marker i and marker i+1 for each command (undefined past
 * the last marker virsh printed), or undefined when the first is missing.
 * Marker lines are whole lines: `MARK<i>` on stdout, `error: MARK<i>` on stderr.
 */
function slices(text: string, marker: string, n: number): (string | undefined)[] | undefined {
  const lines = text.split('\n');
  const at: number[] = [];
  lines.forEach((l, idx) => {
    const m = /^(?:error: )?(.*)$/.exec(l);
    const rest = m?.[1] ?? '';
    if (rest.startsWith(marker) && /^\d+$/.test(rest.slice(marker.length)) && Number(rest.slice(marker.length)) === at.length) at.push(idx);
  });
  if (at.length === 0) return undefined;
  const out: (string | undefined)[] = [];
  for (let i = 0; i < n; i++) {
    // A command is complete when the next marker follows it; virsh ended (or was cut off) before the others finished.
    out.push(at[i + 1] === undefined ? undefined : lines.slice(at[i] + 1, at[i + 1]).join('\n'));
  }
  return out;
}
