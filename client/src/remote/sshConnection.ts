/**
 * One SSH connection per host, with ssh2: opened on first use, shared by
 * every command (at most `maxChannels` channels at a time, well under
 * sshd's default MaxSessions of 10), closed after an idle time, and opened
 * again by the next command after it closed or died. Concurrent first uses
 * share one pending connect.
 *
 * Every failure is a value (`Result`), with a message that says what to
 * do: a changed host key is refused and never asked about; an unknown one
 * is asked about through `prompts.confirmHostKey` and recorded in
 * known_hosts when accepted; a wrong passphrase, a refused login, a host
 * that does not answer or a connection lost mid-command each say so.
 *
 * Through jump hosts (ProxyJump, `target.jumps`), each hop is a login of its
 * own (its host key checked against known_hosts with the same prompts, the
 * same authentication), and the next hop's SSH stream is a `forwardOut`
 * channel of the previous one, handed to ssh2 as `sock`. One connect
 * timeout covers the whole chain; the jump connections close with the
 * target's.
 */
import { Client, type ClientChannel, type ConnectConfig } from 'ssh2';
import { Emitter } from './events';
import { fingerprint, keyTypeOfBlob, knownHostsLine, knownHostsName, knownKeyTypes, verifyHostKey, type KnownHostLine } from './knownHosts';
import { appendKnownHost, defaultKnownHostsPath, readKnownHosts } from './knownHostsFile';
import { DEFAULT_TIMEOUTS, PausableTimer, Semaphore } from './limits';
import { errorText, fail, ok, type Result } from './result';
import type { Output, RunOptions } from './runner';
import { createAuthHandler, KeyCache, type AuthConfig, type AuthPrompts, type AuthState } from './sshAuth';

export interface SshHop extends AuthConfig {
  readonly host: string;
  /** Default 22. */
  readonly port?: number;
}

export interface SshTarget extends SshHop {
  /** Jump hosts, the first one contacted first (ProxyJump `a,b`). */
  readonly jumps?: readonly SshHop[];
}

export interface HostKeyQuestion {
  readonly host: string;
  readonly port: number;
  readonly keyType: string;
  /** OpenSSH's form: `SHA256:…`. */
  readonly fingerprint: string;
}

export interface SshPrompts extends AuthPrompts {
  /** The host's key is not in known_hosts: trust it (and record it)? */
  confirmHostKey(question: HostKeyQuestion): Promise<boolean>;
}

export interface SshConnectionOptions {
  /** Default ~/.ssh/known_hosts. */
  readonly knownHostsFile?: string;
  /** Record accepted keys hashed (`|1|…`), as `HashKnownHosts yes` does. */
  readonly hashKnownHosts?: boolean;
  /** Handshake and login, prompts excluded. Default 15 s. */
  readonly connectTimeoutMs?: number;
  /** Close the connection after this long without a command. Default 5 min. */
  readonly idleTimeoutMs?: number;
  /** Channels at a time on the connection. Default 4. */
  readonly maxChannels?: number;
  /** SSH keepalive interval (3 unanswered close the connection). Default 10 s. */
  readonly keepaliveIntervalMs?: number;
  /** Parsed keys shared between connections. */
  readonly keyCache?: KeyCache;
}

export type ConnectionState = 'disconnected' | 'connecting' | 'connected';

/** Algorithms ssh2 offers for a key type found in known_hosts. */
const HOST_KEY_ALGORITHMS: Record<string, string[]> = {
  'ssh-ed25519': ['ssh-ed25519'],
  'ecdsa-sha2-nistp256': ['ecdsa-sha2-nistp256'],
  'ecdsa-sha2-nistp384': ['ecdsa-sha2-nistp384'],
  'ecdsa-sha2-nistp521': ['ecdsa-sha2-nistp521'],
  'ssh-rsa': ['rsa-sha2-512', 'rsa-sha2-256', 'ssh-rsa'],
};

export class SshConnection {
  readonly description: string;
  private readonly knownHostsFile: string;
  private readonly keyCache: KeyCache;
  private readonly slots: Semaphore;
  private client: Client | undefined;
  private pending: Promise<Result<Client>> | undefined;
  private readonly inflight = new Set<(why: string) => void>();
  private active = 0;
  private idleTimer: NodeJS.Timeout | undefined;
  private lastError = '';
  private disposed = false;
  private readonly stateEmitter = new Emitter<ConnectionState>();
  /** Fires when the connection opens, closes or starts connecting. */
  readonly onDidChangeState = this.stateEmitter.event;
  private currentState: ConnectionState = 'disconnected';

