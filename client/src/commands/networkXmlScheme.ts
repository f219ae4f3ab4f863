/**
 * The URI scheme of a host's network documents (`virtnet-net:`), on its own
 * so that the extension's entry bundle and the language client can name it
 * without loading the remote layer (networkXml.ts has the URIs' format).
 */
export const NETWORK_XML_SCHEME = 'virtnet-net';
