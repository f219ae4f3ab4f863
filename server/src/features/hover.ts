/**
 * Hover: what an element, attribute or value does, in our own words
 * (features/docs/), completed by what libvirt's schema allows there
 * (schema/query.ts), the forward modes that accept it, and address
 * arithmetic for IP values (features/docs/ipInfo.ts).
 *
 * Where VirtNet has no words for an element, the schema-derived part
 * (allowed attributes, children, values) is the whole answer: a hover on
 * a name the schema knows is never empty.
 */
import type { Hover } from 'vscode-languageserver-types';
import type { NetworkModel } from '../model/libvirt';
import { formatSubnet, parseAddr } from '../net/ip';
import { toRange } from '../parse/lineIndex';
import type { Span } from '../parse/span';
import { elementAt, type XmlAttribute, type XmlElement } from '../parse/xml';
import { allowedValues, expectedAttributes, expectedChildren } from '../schema/query';
import type { LibvirtKind } from '../service/types';
import type { FeatureContext } from './context';
import { localName, lookupDoc, type AttrDoc, type DocFamily, type ElementDoc, type Mode, type ModeRule } from './docs';
import { code, containingSubnetLines, dhcpHostLines, natRangeLines, rangeLines, routeLines, subnetLines } from './docs/ipInfo';
import { netplanHover } from './netplan';
import { ifupdownHover } from './ifupdown';

type Target =
  | { kind: 'element'; el: XmlElement; span: Span }
  | { kind: 'attribute'; el: XmlElement; attr: XmlAttribute; span: Span }
  | { kind: 'value'; el: XmlElement; attr: XmlAttribute; span: Span };

const within = (s: Span | undefined, o: number): boolean => !!s && o >= s.start && o <= s.end;

/** What is under the cursor: an element name (start or end tag), an attribute name, a value, or element text. */
function targetAt(root: XmlElement, offset: number): Target | undefined {
  const el = elementAt(root, offset);
  if (!el) return undefined;
  if (within(el.nameSpan, offset)) return { kind: 'element', el, span: el.nameSpan };
  if (el.endTagSpan) {
    const s = el.endTagSpan.start + 2;
    const nameSpan = { start: s, end: s + el.name.length };
    if (within(nameSpan, offset)) return { kind: 'element', el, span: nameSpan };
  }
  for (const a of el.attributes) {
    if (within(a.nameSpan, offset)) return { kind: 'attribute', el, attr: a, span: a.nameSpan };
    if (within(a.valueSpan, offset)) return { kind: 'value', el, attr: a, span: a.valueSpan! };
  }
  if (el.textSpan && within(el.textSpan, offset) && el.children.length === 0) return { kind: 'element', el, span: el.textSpan };
  return undefined;
}

/** The document family of an element and its ancestry from that family's root. */
function familyOf(kind: LibvirtKind, el: XmlElement): { family: DocFamily; chain: string[] } {
  const chain: XmlElement[] = [];
  for (let e: XmlElement | undefined = el; e; e = e.parent) chain.unshift(e);
  const names = chain.map((e) => e.name);
  switch (kind) {
    case 'libvirt-network':
      return { family: 'network', chain: names };
    case 'libvirt-host-interface':
      return { family: 'hostInterface', chain: names };
    case 'libvirt-domain-interface':
      return { family: 'domainInterface', chain: names };
    case 'libvirt-domain': {
      // <domain><devices><interface>…: the NIC is the root of what we document.
      const nic = chain.findIndex((e, i) => i === 2 && e.name === 'interface' && chain[1].name === 'devices');
      return { family: 'domainInterface', chain: nic === 2 ? names.slice(2) : names };
    }
  }
}

const MODE_WORDS: Record<Mode, string> = {
  none: 'isolated (no `<forward>`)',
  nat: 'nat',
  route: 'route',
  open: 'open',
  bridge: 'bridge',
  private: 'private',
  vepa: 'vepa',
  passthrough: 'passthrough',
  hostdev: 'hostdev',
};

function currentMode(net: NetworkModel): Mode | undefined {
  if (!net.forward) return 'none';
  const m = net.forwardMode?.value ?? 'nat';
  return (Object.keys(MODE_WORDS) as Mode[]).includes(m as Mode) && m !== 'none' ? (m as Mode) : undefined;
}

function modeLines(rule: ModeRule | undefined, ctx: FeatureContext, family: DocFamily): string[] {
  if (!rule || family !== 'network' || ctx.doc.model?.kind !== 'libvirt-network') return [];
  const out = [`**Forward modes** ${rule.allowed.map((m) => MODE_WORDS[m]).join(', ')}${rule.note ? ` (${rule.note})` : ''}`];
  const mode = currentMode(ctx.doc.model);
  if (mode && !rule.allowed.includes(mode)) out.push(`⚠ Not accepted here: this network uses ${mode === 'none' ? 'no forward mode (isolated)' : `forward mode ${code(mode)}`}.`);
  return out;
}

