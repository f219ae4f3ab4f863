/**
 * Fixes that follow from the forward mode: add the `<ip>` or `<bridge>` a
 * mode needs, remove what a mode forbids.
 */
import type { CodeAction } from 'vscode-languageserver-types';
import type { NetworkModel } from '../../model/libvirt';
import { formatAddr, formatSubnet } from '../../net/ip';
import { attr, child } from '../../parse/xml';
import { dhcpRangeFor, gatewayOf, nextFreeSubnet } from '../freshValues';
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

/**
 * libvirt/bridge-or-forward-dev when mode 'bridge' has both a host bridge
 * and a device: keep one. Keeping the bridge drops `dev` and the device
 * pool of <forward>; keeping the device drops <bridge name>.
 */
export function bridgeOrDeviceFix(input: FixInput): CodeAction[] {
  const net = networkOf(input);
  if (!net || !net.forward || !net.bridge || !net.bridgeName || net.forwardMode?.value !== 'bridge') return [];
  const fwd = net.forward;
  const pool = fwd.children.filter((c) => c.name === 'interface' || c.name === 'pf');
  const dev = attr(fwd, 'dev');
  if (!dev && pool.length === 0) return [];
  const keepBridge: Edit[] = [];
  if (dev) keepBridge.push(removeAttribute(input.ctx, dev));
  if (pool.length && pool.length === fwd.children.length && fwd.endTagSpan) {
    // Nothing else inside <forward>: close it on its start tag.
    keepBridge.push({ span: { start: fwd.startTagSpan.end - 1, end: fwd.endTagSpan.end }, newText: '/>' });
  } else for (const p of pool) keepBridge.push(removeElement(input.ctx, p));
  const br = net.bridge;
  const bridgeAttr = attr(br, 'name')!;
  const keepDevice = br.attributes.length === 1 && br.children.length === 0 ? removeElement(input.ctx, br) : removeAttribute(input.ctx, bridgeAttr);
  return [
    quickFix(input, `Keep the host bridge '${net.bridgeName.value}' and remove the forward device`, keepBridge),
    quickFix(input, `Keep the forward device (macvtap) and remove <bridge name='${net.bridgeName.value}'>`, [keepDevice]),
  ];
}

/** libvirt/duplicate-bridge-name on a bridge libvirt creates: the first virbrN no workspace network uses. */
export function freshBridgeNameFix(input: FixInput): CodeAction[] {
  const net = networkOf(input);
  const at = locate(input.ctx, input.span);
  if (!net || !net.bridgeName || !at || at.part !== 'attr-value' || at.el !== net.bridge) return [];
  const mode = net.forward ? (net.forwardMode?.value ?? 'nat') : 'none';
  if (!['none', 'nat', 'route', 'open'].includes(mode)) return [];
  let name = '';
  for (let i = 0; i < 10000 && !name; i++) if (input.ctx.workspace.networksWithBridge(`virbr${i}`).length === 0) name = `virbr${i}`;
  if (!name) return [];
  return [quickFix(input, `Change the bridge name to '${name}' (unused in the workspace)`, [{ span: input.span, newText: name }], true)];
}
