/**
 * Names that tie files together, for go-to-definition, find references and
 * rename: network names and bridge names.
 *
 * - A network is declared by its `<name>` and used by `<source network='…'>`
 *   in VM interfaces (domain XML or a lone `<interface>` device).
 * - A bridge is declared by a network that creates it (`<bridge name='…'>`
 *   with no forward mode, or nat/route/open), or by the host: a host
 *   interface definition (`<interface type='bridge' name='…'>` for
 *   `virsh iface-define`), a netplan `bridges:` entry, an interfaces stanza
 *   `iface br0 …` with `bridge_ports`. It is used by `<source bridge='…'>` in
 *   VM interfaces and by the `<bridge name='…'>` of a `<forward mode='bridge'>`
 *   network (which attaches to a bridge the host already has).
 *
 * netplan and interfaces files describe the host of their workspace folder:
 * they are linked only with libvirt files of the same folder, as the
 * libvirt/missing-bridge check judges.
 *
 * Cross-file lookups go through the workspace index (which already keys files
 * by network name, bridge name, host bridge and NIC source), so they cost one
 * map lookup, not a scan of the workspace.
 */
import { attr, elementAt, type XmlAttribute, type XmlElement } from '../../parse/xml';
import type { Span } from '../../parse/span';
import type { DocumentView, FeatureContext } from '../context';
import type { HostBridge } from '../../workspace/workspaceIndex';

export type NameKind = 'network' | 'bridge';

/** How the name is written where it occurs, for escaping a replacement. */
export type Quoting = 'text' | "'" | '"';

export interface NameOccurrence {
  readonly uri: string;
  /** The raw name text (inside the quotes, or the trimmed element text). */
  readonly span: Span;
  readonly role: 'declaration' | 'reference';
  readonly quoting: Quoting;
  /** What holds the name, for messages: "network 'lab'", "host bridge br0"… */
  readonly what: string;
  /** Where it is written: a network's <name> or <bridge>, a VM interface <source>, or the kind of file that defines a host bridge. */
  readonly holder: 'network-name' | 'network-bridge' | 'vm-interface' | HostBridgeHolder;
}

/** The kinds of files that define host bridges. */
export type HostBridgeHolder = 'libvirt-host-interface' | 'netplan' | 'ifupdown';

/** Host configuration files (not libvirt XML), whose bridges are the host's own. */
export function isHostConfig(holder: NameOccurrence['holder']): holder is 'netplan' | 'ifupdown' {
  return holder === 'netplan' || holder === 'ifupdown';
}

/** The name under the cursor. */
export interface NameAt {
  readonly kind: NameKind;
  readonly name: string;
  readonly occurrence: NameOccurrence;
}

/** Forward modes in which libvirt creates (and names) the network's bridge itself. */
const MANAGED_MODES: ReadonlySet<string | undefined> = new Set([undefined, 'nat', 'route', 'open']);

export function isManagedBridge(forwardMode: string | undefined): boolean {
  return MANAGED_MODES.has(forwardMode);
}

function inside(s: Span, offset: number): boolean {
  return offset >= s.start && offset <= s.end;
}

function quotingOf(text: string, valueSpan: Span): Quoting {
  const q = text[valueSpan.start - 1];
  return q === '"' ? '"' : "'";
}

/** The attribute `name` of `el` when the cursor is on it (its name or its value) and it has a value. */
function attrAt(el: XmlElement, name: string, offset: number): XmlAttribute | undefined {
  const a = attr(el, name);
  if (!a || a.value === undefined || !a.valueSpan) return undefined;
  return inside(a.span, offset) ? a : undefined;
}

/** The effective forward mode of a network root: undefined without <forward>, nat for <forward/>. */
function forwardModeOf(root: XmlElement): string | undefined {
  const fwd = root.children.find((c) => c.name === 'forward');
  if (!fwd) return undefined;
  return attr(fwd, 'mode')?.value ?? 'nat';
}

function networkNameOf(root: XmlElement): string | undefined {
  const el = root.children.find((c) => c.name === 'name');
  const v = el?.text.trim();
  return v ? v : undefined;
}

/** Is `el` an `<interface>` device of a VM (inside `<devices>`, or the root of a lone device file)? */
function isVmInterface(doc: DocumentView, el: XmlElement | undefined): boolean {
  if (!el || el.name !== 'interface') return false;
  if (doc.kind === 'libvirt-domain-interface') return el.parent === undefined;
  return doc.kind === 'libvirt-domain' && el.parent?.name === 'devices';
}

