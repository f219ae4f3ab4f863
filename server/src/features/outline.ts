/**
 * The outline: a network by name with its forward mode, bridge, each <ip>
 * as its subnet with the DHCP ranges and static hosts, DNS, routes and
 * portgroups; a domain with its NICs; a host interface with its ports.
 *
 * Every symbol's range is the element's span and its selection range the
 * span of what the symbol is named after (a name's text, an attribute
 * value, else the element name), always inside the range.
 */
import { SymbolKind, type DocumentSymbol } from 'vscode-languageserver-types';
import { attrVal, ipSubnet, type DomainNic, type IpBlock, type NetworkModel, type Val } from '../model/libvirt';
import { toRange, type LineIndex } from '../parse/lineIndex';
import type { Span } from '../parse/span';
import { attr, child, children, type XmlElement } from '../parse/xml';
import { formatSubnet } from '../net/ip';
import type { FeatureContext } from './context';
import { shortenMessage } from '../checks/size';
import { countText } from './docs/ipInfo';
import { netplanOutline } from './netplan';
import { ifupdownOutline } from './ifupdown';

/** Static DHCP hosts are grouped under one node when an <ip> has more than this many. */
export const HOST_GROUP_THRESHOLD = 5;

/** At most this many static DHCP hosts of one <ip> are listed; one more node stands for the rest. */
export const MAX_LISTED_HOSTS = 1000;

class Builder {
  constructor(private readonly li: LineIndex) {}

  sym(name: string, kind: SymbolKind, range: Span, selection: Span, detail?: string, kids?: DocumentSymbol[]): DocumentSymbol {
    // The selection must lie inside the range; fall back to the range's start.
    const sel = selection.start >= range.start && selection.end <= range.end ? selection : { start: range.start, end: range.start };
    // Names and details quote values, which may be megabytes long: those are shown by their ends.
    const s: DocumentSymbol = { name: shortenMessage(name).trim() || '(unnamed)', kind, range: toRange(this.li, range), selectionRange: toRange(this.li, sel) };
    if (detail) s.detail = shortenMessage(detail);
    if (kids && kids.length) s.children = kids;
    return s;
  }

  el(el: XmlElement, name: string, kind: SymbolKind, detail?: string, kids?: DocumentSymbol[], sel?: Val): DocumentSymbol {
    return this.sym(name, kind, el.span, sel?.span ?? el.nameSpan, detail, kids);
  }
}

function val(el: XmlElement | undefined, name: string): string | undefined {
  return el ? attr(el, name)?.value : undefined;
}

function ipSymbol(b: Builder, ip: IpBlock): DocumentSymbol {
  const s = ipSubnet(ip);
  const addr = ip.address?.value ?? '?';
  const name = s ? formatSubnet(s.subnet) : `${addr}${ip.prefix ? `/${ip.prefix.value}` : ''}`;
  const family = s ? (s.subnet.family === 4 ? 'IPv4' : 'IPv6') : ip.family?.value;
  const ranges = ip.ranges.map((r) => `${r.start?.value ?? '?'} – ${r.end?.value ?? '?'}`);
  const detail = [family, `gateway ${addr}`, ranges.length ? `DHCP ${ranges.join(', ')}` : ip.dhcp ? 'DHCP' : undefined].filter(Boolean).join(' · ');
  const kids: DocumentSymbol[] = [];
  for (const r of ip.ranges) {
    const size = r.startAddr && r.endAddr && r.startAddr.family === r.endAddr.family && r.endAddr.value >= r.startAddr.value ? r.endAddr.value - r.startAddr.value + 1n : undefined;
    kids.push(b.el(r.el, `range ${r.start?.value ?? '?'} – ${r.end?.value ?? '?'}`, SymbolKind.Array, size !== undefined ? `${countText(size)} addresses` : undefined, undefined, r.start));
  }
  const hosts = ip.hosts.slice(0, MAX_LISTED_HOSTS).map((h) => {
    const label = h.name?.value ?? h.mac?.value ?? h.id?.value ?? h.ip?.value ?? 'host';
    const detail = [h.mac?.value ?? h.id?.value, h.ip?.value].filter(Boolean).join(' → ');
    return b.el(h.el, `host ${label}`, SymbolKind.Variable, detail, undefined, h.name ?? h.mac ?? h.id ?? h.ip);
  });
  const unlisted = ip.hosts.length - hosts.length;
  if (unlisted > 0) {
    // 20,000 hosts made a 5 MB answer that kept every other request waiting: the rest is one node.
    const next = ip.hosts[hosts.length].el;
    const last = ip.hosts[ip.hosts.length - 1].el;
    hosts.push(b.sym(`… ${countText(BigInt(unlisted))} more hosts`, SymbolKind.Array, { start: next.span.start, end: last.span.end }, next.nameSpan, `the outline lists the first ${countText(BigInt(MAX_LISTED_HOSTS))}`));
  }
  if (ip.hosts.length > HOST_GROUP_THRESHOLD) {
    const first = ip.hosts[0].el;
    const last = ip.hosts[ip.hosts.length - 1].el;
    kids.push(b.sym(`hosts (${ip.hosts.length})`, SymbolKind.Array, { start: first.span.start, end: last.span.end }, first.nameSpan, 'static DHCP hosts', hosts));
  } else kids.push(...hosts);
  const tftp = child(ip.el, 'tftp');
  if (tftp) kids.push(b.el(tftp, 'tftp', SymbolKind.Property, val(tftp, 'root')));
  const bootp = ip.dhcp && child(ip.dhcp, 'bootp');
  if (bootp) kids.push(b.el(bootp, 'bootp', SymbolKind.Property, val(bootp, 'file')));
  return b.el(ip.el, name, SymbolKind.Namespace, detail, kids, ip.address);
}

