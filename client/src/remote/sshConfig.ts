/**
 * Hosts from an OpenSSH client configuration (~/.ssh/config), read with the
 * `ssh-config` package: every concrete name of a `Host` line (patterns with
 * `*`, `?` or `!` are defaults, not hosts) with HostName, Port, User and
 * IdentityFile computed as ssh computes them (first value wins, `Host *`
 * defaults apply). `Match exec` sections are never evaluated (reading a
 * config must not run commands). ProxyJump is resolved as ssh does: each hop
 * through the config itself (a hop named like a `Host` gets its HostName,
 * Port, User and IdentityFile); a first jump host's own ProxyJump is followed
 * (depth bound, loops reported: proxyJump.ts). The ProxyJump is kept as
 * written (hop names), so an imported host's hops are resolved through this
 * file again when connecting (`sshConfigJumpResolver`), IdentityFile
 * included. ProxyCommand is reported as unsupported on the entry: such a
 * host is listed but not connected.
 *
 * `Include` lines are read in place (as ssh does: globs in the last path
 * segment, relative paths from ~/.ssh, 16 levels at most); one inside a Host
 * or Match block applies only where that block does (`withIncludes`).
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import SSHConfig from 'ssh-config';
import { DEFAULT_LIBVIRT_URI, type HostConfig } from './hostConfig';
import { resolveJumpChain, type JumpHost, type NamedJumpHost } from './proxyJump';
import { expandHome } from './sshAuth';

export interface SshConfigHost extends HostConfig {
  readonly host: string;
  readonly port: number;
  readonly user: string;
  /** Why this host cannot be connected as configured (ProxyCommand, a jump host's own ProxyJump). */
  readonly unsupported?: string;
}

export function defaultSshConfigPath(): string {
  return path.join(os.homedir(), '.ssh', 'config');
}

/** Reads a config file; a missing file has no hosts. Never throws for bad content. */
export function readSshConfigHosts(file = defaultSshConfigPath(), defaults: { user?: string; uri?: string } = {}): SshConfigHost[] {
  let text: string;
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch {
    return [];
  }
  return sshConfigHosts(withIncludes(text, path.dirname(file)), defaults);
}

/**
 * The config with its `Include` lines replaced by the files they name
 * (sorted, as ssh reads them). Missing files are skipped, as ssh does.
 *
 * An Include inside a Host or Match block is conditional in ssh: what the
 * file says applies only where the block applies. Its lines before its first
 * Host or Match line are put in the block as they are. A Host section of the
 * file applies to the names both it and the including `Host` line match:
 * written as a `Host` line of those names when one side lists concrete names
 * (or the including line is `Host *`); a section whose names cannot be
 * computed that way (patterns on both sides, or under a Match block) is left
 * out, commented. After the file, the including block's line is repeated, so
 * the rest of that block applies to its hosts again.
 */
export function withIncludes(text: string, sshDir: string, read: (file: string) => string | undefined = readOrUndefined, depth = 0): string {
  return expandIncludes(text, sshDir, read, depth, undefined).join('\n');
}

/** The block lines are in: a `Host` line's patterns, or a Match (patterns undefined). */
interface Block {
  readonly header: string;
  readonly patterns?: readonly string[];
}

const SECTION = /^\s*(host|match)\b/im;

