/**
 * Reading and adjusting network XML text as libvirt reads it.
 *
 * `definedName`: the name libvirt takes from `<name>`, which it does not trim
 * (our model trims values for checks; a network named ' ' exists).
 *
 * `withUuid`: libvirt replaces a network's definition only when the new XML carries the
 * network's UUID (a definition without one gets a fresh UUID, and libvirt
 * refuses: "network 'x' already exists with uuid …"). When the user agreed to
 * replace an existing network and the XML has no `<uuid>`, the text sent is
 * the XML with the existing UUID inserted after `<name>`, as `virsh net-edit`
 * keeps it. The user's file is not changed.
 */
import { parseXml } from '../../../server/src/parse/xml';

/** The XML with `<uuid>UUID</uuid>` after the root's `<name>`; unchanged when it has a uuid or no name. */
export function withUuid(xml: string, uuid: string): string {
  const root = parseXml(xml).root;
  if (!root || root.children.some((c) => c.name === 'uuid')) return xml;
  const name = root.children.find((c) => c.name === 'name');
  if (!name) return xml;
  const lineStart = xml.lastIndexOf('\n', name.span.start) + 1;
  const indent = /^[ \t]*/.exec(xml.slice(lineStart, name.span.start))?.[0] ?? '';
  const at = name.span.end;
  return `${xml.slice(0, at)}\n${indent}<uuid>${uuid}</uuid>${xml.slice(at)}`;
}

/** The text of the root's `<name>` exactly as libvirt reads it (entities decoded, nothing trimmed). */
export function definedName(xml: string): string | undefined {
  const root = parseXml(xml).root;
  if (root?.name !== 'network') return undefined;
  return root.children.find((c) => c.name === 'name')?.text;
}
