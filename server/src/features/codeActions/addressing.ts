/**
 * Fixes for an `<ip>` block's addressing: netmask and prefix given together
 * (keep one), and a subnet that overlaps another workspace network (move
 * the block, with everything addressed inside it, to the next free subnet).
 */
import type { CodeAction } from 'vscode-languageserver-types';
import { ipSubnet, type NetworkModel } from '../../model/libvirt';
import { broadcastOf, formatAddr, formatSubnet, netmaskBits, parseAddr, type Subnet } from '../../net/ip';
import { attr, type XmlElement } from '../../parse/xml';
import { freeHostAddress, nextFreeSubnet } from '../freshValues';
import { locate, quickFix, removeAttribute, replace, type Edit, type FixInput } from './edits';

/** libvirt/unknown-attribute on `prefix` or `netmask` when the element has both: keep one of them. */
export function netmaskAndPrefixFix(input: FixInput): CodeAction[] {
  const at = locate(input.ctx, input.span);
  if (!at || at.part !== 'attr-name' || (at.attr.name !== 'prefix' && at.attr.name !== 'netmask')) return [];
  const prefix = attr(at.el, 'prefix');
  const netmask = attr(at.el, 'netmask');
  if (!prefix || !netmask) return [];
  const addr = parseAddr(attr(at.el, 'address')?.value);
  const ipv6 = addr?.family === 6 || attr(at.el, 'family')?.value === 'ipv6';
  const maskBits = netmaskBits(netmask.value, 4);
  const agree = maskBits !== undefined && String(maskBits) === (prefix.value ?? '').trim();
  const out: CodeAction[] = [];
  // The attribute the diagnostic is on is the extra one: removing it is the natural fix when both say the same.
  const keepPrefix = quickFix(input, `Keep prefix='${prefix.value}' and remove netmask='${netmask.value}'`, [removeAttribute(input.ctx, netmask)], ipv6 || (agree && at.attr === netmask));
  const keepNetmask = quickFix(input, `Keep netmask='${netmask.value}' and remove prefix='${prefix.value}'`, [removeAttribute(input.ctx, prefix)], !ipv6 && agree && at.attr === prefix);
  out.push(keepPrefix);
  if (!ipv6) out.push(keepNetmask);
  return out;
}

/** Rewrites addresses inside `from` to the same host part inside `to`. */
function mover(from: Subnet, to: Subnet): (value: string | undefined) => string | undefined {
  const hostMask = broadcastOf(from) - from.network;
  return (value) => {
    const a = parseAddr(value);
    if (!a || a.family !== from.family || (a.value & ~hostMask) !== from.network) return undefined;
    return formatAddr({ family: to.family, value: to.network | (a.value & hostMask) });
  };
}

/** Address attributes inside an element (recursively) that may follow the subnet. */
function addressAttrs(el: XmlElement, out: Edit[], move: (v: string | undefined) => string | undefined): void {
  for (const a of el.attributes) {
    if (a.name === 'netmask' || a.name === 'prefix' || !a.valueSpan) continue;
    const moved = move(a.value);
    if (moved !== undefined && moved !== a.value) out.push(replace(a.valueSpan, moved));
  }
  for (const c of el.children) addressAttrs(c, out, move);
}

