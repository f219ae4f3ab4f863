/**
 * `virtnet/workspaceMacs`: the MAC addresses the workspace's files use, from
 * the language service's index (`LanguageService.workspaceMacs`), for the
 * client's attach-NIC flow: a fresh MAC there is fresh by the same rules the
 * duplicate-MAC check applies (same walker and file rules, open documents
 * with their unsaved text). The answer waits for the workspace scan and the
 * disk updates queued before the request, so it is never a half-read
 * workspace.
 */
import type { Connection } from 'vscode-languageserver/node';
import type { LanguageService } from '../service/languageService';

export const WORKSPACE_MACS_REQUEST = 'virtnet/workspaceMacs';

export interface WorkspaceMacsResult {
  /** Lower case, colon separated, sorted. */
  readonly macs: string[];
}

export function registerWorkspaceMacs(deps: {
  readonly connection: Connection;
  readonly service: LanguageService;
  /** Resolves once the workspace scan and the disk updates queued so far are applied. */
  readonly settled: () => Promise<unknown>;
  readonly logError: (what: string, err: unknown) => void;
}): void {
  deps.connection.onRequest(WORKSPACE_MACS_REQUEST, async (): Promise<WorkspaceMacsResult> => {
    try {
      await deps.settled();
    } catch (err) {
      deps.logError(WORKSPACE_MACS_REQUEST, err);
    }
    try {
      return { macs: deps.service.workspaceMacs() };
    } catch (err) {
      deps.logError(WORKSPACE_MACS_REQUEST, err);
      return { macs: [] };
    }
  });
}