  constructor(
    private readonly target: SshTarget,
    private readonly prompts: SshPrompts | undefined,
    private options: SshConnectionOptions = {},
  ) {
    const via = target.jumps?.length ? ` via ${target.jumps.map((j) => hopName(j)).join(',')}` : '';
    this.description = `${hopName(target)}${via}`;
    this.knownHostsFile = options.knownHostsFile ?? defaultKnownHostsPath();
    this.keyCache = options.keyCache ?? new KeyCache();
    this.slots = new Semaphore(options.maxChannels ?? 4);
  }

  /**
   * New timeouts: the connect timeout applies from the next connect, the idle
   * timeout from now (an idle connection's timer restarts).
   */
  setTimeouts(t: { connectTimeoutMs?: number; idleTimeoutMs?: number }): void {
    this.options = { ...this.options, ...t };
    if (this.active === 0) this.armIdle();
  }

  get state(): ConnectionState {
    return this.currentState;
  }

  /** Runs a command line (already quoted by quote.ts) on the host. Never throws. */
  async exec(command: string, options: RunOptions): Promise<Result<Output>> {
    if (this.disposed) return fail('connection', `connection to ${this.description} is closed`);
    clearTimeout(this.idleTimer);
    this.active++;
    try {
      await this.slots.acquire();
      try {
        const c = await this.connect();
        if (!c.ok) return c;
        return await this.execOn(c.value, command, options);
      } finally {
        this.slots.release();
      }
    } catch (e) {
      return fail('internal', errorText(e));
    } finally {
      if (--this.active === 0) this.armIdle();
    }
  }

  /**
   * Opens the connection now if it is not open (shares a connect in
   * progress); nothing is run. Lets a caller wait for the handshake and
   * login apart from the commands (HostConnectionManager: connecting does
   * not hold a refresh slot). An idle connection closes as after a command.
   */
  async open(): Promise<Result<void>> {
    if (this.disposed) return fail('connection', `connection to ${this.description} is closed`);
    clearTimeout(this.idleTimer);
    this.active++;
    try {
      const c = await this.connect();
      return c.ok ? ok(undefined) : c;
    } catch (e) {
      return fail('internal', errorText(e));
    } finally {
      if (--this.active === 0) this.armIdle();
    }
  }

  /** Closes the connection; a later `exec` fails (the connection object is done). */
  dispose(): void {
    this.disposed = true;
    clearTimeout(this.idleTimer);
    this.close('the connection was closed');
    this.stateEmitter.dispose();
  }

  /** Closes the connection now; the next command opens a new one. */
  close(why = 'the connection was closed'): void {
    const c = this.client;
    this.client = undefined;
    for (const lost of [...this.inflight]) lost(why);
    c?.end();
    c?.destroy();
    this.setState('disconnected');
  }

  private armIdle(): void {
    clearTimeout(this.idleTimer);
    if (!this.client) return;
    this.idleTimer = setTimeout(() => {
      if (this.active === 0) this.close('idle');
    }, this.options.idleTimeoutMs ?? DEFAULT_TIMEOUTS.idleTimeoutMs);
    this.idleTimer.unref?.();
  }

  private setState(s: ConnectionState): void {
    if (s === this.currentState) return;
    this.currentState = s;
    this.stateEmitter.fire(s);
  }

  private connect(): Promise<Result<Client>> {
    if (this.client) return Promise.resolve(ok(this.client));
    if (!this.pending) {
      this.setState('connecting');
      this.pending = this.openClient().then((r) => {
        this.pending = undefined;
        if (r.ok && !this.disposed) {
          this.client = r.value;
          this.setState('connected');
        } else {
          if (r.ok) r.value.destroy();
          this.setState('disconnected');
        }
        return r;
      });
    }
    return this.pending;
  }

