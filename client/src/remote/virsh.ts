/**
 * The virsh network commands of the tutorial, as data (see virshCommand.ts).
 * Names are always passed as the value of `--network`, so a name that
 * starts with `-` is never read as an option. Everything here is pure.
 */
import { parseNetInfo, type NetInfo } from './parseNetInfo';
import { parseNameList, parseUuid } from './parseNetList';
import { parseNetXml, type NetXml } from './parseNetXml';
import { simpleCommand, type VirshCommand } from './virshCommand';

/** Which networks `net-list` shows; `all` is active and inactive. */
export type NetListFilter = 'all' | 'active' | 'inactive' | 'persistent' | 'transient' | 'autostart' | 'no-autostart';

/**
 * virsh's flags per filter: plain `net-list` lists active networks only (it
 * has no `--active`), and the other filters apply to that unless `--all`.
 */
const LIST_FLAGS: Record<NetListFilter, string[]> = {
  all: ['--all'],
  active: [],
  inactive: ['--inactive'],
  persistent: ['--all', '--persistent'],
  transient: ['--all', '--transient'],
  autostart: ['--all', '--autostart'],
  'no-autostart': ['--all', '--no-autostart'],
};

/** `net-list --all --name` (or another filter): network names. */
export function netListNames(filter: NetListFilter = 'all'): VirshCommand<string[]> {
  return simpleCommand(['net-list', ...LIST_FLAGS[filter], '--name'], parseNameList);
}

/** `net-info --network NAME`: UUID, state, persistence, autostart, bridge. */
export function netInfo(name: string): VirshCommand<NetInfo> {
  return simpleCommand(['net-info', '--network', name], parseNetInfo);
}

/** `net-uuid --network NAME`. */
export function netUuid(name: string): VirshCommand<string> {
  return simpleCommand(['net-uuid', '--network', name], parseUuid);
}

/** `net-dumpxml --network NAME [--inactive]`: the live definition, or the one that the next start uses. */
export function netDumpXml(name: string, options: { inactive?: boolean } = {}): VirshCommand<NetXml> {
  return simpleCommand(['net-dumpxml', '--network', name, ...(options.inactive ? ['--inactive'] : [])], parseNetXml);
}

/**
 * `net-define --file /dev/stdin` with the XML on standard input: no file is
 * written on the host and nothing of the XML passes through a shell.
 * `validate` adds `--validate` (libvirt's RNG check; plain define silently
 * drops unknown elements). The value is virsh's message.
 */
export function netDefine(xml: string, options: { validate?: boolean } = {}): VirshCommand<string> {
  return simpleCommand(['net-define', '--file', '/dev/stdin', ...(options.validate ? ['--validate'] : [])], (s) => s.trim(), xml);
}

export function netStart(name: string): VirshCommand<string> {
  return simpleCommand(['net-start', '--network', name], (s) => s.trim());
}

/** `net-destroy`: stops an active network (a persistent one stays defined). */
export function netDestroy(name: string): VirshCommand<string> {
  return simpleCommand(['net-destroy', '--network', name], (s) => s.trim());
}

export function netAutostart(name: string, enabled: boolean): VirshCommand<string> {
  return simpleCommand(['net-autostart', '--network', name, ...(enabled ? [] : ['--disable'])], (s) => s.trim());
}

export function netUndefine(name: string): VirshCommand<string> {
  return simpleCommand(['net-undefine', '--network', name], (s) => s.trim());
}
