/**
 * A host's network definition as a document, without VS Code: the URIs of
 * the `virtnet-net:` file system (networkXmlFs.ts) and what reading and
 * saving one does on the host.
 *
 * `virtnet-net:/HOST/NAME.xml` is the definition `virsh net-edit` edits
 * (`net-dumpxml --inactive`: what the next start uses); saving it runs
 * `net-define` with the text. `?live` and `?inactive` are read-only views of
 * the running state and of the persistent definition. In the path, host and
 * network names are escaped by `escapeHostPathSegment` (`/` reads `∕`,
 * `%` is `%25`; server/src/workspace/documentScope.ts), so any name
 * round-trips, the tab still shows `NAME.xml` and the breadcrumb reads
 * `test:∕∕∕default` rather than `test:%2F%2F%2Fdefault`.
 */
import { batch, fail, netDefine, netDumpXml, netInfo, ok, type Result, type RunOnHost } from '../remote';
import { escapeHostPathSegment, unescapeHostPathSegment } from '../../../server/src/workspace/documentScope';
import { NETWORK_XML_SCHEME } from './networkXmlScheme';
import { definedName } from './networkXmlText';

export { NETWORK_XML_SCHEME };

/** `edit`: the definition to edit and save; `live`, `inactive`: read-only. */
export type XmlView = 'edit' | 'live' | 'inactive';

export interface NetworkXmlRef {
  readonly host: string;
  readonly network: string;
  readonly view: XmlView;
}

const escape = escapeHostPathSegment;
const unescape = unescapeHostPathSegment;

/** The path and query of a reference's URI (scheme NETWORK_XML_SCHEME). */
export function networkXmlUriParts(ref: NetworkXmlRef): { path: string; query: string } {
  return { path: `/${escape(ref.host)}/${escape(ref.network)}.xml`, query: ref.view === 'edit' ? '' : ref.view };
}

export function parseNetworkXmlUri(path: string, query: string): NetworkXmlRef | undefined {
  const m = /^\/([^/]*)\/([^/]*)\.xml$/.exec(path);
  if (!m) return undefined;
  const view: XmlView | undefined = query === '' ? 'edit' : query === 'live' || query === 'inactive' ? query : undefined;
  if (!view) return undefined;
  return { host: unescape(m[1]), network: unescape(m[2]), view };
}

/** The XML a reference shows, as virsh prints it. */
export async function readNetworkXml(run: RunOnHost, ref: NetworkXmlRef): Promise<Result<string>> {
  const r = await run(netDumpXml(ref.network, { inactive: ref.view !== 'live' }));
  return r.ok ? ok(r.value.xml) : r;
}

/**
 * Saves an edited definition: `net-define` with the text and `net-info` in
 * one round trip. A text that names another network is refused (saving it
 * would define a second network, not change this one). The value is the
 * message to show.
 */
export async function saveNetworkXml(host: string, run: RunOnHost, network: string, text: string): Promise<Result<string>> {
  const named = definedName(text);
  if (named !== network) {
    return fail(
      'internal',
      `This document is network '${network}' on ${host}, but the XML ${named === undefined ? 'names no network' : `names '${named}'`}: saving it would not change '${network}'. To define another network, use "Define Network on Host" on a file.`,
    );
  }
  let r = await run(batch([netDefine(text, { validate: true }), netInfo(network)] as const));
  if (r.ok && !r.value[0].ok && /--validate/.test(r.value[0].error.stderr)) r = await run(batch([netDefine(text), netInfo(network)] as const));
  if (!r.ok) return r;
  const [defined, info] = r.value;
  if (!defined.ok) return fail('command', `libvirt refused the definition of '${network}' on ${host}: ${defined.error.message}`, defined.error.stderr);
  const running = info.ok && info.value.active;
  return ok(`Network '${network}' redefined on ${host}.${running ? ' It is running: the new definition applies when it is stopped and started again.' : ''}`);
}
