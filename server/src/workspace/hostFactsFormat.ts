/**
 * What a KVM host knows, as its callers hand it in: the editor's client after
 * refreshing a host (LSP notification `virtnet/hostFacts`), `virtnet lint
 * --host-facts FILE.json`, the fixtures. One JSON shape everywhere:
 *
 *   { "host": "kvm1", "readAt": "2026-12-04T19:05:00Z",
 *     "facts": { "networks": [{ "name", "uuid", "bridge", "forwardMode", "active", "subnets": ["192.168.122.0/24"] }],
 *                "vms": [{ "name", "uuid", "nics": [{ "mac", "network", "bridge" }] }],
 *                "bridges": ["br0", "virbr0"] } }
 *
 * `facts: null` forgets the host. `vms` or `bridges` missing (or null) means
 * unknown (not read, or the host would not say), never "none".
 *
 * This file holds only types and validation (no I/O, no imports beyond
 * net/): the client's remote layer builds the same shape.
 */
import { bits, parseAddr, subnetOf, type Subnet } from '../net/ip';

export interface HostFactsParams {
  /** The host's name as the user knows it (the hosts view's name). */
  readonly host: string;
  /** When the facts were read: ISO 8601 (`new Date().toISOString()`). */
  readonly readAt: string;
  readonly facts: HostFactsWire | null;
}

export interface HostFactsWire {
  readonly networks: readonly {
    readonly name: string;
    readonly uuid?: string;
    readonly bridge?: string;
    /** undefined for an isolated network (no `<forward>`). */
    readonly forwardMode?: string;
    readonly active?: boolean;
    /** CIDR blocks (`192.168.122.0/24`). */
    readonly subnets?: readonly string[];
  }[];
  readonly vms?: readonly { readonly name: string; readonly uuid?: string; readonly nics: readonly { readonly mac?: string; readonly network?: string; readonly bridge?: string }[] }[] | null;
  /** The host's bridge devices (`ip -j link show type bridge`). */
  readonly bridges?: readonly string[] | null;
}

/** A host's facts, validated: what the index holds. */
export interface KvmHostFacts {
  readonly host: string;
  readonly readAt: string;
  readonly networks: readonly KvmHostNetwork[];
  /** undefined: the host's VMs are not known. */
  readonly vms?: readonly KvmHostVm[];
  /** undefined: the host's bridges are not known. */
  readonly bridges?: readonly string[];
}

export interface KvmHostNetwork {
  readonly name: string;
  /** Lower case. */
  readonly uuid?: string;
  readonly bridge?: string;
  readonly forwardMode?: string;
  readonly active: boolean;
  readonly subnets: readonly Subnet[];
}

export interface KvmHostVm {
  readonly name: string;
  readonly uuid?: string;
  /** MACs in canonical form (lower case, colons). */
  readonly nics: readonly { readonly mac: string; readonly network?: string; readonly bridge?: string }[];
}

/** Bounds on what one host may send (a host with more is cut, and the problems say so). */
export const HOST_FACTS_LIMITS = { networks: 5000, vms: 5000, nicsPerVm: 64, bridges: 5000, text: 1024 } as const;

export type ParsedHostFacts =
  | { readonly ok: true; readonly host: string; readonly facts: KvmHostFacts | null; readonly problems: readonly string[] }
  | { readonly ok: false; readonly error: string };

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

function text(v: unknown): string | undefined {
  return typeof v === 'string' && v !== '' && v.length <= HOST_FACTS_LIMITS.text ? v : undefined;
}

/** A CIDR block, normalised to its network address; undefined when it is not one. */
export function parseCidr(s: string): Subnet | undefined {
  const slash = s.lastIndexOf('/');
  if (slash < 0) return undefined;
  const addr = parseAddr(s.slice(0, slash));
  const p = s.slice(slash + 1).trim();
  if (!addr || !/^\d{1,3}$/.test(p) || Number(p) > bits(addr.family)) return undefined;
  return subnetOf(addr, Number(p));
}

