/**
 * Completion for libvirt network, host-interface and domain NIC XML.
 *
 * The cursor's situation (situation.ts) decides what is offered:
 * - after `<` or in element content: the child elements the RelaxNG grammar
 *   allows there, judged on the whole parent (an element allowed once is
 *   not offered when the parent has it, even further down; schemaAt.ts, the
 *   grammar the validator uses), inserted as
 *   snippets with their required attributes; some elements come filled with
 *   generated values (`<uuid>`, `<mac>`, `<ip>` with a free /24 and a DHCP
 *   range, DHCP `<host>`, `<range>`), and whole templates where they fit
 *   (templates.ts: networks in an empty file, NICs in `<devices>`, a static
 *   host in `<dhcp>`);
 * - after `</`: the end tag of the open element;
 * - in a start tag: the attributes still allowed (required ones first);
 * - in an attribute value (quoted or not, closed or not): the enumerated
 *   values, and generated ones (MAC, addresses, network and bridge names).
 *
 * Domain XML: only NICs are in VirtNet's scope. Inside `<devices>` the
 * `interface` element and the NIC templates are offered; inside an
 * `<interface>` everything works as in a lone NIC file; elsewhere in a
 * domain nothing is offered.
 */
import type { CompletionItem, CompletionList, Range } from 'vscode-languageserver-types';
import { toRange } from '../../parse/lineIndex';
import type { Span } from '../../parse/span';
import type { XmlElement } from '../../parse/xml';
import type { FeatureContext } from '../context';
import { freeHostAddress, freshMac, freshUuid } from '../freshValues';
import { freeBridgeName, freeNetworkName, freeSubnet, hostBridgeNames, ipBlockOf, sourceNetworkValues } from './suggestedValues';
import { attributeChoices, attributeValues, childChoices, rootChoices, shapeOf, textValues, type ElementChoice } from './schemaAt';
import { situationAt, type Situation } from './situation';
import { escapeSnippet } from './snippetText';
import { TEMPLATES, type Fill, type TemplateScope } from './templates';
import { ipSubnet } from '../../model/libvirt';
import { formatAddr } from '../../net/ip';
import { netplanComplete } from '../netplan';
import { ifupdownComplete } from '../ifupdown';

// LSP constants (vscode-languageserver-types enums, written out to keep this file free of value imports).
const Kind = { Text: 1, Field: 5, Property: 10, Value: 12, Snippet: 15, EnumMember: 20 } as const;
const SNIPPET = 2; // InsertTextFormat.Snippet
const PLAIN = 1;
const ADJUST_INDENTATION = 2; // InsertTextMode.adjustIndentation
const TRIGGER_SUGGEST = { title: 'Suggest', command: 'editor.action.triggerSuggest' };

const EMPTY: CompletionList = { isIncomplete: false, items: [] };

/** Completion at `offset`. */
export function complete(ctx: FeatureContext, offset: number): CompletionList {
  if (ctx.doc.format === 'netplan') return netplanComplete(ctx, offset);
  if (ctx.doc.format === 'ifupdown') return ifupdownComplete(ctx, offset);
  const sit = situationAt(ctx.doc.text, ctx.doc.xml, offset);
  const c = new Collector(ctx);
  switch (sit.kind) {
    case 'elementName':
      elementNameItems(c, sit);
      break;
    case 'endTag':
      if (sit.open) c.add({ label: `/${sit.open.name}`, kind: Kind.Property, detail: 'end tag', filterText: `</${sit.open.name}`, edit: sit.replace, text: `</${sit.open.name}>`, snippet: false });
      break;
    case 'attrName':
      attrNameItems(c, sit);
      break;
    case 'attrValue':
      attrValueItems(c, sit);
      break;
    case 'content':
      contentItems(c, sit);
      break;
    default:
      return EMPTY;
  }
  return { isIncomplete: false, items: c.items };
}

interface ItemSpec {
  label: string;
  kind: number;
  detail?: string;
  documentation?: string;
  filterText?: string;
  sortText?: string;
  edit: Span;
  text: string;
  snippet: boolean;
  retrigger?: boolean;
}

class Collector {
  readonly items: CompletionItem[] = [];
  private fillCache: Fill | undefined;
  constructor(readonly ctx: FeatureContext) {}

  range(s: Span): Range {
    return toRange(this.ctx.doc.lineIndex, s);
  }

