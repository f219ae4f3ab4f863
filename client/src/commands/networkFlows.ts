/**
 * The network commands' decisions, without VS Code: what to check, what to
 * confirm (naming the VMs a stop cuts off), which virsh batch to send, and
 * how to word the result. The editor glue (networkCommands.ts) supplies the
 * prompts and the progress display through `FlowUi` and shows the `Outcome`;
 * tests drive these functions against a real sshd + libvirtd.
 *
 * Every question is modal and every remote change follows an explicit
 * answer; a flow never sends anything the user did not ask for.
 */
import {
  batch,
  defineAndStart,
  netAutostart,
  netDefine,
  netDestroy,
  netInfo,
  netListNames,
  netStart,
  netUndefine,
  netUuid,
  networkUsers,
  parseNetXml,
  stopAndUndefine,
  type HostConfig,
  type NetworkUser,
  type RemoteError,
  type Result,
  type RunOnHost,
  type VmSummary,
} from '../remote';
import { readTime } from '../../../server/src/checks/workspace/hostRelated';
import type { HostFactsParams } from '../../../server/src/workspace/hostFactsFormat';
import { problemLine, sortProblems, type CheckedProblem } from './defineClashes';
import { nextStep } from './failureAdvice';
import { definedName, withUuid } from './networkXmlText';

export interface FlowUi {
  /** A modal question; resolves with the chosen button's label, or undefined when cancelled. */
  ask(message: string, detail: string, buttons: readonly string[]): Promise<string | undefined>;
  /** Shows progress while the remote work runs (prompts are never asked under it). */
  progress<T>(title: string, task: () => Promise<T>): Promise<T>;
}

export interface FlowHost {
  /** The host's display name (in messages). */
  readonly host: string;
  /** Its configuration (for the advice after a transport failure). */
  readonly config: HostConfig;
  readonly run: RunOnHost;
  readonly ui: FlowUi;
  /** The host's VMs as its last refresh read them: lets the VM lookup before a stop take one round trip. */
  readonly knownVms?: readonly VmSummary[];
  /**
   * Reads what the host runs now, as host facts (remote/hostFacts.ts
   * `readFreshHostFacts`): a define checks the file against them before
   * anything is sent. Without it, a define meets only the facts the
   * language server already holds (the targeted hosts').
   */
  readonly readFacts?: () => Promise<Result<HostFactsParams>>;
}

export type Outcome =
  | { readonly status: 'done'; readonly message: string }
  | { readonly status: 'failed'; readonly message: string; readonly libvirt: string; readonly next: string }
  | {
      readonly status: 'cancelled';
      readonly showProblems?: boolean;
      /** Not defined because the file clashes with what the host runs: the first clash, in the server's words. */
      readonly clash?: string;
    };

export type { CheckedProblem } from './defineClashes';

export interface CheckResult {
  readonly kind: string | null;
  readonly diagnostics: readonly CheckedProblem[];
  /** Why host facts given with the request were not used (the server's words). */
  readonly hostProblems?: readonly string[];
}

export const SHOW_PROBLEMS = 'Show Problems';
export const DEFINE_ANYWAY = 'Define Anyway';
export const REPLACE = 'Replace';
export const STOP = 'Stop';
export const UNDEFINE = 'Undefine';
export const STOP_AND_UNDEFINE = 'Stop and Undefine';
export const UNDEFINE_KEEP_RUNNING = 'Undefine, Keep Running';

const MAX_LISTED = 8;

function failed(h: FlowHost, message: string, error: RemoteError): Outcome {
  return { status: 'failed', message: `${message}: ${error.message}`, libvirt: error.stderr.trim(), next: nextStep(error, h.config) };
}

/** `'a', 'b' and 3 more` style list for a dialog. */
function listed(items: readonly string[]): string {
  const shown = items.slice(0, MAX_LISTED).join('\n');
  return items.length > MAX_LISTED ? `${shown}\n… and ${items.length - MAX_LISTED} more` : shown;
}

function describeUsers(users: Result<NetworkUser[]>): string {
  if (!users.ok) return `The VMs using it could not be listed: ${users.error.message}`;
  if (users.value.length === 0) return 'No VM uses it.';
  const running = users.value.filter((u) => u.running).length;
  const head = running > 0 ? `VMs using it (${running} running lose their connection):` : 'VMs using it (none running):';
  return `${head}\n${listed(users.value.map((u) => `• ${u.domain} (${u.running ? 'running' : 'shut off'})`))}`;
}

