/**
 * The KVM hosts the workspace targets, as their callers last read them
 * (hostFactsFormat.ts): networks, VM NICs, bridges. Part of the workspace
 * index (`WorkspaceIndex.hosts`), fed the same way as files: by callers,
 * never by reading anything itself. A host is replaced as a whole.
 *
 * Host objects have no file, so related information points at a virtual
 * URI: `virtnet-host://HOST/network/NAME`, `…/vm/NAME`, `…/bridges`
 * (host and name percent-encoded), at line 1 column 1.
 */
import { overlaps, type Subnet } from '../net/ip';
import type { KvmHostFacts, KvmHostNetwork, KvmHostVm } from './hostFactsFormat';

export const HOST_URI_SCHEME = 'virtnet-host';

export function hostObjectUri(host: string, kind: 'network' | 'vm' | 'bridges', name?: string): string {
  return `${HOST_URI_SCHEME}://${encodeURIComponent(host)}/${kind}${name === undefined ? '' : '/' + encodeURIComponent(name)}`;
}

export function isHostObjectUri(uri: string): boolean {
  return uri.startsWith(`${HOST_URI_SCHEME}://`);
}

export interface HostNetworkRef {
  readonly host: KvmHostFacts;
  readonly network: KvmHostNetwork;
}

export interface HostNicRef {
  readonly host: KvmHostFacts;
  readonly vm: KvmHostVm;
  readonly mac: string;
}

export interface HostSubnetRef extends HostNetworkRef {
  readonly subnet: Subnet;
}

/** One host's lookup tables. */
class HostTables {
  readonly byName = new Map<string, HostNetworkRef>();
  readonly byUuid = new Map<string, HostNetworkRef[]>();
  readonly byBridge = new Map<string, HostNetworkRef[]>();
  readonly byMac = new Map<string, HostNicRef[]>();
  readonly bridges?: ReadonlySet<string>;

  constructor(readonly facts: KvmHostFacts) {
    const push = <T>(m: Map<string, T[]>, k: string, v: T) => {
      const l = m.get(k);
      if (l) l.push(v);
      else m.set(k, [v]);
    };
    for (const network of facts.networks) {
      const ref = { host: facts, network };
      this.byName.set(network.name, ref);
      if (network.uuid) push(this.byUuid, network.uuid, ref);
      if (network.bridge) push(this.byBridge, network.bridge, ref);
    }
    for (const vm of facts.vms ?? []) for (const nic of vm.nics) push(this.byMac, nic.mac, { host: facts, vm, mac: nic.mac });
    if (facts.bridges) this.bridges = new Set(facts.bridges);
  }
}

export class KvmHostIndex {
  private readonly tables = new Map<string, HostTables>();

  /** Replaces a host's facts; returns the previous ones. */
  set(facts: KvmHostFacts): KvmHostFacts | undefined {
    const old = this.tables.get(facts.host)?.facts;
    this.tables.set(facts.host, new HostTables(facts));
    return old;
  }

  /**
   * A new index with these hosts' facts added, each replacing a held host of
   * the same name, the others shared with this one (their tables are never
   * changed after they are built). This index is left as it is: the overlay
   * is how a caller asks "what if these were the hosts' facts" (the define
   * check, WorkspaceIndex.withHosts).
   */
  overlay(facts: readonly KvmHostFacts[]): KvmHostIndex {
    const out = new KvmHostIndex();
    for (const [host, t] of this.tables) out.tables.set(host, t);
    for (const f of facts) out.tables.set(f.host, new HostTables(f));
    return out;
  }

  /** Forgets a host; returns its facts. */
  remove(host: string): KvmHostFacts | undefined {
    const old = this.tables.get(host)?.facts;
    this.tables.delete(host);
    return old;
  }

  get size(): number {
    return this.tables.size;
  }

  /** Every host, in name order. */
  list(): KvmHostFacts[] {
    return [...this.tables.values()].map((t) => t.facts).sort((a, b) => (a.host < b.host ? -1 : a.host > b.host ? 1 : 0));
  }

  private all(): HostTables[] {
    return [...this.tables.values()].sort((a, b) => (a.facts.host < b.facts.host ? -1 : a.facts.host > b.facts.host ? 1 : 0));
  }

  networksNamed(name: string): HostNetworkRef[] {
    return this.all().flatMap((t) => t.byName.get(name) ?? []);
  }

  networksWithUuid(uuid: string): HostNetworkRef[] {
    const key = uuid.trim().toLowerCase();
    return this.all().flatMap((t) => t.byUuid.get(key) ?? []);
  }

  networksWithBridge(bridge: string): HostNetworkRef[] {
    return this.all().flatMap((t) => t.byBridge.get(bridge) ?? []);
  }

  /** VM NICs with this MAC (canonical form). */
  nicsWithMac(mac: string): HostNicRef[] {
    return this.all().flatMap((t) => t.byMac.get(mac) ?? []);
  }

  /** Subnets of active host networks that overlap `s`. */
  activeSubnetsOverlapping(s: Subnet): HostSubnetRef[] {
    const out: HostSubnetRef[] = [];
    for (const t of this.all()) for (const network of t.facts.networks) if (network.active) for (const subnet of network.subnets) if (overlaps(s, subnet)) out.push({ host: t.facts, network, subnet });
    return out;
  }

  /** Whether a host network (active or not: it may be started) has a subnet overlapping `s`. */
  anySubnetOverlapping(s: Subnet): boolean {
    for (const t of this.tables.values()) for (const n of t.facts.networks) for (const subnet of n.subnets) if (overlaps(s, subnet)) return true;
    return false;
  }

  /** Whether a host uses this bridge name: one of its networks' bridges, or a bridge device. */
  bridgeInUse(name: string): boolean {
    for (const t of this.tables.values()) if (t.byBridge.has(name) || t.bridges?.has(name)) return true;
    return false;
  }

  /** Every bridge device the hosts have, sorted (for completion). */
  bridgeDeviceNames(): string[] {
    return [...new Set([...this.tables.values()].flatMap((t) => [...(t.bridges ?? [])]))].sort();
  }

  /** Hosts whose bridge devices are known. */
  hostsWithKnownBridges(): KvmHostFacts[] {
    return this.all().flatMap((t) => (t.bridges ? [t.facts] : []));
  }

  /** Whether the host has a bridge device `name` (undefined when its bridges are unknown). */
  hasBridge(host: string, name: string): boolean | undefined {
    return this.tables.get(host)?.bridges?.has(name);
  }
}
