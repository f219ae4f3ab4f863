import type { RelatedLocation } from '../../service/types';
import type { Located } from '../../workspace/workspaceIndex';
import { fileName } from '../../workspace/uris';

/** Related-information entries for the other places, at most `max` of them. */
export function relatedTo(others: readonly Located[], message: (o: Located) => string, max = 20): RelatedLocation[] {
  return others.slice(0, max).map((o) => ({ uri: o.uri, span: o.span, message: message(o) }));
}

/** "net-a.xml" or "net-a.xml and 3 other files" for messages. */
export function describeFiles(uris: readonly string[]): string {
  const names = [...new Set(uris)].map(fileName);
  if (names.length === 1) return names[0];
  return `${names[0]} and ${names.length - 1} other file${names.length > 2 ? 's' : ''}`;
}
