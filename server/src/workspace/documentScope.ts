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

/** A URI segment decoded, then the client's own escapes of `/` and `%` (networkXml.ts) undone. */
function decodeSegment(s: string): string {
  let d = s;
  try {
    d = decodeURIComponent(s);
  } catch {
    // Malformed escapes: keep the text as it is.
  }
  return d.replace(/%2F/gi, '/').replace(/%25/g, '%');
}
