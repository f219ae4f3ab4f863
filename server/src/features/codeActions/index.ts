/**
 * Quick fixes for VirtNet's diagnostics. Each diagnostic code maps to the
 * providers that can fix it (one module per family of fixes); a provider
 * answers CodeActions of kind `quickfix` whose WorkspaceEdit touches only
 * what the fix needs, and whose result no longer has that diagnostic.
 */
import type { CodeAction, Diagnostic } from 'vscode-languageserver-types';
import type { Span } from '../../parse/span';
import type { FeatureContext } from '../context';
import { hostAddressFix, ipv6NetmaskFix, netmaskAndPrefixFix, overlappingSubnetFix } from './addressing';
import { dhcpRangeFix } from './dhcpRange';
import type { FixProvider } from './edits';
import { addBridgeFix, addIpFix, bridgeOrDeviceFix, freshBridgeNameFix, natModeFix, removeBridgeOptionFix, removeElementFix } from './forwardMode';
import { duplicateIdFix, invalidIdFix, macFix } from './identity';
import { enumValueFix, unknownAttributeFix, unknownElementFix } from './spelling';
import { netplanFixes } from '../netplan';
import { ifupdownFixes } from '../ifupdown';

/** Diagnostic code → fix providers, in the order their actions are listed. */
export const FIXES: Readonly<Record<string, readonly FixProvider[]>> = {
  ...netplanFixes,
  ...ifupdownFixes,
  'libvirt/invalid-value': [invalidIdFix, enumValueFix],
  'libvirt/unknown-element': [unknownElementFix],
  'libvirt/unknown-attribute': [netmaskAndPrefixFix, unknownAttributeFix],
  'libvirt/bridge-mac-multicast': [macFix],
  'libvirt/nic-mac-multicast': [macFix],
  'libvirt/dhcp-host-mac-multicast': [macFix],
  'libvirt/duplicate-mac': [duplicateIdFix],
  'libvirt/duplicate-network-uuid': [duplicateIdFix],
  'libvirt/dhcp-range-outside-subnet': [dhcpRangeFix],
  'libvirt/dhcp-range-network-address': [dhcpRangeFix],
  'libvirt/dhcp-range-reversed': [dhcpRangeFix],
  'libvirt/dhcp-range-too-large': [dhcpRangeFix],
  'libvirt/dhcp-range-includes-host-ip': [dhcpRangeFix],
  'libvirt/overlapping-subnets': [overlappingSubnetFix],
  'libvirt/forward-needs-ip': [addIpFix],
  'libvirt/bridge-or-forward-dev': [addBridgeFix, bridgeOrDeviceFix],
  'libvirt/duplicate-bridge-name': [freshBridgeNameFix],
  'libvirt/ip-netmask': [ipv6NetmaskFix],
  'libvirt/dhcp-host-outside-subnet': [hostAddressFix],
  'libvirt/dhcp-host-in-range': [hostAddressFix],
  'libvirt/element-not-allowed-in-mode': [removeElementFix],
  'libvirt/mtu-not-allowed': [removeElementFix],
  'libvirt/nat-not-nat-mode': [removeElementFix, natModeFix],
  'libvirt/bridge-option-not-allowed': [removeBridgeOptionFix],
};

const overlapsSpan = (a: Span, b: Span) => a.start <= b.end && b.start <= a.end;

/**
 * Quick fixes for the diagnostics in `range`. The client sends the
 * diagnostics it shows there; when it sends none, the service's own
 * diagnostics overlapping the range are used.
 */
export function codeActions(ctx: FeatureContext, range: Span, diagnostics: Diagnostic[]): CodeAction[] {
  const li = ctx.doc.lineIndex;
  const spanOf = (d: Diagnostic): Span => ({ start: li.offsetAt(d.range.start), end: li.offsetAt(d.range.end) });
  const list = diagnostics.length ? diagnostics : ctx.diagnostics(ctx.doc.uri).filter((d) => overlapsSpan(spanOf(d), range));
  const out: CodeAction[] = [];
  for (const diagnostic of list) {
    const providers = FIXES[String(diagnostic.code ?? '')];
    if (!providers || (diagnostic.source !== undefined && diagnostic.source !== 'virtnet')) continue;
    for (const p of providers) {
      try {
        out.push(...p({ ctx, diagnostic, span: spanOf(diagnostic) }));
      } catch {
        // One broken fix must not hide the others.
      }
    }
  }
  return out;
}
