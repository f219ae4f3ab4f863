/**
 * What attaching or detaching a NIC will do, decided before anything is
 * sent: defaults by the VM's state, checks the UI shows as errors or
 * warnings, and a plain-language description for the confirmation prompt.
 * Pure: the UI calls it with what the last refresh read.
 */
import { vmAttachInterface, vmDetachInterface, type Scope } from './domainCommands';
import type { NetworkSummary } from './hostNetworks';
import type { VmNic } from './parseDomainXml';
import type { VirshCommand } from './virshCommand';
import { macsOnHost, type VmSummary } from './vmInventory';
import { checkMac, freshMac } from './vmMac';
import { describeNic, type VmNicEntry } from './vmNics';

export const DEFAULT_NIC_MODEL = 'virtio';
/** The models QEMU's pc/q35 machines offer for a NIC; others get a warning, not a refusal. */
export const KNOWN_NIC_MODELS = ['virtio', 'e1000e', 'e1000', 'rtl8139', 'vmxnet3', 'ne2k_pci', 'pcnet'];

export interface NicPlanOk {
  readonly ok: true;
  readonly command: VirshCommand<string>;
  readonly scope: Scope;
  /** The NIC the command adds or removes. */
  readonly nic: VmNic;
  /** One sentence for the confirmation: what, on which VM, where it applies. */
  readonly description: string;
  readonly warnings: readonly string[];
}
export type NicPlan = NicPlanOk | { readonly ok: false; readonly message: string };

const runs = (vm: VmSummary) => vm.state === 'running' || vm.state === 'paused';

/**
 * Where a change applies unless the user says otherwise: a running
 * persistent VM now and in its saved configuration; a running transient VM
 * now (it has no saved configuration); a VM that does not run, its saved
 * configuration (the change takes effect at its next start).
 */
export function defaultScope(vm: VmSummary): Scope {
  return { live: runs(vm), config: vm.persistent };
}

/** "to the running VM now and to its saved configuration (kept after a restart)". */
export function describeScope(scope: Scope, verb: 'to' | 'from'): string {
  const now = `${verb} the running VM now`;
  const saved = `${verb} its saved configuration`;
  if (scope.live && scope.config) return `${now} and ${saved}, so the change stays after a restart`;
  if (scope.live) return `${now} only: the VM's saved configuration keeps its NICs, so the change is undone at the next restart`;
  return `${saved} only: it takes effect the next time the VM starts`;
}

function checkScope(vm: VmSummary, scope: Scope): string | undefined {
  if (!scope.live && !scope.config) return 'choose where the change applies: the running VM, its saved configuration, or both';
  if (scope.live && !runs(vm)) return `VM '${vm.name}' is ${vm.stateDetail ?? vm.state}: only its saved configuration can be changed (start it to change the running VM)`;
  if (scope.config && !vm.persistent) return `VM '${vm.name}' is transient: it has no saved configuration, only the running VM can be changed`;
  return undefined;
}

export interface AttachRequest {
  readonly type: 'network' | 'bridge';
  /** Network name or bridge name. */
  readonly source: string;
  /** Default virtio. */
  readonly model?: string;
  /** Typed by the user; a fresh one is generated when absent. */
  readonly mac?: string;
  /** Default: `defaultScope(vm)`. */
  readonly scope?: Scope;
}

export interface AttachContext {
  /** The host's networks (from the last refresh). */
  readonly networks: readonly NetworkSummary[];
  /** The host's VMs (from the last refresh): their MACs are taken. */
  readonly vms: readonly VmSummary[];
  /** MACs written in the workspace's files (lower case). */
  readonly workspaceMacs?: ReadonlySet<string>;
  /** The host's bridges, when known (`ip link show type bridge`). */
  readonly hostBridges?: ReadonlySet<string>;
  /** For tests: the random source of fresh MACs. */
  readonly random?: (n: number) => Uint8Array;
}

