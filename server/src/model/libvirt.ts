/**
 * Typed views over a parsed libvirt XML document: the values checks and the
 * workspace index care about, each with the span to report at. Built once
 * per document version; no validation happens here (a missing or malformed
 * value is simply `undefined` or kept as text for a check to judge).
 */
import type { Span } from '../parse/span';
import { attr, child, children, type XmlAttribute, type XmlElement } from '../parse/xml';
import type { LibvirtKind } from '../service/types';
import { bits, defaultPrefix, parseAddr, netmaskBits, parseMacValue, subnetOf, type Addr, type Subnet } from '../net/ip';

/** A value from the document and where it is written. */
export interface Val {
  readonly value: string;
  readonly span: Span;
}

export interface DhcpRange {
  readonly el: XmlElement;
  readonly start?: Val;
  readonly end?: Val;
  /** `start` parsed (undefined when absent or not an address); computed once. */
  readonly startAddr: Addr | undefined;
  /** `end` parsed; computed once. */
  readonly endAddr: Addr | undefined;
}

export interface DhcpHost {
  readonly el: XmlElement;
  readonly mac?: Val;
  readonly name?: Val;
  readonly ip?: Val;
  readonly id?: Val;
  /** `ip` parsed (undefined when absent or not an address); computed once. */
  readonly ipAddr: Addr | undefined;
  /** `mac` as a 48-bit number (see parseMacValue) when it is a MAC address libvirt reads; computed once. */
  readonly macValue: number | undefined;
}

export interface IpBlock {
  readonly el: XmlElement;
  readonly address?: Val;
  readonly netmask?: Val;
  readonly prefix?: Val;
  readonly family?: Val;
  readonly dhcp?: XmlElement;
  readonly ranges: DhcpRange[];
  readonly hosts: DhcpHost[];
  /** `address` parsed; computed once. */
  readonly addr: Addr | undefined;
}

/**
 * Parsed values are computed on first use and kept: a 20,000-host network
 * has its addresses read by several checks, and the workspace index reads
 * none of them.
 */
const UNSET = Symbol('unset');

class DhcpRangeView implements DhcpRange {
  readonly start?: Val;
  readonly end?: Val;
  private s: Addr | undefined | typeof UNSET = UNSET;
  private e: Addr | undefined | typeof UNSET = UNSET;
  constructor(readonly el: XmlElement) {
    // Spans made on use: the view outlives reparses that move its element.
    this.start = lazyAttrVal(el, 'start');
    this.end = lazyAttrVal(el, 'end');
  }
  get startAddr(): Addr | undefined {
    return this.s === UNSET ? (this.s = parseAddr(this.start?.value)) : this.s;
  }
  get endAddr(): Addr | undefined {
    return this.e === UNSET ? (this.e = parseAddr(this.end?.value)) : this.e;
  }
}

/** attrVal's result with its span made on use (a 20,000-host network has 60,000 of these). */
class AttrVal implements Val {
  constructor(
    readonly value: string,
    private readonly attr: XmlAttribute,
  ) {}
  get span(): Span {
    return this.attr.valueSpan ?? this.attr.nameSpan;
  }
}

/** attrVal with its span made on use, for views kept across reparses (which move spans). */
function lazyAttrVal(el: XmlElement, name: string): Val | undefined {
  const a = attr(el, name);
  return a && a.value !== undefined ? new AttrVal(a.value, a) : undefined;
}

class DhcpHostView implements DhcpHost {
  readonly mac?: Val;
  readonly name?: Val;
  readonly ip?: Val;
  readonly id?: Val;
  private a: Addr | undefined | typeof UNSET = UNSET;
  private m: number | undefined | typeof UNSET = UNSET;
  constructor(readonly el: XmlElement) {
    // One pass over the attributes instead of four lookups.
    // Like attrVal: the first attribute of a name counts, even without a value.
    let seen = 0;
    for (const at of el.attributes) {
      const n = at.name;
      const bit = n === 'mac' ? 1 : n === 'name' ? 2 : n === 'ip' ? 4 : n === 'id' ? 8 : 0;
      if (bit === 0 || seen & bit) continue;
      seen |= bit;
      if (at.value !== undefined) this[n as 'mac'] = new AttrVal(at.value, at);
    }
  }
  get ipAddr(): Addr | undefined {
    return this.a === UNSET ? (this.a = parseAddr(this.ip?.value)) : this.a;
  }
  get macValue(): number | undefined {
    return this.m === UNSET ? (this.m = parseMacValue(this.mac?.value)) : this.m;
  }
}

