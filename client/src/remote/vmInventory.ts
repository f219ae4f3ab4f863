/**
 * A host's VMs as the sidebar shows them: state, persistence, autostart and
 * the NICs of both configurations, read in the same two round trips as the
 * networks (hostNetworks.ts puts these commands into its batches):
 *
 * 1. `list --all --uuid --name` and the UUID lists filtered by state
 *    (running, paused, shut off), persistence and autostart;
 * 2. per VM `dumpxml` (the running configuration, or the saved one of a VM
 *    that does not run), plus `dumpxml --inactive` for a running persistent
 *    VM and `domstate --reason` for a VM in another state (crashed, …).
 *
 * Pure: the commands and what is made of their results.
 */
import { vmDumpXml, vmListAll, vmListUuids, vmState, type VmListEntry } from './domainCommands';
import type { DomainXml, VmNic } from './parseDomainXml';
import { fail, ok, type Result } from './result';
import type { VirshCommand } from './virshCommand';
import { compareNics, type VmNicEntry } from './vmNics';

export type VmState = 'running' | 'paused' | 'shut off' | 'other';

export interface VmSummary {
  readonly name: string;
  readonly uuid: string;
  readonly state: VmState;
  /** `domstate --reason` for `other` (`crashed (panicked)`, `in shutdown`, `pmsuspended`). */
  readonly stateDetail?: string;
  readonly persistent: boolean;
  readonly autostart: boolean;
  /** NICs of the running VM (undefined when it does not run). */
  readonly liveNics?: readonly VmNic[];
  /** NICs of the saved configuration (undefined for a transient VM). */
  readonly configNics?: readonly VmNic[];
  /** Both merged by MAC, differences flagged. */
  readonly nics: readonly VmNicEntry[];
  /** Why NICs or state are missing (e.g. the VM was undefined between the two round trips). */
  readonly error?: string;
}

/** Round trip 1: the VM lists. Six commands, in this order. */
export function vmListCommands(): VirshCommand<unknown>[] {
  return [vmListAll(), vmListUuids('running'), vmListUuids('paused'), vmListUuids('shutoff'), vmListUuids('persistent'), vmListUuids('autostart')];
}

interface Listed extends VmListEntry {
  readonly state: VmState;
  readonly persistent: boolean;
  readonly autostart: boolean;
}

/** What round trip 1 gave, and the commands of round trip 2 with the function that builds the summaries from their results. */
export interface VmDetailPlan {
  readonly commands: VirshCommand<unknown>[];
  build(results: readonly Result<unknown>[]): VmSummary[];
}

/** From the results of `vmListCommands()` (same order): the commands of round trip 2, or the error of the VM list. */
export function vmDetailPlan(lists: readonly Result<unknown>[]): Result<VmDetailPlan> {
  const [all, running, paused, shutoff, persistent, autostart] = lists as [Result<VmListEntry[]>, ...Result<string[]>[]];
  if (!all.ok) return fail(all.error.kind, all.error.message, all.error.stderr);
  const setOf = (r: Result<string[]>) => new Set(r.ok ? r.value : []);
  const [isRunning, isPaused, isShutoff, isPersistent, isAutostart] = [running, paused, shutoff, persistent, autostart].map(setOf);
  const listed: Listed[] = all.value.map((v) => ({
    ...v,
    state: isRunning.has(v.uuid) ? 'running' : isPaused.has(v.uuid) ? 'paused' : isShutoff.has(v.uuid) ? 'shut off' : 'other',
    persistent: isPersistent.has(v.uuid),
    autostart: isAutostart.has(v.uuid),
  }));
  const commands: VirshCommand<unknown>[] = [];
  const slots = listed.map((v) => {
    const slot: { main: number; inactive?: number; state?: number } = { main: commands.push(vmDumpXml(v.uuid)) - 1 };
    if (v.state !== 'shut off' && v.persistent) slot.inactive = commands.push(vmDumpXml(v.uuid, { inactive: true })) - 1;
    if (v.state === 'other') slot.state = commands.push(vmState(v.uuid)) - 1;
    return slot;
  });
  return ok({
    commands,
    build(results) {
      return listed.map((v, i) => {
        const s = slots[i];
        const main = results[s.main] as Result<DomainXml> | undefined;
        const inactive = s.inactive === undefined ? undefined : (results[s.inactive] as Result<DomainXml> | undefined);
        const state = s.state === undefined ? undefined : (results[s.state] as Result<string> | undefined);
        const runs = v.state !== 'shut off';
        const mainNics = main?.ok ? main.value.nics : undefined;
        // A shut-off VM's plain dumpxml is its saved configuration.
        const liveNics = runs ? mainNics : undefined;
        const configNics = !v.persistent ? undefined : runs ? (inactive?.ok ? inactive.value.nics : undefined) : mainNics;
        const errors = [main, inactive, state].filter((r): r is Result<never> & { ok: false } => r !== undefined && !r.ok).map((r) => r.error.message);
        return {
          name: v.name,
          uuid: v.uuid,
          state: v.state,
          stateDetail: state?.ok ? state.value : undefined,
          persistent: v.persistent,
          autostart: v.autostart,
          liveNics,
          configNics,
          nics: compareNics(liveNics, configNics),
          error: errors.length > 0 ? [...new Set(errors)].join('; ') : main ? undefined : 'not read',
        };
      });
    },
  });
}

/** A VM's NICs on one network (by `<source network>`), in either configuration. */
export interface NetworkUse {
  readonly vm: VmSummary;
  readonly nics: readonly VmNicEntry[];
}

/** The VMs with a NIC on the network, running or saved; each with those NICs. */
export function vmsOnNetwork(vms: readonly VmSummary[], network: string): NetworkUse[] {
  return vms
    .map((vm) => ({ vm, nics: vm.nics.filter((n) => (n.live ?? n.config)?.type === 'network' && (n.live?.network === network || n.config?.network === network)) }))
    .filter((u) => u.nics.length > 0);
}

/** Every network with the VMs that use it (the map behind a network node's children). */
export function networkUsersMap(vms: readonly VmSummary[]): Map<string, NetworkUse[]> {
  const names = new Set<string>();
  for (const vm of vms) for (const n of vm.nics) for (const c of [n.live, n.config]) if (c?.type === 'network' && c.network !== undefined) names.add(c.network);
  return new Map([...names].map((n) => [n, vmsOnNetwork(vms, n)]));
}

/** Every MAC the host's VMs use, in either configuration (lower case). */
export function macsOnHost(vms: readonly VmSummary[]): Set<string> {
  const out = new Set<string>();
  for (const vm of vms) for (const n of vm.nics) if (n.mac) out.add(n.mac);
  return out;
}