export function planAttach(vm: VmSummary, request: AttachRequest, context: AttachContext): NicPlan {
  const scope = request.scope ?? defaultScope(vm);
  const scopeError = checkScope(vm, scope);
  if (scopeError) return { ok: false, message: scopeError };
  const warnings: string[] = [];
  if (request.source === '') return { ok: false, message: `choose a ${request.type}` };
  if (request.type === 'network') {
    const net = context.networks.find((n) => n.name === request.source);
    if (!net) return { ok: false, message: `there is no network '${request.source}' on this host (libvirt would accept it in the saved configuration, and the VM would then fail to start)` };
    if (scope.live && net.active === false) return { ok: false, message: `network '${request.source}' is not active: start it first, or attach to the saved configuration only` };
    if (!scope.live && net.autostart === false && runs(vm) === false && net.active === false) {
      warnings.push(`network '${request.source}' is inactive and not autostarted: the VM will not start until it is started`);
    }
  } else if (context.hostBridges && !context.hostBridges.has(request.source)) {
    if (scope.live) return { ok: false, message: `the host has no bridge '${request.source}': a running VM cannot be connected to it` };
    warnings.push(`the host has no bridge '${request.source}' now: the VM will fail to start until it exists`);
  }
  const model = request.model?.trim() || DEFAULT_NIC_MODEL;
  if (!/^[A-Za-z0-9_-]+$/.test(model)) return { ok: false, message: `'${model}' is not a NIC model name` };
  if (!KNOWN_NIC_MODELS.includes(model)) warnings.push(`'${model}' is not one of QEMU's usual NIC models (${KNOWN_NIC_MODELS.join(', ')})`);
  const used = macsOnHost(context.vms);
  let mac: string;
  if (request.mac !== undefined && request.mac.trim() !== '') {
    const checked = checkMac(request.mac, used, context.workspaceMacs);
    if (!checked.ok) return { ok: false, message: checked.message };
    mac = checked.mac;
    warnings.push(...checked.warnings);
  } else {
    mac = freshMac(new Set([...used, ...(context.workspaceMacs ?? [])]), context.random);
  }
  const nic: VmNic = { type: request.type, mac, network: request.type === 'network' ? request.source : undefined, bridge: request.type === 'bridge' ? request.source : undefined, model };
  return {
    ok: true,
    command: vmAttachInterface({ uuid: vm.uuid, type: request.type, source: request.source, model, mac, scope }),
    scope,
    nic,
    description: `Add a NIC ${describeNic(nic)} to VM '${vm.name}': ${describeScope(scope, 'to')}.`,
    warnings,
  };
}

/** The NIC of a VM with this MAC (either configuration). */
export function findNic(vm: VmSummary, mac: string): VmNicEntry | undefined {
  const m = mac.trim().toLowerCase();
  return vm.nics.find((n) => n.mac === m);
}

/**
 * Detach by MAC. Default scope: wherever the NIC is (running VM, saved
 * configuration, or both).
 */
export function planDetach(vm: VmSummary, mac: string, scope?: Scope): NicPlan {
  const entry = findNic(vm, mac);
  if (!entry) return { ok: false, message: `VM '${vm.name}' has no NIC with MAC ${mac} (refresh the host if it was just added)` };
  const nic = (entry.live ?? entry.config) as VmNic;
  const where: Scope = scope ?? { live: entry.live !== undefined, config: entry.config !== undefined };
  const scopeError = checkScope(vm, where);
  if (scopeError) return { ok: false, message: scopeError };
  if (where.live && !entry.live) return { ok: false, message: `the running VM has no NIC ${entry.mac}: it is only in the saved configuration` };
  if (where.config && !entry.config) return { ok: false, message: `the saved configuration has no NIC ${entry.mac}: it is only in the running VM` };
  const warnings = where.live ? ['the guest OS must release the NIC: if it ignores the request, virsh still reports success and the NIC stays (the result below says what really changed)'] : [];
  return {
    ok: true,
    command: vmDetachInterface({ uuid: vm.uuid, type: nic.type, mac: entry.mac ?? mac, scope: where }),
    scope: where,
    nic,
    description: `Remove the NIC ${describeNic(nic)} from VM '${vm.name}': ${describeScope(where, 'from')}.`,
    warnings,
  };
}
