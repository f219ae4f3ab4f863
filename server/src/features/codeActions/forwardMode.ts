/**
 * Fixes that follow from the forward mode: add the `<ip>` or `<bridge>` a
 * mode needs, remove what a mode forbids.
 */
import type { CodeAction } from 'vscode-languageserver-types';
import type { NetworkModel } from '../../model/libvirt';
import { formatAddr, formatSubnet } from '../../net/ip';
import { attr, child } from '../../parse/xml';
import { dhcpRangeFor, gatewayOf, nextFreeSubnet } from '../generate';
import { indentUnit, insertAfter, insertLastChild, locate, quickFix, quoteOf, removeAttribute, removeElement, type Edit, type FixInput } from './edits';

function networkOf(input: FixInput): NetworkModel | undefined {
  const m = input.ctx.doc.model;
  return m?.kind === 'libvirt-network' ? m : undefined;
}

/** libvirt/forward-needs-ip: add an <ip> on the next free /24 with a DHCP range. */
export function addIpFix(input: FixInput): CodeAction[] {
  const net = networkOf(input);
  if (!net || net.ips.length > 0) return [];
  const subnet = nextFreeSubnet(input.ctx.workspace, 4, 24);
  if (!subnet) return [];
  const gw = gatewayOf(subnet);
  const range = dhcpRangeFor(subnet, gw, 'full');
  if (!range) return [];
  const u = indentUnit(input.ctx);
  const q = quoteOf(input.ctx, net.root);
  const lines = [
    `<ip address=${q}${formatAddr(gw)}${q} prefix=${q}24${q}>`,
    `${u}<dhcp>`,
    `${u}${u}<range start=${q}${formatAddr(range.start)}${q} end=${q}${formatAddr(range.end)}${q}/>`,
    `${u}</dhcp>`,
    `</ip>`,
  ];
  const edit = insertLastChild(input.ctx, net.root, lines);
  if (!edit) return [];
  return [quickFix(input, `Add <ip> on the free subnet ${formatSubnet(subnet)} with DHCP`, [edit], true)];
}

/** Bridge names the workspace knows as host bridges: host-interface bridges, then bridges VMs attach to. */
function knownHostBridges(input: FixInput): string[] {
  const out: string[] = [];
  for (const d of input.ctx.documents()) {
    const m = d.model;
    if (m?.kind === 'libvirt-host-interface' && m.type?.value === 'bridge' && m.name?.value) out.push(m.name.value);
  }
  for (const f of input.ctx.workspace.allFacts()) for (const b of f.nicBridges) if (b.value) out.push(b.value);
  return [...new Set(out)];
}

/** libvirt/bridge-or-forward-dev when mode 'bridge' has neither: add <bridge name='…'/>. */
export function addBridgeFix(input: FixInput): CodeAction[] {
  const net = networkOf(input);
  if (!net || !net.forward || net.forwardMode?.value !== 'bridge' || net.bridgeName) return [];
  const uri = input.ctx.doc.uri;
  const free = (n: string) => input.ctx.workspace.networksWithBridge(n).every((f) => f.uri === uri);
  const known = knownHostBridges(input).filter(free);
  let name = known[0];
  for (let i = 0; !name; i++) if (free(`br${i}`)) name = `br${i}`;
  const q = quoteOf(input.ctx, net.root);
  let edit: Edit;
  if (net.bridge) {
    // A <bridge> without a name: give it one.
    const at = net.bridge.nameSpan.end;
    edit = { span: { start: at, end: at }, newText: ` name=${q}${name}${q}` };
  } else edit = insertAfter(input.ctx, net.forward, [`<bridge name=${q}${name}${q}/>`]);
  const why = known.length ? ' (a host bridge of the workspace)' : '';
  return [quickFix(input, `Add <bridge name='${name}'/>${why}`, [edit], true)];
}

/** A forbidden element (<mtu>, <nat>, <ip>, <mac>, <dns>, <domain>, <bandwidth>): remove it. */
export function removeElementFix(input: FixInput): CodeAction[] {
  const at = locate(input.ctx, input.span);
  if (!at || at.part !== 'name') return [];
  return [quickFix(input, `Remove <${at.el.name}>`, [removeElement(input.ctx, at.el)], true)];
}

/** libvirt/bridge-option-not-allowed: remove the attribute (the whole <bridge> when nothing else is left). */
export function removeBridgeOptionFix(input: FixInput): CodeAction[] {
  const at = locate(input.ctx, input.span);
  if (!at || at.part !== 'attr-name') return [];
  const { el, attr: a } = at;
  const alone = el.attributes.length === 1 && el.children.length === 0 && !el.text.trim();
  if (alone && el.parent) return [quickFix(input, `Remove <${el.name} ${a.name}=…> (the whole element)`, [removeElement(input.ctx, el)], true)];
  return [quickFix(input, `Remove ${a.name}='${a.value ?? ''}'`, [removeAttribute(input.ctx, a)], true)];
}

/** libvirt/nat-not-nat-mode: besides removing <nat>, switching to mode 'nat' when the mode is 'route' or 'open'. */
export function natModeFix(input: FixInput): CodeAction[] {
  const net = networkOf(input);
  const mode = net?.forwardMode;
  if (!net || !mode || !['route', 'open'].includes(mode.value) || attr(net.forward!, 'dev') || child(net.forward!, 'interface')) return [];
  return [quickFix(input, `Change the forward mode to 'nat'`, [{ span: mode.span, newText: 'nat' }])];
}
