/**
 * Values an editor feature has to invent rather than pick from the schema:
 * a fresh UUID, a MAC address no workspace file uses, the next private
 * subnet no workspace network overlaps, a DHCP range for a subnet and a
 * free static address inside it. Shared by completion, snippets and quick
 * fixes. Pure apart from the random source (injectable for tests).
 */
import { randomBytes, randomUUID } from 'node:crypto';
import { ipSubnet, type IpBlock } from '../model/libvirt';
import { bits, broadcastOf, formatAddr, overlaps, parseAddr, subnetOf, type Addr, type Family, type Subnet } from '../net/ip';
import { normalizeMac, type WorkspaceIndex } from '../workspace/workspaceIndex';

export type RandomBytes = (n: number) => Uint8Array;
const defaultRandom: RandomBytes = (n) => randomBytes(n);

/** A random (version 4) UUID in the usual 8-4-4-4-12 form. */
export function freshUuid(): string {
  return randomUUID();
}

/**
 * A MAC address with libvirt's (QEMU's) prefix 52:54:00 — unicast, locally
 * administered (0x52 has the multicast bit clear and the local bit set) —
 * that no file of the workspace nor VM of a targeted KVM host uses and that is not in `avoid`.
 */
export function freshMac(workspace: WorkspaceIndex, avoid: Iterable<string> = [], random: RandomBytes = defaultRandom): string {
  const taken = new Set([...avoid].map(normalizeMac));
  let mac = '';
  for (let attempt = 0; attempt < 1000; attempt++) {
    const b = random(3);
    mac = ['52', '54', '00', ...[b[0], b[1], b[2]].map((x) => x.toString(16).padStart(2, '0'))].join(':');
    if (!taken.has(mac) && workspace.macUses(mac).length === 0 && workspace.hosts.nicsWithMac(mac).length === 0) return mac;
  }
  return mac;
}

/** libvirt's default network uses this one on nearly every host: never propose it. */
const LIBVIRT_DEFAULT_SUBNET: Subnet = { family: 4, network: 0xc0a87a00n, prefix: 24 };

function v4(a: number, b: number, c: number, d: number): bigint {
  return BigInt(((a * 256 + b) * 256 + c) * 256 + d);
}

/** Private IPv4 pools in the order we search them, each from a start address. */
const V4_POOLS: { pool: Subnet; from: bigint }[] = [
  { pool: { family: 4, network: v4(192, 168, 0, 0), prefix: 16 }, from: v4(192, 168, 100, 0) },
  { pool: { family: 4, network: v4(192, 168, 0, 0), prefix: 16 }, from: v4(192, 168, 0, 0) },
  { pool: { family: 4, network: v4(10, 0, 0, 0), prefix: 8 }, from: v4(10, 0, 0, 0) },
  { pool: { family: 4, network: v4(172, 16, 0, 0), prefix: 12 }, from: v4(172, 16, 0, 0) },
];

/** Upper bound on candidate blocks tried per pool (keeps the search bounded on huge workspaces). */
const MAX_TRIES = 1 << 16;

/**
 * The first private subnet of `prefix` bits (default /24 for IPv4, /64 for
 * IPv6) that overlaps no network of the workspace or of a targeted KVM host, nothing in `avoid`, and
 * not libvirt's default 192.168.122.0/24. IPv4 searches 192.168.100.0/24
 * upwards, then the rest of 192.168.0.0/16, 10.0.0.0/8 and 172.16.0.0/12;
 * IPv6 searches a random unique-local (fd00::/8) /48.
 */
