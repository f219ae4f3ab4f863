/**
 * The virsh domain (VM) commands, as data (see virshCommand.ts). Pure.
 *
 * A VM is always addressed by its UUID as the value of `--domain`: virsh
 * looks a `--domain` word up as an id first, then a UUID, then a name, so a
 * VM named `3` would be confused with the running VM whose id is 3, and a
 * renamed VM would be missed. Names are read from `list --uuid --name` and
 * only shown.
 */
import { parseDomainXml, type DomainXml } from './parseDomainXml';
import { fail, type Result } from './result';
import { libvirtMessage, simpleCommand, type VirshCommand } from './virshCommand';

export interface VmListEntry {
  readonly uuid: string;
  /** Exact, also for names with blanks or non-ASCII characters (libvirt refuses line breaks in names). */
  readonly name: string;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * `list --uuid --name`: `UUID NAME` per line (the UUID has a fixed width, so
 * the name is everything after the first blank), an empty line at the end.
 */
export function parseUuidNameList(stdout: string): VmListEntry[] {
  return stdout
    .split('\n')
    .filter((l) => UUID.test(l.slice(0, 36)) && l[36] === ' ')
    .map((l) => ({ uuid: l.slice(0, 36).toLowerCase(), name: l.slice(37) }));
}

/** `list --uuid` (with filters): one UUID per line. */
export function parseUuidList(stdout: string): string[] {
  return stdout
    .split('\n')
    .map((l) => l.trim().toLowerCase())
    .filter((l) => UUID.test(l));
}

/** Which VMs `list` shows. */
export type VmListFilter = 'all' | 'running' | 'paused' | 'shutoff' | 'other' | 'persistent' | 'autostart';

const FILTER_FLAGS: Record<VmListFilter, string[]> = {
  all: ['--all'],
  running: ['--all', '--state-running'],
  paused: ['--all', '--state-paused'],
  shutoff: ['--all', '--state-shutoff'],
  other: ['--all', '--state-other'],
  persistent: ['--all', '--persistent'],
  autostart: ['--all', '--autostart'],
};

/** `list --all --uuid --name`: every VM. */
export function vmListAll(): VirshCommand<VmListEntry[]> {
  return simpleCommand(['list', '--all', '--uuid', '--name'], parseUuidNameList);
}

/** `list --uuid` with a state or persistence filter: the UUIDs that match. */
export function vmListUuids(filter: VmListFilter): VirshCommand<string[]> {
  return simpleCommand(['list', ...FILTER_FLAGS[filter], '--uuid'], parseUuidList);
}

/**
 * The error of a command on a VM that is not there (any more): libvirt says
 * `failed to get domain 'UUID'` (virsh's lookup) or `Domain not found`.
 */
export function isVmGone(stderr: string): boolean {
  return /failed to get domain|Domain not found|no domain with matching/i.test(stderr);
}

/** A command on one VM; a VM that is gone gets a message that says so (the caller names the VM). */
function vmCommand<T>(args: readonly string[], parseStdout: (stdout: string) => T, stdin?: string): VirshCommand<T> {
  const plain = simpleCommand(args, parseStdout, stdin);
  return {
    args,
    stdin,
    parse(output): Result<T> {
      if (output.code !== 0 && isVmGone(output.stderr)) {
        return fail('command', `the VM is no longer on this host (removed since the list was read): ${libvirtMessage(output.stderr, 'not found')}`, output.stderr);
      }
      return plain.parse(output);
    },
  };
}

/** `dumpxml --domain UUID [--inactive]`: the running configuration, or the persistent one (used at the next boot). */
export function vmDumpXml(uuid: string, options: { inactive?: boolean } = {}): VirshCommand<DomainXml> {
  return vmCommand(['dumpxml', '--domain', uuid, ...(options.inactive ? ['--inactive'] : [])], parseDomainXml);
}

/** `domstate --domain UUID --reason`: `running (booted)`, `shut off (destroyed)`, … */
export function vmState(uuid: string): VirshCommand<string> {
  return vmCommand(['domstate', '--domain', uuid, '--reason'], (s) => s.trim());
}

export function vmStart(uuid: string): VirshCommand<string> {
  return vmCommand(['start', '--domain', uuid], (s) => s.trim());
}

/** `shutdown`: asks the guest OS to power off (ACPI); the VM may keep running if the guest ignores it. */
export function vmShutdown(uuid: string): VirshCommand<string> {
  return vmCommand(['shutdown', '--domain', uuid], (s) => s.trim());
}

/** `destroy`: force off, like pulling the power cable. */
export function vmDestroy(uuid: string): VirshCommand<string> {
  return vmCommand(['destroy', '--domain', uuid], (s) => s.trim());
}

/** Where a NIC change applies: the running VM, its persistent configuration, or both. */
export interface Scope {
  readonly live: boolean;
  readonly config: boolean;
}

function scopeFlags(scope: Scope): string[] {
  return [...(scope.live ? ['--live'] : []), ...(scope.config ? ['--config'] : [])];
}

export interface AttachInterfaceArgs {
  readonly uuid: string;
  readonly type: 'network' | 'bridge';
  /** The network's or the bridge's name. */
  readonly source: string;
  readonly model: string;
  readonly mac: string;
  readonly scope: Scope;
}

/** `attach-interface --domain UUID --type network|bridge --source NAME --model M --mac MAC [--live] [--config]`. */
export function vmAttachInterface(a: AttachInterfaceArgs): VirshCommand<string> {
  return vmCommand(['attach-interface', '--domain', a.uuid, '--type', a.type, '--source', a.source, '--model', a.model, '--mac', a.mac, ...scopeFlags(a.scope)], (s) => s.trim());
}

export interface DetachInterfaceArgs {
  readonly uuid: string;
  /** The NIC's type (`network`, `bridge`, …): virsh requires it. */
  readonly type: string;
  readonly mac: string;
  readonly scope: Scope;
}

/** `detach-interface --domain UUID --type T --mac MAC [--live] [--config]`. */
export function vmDetachInterface(a: DetachInterfaceArgs): VirshCommand<string> {
  return vmCommand(['detach-interface', '--domain', a.uuid, '--type', a.type, '--mac', a.mac, ...scopeFlags(a.scope)], (s) => s.trim());
}
