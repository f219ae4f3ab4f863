/**
 * The `virtnet.vm.*` commands' decisions, without VS Code: attach a NIC
 * (source, model, MAC, where it applies — each picked, with defaults), detach
 * one by MAC, start / shut down / force off a VM. The plans come from the
 * remote layer (vmNicPlan.ts, vmPower.ts); a NIC change is run by
 * `nicChange`, which re-reads both configurations and says what really
 * changed. The glue (vmCommands.ts) supplies the prompts through `VmFlowUi`;
 * tests drive these flows against a real sshd + libvirtd + QEMU guest.
 *
 * Nothing is sent before the user's last explicit answer; removing a NIC
 * and forcing a VM off are confirmed in a modal dialog.
 */
import {
  DEFAULT_NIC_MODEL,
  KNOWN_NIC_MODELS,
  checkMac,
  defaultScope,
  describeScope,
  macsOnHost,
  nicChange,
  planAttach,
  planDetach,
  planPower,
  type HostConfig,
  type HostSnapshot,
  type NetworkSummary,
  type NicChangeReport,
  type PowerAction,
  type RemoteError,
  type Result,
  type RunOnHost,
  type Scope,
  type VmSummary,
} from '../remote';
import { nextStep } from './failureAdvice';
import type { FlowUi, Outcome } from './networkFlows';

export interface PickItem<T> {
  readonly label: string;
  readonly description?: string;
  readonly detail?: string;
  readonly value: T;
}

export interface VmFlowUi extends FlowUi {
  /** A quick pick (the first item is the default); undefined when cancelled. */
  pick<T>(title: string, placeHolder: string, items: readonly PickItem<T>[]): Promise<T | undefined>;
  /** A text input; `validate` returns the problem or undefined; undefined when cancelled. */
  input(title: string, prompt: string, validate: (text: string) => string | undefined): Promise<string | undefined>;
}

export interface VmFlowHost {
  readonly host: string;
  readonly config: HostConfig;
  readonly run: RunOnHost;
  readonly ui: VmFlowUi;
  /** The host's state as last read (the tree's). */
  snapshot(): HostSnapshot | undefined;
  /** Re-reads the host (networks and VMs). */
  refresh(): Promise<Result<unknown>>;
  /** MACs written in the workspace's files (lower case). */
  workspaceMacs(): Promise<ReadonlySet<string>>;
  /** The host's bridge devices (`ip link show type bridge`), when they can be read. */
  hostBridges(): Promise<Result<readonly string[]>>;
}

/** A VM command's result: an Outcome, plus the lines of a NIC change report for the log. */
export type VmOutcome = Outcome & { readonly report?: NicChangeReport };

export const ATTACH = 'Attach';
export const DETACH = 'Detach';
export const DETACH_SAVED_ONLY = 'Saved Configuration Only';
export const FORCE_OFF = 'Force Off';
export const TYPE_BRIDGE = '\u0000type-bridge';
export const TYPE_MAC = '\u0000type-mac';

type Source = { type: 'network' | 'bridge'; name: string };

const runs = (vm: VmSummary) => vm.state === 'running' || vm.state === 'paused';

function failed(h: VmFlowHost, message: string, error: RemoteError): Outcome {
  return { status: 'failed', message: `${message}: ${error.message}`, libvirt: error.stderr.trim(), next: nextStep(error, h.config) };
}

/** The VM by name from the last read; read again once when it is not there (or nothing was read yet). */
async function findVm(h: VmFlowHost, vmName: string): Promise<VmSummary | Outcome> {
  let vm = h.snapshot()?.vms?.find((v) => v.name === vmName);
  if (!vm) {
    const r = await h.ui.progress(`Reading the VMs of ${h.host}`, () => h.refresh());
    if (!r.ok) return failed(h, `Could not read the VMs of ${h.host}`, r.error);
    vm = h.snapshot()?.vms?.find((v) => v.name === vmName);
  }
  return vm ?? { status: 'failed', message: `VM '${vmName}' is not on ${h.host} (any more)`, libvirt: '', next: 'Refresh the host to see its VMs.' };
}

const isOutcome = (x: VmSummary | Outcome): x is Outcome => 'status' in x;

function networkWords(n: NetworkSummary): string {
  return [n.active ? 'active' : 'inactive', n.forwardMode ?? 'isolated', n.bridge ? `bridge ${n.bridge}` : ''].filter(Boolean).join(' · ');
}

