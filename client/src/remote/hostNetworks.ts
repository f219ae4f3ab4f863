/**
 * A host's networks and VMs, fetched in two round trips whatever their
 * number (up to 400 commands per batch): one batch of `net-list --name` with
 * the filters `--all`, `--active`, `--autostart`, `--persistent` and the VM
 * lists of vmInventory.ts, then one batch of `net-dumpxml` per network and
 * the VMs' `dumpxml`. This is what a tree of hosts → networks and VMs shows:
 * state, autostart, persistence, bridge, forward mode, subnets; VM states and
 * NICs. (net-info per network would give the same flags at nearly twice the
 * cost.)
 */
import type { NetIp, NetXml } from './parseNetXml';
import { ok, type RemoteError, type Result } from './result';
import type { Runner } from './runner';
import type { VirshCommand } from './virshCommand';
import { vmDetailPlan, vmListCommands, type VmSummary } from './vmInventory';
import { netDumpXml, netListNames } from './virsh';
import { batch } from './virshBatch';
import { runVirsh } from './virshCommand';

export interface NetworkSummary {
  /** The name as `net-list --name` printed it (exact, also for odd names). */
  readonly name: string;
  readonly uuid?: string;
  readonly active?: boolean;
  readonly persistent?: boolean;
  readonly autostart?: boolean;
  readonly bridge?: string;
  /** undefined for an isolated network (no `<forward>`). */
  readonly forwardMode?: string;
  readonly ips: readonly NetIp[];
  /** The live XML (the inactive one is fetched on demand). */
  readonly xml?: string;
  /** Why some of the above is missing (e.g. the network was undefined between the two round trips). */
  readonly error?: string;
}

const PER_BATCH = 400; // ~70 bytes per command: well under the 128 KiB of one argument

export interface HostInventory {
  readonly networks: NetworkSummary[];
  /** undefined when the VMs were not asked for, or could not be listed (`vmError`). */
  readonly vms?: VmSummary[];
  readonly vmError?: RemoteError;
}

/** Runs commands in batches of PER_BATCH, one round trip each; the results in order. */
async function runBatched(runner: Runner, uri: string, commands: readonly VirshCommand<unknown>[], options: { timeoutMs: number }): Promise<Result<Result<unknown>[]>> {
  const out: Result<unknown>[] = [];
  for (let i = 0; i < commands.length; i += PER_BATCH) {
    const r = await runVirsh(runner, uri, batch(commands.slice(i, i + PER_BATCH)), options);
    if (!r.ok) return r;
    out.push(...(r.value as Result<unknown>[]));
  }
  return ok(out);
}

/** The networks only (what fetchHost gives without VMs). */
export async function fetchNetworks(runner: Runner, uri: string, options: { timeoutMs: number }): Promise<Result<NetworkSummary[]>> {
  const r = await fetchHost(runner, uri, { ...options, vms: false });
  return r.ok ? ok(r.value.networks) : r;
}

/**
 * Networks and (unless `vms: false`) VMs in two round trips. A host whose
 * VMs cannot be listed still gets its networks (`vmError` says why).
 */
export async function fetchHost(runner: Runner, uri: string, options: { timeoutMs: number; vms?: boolean }): Promise<Result<HostInventory>> {
  const withVms = options.vms !== false;
  const netLists = [netListNames('all'), netListNames('active'), netListNames('autostart'), netListNames('persistent')];
  // Round trip 1: every name, which are active, autostarted, persistent (filtered lists); the VM lists.
  const lists = await runVirsh(runner, uri, batch([...netLists, ...(withVms ? vmListCommands() : [])]), options);
  if (!lists.ok) return lists;
  const [all, active, autostart, persistent] = lists.value as Result<string[]>[];
  if (!all.ok) return all;
  const vmPlan = withVms ? vmDetailPlan(lists.value.slice(netLists.length)) : undefined;
  const setOf = (r: Result<string[]>) => (r.ok ? new Set(r.value) : undefined);
  const [isActive, isAutostart, isPersistent] = [setOf(active), setOf(autostart), setOf(persistent)];
  // Round trip 2: the live XML of each network (name, UUID, bridge, forward mode, addresses) and of each VM.
  const names = all.value;
  const details = await runBatched(runner, uri, [...names.map((n) => netDumpXml(n)), ...(vmPlan?.ok ? vmPlan.value.commands : [])], options);
  if (!details.ok) return details;
  const networks = names.map((name, j): NetworkSummary => {
    const xml = details.value[j] as Result<NetXml>;
    return {
      name,
      uuid: xml.ok ? xml.value.uuid : undefined,
      active: isActive?.has(name),
      persistent: isPersistent?.has(name),
      autostart: isAutostart?.has(name),
      bridge: xml.ok ? xml.value.bridge : undefined,
      forwardMode: xml.ok ? xml.value.forwardMode : undefined,
      ips: xml.ok ? xml.value.ips : [],
      xml: xml.ok ? xml.value.xml : undefined,
      // e.g. undefined between the two round trips
      error: xml.ok ? undefined : xml.error.message,
    };
  });
  if (!vmPlan) return ok({ networks });
  if (!vmPlan.ok) return ok({ networks, vmError: vmPlan.error });
  return ok({ networks, vms: vmPlan.value.build(details.value.slice(names.length)) });
}