/**
 * libvirt before 7.8 has no `net-define --validate`: then the definition is
 * sent again without it (libvirt still parses it; unknown elements are dropped).
 */
function noValidateOption(r: Result<unknown>): boolean {
  return !r.ok && /--validate/.test(`${r.error.message} ${r.error.stderr}`);
}

export type FileErrorsAnswer = 'define' | 'decline' | 'show';

export interface DefineRequest {
  /** The network XML. */
  readonly xml: string;
  /** How the source is called in messages (a file name). */
  readonly source: string;
  /**
   * The language service's verdict on the XML, computed now; with `hosts`
   * (host facts just read), as if those hosts were in its index too.
   */
  check(hosts?: readonly HostFactsParams[]): Promise<CheckResult>;
  /** Start it too (define and start in one round trip). */
  readonly start: boolean;
  /** Decides about the file's own errors; default: `askFileErrors` on this host (multiHostDefine.ts asks once for all). */
  readonly fileErrors?: (h: FlowHost, errors: readonly CheckedProblem[]) => Promise<FileErrorsAnswer>;
}

/** The question about a file's own errors before it is defined. */
export async function askFileErrors(h: FlowHost, source: string, errors: readonly CheckedProblem[]): Promise<FileErrorsAnswer> {
  const answer = await h.ui.ask(
    `${source} has ${errors.length === 1 ? '1 error' : `${errors.length} errors`}. Define it on ${h.host} anyway?`,
    listed(errors.map(problemLine)),
    [SHOW_PROBLEMS, DEFINE_ANYWAY],
  );
  return answer === SHOW_PROBLEMS ? 'show' : answer === DEFINE_ANYWAY ? 'define' : 'decline';
}

/**
 * Clashes with what the host runs, shown before anything is sent: errors
 * (libvirt there refuses, or the network could not work) only with a way
 * out; warnings with the choice to define anyway. Undefined: go on.
 */
async function confirmClashes(h: FlowHost, source: string, clashes: readonly CheckedProblem[], readAt: string | undefined): Promise<Outcome | undefined> {
  if (clashes.length === 0) return undefined;
  const errors = clashes.filter((d) => d.severity === 1);
  const read = readAt ? `What ${h.host} runs was read at ${readTime(readAt)}.` : `What ${h.host} runs as VirtNet last read it.`;
  const detail = `${listed(clashes.map(problemLine))}\n\n${read}`;
  const first = (errors[0] ?? clashes[0]).message;
  if (errors.length > 0) {
    await h.ui.ask(`${source} clashes with what ${h.host} runs (${errors.length === 1 ? '1 error' : `${errors.length} errors`}): it is not defined there.`, detail, []);
    return { status: 'cancelled', clash: first };
  }
  const answer = await h.ui.ask(
    `${source} clashes with what ${h.host} runs (${clashes.length === 1 ? '1 warning' : `${clashes.length} warnings`}). Define it on ${h.host} anyway?`,
    detail,
    [DEFINE_ANYWAY],
  );
  return answer === DEFINE_ANYWAY ? undefined : { status: 'cancelled', clash: first };
}

/**
 * Whether the host has a network of this name, and its UUID: from the facts
 * just read when they say, else one round trip (the names, and the UUID of a
 * network of this name: an error when there is none).
 */
async function existingNetwork(h: FlowHost, name: string, facts: HostFactsParams | undefined): Promise<Result<{ exists: boolean; uuid?: string }>> {
  const known = facts?.facts?.networks.find((n) => n.name === name);
  if (facts?.facts && (!known || known.uuid !== undefined)) return { ok: true, value: { exists: known !== undefined, uuid: known?.uuid } };
  const r = await h.ui.progress(`Reading the networks of ${h.host}`, () => h.run(batch([netListNames('all'), netUuid(name)] as const)));
  if (!r.ok) return r;
  const [names, uuid] = r.value;
  if (!names.ok) return names;
  return { ok: true, value: { exists: names.value.includes(name), uuid: uuid.ok ? uuid.value : undefined } };
}

/**
 * Define (and start) a network from XML: checked by the language service
 * first, its errors offered before anything is sent; then, when the host's
 * facts can be read (`FlowHost.readFacts`), checked again against what the
 * host runs now, its clashes shown before anything is sent (errors stop it
 * there, warnings are asked about); an existing network of that name is
 * replaced only when the user says so.
 */
