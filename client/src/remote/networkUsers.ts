/**
 * Which VMs use a network: the domains (running or not) with an interface
 * whose `<source network>` is the network, in either configuration, named in
 * the confirmation before the network is stopped or undefined. Read fresh,
 * with the same commands and the same reading as the sidebar's VM inventory
 * (vmInventory.ts: `vmListCommands`, `vmDetailPlan`, `vmsOnNetwork`).
 *
 * One round trip when the host's VMs are known from its last refresh: the
 * lists and the XML of those VMs go in one batch, guessed from the refresh;
 * the fresh lists then decide what is used. Only what the guess missed (a VM
 * defined since, or one that changed to a state that needs another command)
 * costs a second round trip; without a refresh it takes two.
 */
import { vmDumpXml, vmState } from './domainCommands';
import { ok, type Result } from './result';
import { batch } from './virshBatch';
import type { VirshCommand } from './virshCommand';
import { vmDetailPlan, vmListCommands, vmsOnNetwork, type VmSummary } from './vmInventory';

export interface NetworkUser {
  /** The domain's name, as `list --name` gives it. */
  readonly domain: string;
  /** Active (running, paused or in another non-off state): it loses its connection. */
  readonly running: boolean;
}

/** Runs one command on the host in question (HostConnectionManager.run, bound to a host). */
export type RunOnHost = <T>(command: VirshCommand<T>) => Promise<Result<T>>;

const keyOf = (c: VirshCommand<unknown>) => c.args.join('\0');

/** The commands round trip 2 would most likely need, from the last refresh's VMs. */
function guessedDetails(known: readonly VmSummary[]): VirshCommand<unknown>[] {
  return known.flatMap((vm) => [
    vmDumpXml(vm.uuid),
    ...(vm.state !== 'shut off' && vm.persistent ? [vmDumpXml(vm.uuid, { inactive: true })] : []),
    ...(vm.state === 'other' ? [vmState(vm.uuid)] : []),
  ]);
}

/**
 * The host's VMs, read now: one round trip when `known` (the last refresh's
 * VMs) still names them all in the same states, two otherwise.
 */
export async function fetchVms(run: RunOnHost, known: readonly VmSummary[] = []): Promise<Result<VmSummary[]>> {
  const lists = vmListCommands();
  const guesses = guessedDetails(known);
  const first = await run(batch([...lists, ...guesses]));
  if (!first.ok) return first;
  const plan = vmDetailPlan(first.value.slice(0, lists.length));
  if (!plan.ok) return plan;
  const have = new Map<string, Result<unknown>>();
  guesses.forEach((c, i) => have.set(keyOf(c), first.value[lists.length + i]));
  const missing = plan.value.commands.filter((c) => !have.has(keyOf(c)));
  if (missing.length > 0) {
    const second = await run(batch(missing));
    if (!second.ok) return second;
    missing.forEach((c, i) => have.set(keyOf(c), second.value[i]));
  }
  return ok(plan.value.build(plan.value.commands.map((c) => have.get(keyOf(c))!)));
}

/** The domains whose interfaces use `network` (either configuration), active ones first. */
export async function networkUsers(run: RunOnHost, network: string, known?: readonly VmSummary[]): Promise<Result<NetworkUser[]>> {
  const vms = await fetchVms(run, known);
  if (!vms.ok) return vms;
  const users = vmsOnNetwork(vms.value, network).map((u): NetworkUser => ({ domain: u.vm.name, running: u.vm.state !== 'shut off' }));
  users.sort((a, b) => Number(b.running) - Number(a.running) || a.domain.localeCompare(b.domain));
  return ok(users);
}
