/**
 * Values completion suggests for the document at hand: a free /24 (avoiding
 * the document's own subnets too), the `<ip>` block around the cursor, the
 * host bridges the workspace knows, and bridge and network names no
 * workspace file uses. The workspace-wide generators (UUID, MAC, subnet
 * search) are in features/freshValues.ts.
 */
import type { IpBlock } from '../../model/libvirt';
import { ipSubnet } from '../../model/libvirt';
import { formatAddr, parseAddr, subnetOf, type Subnet } from '../../net/ip';
import { nextFreeSubnet } from '../freshValues';
import type { FeatureContext } from '../context';

export interface FreeSubnet {
  /** The first three octets, e.g. `192.168.100`. */
  readonly base: string;
  readonly gateway: string;
  readonly prefix: 24;
}

/**
 * The first private /24 that overlaps no subnet of the workspace, none of
 * the document itself (the index may not hold a half-typed `<ip>` yet) and
 * none of `skip` (first three octets).
 */
export function freeSubnet(ctx: FeatureContext, skip: readonly string[] = []): FreeSubnet {
  const avoid: Subnet[] = skip.flatMap((b) => {
    const a = parseAddr(`${b}.0`);
    return a ? [subnetOf(a, 24)] : [];
  });
  const m = ctx.doc.model;
  if (m?.kind === 'libvirt-network') for (const ip of m.ips) {
    const own = ipSubnet(ip);
    if (own) avoid.push(own.subnet);
  }
  const s = nextFreeSubnet(ctx.workspace, 4, 24, avoid);
  const base = s ? formatAddr({ family: 4, value: s.network }).replace(/\.0$/, '') : '192.168.100';
  return { base, gateway: `${base}.1`, prefix: 24 };
}

/** The `<ip>` block of the network model that holds element `el` (an `<ip>`, its `<dhcp>`, a `<host>`…). */
export function ipBlockOf(ctx: FeatureContext, el: { parent: unknown } | undefined): IpBlock | undefined {
  const m = ctx.doc.model;
  if (!m || m.kind !== 'libvirt-network') return undefined;
  for (let e = el as { parent: unknown; name?: string } | undefined; e; e = e.parent as typeof e) {
    const ip = m.ips.find((b) => b.el === e);
    if (ip) return ip;
  }
  return undefined;
}

/**
 * Bridges a VM or a bridged network can attach to: those the host defines
 * (netplan, interfaces, host-interface XML), those networks in bridge mode
 * name, and those VM interfaces already use.
 */
export function hostBridgeNames(ctx: FeatureContext): string[] {
  const out = new Set<string>();
  for (const f of ctx.workspace.allFacts()) {
    if (f.forwardMode === 'bridge' && f.bridgeName?.value) out.add(f.bridgeName.value);
    for (const b of f.nicBridges) if (b.value) out.add(b.value);
    for (const b of f.hostBridges ?? []) out.add(b.name);
  }
  for (const b of ctx.workspace.hosts.bridgeDeviceNames()) out.add(b);
  return [...out].sort();
}

/** Values for `<source network='…'>`: the workspace's networks, then those only a targeted KVM host has. */
export function sourceNetworkValues(ctx: FeatureContext): { value: string; detail: string }[] {
  const inFiles = ctx.workspace.networkNames();
  const out = inFiles.map((v) => ({ value: v, detail: 'network defined in the workspace' }));
  const seen = new Set(inFiles);
  for (const h of ctx.workspace.hosts.list()) {
    for (const n of [...h.networks].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))) {
      if (seen.has(n.name)) continue;
      seen.add(n.name);
      out.push({ value: n.name, detail: `network on host '${h.host}' (${n.active ? 'active' : 'inactive'})` });
    }
  }
  return out;
}

/** The first `virbrN` (N ≥ 1; virbr0 is the default network's) no workspace network nor targeted KVM host uses. */
export function freeBridgeName(ctx: FeatureContext): string {
  for (let n = 1; ; n++) {
    const name = `virbr${n}`;
    if (ctx.workspace.networksWithBridge(name).length === 0 && !ctx.workspace.hosts.bridgeInUse(name)) return name;
  }
}

/** A network name not used in the workspace: `base`, then `base-2`, `base-3`… */
export function freeNetworkName(ctx: FeatureContext, base: string): string {
  const free = (name: string) => ctx.workspace.networksNamed(name).length === 0 && ctx.workspace.hosts.networksNamed(name).length === 0;
  if (free(base)) return base;
  for (let n = 2; ; n++) if (free(`${base}-${n}`)) return `${base}-${n}`;
}