/** A MAC as six hex pairs separated by colons (or dashes), in canonical form; undefined otherwise. */
function canonicalMac(v: unknown): string | undefined {
  if (typeof v !== 'string') return undefined;
  const s = v.trim().toLowerCase().replace(/-/g, ':');
  return /^[0-9a-f]{2}(:[0-9a-f]{2}){5}$/.test(s) ? s : undefined;
}

function list(v: unknown, what: string, max: number, problems: string[]): unknown[] {
  if (v === undefined || v === null) return [];
  if (!Array.isArray(v)) {
    problems.push(`${what}: expected a list`);
    return [];
  }
  if (v.length > max) problems.push(`${what}: ${v.length} entries, only the first ${max} are used`);
  return v.slice(0, max);
}

/**
 * Validates host facts from outside (JSON). Never throws. A wrong envelope
 * (no host name) is an error; a bad entry inside is skipped and named in
 * `problems`, so that one odd network does not hide the others.
 */
export function parseHostFacts(value: unknown): ParsedHostFacts {
  if (!isObject(value)) return { ok: false, error: 'host facts must be a JSON object {host, readAt, facts}' };
  const host = text(value.host);
  if (!host) return { ok: false, error: 'host facts need "host": a non-empty string' };
  if (value.facts === null) return { ok: true, host, facts: null, problems: [] };
  if (!isObject(value.facts)) return { ok: false, error: `host facts of ${host}: "facts" must be an object, or null to forget the host` };
  const readAt = text(value.readAt);
  if (!readAt || Number.isNaN(Date.parse(readAt))) return { ok: false, error: `host facts of ${host}: "readAt" must be a date and time (ISO 8601)` };
  const f = value.facts;
  const problems: string[] = [];
  const networks: KvmHostNetwork[] = [];
  for (const [i, n] of list(f.networks, 'networks', HOST_FACTS_LIMITS.networks, problems).entries()) {
    const name = isObject(n) ? text(n.name) : undefined;
    if (!isObject(n) || !name) {
      problems.push(`networks[${i}]: no name`);
      continue;
    }
    const subnets: Subnet[] = [];
    for (const s of list(n.subnets, `network ${name}: subnets`, 64, problems)) {
      const subnet = typeof s === 'string' ? parseCidr(s) : undefined;
      if (subnet) subnets.push(subnet);
      else problems.push(`network ${name}: ${JSON.stringify(s)} is not a CIDR block`);
    }
    networks.push({ name, uuid: text(n.uuid)?.trim().toLowerCase(), bridge: text(n.bridge), forwardMode: text(n.forwardMode), active: n.active === true, subnets });
  }
  let vms: KvmHostVm[] | undefined;
  if (f.vms !== undefined && f.vms !== null) {
    vms = [];
    for (const [i, vm] of list(f.vms, 'vms', HOST_FACTS_LIMITS.vms, problems).entries()) {
      const name = isObject(vm) ? text(vm.name) : undefined;
      if (!isObject(vm) || !name) {
        problems.push(`vms[${i}]: no name`);
        continue;
      }
      const nics: { mac: string; network?: string; bridge?: string }[] = [];
      for (const nic of list(vm.nics, `VM ${name}: nics`, HOST_FACTS_LIMITS.nicsPerVm, problems)) {
        const mac = isObject(nic) ? canonicalMac(nic.mac) : undefined;
        // A NIC whose MAC libvirt has not assigned yet (an inactive VM's config may lack one) clashes with nothing.
        if (isObject(nic) && mac) nics.push({ mac, network: text(nic.network), bridge: text(nic.bridge) });
      }
      vms.push({ name, uuid: text(vm.uuid)?.trim().toLowerCase(), nics });
    }
  }
  let bridges: string[] | undefined;
  if (f.bridges !== undefined && f.bridges !== null) {
    bridges = list(f.bridges, 'bridges', HOST_FACTS_LIMITS.bridges, problems).flatMap((b) => text(b) ?? []);
  }
  return { ok: true, host, facts: { host, readAt, networks, vms, bridges }, problems };
}