  add(s: ItemSpec): void {
    const item: CompletionItem = {
      label: s.label,
      kind: s.kind as CompletionItem['kind'],
      textEdit: { range: this.range(s.edit), newText: s.text },
      insertTextFormat: (s.snippet ? SNIPPET : PLAIN) as CompletionItem['insertTextFormat'],
    };
    if (s.detail) item.detail = s.detail;
    if (s.documentation) item.documentation = { kind: 'markdown', value: s.documentation };
    if (s.filterText) item.filterText = s.filterText;
    if (s.sortText) item.sortText = s.sortText;
    if (s.snippet && s.text.includes('\n')) item.insertTextMode = ADJUST_INDENTATION as CompletionItem['insertTextMode'];
    if (s.retrigger) item.command = TRIGGER_SUGGEST;
    this.items.push(item);
  }

  /** Fresh values for templates, computed once per request. */
  fill(): Fill {
    if (this.fillCache) return this.fillCache;
    const ctx = this.ctx;
    const sub = freeSubnet(ctx);
    const nets = sourceNetworkValues(ctx).map((v) => v.value);
    const bridges = hostBridgeNames(ctx);
    const choice = (n: number, vals: string[], dflt: string) =>
      vals.length > 1 ? `\${${n}|${vals.map((v) => v.replace(/[,|\\$}]/g, (x) => `\\${x}`)).join(',')}|}` : `\${${n}:${escapeSnippet(vals[0] ?? dflt)}}`;
    return (this.fillCache = {
      uuid: freshUuid(),
      mac: freshMac(ctx.workspace),
      net: () => sub.base,
      hostIp: `${sub.base}.10`,
      hostName: '${1:vm1}',
      bridge: `\${2:${freeBridgeName(ctx)}}`,
      hostBridge: choice(2, bridges, 'br0'),
      sourceNetwork: choice(1, nets, 'default'),
      name: (n) => `\${1:${escapeSnippet(freeNetworkName(ctx, n))}}`,
    });
  }

