/**
 * The `virtnet-host:` URIs of the language server's related information
 * (server/src/workspace/kvmHosts.ts builds them): `virtnet-host://HOST/network/NAME`,
 * `virtnet-host://HOST/vm/NAME` and `virtnet-host://HOST/bridges`, host
 * and name percent-encoded. Pure: the viewer (hostObjectFs.ts) hands in the
 * URI's authority and path as VS Code's `Uri` gives them, already decoded.
 * A decoded path has lost the difference between `/` and `%2F`, so the
 * name is everything after `/network/` or `/vm/` (names may hold `/`; the
 * kind never does).
 */
export type HostObjectRef =
  | { readonly host: string; readonly kind: 'network' | 'vm'; readonly name: string }
  | { readonly host: string; readonly kind: 'bridges' };

/** The object a `virtnet-host:` URI names, from its decoded authority and path; undefined when it names none. */
export function parseHostObjectUri(authority: string, path: string): HostObjectRef | undefined {
  if (authority === '') return undefined;
  if (path === '/bridges' || path === '/bridges/') return { host: authority, kind: 'bridges' };
  const m = /^\/(network|vm)\/(.+)$/s.exec(path);
  if (!m) return undefined;
  return { host: authority, kind: m[1] as 'network' | 'vm', name: m[2] };
}

/** Words for the object: `network 'default' on host 'kvm1'`, `the bridges of host 'kvm1'`. */
export function describeHostObject(ref: HostObjectRef): string {
  return ref.kind === 'bridges' ? `the bridges of host '${ref.host}'` : `${ref.kind === 'vm' ? 'VM' : 'network'} '${ref.name}' on host '${ref.host}'`;
}
