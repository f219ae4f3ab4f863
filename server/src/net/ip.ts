/**
 * IP address arithmetic over ipaddr.js: parsing (strict, as libvirt's
 * schema writes addresses), prefixes and netmasks, subnet membership.
 * Addresses become bigints so IPv4 and IPv6 share one code path.
 */
import ipaddr from 'ipaddr.js';

export type Family = 4 | 6;

export interface Addr {
  readonly family: Family;
  readonly value: bigint;
}

export interface Subnet {
  readonly family: Family;
  /** Network address (host bits cleared). */
  readonly network: bigint;
  readonly prefix: number;
}

const BITS: Record<Family, number> = { 4: 32, 6: 128 };

export function bits(family: Family): number {
  return BITS[family];
}

/**
 * A dotted-quad IPv4 address, exactly what ipaddr.js's
 * `IPv4.isValidFourPartDecimal` accepts: four parts of ASCII digits
 * separated by dots, no leading zeros (except `0` itself), each at most
 * 255. Returns the 32-bit value, or -1. Hand-written because it runs once
 * per address of a 20,000-host network and the regex path allocated.
 */
export function parseIPv4(s: string): number {
  const n = s.length;
  if (n < 7 || n > 15) return -1;
  let value = 0;
  let part = 0;
  let digits = 0;
  let dots = 0;
  for (let i = 0; i < n; i++) {
    const c = s.charCodeAt(i);
    if (c === 46 /* . */) {
      if (digits === 0 || dots === 3) return -1;
      value = value * 256 + part;
      part = 0;
      digits = 0;
      dots++;
    } else if (c >= 48 && c <= 57) {
      if (digits === 1 && part === 0) return -1; // leading zero
      part = part * 10 + (c - 48);
      if (part > 255) return -1;
      digits++;
    } else return -1;
  }
  if (digits === 0 || dots !== 3) return -1;
  return value * 256 + part;
}

/** An IPv4 (dotted quad) or IPv6 address, surrounding whitespace ignored; undefined otherwise. */
export function parseAddr(text: string | undefined): Addr | undefined {
  if (text === undefined) return undefined;
  const s = text.trim();
  const v4 = parseIPv4(s);
  if (v4 >= 0) return { family: 4, value: BigInt(v4) };
  if (s.includes(':') && !s.includes('%') && ipaddr.IPv6.isValid(s)) {
    const parts = ipaddr.IPv6.parse(s).parts;
    let v = 0n;
    for (const x of parts) v = (v << 16n) | BigInt(x);
    return { family: 6, value: v };
  }
  return undefined;
}

export function formatAddr(a: Addr): string {
  if (a.family === 4) {
    const v = Number(a.value);
    return [v >>> 24, (v >>> 16) & 255, (v >>> 8) & 255, v & 255].join('.');
  }
  const bytes: number[] = [];
  for (let i = 15; i >= 0; i--) bytes.push(Number((a.value >> BigInt(i * 8)) & 255n));
  return ipaddr.fromByteArray(bytes).toString();
}

const MASKS: Record<Family, bigint[]> = { 4: [], 6: [] };
for (const family of [4, 6] as const) {
  const n = BigInt(BITS[family]);
  for (let p = 0n; p <= n; p++) MASKS[family].push(((1n << n) - 1n) ^ ((1n << (n - p)) - 1n));
}

function mask(family: Family, prefix: number): bigint {
  const m = MASKS[family][prefix];
  if (m !== undefined) return m;
  // Out-of-range prefixes keep the arithmetic they always had.
  const n = BigInt(BITS[family]);
  const p = BigInt(prefix);
  return ((1n << n) - 1n) ^ ((1n << (n - p)) - 1n);
}

export function subnetOf(a: Addr, prefix: number): Subnet {
  return { family: a.family, network: a.value & mask(a.family, prefix), prefix };
}

export function broadcastOf(s: Subnet): bigint {
  return s.network | (((1n << BigInt(BITS[s.family])) - 1n) ^ mask(s.family, s.prefix));
}

