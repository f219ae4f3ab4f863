/**
 * The `virtnet.hosts` setting as data: reading it into the remote layer's
 * `HostConfig`s (with a message for each entry that cannot be used, instead
 * of failing the whole list), and the plain entries that adding, importing
 * and removing a host write back. No `vscode` import: the extension reads
 * and writes the setting, this module decides what goes in it.
 */
import { DEFAULT_LIBVIRT_URI, parseProxyJump, type HostConfig, type SshConfigHost } from '../remote';

/** One entry of `virtnet.hosts` as it is written in settings.json. */
export interface HostSettingEntry {
  name: string;
  host?: string;
  port?: number;
  user?: string;
  identityFile?: string;
  /** ssh's ProxyJump: `[user@]host[:port]`, a chain `a,b`; a hop may name another host of the list. */
  proxyJump?: string;
  uri?: string;
  local?: boolean;
}

export interface ParsedHostSettings {
  readonly hosts: HostConfig[];
  /** One line per entry that was skipped or corrected, naming it. */
  readonly problems: string[];
}

/** The word that stands for "this machine" in the host field of the add-host input. */
export const LOCAL_HOST_WORD = 'local';

export function parseHostSettings(value: unknown): ParsedHostSettings {
  const hosts: HostConfig[] = [];
  const problems: string[] = [];
  if (value === undefined || value === null) return { hosts, problems };
  if (!Array.isArray(value)) return { hosts, problems: ['virtnet.hosts must be a list of hosts'] };
  const names = new Set<string>();
  value.forEach((raw, i) => {
    const where = `virtnet.hosts[${i}]`;
    if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) {
      problems.push(`${where} is not an object: skipped`);
      return;
    }
    const e = raw as Record<string, unknown>;
    const str = (k: string) => (typeof e[k] === 'string' && (e[k] as string).trim() !== '' ? (e[k] as string).trim() : undefined);
    const name = str('name');
    if (!name) return void problems.push(`${where} has no name: skipped`);
    if (names.has(name)) return void problems.push(`${where}: a host named "${name}" is already listed: skipped`);
    const local = e.local === true || str('host') === LOCAL_HOST_WORD;
    const host = local ? undefined : str('host');
    if (!local && !host) return void problems.push(`host "${name}" has neither "host" nor "local": true: skipped`);
    let port: number | undefined;
    if (e.port !== undefined) {
      port = portNumber(e.port);
      if (port === undefined) problems.push(`host "${name}": port ${JSON.stringify(e.port)} is not a port number (1-65535): 22 is used`);
    }
    let proxyJump = local ? undefined : str('proxyJump');
    if (proxyJump !== undefined) {
      const p = parseProxyJump(proxyJump);
      if (!p.ok) {
        problems.push(`host "${name}": ${p.error.message}: skipped`);
        return;
      }
      if (p.value.length === 0) proxyJump = undefined;
    }
    names.add(name);
    hosts.push(clean({ name, host, port, user: str('user'), identityFile: str('identityFile'), proxyJump, uri: str('uri') ?? DEFAULT_LIBVIRT_URI, local: local || undefined }));
  });
  return { hosts, problems };
}

/** A port from a setting or an input box; undefined when it is not one. */
export function portNumber(v: unknown): number | undefined {
  const n = typeof v === 'number' ? v : typeof v === 'string' && /^\s*\d+\s*$/.test(v) ? Number(v) : NaN;
  return Number.isInteger(n) && n >= 1 && n <= 65535 ? n : undefined;
}

/** Why a new host name cannot be used, or undefined when it can. */
export function hostNameProblem(name: string, existing: readonly { name: string }[]): string | undefined {
  const n = name.trim();
  if (n === '') return 'A name is needed (it is how the host appears in the tree).';
  if (existing.some((h) => h.name === n)) return `A host named "${n}" is already configured.`;
  return undefined;
}

/** The entry to write for a host: only the fields that say something (defaults left out). */
export function settingEntry(config: HostConfig): HostSettingEntry {
  return clean({
    name: config.name,
    host: config.local ? undefined : config.host,
    port: config.port !== undefined && config.port !== 22 ? config.port : undefined,
    user: config.user,
    identityFile: config.identityFile,
    proxyJump: config.local ? undefined : config.proxyJump,
    uri: config.uri,
    local: config.local || undefined,
  });
}

/** The setting's new value with hosts added (names already present are left alone). */
export function withHostsAdded(current: unknown, added: readonly HostConfig[]): unknown[] {
  const list = Array.isArray(current) ? [...current] : [];
  const taken = new Set(list.map((e) => (e && typeof e === 'object' ? (e as { name?: unknown }).name : undefined)));
  for (const h of added) {
    if (taken.has(h.name)) continue;
    taken.add(h.name);
    list.push(settingEntry(h));
  }
  return list;
}

/** The setting's new value without the host of that name (other entries kept as written). */
export function withHostRemoved(current: unknown, name: string): unknown[] {
  const list = Array.isArray(current) ? current : [];
  return list.filter((e) => !(e && typeof e === 'object' && typeof (e as { name?: unknown }).name === 'string' && (e as { name: string }).name.trim() === name));
}

/** A host of ~/.ssh/config as the import offers it. */
export interface ImportChoice {
  readonly host: SshConfigHost;
  /** `new`: can be added; `configured`: a host of that name exists; `unsupported`: cannot be reached as configured. */
  readonly status: 'new' | 'configured' | 'unsupported';
  /** `user@host:port`. */
  readonly summary: string;
  /** Why it is not offered, for the other two statuses. */
  readonly reason?: string;
}

export function importChoices(fromSshConfig: readonly SshConfigHost[], configured: readonly { name: string }[]): ImportChoice[] {
  return fromSshConfig.map((host) => {
    const summary = `${host.user}@${host.host}${host.port === 22 ? '' : `:${host.port}`}`;
    if (configured.some((c) => c.name === host.name)) return { host, status: 'configured', summary, reason: 'already in virtnet.hosts' };
    if (host.unsupported) return { host, status: 'unsupported', summary, reason: host.unsupported };
    return { host, status: 'new', summary };
  });
}

function clean<T extends object>(o: T): T {
  for (const k of Object.keys(o) as (keyof T)[]) if (o[k] === undefined) delete o[k];
  return o;
}

/**
 * `virtnet.targetHosts` with a host added (`on`) or removed: other entries
 * (also ones that are not strings) kept in their order, no duplicate added.
 */
export function withTargetHost(current: unknown, host: string, on: boolean): unknown[] {
  const list = Array.isArray(current) ? [...current] : [];
  if (on) return list.includes(host) ? list : [...list, host];
  return list.filter((x) => x !== host);
}
