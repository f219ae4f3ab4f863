/**
 * Wording and related locations for findings about KVM hosts' objects
 * (workspace/kvmHosts.ts): every such finding names the host and says when
 * its facts were read, because a host changes after it was read.
 */
import type { RelatedLocation } from '../../service/types';
import type { KvmHostFacts } from '../../workspace/hostFactsFormat';
import { hostObjectUri } from '../../workspace/kvmHosts';

/** `2026-12-04 19:05 UTC`, or the text as given when it is no date. */
export function readTime(readAt: string): string {
  const t = Date.parse(readAt);
  if (Number.isNaN(t)) return readAt;
  const iso = new Date(t).toISOString();
  return `${iso.slice(0, 10)} ${iso.slice(11, 16)} UTC`;
}

/** `host 'kvm1' (read 2026-12-04 19:05 UTC)`. */
export function hostLabel(h: KvmHostFacts): string {
  return `host '${h.host}' (read ${readTime(h.readAt)})`;
}

/** `host 'kvm1' (read …)` or `hosts 'kvm1' (read …) and 'kvm2' (read …)`. */
export function hostsLabel(hosts: readonly KvmHostFacts[]): string {
  const unique = [...new Map(hosts.map((h) => [h.host, h])).values()];
  if (unique.length === 1) return hostLabel(unique[0]);
  if (unique.length > 3) {
    // Many hosts: name three, count the rest, give the span of read times.
    const times = unique.map((h) => readTime(h.readAt)).sort();
    const when = times[0] === times[times.length - 1] ? `read ${times[0]}` : `read ${times[0]} to ${times[times.length - 1]}`;
    return `hosts ${unique
      .slice(0, 3)
      .map((h) => `'${h.host}'`)
      .join(', ')} and ${unique.length - 3} more (${when})`;
  }
  const parts = unique.map((h) => `'${h.host}' (read ${readTime(h.readAt)})`);
  return `hosts ${parts.slice(0, -1).join(', ')} and ${parts[parts.length - 1]}`;
}

/** A related location at a host's object (a virtual `virtnet-host://` URI, line 1). */
export function hostRelated(h: KvmHostFacts, kind: 'network' | 'vm' | 'bridges', name: string | undefined, message: string): RelatedLocation {
  return { uri: hostObjectUri(h.host, kind, name), span: { start: 0, end: 0 }, message: `${message} — ${hostLabel(h)}` };
}