  private async openClient(): Promise<Result<Client>> {
    let known: KnownHostLine[];
    try {
      known = await readKnownHosts(this.knownHostsFile);
    } catch (e) {
      return fail('hostKey', `cannot read ${this.knownHostsFile}: ${errorText(e)}`);
    }
    const timeoutMs = this.options.connectTimeoutMs ?? DEFAULT_TIMEOUTS.connectTimeoutMs;
    const hops: SshHop[] = [...(this.target.jumps ?? []), this.target];
    const chain: Client[] = [];
    /** Ends the step in progress (a login or a forward) with this result. */
    let abort: ((r: Result<never>) => void) | undefined;
    /** What the step in progress failed to do in time (a sentence). */
    let late = '';
    const seconds = `${Math.round(timeoutMs / 1000)} s`;
    const timer = new PausableTimer(timeoutMs, () => abort?.(fail('timeout', late)));
    const undo = <T>(r: Result<T>): Result<T> => {
      for (const c of chain) c.destroy();
      return r;
    };
    try {
      let sock: ClientChannel | undefined;
      for (let i = 0; i < hops.length; i++) {
        const hop = hops[i];
        const jump = i < hops.length - 1;
        const who = jump ? `jump host ${hopName(hop)}` : this.description;
        late = `${who} did not complete the SSH login within ${seconds} (host down, firewalled, or not an SSH server?)`;
        const r = await this.login(hop, jump ? 'jump host ' : '', sock, known, timer, (a) => (abort = a));
        if (!r.ok) return undo(r);
        chain.push(r.value);
        if (!jump) break;
        const next = hops[i + 1];
        late = `jump host ${hopName(hop)} did not open a channel to ${next.host}:${next.port ?? 22} within ${seconds}`;
        const f = await forward(r.value, next, (a) => (abort = a));
        if (!f.ok) return undo(f.error.kind === 'timeout' ? f : fail(f.error.kind, `jump host ${hopName(hop)} cannot reach ${next.host}:${next.port ?? 22}: ${f.error.message}`));
        sock = f.value;
      }
    } finally {
      timer.stop();
    }
    const client = chain[chain.length - 1];
    // The jump connections live as long as the target's.
    if (chain.length > 1) client.on('close', () => chain.slice(0, -1).forEach((c) => c.end()));
    return ok(client);
  }

  /** One SSH login: to a hop's address, or over `sock` (a channel of the previous hop). */
  private login(hop: SshHop, role: string, sock: ClientChannel | undefined, known: readonly KnownHostLine[], timer: PausableTimer, onAbort: (a: (r: Result<never>) => void) => void): Promise<Result<Client>> {
    const { host, username } = hop;
    const port = hop.port ?? 22;
    return new Promise<Result<Client>>((resolve) => {
      const client = new Client();
      const auth: AuthState = { problems: [] };
      let hostKeyError: Result<never> | undefined;
      let settled = false;
      const finish = (r: Result<Client>) => {
        if (settled) return;
        settled = true;
        if (!r.ok) client.destroy();
        resolve(r);
      };
      onAbort(finish);
      auth.onPrompt = (active) => (active ? timer.pause() : timer.resume());

      // The async form: it must return undefined (a truthy return value means "accept").
      const hostVerifier = (key: Buffer, verify: (valid: boolean) => void): void => {
        void this.checkHostKey(hop, role, known, key, timer).then((r) => {
          if (!r.ok) hostKeyError = r;
          verify(r.ok);
        });
      };

      client.on('ready', () => {
        if (settled) return client.destroy();
        if (!role) this.watch(client);
        finish(ok(client));
      });
      client.on('error', (e: Error & { level?: string; code?: string }) => {
        if (settled) return;
        if (hostKeyError) return finish(hostKeyError);
        if (e.level === 'client-authentication') {
          const why = auth.problems.length > 0 ? `: ${auth.problems.join('; ')}` : ' (no key in the agent or identity files was accepted)';
          return finish(fail('auth', `login as ${username} on ${role}${host}:${port} refused${why}`));
        }
        finish(fail('connect', `cannot connect to ${role}${host}:${port}: ${e.message}`));
      });
      client.on('close', () => finish(hostKeyError ?? fail('connect', `${role}${host}:${port} closed the connection during login`)));

      const types = knownKeyTypes(known, host, port).flatMap((t) => HOST_KEY_ALGORITHMS[t] ?? []);
      const config: ConnectConfig = {
        host,
        port,
        username,
        ...(sock ? { sock } : {}),
        readyTimeout: 0, // our own timer, paused while the user answers a prompt
        keepaliveInterval: this.options.keepaliveIntervalMs ?? 10_000,
        keepaliveCountMax: 3,
        hostVerifier,
        authHandler: createAuthHandler(hop, this.prompts, this.keyCache, auth),
        // Offer the key types known_hosts has for this host first, as ssh does.
        algorithms: types.length > 0 ? { serverHostKey: { remove: types, prepend: types } as never } : undefined,
      };
      try {
        client.connect(config);
      } catch (e) {
        // ssh2 throws synchronously for some key and config problems.
        finish(fail('auth', `cannot connect to ${role}${host}:${port}: ${errorText(e)}`));
      }
    });
  }

