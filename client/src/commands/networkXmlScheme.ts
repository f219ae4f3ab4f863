/**
 * The URI schemes of a host's network documents (`virtnet-net:`) and of its
 * VMs' read-only definitions (`virtnet-vm:`), on their own
 * so that the extension's entry bundle and the language client can name it
 * without loading the remote layer (networkXml.ts and vmXml.ts have the URIs' format).
 */
export const NETWORK_XML_SCHEME = 'virtnet-net';

export const VM_XML_SCHEME = 'virtnet-vm';
