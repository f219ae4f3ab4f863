/**
 * ProxyJump as `ssh -J` and ssh_config write it: one jump host or a chain
 * (`a,b`: connect to a, from there to b, from there to the target), each
 * `[user@]host[:port]` (an IPv6 address in brackets: `[::1]:2222`). A hop
 * that names another configured host (a `virtnet.hosts` entry, or a `Host`
 * of ~/.ssh/config) and gives no user or port of its own takes that host's
 * address, port, user and identity file, as ssh does with its config.
 * Otherwise a hop logs in with the agent and the default identity files.
 */
import { fail, ok, type Result } from './result';

export interface JumpHost {
  readonly host: string;
  /** Default 22. */
  readonly port?: number;
  /** Default: the local user's name (as ssh). */
  readonly user?: string;
  readonly identityFile?: string;
}

/** One hop as written, before names are resolved. */
export interface JumpSpec {
  readonly host: string;
  readonly port?: number;
  readonly user?: string;
}

/** Parses a ProxyJump value; `none` and the empty string are no jump. */
export function parseProxyJump(text: string): Result<JumpSpec[]> {
  const t = text.trim();
  if (t === '' || t.toLowerCase() === 'none') return ok([]);
  const out: JumpSpec[] = [];
  for (const raw of t.split(',')) {
    const hop = raw.trim();
    // ssh://user@host:port is accepted by ssh -J too.
    // Names as DNS and login names have them: nothing a shell or ssh would read as syntax.
    const m = /^(?:ssh:\/\/)?(?:([A-Za-z0-9._][A-Za-z0-9._-]*)@)?(\[[0-9a-fA-F:.]+\]|[A-Za-z0-9_][A-Za-z0-9._-]*)(?::(\d+))?\/?$/.exec(hop);
    if (!m) return fail('internal', `ProxyJump "${text}": "${hop}" is not [user@]host[:port]`);
    const port = m[3] === undefined ? undefined : Number(m[3]);
    if (port !== undefined && !(port >= 1 && port <= 65535)) return fail('internal', `ProxyJump "${text}": port ${m[3]} is not a port number (1-65535)`);
    const host = m[2].startsWith('[') ? m[2].slice(1, -1) : m[2];
    out.push({ host, ...(port !== undefined ? { port } : {}), ...(m[1] ? { user: m[1] } : {}) });
  }
  return ok(out);
}

/**
 * The chain of hops, with names resolved through `lookup` (another host's
 * settings by its name); a user or port written in the hop wins over the
 * named host's.
 */
export function resolveJumps(specs: readonly JumpSpec[], lookup: (name: string) => JumpHost | undefined): JumpHost[] {
  return specs.map((s) => {
    const named = lookup(s.host);
    if (!named) return s;
    return { ...named, ...(s.user ? { user: s.user } : {}), ...(s.port ? { port: s.port } : {}) };
  });
}

/** `user@host:port` of each hop, for messages and tooltips. */
export function describeJumps(jumps: readonly JumpHost[]): string {
  return jumps.map((j) => `${j.user ? `${j.user}@` : ''}${j.host.includes(':') ? `[${j.host}]` : j.host}${j.port && j.port !== 22 ? `:${j.port}` : ''}`).join(',');
}