/** libvirt/overlapping-subnets: move the <ip> block to the next free subnet of the same size. */
export function overlappingSubnetFix(input: FixInput): CodeAction[] {
  const model = input.ctx.doc.model;
  if (model?.kind !== 'libvirt-network') return [];
  const net = model as NetworkModel;
  const ip = net.ips.find((b) => b.address && b.address.span.start === input.span.start && b.address.span.end === input.span.end);
  const cur = ip && ipSubnet(ip);
  if (!ip || !cur) return [];
  const family = cur.subnet.family;
  const size = family === 4 ? (cur.prefix >= 8 && cur.prefix <= 30 ? cur.prefix : 24) : cur.prefix >= 48 && cur.prefix <= 126 ? cur.prefix : 64;
  const to = nextFreeSubnet(input.ctx.workspace, family, size);
  if (!to) return [];
  const move = mover(cur.subnet, to);
  const edits: Edit[] = [];
  addressAttrs(ip.el, edits, move);
  if (size !== cur.prefix) {
    // The block was not a usable size: give the new one an explicit prefix.
    const p = attr(ip.el, 'prefix');
    const m = attr(ip.el, 'netmask');
    if (p?.valueSpan) edits.push(replace(p.valueSpan, String(size)));
    else if (m) edits.push(replace(m.span, `prefix='${size}'`));
  }
  // Other places that address hosts of this subnet: route gateways, DNS host records.
  for (const r of net.routes) {
    const g = attr(r, 'gateway');
    const moved = move(g?.value);
    if (g?.valueSpan && moved) edits.push(replace(g.valueSpan, moved));
  }
  for (const h of net.dns?.children.filter((c) => c.name === 'host') ?? []) {
    const a = attr(h, 'ip');
    const moved = move(a?.value);
    if (a?.valueSpan && moved) edits.push(replace(a.valueSpan, moved));
  }
  const what = edits.length > 1 ? ' (with its DHCP range, hosts and gateways)' : '';
  return [quickFix(input, `Move to the free subnet ${formatSubnet(to)}${what}`, edits, true)];
}

/** libvirt/ip-netmask on an IPv6 <ip>: replace the netmask with a prefix. */
export function ipv6NetmaskFix(input: FixInput): CodeAction[] {
  const at = locate(input.ctx, input.span);
  if (!at || at.part !== 'attr-value' || at.attr.name !== 'netmask' || at.el.name !== 'ip') return [];
  const addr = parseAddr(attr(at.el, 'address')?.value);
  if (addr?.family !== 6) return [];
  if (attr(at.el, 'prefix')) return [quickFix(input, 'Remove the netmask (the prefix says it)', [removeAttribute(input.ctx, at.attr)], true)];
  const q = input.ctx.doc.text[at.attr.valueSpan!.start - 1] === '"' ? '"' : "'";
  return [quickFix(input, "Replace the netmask with prefix='64'", [replace(at.attr.span, `prefix=${q}64${q}`)], true)];
}

/**
 * A static DHCP host's address outside its subnet or inside the dynamic
 * range: the same host part inside the subnet when that one is free, and
 * the first free address below/outside the ranges.
 */
export function hostAddressFix(input: FixInput): CodeAction[] {
  const at = locate(input.ctx, input.span);
  const model = input.ctx.doc.model;
  if (!at || at.part !== 'attr-value' || at.el.name !== 'host' || at.attr.name !== 'ip' || model?.kind !== 'libvirt-network') return [];
  const ip = (model as NetworkModel).ips.find((b) => b.hosts.some((h) => h.el === at.el));
  const net = ip && ipSubnet(ip);
  if (!ip || !net) return [];
  const out: CodeAction[] = [];
  const free = freeHostAddress(ip);
  const cur = parseAddr(at.attr.value);
  if (cur && cur.family === net.subnet.family && (cur.value & ~(broadcastOf(net.subnet) - net.subnet.network)) !== net.subnet.network) {
    const moved = mover({ family: cur.family, network: cur.value & ~(broadcastOf(net.subnet) - net.subnet.network), prefix: net.prefix }, net.subnet)(at.attr.value);
    const usedBy = (v: string) => ip.hosts.some((h) => h.el !== at.el && h.ip?.value === v);
    const a = moved && parseAddr(moved);
    const inRange = a && ip.ranges.some((r) => {
      const s = parseAddr(r.start?.value);
      const e = parseAddr(r.end?.value);
      return s && e && s.value <= a.value && a.value <= e.value;
    });
    const special = a && (a.value === net.subnet.network || a.value === broadcastOf(net.subnet) || a.value === net.addr.value);
    if (moved && !usedBy(moved) && !inRange && !special) out.push(quickFix(input, `Move into ${formatSubnet(net.subnet)}: ${moved}`, [replace(input.span, moved)], true));
  }
  if (free && !out.some((o) => o.title.endsWith(` ${free}`))) out.push(quickFix(input, `Use the free address ${free}`, [replace(input.span, free)], out.length === 0));
  return out;
}