function dnsSymbol(b: Builder, dns: XmlElement): DocumentSymbol {
  const kids: DocumentSymbol[] = [];
  for (const c of dns.children) {
    if (c.name === 'host') {
      const names = children(c, 'hostname').map((h) => h.text.trim());
      kids.push(b.el(c, `host ${names.join(', ') || '?'}`, SymbolKind.Variable, val(c, 'ip'), undefined, attrVal(c, 'ip')));
    } else if (c.name === 'srv') {
      kids.push(b.el(c, `srv _${val(c, 'service') ?? '?'}._${val(c, 'protocol') ?? '?'}`, SymbolKind.Variable, [val(c, 'target'), val(c, 'port')].filter(Boolean).join(':'), undefined, attrVal(c, 'service')));
    } else if (c.name === 'txt') {
      kids.push(b.el(c, `txt ${val(c, 'name') ?? '?'}`, SymbolKind.Variable, val(c, 'value'), undefined, attrVal(c, 'name')));
    } else if (c.name === 'forwarder') {
      kids.push(b.el(c, `forwarder ${[val(c, 'domain'), val(c, 'addr')].filter(Boolean).join(' → ') || '?'}`, SymbolKind.Variable, undefined, undefined, attrVal(c, 'addr') ?? attrVal(c, 'domain')));
    }
  }
  const enable = val(dns, 'enable');
  return b.el(dns, 'dns', SymbolKind.Namespace, enable === 'no' ? 'disabled' : undefined, kids);
}

