/**
 * The hosts the UI shows, and their networks: the one object a tree view
 * and the network commands need. It owns one runner per host (an SSH
 * connection, or the local machine), contacts a host only when asked
 * (`refresh`, `run`), keeps the last state of each host (networks or the
 * error) and fires `onDidChange` with the host's name when that state or its
 * connection changes. Hosts are independent: each has its own connection,
 * timeouts and error. A refresh connects first (at most
 * `maxConcurrentConnects` handshakes at once, default 8) and then reads (at
 * most `maxConcurrentRefreshes` hosts at once, default 4); the others wait
 * their turn (`queued`), so refreshing twenty hosts does not open twenty SSH
 * connections and batches at the same time, and a host that never answers
 * waits out its connect timeout without holding up the reads of the others
 * (refreshScheduler.ts). Commands (`run`) are never queued: a user's action
 * goes out at once.
 *
 * Prompts (host keys, passphrases) and the log are supplied by the caller;
 * nothing here knows about VS Code.
 */
import { Emitter } from './events';
import { DEFAULT_LIBVIRT_URI, type HostConfig } from './hostConfig';
import { fetchHost, type NetworkSummary } from './hostNetworks';
import { createLocalRunner } from './localRunner';
import { DEFAULT_TIMEOUTS, type ConnectionTimeouts } from './limits';
import { loggingRunner } from './loggingRunner';
import { resolveJumpChain, type JumpHost, type NamedJumpHost } from './proxyJump';
import { defaultConnectLimit, RefreshScheduler } from './refreshScheduler';
import { fail, ok, type RemoteError, type Result } from './result';
import type { CommandLogEntry, Runner } from './runner';
import { KeyCache } from './sshAuth';
import { SshConnection, type ConnectionState, type SshPrompts } from './sshConnection';
import { createSshRunner } from './sshRunner';
import { runVirsh, type VirshCommand } from './virshCommand';
import type { VmSummary } from './vmInventory';

export type HostStatus = 'idle' | 'loading' | 'ready' | 'error';

export interface HostSnapshot {
  readonly config: HostConfig;
  readonly status: HostStatus;
  /** `local` for a local host. */
  readonly connection: ConnectionState | 'local';
  /** The networks of the last successful refresh. */
  readonly networks?: readonly NetworkSummary[];
  /** The VMs of the last successful refresh (undefined when they could not be listed: `vmError`). */
  readonly vms?: readonly VmSummary[];
  readonly vmError?: RemoteError;
  /** Why the last refresh failed. */
  readonly error?: RemoteError;
  /** A refresh is waiting for a free slot (other hosts are being connected to or read). */
  readonly queued?: boolean;
}

export interface HostConnectionManagerOptions {
  /** How many hosts are read (refreshed) at once; the rest wait. Default 4. */
  readonly maxConcurrentRefreshes?: number;
  /** How many hosts are connected to (handshake and login) at once for a refresh. Default twice the reads, at least 8. */
  readonly maxConcurrentConnects?: number;
  readonly prompts?: SshPrompts;
  readonly knownHostsFile?: string;
  readonly hashKnownHosts?: boolean;
  /** Per command. Default 30 s. */
  readonly commandTimeoutMs?: number;
  /** Handshake and login (prompts excluded). Default 15 s. */
  readonly connectTimeoutMs?: number;
  /** Default 5 min. */
  readonly idleTimeoutMs?: number;
  /** Every command, once finished. */
  readonly log?: (entry: CommandLogEntry & { readonly host: string }) => void;
  /** ProxyJump hop names no configured host has, resolved as ssh would (~/.ssh/config: `sshConfigJumpResolver`). */
  readonly resolveJumpHost?: (name: string) => NamedJumpHost | undefined;
}

interface HostEntry {
  config: HostConfig;
  /** The settings (and jump chain) the entry was made from: another key, another connection. */
  key: string;
  runner: Runner;
  connection?: SshConnection;
  status: HostStatus;
  networks?: readonly NetworkSummary[];
  vms?: readonly VmSummary[];
  vmError?: RemoteError;
  error?: RemoteError;
  refreshing?: Promise<Result<NetworkSummary[]>>;
  queued?: boolean;
  /** Bumped on every refresh: a late result of an older one is dropped. */
  generation: number;
}

export class HostConnectionManager {
  private readonly entries = new Map<string, HostEntry>();
  private readonly keyCache = new KeyCache();
  private readonly changed = new Emitter<string>();
  /** Bounds the connects and the reads of refreshes. */
  private readonly scheduler: RefreshScheduler;
  /** Fires with a host's name when its state, networks or connection change. */
  readonly onDidChange = this.changed.event;

  private timeouts: ConnectionTimeouts;