function schemaAttributes(ctx: FeatureContext, el: XmlElement): { name: string; required: boolean }[] {
  const { xml, kind } = ctx.doc;
  if (!xml || !kind) return [];
  const present = el.attributes.map((a) => ({ name: a.name, required: false }));
  return [...present, ...expectedAttributes(xml, kind, el)];
}

function schemaChildren(ctx: FeatureContext, el: XmlElement): { name: string; required: boolean }[] {
  const { xml, kind } = ctx.doc;
  if (!xml || !kind) return [];
  return expectedChildren(xml, kind, el, el.startTagSpan.end);
}

function isKnownToSchema(ctx: FeatureContext, el: XmlElement): boolean {
  const { xml, kind } = ctx.doc;
  if (!xml || !kind) return false;
  if (!el.parent) return true;
  return expectedChildren(xml, kind, el.parent, el.parent.startTagSpan.end).some((c) => c.name === el.name);
}

function firstSentence(s: string): string {
  const m = /^(.*?(?<!e\.g|i\.e)\.)(\s|$)/.exec(s);
  return m && m[1].length >= 25 ? m[1] : s;
}

function ipLines(ctx: FeatureContext, el: XmlElement, attrName?: string): string[] {
  const net = ctx.doc.model;
  if (net?.kind !== 'libvirt-network') return [];
  const path = familyOf('libvirt-network', el).chain.join('/');
  if (path === 'network/ip') {
    const ip = net.ips.find((b) => b.el === el);
    return ip ? subnetLines(ip) : [];
  }
  if (path === 'network/ip/dhcp/range') return rangeLines(net, el);
  if (path === 'network/ip/dhcp/host' && (attrName === undefined || attrName === 'ip')) return dhcpHostLines(net, el);
  if (path === 'network/dns/host' && (attrName === undefined || attrName === 'ip')) {
    const a = parseAddr(el.attributes.find((x) => x.name === 'ip')?.value);
    return a ? containingSubnetLines(net, a, 'The address') : [];
  }
  if (path === 'network/route') return routeLines(net, el);
  if (path === 'network/forward/nat/address' || path === 'network/forward/nat/port') return natRangeLines(el);
  return [];
}

