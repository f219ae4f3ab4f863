/**
 * The `virtnet/hostFacts` notification: the client, after refreshing a KVM
 * host the workspace targets, sends what the host runs
 * (`{host, readAt, facts}`, server/src/workspace/hostFactsFormat.ts);
 * `facts: null` forgets the host. The facts go to the language service's
 * index and the files whose cross-file findings may change are re-published.
 * Invalid facts are refused with a message in the log, never a crash.
 */
import type { Connection } from 'vscode-languageserver/node';
import type { LanguageService } from '../service/languageService';
import { parseHostFacts } from '../workspace/hostFactsFormat';

export const HOST_FACTS_NOTIFICATION = 'virtnet/hostFacts';

export function registerHostFacts(deps: {
  readonly connection: Connection;
  readonly service: LanguageService;
  /** Re-checks and publishes these URIs. */
  readonly republish: (uris: string[]) => void;
  readonly log: (message: string) => void;
}): void {
  deps.connection.onNotification(HOST_FACTS_NOTIFICATION, (params: unknown) => {
    try {
      const parsed = parseHostFacts(params);
      if (!parsed.ok) return deps.log(`${HOST_FACTS_NOTIFICATION} refused: ${parsed.error}`);
      if (parsed.problems.length) deps.log(`${HOST_FACTS_NOTIFICATION} of ${parsed.host}: ${parsed.problems.length} entries skipped: ${parsed.problems.slice(0, 5).join('; ')}`);
      deps.republish(parsed.facts ? deps.service.setHost(parsed.facts) : deps.service.removeHost(parsed.host));
    } catch (err) {
      deps.log(`${HOST_FACTS_NOTIFICATION} failed: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}`);
    }
  });
}
