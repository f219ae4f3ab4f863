/**
 * What a `virtnet-host:` document shows (hostObjectUri.ts has the URIs),
 * without VS Code: the language server's related information points there
 * for a host's network, VM or bridges (a duplicate MAC with a VM NIC, a
 * bridge the host lacks…). A network shows its live XML (`net-dumpxml`, as
 * `virtnet-net:…?live`), a VM its XML (`dumpxml`, as `virtnet-vm:…?live`;
 * the saved configuration for a VM that does not run), the bridges a short
 * list with the networks that use each; an XML comment above the root says
 * what it is and when it was read. When the host is not configured, cannot
 * be reached or no longer has the object, the document is a plain text that
 * says so and what to do: never an error page. Reads only, never changes a
 * host.
 */
import { netDumpXml, vmDumpXml, type HostSnapshot, type RemoteError, type Result, type VirshCommand } from '../remote';
import { nextStep } from '../views/errorAdvice';
import { describeHostObject, type HostObjectRef } from './hostObjectUri';

/** What the reader needs of the hosts (the HostConnectionManager, plus the bridges reader). */
export interface HostObjectSource {
  host(name: string): HostSnapshot | undefined;
  refresh(name: string): Promise<Result<unknown>>;
  run<T>(name: string, command: VirshCommand<T>): Promise<Result<T>>;
  bridges(name: string): Promise<Result<string[]>>;
}

export interface HostObjectText {
  readonly text: string;
  /** The text is XML (a definition); else plain text (a list or a message). */
  readonly xml: boolean;
}

/** `2026-12-05 08:40 UTC`. */
function when(d: Date): string {
  const iso = d.toISOString();
  return `${iso.slice(0, 10)} ${iso.slice(11, 16)} UTC`;
}

/** Text safe inside an XML comment (no `--`, no trailing `-`). */
const inComment = (s: string) => s.replace(/--/g, '- -').replace(/-$/, '- ');

const message = (lines: string[]): HostObjectText => ({ text: `${lines.join('\n')}\n`, xml: false });

function unreachable(ref: HostObjectRef, snap: HostSnapshot, error: RemoteError): HostObjectText {
  return message([`VirtNet could not read ${describeHostObject(ref)}: ${error.message}.`, '', nextStep(error, snap.config)]);
}

function gone(ref: HostObjectRef & { kind: 'network' | 'vm' }, now: Date): HostObjectText {
  return message([
    `${ref.kind === 'vm' ? 'VM' : 'Network'} '${ref.name}' is no longer on host '${ref.host}' (read ${when(now)}).`,
    '',
    `The problem that pointed here was found with facts read earlier. Refresh '${ref.host}' in the VirtNet view: the problem is checked again with what the host has now.`,
  ]);
}

const isNotFound = (e: RemoteError) => /no longer on this host|not found|no network with matching|no domain with matching|failed to get/i.test(`${e.message}\n${e.stderr}`);

/** The document of `ref`, read now from its host. Never throws. */
export async function readHostObject(src: HostObjectSource, ref: HostObjectRef, now: () => Date = () => new Date()): Promise<HostObjectText> {
  let snap = src.host(ref.host);
  if (!snap) {
    return message([
      `No host named '${ref.host}' is configured (setting virtnet.hosts), so VirtNet cannot show ${describeHostObject(ref)}.`,
      '',
      `The problem that pointed here used facts of a host of that name. Add the host in the VirtNet view, or stop targeting it (setting virtnet.targetHosts).`,
    ]);
  }
  let refreshed = false;
  const refresh = async (): Promise<HostObjectText | undefined> => {
    refreshed = true;
    const r = await src.refresh(ref.host);
    snap = src.host(ref.host) ?? snap;
    return r.ok ? undefined : unreachable(ref, snap as HostSnapshot, r.error);
  };

  if (ref.kind === 'network') {
    const r = await src.run(ref.host, netDumpXml(ref.name));
    if (!r.ok) return isNotFound(r.error) ? gone(ref, now()) : unreachable(ref, snap, r.error);
    const head = `<!-- VirtNet: network '${inComment(ref.name)}' on host '${inComment(ref.host)}', its live definition (virsh net-dumpxml), read ${when(now())}. Read-only. -->`;
    return { text: `${head}\n${r.value.xml}`, xml: true };
  }

  if (ref.kind === 'vm') {
    // A VM is read by its UUID (domainCommands.ts says why): the name is looked up in the last
    // refresh, and the host re-read once when it is not there (never read yet, or defined since).
    const find = () => snap?.vms?.find((v) => v.name === ref.name);
    if (!find()) {
      const failed = await refresh();
      if (failed) return failed;
    }
    const vm = find();
    if (!vm) return snap.vmError ? unreachable(ref, snap, snap.vmError) : gone(ref, now());
    let r = await src.run(ref.host, vmDumpXml(vm.uuid));
    if (!r.ok && isNotFound(r.error) && !refreshed) {
      // Redefined since the last refresh (a new UUID under the same name): read the host again.
      const failed = await refresh();
      if (failed) return failed;
      const again = find();
      if (!again) return gone(ref, now());
      r = await src.run(ref.host, vmDumpXml(again.uuid));
    }
    if (!r.ok) return isNotFound(r.error) ? gone(ref, now()) : unreachable(ref, snap, r.error);
    const running = vm.state === 'running' || vm.state === 'paused';
    const what = running ? 'as it runs (virsh dumpxml)' : `${vm.stateDetail ?? vm.state}, its saved configuration (virsh dumpxml)`;
    const head = `<!-- VirtNet: VM '${inComment(ref.name)}' on host '${inComment(ref.host)}', ${inComment(what)}, read ${when(now())}. Read-only. -->`;
    return { text: `${head}\n${r.value.xml}`, xml: true };
  }

  const bridges = await src.bridges(ref.host);
  if (!bridges.ok) return unreachable(ref, snap, bridges.error);
  if (!snap.networks) await refresh();
  const users = new Map<string, string[]>();
  for (const n of snap.networks ?? []) if (n.bridge) users.set(n.bridge, [...(users.get(n.bridge) ?? []), n.name]);
  const lines = [`Bridges on host '${ref.host}' (ip link show type bridge), read ${when(now())}:`, ''];
  if (bridges.value.length === 0) lines.push('  (none)');
  const width = Math.max(0, ...bridges.value.map((b) => b.length));
  for (const b of [...bridges.value].sort()) {
    const nets = users.get(b);
    lines.push(`  ${b.padEnd(width)}${nets ? `  used by network ${nets.map((n) => `'${n}'`).join(', ')}` : ''}`);
  }
  return message(lines);
}

