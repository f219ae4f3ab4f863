/**
 * Wraps a runner so every command it runs is reported once finished: argv,
 * duration, exit status, stderr, transport error. The UI writes these to its
 * log channel.
 */
import type { CommandLogEntry, Runner } from './runner';

export function loggingRunner(runner: Runner, log: (entry: CommandLogEntry) => void): Runner {
  return {
    description: runner.description,
    async run(argv, options) {
      const started = Date.now();
      const r = await runner.run(argv, options);
      try {
        log({
          runner: runner.description,
          argv,
          durationMs: Date.now() - started,
          code: r.ok ? r.value.code : undefined,
          stderr: r.ok ? r.value.stderr : r.error.stderr,
          error: r.ok ? undefined : r.error.message,
        });
      } catch {
        // logging never breaks a command
      }
      return r;
    },
    dispose() {
      runner.dispose();
    },
  };
}
