/**
 * A runner over one SSH connection: the argv becomes one command line,
 * quoted by quote.ts (the only place that builds shell text), executed by
 * the remote user's shell.
 */
import { quoteCommand } from './quote';
import { errorText, fail } from './result';
import type { Runner } from './runner';
import type { SshConnection } from './sshConnection';

export function createSshRunner(connection: SshConnection): Runner {
  return {
    description: `ssh ${connection.description}`,
    async run(argv, options) {
      let line: string;
      try {
        line = quoteCommand(argv);
      } catch (e) {
        return fail('internal', errorText(e));
      }
      return connection.exec(line, options);
    },
    dispose() {
      connection.dispose();
    },
  };
}
