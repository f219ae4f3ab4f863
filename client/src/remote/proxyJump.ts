/**
 * ProxyJump as `ssh -J` and ssh_config write it: one jump host or a chain
 * (`a,b`: connect to a, from there to b, from there to the target), each
 * `[user@]host[:port]` (an IPv6 address in brackets: `[::1]:2222`). A hop
 * that names another configured host (a `virtnet.hosts` entry, or a `Host`
 * of ~/.ssh/config) takes that host's address, port, user and identity file
 * (a user or port written in the hop wins), as ssh does with its config.
 * Otherwise a hop logs in with the agent and the default identity files.
 *
 * A jump host with a ProxyJump of its own is reached through that one first,
 * as ssh does: the first hop's own ProxyJump is followed (ssh connects to the
 * first hop with that hop's configuration; later hops are reached through
 * the earlier ones, so their own ProxyJump does not apply), to
 * `MAX_JUMP_DEPTH` levels; a name met again on the way is a loop, reported.
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
    const { host, port, user, identityFile } = named;
    return clean({ host, port, user, identityFile, ...(s.user ? { user: s.user } : {}), ...(s.port ? { port: s.port } : {}) });
  });
}

/** A named host as a hop: its settings, and its own jump (a ProxyJump text, or a chain resolved already). */
export interface NamedJumpHost extends JumpHost {
  readonly proxyJump?: string;
  readonly jumpHosts?: readonly JumpHost[];
}

/** How many jump hosts with a ProxyJump of their own are followed, one behind the other. */
export const MAX_JUMP_DEPTH = 8;

/**
 * The whole chain of a ProxyJump value: hop names resolved through `lookup`,
 * the first hop's own jump followed (recursively) and put in front. `self`
 * is the name of the host the chain is for (a chain that comes back to it is
 * a loop). Fails on a bad value, a loop, or more than `MAX_JUMP_DEPTH` levels.
 */
export function resolveJumpChain(proxyJump: string, lookup: (name: string) => NamedJumpHost | undefined, self?: string): Result<JumpHost[]> {
  const expand = (text: string, path: readonly string[]): Result<JumpHost[]> => {
    const specs = parseProxyJump(text);
    if (!specs.ok) return specs;
    if (specs.value.length === 0) return ok([]);
    const hops = resolveJumps(specs.value, lookup);
    const first = specs.value[0].host;
    const named = lookup(first);
    const via = [...path, first];
    if (named?.jumpHosts?.length) return ok([...named.jumpHosts, ...hops]);
    const own = named?.proxyJump !== undefined ? parseProxyJump(named.proxyJump) : undefined;
    if (!named?.proxyJump || !own || (own.ok && own.value.length === 0)) return ok(hops);
    if (path.includes(first)) return fail('connect', `ProxyJump loop: ${via.join(' → ')}`);
    if (path.length > MAX_JUMP_DEPTH) return fail('connect', `ProxyJump chain too long (more than ${MAX_JUMP_DEPTH} jump hosts with their own ProxyJump): ${via.join(' → ')}`);
    const inner = expand(named.proxyJump, via);
    if (!inner.ok) return inner.error.message.startsWith('ProxyJump') ? inner : fail(inner.error.kind, `jump host ${first}: ${inner.error.message}`);
    return ok([...inner.value, ...hops]);
  };
  return expand(proxyJump, self !== undefined ? [self] : []);
}

/** `user@host:port` of each hop, for messages and tooltips. */
export function describeJumps(jumps: readonly JumpHost[]): string {
  return jumps.map((j) => `${j.user ? `${j.user}@` : ''}${j.host.includes(':') ? `[${j.host}]` : j.host}${j.port && j.port !== 22 ? `:${j.port}` : ''}`).join(',');
}

function clean<T extends object>(o: T): T {
  for (const k of Object.keys(o) as (keyof T)[]) if (o[k] === undefined) delete o[k];
  return o;
}
