/**
 * Cross-file facts: which file defines which network name, UUID, bridge,
 * MAC and subnet, and which VM NIC refers to which network or bridge.
 *
 * The index is fed by whoever owns the files (the LSP adapter reads the
 * disk, the CLI reads its paths) through `LanguageService.setFile`; it never
 * does I/O itself. Updates are incremental: replacing one file's facts
 * touches only that file's keys.
 */
import { ipSubnet, type IpBlock, type Val, type LibvirtModel } from '../model/libvirt';
import { subnetOf, type Subnet } from '../net/ip';
import type { Span } from '../parse/span';
import type { DocKind } from '../service/types';
import type { KvmHostFacts } from './hostFactsFormat';
import { KvmHostIndex } from './kvmHosts';

export type MacRole = 'network bridge' | 'DHCP host' | 'VM interface' | 'host interface';

export interface Located {
  readonly uri: string;
  readonly span: Span;
}

export interface MacUse extends Located {
  readonly mac: string;
  readonly role: MacRole;
}

export interface SubnetUse extends Located {
  readonly subnet: Subnet;
  /** The network's name, for messages. */
  readonly network: string;
}

export interface FileFacts {
  readonly uri: string;
  readonly kind: DocKind;
  readonly networkName?: Val;
  readonly uuid?: Val;
  readonly bridgeName?: Val;
  readonly forwardMode?: string;
  readonly macs: MacUse[];
  readonly subnets: SubnetUse[];
  /** `<source network='…'>` of VM NICs. */
  readonly nicNetworks: Val[];
  /** `<source bridge='…'>` of VM NICs. */
  readonly nicBridges: Val[];
  /** Bridges defined on the host (netplan, interfaces, libvirt host-interface XML). */
  readonly hostBridges?: readonly HostBridge[];
  /** Addresses configured on host interfaces (netplan, interfaces). */
  readonly hostAddresses?: readonly HostAddressUse[];
}

export interface HostBridge extends Located {
  readonly name: string;
}

export interface HostAddressUse extends Located {
  readonly iface: string;
  readonly subnet: Subnet;
}

/** Facts of a host configuration file (netplan YAML, an interfaces file). */
export function hostFactsOf(
  uri: string,
  kind: DocKind,
  facts: { bridges: readonly { name: string; span: Span }[]; addresses: readonly { iface: string; subnet: Subnet; span: Span }[] },
): FileFacts {
  return {
    uri,
    kind,
    macs: [],
    subnets: [],
    nicNetworks: [],
    nicBridges: [],
    hostBridges: facts.bridges.map((b) => ({ uri, span: b.span, name: b.name })),
    hostAddresses: facts.addresses.map((a) => ({ uri, span: a.span, iface: a.iface, subnet: a.subnet })),
  };
}

/** Canonical form of a MAC for comparison: lower case, colon separated. */
export function normalizeMac(mac: string): string {
  // Most MACs are written in lower case without spaces: keep those strings as they are.
  for (let i = 0; i < mac.length; i++) {
    const c = mac.charCodeAt(i);
    if ((c >= 65 && c <= 90) || c <= 32 || c > 126) return mac.trim().toLowerCase();
  }
  return mac;
}

/** A MAC use whose span is made on use from its value (a 20,000-host network has 20,000 of these). */
class MacOf implements MacUse {
  constructor(
    readonly uri: string,
    private readonly val: Val,
    readonly mac: string,
    readonly role: MacRole,
  ) {}
  get span(): Span {
    return this.val.span;
  }
}

/**
 * The DHCP hosts' MAC uses per <ip> view: the model keeps a view while its
 * <ip> element is unchanged (model/libvirt.ts), so an edit elsewhere in a
 * 20,000-host network reuses the uses (and the index swaps nothing).
 * MacOf reads its span on use, so a moved element is no problem.
 */
const hostMacUses = new WeakMap<IpBlock, { uri: string; macs: MacUse[] }>();

function hostMacsOf(uri: string, ip: IpBlock): MacUse[] {
  const known = hostMacUses.get(ip);
  if (known && known.uri === uri) return known.macs;
  const macs: MacUse[] = [];
  for (const h of ip.hosts) if (h.mac && h.mac.value) macs.push(new MacOf(uri, h.mac, normalizeMac(h.mac.value), 'DHCP host'));
  hostMacUses.set(ip, { uri, macs });
  return macs;
}