/** Where the change can apply for this VM, the default first, each stated plainly. */
export function scopeChoices(vm: VmSummary): PickItem<Scope>[] {
  const def = defaultScope(vm);
  const all: Scope[] = [def, { live: true, config: true }, { live: true, config: false }, { live: false, config: true }];
  const possible = all.filter((s, i) => all.findIndex((o) => o.live === s.live && o.config === s.config) === i).filter((s) => (!s.live || runs(vm)) && (!s.config || vm.persistent) && (s.live || s.config));
  const label = (s: Scope) => (s.live && s.config ? 'Running VM and saved configuration (--live --config)' : s.live ? 'Running VM only (--live)' : 'Saved configuration only (--config)');
  return possible.map((s, i) => ({ label: label(s), description: i === 0 ? 'default' : undefined, detail: `Adds the NIC ${describeScope(s, 'to')}.`, value: s }));
}

/**
 * Attach a NIC to a VM (tutorial §6): the source (a network of the host, or
 * one of its bridges), the model (virtio by default), the MAC (fresh, or
 * typed and checked), where it applies (defaulted by the VM's state), a
 * confirmation stating all of it; then the change with both configurations
 * re-read.
 */
export async function attachNic(h: VmFlowHost, vmName: string): Promise<VmOutcome> {
  const found = await findVm(h, vmName);
  if (isOutcome(found)) return found;
  const vm = found;
  const snap = h.snapshot();
  const networks = snap?.networks ?? [];
  const bridges = await h.ui.progress(`Reading the bridges of ${h.host}`, () => h.hostBridges());
  const known = new Set(networks.map((n) => n.bridge).filter((b): b is string => b !== undefined));
  const title = `Attach a NIC to '${vm.name}' on ${h.host} (${vm.state})`;
  const sourceItems: PickItem<Source | typeof TYPE_BRIDGE>[] = [
    ...networks.map((n) => ({ label: n.name, description: `network · ${networkWords(n)}`, value: { type: 'network' as const, name: n.name } })),
    ...(bridges.ok ? bridges.value.filter((b) => !known.has(b)) : []).map((b) => ({ label: b, description: 'host bridge (type bridge)', value: { type: 'bridge' as const, name: b } })),
    { label: 'Another bridge…', description: bridges.ok ? 'type its name' : `the host's bridges could not be read: ${bridges.error.message}`, value: TYPE_BRIDGE },
  ];
  let source = await h.ui.pick(title, 'Network or bridge the NIC connects to', sourceItems);
  if (source === undefined) return { status: 'cancelled' };
  if (source === TYPE_BRIDGE) {
    const name = await h.ui.input(title, 'Bridge device on the host (e.g. br0)', (t) => (/^[A-Za-z0-9_.:-]{1,15}$/.test(t.trim()) ? undefined : 'A Linux interface name: up to 15 letters, digits, or _ . : -'));
    if (name === undefined) return { status: 'cancelled' };
    source = { type: 'bridge', name: name.trim() };
  }
  const model = await h.ui.pick(
    title,
    'NIC model',
    [DEFAULT_NIC_MODEL, ...KNOWN_NIC_MODELS.filter((m) => m !== DEFAULT_NIC_MODEL)].map((m) => ({ label: m, description: m === DEFAULT_NIC_MODEL ? 'default: paravirtualised, fastest; needs virtio drivers (Linux has them)' : undefined, value: m })),
  );
  if (model === undefined) return { status: 'cancelled' };
  const workspaceMacs = await h.workspaceMacs();
  const onHost = macsOnHost(snap?.vms ?? []);
  const macChoice = await h.ui.pick(title, 'MAC address', [
    { label: 'Generate a fresh MAC', description: `52:54:00:…, unused on ${h.host} and in the workspace`, value: undefined as string | undefined },
    { label: 'Type a MAC…', description: 'checked against the host and the workspace', value: TYPE_MAC },
  ]);
  let mac: string | undefined;
  if (macChoice === TYPE_MAC) {
    mac = await h.ui.input(title, 'MAC address (52:54:00:xx:xx:xx)', (t) => {
      const c = checkMac(t, onHost, workspaceMacs);
      return c.ok ? undefined : c.message;
    });
    if (mac === undefined) return { status: 'cancelled' };
  } else if (macChoice !== undefined) return { status: 'cancelled' };
  const choices = scopeChoices(vm);
  if (choices.length === 0) return { status: 'failed', message: `VM '${vm.name}' can be changed neither while running nor in a saved configuration (${vm.state}, ${vm.persistent ? 'persistent' : 'transient'})`, libvirt: '', next: 'Refresh the host.' };
  const scope = choices.length === 1 ? choices[0].value : await h.ui.pick(`${title}: VM is ${vm.stateDetail ?? vm.state}${vm.persistent ? '' : ', transient'}`, 'Where the NIC is added', choices);
  if (scope === undefined) return { status: 'cancelled' };
  const plan = planAttach(vm, { type: source.type, source: source.name, model, mac, scope }, { networks, vms: snap?.vms ?? [], workspaceMacs, hostBridges: bridges.ok ? new Set(bridges.value) : undefined });
  if (!plan.ok) return { status: 'failed', message: `No NIC attached to '${vm.name}' on ${h.host}: ${plan.message}`, libvirt: '', next: 'Choose another source or scope.' };
  const answer = await h.ui.ask(`${plan.description}`, [`virsh attach-interface ${plan.scope.live ? '--live ' : ''}${plan.scope.config ? '--config' : ''}`.trim(), ...plan.warnings.map((w) => `Note: ${w}`)].join('\n'), [ATTACH]);
  if (answer !== ATTACH) return { status: 'cancelled' };
  return change(h, vm, plan, 'attach');
}