function expandIncludes(text: string, sshDir: string, read: (file: string) => string | undefined, depth: number, including: Block | undefined): string[] {
  const out: string[] = [];
  let block = including;
  let skipping = false;
  for (const line of text.split(/\r?\n/)) {
    const m = /^\s*(\w+)\s*(?:=\s*|\s)(.*)$/.exec(line);
    const key = m?.[1].toLowerCase();
    if (key === 'host' || key === 'match') {
      const section: Block = key === 'host' ? { header: line, patterns: splitArgs(m![2]) } : { header: line };
      if (!including) {
        block = section;
        skipping = false;
        out.push(line);
        continue;
      }
      // A section of a file included inside a block: only where that block applies too.
      const names = bothMatch(including, section);
      skipping = names === undefined;
      if (skipping) {
        out.push(`# not read (inside ${including.header.trim()}): ${line.trim()}`);
        continue;
      }
      block = { header: `Host ${names!.join(' ')}`, patterns: names };
      out.push(block.header);
      continue;
    }
    if (skipping) {
      out.push(`# ${line}`);
      continue;
    }
    if (key !== 'include' || depth >= 16) {
      out.push(line);
      continue;
    }
    out.push(`# ${line.trim()}`);
    for (const pattern of splitArgs(m![2])) {
      for (const f of expandPattern(expandHome(pattern), sshDir)) {
        const t = read(f);
        if (t === undefined) continue;
        out.push(...expandIncludes(t, sshDir, read, depth + 1, block));
        // The included file's last section ends with it: what follows belongs to the including block again (or to every host).
        if (SECTION.test(t)) out.push(block ? block.header : 'Host *');
      }
    }
  }
  return out;
}

/**
 * The names a section of an included file applies to inside the including
 * Host block, as a `Host` line's patterns; undefined when they cannot be
 * listed (or there are none).
 */
function bothMatch(including: Block, section: Block): string[] | undefined {
  const outer = including.patterns;
  const inner = section.patterns;
  if (!outer || !inner) return undefined;
  const concrete = (ps: readonly string[]) => ps.every((p) => !/[*?!]/.test(p));
  let names: string[] | undefined;
  if (outer.length === 1 && outer[0] === '*') names = [...inner];
  else if (concrete(inner)) names = inner.filter((n) => hostMatches(n, outer));
  else if (concrete(outer)) names = outer.filter((n) => hostMatches(n, inner));
  return names && names.length > 0 ? names : undefined;
}

/** ssh's Host matching: a negated pattern that matches excludes the name; otherwise any pattern that matches. */
function hostMatches(name: string, patterns: readonly string[]): boolean {
  let matched = false;
  for (const p of patterns) {
    const negated = p.startsWith('!');
    const glob = negated ? p.slice(1) : p;
    const re = new RegExp(`^${glob.replace(/[.+^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '.*').replace(/\?/g, '.')}$`, 'i');
    if (!re.test(name)) continue;
    if (negated) return false;
    matched = true;
  }
  return matched;
}

function readOrUndefined(file: string): string | undefined {
  try {
    return fs.readFileSync(file, 'utf8');
  } catch {
    return undefined;
  }
}

/** Whitespace-separated words, double quotes grouping. */
function splitArgs(s: string): string[] {
  return [...s.matchAll(/"([^"]*)"|(\S+)/g)].map((m) => m[1] ?? m[2]);
}

/** The files a path names: relative to ~/.ssh, `*` and `?` in its last segment. */
function expandPattern(p: string, sshDir: string): string[] {
  const full = path.isAbsolute(p) ? p : path.join(sshDir, p);
  const base = path.basename(full);
  if (!/[*?]/.test(base)) return [full];
  const re = new RegExp(`^${base.replace(/[.+^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '.*').replace(/\?/g, '.')}$`);
  try {
    return fs
      .readdirSync(path.dirname(full))
      .filter((f) => re.test(f))
      .sort()
      .map((f) => path.join(path.dirname(full), f));
  } catch {
    return [];
  }
}