export async function defineNetwork(h: FlowHost, req: DefineRequest): Promise<Outcome> {
  const verdict = await req.check();
  if (verdict.kind !== 'libvirt-network') {
    return { status: 'failed', message: `${req.source} is not a libvirt network definition (its root element is not <network>)`, libvirt: '', next: 'Open a network XML file (virsh net-dumpxml prints one) and try again.' };
  }
  const parsed = parseNetXml(req.xml);
  const sortedFirst = sortProblems(verdict.diagnostics, h.host, { hasUuid: parsed.uuid !== undefined });
  const errors = sortedFirst.file.filter((d) => d.severity === 1);
  if (errors.length > 0) {
    const answer = await (req.fileErrors ?? ((fh, e) => askFileErrors(fh, req.source, e)))(h, errors);
    if (answer === 'show') return { status: 'cancelled', showProblems: true };
    if (answer !== 'define') return { status: 'cancelled' };
  }
  // What the host runs now: its networks, VMs and bridges, read fresh, and the file checked against them.
  let facts: HostFactsParams | undefined;
  let clashes = sortedFirst.clashes;
  if (h.readFacts) {
    const read = h.readFacts;
    const r = await h.ui.progress(`Reading the networks of ${h.host}`, () => read());
    if (!r.ok) return failed(h, `Could not read the networks of ${h.host}`, r.error);
    facts = r.value;
    const withHost = await req.check([facts]);
    clashes = sortProblems(withHost.diagnostics, h.host, { hasUuid: parsed.uuid !== undefined }).clashes;
  }
  const stop = await confirmClashes(h, req.source, clashes, facts?.readAt);
  if (stop) return stop;
  const name = definedName(req.xml);
  let xml = req.xml;
  if (name !== undefined) {
    const existing = await existingNetwork(h, name, facts);
    if (!existing.ok) return failed(h, `Could not read the networks of ${h.host}`, existing.error);
    const { exists, uuid } = existing.value;
    if (exists) {
      const keep = parsed.uuid === undefined && uuid !== undefined ? ` The XML has no <uuid>: the network keeps its UUID ${uuid}.` : '';
      const answer = await h.ui.ask(
        `Network '${name}' already exists on ${h.host}. Replace its definition?`,
        `Its persistent definition is replaced by this XML. A running network keeps its current configuration until it is stopped and started again.${keep}`,
        [REPLACE],
      );
      if (answer !== REPLACE) return { status: 'cancelled' };
      if (keep && uuid !== undefined) xml = withUuid(xml, uuid);
    }
  }
  const label = name !== undefined ? `'${name}'` : `from ${req.source}`;
  if (!req.start || name === undefined) {
    const r = await h.ui.progress(`Defining network ${label} on ${h.host}`, async () => {
      const first = await h.run(netDefine(xml, { validate: true }));
      return noValidateOption(first) ? h.run(netDefine(xml)) : first;
    });
    if (!r.ok) return failed(h, `libvirt refused to define network ${label} on ${h.host}`, r.error);
    const note = req.start ? ' It was not started: the XML has no <name>.' : '';
    return { status: 'done', message: `Network ${label} defined on ${h.host}.${note}` };
  }
  const r = await h.ui.progress(`Defining and starting network ${label} on ${h.host}`, async () => {
    const first = await h.run(defineAndStart(xml, name, { validate: true }));
    return first.ok && noValidateOption(first.value[0]) ? h.run(defineAndStart(xml, name)) : first;
  });
  if (!r.ok) return failed(h, `Could not define network ${label} on ${h.host}`, r.error);
  const [defined, started] = r.value;
  if (!defined.ok) return failed(h, `libvirt refused to define network ${label} on ${h.host} (not started)`, defined.error);
  if (!started.ok) return failed(h, `Network ${label} was defined on ${h.host}, but did not start`, started.error);
  return { status: 'done', message: `Network ${label} defined and started on ${h.host}.` };
}

export async function startNetwork(h: FlowHost, name: string): Promise<Outcome> {
  const r = await h.ui.progress(`Starting network '${name}' on ${h.host}`, () => h.run(netStart(name)));
  if (!r.ok) return failed(h, `Network '${name}' did not start on ${h.host}`, r.error);
  return { status: 'done', message: `Network '${name}' started on ${h.host}.` };
}