  /** Template items of a scope; `lt` when a `<` is already typed (the edit then starts there). */
  templates(scope: TemplateScope, edit: Span, fill: Fill = this.fill()): void {
    for (const t of TEMPLATES) {
      if (t.scope !== scope) continue;
      const f = scope === 'nic' ? { ...fill, hostBridge: fill.hostBridge.replace(/^\$\{2/, '${1') } : fill;
      const body = t.body(f);
      const root = /^<([\w-]+)/.exec(body)![1];
      const typed = this.ctx.doc.text.slice(edit.start, edit.end);
      this.add({
        label: t.label,
        kind: Kind.Snippet,
        detail: 'VirtNet template (fresh UUID, MAC and subnet)',
        documentation: `${t.description}\n\n\`\`\`xml\n${body.replace(/\$\{\d+[:|]([^}|]*)\|?\}/g, '$1').replace(/\$\d/g, '')}\n\`\`\``,
        filterText: typed.startsWith('<') ? `<${root} ${t.prefix}` : t.prefix,
        sortText: `9${t.label}`,
        edit,
        text: body,
        snippet: true,
      });
    }
  }
}

// ---------------------------------------------------------------- helpers

/** `<devices>` of a domain (where NICs go). */
function isDomainDevices(ctx: FeatureContext, el: XmlElement | undefined): boolean {
  return ctx.doc.kind === 'libvirt-domain' && !!el && el.name === 'devices' && el.parent === ctx.doc.xml?.root;
}

/** Inside a NIC of a domain, or any element of the other kinds. */
function inSchemaScope(ctx: FeatureContext, el: XmlElement): boolean {
  if (!ctx.doc.kind || !ctx.doc.xml) return false;
  if (ctx.doc.kind !== 'libvirt-domain') return true;
  for (let e: XmlElement | undefined = el; e; e = e.parent) if (e.name === 'interface' && isDomainDevices(ctx, e.parent)) return true;
  return false;
}

/** The network's forward mode as libvirt reads it (undefined: isolated). */
function forwardMode(ctx: FeatureContext): string | undefined {
  const m = ctx.doc.model;
  if (!m || m.kind !== 'libvirt-network' || !m.forward) return undefined;
  return m.forwardMode?.value ?? 'nat';
}

/** The /24 (or other) subnet of the `<ip>` holding `el`: base address helpers for ranges and hosts. */
function subnetInfo(ctx: FeatureContext, el: XmlElement): { first: string; from101: string; last: string } | undefined {
  const ip = ipBlockOf(ctx, el);
  const s = ip && ipSubnet(ip);
  if (!s || s.subnet.family !== 4) return undefined;
  const size = 1n << BigInt(32 - s.prefix);
  if (size < 8n) return undefined;
  const net = s.subnet.network;
  const gw = s.addr.value;
  const first = gw === net + 1n ? net + 2n : net + 1n;
  const last = net + size - 2n;
  const mid = size >= 256n ? net + 101n : net + size / 2n;
  const fmt = (v: bigint) => formatAddr({ family: 4, value: v });
  return { first: fmt(first), from101: fmt(mid), last: fmt(last) };
}

// ---------------------------------------------------------------- element names

/** The snippet text of a new element (without the leading `<`), with generated values where the element wants them. */
function elementBodies(c: Collector, parent: XmlElement | undefined, choice: ElementChoice): { label: string; text: string; detail: string; doc?: string }[] {
  const ctx = c.ctx;
  const name = choice.name;
  const pname = parent?.name;
  const isNet = ctx.doc.kind === 'libvirt-network';
  if (name === 'uuid') {
    const u = freshUuid();
    return [{ label: 'uuid', text: `<uuid>${u}</uuid>`, detail: 'element, with a fresh UUID', doc: `Fresh UUID \`${u}\`` }];
  }
  if (name === 'mac' && choice.patterns.length && shapeOf(choice).attributes.some((a) => a.name === 'address')) {
    const mac = freshMac(ctx.workspace);
    return [{ label: 'mac', text: `<mac address='${mac}'/>`, detail: 'element, with a fresh MAC', doc: `\`${mac}\`: libvirt's 52:54:00 prefix, unused in the workspace` }];
  }
  if (isNet && name === 'ip' && pname === 'network') {
    const s = freeSubnet(ctx);
    const mk = (from: number) =>
      `<ip address='${s.gateway}' prefix='24'>\n  <dhcp>\n    <range start='${s.base}.${from}' end='${s.base}.254'/>\n  </dhcp>\n</ip>`;
    return [
      { label: 'ip', text: mk(2), detail: `element: ${s.base}.0/24, DHCP .2–.254`, doc: `The first private /24 no workspace network uses.\n\n\`\`\`xml\n${mk(2)}\n\`\`\`` },
      { label: 'ip (DHCP .101–.254)', text: mk(101), detail: `element: ${s.base}.0/24, DHCP .101–.254`, doc: `Leaves .2–.100 for static addresses.\n\n\`\`\`xml\n${mk(101)}\n\`\`\`` },
      { label: 'ip (no DHCP)', text: `<ip address='${s.gateway}' prefix='24'/>`, detail: `element: ${s.base}.0/24` },
    ];
  }
  if (isNet && name === 'host' && pname === 'dhcp') {
    const ip = ipBlockOf(ctx, parent);
    const addr = ip && freeHostAddress(ip);
    const mac = freshMac(ctx.workspace);
    const n = (ip?.hosts.length ?? 0) + 1;
    const text = `<host mac='${mac}' name='\${1:vm${n}}' ip='${addr ?? '$2'}'/>`;
    return [{ label: 'host', text, detail: 'element: static DHCP host (fresh MAC, free address)' }];
  }
  if (isNet && name === 'range' && pname === 'dhcp' && parent) {
    const s = subnetInfo(ctx, parent);
    if (s) {
      return [
        { label: 'range', text: `<range start='${s.first}' end='${s.last}'/>`, detail: `element: ${s.first}–${s.last}` },
        { label: 'range (.101–.254)', text: `<range start='${s.from101}' end='${s.last}'/>`, detail: `element: ${s.from101}–${s.last}` },
      ];
    }
  }
  if (isNet && name === 'bridge' && pname === 'network') {
    const mode = forwardMode(ctx);
    if (mode === 'bridge') {
      const known = hostBridgeNames(ctx);
      return [{ label: 'bridge', text: `<bridge name='\${1:${escapeSnippet(known[0] ?? 'br0')}}'/>`, detail: 'element: the host bridge to plug guests into' }];
    }
    if (mode !== 'macvtap' && mode !== 'passthrough' && mode !== 'private' && mode !== 'vepa' && mode !== 'hostdev') {
      return [{ label: 'bridge', text: `<bridge name='\${1:${freeBridgeName(ctx)}}' stp='on' delay='0'/>`, detail: 'element: the bridge libvirt creates (unused name)' }];
    }
  }
  if (name === 'forward' && pname === 'network') {
    const vals = ['nat', 'route', 'open', 'bridge', 'private', 'vepa', 'passthrough', 'hostdev'];
    return [{ label: 'forward', text: `<forward mode='\${1|${vals.join(',')}|}'/>`, detail: 'element: how guests reach outside' }];
  }
  if (name === 'model' && pname === 'interface') {
    return [{ label: 'model', text: `<model type='\${1|virtio,e1000,e1000e,rtl8139|}'/>`, detail: 'element: the NIC model the guest sees' }];
  }
  // Generic: from the grammar.
  const shape = shapeOf(choice);
  let i = 0;
  const attrs = shape.attributes.map((a) => {
    i++;
    const vals = a.values.filter((v) => !/[,|]/.test(v));
    return ` ${a.name}='${vals.length > 1 ? `\${${i}|${vals.map(escapeSnippet).join(',')}|}` : vals.length === 1 ? escapeSnippet(vals[0]) : `$${i}`}'`;
  });
  const head = `<${name}${attrs.join('')}`;
  const text = shape.empty ? `${head}/>` : `${head}>$0</${name}>`;
  return [{ label: name, text, detail: choice.required ? 'element (required here)' : 'element' }];
}

function addElementItems(c: Collector, parent: XmlElement | undefined, choices: ElementChoice[], edit: Span, lt: boolean, nameOnly?: Span): void {
  choices.forEach((ch, idx) => {
    const order = `${ch.required ? '0' : '1'}${String(idx).padStart(3, '0')}`;
    if (nameOnly) {
      c.add({ label: ch.name, kind: Kind.Property, detail: ch.required ? 'element (required here)' : 'element', edit: nameOnly, text: ch.name, snippet: false, sortText: order });
      return;
    }
    elementBodies(c, parent, ch).forEach((b, k) => {
      c.add({
        label: b.label,
        kind: Kind.Property,
        detail: b.detail,
        documentation: b.doc,
        filterText: lt ? `<${ch.name}` : ch.name,
        sortText: `${order}${k}`,
        edit,
        text: b.text,
        snippet: true,
      });
    });
  });
}

function rootItems(c: Collector, edit: Span, lt: boolean): void {
  const roots: ElementChoice[] = [];
  for (const start of ['network', 'domainInterface'] as const) for (const ch of rootChoices(start)) if (!roots.some((r) => r.name === ch.name)) roots.push(ch);
  addElementItems(c, undefined, roots.map((r) => ({ ...r, required: false })), edit, lt);
  for (const scope of ['network-document', 'nic', 'host-interface-document'] as const) c.templates(scope, edit);
}

function elementNameItems(c: Collector, sit: Extract<Situation, { kind: 'elementName' }>): void {
  const ctx = c.ctx;
  const root = ctx.doc.xml?.root;
  const nameOnly = sit.tagContinues ? { start: sit.lt + 1, end: sit.replace.end } : undefined;
  if (!sit.parent) {
    if (root && root.span.start !== sit.lt) return;
    if (nameOnly) {
      for (const n of ['network', 'interface']) c.add({ label: n, kind: Kind.Property, edit: nameOnly, text: n, snippet: false });
      return;
    }
    rootItems(c, sit.replace, true);
    return;
  }
  childItems(c, sit.parent, sit.lt, sit.replace, true, nameOnly);
  if (!sit.parent.endTagSpan && !nameOnly) {
    c.add({ label: `/${sit.parent.name}`, kind: Kind.Property, detail: 'end tag', filterText: `</${sit.parent.name}`, sortText: '2', edit: sit.replace, text: `</${sit.parent.name}>`, snippet: false });
  }
}

/** Child element items of `parent` at `at`, plus the templates that fit there. */
function childItems(c: Collector, parent: XmlElement, at: number, edit: Span, lt: boolean, nameOnly?: Span): void {
  const ctx = c.ctx;
  if (isDomainDevices(ctx, parent)) {
    if (nameOnly) c.add({ label: 'interface', kind: Kind.Property, edit: nameOnly, text: 'interface', snippet: false });
    else c.templates('nic', edit);
    return;
  }
  const kind = ctx.doc.kind;
  if (!kind || !ctx.doc.xml || !inSchemaScope(ctx, parent)) return;
  const choices = childChoices(ctx.doc.xml, kind, parent, at, lt);
  addElementItems(c, parent, choices, edit, lt, nameOnly);
}

// ---------------------------------------------------------------- content

/**
 * The client asks for completion after a space, quote, `=` or `/` anywhere
 * (they are trigger characters for tags). In element content after text on
 * the same line, that is someone typing a value: offer nothing. A line of
 * indentation only still gets the element list (Ctrl+Space on a new line).
 */
function afterTriggerInText(text: string, wordStart: number, partial: string): boolean {
  if (partial.length > 0 || wordStart === 0) return false;
  const prev = text[wordStart - 1];
  if (prev === '>' || prev === '\n' || prev === '\r') return false;
  const lineStart = Math.max(text.lastIndexOf('\n', wordStart - 1), text.lastIndexOf('\r', wordStart - 1)) + 1;
  return text.slice(lineStart, wordStart).trim().length > 0 && !/>\s*$/.test(text.slice(lineStart, wordStart));
}

function contentItems(c: Collector, sit: Extract<Situation, { kind: 'content' }>): void {
  const ctx = c.ctx;
  const parent = sit.parent;
  if (!parent) {
    const root = ctx.doc.xml?.root;
    if (root && !(root.span.start >= sit.replace.end)) return;
    rootItems(c, sit.replace, false);
    return;
  }
  if (afterTriggerInText(ctx.doc.text, sit.replace.start, sit.partial)) return;
  const kind = ctx.doc.kind;
  if (kind && ctx.doc.xml && inSchemaScope(ctx, parent)) {
    if (parent.name === 'uuid' && parent.children.length === 0) {
      const u = freshUuid();
      c.add({ label: u, kind: Kind.Value, detail: 'fresh UUID', edit: sit.replace, text: u, snippet: false, sortText: '0' });
      return;
    }
    const tv = textValues(ctx.doc.xml, kind, parent);
    if (tv) {
      for (const v of tv.values) c.add({ label: v, kind: Kind.EnumMember, detail: tv.description, edit: sit.replace, text: v, snippet: false });
      return;
    }
  }
  childItems(c, parent, sit.replace.start, sit.replace, false);
}

// ---------------------------------------------------------------- attributes

/** Attributes whose value completion offers generated or workspace values. */
function hasGeneratedValues(ctx: FeatureContext, el: XmlElement, attr: string): boolean {
  return generatedValues(ctx, el, attr, true).length > 0;
}

function attrNameItems(c: Collector, sit: Extract<Situation, { kind: 'attrName' }>): void {
  const ctx = c.ctx;
  const kind = ctx.doc.kind;
  if (!kind || !ctx.doc.xml || !inSchemaScope(ctx, sit.el)) return;
  const typing = ctx.doc.text.slice(sit.replace.start, sit.replace.end);
  const choices = attributeChoices(ctx.doc.xml, kind, sit.el, typing || undefined);
  if (kind === 'libvirt-domain-interface' && sit.el === ctx.doc.xml.root) {
    // A lone <interface> without a name is read as a VM NIC; a `name` makes it a host interface: offer that too.
    for (const a of attributeChoices(ctx.doc.xml, 'libvirt-host-interface', sit.el, typing || undefined)) {
      if (!choices.some((x) => x.name === a.name)) choices.push({ ...a, description: `${a.description} (host interface XML, for virsh iface-define)` });
    }
  }
  choices.forEach((a, idx) => {
    const retrigger = a.values.length > 0 || hasGeneratedValues(ctx, sit.el, a.name);
    c.add({
      label: a.name,
      kind: Kind.Field,
      detail: `${a.required ? 'required' : 'optional'} attribute: ${a.description}`,
      sortText: `${a.required ? '0' : '1'}${String(idx).padStart(3, '0')}`,
      edit: sit.replace,
      text: sit.hasValue ? a.name : `${a.name}='$1'`,
      snippet: !sit.hasValue,
      retrigger: retrigger && !sit.hasValue,
    });
  });
}

const NIC_MODELS: readonly (readonly [string, string])[] = [
  ['virtio', 'paravirtualised, fastest (needs virtio drivers; Linux has them)'],
  ['e1000e', 'emulated Intel 82574, works without extra drivers'],
  ['e1000', 'emulated Intel 82540EM, for older guests'],
  ['rtl8139', 'emulated Realtek 8139 (the default when no model is given)'],
  ['vmxnet3', 'VMware paravirtual NIC'],
];

interface Generated {
  value: string;
  detail: string;
}

/** Values made up or looked up in the workspace for this attribute. `probe`: only say whether there are any (cheap). */
function generatedValues(ctx: FeatureContext, el: XmlElement, attr: string, probe = false): Generated[] {
  const isNet = ctx.doc.kind === 'libvirt-network';
  const n = el.name;
  if (attr === 'address' && n === 'mac') return probe ? [{ value: '', detail: '' }] : [{ value: freshMac(ctx.workspace), detail: 'fresh MAC (52:54:00, unused in the workspace)' }];
  if (isNet && n === 'host' && attr === 'mac') return probe ? [{ value: '', detail: '' }] : [{ value: freshMac(ctx.workspace), detail: 'fresh MAC (52:54:00, unused in the workspace)' }];
  if (isNet && n === 'ip' && attr === 'address' && el.parent?.name === 'network') {
    if (probe) return [{ value: '', detail: '' }];
    const s = freeSubnet(ctx);
    return [{ value: s.gateway, detail: `gateway of ${s.base}.0/24, a subnet no workspace network uses (add prefix='24')` }];
  }
  if (isNet && n === 'ip' && attr === 'prefix') return [{ value: '24', detail: '255.255.255.0' }];
  if (isNet && n === 'ip' && attr === 'netmask') return [{ value: '255.255.255.0', detail: '/24' }];
  if (isNet && n === 'host' && attr === 'ip') {
    if (probe) return [{ value: '', detail: '' }];
    const ip = ipBlockOf(ctx, el);
    const a = ip && freeHostAddress(ip);
    return a ? [{ value: a, detail: 'free address: in the subnet, outside the DHCP range, not used by another host' }] : [];
  }
  if (isNet && n === 'range' && (attr === 'start' || attr === 'end')) {
    const s = subnetInfo(ctx, el);
    if (!s) return [];
    return attr === 'start'
      ? [
          { value: s.first, detail: 'first usable address' },
          { value: s.from101, detail: 'leaves the low addresses for static hosts' },
        ]
      : [{ value: s.last, detail: 'last usable address' }];
  }
  if (n === 'model' && attr === 'type' && el.parent?.name === 'interface') {
    // A free string in the grammar: offer the models QEMU guests commonly use.
    return NIC_MODELS.map(([v, d]) => ({ value: v, detail: d }));
  }
  if (n === 'source' && attr === 'network') return sourceNetworkValues(ctx);
  if (n === 'source' && attr === 'bridge') return hostBridgeNames(ctx).map((v) => ({ value: v, detail: 'bridge known in the workspace' }));
  if (isNet && n === 'bridge' && attr === 'name' && el.parent?.name === 'network') {
    if (forwardMode(ctx) === 'bridge') return hostBridgeNames(ctx).map((v) => ({ value: v, detail: 'host bridge known in the workspace' }));
    return probe ? [{ value: '', detail: '' }] : [{ value: freeBridgeName(ctx), detail: 'bridge name no workspace network uses' }];
  }
  return [];
}

function attrValueItems(c: Collector, sit: Extract<Situation, { kind: 'attrValue' }>): void {
  const ctx = c.ctx;
  const kind = ctx.doc.kind;
  if (!kind || !ctx.doc.xml || !inSchemaScope(ctx, sit.el)) return;
  const wrap = (v: string) => (sit.quote === '' ? `'${v}'` : sit.closed ? v : `${v}${sit.quote}`);
  const seen = new Set<string>();
  let k = 0;
  for (const g of generatedValues(ctx, sit.el, sit.attr)) {
    if (seen.has(g.value)) continue;
    seen.add(g.value);
    c.add({ label: g.value, kind: Kind.Value, detail: g.detail, sortText: `0${k++}`, edit: sit.replace, text: wrap(g.value), snippet: false, filterText: sit.quote === '' ? `'${g.value}` : undefined });
  }
  const allowed = attributeValues(ctx.doc.xml, kind, sit.el, sit.attr);
  if (!allowed) return;
  allowed.values.forEach((v, i) => {
    if (seen.has(v)) return;
    seen.add(v);
    c.add({
      label: v,
      kind: Kind.EnumMember,
      detail: allowed.description,
      sortText: `1${String(i).padStart(3, '0')}`,
      edit: sit.replace,
      text: wrap(v),
      snippet: false,
      filterText: sit.quote === '' ? `'${v}` : undefined,
    });
  });
}
