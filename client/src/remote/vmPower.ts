/**
 * Start, shut down (ask the guest) and force off (destroy) a VM: what will
 * be done and whether to confirm, decided before anything is sent; then the
 * command and a re-read of the state in one round trip. Pure.
 */
import { vmDestroy, vmShutdown, vmStart, vmState } from './domainCommands';
import { ok, type Result } from './result';
import { batch } from './virshBatch';
import type { VirshCommand } from './virshCommand';
import type { VmSummary } from './vmInventory';

export type PowerAction = 'start' | 'shutdown' | 'destroy';

export type PowerPlan =
  | { readonly ok: true; readonly action: PowerAction; readonly description: string; readonly confirm?: string; readonly command: VirshCommand<PowerReport> }
  | { readonly ok: false; readonly message: string };

export interface PowerReport {
  readonly action: Result<string>;
  /** `domstate --reason` right after (`running (booted)`, `shut off (destroyed)`). */
  readonly stateAfter?: string;
  /** A plain sentence: what happened, and what to do when the guest ignored a shutdown. */
  readonly message: string;
}

const runs = (vm: VmSummary) => vm.state === 'running' || vm.state === 'paused';

export function planPower(vm: VmSummary, action: PowerAction): PowerPlan {
  if (action === 'start' && runs(vm)) return { ok: false, message: `VM '${vm.name}' is already ${vm.state}` };
  if (action !== 'start' && vm.state === 'shut off') return { ok: false, message: `VM '${vm.name}' is not running` };
  const description = {
    start: `Start VM '${vm.name}'.`,
    shutdown: `Ask the guest OS of VM '${vm.name}' to shut down (ACPI power button); the guest decides when, or whether, it stops.`,
    destroy: `Force off VM '${vm.name}' at once, like pulling the power cable: unsaved data in the guest is lost.${vm.persistent ? '' : ' The VM is transient: it disappears from the host.'}`,
  }[action];
  const command = { start: vmStart, shutdown: vmShutdown, destroy: vmDestroy }[action](vm.uuid);
  const b = batch([command, vmState(vm.uuid)] as const);
  return {
    ok: true,
    action,
    description,
    confirm: action === 'destroy' ? `Force off '${vm.name}'? The guest gets no chance to shut down cleanly.` : undefined,
    command: {
      args: b.args,
      stdin: b.stdin,
      parse(output) {
        const r = b.parse(output);
        if (!r.ok) return r;
        const [act, state] = r.value;
        const stateAfter = state.ok ? state.value : undefined;
        return ok({ action: act, stateAfter, message: message(vm, action, act, stateAfter) });
      },
    },
  };
}

function message(vm: VmSummary, action: PowerAction, act: Result<string>, stateAfter: string | undefined): string {
  if (!act.ok) return `${{ start: 'Start', shutdown: 'Shutdown', destroy: 'Force off' }[action]} of '${vm.name}' failed: ${act.error.message}`;
  const now = stateAfter ? ` Now: ${stateAfter}.` : '';
  if (action === 'shutdown' && stateAfter?.startsWith('running')) {
    return `Shutdown of '${vm.name}' requested; the guest is still running.${now} If it does not stop (no ACPI support in the guest), use Force off.`;
  }
  return `${{ start: 'Started', shutdown: 'Shut down', destroy: 'Forced off' }[action]} '${vm.name}'.${now}`;
}
