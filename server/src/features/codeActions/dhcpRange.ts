/**
 * Fixes for a DHCP `<range>` libvirt rejects or that covers the host's own
 * address: swap reversed ends, fit the range into its subnet (off the
 * network, broadcast and gateway addresses, within libvirt's 65536-address
 * limit), or replace it with the usual range of the subnet.
 */
import type { CodeAction } from 'vscode-languageserver-types';
import { usableIp } from '../../checks/network/util';
import type { DhcpRange, IpBlock, NetworkModel } from '../../model/libvirt';
import { broadcastOf, formatAddr, formatSubnet, parseAddr, type Addr } from '../../net/ip';
import { dhcpRangeFor } from '../freshValues';
import { locate, quickFix, replace, type Edit, type FixInput } from './edits';

interface Target {
  readonly ip: IpBlock;
  readonly range: DhcpRange;
}

/** The <ip> block and <range> whose start or end the diagnostic points at. */
function target(input: FixInput): Target | undefined {
  const at = locate(input.ctx, input.span);
  const model = input.ctx.doc.model;
  if (!at || at.part !== 'attr-value' || at.el.name !== 'range' || model?.kind !== 'libvirt-network') return undefined;
  for (const ip of (model as NetworkModel).ips) {
    const range = ip.ranges.find((r) => r.el === at.el);
    if (range?.start && range.end) return { ip, range };
  }
  return undefined;
}

/**
 * True when libvirt accepts [lo, hi] in this block (the rules of
 * checks/network/util.ts rangeProblem, restated on numbers) and the range
 * leaves the host's own address out.
 */
function acceptable(t: Target, lo: Addr, hi: Addr): boolean {
  const net = usableIp(t.ip);
  if (!net || lo.family !== net.addr.family || hi.family !== net.addr.family) return false;
  const { subnet, addr: gw } = net;
  const bcast = broadcastOf(subnet);
  const inside = (v: bigint) => v >= subnet.network && v <= bcast;
  if (!inside(lo.value) || !inside(hi.value) || hi.value < lo.value) return false;
  if (lo.family === 4 && (lo.value === subnet.network || hi.value === bcast)) return false;
  if (lo.value >> 16n !== hi.value >> 16n) return false;
  return gw.value < lo.value || gw.value > hi.value;
}

/**
 * The given range moved into the subnet as little as possible: a range
 * wholly outside keeps its host part (10.0.0.101–254 in 192.168.1.0/24
 * becomes 192.168.1.101–254), ends are clamped inside the usable addresses,
 * swapped if reversed, the gateway is cut off the shorter side, and the end
 * is capped to libvirt's size limit.
 */
export function fitRange(ip: IpBlock, range: DhcpRange): { start: Addr; end: Addr } | undefined {
  const net = usableIp(ip);
  const s = parseAddr(range.start?.value);
  const e = parseAddr(range.end?.value);
  if (!net || !s || !e || s.family !== net.addr.family || e.family !== net.addr.family) return undefined;
  const { subnet, addr: gw } = net;
  const bcast = broadcastOf(subnet);
  const hostMask = bcast - subnet.network;
  const first = subnet.network + 1n;
  const last = subnet.family === 4 ? bcast - 1n : bcast;
  const inside = (v: bigint) => v >= subnet.network && v <= bcast;
  let lo = s.value;
  let hi = e.value;
  if (!inside(lo) && !inside(hi)) {
    lo = subnet.network | (lo & hostMask);
    hi = subnet.network | (hi & hostMask);
  }
  if (lo > hi) [lo, hi] = [hi, lo];
  if (lo < first) lo = first;
  if (hi > last) hi = last;
  if (hi > (lo | 0xffffn)) hi = lo | 0xffffn;
  if (lo <= gw.value && gw.value <= hi) {
    if (gw.value - lo < hi - gw.value) lo = gw.value + 1n;
    else hi = gw.value - 1n;
  }
  if (lo > hi) return undefined;
  return { start: { family: subnet.family, value: lo }, end: { family: subnet.family, value: hi } };
}

function setRange(t: Target, start: Addr, end: Addr): Edit[] {
  const out: Edit[] = [];
  const s = formatAddr(start);
  const e = formatAddr(end);
  if (s !== t.range.start!.value) out.push(replace(t.range.start!.span, s));
  if (e !== t.range.end!.value) out.push(replace(t.range.end!.span, e));
  return out;
}

function titleFor(code: string, subnet: string): string {
  switch (code) {
    case 'libvirt/dhcp-range-outside-subnet':
      return `Fit the range into ${subnet}`;
    case 'libvirt/dhcp-range-network-address':
      return 'Keep the range off the network and broadcast addresses';
    case 'libvirt/dhcp-range-too-large':
      return 'Shrink the range to what libvirt accepts';
    case 'libvirt/dhcp-range-includes-host-ip':
      return "Keep the host's address out of the range";
    default:
      return `Fit the range into ${subnet}`;
  }
}

export function dhcpRangeFix(input: FixInput): CodeAction[] {
  const t = target(input);
  if (!t) return [];
  const net = usableIp(t.ip);
  if (!net) return [];
  const code = String(input.diagnostic.code ?? '');
  const out: CodeAction[] = [];
  const seen = new Set<string>([`${t.range.start!.value}-${t.range.end!.value}`]);
  const offer = (title: string, start: Addr, end: Addr, preferred: boolean) => {
    const key = `${formatAddr(start)}-${formatAddr(end)}`;
    if (seen.has(key) || !acceptable(t, start, end)) return;
    seen.add(key);
    out.push(quickFix(input, `${title}: ${formatAddr(start)} – ${formatAddr(end)}`, setRange(t, start, end), preferred));
  };
  const s = parseAddr(t.range.start!.value)!;
  const e = parseAddr(t.range.end!.value)!;
  if (code === 'libvirt/dhcp-range-reversed') offer('Swap start and end', e, s, true);
  const fitted = fitRange(t.ip, t.range);
  if (fitted) offer(titleFor(code, formatSubnet(net.subnet)), fitted.start, fitted.end, out.length === 0);
  const full = dhcpRangeFor(net.subnet, net.addr, 'full');
  if (full) offer(`Use the whole of ${formatSubnet(net.subnet)}`, full.start, full.end, out.length === 0);
  const upper = dhcpRangeFor(net.subnet, net.addr, 'upper');
  if (upper) offer('Use the upper part of the subnet', upper.start, upper.end, false);
  return out;
}