/** The network or bridge name at `offset` in the current document, if any. */
export function nameAt(ctx: FeatureContext, offset: number): NameAt | undefined {
  const doc = ctx.doc;
  if (doc.format === 'netplan' || doc.format === 'ifupdown') return hostConfigBridgeAt(ctx, offset);
  const root = doc.xml?.root;
  if (!root || !doc.kind) return undefined;
  const el = elementAt(root, offset);
  if (!el) return undefined;
  const uri = doc.uri;

  if (doc.kind === 'libvirt-network') {
    if (el.name === 'name' && el.parent === root) {
      if (!el.textSpan || el.children.length > 0) return undefined;
      // On the name itself or on the tag's name, not anywhere around the element.
      if (!inside(el.textSpan, offset) && !inside(el.nameSpan, offset)) return undefined;
      const name = el.text.trim();
      if (!name) return undefined;
      const what = `network '${name}'`;
      return { kind: 'network', name, occurrence: { uri, span: el.textSpan, role: 'declaration', quoting: 'text', what, holder: 'network-name' } };
    }
    if (el.name === 'bridge' && el.parent === root) {
      const a = attrAt(el, 'name', offset);
      if (!a || !a.value) return undefined;
      const managed = isManagedBridge(forwardModeOf(root));
      const net = networkNameOf(root);
      const what = managed ? `bridge of network '${net ?? '?'}'` : `host bridge used by network '${net ?? '?'}'`;
      return {
        kind: 'bridge',
        name: a.value,
        occurrence: { uri, span: a.valueSpan!, role: managed ? 'declaration' : 'reference', quoting: quotingOf(doc.text, a.valueSpan!), what, holder: 'network-bridge' },
      };
    }
    return undefined;
  }

  if (doc.kind === 'libvirt-host-interface') {
    if (el !== root || attr(root, 'type')?.value !== 'bridge') return undefined;
    const a = attrAt(root, 'name', offset);
    if (!a || !a.value) return undefined;
    return {
      kind: 'bridge',
      name: a.value,
      occurrence: { uri, span: a.valueSpan!, role: 'declaration', quoting: quotingOf(doc.text, a.valueSpan!), what: `host bridge ${a.value}`, holder: 'libvirt-host-interface' },
    };
  }

  // Domain XML or a lone <interface> device.
  if (el.name === 'source' && isVmInterface(doc, el.parent)) {
    for (const kind of ['network', 'bridge'] as const) {
      const a = attrAt(el, kind, offset);
      if (!a || !a.value) continue;
      const what = `VM interface using ${kind} '${a.value}'`;
      return { kind, name: a.value, occurrence: { uri, span: a.valueSpan!, role: 'reference', quoting: quotingOf(doc.text, a.valueSpan!), what, holder: 'vm-interface' } };
    }
  }
  return undefined;
}

// ---- where a name occurs across the workspace ----

function attrQuoting(ctx: FeatureContext, uri: string, span: Span): Quoting {
  const text = ctx.document(uri)?.text;
  return text ? quotingOf(text, span) : "'";
}

/** Networks named `name`: their `<name>` text. */
export function networkDeclarations(ctx: FeatureContext, name: string): NameOccurrence[] {
  return ctx.workspace
    .networksNamed(name)
    .filter((f) => f.networkName)
    .map((f) => ({ uri: f.uri, span: f.networkName!.span, role: 'declaration' as const, quoting: 'text' as const, what: `network '${name}'`, holder: 'network-name' }));
}

/** `<source network='name'>` of VM interfaces. */
export function networkReferences(ctx: FeatureContext, name: string): NameOccurrence[] {
  return ctx.workspace
    .nicsUsingNetwork(name)
    .map((l) => ({ uri: l.uri, span: l.span, role: 'reference' as const, quoting: attrQuoting(ctx, l.uri, l.span), what: `VM interface using network '${name}'`, holder: 'vm-interface' }));
}

const HOST_BRIDGE_WHAT: Record<HostBridgeHolder, (name: string) => string> = {
  'libvirt-host-interface': (name) => `host bridge ${name}`,
  netplan: (name) => `netplan bridge ${name}`,
  ifupdown: (name) => `bridge ${name} of an interfaces file`,
};