export function factsOf(uri: string, model: LibvirtModel): FileFacts {
  const macs: MacUse[] = [];
  const subnets: SubnetUse[] = [];
  const nicNetworks: Val[] = [];
  const nicBridges: Val[] = [];
  const push = (v: Val | undefined, role: MacRole) => {
    if (v && v.value) macs.push(new MacOf(uri, v, normalizeMac(v.value), role));
  };
  if (model.kind === 'libvirt-network') {
    push(model.mac, 'network bridge');
    for (const ip of model.ips) {
      const hostMacs = hostMacsOf(uri, ip);
      for (let i = 0; i < hostMacs.length; i++) macs.push(hostMacs[i]);
      const s = ipSubnet(ip);
      if (s && ip.address) subnets.push({ uri, span: ip.address.span, subnet: s.subnet, network: model.name?.value ?? '' });
    }
    return {
      uri,
      kind: model.kind,
      networkName: model.name,
      uuid: model.uuid,
      bridgeName: model.bridgeName,
      forwardMode: model.forward ? (model.forwardMode?.value ?? 'nat') : undefined,
      macs,
      subnets,
      nicNetworks,
      nicBridges,
    };
  }
  if (model.kind === 'libvirt-host-interface') {
    push(model.mac, 'host interface');
    const hostBridges = model.type?.value === 'bridge' && model.name?.value ? [{ uri, span: model.name.span, name: model.name.value }] : [];
    return { uri, kind: model.kind, macs, subnets, nicNetworks, nicBridges, hostBridges };
  }
  for (const nic of model.nics) {
    push(nic.mac, 'VM interface');
    if (nic.sourceNetwork) nicNetworks.push(nic.sourceNetwork);
    if (nic.sourceBridge) nicBridges.push(nic.sourceBridge);
  }
  return { uri, kind: model.kind, uuid: undefined, macs, subnets, nicNetworks, nicBridges };
}

function subnetKey(s: Subnet): string {
  return `${s.family}/${s.prefix}/${s.network.toString(16)}`;
}

/** Keys of every block that contains `s`, from `s` itself up to /0. */
function enclosingKeys(s: Subnet): string[] {
  const keys: string[] = [];
  for (let p = s.prefix; p >= 0; p--) keys.push(subnetKey(subnetOf({ family: s.family, value: s.network }, p)));
  return keys;
}

function sameMacKeys(a: readonly MacUse[], b: readonly MacUse[]): boolean {
  if (a === b) return true;
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i].mac !== b[i].mac) return false;
  return true;
}

