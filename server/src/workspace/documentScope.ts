/**
 * Where a document comes from: the workspace (files on disk, untitled
 * editors) or a KVM host (its live definition, opened by the client's
 * network commands as a `virtnet-net:/HOST/NETWORK.xml[?live|?inactive]`
 * document, client/src/commands/networkXml.ts, or a VM's definition, opened
 * read-only by the VM commands as `virtnet-vm:/HOST/VM.xml?live|inactive`,
 * client/src/commands/vmXml.ts).
 *
 * A host document is not a second definition in the workspace: it is what
 * the host runs (or will run once saved). So the service checks it on its
 * own (schema, rules) but keeps it out of the cross-file index: it is not
 * paired with workspace files, nor with any host's facts (its own host's
 * facts describe the same network; another host is another machine, where
 * the same name, UUID, bridge, MAC or subnet is no clash), nor with other
 * host documents (the live and inactive views of one network).
 */

/** URI schemes of documents read from a KVM host. */
export const HOST_DOCUMENT_SCHEMES: readonly string[] = ['virtnet-net', 'virtnet-vm'];

export type DocumentScope = { readonly kind: 'workspace' } | { readonly kind: 'host'; readonly host: string };

const WORKSPACE: DocumentScope = { kind: 'workspace' };

/** The document's scope; for a host document, the host's name as the URI carries it. */
export function scopeOf(uri: string): DocumentScope {
  const colon = uri.indexOf(':');
  if (colon <= 0 || !HOST_DOCUMENT_SCHEMES.includes(uri.slice(0, colon).toLowerCase())) return WORKSPACE;
  // `scheme:/HOST/…` or `scheme:///HOST/…` (an empty authority), HOST percent-encoded.
  const m = /^[^:]+:(?:\/\/[^/?#]*)?\/([^/?#]*)/.exec(uri);
  return { kind: 'host', host: m ? decodeSegment(m[1]) : '' };
}

export function isHostDocument(uri: string): boolean {
  return scopeOf(uri).kind === 'host';
}

/** A URI segment decoded, then the client's own escapes (`escapeHostPathSegment`) undone. */
function decodeSegment(s: string): string {
  let d = s;
  try {
    d = decodeURIComponent(s);
  } catch {
    // Malformed escapes: keep the text as it is.
  }
  return unescapeHostPathSegment(d);
}

/** U+2215 DIVISION SLASH: how a `/` of a name reads in a host document's path (and breadcrumb). */
const SLASH = '\u2215';
const SLASH_ESCAPED = '%E2%88%95';

/**
 * A host or object name as one segment of a host document's path
 * (`virtnet-net:/HOST/NAME.xml`, `virtnet-vm:/HOST/VM.xml`): a `/` becomes
 * `∕` (U+2215), so the editor's breadcrumb and tab read `test:∕∕∕default`,
 * not `test:%2F%2F%2Fdefault`; a `∕` of the name itself becomes
 * `%E2%88%95` and a `%` `%25`, so every name round-trips. The client builds
 * the URIs with it (client/src/commands/networkXml.ts, vmXml.ts).
 */
export function escapeHostPathSegment(name: string): string {
  return name.replace(/[%/\u2215]/g, (c) => (c === '%' ? '%25' : c === '/' ? SLASH : SLASH_ESCAPED));
}

/** The name of a segment made by `escapeHostPathSegment` (also the older `%2F` for `/`). */
export function unescapeHostPathSegment(segment: string): string {
  return segment.replace(/%25|%2F|%E2%88%95|\u2215/gi, (m) => {
    if (m === SLASH) return '/';
    const u = m.toUpperCase();
    return u === '%25' ? '%' : u === '%2F' ? '/' : SLASH;
  });
}
