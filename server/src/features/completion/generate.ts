/**
 * Values completion makes up: UUIDs, MAC addresses, subnets, DHCP host
 * addresses and bridge names that are fresh for the workspace.
 *
 * Randomness comes from the Web Crypto API (`globalThis.crypto`), which is
 * pure enough for a language service: no I/O, nothing outside the process.
 */
import type { IpBlock } from '../../model/libvirt';
import { ipSubnet } from '../../model/libvirt';
import { broadcastOf, formatAddr, overlaps, parseAddr, subnetOf, type Addr, type Subnet } from '../../net/ip';
import { attrValue } from '../../parse/xml';
import type { FeatureContext } from '../context';

export function freshUuid(): string {
  return globalThis.crypto.randomUUID();
}

function randomBytes(n: number): Uint8Array {
  return globalThis.crypto.getRandomValues(new Uint8Array(n));
}

const hex = (b: number) => b.toString(16).padStart(2, '0');

/**
 * A MAC in libvirt's own range 52:54:00:xx:xx:xx (unicast and locally
 * administered: 0x52 has the multicast bit clear and the local bit set)
 * that no file of the workspace uses, nor `avoid`.
 */
export function freshMac(ctx: FeatureContext, avoid: readonly string[] = []): string {
  for (let i = 0; i < 64; i++) {
    const b = randomBytes(3);
    const mac = `52:54:00:${hex(b[0])}:${hex(b[1])}:${hex(b[2])}`;
    if (ctx.workspace.macUses(mac).length === 0 && !avoid.includes(mac)) return mac;
  }
  const b = randomBytes(3);
  return `52:54:00:${hex(b[0])}:${hex(b[1])}:${hex(b[2])}`;
}

export interface FreeSubnet {
  /** The first three octets, e.g. `192.168.100`. */
  readonly base: string;
  readonly gateway: string;
  readonly prefix: 24;
}

/** Subnets we never propose: libvirt's default network uses 192.168.122.0/24 on almost every host. */
const RESERVED = new Set(['192.168.122']);

/**
 * The first private /24 (192.168.100–254, then 192.168.0–99, then
 * 10.0.0–255 and 172.16.0–255) that overlaps no subnet of the workspace.
 */
export function freeSubnet(ctx: FeatureContext, skip: readonly string[] = []): FreeSubnet {
  const candidates: string[] = [];
  for (let i = 100; i <= 254; i++) candidates.push(`192.168.${i}`);
  for (let i = 0; i < 100; i++) candidates.push(`192.168.${i}`);
  for (let i = 0; i <= 255; i++) candidates.push(`10.0.${i}`);
  for (let i = 0; i <= 255; i++) candidates.push(`172.16.${i}`);
  for (const base of candidates) {
    if (RESERVED.has(base) || skip.includes(base)) continue;
    const a = parseAddr(`${base}.0`)!;
    if (ctx.workspace.overlapping(subnetOf(a, 24)).length === 0 && !inDocument(ctx, subnetOf(a, 24))) return { base, gateway: `${base}.1`, prefix: 24 };
  }
  return { base: '192.168.100', gateway: '192.168.100.1', prefix: 24 };
}

/** Subnets of the document itself that the index may not hold yet (a half-typed `<ip>`). */
function inDocument(ctx: FeatureContext, s: Subnet): boolean {
  const m = ctx.doc.model;
  if (!m || m.kind !== 'libvirt-network') return false;
  return m.ips.some((ip) => {
    const own = ipSubnet(ip);
    return own !== undefined && overlaps(own.subnet, s);
  });
}

/** The `<ip>` block of the network model that holds element `el` (an `<ip>`, its `<dhcp>`, a `<host>`…). */
export function ipBlockOf(ctx: FeatureContext, el: { parent: unknown } | undefined): IpBlock | undefined {
  const m = ctx.doc.model;
  if (!m || m.kind !== 'libvirt-network') return undefined;
  for (let e = el as { parent: unknown; name?: string } | undefined; e; e = e.parent as typeof e) {
    const ip = m.ips.find((b) => b.el === e);
    if (ip) return ip;
  }
  return undefined;
}

/**
 * An IPv4 address for a static DHCP host of `ip`: inside the subnet, not the
 * network, broadcast or gateway address, outside every dynamic range, and
 * not given to another host. Undefined when the subnet is unusable or full.
 */
export function freeHostAddress(ip: IpBlock): string | undefined {
  const s = ipSubnet(ip);
  if (!s || s.subnet.family !== 4) return undefined;
  const used = new Set<bigint>();
  for (const h of ip.hosts) if (h.ipAddr) used.add(h.ipAddr.value);
  used.add(s.addr.value);
  const ranges: [bigint, bigint][] = [];
  for (const r of ip.ranges) if (r.startAddr && r.endAddr) ranges.push([r.startAddr.value, r.endAddr.value]);
  const first = s.subnet.network + 1n;
  const last = broadcastOf(s.subnet) - 1n;
  // Prefer addresses from .10 up (the low ones are often routers or servers), then the rest.
  const order: [bigint, bigint][] = [
    [first + 9n, last],
    [first, first + 8n],
  ];
  for (const [lo, hi] of order) {
    for (let v = lo; v <= hi && v - lo < 70000n; v++) {
      if (used.has(v) || ranges.some(([a, b]) => v >= a && v <= b)) continue;
      return formatAddr({ family: 4, value: v } as Addr);
    }
  }
  return undefined;
}

/** Host bridge names the workspace knows: networks' `<bridge name>`, host-interface bridges, NIC sources. */
export function knownBridgeNames(ctx: FeatureContext): string[] {
  const out = new Set<string>();
  for (const f of ctx.workspace.allFacts()) {
    if (f.bridgeName?.value) out.add(f.bridgeName.value);
    for (const b of f.nicBridges) if (b.value) out.add(b.value);
  }
  for (const d of ctx.documents()) {
    if (d.kind !== 'libvirt-host-interface' || !d.xml?.root) continue;
    const root = d.xml.root;
    if (attrValue(root, 'type') === 'bridge' && attrValue(root, 'name')) out.add(attrValue(root, 'name')!);
  }
  return [...out].sort();
}

/** Host bridges only (host-interface files, and networks in bridge mode, which name an existing host bridge). */
export function hostBridgeNames(ctx: FeatureContext): string[] {
  const out = new Set<string>();
  for (const f of ctx.workspace.allFacts()) {
    if (f.forwardMode === 'bridge' && f.bridgeName?.value) out.add(f.bridgeName.value);
    for (const b of f.nicBridges) if (b.value) out.add(b.value);
  }
  for (const d of ctx.documents()) {
    if (d.kind !== 'libvirt-host-interface' || !d.xml?.root) continue;
    const root = d.xml.root;
    if (attrValue(root, 'type') === 'bridge' && attrValue(root, 'name')) out.add(attrValue(root, 'name')!);
  }
  return [...out].sort();
}

/** The first `virbrN` (N ≥ 1; virbr0 is the default network's) no workspace network uses. */
export function freeBridgeName(ctx: FeatureContext): string {
  for (let n = 1; ; n++) {
    const name = `virbr${n}`;
    if (ctx.workspace.networksWithBridge(name).length === 0) return name;
  }
}

/** A network name not used in the workspace: `base`, then `base-2`, `base-3`… */
export function freeNetworkName(ctx: FeatureContext, base: string): string {
  if (ctx.workspace.networksNamed(base).length === 0) return base;
  for (let n = 2; ; n++) if (ctx.workspace.networksNamed(`${base}-${n}`).length === 0) return `${base}-${n}`;
}