function hostBridgeOccurrence(ctx: FeatureContext, b: HostBridge): NameOccurrence | undefined {
  const kind = ctx.workspace.facts(b.uri)?.kind;
  if (kind !== 'libvirt-host-interface' && kind !== 'netplan' && kind !== 'ifupdown') return undefined;
  const quoting = kind === 'libvirt-host-interface' ? attrQuoting(ctx, b.uri, b.span) : 'text';
  return { uri: b.uri, span: b.span, role: 'declaration', quoting, what: HOST_BRIDGE_WHAT[kind](b.name), holder: kind };
}

/** The bridges the host defines under `name`: host-interface XML, netplan `bridges:`, interfaces stanzas with bridge ports. */
export function hostBridgeDeclarations(ctx: FeatureContext, name: string): NameOccurrence[] {
  return ctx.workspace.hostBridgesNamed(name).flatMap((b) => hostBridgeOccurrence(ctx, b) ?? []);
}

/** The bridge a netplan or interfaces file defines at `offset` (its `bridges:` key, its `iface` name). */
function hostConfigBridgeAt(ctx: FeatureContext, offset: number): NameAt | undefined {
  const b = ctx.workspace.facts(ctx.doc.uri)?.hostBridges?.find((x) => inside(x.span, offset));
  const occurrence = b && hostBridgeOccurrence(ctx, b);
  return occurrence && { kind: 'bridge', name: b.name, occurrence };
}

/**
 * Every `<bridge name='name'>` of a network: a declaration when libvirt
 * creates the bridge, a reference when the network attaches to a host bridge.
 */
export function networkBridges(ctx: FeatureContext, name: string): NameOccurrence[] {
  return ctx.workspace.networksWithBridge(name).flatMap((f) => {
    if (!f.bridgeName) return [];
    const managed = isManagedBridge(f.forwardMode);
    const net = f.networkName?.value ?? '?';
    return [
      {
        uri: f.uri,
        span: f.bridgeName.span,
        role: managed ? ('declaration' as const) : ('reference' as const),
        quoting: attrQuoting(ctx, f.uri, f.bridgeName.span),
        what: managed ? `bridge of network '${net}'` : `host bridge used by network '${net}'`,
        holder: 'network-bridge',
      },
    ];
  });
}

/** Every occurrence of a name, declarations first, in a stable order (uri, then offset), without duplicates. */
export function occurrences(ctx: FeatureContext, kind: NameKind, name: string): NameOccurrence[] {
  const all =
    kind === 'network'
      ? [...networkDeclarations(ctx, name), ...networkReferences(ctx, name)]
      : [...networkBridges(ctx, name), ...hostBridgeDeclarations(ctx, name), ...bridgeReferences(ctx, name)];
  const seen = new Set<string>();
  const out: NameOccurrence[] = [];
  // A netplan or interfaces file pairs only with files of its own workspace folder.
  const here = ctx.workspace.folderOf(ctx.doc.uri);
  const fromHostConfig = ctx.doc.format === 'netplan' || ctx.doc.format === 'ifupdown';
  for (const o of all) {
    if ((fromHostConfig || isHostConfig(o.holder)) && ctx.workspace.folderOf(o.uri) !== here) continue;
    const key = `${o.uri}#${o.span.start}`;
    if (seen.has(key)) continue;
    seen.add(key);
    out.push(o);
  }
  return out.sort((a, b) =>
    a.role !== b.role ? (a.role === 'declaration' ? -1 : 1) : a.uri < b.uri ? -1 : a.uri > b.uri ? 1 : a.span.start - b.span.start,
  );
}

/** `<source bridge='name'>` of VM interfaces. */
export function bridgeReferences(ctx: FeatureContext, name: string): NameOccurrence[] {
  return ctx.workspace
    .nicsUsingBridge(name)
    .map((l) => ({ uri: l.uri, span: l.span, role: 'reference' as const, quoting: attrQuoting(ctx, l.uri, l.span), what: `VM interface using bridge '${name}'`, holder: 'vm-interface' }));
}

/** Whether a bridge name is already declared or used anywhere in the workspace (network, host interface, provider). */
export function bridgeNameTaken(ctx: FeatureContext, name: string): NameOccurrence | undefined {
  return networkBridges(ctx, name)[0] ?? hostBridgeDeclarations(ctx, name)[0];
}