function networkSymbols(b: Builder, net: NetworkModel): DocumentSymbol[] {
  const kids: DocumentSymbol[] = [];
  const mode = net.forward ? (net.forwardMode?.value ?? 'nat') : 'isolated';
  for (const c of net.root.children) {
    switch (c.name) {
      case 'forward': {
        const fk: DocumentSymbol[] = [];
        for (const f of c.children) {
          if (f.name === 'nat') {
            const nk = f.children.map((x) => b.el(x, `${x.name} ${val(x, 'start') ?? '?'} – ${val(x, 'end') ?? '?'}`, SymbolKind.Array));
            fk.push(b.el(f, 'nat', SymbolKind.Property, undefined, nk));
          } else if (f.name === 'interface' || f.name === 'pf') fk.push(b.el(f, `${f.name} ${val(f, 'dev') ?? '?'}`, SymbolKind.Variable, undefined, undefined, attrVal(f, 'dev')));
          else if (f.name === 'address') fk.push(b.el(f, `address ${[val(f, 'domain'), val(f, 'bus'), val(f, 'slot'), val(f, 'function')].join(':')}`, SymbolKind.Variable));
        }
        const dev = val(c, 'dev');
        kids.push(b.el(c, `forward ${mode}`, SymbolKind.Enum, dev ? `dev ${dev}` : undefined, fk, net.forwardMode));
        break;
      }
      case 'bridge':
        kids.push(b.el(c, `bridge ${net.bridgeName?.value ?? ''}`.trim(), SymbolKind.Interface, val(c, 'stp') ? `stp ${val(c, 'stp')}` : undefined, undefined, net.bridgeName));
        break;
      case 'ip': {
        const ip = net.ips.find((x) => x.el === c);
        if (ip) kids.push(ipSymbol(b, ip));
        break;
      }
      case 'dns':
        kids.push(dnsSymbol(b, c));
        break;
      case 'domain':
        kids.push(b.el(c, `domain ${val(c, 'name') ?? ''}`.trim(), SymbolKind.Property, undefined, undefined, attrVal(c, 'name')));
        break;
      case 'route': {
        const prefix = val(c, 'prefix') ?? val(c, 'netmask');
        kids.push(b.el(c, `route ${val(c, 'address') ?? '?'}${prefix ? `/${prefix}` : ''}`, SymbolKind.Event, `via ${val(c, 'gateway') ?? '?'}`, undefined, attrVal(c, 'address')));
        break;
      }
      case 'portgroup':
        kids.push(b.el(c, `portgroup ${val(c, 'name') ?? '?'}`, SymbolKind.Struct, val(c, 'default') === 'yes' ? 'default' : undefined, undefined, attrVal(c, 'name')));
        break;
      case 'mac':
        kids.push(b.el(c, `mac ${val(c, 'address') ?? ''}`.trim(), SymbolKind.Constant, undefined, undefined, attrVal(c, 'address')));
        break;
      default:
    }
  }
  const detail = [mode === 'isolated' ? 'isolated' : `forward ${mode}`, net.bridgeName?.value].filter(Boolean).join(' · ');
  return [b.sym(net.name?.value || 'network', SymbolKind.Module, net.root.span, net.name?.span ?? net.root.nameSpan, detail, kids)];
}

function nicSymbol(b: Builder, nic: DomainNic): DocumentSymbol {
  const type = nic.type?.value ?? 'interface';
  const source = child(nic.el, 'source');
  const src = nic.sourceNetwork ?? nic.sourceBridge ?? attrVal(source, 'dev') ?? attrVal(source, 'network') ?? attrVal(source, 'bridge');
  const model = val(child(nic.el, 'model'), 'type');
  const detail = [nic.mac?.value, model].filter(Boolean).join(' · ');
  return b.el(nic.el, `${type}${src ? ` ${src.value}` : ''}`, SymbolKind.Interface, detail || undefined, undefined, src ?? nic.type);
}

function hostInterfaceSymbol(b: Builder, el: XmlElement): DocumentSymbol {
  const kids: DocumentSymbol[] = [];
  for (const c of el.children) {
    if (c.name === 'bridge' || c.name === 'bond' || c.name === 'vlan') {
      for (const port of children(c, 'interface')) kids.push(hostInterfaceSymbol(b, port));
    } else if (c.name === 'protocol') {
      const addrs = children(c, 'ip').map((i) => `${val(i, 'address') ?? '?'}${val(i, 'prefix') ? `/${val(i, 'prefix')}` : ''}`);
      const dhcp = child(c, 'dhcp') ? 'DHCP' : undefined;
      kids.push(b.el(c, `${val(c, 'family') ?? 'protocol'}`, SymbolKind.Namespace, [dhcp, ...addrs].filter(Boolean).join(', ') || undefined, undefined, attrVal(c, 'family')));
    }
  }
  const name = attrVal(el, 'name');
  return b.el(el, name?.value ?? el.name, SymbolKind.Interface, val(el, 'type'), kids, name);
}

export function documentSymbols(ctx: FeatureContext): DocumentSymbol[] {
  if (ctx.doc.format === 'netplan') return netplanOutline(ctx);
  if (ctx.doc.format === 'ifupdown') return ifupdownOutline(ctx);
  const model = ctx.doc.model;
  if (!model) return [];
  const b = new Builder(ctx.doc.lineIndex);
  switch (model.kind) {
    case 'libvirt-network':
      return networkSymbols(b, model);
    case 'libvirt-domain': {
      const nics = model.nics.map((n) => nicSymbol(b, n));
      return [b.sym(model.name?.value || 'domain', SymbolKind.Module, model.root.span, model.name?.span ?? model.root.nameSpan, `${nics.length} NIC${nics.length === 1 ? '' : 's'}`, nics)];
    }
    case 'libvirt-domain-interface':
      return model.nics.map((n) => nicSymbol(b, n));
    case 'libvirt-host-interface':
      return [hostInterfaceSymbol(b, model.root)];
  }
}