  constructor(private readonly options: HostConnectionManagerOptions = {}) {
    this.timeouts = {
      connectTimeoutMs: options.connectTimeoutMs ?? DEFAULT_TIMEOUTS.connectTimeoutMs,
      commandTimeoutMs: options.commandTimeoutMs ?? DEFAULT_TIMEOUTS.commandTimeoutMs,
      idleTimeoutMs: options.idleTimeoutMs ?? DEFAULT_TIMEOUTS.idleTimeoutMs,
    };
    const reads = Math.max(1, options.maxConcurrentRefreshes ?? 4);
    this.scheduler = new RefreshScheduler({ reads, connects: options.maxConcurrentConnects ?? defaultConnectLimit(reads) });
  }

  /**
   * New timeouts for every host (the `virtnet.ssh.*` settings): commands
   * started from now, connects from the next one, idle connections at once.
   */
  setTimeouts(t: Partial<ConnectionTimeouts>): void {
    this.timeouts = { ...this.timeouts, ...t };
    for (const e of this.entries.values()) e.connection?.setTimeouts({ connectTimeoutMs: this.timeouts.connectTimeoutMs, idleTimeoutMs: this.timeouts.idleTimeoutMs });
  }

  /** The timeouts in force. */
  get currentTimeouts(): ConnectionTimeouts {
    return this.timeouts;
  }

  /** Replaces the host list; hosts whose configuration changed get a new connection. */
  setHosts(configs: readonly HostConfig[]): void {
    const seen = new Set<string>();
    for (const config of configs) {
      if (seen.has(config.name)) continue;
      seen.add(config.name);
      const old = this.entries.get(config.name);
      const jumps = jumpChain(config, configs, this.options.resolveJumpHost);
      // A host is unchanged when its settings and its jump chain (other hosts' settings) are.
      const key = JSON.stringify([config, jumps]);
      if (old && old.key === key) continue;
      old?.runner.dispose();
      this.entries.set(config.name, this.createEntry(config, jumps, key));
      this.changed.fire(config.name);
    }
    for (const [name, e] of this.entries) {
      if (seen.has(name)) continue;
      e.runner.dispose();
      this.entries.delete(name);
      this.changed.fire(name);
    }
  }

  hosts(): HostSnapshot[] {
    return [...this.entries.values()].map((e) => this.snapshot(e));
  }

  host(name: string): HostSnapshot | undefined {
    const e = this.entries.get(name);
    return e && this.snapshot(e);
  }

  /** Re-reads a host's networks and VMs (two round trips); concurrent calls share one. */
  refresh(name: string): Promise<Result<NetworkSummary[]>> {
    const e = this.entries.get(name);
    if (!e) return Promise.resolve(fail('internal', `no host named ${name}`));
    if (e.refreshing) return e.refreshing;
    const generation = ++e.generation;
    e.status = 'loading';
    e.queued = false;
    let starting = true;
    const connection = e.connection;
    const p = this.scheduler
      .run({
        // Connected already (or local): straight to the read.
        connect: connection && connection.state !== 'connected' ? () => this.open(e, connection) : undefined,
        read: () => fetchHost(e.runner, this.uriOf(e.config), { timeoutMs: this.timeout() }),
        onPhase: (phase) => {
          if (e.queued === (phase === 'queued')) return;
          e.queued = phase === 'queued';
          if (!starting) this.changed.fire(name);
        },
        cancelled: () => (this.entries.get(name) !== e ? fail('internal', `host ${name} was removed`) : undefined),
      })
      .then((h): Result<NetworkSummary[]> => {
        const r = h.ok ? ok(h.value.networks) : h;
        if (this.entries.get(name) !== e || e.generation !== generation) return r;
        e.refreshing = undefined;
        e.queued = false;
        if (h.ok) {
          e.status = 'ready';
          e.networks = h.value.networks;
          e.vms = h.value.vms;
          e.vmError = h.value.vmError;
          e.error = undefined;
        } else {
          e.status = 'error';
          e.error = h.error;
        }
        this.changed.fire(name);
        return r;
      });
    starting = false;
    this.changed.fire(name);
    e.refreshing = p;
    return p;
  }

  /** Opens a host's connection for a refresh; a failure is logged as a command's would be (no argv: the login itself). */
  private async open(e: HostEntry, connection: SshConnection): Promise<Result<void>> {
    const started = Date.now();
    const r = await connection.open();
    if (!r.ok) {
      try {
        this.options.log?.({ host: e.config.name, runner: e.runner.description, argv: [], durationMs: Date.now() - started, code: undefined, stderr: r.error.stderr, error: r.error.message });
      } catch {
        // logging never breaks a refresh
      }
    }
    return r;
  }