/** The same MacUse objects, in the same order. */
function sameUses(a: readonly MacUse[], b: readonly MacUse[]): boolean {
  if (a === b) return true;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

class MultiMap<T> {
  private readonly map = new Map<string, T[]>();
  private multi = 0;
  /** How many keys hold more than one value. */
  get sharedKeys(): number {
    return this.multi;
  }
  add(key: string, v: T): void {
    const l = this.map.get(key);
    if (l) {
      l.push(v);
      if (l.length === 2) this.multi++;
    } else this.map.set(key, [v]);
  }
  removeWhere(key: string, pred: (v: T) => boolean): void {
    const l = this.map.get(key);
    if (!l) return;
    if (l.length === 1) {
      // The usual case (a key used once): no new array.
      if (pred(l[0])) this.map.delete(key);
      return;
    }
    const kept = l.filter((v) => !pred(v));
    if (kept.length < 2) this.multi--;
    if (kept.length) this.map.set(key, kept);
    else this.map.delete(key);
  }
  get(key: string): readonly T[] {
    return this.map.get(key) ?? [];
  }
  keys(): IterableIterator<string> {
    return this.map.keys();
  }
  /**
   * When `prev` is the only value under `key`, puts `next` in its place and
   * returns true. (The list is changed in place: lists from get() are read
   * at once by their callers, never kept across updates.)
   */
  replaceSingle(key: string, prev: T, next: T): boolean {
    const l = this.map.get(key);
    if (!l || l.length !== 1 || l[0] !== prev) return false;
    l[0] = next;
    return true;
  }
}

export class WorkspaceIndex {
  private readonly files = new Map<string, FileFacts>();
  private readonly byName = new MultiMap<FileFacts>();
  private readonly byUuid = new MultiMap<FileFacts>();
  private readonly byBridge = new MultiMap<FileFacts>();
  private readonly byMac = new MultiMap<MacUse>();
  private readonly byNicNetwork = new MultiMap<Located>();
  private readonly byNicBridge = new MultiMap<Located>();
  /** Subnets by their exact block (`family/prefix/network`). */
  private readonly bySubnet = new MultiMap<SubnetUse>();
  /** Subnets by every block that contains them (their own included). */
  private readonly byEnclosing = new MultiMap<SubnetUse>();
  private readonly byHostBridge = new MultiMap<HostBridge>();
  private readonly hostBySubnet = new MultiMap<HostAddressUse>();
  private readonly hostByEnclosing = new MultiMap<HostAddressUse>();
  private hostIndex = new KvmHostIndex();

  /** What the targeted KVM hosts run (networks, VM NICs, bridges), as their callers last read it. */
  get hosts(): KvmHostIndex {
    return this.hostIndex;
  }

  /**
   * Runs `f` (synchronous) with these hosts' facts beside the held ones, each
   * replacing a held host of the same name (KvmHostIndex.overlay), then puts
   * the held hosts back: afterwards the index is exactly as it was, and no
   * file is affected. For "what would the checks say on these hosts" (the
   * check before a define on a host the workspace may not target).
   */
  withHosts<T>(facts: readonly KvmHostFacts[], f: () => T): T {
    const held = this.hostIndex;
    this.hostIndex = held.overlay(facts);
    try {
      return f();
    } finally {
      this.hostIndex = held;
    }
  }

  get size(): number {
    return this.files.size;
  }

  facts(uri: string): FileFacts | undefined {
    return this.files.get(uri);
  }

  allFacts(): IterableIterator<FileFacts> {
    return this.files.values();
  }

  /** Replaces a file's facts; returns the URIs whose cross-file findings may have changed. */
  update(facts: FileFacts): Set<string> {
    // An edit usually leaves a file's MACs as they were (a 20,000-host
    // network has 20,000 of them): then their index entries are swapped for
    // the new ones in place and the files sharing them are looked up once.
    const old = this.files.get(facts.uri);
    const sameMacs = old !== undefined && sameMacKeys(old.macs, facts.macs);
    const affected = this.removeFacts(facts.uri, sameMacs);
    this.files.set(facts.uri, facts);
    if (facts.networkName?.value) this.byName.add(facts.networkName.value, facts);
    if (facts.uuid?.value && facts.kind === 'libvirt-network') this.byUuid.add(facts.uuid.value.toLowerCase(), facts);
    if (facts.bridgeName?.value) this.byBridge.add(facts.bridgeName.value, facts);
    if (sameMacs && this.byMac.sharedKeys === 0 && sameUses(old!.macs, facts.macs)) {
      // The very same uses (kept per <ip> view, see hostMacsOf) and no MAC
      // shared by two uses anywhere: every entry is already in place.
    } else if (sameMacs) {
      // A MAC used only by this file: swap the entry. One shared with other
      // entries: remove and append, so that lists keep the order they had
      // with remove + add (the first other use is the one messages name).
      const prev = old!.macs;
      const readd: number[] = [];
      const same = (m: MacUse) => m.uri === facts.uri;
      for (let i = 0; i < prev.length; i++) {
        if (this.byMac.replaceSingle(prev[i].mac, prev[i], facts.macs[i])) continue;
        // Shared: its files are affected (what related(old) would have found).
        for (const o of this.byMac.get(prev[i].mac)) affected.add(o.uri);
        this.byMac.removeWhere(prev[i].mac, same);
        readd.push(i);
      }
      for (const i of readd) this.byMac.add(facts.macs[i].mac, facts.macs[i]);
    } else for (const m of facts.macs) this.byMac.add(m.mac, m);
    for (const n of facts.nicNetworks) this.byNicNetwork.add(n.value, { uri: facts.uri, span: n.span });
    for (const b of facts.nicBridges) this.byNicBridge.add(b.value, { uri: facts.uri, span: b.span });
    for (const s of facts.subnets) {
      this.bySubnet.add(subnetKey(s.subnet), s);
      for (const k of enclosingKeys(s.subnet)) this.byEnclosing.add(k, s);
    }
    for (const b of facts.hostBridges ?? []) this.byHostBridge.add(b.name, b);
    for (const a of facts.hostAddresses ?? []) {
      this.hostBySubnet.add(subnetKey(a.subnet), a);
      for (const k of enclosingKeys(a.subnet)) this.hostByEnclosing.add(k, a);
    }
    // With the same MAC keys, the files sharing them were collected above.
    for (const u of this.related(facts, !sameMacs)) affected.add(u);
    return affected;
  }

  /** Forgets a file; returns the URIs whose cross-file findings may have changed. */
  remove(uri: string): Set<string> {
    return this.removeFacts(uri, false);
  }

  /** remove(), leaving the MAC entries in place when `keepMacs` (update replaces them). */
  private removeFacts(uri: string, keepMacs: boolean): Set<string> {
    const old = this.files.get(uri);
    const affected = new Set<string>([uri]);
    if (!old) return affected;
    // With keepMacs the caller looks at the MAC entries itself.
    for (const u of this.related(old, !keepMacs)) affected.add(u);
    const same = (f: { uri: string }) => f.uri === uri;
    if (old.networkName?.value) this.byName.removeWhere(old.networkName.value, same);
    if (old.uuid?.value) this.byUuid.removeWhere(old.uuid.value.toLowerCase(), same);
    if (old.bridgeName?.value) this.byBridge.removeWhere(old.bridgeName.value, same);
    if (!keepMacs) for (const m of old.macs) this.byMac.removeWhere(m.mac, same);
    for (const n of old.nicNetworks) this.byNicNetwork.removeWhere(n.value, same);
    for (const b of old.nicBridges) this.byNicBridge.removeWhere(b.value, same);
    for (const s of old.subnets) {
      this.bySubnet.removeWhere(subnetKey(s.subnet), same);
      for (const k of enclosingKeys(s.subnet)) this.byEnclosing.removeWhere(k, same);
    }
    for (const b of old.hostBridges ?? []) this.byHostBridge.removeWhere(b.name, same);
    for (const a of old.hostAddresses ?? []) {
      this.hostBySubnet.removeWhere(subnetKey(a.subnet), same);
      for (const k of enclosingKeys(a.subnet)) this.hostByEnclosing.removeWhere(k, same);
    }
    this.files.delete(uri);
    return affected;
  }

  /** Files that share a key with `f` (and so see each other in cross-file checks). */
  private related(f: FileFacts, withMacs: boolean): Set<string> {
    const out = new Set<string>();
    const add = (l: readonly { uri: string }[]) => {
      for (const x of l) out.add(x.uri);
    };
    if (f.networkName?.value) {
      add(this.byName.get(f.networkName.value));
      add(this.byNicNetwork.get(f.networkName.value));
    }
    if (f.uuid?.value) add(this.byUuid.get(f.uuid.value.toLowerCase()));
    if (f.bridgeName?.value) {
      add(this.byBridge.get(f.bridgeName.value));
      add(this.byNicBridge.get(f.bridgeName.value));
    }
    if (withMacs) for (const m of f.macs) add(this.byMac.get(m.mac));
    for (const n of f.nicNetworks) add(this.byName.get(n.value));
    for (const b of f.nicBridges) add(this.byBridge.get(b.value));
    for (const s of f.subnets) for (const o of this.overlapping(s.subnet)) out.add(o.uri);
    // Host facts matter to the libvirt files that use the bridge or overlap the address.
    for (const b of f.hostBridges ?? []) {
      add(this.byBridge.get(b.name));
      add(this.byNicBridge.get(b.name));
    }
    for (const a of f.hostAddresses ?? []) add(this.overlapping(a.subnet));
    return out;
  }

  /** Replaces a KVM host's facts; returns the URIs whose cross-file findings may have changed. */
  setHost(facts: KvmHostFacts): Set<string> {
    const old = this.hostIndex.set(facts);
    return this.affectedByHost(old, facts);
  }

  /** Forgets a KVM host; returns the URIs whose cross-file findings may have changed. */
  removeHost(host: string): Set<string> {
    const old = this.hostIndex.remove(host);
    return old ? this.affectedByHost(old) : new Set();
  }

  /** Files whose findings may name a host's objects, before or after its facts changed. */
  private affectedByHost(...facts: (KvmHostFacts | undefined)[]): Set<string> {
    const out = new Set<string>();
    const add = (l: readonly { uri: string }[]) => {
      for (const x of l) out.add(x.uri);
    };
    for (const h of facts) {
      if (!h) continue;
      for (const n of h.networks) {
        add(this.byName.get(n.name));
        if (n.uuid) add(this.byUuid.get(n.uuid));
        if (n.bridge) add(this.byBridge.get(n.bridge));
        for (const s of n.subnets) add(this.overlapping(s));
      }
      for (const vm of h.vms ?? []) for (const nic of vm.nics) add(this.byMac.get(nic.mac));
      for (const b of h.bridges ?? []) add(this.byBridge.get(b));
    }
    // Findings about NICs (networks and bridges the hosts lack) and bridged networks name the hosts whatever they hold.
    for (const f of this.files.values()) if (f.nicNetworks.length || f.nicBridges.length || f.forwardMode === 'bridge') out.add(f.uri);
    return out;
  }

  private folders: readonly string[] = [];

  /** The workspace folders (URIs); cross-format checks stay within one. */
  setFolders(folders: readonly string[]): void {
    this.folders = [...folders].map((f) => (f.endsWith('/') ? f : f + '/')).sort((a, b) => b.length - a.length);
  }

  /** The workspace folder holding `uri` (the longest that contains it), or '' when none is set or none does. */
  folderOf(uri: string): string {
    for (const f of this.folders) if (uri.startsWith(f)) return f;
    return '';
  }

  /** Host bridges (netplan, interfaces, host-interface XML) named `name`. */
  hostBridgesNamed(name: string): readonly HostBridge[] {
    return this.byHostBridge.get(name);
  }

  /** Every bridge name the workspace knows: host bridges and the bridges of libvirt networks. */
  bridgeNames(): string[] {
    const out = new Set<string>();
    for (const f of this.files.values()) {
      for (const b of f.hostBridges ?? []) out.add(b.name);
      if (f.bridgeName?.value && !f.bridgeName.value.includes('%')) out.add(f.bridgeName.value);
    }
    return [...out].sort();
  }

  /** Host addresses whose subnet overlaps `s` (same method as `overlapping`). */
  hostAddressesOverlapping(s: Subnet): HostAddressUse[] {
    const out: HostAddressUse[] = [...this.hostByEnclosing.get(subnetKey(s))];
    for (let p = 0; p < s.prefix; p++) out.push(...this.hostBySubnet.get(subnetKey(subnetOf({ family: s.family, value: s.network }, p))));
    return out;
  }

  networksNamed(name: string): readonly FileFacts[] {
    return this.byName.get(name);
  }
  networksWithUuid(uuid: string): readonly FileFacts[] {
    return this.byUuid.get(uuid.toLowerCase());
  }
  networksWithBridge(bridge: string): readonly FileFacts[] {
    return this.byBridge.get(bridge);
  }
  macUses(mac: string): readonly MacUse[] {
    return this.byMac.get(normalizeMac(mac));
  }
  /** Every MAC the workspace's files use (normalised, sorted): what libvirt/duplicate-mac compares. KVM hosts' MACs are not included. */
  macs(): string[] {
    return [...this.byMac.keys()].sort();
  }
  /** macUses of a use's own (already normalised) MAC. */
  macUsesOf(use: MacUse): readonly MacUse[] {
    return this.byMac.get(use.mac);
  }
  nicsUsingNetwork(name: string): readonly Located[] {
    return this.byNicNetwork.get(name);
  }
  nicsUsingBridge(bridge: string): readonly Located[] {
    return this.byNicBridge.get(bridge);
  }

  /**
   * Subnets of any file that overlap `s`. CIDR blocks overlap only when one
   * contains the other, so this is the blocks enclosing `s` (one lookup per
   * shorter prefix) plus the blocks inside it (one lookup).
   */
  overlapping(s: Subnet): SubnetUse[] {
    const out: SubnetUse[] = [...this.byEnclosing.get(subnetKey(s))];
    for (let p = 0; p < s.prefix; p++) out.push(...this.bySubnet.get(subnetKey(subnetOf({ family: s.family, value: s.network }, p))));
    return out;
  }

  /** All network names defined in the workspace. */
  networkNames(): string[] {
    const out = new Set<string>();
    for (const f of this.files.values()) if (f.networkName?.value) out.add(f.networkName.value);
    return [...out].sort();
  }
}