async function change(h: VmFlowHost, vm: VmSummary, plan: Extract<ReturnType<typeof planAttach>, { ok: true }>, kind: 'attach' | 'detach'): Promise<VmOutcome> {
  const verb = kind === 'attach' ? 'Attaching' : 'Detaching';
  const r = await h.ui.progress(`${verb} ${plan.nic.mac} ${kind === 'attach' ? 'to' : 'from'} '${vm.name}' on ${h.host}`, () => h.run(nicChange(vm, plan, kind)));
  if (!r.ok) return failed(h, `Could not ${kind} the NIC ${plan.nic.mac} on '${vm.name}' (${h.host}); nothing is known about what changed`, r.error);
  const report = r.value;
  const head = `${kind === 'attach' ? 'Attach' : 'Detach'} ${plan.nic.mac} ${kind === 'attach' ? 'to' : 'from'} '${vm.name}' on ${h.host}`;
  const details = report.lines.join(' ');
  if (report.outcome === 'done') return { status: 'done', message: `${head}: done. ${details}`, report };
  const libvirt = report.action.ok ? '' : report.action.error.stderr.trim();
  return {
    status: 'failed',
    message: `${head}: ${report.outcome === 'partial' ? 'only partly done' : 'nothing changed'}. ${details}`,
    libvirt,
    next: report.action.ok ? 'Refresh the host to see the NICs as they are now.' : nextStep(report.action.error, h.config),
    report,
  };
}

/**
 * Detach a NIC by MAC, after a modal confirmation naming it and where it is
 * removed from; a NIC in both configurations can be removed from the saved
 * configuration only (when the guest does not release it live).
 */
export async function detachNic(h: VmFlowHost, vmName: string, mac: string): Promise<VmOutcome> {
  const found = await findVm(h, vmName);
  if (isOutcome(found)) return found;
  const vm = found;
  const plan = planDetach(vm, mac);
  if (!plan.ok) return { status: 'failed', message: `No NIC detached from '${vm.name}' on ${h.host}: ${plan.message}`, libvirt: '', next: 'Refresh the host.' };
  const both = plan.scope.live && plan.scope.config;
  const answer = await h.ui.ask(
    `${plan.description}`,
    [...plan.warnings.map((w) => `Note: ${w}`), ...(both ? [`"${DETACH_SAVED_ONLY}" leaves the running VM as it is: the NIC goes at the next restart.`] : [])].join('\n'),
    both ? [DETACH, DETACH_SAVED_ONLY] : [DETACH],
  );
  if (answer === DETACH) return change(h, vm, plan, 'detach');
  if (answer !== DETACH_SAVED_ONLY) return { status: 'cancelled' };
  const saved = planDetach(vm, mac, { live: false, config: true });
  if (!saved.ok) return { status: 'failed', message: `No NIC detached from '${vm.name}' on ${h.host}: ${saved.message}`, libvirt: '', next: 'Refresh the host.' };
  return change(h, vm, saved, 'detach');
}

/** Start, shut down (ask the guest) or force off a VM; force off only after a modal confirmation. */
export async function powerVm(h: VmFlowHost, vmName: string, action: PowerAction): Promise<VmOutcome> {
  const found = await findVm(h, vmName);
  if (isOutcome(found)) return found;
  const vm = found;
  const plan = planPower(vm, action);
  if (!plan.ok) return { status: 'failed', message: `${plan.message} (on ${h.host})`, libvirt: '', next: 'Refresh the host to see its state.' };
  if (plan.confirm) {
    const answer = await h.ui.ask(plan.confirm, plan.description, [FORCE_OFF]);
    if (answer !== FORCE_OFF) return { status: 'cancelled' };
  }
  const words = { start: 'Starting', shutdown: 'Shutting down', destroy: 'Forcing off' }[action];
  const r = await h.ui.progress(`${words} '${vm.name}' on ${h.host}`, () => h.run(plan.command));
  if (!r.ok) return failed(h, `${words} '${vm.name}' on ${h.host} failed`, r.error);
  if (!r.value.action.ok) return failed(h, `${words} '${vm.name}' on ${h.host} failed`, r.value.action.error);
  return { status: 'done', message: `${r.value.message} (${h.host})` };
}
