/**
 * Entry point of the language server: creates the connection (stdio, IPC or
 * socket, chosen by the command-line flags the client passes) and hands it,
 * with the real file system and timers, to the adapter.
 */
import { performance } from 'node:perf_hooks';
import { createConnection, ProposedFeatures } from 'vscode-languageserver/node';
import { nodeFs } from './files/nodeFs';
import { startServer } from './lsp/handlers';
import type { RuntimeEnvironment } from './lsp/runtime';

/** Counts dispatched messages (see RuntimeEnvironment.messagesDispatched). */
let dispatched = 0;
const connection = createConnection(ProposedFeatures.all, {
  messageStrategy: {
    handleMessage(message, next) {
      dispatched++;
      return next(message);
    },
  },
});

const runtime: RuntimeEnvironment = {
  fs: nodeFs,
  timer: {
    setTimeout(callback, ms) {
      const h = setTimeout(callback, ms);
      return { dispose: () => clearTimeout(h) };
    },
    setImmediate(callback) {
      const h = setImmediate(callback);
      return { dispose: () => clearImmediate(h) };
    },
  },
  now: () => performance.now(),
  messagesDispatched: () => dispatched,
};

// Last line of defence: a bug must cost one answer, never the server.
process.on('uncaughtException', (err) => connection.console.error(`Uncaught: ${err.stack ?? err.message}`));
process.on('unhandledRejection', (err) => connection.console.error(`Unhandled rejection: ${String(err)}`));

startServer(connection, runtime);