export interface NetworkModel {
  readonly kind: 'libvirt-network';
  readonly root: XmlElement;
  readonly name?: Val;
  readonly uuid?: Val;
  readonly forward?: XmlElement;
  /** The forward mode as written; absent `<forward>` means an isolated network, `<forward/>` means nat. */
  readonly forwardMode?: Val;
  readonly bridge?: XmlElement;
  readonly bridgeName?: Val;
  readonly mac?: Val;
  readonly ips: IpBlock[];
  readonly routes: XmlElement[];
  readonly dns?: XmlElement;
  readonly domain?: XmlElement;
}

export interface DomainNic {
  readonly el: XmlElement;
  readonly type?: Val;
  readonly mac?: Val;
  readonly sourceNetwork?: Val;
  readonly sourceBridge?: Val;
}

export interface DomainModel {
  readonly kind: 'libvirt-domain' | 'libvirt-domain-interface';
  readonly root: XmlElement;
  readonly name?: Val;
  readonly uuid?: Val;
  readonly nics: DomainNic[];
}

export interface HostInterfaceModel {
  readonly kind: 'libvirt-host-interface';
  readonly root: XmlElement;
  readonly name?: Val;
  readonly type?: Val;
  readonly mac?: Val;
}

export type LibvirtModel = NetworkModel | DomainModel | HostInterfaceModel;

export function attrVal(el: XmlElement | undefined, name: string): Val | undefined {
  const a = el && attr(el, name);
  if (!a || a.value === undefined) return undefined;
  return { value: a.value, span: a.valueSpan ?? a.nameSpan };
}

/** The trimmed text of an element; an empty element reports at its name. */
export function textVal(el: XmlElement | undefined): Val | undefined {
  if (!el) return undefined;
  return { value: el.text.trim(), span: el.textSpan ?? el.nameSpan };
}

class IpBlockView implements IpBlock {
  readonly address?: Val;
  readonly netmask?: Val;
  readonly prefix?: Val;
  readonly family?: Val;
  readonly dhcp?: XmlElement;
  readonly ranges: DhcpRange[];
  readonly hosts: DhcpHost[];
  private a: Addr | undefined | typeof UNSET = UNSET;
  constructor(readonly el: XmlElement) {
    this.address = lazyAttrVal(el, 'address');
    this.netmask = lazyAttrVal(el, 'netmask');
    this.prefix = lazyAttrVal(el, 'prefix');
    this.family = lazyAttrVal(el, 'family');
    const dhcp = child(el, 'dhcp');
    this.dhcp = dhcp;
    this.ranges = [];
    this.hosts = [];
    if (dhcp)
      for (const c of dhcp.children) {
        if (c.name === 'range') this.ranges.push(viewOf(rangeViews, c, DhcpRangeView));
        else if (c.name === 'host') this.hosts.push(viewOf(hostViews, c, DhcpHostView));
      }
  }
  get addr(): Addr | undefined {
    return this.a === UNSET ? (this.a = parseAddr(this.address?.value)) : this.a;
  }
}

/**
 * The views of DHCP ranges and hosts read only their element's attributes,
 * so a view is kept per element and reused by the next version's model:
 * parse/reparse.ts keeps an element object only while its start tag is
 * unchanged (it moves spans, which the views read on use). A 20,000-host
 * network then re-parses no address and makes no view per keystroke.
 */
const hostViews = new WeakMap<XmlElement, DhcpHostView>();
const rangeViews = new WeakMap<XmlElement, DhcpRangeView>();
/**
 * The same for whole <ip> blocks: reparse keeps an <ip> element object only
 * while its subtree is unchanged, so its view (hosts, ranges, address) and
 * what is memoized per view (checks/network/util.ts) hold for the next
 * version when an edit is elsewhere.
 */