  /** Hosts being read now (at most `maxConcurrentRefreshes`). */
  refreshesRunning(): number {
    return this.scheduler.reading;
  }

  /** Hosts being connected to for a refresh now (at most `maxConcurrentConnects`). */
  connectsRunning(): number {
    return this.scheduler.connecting;
  }

  /** Runs one virsh command (or batch) on a host. The caller refreshes afterwards. */
  run<T>(name: string, command: VirshCommand<T>, options: { timeoutMs?: number } = {}): Promise<Result<T>> {
    const e = this.entries.get(name);
    if (!e) return Promise.resolve(fail('internal', `no host named ${name}`));
    return runVirsh(e.runner, this.uriOf(e.config), command, { timeoutMs: options.timeoutMs ?? this.timeout() });
  }

  /**
   * The runner of a host, for commands that are not virsh (`fetchHostBridges`:
   * same connection, same quoting); undefined for an unknown host.
   */
  runnerOf(name: string): Runner | undefined {
    return this.entries.get(name)?.runner;
  }

  /** Closes a host's connection (the next command opens a new one). */
  disconnect(name: string): void {
    this.entries.get(name)?.connection?.close('disconnected by the user');
  }

  /** Forgets parsed keys (passphrases are asked again). */
  forgetKeys(): void {
    this.keyCache.clear();
  }

  dispose(): void {
    for (const e of this.entries.values()) e.runner.dispose();
    this.entries.clear();
    this.changed.dispose();
  }

  private createEntry(config: HostConfig, jumps: Result<JumpHost[]>, key: string): HostEntry {
    const log = (entry: CommandLogEntry) => this.options.log?.({ ...entry, host: config.name });
    if (config.local || !config.host) {
      return { config, key, runner: loggingRunner(createLocalRunner(), log), status: 'idle', generation: 0 };
    }
    if (!jumps.ok) {
      const error = jumps.error;
      return { config, key, runner: { description: `ssh ${config.host}`, run: async () => ({ ok: false, error }), dispose: () => undefined }, status: 'idle', generation: 0 };
    }
    const user = config.user ?? process.env.USER ?? 'root';
    const connection = new SshConnection(
      {
        host: config.host,
        port: config.port,
        username: user,
        identityFiles: config.identityFile ? [config.identityFile] : undefined,
        jumps: jumps.value.map((j) => ({ host: j.host, port: j.port, username: j.user ?? process.env.USER ?? 'root', identityFiles: j.identityFile ? [j.identityFile] : undefined })),
      },
      this.options.prompts,
      {
        knownHostsFile: this.options.knownHostsFile,
        hashKnownHosts: this.options.hashKnownHosts,
        connectTimeoutMs: this.timeouts.connectTimeoutMs,
        idleTimeoutMs: this.timeouts.idleTimeoutMs,
        keyCache: this.keyCache,
      },
    );
    connection.onDidChangeState(() => this.changed.fire(config.name));
    return { config, key, connection, runner: loggingRunner(createSshRunner(connection), log), status: 'idle', generation: 0 };
  }

  private snapshot(e: HostEntry): HostSnapshot {
    return { config: e.config, status: e.status, connection: e.connection ? e.connection.state : 'local', networks: e.networks, vms: e.vms, vmError: e.vmError, error: e.error, ...(e.queued ? { queued: true } : {}) };
  }

  private uriOf(config: HostConfig): string {
    return config.uri ?? DEFAULT_LIBVIRT_URI;
  }

  private timeout(): number {
    return this.timeouts.commandTimeoutMs;
  }
}

/**
 * A host's jump chain: resolved already (`jumpHosts`, from ~/.ssh/config),
 * or its `proxyJump` with hop names looked up among the other hosts, then
 * through `resolveJumpHost` (~/.ssh/config: `sshConfigJumpResolver`), a
 * first hop's own jump followed (proxyJump.ts: depth bound, loops refused).
 */
export function jumpChain(config: HostConfig, hosts: readonly HostConfig[], resolveJumpHost?: (name: string) => NamedJumpHost | undefined): Result<JumpHost[]> {
  if (config.jumpHosts) return ok([...config.jumpHosts]);
  if (!config.proxyJump) return ok([]);
  const chain = resolveJumpChain(
    config.proxyJump,
    (name) => {
      const h = hosts.find((o) => o.name === name && !o.local && o.host);
      if (h) return { host: h.host!, port: h.port, user: h.user, identityFile: h.identityFile, proxyJump: h.proxyJump, jumpHosts: h.jumpHosts };
      return resolveJumpHost?.(name);
    },
    config.name,
  );
  return chain.ok ? chain : fail('connect', `host "${config.name}": ${chain.error.message}`);
}
