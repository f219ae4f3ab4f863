/**
 * One log line per command the HostConnectionManager ran: host, how it was
 * reached, the argv (as the shell line the remote layer sent), duration,
 * exit status and stderr, with a level (error: the command could not be
 * run to the end; warning: non-zero exit status). The extension writes it
 * to the "VirtNet" LogOutputChannel. No `vscode` import.
 */
import { quoteCommand, type CommandLogEntry } from '../remote';

export type LogLevel = 'info' | 'warn' | 'error';

/** Longer command lines (a batch over hundreds of networks) are cut, saying by how much. */
const MAX_COMMAND_CHARS = 4000;
const BATCH_MARKER = /^error: @@virtnet-[0-9a-f]+@@\d+$/;
const BATCH_ECHOES = /echo @@virtnet-[0-9a-f]+@@\d+ ; echo --err @@virtnet-[0-9a-f]+@@\d+(?: ; )?/g;

export function commandLogLine(entry: CommandLogEntry & { readonly host: string }): { level: LogLevel; text: string } {
  let command: string;
  try {
    command = entry.argv.length === 0 ? 'connect and log in' : quoteCommand(entry.argv);
  } catch {
    command = JSON.stringify(entry.argv);
  }
  // A batch's markers (echo between its commands) are left out: the log shows the commands it ran.
  let withoutMarkers = command.replace(BATCH_ECHOES, '');
  if (withoutMarkers !== command) {
    const end = withoutMarkers.lastIndexOf(" ; '"); // the separator before the last (removed) marker
    if (end >= 0) withoutMarkers = withoutMarkers.slice(0, end) + withoutMarkers.slice(end + 3);
    command = `${withoutMarkers} (one virsh batch)`;
  }
  if (command.length > MAX_COMMAND_CHARS) command = `${command.slice(0, MAX_COMMAND_CHARS)}… (${command.length - MAX_COMMAND_CHARS} more characters)`;
  const outcome = entry.error !== undefined ? `failed: ${entry.error}` : `exit status ${entry.code ?? 'none (signal)'}`;
  // A virsh batch's own markers (virshBatch.ts) are not errors: only libvirt's lines are kept.
  const stderr = entry.stderr
    .split('\n')
    .filter((l) => !BATCH_MARKER.test(l))
    .join('\n')
    .trim();
  const text = `[${entry.host}] ${entry.runner}: ${command} → ${outcome} in ${entry.durationMs} ms${stderr ? `\n  stderr: ${stderr.replace(/\n/g, '\n          ')}` : ''}`;
  const level: LogLevel = entry.error !== undefined ? 'error' : entry.code === 0 ? 'info' : 'warn';
  return { level, text };
}
