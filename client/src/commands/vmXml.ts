/**
 * A VM's definition as a read-only document, without VS Code: the URIs of
 * the `virtnet-vm:` file system (vmXmlFs.ts) and what reading one does.
 *
 * `virtnet-vm:/HOST/NAME.xml?live` is the running VM's XML (`dumpxml`),
 * `?inactive` the saved configuration (`dumpxml --inactive`, what the next
 * start uses). Names are escaped as in networkXml.ts
 * (`escapeHostPathSegment`: `/` reads `∕`, `%` is `%25`). The VM is addressed by the UUID the last refresh read for that
 * name, never by its name (domainCommands.ts says why).
 */
import { ok, vmDumpXml, type Result, type RunOnHost } from '../remote';
import { escapeHostPathSegment, unescapeHostPathSegment } from '../../../server/src/workspace/documentScope';

export { VM_XML_SCHEME } from './networkXmlScheme';

export interface VmXmlRef {
  readonly host: string;
  readonly vm: string;
  readonly view: 'live' | 'inactive';
}

const escape = escapeHostPathSegment;
const unescape = unescapeHostPathSegment;

export function vmXmlUriParts(ref: VmXmlRef): { path: string; query: string } {
  return { path: `/${escape(ref.host)}/${escape(ref.vm)}.xml`, query: ref.view };
}

export function parseVmXmlUri(path: string, query: string): VmXmlRef | undefined {
  const m = /^\/([^/]*)\/([^/]*)\.xml$/.exec(path);
  if (!m || (query !== 'live' && query !== 'inactive')) return undefined;
  return { host: unescape(m[1]), vm: unescape(m[2]), view: query };
}

/** The XML as virsh prints it; `inactive` for a VM that does not run is the same saved configuration. */
export async function readVmXml(run: RunOnHost, uuid: string, view: VmXmlRef['view']): Promise<Result<string>> {
  const r = await run(vmDumpXml(uuid, { inactive: view === 'inactive' }));
  return r.ok ? ok(r.value.xml) : r;
}
