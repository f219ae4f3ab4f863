/**
 * The MACs of the workspace's files, asked of the language server
 * (`virtnet/workspaceMacs`, server/src/lsp/workspaceMacs.ts): the attach-NIC
 * flow avoids exactly the MACs the duplicate-MAC check would flag, read by
 * the server's own walker with open documents' unsaved text.
 *
 * A client that is still starting is awaited (the language client holds the
 * request until the server runs), within a time limit. Without a client (its
 * part not loaded yet), or when the server does not answer, the answer is an
 * empty set and a line in the log says that workspace files were not
 * consulted: the MAC is then still checked against the host. No `vscode`
 * import: the client is anything with `sendRequest`.
 */
import { WORKSPACE_MACS_REQUEST, type WorkspaceMacsResult } from '../../../server/src/lsp/workspaceMacs';
import { normalizeMac } from '../remote';

/** What is needed of a language client (vscode-languageclient's, or a bare JSON-RPC connection in tests). */
export interface MacsServer {
  sendRequest<R>(method: string, params?: unknown): Promise<R>;
}

export interface WorkspaceMacsDeps {
  /** The language client, undefined before its part is loaded. */
  readonly client: () => MacsServer | undefined;
  /** A line for the log when the workspace could not be consulted. */
  readonly warn: (message: string) => void;
  /** Default 20 s (the first answer waits for the server's workspace scan). */
  readonly timeoutMs?: number;
}

const NOT_CONSULTED = 'MACs in workspace files were not consulted for the new NIC (only the host\u2019s were)';

/** The flow host's `workspaceMacs`: lower-case MACs from the server, or an empty set with a logged note. */
export function workspaceMacsFromServer(deps: WorkspaceMacsDeps): () => Promise<ReadonlySet<string>> {
  return async () => {
    const client = deps.client();
    if (!client) {
      deps.warn(`${NOT_CONSULTED}: the VirtNet language server is not started yet.`);
      return new Set();
    }
    const timeoutMs = deps.timeoutMs ?? 20_000;
    let timer: NodeJS.Timeout | undefined;
    try {
      const answer = await Promise.race([
        client.sendRequest<WorkspaceMacsResult>(WORKSPACE_MACS_REQUEST),
        new Promise<never>((_, reject) => {
          timer = setTimeout(() => reject(new Error(`no answer within ${timeoutMs / 1000} s`)), timeoutMs);
        }),
      ]);
      const macs = (answer as { macs?: unknown } | null)?.macs;
      if (!Array.isArray(macs)) throw new Error('the answer has no list of MACs');
      return new Set(macs.filter((m): m is string => typeof m === 'string').map(normalizeMac));
    } catch (e) {
      deps.warn(`${NOT_CONSULTED}: ${WORKSPACE_MACS_REQUEST} failed: ${e instanceof Error ? e.message : String(e)}`);
      return new Set();
    } finally {
      clearTimeout(timer);
    }
  };
}