export function inSubnet(a: Addr, s: Subnet): boolean {
  return a.family === s.family && (a.value & mask(s.family, s.prefix)) === s.network;
}

export function overlaps(a: Subnet, b: Subnet): boolean {
  if (a.family !== b.family) return false;
  const p = Math.min(a.prefix, b.prefix);
  const m = mask(a.family, p);
  return (a.network & m) === (b.network & m);
}

export function formatSubnet(s: Subnet): string {
  return `${formatAddr({ family: s.family, value: s.network })}/${s.prefix}`;
}

/**
 * The prefix libvirt assumes when an <ip> has neither prefix nor netmask
 * (virSocketAddrGetIPPrefix): the classful one for IPv4, 64 for IPv6.
 */
export function defaultPrefix(a: Addr): number {
  if (a.family === 6) return 64;
  const first = Number(a.value >> 24n);
  if (first < 128) return 8;
  if (first < 192) return 16;
  if (first < 224) return 24;
  return 32;
}

/**
 * The prefix length a netmask stands for: its number of leading one bits, or
 * undefined when the mask is not contiguous (what virSocketAddrGetNumNetmaskBits
 * reports as -1), not an address, or not of `family` when one is given. The
 * one netmask helper: text is parsed first.
 */
export function netmaskBits(m: Addr | string | undefined, family?: Family): number | undefined {
  const a = typeof m === 'string' ? parseAddr(m) : m;
  if (!a || (family !== undefined && a.family !== family)) return undefined;
  const n = BITS[a.family];
  for (let p = 0; p <= n; p++) if (mask(a.family, p) === a.value) return p;
  return undefined;
}

/** The 16-bit groups (IPv6) or bytes (IPv4) of an address, most significant first. */
export function addrGroups(a: Addr): number[] {
  const width = a.family === 4 ? 8n : 16n;
  const count = a.family === 4 ? 4 : 8;
  const out: number[] = [];
  for (let i = count - 1; i >= 0; i--) out.push(Number((a.value >> (BigInt(i) * width)) & ((1n << width) - 1n)));
  return out;
}

/**
 * A MAC address written as six colon-separated groups of one or two hex
 * digits (what libvirt's virMacAddrParse reads), as bytes; undefined otherwise.
 */
export function parseMac(text: string | undefined): number[] | undefined {
  const v = parseMacValue(text);
  if (v === undefined) return undefined;
  const out: number[] = [];
  for (let i = 5; i >= 0; i--) out.push(Math.floor(v / 2 ** (8 * i)) % 256);
  return out;
}

/**
 * parseMac as one 48-bit number (exact in a double): no array per MAC when
 * 20,000 hosts only need comparing or their multicast bit.
 */
export function parseMacValue(text: string | undefined): number | undefined {
  if (text === undefined) return undefined;
  const s = text.trim();
  const n = s.length;
  if (n < 11 || n > 17) return undefined;
  let value = 0;
  let byte = 0;
  let digits = 0;
  let groups = 0;
  for (let i = 0; i < n; i++) {
    const c = s.charCodeAt(i);
    if (c === 58 /* : */) {
      if (digits === 0 || groups === 5) return undefined;
      value = value * 256 + byte;
      groups++;
      byte = 0;
      digits = 0;
      continue;
    }
    const d = c >= 48 && c <= 57 ? c - 48 : c >= 97 && c <= 102 ? c - 87 : c >= 65 && c <= 70 ? c - 55 : -1;
    if (d < 0 || digits === 2) return undefined;
    byte = byte * 16 + d;
    digits++;
  }
  if (digits === 0 || groups !== 5) return undefined;
  return value * 256 + byte;
}

/** The multicast bit of a MAC from parseMacValue (the low bit of its first byte). */
export function isMulticastMacValue(v: number): boolean {
  return Math.floor(v / 2 ** 40) % 2 === 1;
}

/** True for a group (multicast/broadcast) MAC: the low bit of the first byte is set. */
export function isMulticastMac(bytes: readonly number[]): boolean {
  return (bytes[0] & 1) === 1;
}
