/**
 * Hosts from an OpenSSH client configuration (~/.ssh/config), read with the
 * `ssh-config` package: every concrete name of a `Host` line (patterns with
 * `*`, `?` or `!` are defaults, not hosts) with HostName, Port, User and
 * IdentityFile computed as ssh computes them (first value wins, `Host *`
 * defaults apply). `Match exec` sections are never evaluated (reading a
 * config must not run commands). ProxyJump and ProxyCommand are reported
 * as unsupported on the entry: such a host is listed but not connected.
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import SSHConfig from 'ssh-config';
import { DEFAULT_LIBVIRT_URI, type HostConfig } from './hostConfig';
import { expandHome } from './sshAuth';

export interface SshConfigHost extends HostConfig {
  readonly host: string;
  readonly port: number;
  readonly user: string;
  /** Why this host cannot be connected as configured (ProxyJump, ProxyCommand). */
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
  return sshConfigHosts(text, defaults);
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
  return names.map((name) => {
    const c = config.compute(name, { ignoreCase: true, matchExec: false });
    const one = (k: string) => {
      const v = c[k];
      return Array.isArray(v) ? v[0] : v;
    };
    const portText = one('port');
    const port = portText && /^\d+$/.test(portText) ? Number(portText) : 22;
    const identity = one('identityfile');
    const jump = one('proxyjump');
    const command = one('proxycommand');
    const unsupported =
      jump && jump.toLowerCase() !== 'none'
        ? `ProxyJump (${jump}) is not supported yet: VirtNet connects directly`
        : command && command.toLowerCase() !== 'none'
          ? 'ProxyCommand is not supported: VirtNet connects directly'
          : undefined;
    return {
      name,
      host: one('hostname')?.replace(/%h/g, name) ?? name,
      port,
      user: one('user') ?? user,
      identityFile: identity ? expandHome(identity.replace(/^%d\//, '~/')) : undefined,
      uri: defaults.uri ?? DEFAULT_LIBVIRT_URI,
      ...(unsupported ? { unsupported } : {}),
    };
  });
}

/** The local user's name (ssh's default login name), without throwing. */
export function safeUserName(): string {
  try {
    return os.userInfo().username;
  } catch {
    return process.env.USER ?? 'root';
  }
}
