/**
 * Shared helpers for the network addressing checks: libvirt's view of an
 * <ip> block (its family and effective prefix, computed the way
 * virSocketAddrGetIPPrefix does) and the order in which libvirt's range
 * sanity check (virSocketAddrGetRange) fails. Values that do not parse are
 * skipped here: the schema check reports them.
 */
import type { Span } from '../../parse/span';
import type { XmlElement } from '../../parse/xml';
import type { Check, CheckContext } from '../check';
import type { Finding, Severity } from '../../service/types';
import type { DhcpRange, IpBlock, NetworkModel, Val } from '../../model/libvirt';
import { addrGroups, bits, broadcastOf, formatSubnet, inSubnet, netmaskBits, parseAddr, subnetOf, type Addr, type Subnet } from '../../net/ip';

export function networkOf(ctx: CheckContext): NetworkModel | undefined {
  return ctx.model.kind === 'libvirt-network' ? ctx.model : undefined;
}

/** Per first <ip> element, per check id: findings computed from the network's <ip> elements (see perIpBlocks). */
const ipFindings = new WeakMap<XmlElement, Map<string, { uri: string; els: XmlElement[]; starts: number[]; findings: Finding[] }>>();

const moved = (s: Span, d: number): Span => ({ start: s.start + d, end: s.end + d });

function movedFinding(f: Finding, uri: string, d: number): Finding {
  const r: Finding = { ...f, span: moved(f.span, d) };
  if (f.related) (r as { related?: Finding['related'] }).related = f.related.map((x) => (x.uri === uri ? { ...x, span: moved(x.span, d) } : x));
  return r;
}

/**
 * The findings of a check that reads nothing but the network's <ip>
 * elements (their attributes and subtrees) and reports inside them: kept
 * while the <ip> element objects stay the same. parse/reparse.ts keeps an
 * element object only while its content is unchanged, so an edit elsewhere
 * (the name, another element) does not recompute a 20,000-host DHCP
 * check; the kept findings are moved with their elements. Spans are copied
 * when computed, since element spans are moved in place by a reparse.
 */
export function perIpBlocks(ctx: CheckContext, id: string, compute: (ips: readonly IpBlock[]) => Finding[]): Finding[] {
  const ips = networkOf(ctx)?.ips ?? [];
  if (ips.length === 0) return compute(ips);
  const els = ips.map((ip) => ip.el);
  let byId = ipFindings.get(els[0]);
  const known = byId?.get(id);
  if (known && known.uri === ctx.uri && known.els.length === els.length && known.els.every((el, i) => el === els[i])) {
    const d = els[0].span.start - known.starts[0];
    if (els.every((el, i) => el.span.start - known.starts[i] === d)) {
      if (d !== 0) {
        known.findings = known.findings.map((f) => movedFinding(f, ctx.uri, d));
        known.starts = els.map((el) => el.span.start);
      }
      return known.findings;
    }
  }
  const findings = compute(ips).map((f) => movedFinding(f, ctx.uri, 0));
  if (!byId) ipFindings.set(els[0], (byId = new Map()));
  byId.set(id, { uri: ctx.uri, els, starts: els.map((el) => el.span.start), findings });
  return findings;
}

export function finding(code: string, span: Span, message: string, severity?: Severity): Finding {
  return severity ? { code, span, message, severity } : { code, span, message };
}

/** A non-negative decimal integer as libvirt's virXMLPropUInt(…, 10) reads it, else undefined. */
export function uint(v: Val | undefined): number | undefined {
  if (!v || !/^\s*\d+\s*$/.test(v.value)) return undefined;
  return Number(v.value.trim());
}

/**
 * True when libvirt accepts the pairing of the `family` attribute and the
 * address: no family or `ipv4` needs an IPv4 address, `ipv6` an IPv6 one.
 * Unknown families are the schema's to report (false here).
 */
export function familyMatches(ip: IpBlock, addr: Addr): boolean {
  const fam = ip.family?.value;
  if (fam === undefined || fam === 'ipv4') return addr.family === 4;
  if (fam === 'ipv6') return addr.family === 6;
  return false;
}

/**
 * The prefix libvirt uses for an <ip> block: a prefix > 0, else the netmask's
 * bit count, else the classful default (0 for 0.0.0.0 and ::). Undefined
 * when libvirt would compute -1 (non-contiguous netmask, class D/E address
 * without a prefix) or the prefix is out of range.
 */
export function effectivePrefix(ip: IpBlock, addr: Addr): number | undefined {
  const p = uint(ip.prefix);
  if (p !== undefined && p > 0) return p <= bits(addr.family) ? p : undefined;
  const nm = parseAddr(ip.netmask?.value);
  if (nm) return netmaskBits(nm);
  if (addr.value === 0n) return 0;
  if (addr.family === 6) return 64;
  const first = Number(addr.value >> 24n);
  if (first < 128) return 8;
  if (first < 192) return 16;
  if (first < 224) return 24;
  return undefined;
}

export interface IpNet {
  readonly addr: Addr;
  readonly prefix: number;
  readonly subnet: Subnet;
}