/** `net-destroy`, after a modal confirmation that names the VMs using the network. */
export async function stopNetwork(h: FlowHost, name: string): Promise<Outcome> {
  const users = await h.ui.progress(`Looking for VMs on network '${name}'`, () => networkUsers(h.run, name, h.knownVms));
  const answer = await h.ui.ask(`Stop network '${name}' on ${h.host}?`, describeUsers(users), [STOP]);
  if (answer !== STOP) return { status: 'cancelled' };
  const r = await h.ui.progress(`Stopping network '${name}' on ${h.host}`, () => h.run(netDestroy(name)));
  if (!r.ok) return failed(h, `Network '${name}' was not stopped on ${h.host}`, r.error);
  return { status: 'done', message: `Network '${name}' stopped on ${h.host}.` };
}

export async function setAutostart(h: FlowHost, name: string, enabled: boolean): Promise<Outcome> {
  const verb = enabled ? 'Enabling' : 'Disabling';
  const r = await h.ui.progress(`${verb} autostart of network '${name}' on ${h.host}`, () => h.run(netAutostart(name, enabled)));
  if (!r.ok) return failed(h, `Autostart of network '${name}' was not ${enabled ? 'enabled' : 'disabled'} on ${h.host}`, r.error);
  return { status: 'done', message: `Network '${name}' ${enabled ? 'now starts' : 'no longer starts'} when libvirtd starts on ${h.host}.` };
}

/**
 * `net-undefine` after a modal confirmation. An active network is stopped
 * first only when the user picks that (stopAndUndefine, one round trip);
 * otherwise it keeps running as a transient network until it is stopped.
 * A transient network has nothing to undefine: stopping it removes it.
 */
export async function undefineNetwork(h: FlowHost, name: string): Promise<Outcome> {
  const [info, users] = await h.ui.progress(`Reading network '${name}' on ${h.host}`, () => Promise.all([h.run(netInfo(name)), networkUsers(h.run, name, h.knownVms)]));
  if (!info.ok) return failed(h, `Could not read network '${name}' on ${h.host}`, info.error);
  const { active, persistent } = info.value;
  if (!active) {
    const answer = await h.ui.ask(`Undefine network '${name}' on ${h.host}?`, `Its definition is deleted from the host. ${describeUsers(users)}`, [UNDEFINE]);
    if (answer !== UNDEFINE) return { status: 'cancelled' };
    return undefineOnly(h, name);
  }
  if (persistent === false) {
    const answer = await h.ui.ask(`Network '${name}' on ${h.host} is transient: stopping it removes it. Stop it?`, describeUsers(users), [STOP]);
    if (answer !== STOP) return { status: 'cancelled' };
    const r = await h.ui.progress(`Stopping network '${name}' on ${h.host}`, () => h.run(netDestroy(name)));
    if (!r.ok) return failed(h, `Network '${name}' was not stopped on ${h.host}`, r.error);
    return { status: 'done', message: `Network '${name}' stopped and removed from ${h.host}.` };
  }
  const answer = await h.ui.ask(
    `Network '${name}' is running on ${h.host}. Stop it and undefine it?`,
    `${describeUsers(users)}\n\n"${UNDEFINE_KEEP_RUNNING}" deletes the definition only: the network runs on until it is stopped, then it is gone.`,
    [STOP_AND_UNDEFINE, UNDEFINE_KEEP_RUNNING],
  );
  if (answer === UNDEFINE_KEEP_RUNNING) return undefineOnly(h, name, ' It keeps running until it is stopped.');
  if (answer !== STOP_AND_UNDEFINE) return { status: 'cancelled' };
  const r = await h.ui.progress(`Stopping and undefining network '${name}' on ${h.host}`, () => h.run(stopAndUndefine(name)));
  if (!r.ok) return failed(h, `Could not stop and undefine network '${name}' on ${h.host}`, r.error);
  const [stopped, undefined_] = r.value;
  if (!stopped.ok) return failed(h, `Network '${name}' was not stopped on ${h.host} (nor undefined)`, stopped.error);
  if (!undefined_.ok) return failed(h, `Network '${name}' was stopped on ${h.host}, but not undefined`, undefined_.error);
  return { status: 'done', message: `Network '${name}' stopped and undefined on ${h.host}.` };
}

async function undefineOnly(h: FlowHost, name: string, note = ''): Promise<Outcome> {
  const r = await h.ui.progress(`Undefining network '${name}' on ${h.host}`, () => h.run(netUndefine(name)));
  if (!r.ok) return failed(h, `Network '${name}' was not undefined on ${h.host}`, r.error);
  return { status: 'done', message: `Network '${name}' undefined on ${h.host}.${note}` };
}