export function sshConfigHosts(text: string, defaults: { user?: string; uri?: string } = {}): SshConfigHost[] {
  let config: SSHConfig;
  try {
    config = SSHConfig.parse(text);
  } catch {
    return [];
  }
  const names: string[] = [];
  for (const line of config) {
    if (line.type !== SSHConfig.DIRECTIVE || line.param.toLowerCase() !== 'host') continue;
    const values = Array.isArray(line.value) ? line.value.map((v) => (typeof v === 'string' ? v : v.val)) : String(line.value).split(/\s+/);
    for (const v of values) if (v && !/[*?!]/.test(v) && !names.includes(v)) names.push(v);
  }
  const user = defaults.user ?? safeUserName();
  const computed = (name: string) => {
    const c = config.compute(name, { ignoreCase: true, matchExec: false });
    return (k: string): string | undefined => {
      const v = c[k];
      return Array.isArray(v) ? v[0] : v;
    };
  };
  const identityOf = (one: (k: string) => string | undefined) => {
    const identity = one('identityfile');
    return identity ? expandHome(identity.replace(/^%d\//, '~/')) : undefined;
  };
  const portOf = (one: (k: string) => string | undefined) => {
    const portText = one('port');
    return portText && /^\d+$/.test(portText) ? Number(portText) : 22;
  };
  /** A name as a jump host, as ssh computes it (HostName, Port, User, IdentityFile, its own ProxyJump). */
  const asJump = (name: string): NamedJumpHost => {
    const j = computed(name);
    const own = j('proxyjump');
    return clean({ host: j('hostname')?.replace(/%h/g, name) ?? name, port: portOf(j), user: j('user') ?? user, identityFile: identityOf(j), proxyJump: own && own.toLowerCase() !== 'none' ? own : undefined });
  };
  return names.map((name) => {
    const one = computed(name);
    const jump = one('proxyjump');
    const command = one('proxycommand');
    let unsupported: string | undefined;
    let jumpHosts: JumpHost[] | undefined;
    if (jump && jump.toLowerCase() !== 'none') {
      // Each hop through the config, as ssh does (a user or port in the hop wins); a first hop's own ProxyJump is followed.
      const chain = resolveJumpChain(jump, asJump, name);
      if (!chain.ok) unsupported = chain.error.message;
      else jumpHosts = chain.value;
    } else if (command && command.toLowerCase() !== 'none') unsupported = 'ProxyCommand is not supported: VirtNet connects directly';
    return {
      name,
      host: one('hostname')?.replace(/%h/g, name) ?? name,
      port: portOf(one),
      user: one('user') ?? user,
      identityFile: identityOf(one),
      uri: defaults.uri ?? DEFAULT_LIBVIRT_URI,
      // The ProxyJump as written (hop names): written to virtnet.hosts, it is resolved through ~/.ssh/config again when connecting.
      ...(jump && jump.toLowerCase() !== 'none' ? { proxyJump: jump } : {}),
      ...(jumpHosts?.length ? { jumpHosts } : {}),
      ...(unsupported ? { unsupported } : {}),
    };
  });
}

/**
 * Hop names resolved through an ssh config file, for ProxyJump values of
 * `virtnet.hosts` entries whose hops no configured host names
 * (HostConnectionManager's `resolveJumpHost`): the name's HostName, Port,
 * User, IdentityFile and own ProxyJump as ssh computes them, for a name a
 * concrete `Host` line lists (undefined otherwise). The file is read
 * again when it changed (size and mtime); a missing file resolves nothing.
 */
export function sshConfigJumpResolver(file = defaultSshConfigPath(), defaults: { user?: string } = {}): (name: string) => NamedJumpHost | undefined {
  let stamp = '';
  let hosts = new Map<string, NamedJumpHost>();
  return (name) => {
    let now = '';
    try {
      const st = fs.statSync(file);
      now = `${st.size}:${st.mtimeMs}`;
    } catch {
      now = 'missing';
    }
    if (now !== stamp) {
      stamp = now;
      hosts = new Map(now === 'missing' ? [] : readSshConfigHosts(file, defaults).map((h) => [h.name, clean({ host: h.host, port: h.port, user: h.user, identityFile: h.identityFile, proxyJump: h.proxyJump, jumpHosts: h.jumpHosts })]));
    }
    return hosts.get(name);
  };
}

function clean<T extends object>(o: T): T {
  for (const k of Object.keys(o) as (keyof T)[]) if (o[k] === undefined) delete o[k];
  return o;
}

/** The local user's name (ssh's default login name), without throwing. */
export function safeUserName(): string {
  try {
    return os.userInfo().username;
  } catch {
    return process.env.USER ?? 'root';
  }
}