  private async checkHostKey(hop: SshHop, role: string, known: readonly KnownHostLine[], key: Buffer, timer: PausableTimer): Promise<Result<true>> {
    const { host } = hop;
    const port = hop.port ?? 22;
    const fp = fingerprint(key);
    const keyType = keyTypeOfBlob(key) ?? 'unknown';
    const name = knownHostsName(host, port);
    const v = verifyHostKey(known, host, port, key);
    switch (v.status) {
      case 'match':
        return ok(true);
      case 'revoked':
        return fail('hostKey', `the host key of ${role}${name} (${keyType} ${fp}) is marked @revoked in ${this.knownHostsFile} (line ${v.line}): connection refused`);
      case 'changed':
        return fail(
          'hostKey',
          `the host key of ${role}${name} has CHANGED: it now presents ${keyType} ${fp}, which does not match ${this.knownHostsFile} line ${v.line}. ` +
            `Someone may be intercepting the connection, or the host was reinstalled. Not connecting. If you know the change is legitimate, ` +
            `remove the old key (ssh-keygen -R '${name}') and connect again.`,
        );
      case 'unknown': {
        if (!this.prompts) return fail('hostKey', `the host key of ${role}${name} (${keyType} ${fp}) is not in ${this.knownHostsFile}: connection refused`);
        timer.pause();
        let trusted: boolean;
        try {
          trusted = await this.prompts.confirmHostKey({ host, port, keyType, fingerprint: fp });
        } catch {
          trusted = false;
        } finally {
          timer.resume();
        }
        if (!trusted) return fail('hostKey', `the host key of ${role}${name} (${keyType} ${fp}) was not trusted: connection refused`);
        try {
          await appendKnownHost(this.knownHostsFile, knownHostsLine(host, port, key, { hash: this.options.hashKnownHosts }));
        } catch (e) {
          return fail('hostKey', `cannot record the host key of ${name} in ${this.knownHostsFile}: ${errorText(e)}`);
        }
        return ok(true);
      }
    }
  }

  /** After login: a closed or failed connection fails the commands in flight; the next command reconnects. */
  private watch(client: Client): void {
    client.on('error', (e: Error) => (this.lastError = e.message));
    client.on('close', () => {
      if (this.client !== client) return;
      this.client = undefined;
      const why = this.lastError || 'the server closed the connection';
      this.lastError = '';
      for (const lost of [...this.inflight]) lost(why);
      this.setState('disconnected');
    });
  }

  private execOn(client: Client, command: string, options: RunOptions): Promise<Result<Output>> {
    const what = command.length > 80 ? `${command.slice(0, 77)}...` : command;
    return new Promise((resolve) => {
      const out: Buffer[] = [];
      const err: Buffer[] = [];
      const text = (b: Buffer[]) => Buffer.concat(b).toString('utf8');
      let channel: ClientChannel | undefined;
      let settled = false;
      const finish = (r: Result<Output>) => {
        if (settled) return;
        settled = true;
        clearTimeout(timer);
        this.inflight.delete(lost);
        resolve(r);
      };
      const lost = (why: string) => finish(fail('connection', `connection to ${this.description} lost while running ${what}: ${why}`, text(err)));
      this.inflight.add(lost);
      const timer = setTimeout(() => {
        channel?.close();
        finish(fail('timeout', `${what} on ${this.description} did not finish within ${Math.round(options.timeoutMs / 100) / 10} s`, text(err)));
      }, options.timeoutMs);
      client.exec(command, (e, ch) => {
        if (e) return finish(fail('connection', `cannot start a command on ${this.description}: ${e.message}`));
        channel = ch;
        if (settled) return ch.close();
        let code: number | null | undefined;
        ch.on('data', (d: Buffer) => out.push(d));
        ch.stderr.on('data', (d: Buffer) => err.push(d));
        ch.on('exit', (c: number | null) => (code = typeof c === 'number' ? c : null));
        ch.on('close', () => {
          // Without an exit status the channel was torn down (connection lost).
          if (code === undefined) finish(fail('connection', `${what} on ${this.description} ended without an exit status (connection lost?)`, text(err)));
          else finish(ok({ stdout: text(out), stderr: text(err), code }));
        });
        ch.on('error', () => undefined);
        ch.end(options.stdin ?? '');
      });
    });
  }
}

/** `user@host[:port]` of a hop. */
function hopName(h: SshHop): string {
  const port = h.port ?? 22;
  return `${h.username}@${h.host}${port === 22 ? '' : `:${port}`}`;
}

/** A channel from `client` to the next hop's SSH port, or why not. */
function forward(client: Client, to: SshHop, onAbort: (a: (r: Result<never>) => void) => void): Promise<Result<ClientChannel>> {
  return new Promise((resolve) => {
    let settled = false;
    const finish = (r: Result<ClientChannel>) => {
      if (settled) return;
      settled = true;
      resolve(r);
    };
    onAbort(finish);
    client.once('close', () => finish(fail('connect', 'the jump connection closed')));
    try {
      // The originator address is what sshd logs: ours is not meaningful, as with ssh -J.
      client.forwardOut('127.0.0.1', 0, to.host, to.port ?? 22, (e, ch) => {
        if (e) return finish(fail('connect', e.message));
        if (settled) return ch.close();
        finish(ok(ch));
      });
    } catch (e) {
      finish(fail('connect', errorText(e)));
    }
  });
}
