/**
 * Derived facts over a parsed interfaces file: the addresses each stanza
 * configures (with the prefix ifupdown will actually use), bridges and their
 * ports. Pure and cheap; the checks and the cross-format checks share them.
 */
import type { Span } from '../parse/span';
import { type Addr, type Family, type Subnet, defaultPrefix, netmaskBits, parseAddr, subnetOf } from '../net/ip';
import { type IfaceStanza, type InterfacesModel, type OptionLine, type Token, option, optionsNamed } from './parse';
import type { Dialect } from './dialect';

/** 4 for `inet`, 6 for `inet6`, undefined for other families. */
export function ipFamily(st: IfaceStanza): Family | undefined {
  const f = st.family?.text;
  return f === 'inet' ? 4 : f === 'inet6' ? 6 : undefined;
}

/**
 * The family a stanza's addresses must have: 4 or 6 for inet/inet6; `any`
 * for an ifupdown2 stanza without family (`iface vmbr0`), which takes
 * addresses of both; undefined for the other families.
 */
export function addressFamily(st: IfaceStanza, dialect: Dialect): Family | 'any' | undefined {
  if (!st.family) return dialect === 'ifupdown2' && !st.inheritsKeyword ? 'any' : undefined;
  return ipFamily(st);
}

export interface ParsedPrefix {
  readonly prefix?: number;
  /** Why the text is not a prefix, when it is not. */
  readonly error?: string;
}

/** A prefix length (`24`) or, for IPv4, a dotted netmask (`255.255.255.0`). */
export function parsePrefix(text: string, family: Family): ParsedPrefix {
  const max = family === 4 ? 32 : 128;
  if (/^\d+$/.test(text)) {
    const n = Number(text);
    return n <= max ? { prefix: n } : { error: `a prefix length for ${family === 4 ? 'IPv4' : 'IPv6'} is at most ${max}` };
  }
  if (family === 4) {
    const a = parseAddr(text);
    if (a?.family === 4) {
      const p = netmaskBits(a);
      return p === undefined ? { error: 'the netmask is not contiguous (its one bits must all come first)' } : { prefix: p };
    }
    return { error: 'expected a dotted netmask such as 255.255.255.0 or a prefix length such as 24' };
  }
  return { error: 'expected a prefix length between 0 and 128' };
}

export interface AddressValue {
  readonly addr?: Addr;
  /** The /prefix written in the value, if any. */
  readonly prefix?: number;
  /** Span of the address part and of the prefix part (after the slash). */
  readonly addrSpan: Span;
  readonly prefixSpan?: Span;
  readonly error?: string;
  /** Where the error lies. */
  readonly errorSpan?: Span;
}

/** Parses an `address` value for the stanza's family (`any`: either): `ADDR` or `ADDR/PREFIX`. */
export function parseAddressValue(opt: OptionLine, expected: Family | 'any'): AddressValue {
  const span = opt.valueSpan;
  const fam = expected === 4 ? 'IPv4' : expected === 6 ? 'IPv6' : 'IP';
  if (opt.values.length !== 1) {
    return {
      addrSpan: span,
      error: opt.values.length === 0 ? 'has no value' : `'${opt.value}' is not one ${fam} address (several words; a comment cannot follow a value on the same line)`,
      errorSpan: span,
    };
  }
  const text = opt.values[0].text;
  const slash = text.indexOf('/');
  const a = slash < 0 ? text : text.slice(0, slash);
  const addrSpan = { start: span.start, end: span.start + a.length };
  const addr = parseAddr(a);
  if (!addr) {
    return { addrSpan, error: `'${a}' is not a valid ${fam} address`, errorSpan: addrSpan };
  }
  const family = expected === 'any' ? addr.family : expected;
  if (addr.family !== family) {
    return {
      addrSpan,
      error: `'${a}' is an ${addr.family === 4 ? 'IPv4' : 'IPv6'} address in an ${family === 4 ? 'inet' : 'inet6'} stanza, which needs an ${fam} address`,
      errorSpan: addrSpan,
    };
  }
  if (slash < 0) return { addr, addrSpan };
  const prefixSpan = { start: span.start + slash + 1, end: span.end };
  const p = parsePrefix(text.slice(slash + 1), family);
  if (p.prefix === undefined) return { addr, addrSpan, prefixSpan, error: `'${text.slice(slash + 1)}' after the slash: ${p.error}`, errorSpan: prefixSpan.start === prefixSpan.end ? { start: span.start + slash, end: span.end } : prefixSpan };
  return { addr, addrSpan, prefixSpan, prefix: p.prefix };
}