/**
 * The address and subnet of an <ip> block when libvirt would get as far
 * as its DHCP section: the address parses, its family matches, netmask
 * and prefix are usable.
 */
export function usableIp(ip: IpBlock): IpNet | undefined {
  // Memoized per <ip> element (the model is built once per document version
  // and never changes): range and host checks ask for every range and host.
  let r = usableCache.get(ip);
  if (r === undefined) usableCache.set(ip, (r = computeUsableIp(ip) ?? null));
  return r ?? undefined;
}

const usableCache = new WeakMap<IpBlock, IpNet | null>();

function computeUsableIp(ip: IpBlock): IpNet | undefined {
  const addr = ip.addr;
  if (!addr || !familyMatches(ip, addr)) return undefined;
  if (ip.netmask) {
    const nm = parseAddr(ip.netmask.value);
    if (addr.family === 6 || !nm || nm.family !== 4) return undefined;
    if ((uint(ip.prefix) ?? 0) > 0) return undefined;
  }
  const prefix = effectivePrefix(ip, addr);
  if (prefix === undefined) return undefined;
  return { addr, prefix, subnet: subnetOf(addr, prefix) };
}

export type RangeProblemKind = 'family' | 'outside' | 'network-address' | 'broadcast' | 'too-large' | 'reversed';

export interface RangeProblem {
  readonly kind: RangeProblemKind;
  readonly span: Span;
  readonly message: string;
}

const fam = (a: Addr) => (a.family === 4 ? 'IPv4' : 'IPv6');

/**
 * The first reason libvirt rejects a DHCP range, in libvirt's own order,
 * or undefined when the range is fine or cannot be judged (values that do
 * not parse, an <ip> block libvirt rejects before reaching its ranges).
 */
export function rangeProblem(ip: IpBlock, range: DhcpRange): RangeProblem | undefined {
  let byIp = problemCache.get(range);
  if (!byIp) problemCache.set(range, (byIp = new WeakMap()));
  let r = byIp.get(ip);
  if (r === undefined) byIp.set(ip, (r = computeRangeProblem(ip, range) ?? null));
  return r ?? undefined;
}

/** Memo of rangeProblem: by range, then by its <ip> block (the model does not change once built). */
const problemCache = new WeakMap<DhcpRange, WeakMap<IpBlock, RangeProblem | null>>();

/** A problem whose span is read from its value on use: memoized problems outlive reparses that move the range. */
function problem(kind: RangeProblemKind, at: Val, message: string): RangeProblem {
  return {
    kind,
    message,
    get span() {
      return at.span;
    },
  };
}

function computeRangeProblem(ip: IpBlock, range: DhcpRange): RangeProblem | undefined {
  const { start, end } = range;
  const s = range.startAddr;
  const e = range.endAddr;
  if (!start || !end || !s || !e) return undefined;
  const text = `${start.value} – ${end.value}`;
  if (s.family !== e.family) return problem('family', end, `DHCP range ${text} mixes an ${fam(s)} start with an ${fam(e)} end`);
  const net = usableIp(ip);
  if (!net) return undefined;
  if (s.family !== net.addr.family) return problem('family', start, `DHCP range ${text} is ${fam(s)} but its <ip> block ${ip.address?.value} is ${fam(net.addr)}`);
  const where = formatSubnet(net.subnet);
  if (!inSubnet(s, net.subnet) || !inSubnet(e, net.subnet)) return problem('outside', inSubnet(s, net.subnet) ? end : start, `DHCP range ${text} is not entirely inside ${where}`);
  if (s.family === 4) {
    if (s.value === net.subnet.network) return problem('network-address', start, `DHCP range ${text} starts at the network address of ${where}`);
    if (e.value === broadcastOf(net.subnet)) return problem('broadcast', end, `DHCP range ${text} ends at the broadcast address of ${where}`);
  }
  const gs = addrGroups(s);
  const ge = addrGroups(e);
  const fixed = s.family === 4 ? 2 : 7;
  for (let i = 0; i < fixed; i++)
    if (gs[i] !== ge[i])
      return problem(
        'too-large',
        end,
        s.family === 4
          ? `DHCP range ${text} is too large: libvirt requires start and end to share their first two bytes (at most 65536 addresses)`
          : `DHCP range ${text} is too large: libvirt requires start and end to differ only in the last 16 bits`,
      );
  if (e.value < s.value) return problem('reversed', end, `DHCP range ${text} is reversed: the end is lower than the start`);
  return undefined;
}

/**
 * A check reporting the DHCP ranges whose first problem, in libvirt's own
 * order (rangeProblem), is of one of `kinds`: each range gets at most one
 * error, from the check of its first problem.
 */
export function rangeProblemCheck(id: string, kinds: readonly RangeProblemKind[], description: string): Check {
  return {
    id,
    defaultSeverity: 'error',
    description,
    appliesTo: ['libvirt-network'],
    run(ctx) {
      const out: Finding[] = [];
      for (const ip of networkOf(ctx)?.ips ?? [])
        for (const r of ip.ranges) {
          const p = rangeProblem(ip, r);
          if (p && kinds.includes(p.kind)) out.push(finding(id, p.span, p.message));
        }
      return out;
    },
  };
}
