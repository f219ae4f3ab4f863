/**
 * What a KVM host runs, as the language server's host facts
 * (`virtnet/hostFacts`, server/src/workspace/hostFactsFormat.ts): built from
 * a host's last refresh (its networks), its bridge devices (hostBridges.ts)
 * and its VMs' NICs. No `vscode` here: the extension's glue sends the result
 * after each refresh of a host the workspace targets (`virtnet.targetHosts`).
 *
 * VMs: `HostVmNics` is the seam. By default the VMs of the host's last
 * refresh (vmInventory.ts) are sent, every NIC of the running and the saved
 * configuration; a caller may pass its own. When the VMs could not be listed
 * `vms` is sent as unknown (null), which the checks treat as "not known",
 * never as "no VMs".
 */
import type { HostFactsParams, HostFactsWire } from '../../../server/src/workspace/hostFactsFormat';
import { fetchHostBridges } from './hostBridges';
import type { HostConnectionManager, HostSnapshot } from './hostConnectionManager';
import type { VmNic } from './parseDomainXml';
import { fail, ok, type RemoteError, type Result } from './result';
import type { VmSummary } from './vmInventory';

export const HOST_FACTS_NOTIFICATION = 'virtnet/hostFacts';

export interface HostVmNics {
  readonly name: string;
  readonly uuid?: string;
  readonly nics: readonly { readonly mac?: string; readonly network?: string; readonly bridge?: string }[];
}

export interface HostFactsExtras {
  /** The host's bridge devices; undefined when they could not be read. */
  readonly bridges?: readonly string[];
  /** The host's VMs and their NICs; default: those of the snapshot (undefined there when not known). */
  readonly vms?: readonly HostVmNics[];
  /** When the facts were read (default: now, i.e. right after the refresh). */
  readonly readAt?: Date;
}

/**
 * The facts of a host from its snapshot; undefined when the host has never
 * been read successfully (no networks known: nothing to state).
 */
export function hostFactsFor(snapshot: HostSnapshot, extras: HostFactsExtras = {}): HostFactsParams | undefined {
  if (!snapshot.networks) return undefined;
  const networks: HostFactsWire['networks'] = snapshot.networks.map((n) => ({
    name: n.name,
    uuid: n.uuid,
    bridge: n.bridge,
    forwardMode: n.forwardMode,
    active: n.active === true,
    subnets: n.ips.flatMap((ip) => (ip.subnet ? [ip.subnet] : [])),
  }));
  const vms = extras.vms ?? snapshot.vms?.map(vmNicsOf);
  return {
    host: snapshot.config.name,
    readAt: (extras.readAt ?? new Date()).toISOString(),
    facts: {
      networks,
      vms: vms ? vms.map((vm) => ({ name: vm.name, uuid: vm.uuid, nics: vm.nics.map((n) => ({ mac: n.mac, network: n.network, bridge: n.bridge })) })) : null,
      bridges: extras.bridges ? [...extras.bridges] : null,
    },
  };
}

/** A VM's NICs of both configurations (a NIC in both counted once); a bridge only for a bridged NIC. */
function vmNicsOf(vm: VmSummary): HostVmNics {
  return {
    name: vm.name,
    uuid: vm.uuid,
    nics: vm.nics.map((e) => {
      const n = (e.live ?? e.config) as VmNic;
      return { mac: n.mac, network: n.type === 'network' ? n.network : undefined, bridge: n.type === 'bridge' ? n.bridge : undefined };
    }),
  };
}

/** The message that makes the language server forget a host (no longer targeted, or removed). */
export function forgetHostFacts(hostName: string): HostFactsParams {
  return { host: hostName, readAt: new Date().toISOString(), facts: null };
}

/**
 * A host's facts after its refresh: the networks of its current snapshot
 * plus its bridge devices, read now (one more command on the same
 * connection). When the bridges cannot be read (no iproute2, say), the facts
 * still go out with bridges unknown, and `bridgesError` says why (for the log).
 */
export async function readHostFacts(
  manager: HostConnectionManager,
  hostName: string,
  options: { timeoutMs?: number; vms?: readonly HostVmNics[] } = {},
): Promise<{ params?: HostFactsParams; bridgesError?: RemoteError }> {
  const snapshot = manager.host(hostName);
  const runner = manager.runnerOf(hostName);
  if (!snapshot?.networks || !runner) return {};
  const bridges = await fetchHostBridges(runner, { timeoutMs: options.timeoutMs ?? manager.currentTimeouts.commandTimeoutMs });
  // The snapshot may have changed while the bridges were read: take the latest networks.
  const latest = manager.host(hostName) ?? snapshot;
  return {
    params: hostFactsFor(latest, { bridges: bridges.ok ? bridges.value : undefined, vms: options.vms }),
    bridgesError: bridges.ok ? undefined : bridges.error,
  };
}

/**
 * A host's facts read now, for a check just before something is sent to it
 * (the define commands): its networks and VMs re-read (`manager.refresh`,
 * shared with a refresh already running; the tree shows the result too) while
 * its bridge devices are read beside them on the same connection, so the
 * whole costs the refresh's two round trips. A failed refresh is the error
 * (the host cannot be read, so nothing can be checked or defined there);
 * bridges that cannot be read are sent as unknown, `bridgesError` says why.
 */
export async function readFreshHostFacts(
  manager: HostConnectionManager,
  hostName: string,
  options: { timeoutMs?: number; vms?: readonly HostVmNics[] } = {},
): Promise<Result<{ params: HostFactsParams; bridgesError?: RemoteError }>> {
  const runner = manager.runnerOf(hostName);
  if (!runner) return fail('internal', `no host named ${hostName}`);
  const [networks, bridges] = await Promise.all([
    manager.refresh(hostName),
    fetchHostBridges(runner, { timeoutMs: options.timeoutMs ?? manager.currentTimeouts.commandTimeoutMs }),
  ]);
  if (!networks.ok) return networks;
  const snapshot = manager.host(hostName);
  if (!snapshot) return fail('internal', `host ${hostName} was removed`);
  const params = hostFactsFor({ ...snapshot, networks: networks.value }, { bridges: bridges.ok ? bridges.value : undefined, vms: options.vms });
  if (!params) return fail('internal', `no facts of ${hostName}`);
  return ok({ params, bridgesError: bridges.ok ? undefined : bridges.error });
}
