/**
 * Runs a planned NIC change (vmNicPlan.ts) with both configurations read
 * before and after it, all in one virsh batch (one round trip):
 *
 *     dumpxml; dumpxml --inactive; attach-/detach-interface …; dumpxml; dumpxml --inactive
 *
 * and reports what actually changed in each configuration, whatever virsh
 * said: a live detach that the guest ignores reports success and leaves the
 * NIC, and a failed `--live --config` detach can still have changed the
 * saved configuration.
 */
import { isVmGone, vmDumpXml, type Scope } from './domainCommands';
import type { DomainXml, VmNic } from './parseDomainXml';
import { ok, type Result } from './result';
import { batch } from './virshBatch';
import type { VirshCommand } from './virshCommand';
import type { VmSummary } from './vmInventory';
import type { NicPlanOk } from './vmNicPlan';
import { describeNic, nicDelta } from './vmNics';

export interface ConfigChange {
  readonly added: readonly VmNic[];
  readonly removed: readonly VmNic[];
}

export interface NicChangeReport {
  /** `done`: virsh succeeded and every requested change is there; `partial`: some is missing or virsh failed after changing something; `failed`: nothing changed. */
  readonly outcome: 'done' | 'partial' | 'failed';
  /** virsh's own result for the attach/detach command. */
  readonly action: Result<string>;
  /** What really changed in the running VM (undefined when it does not run before and after). */
  readonly live?: ConfigChange;
  /** What really changed in the saved configuration. */
  readonly config?: ConfigChange;
  /** The NICs after the change, as re-read. */
  readonly after: { readonly live?: readonly VmNic[]; readonly config?: readonly VmNic[] };
  /** Plain sentences: one per configuration, and what to do next. */
  readonly lines: readonly string[];
}

/** NICs of a read: running ones only when the XML is of a running VM (it has an id). */
function liveOf(r: Result<DomainXml>): VmNic[] | undefined {
  return r.ok && r.value.id !== undefined ? [...r.value.nics] : undefined;
}

/** The saved configuration's NICs (for a transient VM, `--inactive` returns the running XML: not a saved one). */
function configOf(r: Result<DomainXml>, persistent: boolean): VmNic[] | undefined {
  return persistent && r.ok ? [...r.value.nics] : undefined;
}

/**
 * One command that reads, changes, re-reads, and whose value is the
 * report. `kind` says whether the plan adds or removes its NIC.
 */
export function nicChange(vm: VmSummary, plan: NicPlanOk, kind: 'attach' | 'detach'): VirshCommand<NicChangeReport> {
  const b = batch([vmDumpXml(vm.uuid), vmDumpXml(vm.uuid, { inactive: true }), plan.command, vmDumpXml(vm.uuid), vmDumpXml(vm.uuid, { inactive: true })] as const);
  return {
    args: b.args,
    stdin: b.stdin,
    parse(output) {
      const r = b.parse(output);
      if (!r.ok) return r;
      const [liveBefore, configBefore, action, liveAfter, configAfter] = r.value;
      return ok(report(vm, plan, kind, action, { liveBefore, configBefore, liveAfter, configAfter }));
    },
  };
}

function report(
  vm: VmSummary,
  plan: NicPlanOk,
  kind: 'attach' | 'detach',
  action: Result<string>,
  reads: { liveBefore: Result<DomainXml>; configBefore: Result<DomainXml>; liveAfter: Result<DomainXml>; configAfter: Result<DomainXml> },
): NicChangeReport {
  if (!reads.liveBefore.ok && isVmGone(reads.liveBefore.error.stderr)) {
    const message = `VM '${vm.name}' is no longer on this host: it was removed (or re-created with a new UUID) since the host was last read. Refresh the host to see its VMs.`;
    return { outcome: 'failed', action: { ok: false, error: { ...reads.liveBefore.error, message } }, after: {}, lines: [message] };
  }
  const [lb, la] = [liveOf(reads.liveBefore), liveOf(reads.liveAfter)];
  const [cb, ca] = [configOf(reads.configBefore, vm.persistent), configOf(reads.configAfter, vm.persistent)];
  const live = lb && la ? nicDelta(lb, la) : undefined;
  const config = cb && ca ? nicDelta(cb, ca) : undefined;
  const mac = plan.nic.mac;
  const did = (c: ConfigChange | undefined) => (c ? (kind === 'attach' ? c.added : c.removed).some((n) => n.mac === mac) : false);
  const lines: string[] = [];
  const expected: [keyof Scope, ConfigChange | undefined, string][] = [
    ['live', live, 'Running VM'],
    ['config', config, 'Saved configuration'],
  ];
  let missing = 0;
  let changed = 0;
  for (const [key, change, label] of expected) {
    const happened = did(change);
    if (happened) changed++;
    if (plan.scope[key]) {
      if (happened) lines.push(`${label}: NIC ${kind === 'attach' ? 'added' : 'removed'}.`);
      else {
        missing++;
        if (key === 'live' && kind === 'detach' && action.ok) {
          lines.push(`${label}: the NIC is still there although virsh reported success. The guest did not release it (a guest without an OS, or without ACPI PCI hotplug, ignores the request); it may still go later: refresh to check, or remove it from the saved configuration and restart the VM.`);
        } else if (change === undefined) {
          lines.push(`${label}: could not be read after the change.`);
        } else lines.push(`${label}: unchanged.`);
      }
    } else if (happened) {
      lines.push(`${label}: also ${kind === 'attach' ? 'gained' : 'lost'} the NIC, although it was not asked for.`);
    }
  }
  for (const [, change, label] of expected) {
    const other = change ? [...change.added.filter((n) => n.mac !== mac).map((n) => `added ${describeNic(n)}`), ...change.removed.filter((n) => n.mac !== mac).map((n) => `removed ${describeNic(n)}`)] : [];
    if (other.length > 0) lines.push(`${label}: other changes at the same time (someone else?): ${other.join('; ')}.`);
  }
  if (!action.ok) lines.unshift(`libvirt: ${action.error.message}`);
  const outcome = action.ok && missing === 0 ? 'done' : changed > 0 ? 'partial' : 'failed';
  return { outcome, action, live, config, after: { live: la, config: ca }, lines };
}