export function nextFreeSubnet(
  workspace: WorkspaceIndex,
  family: Family = 4,
  prefix: number = family === 4 ? 24 : 64,
  avoid: readonly Subnet[] = [],
  random: RandomBytes = defaultRandom,
): Subnet | undefined {
  const free = (s: Subnet) =>
    workspace.overlapping(s).length === 0 && !workspace.hosts.anySubnetOverlapping(s) && !avoid.some((a) => overlaps(a, s)) && !(family === 4 && overlaps(LIBVIRT_DEFAULT_SUBNET, s));
  if (family === 4) {
    if (prefix < 8 || prefix > 30) return undefined;
    for (const { pool, from } of V4_POOLS) {
      if (prefix < pool.prefix) continue;
      const size = 1n << BigInt(32 - prefix);
      const end = broadcastOf(pool);
      let tries = 0;
      for (let n = from; n <= end && tries < MAX_TRIES; n += size, tries++) {
        const s = subnetOf({ family: 4, value: n }, prefix);
        if (free(s)) return s;
      }
    }
    return undefined;
  }
  if (prefix < 48 || prefix > 126) return undefined;
  const g = random(5);
  let base = 0xfdn;
  for (const x of g) base = (base << 8n) | BigInt(x);
  base <<= 80n; // fdXX:XXXX:XXXX::/48
  const size = 1n << BigInt(128 - prefix);
  for (let i = 0n; i < BigInt(MAX_TRIES); i++) {
    const s = subnetOf({ family: 6, value: base + i * size }, prefix);
    if (s.network >> 80n !== base >> 80n) break;
    if (free(s)) return s;
  }
  return undefined;
}

/** The host's own address in a subnet, as libvirt networks usually have it: the first one (x.x.x.1, or ::1). */
export function gatewayOf(s: Subnet): Addr {
  return { family: s.family, value: s.network + 1n };
}

export interface AddrRange {
  readonly start: Addr;
  readonly end: Addr;
}

/**
 * A DHCP range for `subnet` that leaves out the network and broadcast
 * addresses and `gateway`, and that libvirt accepts (at most 65536
 * addresses). Style 'full' takes the larger side of the gateway (for a /24
 * with the gateway at .1: .2–.254); 'upper' is the tutorial's .101–.254
 * style (the upper part of the subnet, leaving the low addresses for static
 * hosts), falling back to 'full' for subnets too small for it.
 */
export function dhcpRangeFor(subnet: Subnet, gateway?: Addr, style: 'full' | 'upper' = 'full'): AddrRange | undefined {
  const last = subnet.family === 4 ? broadcastOf(subnet) - 1n : broadcastOf(subnet);
  const first = subnet.network + 1n;
  if (last < first) return undefined;
  let lo = first;
  let hi = last;
  const gw = gateway && gateway.family === subnet.family && gateway.value >= first && gateway.value <= last ? gateway.value : undefined;
  if (gw !== undefined) {
    if (gw - first >= last - gw) hi = gw - 1n;
    else lo = gw + 1n;
  }
  if (hi < lo) return undefined;
  const hostBits = bits(subnet.family) - subnet.prefix;
  if (style === 'upper' && subnet.family === 4 && hostBits === 8 && (gw === undefined || gw < subnet.network + 101n)) lo = subnet.network + 101n;
  // libvirt: the two ends may differ only in the last 16 bits.
  const cap = lo | 0xffffn;
  if (hi > cap) hi = cap;
  return { start: { family: subnet.family, value: lo }, end: { family: subnet.family, value: hi } };
}

/**
 * A free address for a static DHCP host in an <ip> block: inside its
 * subnet, not the network, broadcast or gateway address, outside every
 * dynamic range, not used by another host and not in `avoid`. Searches
 * from the bottom of the subnet (where static hosts usually live).
 */
export function freeHostAddress(ip: IpBlock, avoid: readonly string[] = []): string | undefined {
  const net = ipSubnet(ip);
  if (!net) return undefined;
  const { subnet, addr } = net;
  const taken = new Set<bigint>([addr.value]);
  for (const h of ip.hosts) {
    const a = parseAddr(h.ip?.value);
    if (a) taken.add(a.value);
  }
  for (const s of avoid) {
    const a = parseAddr(s);
    if (a) taken.add(a.value);
  }
  const ranges: [bigint, bigint][] = [];
  for (const r of ip.ranges) {
    const s = parseAddr(r.start?.value);
    const e = parseAddr(r.end?.value);
    if (s && e && s.family === subnet.family && e.family === subnet.family) ranges.push([s.value, e.value]);
  }
  const last = subnet.family === 4 ? broadcastOf(subnet) - 1n : broadcastOf(subnet);
  let tries = 0;
  for (let v = subnet.network + 1n; v <= last && tries < 100000; tries++) {
    const inRange = ranges.find(([s, e]) => s <= v && v <= e);
    if (inRange) {
      v = inRange[1] + 1n;
      continue;
    }
    if (!taken.has(v)) return formatAddr({ family: subnet.family, value: v });
    v++;
  }
  return undefined;
}