function elementHover(ctx: FeatureContext, el: XmlElement, family: DocFamily, doc: ElementDoc | undefined): string {
  const parts: string[] = [];
  const where = el.parent ? ` in \`<${el.parent.name}>\`` : '';
  parts.push(`**\`<${el.name}>\`**${where}`);
  if (doc) {
    parts.push(doc.summary);
    if (doc.details) parts.push(doc.details);
    if (doc.since) parts.push(`⚠ ${doc.since}`);
    if (doc.text) parts.push(`**Content** ${doc.text}`);
  } else if (isKnownToSchema(ctx, el)) {
    parts.push('_No VirtNet description yet; what libvirt\'s schema allows here:_');
  } else {
    const parent = el.parent;
    const allowed = parent ? schemaChildren(ctx, parent).map((c) => `\`<${c.name}>\``) : [];
    parts.push(
      parent
        ? `libvirt's schema does not allow \`<${el.name}>\` inside \`<${parent.name}>\`.${allowed.length ? ` Allowed there: ${allowed.join(', ')}.` : ''}`
        : `\`<${el.name}>\` is not a root element VirtNet knows.`,
    );
    return parts.join('\n\n');
  }
  const modes = modeLines(doc?.modes, ctx, family);
  if (modes.length) parts.push(modes.join('  \n'));
  const ip = ipLines(ctx, el);
  if (ip.length) parts.push(ip.join('  \n'));
  const attrs = schemaAttributes(ctx, el);
  const docAttrs = doc?.attrs ?? {};
  const attrNames = attrs.map((a) => a.name);
  if (attrNames.length) {
    const lines = attrs.map((a) => {
      const d = docAttrs[a.name] ?? docAttrs[localName(a.name)];
      return `- \`${a.name}\`${a.required ? ' (required)' : ''}${d ? ` — ${firstSentence(d.summary)}` : ''}`;
    });
    parts.push(`**Attributes**\n${lines.join('\n')}`);
  }
  const kids = schemaChildren(ctx, el);
  if (kids.length) parts.push(`**Children** ${kids.map((c) => `\`<${c.name}>\`${c.required ? ' (required)' : ''}`).join(', ')}`);
  if (doc?.example) parts.push('```xml\n' + doc.example + '\n```');
  return parts.join('\n\n');
}

function attributeHover(ctx: FeatureContext, el: XmlElement, a: XmlAttribute, family: DocFamily, doc: ElementDoc | undefined, onValue: boolean): string {
  const { xml, kind } = ctx.doc;
  const d: AttrDoc | undefined = doc?.attrs?.[a.name] ?? doc?.attrs?.[localName(a.name)];
  const allowed = xml && kind ? allowedValues(xml, kind, el, a.name) : undefined;
  const parts: string[] = [];
  parts.push(`**\`${a.name}\`** attribute of \`<${el.name}>\``);
  const value = a.value;
  if (onValue && value !== undefined && d?.values?.[value]) parts.push(`${code(value)}: ${d.values[value]}`);
  if (d) parts.push(d.summary);
  else if (allowed) parts.push('_No VirtNet description yet; what libvirt\'s schema allows here:_');
  if (!d && !allowed) {
    const names = schemaAttributes(ctx, el)
      .map((x) => x.name)
      .filter((n) => n !== a.name);
    parts.push(`libvirt's schema does not allow \`${a.name}\` on \`<${el.name}>\`.${names.length ? ` Allowed: ${names.map((n) => `\`${n}\``).join(', ')}.` : ''}`);
    return parts.join('\n\n');
  }
  const facts: string[] = [];
  if (allowed && allowed.values.length) {
    const vals = allowed.values.map((v) => (d?.values?.[v] ? `- \`${v}\` — ${d.values[v]}` : `- \`${v}\``));
    parts.push(`**Values**\n${vals.join('\n')}`);
    // Only when the values are all the schema allows (no datatype beside them).
    if (onValue && value !== undefined && !allowed.values.includes(value) && !allowed.description.includes(', or '))
      facts.push(`⚠ ${code(value)} is not one of these values.`);
  } else if (d?.values) {
    parts.push(`**Values**\n${Object.entries(d.values).map(([v, t]) => `- \`${v}\` — ${t}`).join('\n')}`);
  }
  if (allowed && allowed.values.length === 0 && allowed.description) facts.push(`**Takes** ${allowed.description}`);
  if (d?.default) facts.push(`**Default** ${d.default}`);
  if (d?.example && !(allowed && allowed.values.length)) facts.push(`**Example** ${code(d.example)}`);
  if (facts.length) parts.push(facts.join('  \n'));
  const modes = modeLines(d?.modes, ctx, family);
  if (modes.length) parts.push(modes.join('  \n'));
  const ws = onValue && value !== undefined && el.name === 'source' ? workspaceLines(ctx, a.name, value) : [];
  if (ws.length) parts.push(ws.join('  \n'));
  const ip = onValue || ['address', 'start', 'end', 'ip', 'gateway', 'netmask', 'prefix'].includes(a.name) ? ipLines(ctx, el, a.name) : [];
  if (ip.length) parts.push(ip.join('  \n'));
  return parts.join('\n\n');
}

/** For a NIC's `<source network|bridge>` value: what the workspace knows about it. */
function workspaceLines(ctx: FeatureContext, attrName: string, value: string): string[] {
  const file = (uri: string) => code(uri.slice(uri.lastIndexOf('/') + 1));
  if (attrName === 'network') {
    const nets = ctx.workspace.networksNamed(value);
    if (nets.length === 0) return [`No network named ${code(value)} in the workspace (it may exist only on the host).`];
    return nets.map((n) => {
      const mode = n.forwardMode ?? 'isolated';
      const subnets = n.subnets.map((u) => code(formatSubnet(u.subnet))).join(', ');
      return `Defined in ${file(n.uri)}: ${mode === 'isolated' ? 'isolated' : `forward ${code(mode)}`}${n.bridgeName ? `, bridge ${code(n.bridgeName.value)}` : ''}${subnets ? `, ${subnets}` : ''}`;
    });
  }
  if (attrName === 'bridge') {
    const nets = ctx.workspace.networksWithBridge(value);
    return nets.map((n) => `Bridge of network ${code(n.networkName?.value ?? '?')} (${file(n.uri)})`);
  }
  return [];
}

/** Hover at `offset`. */
export function hover(ctx: FeatureContext, offset: number): Hover | null {
  if (ctx.doc.format === 'netplan') return netplanHover(ctx, offset);
  if (ctx.doc.format === 'ifupdown') return ifupdownHover(ctx, offset);
  const { xml, kind } = ctx.doc;
  if (!xml?.root || !kind) return null;
  const t = targetAt(xml.root, offset);
  if (!t) return null;
  const { family, chain } = familyOf(kind, t.el);
  const doc = lookupDoc(family, chain);
  let value: string;
  if (t.kind === 'element') {
    // Outside a NIC, a domain's elements are not VirtNet's business unless documented.
    if (kind === 'libvirt-domain' && chain[0] === 'domain' && !doc) return null;
    value = elementHover(ctx, t.el, family, doc);
  } else {
    if (kind === 'libvirt-domain' && chain[0] === 'domain' && !doc?.attrs?.[t.attr.name]) return null;
    value = attributeHover(ctx, t.el, t.attr, family, doc, t.kind === 'value');
  }
  return { contents: { kind: 'markdown', value }, range: toRange(ctx.doc.lineIndex, t.span) };
}