export interface IfaceAddress {
  /** The interface name. */
  readonly name: string;
  readonly stanza: IfaceStanza;
  readonly option: OptionLine;
  readonly family: Family;
  readonly addr: Addr;
  /**
   * The prefix the dialect uses. Classic ifupdown: `netmask` if valid, else
   * the /prefix, else the classful default (IPv4) or 128 (IPv6). ifupdown2:
   * the /prefix, else `netmask`, else 32 (IPv4) or 128 (IPv6).
   */
  readonly prefix: number;
  readonly prefixFrom: 'netmask' | 'address' | 'default';
  readonly subnet: Subnet;
  /** The address text (without prefix). */
  readonly span: Span;
}

/** The prefix a `netmask` option gives, if it is valid. */
export function netmaskPrefix(st: IfaceStanza, family: Family): number | undefined {
  const nm = option(st, 'netmask');
  if (!nm || nm.values.length !== 1) return undefined;
  return parsePrefix(nm.values[0].text, family).prefix;
}

const addressCache: Record<Dialect, WeakMap<IfaceStanza, IfaceAddress[]>> = { ifupdown: new WeakMap(), ifupdown2: new WeakMap() };

/**
 * The well-formed addresses a stanza configures, each with the prefix and
 * subnet the dialect gives it. Cached per stanza object (a parse makes new
 * objects, so the cache never goes stale); treat the result as read-only.
 */
export function stanzaAddresses(st: IfaceStanza, dialect: Dialect = 'ifupdown'): IfaceAddress[] {
  const cache = addressCache[dialect];
  let out = cache.get(st);
  if (!out) cache.set(st, (out = computeAddresses(st, dialect)));
  return out;
}

function computeAddresses(st: IfaceStanza, dialect: Dialect): IfaceAddress[] {
  const expected = addressFamily(st, dialect);
  if (!expected || !st.name) return [];
  const out: IfaceAddress[] = [];
  const masks = { 4: netmaskPrefix(st, 4), 6: netmaskPrefix(st, 6) };
  for (const opt of optionsNamed(st, 'address')) {
    const v = parseAddressValue(opt, expected);
    if (!v.addr || v.error) continue;
    const family = v.addr.family;
    const nm = masks[family];
    let prefix: number;
    let prefixFrom: IfaceAddress['prefixFrom'];
    if (dialect === 'ifupdown2' && v.prefix !== undefined) [prefix, prefixFrom] = [v.prefix, 'address'];
    else if (nm !== undefined) [prefix, prefixFrom] = [nm, 'netmask'];
    else if (v.prefix !== undefined) [prefix, prefixFrom] = [v.prefix, 'address'];
    else if (dialect === 'ifupdown2') [prefix, prefixFrom] = [family === 4 ? 32 : 128, 'default'];
    else [prefix, prefixFrom] = [family === 4 ? defaultPrefix(v.addr) : 128, 'default'];
    out.push({ name: st.name.text, stanza: st, option: opt, family, addr: v.addr, prefix, prefixFrom, subnet: subnetOf(v.addr, prefix), span: v.addrSpan });
  }
  return out;
}

/** Every well-formed address of the file, per interface stanza (for cross-format checks). */
export function hostAddresses(model: InterfacesModel, dialect: Dialect = 'ifupdown'): IfaceAddress[] {
  return model.ifaces.flatMap((st) => stanzaAddresses(st, dialect));
}

export interface BridgeFact {
  readonly name: string;
  /** The bridge's name in its `iface` line. */
  readonly span: Span;
  readonly stanza: IfaceStanza;
  /** Named ports (the keywords none/all and regex patterns excluded). */
  readonly ports: readonly Token[];
  /** `bridge_ports all`: every ethX-like device. */
  readonly all: boolean;
  /** Patterns given after `regex` or (ifupdown2) `glob`. */
  readonly patterns: readonly string[];
}

/** The ports a `bridge_ports` value names, and its keywords. */
export function bridgePortsOf(opt: OptionLine): { ports: Token[]; all: boolean; patterns: string[] } {
  const ports: Token[] = [];
  const patterns: string[] = [];
  let all = false;
  let regex = false;
  for (const t of opt.values) {
    if (t.text === 'regex' || t.text === 'glob') regex = true;
    else if (t.text === 'noregex') regex = false;
    else if (regex) patterns.push(t.text);
    else if (t.text === 'all') all = true;
    else if (t.text !== 'none') ports.push(t);
  }
  return { ports, all, patterns };
}

/** Interfaces that are bridges (they have `bridge_ports`), one entry per stanza. */
export function bridges(model: InterfacesModel): BridgeFact[] {
  const out: BridgeFact[] = [];
  for (const st of model.ifaces) {
    const opt = option(st, 'bridge_ports');
    if (!opt || !st.name) continue;
    out.push({ name: st.name.text, span: st.name.span, stanza: st, ...bridgePortsOf(opt) });
  }
  return out;
}

/** Interface names that have an `iface` stanza, with the span of the first one. */
export function declaredInterfaces(model: InterfacesModel): Map<string, Span> {
  const out = new Map<string, Span>();
  for (const st of model.ifaces) if (st.name && !out.has(st.name.text)) out.set(st.name.text, st.name.span);
  return out;
}
