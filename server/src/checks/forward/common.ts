/**
 * Shared helpers of the network-identity / forward-mode checks: the forward
 * mode as libvirt reads it, the forward device pool, and small value parsers
 * that follow libvirt's own number and MAC parsing (only as far as the checks
 * need: a value that does not parse is left to the schema checks).
 */
import type { Span } from '../../parse/span';
import { attr, children, type XmlElement } from '../../parse/xml';
import type { NetworkModel, Val } from '../../model/libvirt';
import { attrVal } from '../../model/libvirt';
import type { Finding, Severity } from '../../service/types';
import type { CheckContext } from '../check';

export const FORWARD_MODES = ['nat', 'route', 'open', 'bridge', 'private', 'vepa', 'passthrough', 'hostdev'] as const;
export type ForwardMode = 'none' | (typeof FORWARD_MODES)[number];

/** The modes whose guests attach straight to a host device (macvtap or PCI passthrough). */
export const DIRECT_MODES: readonly ForwardMode[] = ['private', 'vepa', 'passthrough', 'hostdev'];
/** The modes in which libvirt creates and configures the bridge itself. */
export const L3_MODES: readonly ForwardMode[] = ['none', 'nat', 'route', 'open'];

export function network(ctx: CheckContext): NetworkModel | undefined {
  return ctx.model.kind === 'libvirt-network' ? ctx.model : undefined;
}

/**
 * The forward mode: 'none' without <forward> (an isolated network), 'nat'
 * for <forward> without a mode, undefined for a mode libvirt does not know
 * (the schema checks report that; mode-dependent checks then stay quiet).
 */
export function forwardMode(net: NetworkModel): ForwardMode | undefined {
  if (!net.forward) return 'none';
  const mode = net.forwardMode?.value;
  if (mode === undefined) return 'nat';
  return (FORWARD_MODES as readonly string[]).includes(mode) ? (mode as ForwardMode) : undefined;
}

/** Where to report something about the forward mode: its value, else the <forward> name. */
export function modeSpan(net: NetworkModel): Span | undefined {
  return net.forwardMode?.span ?? net.forward?.nameSpan;
}

/** The pool of <forward>: the dev attribute and its <interface>, <address> and <pf> children. */
export interface ForwardPool {
  readonly dev?: Val;
  readonly interfaces: XmlElement[];
  readonly addresses: XmlElement[];
  readonly pfs: XmlElement[];
}

export function forwardPool(net: NetworkModel): ForwardPool {
  const f = net.forward;
  if (!f) return { interfaces: [], addresses: [], pfs: [] };
  return { dev: attrVal(f, 'dev'), interfaces: children(f, 'interface'), addresses: children(f, 'address'), pfs: children(f, 'pf') };
}

/**
 * How many forward interfaces libvirt counts (its `forward.nifs` for netdev
 * names): the dev attribute and every <interface>, where a first <interface>
 * equal to dev is the same one. Addresses count only when there is neither.
 */
export function netdevCount(pool: ForwardPool): number {
  if (!pool.dev) return pool.interfaces.length;
  const first = pool.interfaces[0] && attr(pool.interfaces[0], 'dev')?.value;
  return pool.interfaces.length === 0 ? 1 : first === pool.dev.value ? pool.interfaces.length : pool.interfaces.length + 1;
}

/** libvirt's virStrToLong_ul* family in base 10: optional leading blanks, optional sign, digits, nothing after. */
export function parseCInteger(text: string): bigint | undefined {
  const m = /^[ \t\n\r\f\v]*([+-]?)(\d+)$/.exec(text);
  if (!m) return undefined;
  const v = BigInt(m[2]);
  return m[1] === '-' ? -v : v;
}

export const UINT_MAX = 4294967295n;

export function finding(code: string, span: Span, message: string, severity?: Severity): Finding {
  return severity ? { code, span, message, severity } : { code, span, message };
}

/** The value span of an attribute, else its name span. */
export function attrSpan(el: XmlElement, name: string): Span | undefined {
  const a = attr(el, name);
  return a ? (a.valueSpan ?? a.nameSpan) : undefined;
}

/** A number as libvirt's PCI address parser reads it (C base 0: 0x… hex, 0… octal, else decimal). */
export function parseCNumber(text: string | undefined): bigint | undefined {
  if (text === undefined) return undefined;
  const s = text.trim();
  if (/^0x[0-9a-f]+$/i.test(s)) return BigInt(s);
  if (/^0[0-7]*$/.test(s)) return BigInt('0o' + (s.slice(1) || '0'));
  if (/^[1-9]\d*$/.test(s)) return BigInt(s);
  return undefined;
}

/** The dev values of the <interface> elements of the pool, with where each is written. */
export function interfaceDevs(pool: ForwardPool): { value: string; span: Span; el: XmlElement }[] {
  const out: { value: string; span: Span; el: XmlElement }[] = [];
  for (const el of pool.interfaces) {
    const a = attr(el, 'dev');
    if (a?.value !== undefined) out.push({ value: a.value, span: a.valueSpan ?? a.nameSpan, el });
  }
  return out;
}