const ipViews = new WeakMap<XmlElement, IpBlockView>();

function viewOf<V>(cache: WeakMap<XmlElement, V>, el: XmlElement, View: new (el: XmlElement) => V): V {
  let v = cache.get(el);
  if (!v) cache.set(el, (v = new View(el)));
  return v;
}

function ipBlock(el: XmlElement): IpBlock {
  return viewOf(ipViews, el, IpBlockView);
}

function networkModel(root: XmlElement): NetworkModel {
  const forward = child(root, 'forward');
  const bridge = child(root, 'bridge');
  return {
    kind: 'libvirt-network',
    root,
    name: textVal(child(root, 'name')),
    uuid: textVal(child(root, 'uuid')),
    forward,
    forwardMode: attrVal(forward, 'mode'),
    bridge,
    bridgeName: attrVal(bridge, 'name'),
    mac: attrVal(child(root, 'mac'), 'address'),
    ips: children(root, 'ip').map(ipBlock),
    routes: children(root, 'route'),
    dns: child(root, 'dns'),
    domain: child(root, 'domain'),
  };
}

function nic(el: XmlElement): DomainNic {
  const source = child(el, 'source');
  const type = attrVal(el, 'type');
  return {
    el,
    type,
    mac: attrVal(child(el, 'mac'), 'address'),
    sourceNetwork: type?.value === 'network' ? attrVal(source, 'network') : undefined,
    sourceBridge: type?.value === 'bridge' ? attrVal(source, 'bridge') : undefined,
  };
}

export function buildModel(kind: LibvirtKind, root: XmlElement): LibvirtModel {
  switch (kind) {
    case 'libvirt-network':
      return networkModel(root);
    case 'libvirt-domain': {
      const devices = child(root, 'devices');
      return {
        kind,
        root,
        name: textVal(child(root, 'name')),
        uuid: textVal(child(root, 'uuid')),
        nics: devices ? children(devices, 'interface').map(nic) : [],
      };
    }
    case 'libvirt-domain-interface':
      return { kind, root, nics: [nic(root)] };
    case 'libvirt-host-interface':
      return { kind, root, name: attrVal(root, 'name'), type: attrVal(root, 'type'), mac: attrVal(child(root, 'mac'), 'address') };
  }
}

/** DHCP host and range views buildModelInSteps makes per step. */
const VIEWS_PER_STEP = 2000;

/**
 * buildModel a step at a time: the views of a network's DHCP hosts and
 * ranges (20,000 of them in a 20,000-line network) are made a few thousand
 * per step and kept per element (as buildModel keeps them), then the model
 * is built from them. The model is the one buildModel gives.
 */
export function* buildModelInSteps(kind: LibvirtKind, root: XmlElement): Generator<void, LibvirtModel> {
  if (kind === 'libvirt-network') {
    let n = 0;
    for (const ip of children(root, 'ip')) {
      if (ipViews.has(ip)) continue;
      const dhcp = child(ip, 'dhcp');
      if (!dhcp) continue;
      for (const c of dhcp.children) {
        if (c.name === 'range') viewOf(rangeViews, c, DhcpRangeView);
        else if (c.name === 'host') viewOf(hostViews, c, DhcpHostView);
        else continue;
        if (++n % VIEWS_PER_STEP === 0) yield;
      }
    }
  }
  return buildModel(kind, root);
}

/**
 * The address and effective prefix of an <ip> block as libvirt computes
 * them, or undefined when the address, prefix or netmask is unusable (the
 * checks that report those say why).
 */
export function ipSubnet(ip: IpBlock): { addr: Addr; prefix: number; subnet: Subnet } | undefined {
  const addr = ip.addr;
  if (!addr) return undefined;
  let prefix: number | undefined;
  if (ip.prefix) prefix = /^\d+$/.test(ip.prefix.value.trim()) ? Number(ip.prefix.value) : undefined;
  else if (ip.netmask) prefix = netmaskBits(ip.netmask.value, 4);
  else prefix = defaultPrefix(addr);
  if (prefix === undefined || prefix > bits(addr.family) || (ip.prefix && ip.netmask)) return undefined;
  return { addr, prefix, subnet: subnetOf(addr, prefix) };
}
