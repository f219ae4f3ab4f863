/**
 * `virtnet lint --host-facts FILE.json`: a KVM host's facts from a file, in
 * the JSON the editor's client sends (server/src/workspace/hostFactsFormat.ts).
 */
import { parseHostFacts, type KvmHostFacts } from '../workspace/hostFactsFormat';
import { readTextFile } from './read';

export type HostFactsFile = { readonly ok: true; readonly facts: KvmHostFacts; readonly problems: readonly string[] } | { readonly ok: false; readonly error: string };

export function readHostFactsFile(path: string): HostFactsFile {
  const r = readTextFile(path);
  if (!r.ok) return { ok: false, error: `--host-facts ${path}: ${r.reason.replace(/, skipped$/, '')}` };
  let json: unknown;
  try {
    json = JSON.parse(r.text);
  } catch (e) {
    return { ok: false, error: `--host-facts ${path}: not JSON (${e instanceof Error ? e.message : String(e)})` };
  }
  const parsed = parseHostFacts(json);
  if (!parsed.ok) return { ok: false, error: `--host-facts ${path}: ${parsed.error}` };
  if (!parsed.facts) return { ok: false, error: `--host-facts ${path}: "facts" is null (nothing to check against)` };
  return { ok: true, facts: parsed.facts, problems: parsed.problems };
}
