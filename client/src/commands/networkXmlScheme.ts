/**
 * The URI schemes of a host's network documents (`virtnet-net:`), of its
 * VMs' read-only definitions (`virtnet-vm:`) and of the host objects the
 * language server's related information points at (`virtnet-host:`), on their own
 * so that the extension's entry bundle and the language client can name it
 * without loading the remote layer (networkXml.ts and vmXml.ts have the URIs' format).
 */
export const NETWORK_XML_SCHEME = 'virtnet-net';

export const VM_XML_SCHEME = 'virtnet-vm';

/** The language server's `virtnet-host://HOST/…` (server/src/workspace/kvmHosts.ts); hostObjectUri.ts reads it. */
export const HOST_OBJECT_SCHEME = 'virtnet-host';
