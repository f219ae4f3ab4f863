/**
 * A test "KVM host" reached over SSH: OpenSSH's sshd on 127.0.0.1 (its own
 * host key, a test user in group libvirt) in front of a private libvirtd,
 * so the unmodified `virsh -c qemu:///system` runs there
 * (scripts/testbed/sshd.sh and libvirtd.sh). One per test process and
 * index; stopped by `stop()` or when the process exits.
 */
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as net from 'node:net';
import * as os from 'node:os';
import * as path from 'node:path';
import { knownHostsLine } from '../../client/src/remote/knownHosts';
import { startLibvirtd, type Libvirtd } from './oracle';

const SSHD = path.resolve(__dirname, '..', '..', 'scripts', 'testbed', 'sshd.sh');

export interface SshHost {
  readonly host: '127.0.0.1';
  readonly port: number;
  readonly user: string;
  /** The user's key without a passphrase. */
  readonly key: string;
  /** The same user's second key, protected by `passphrase`. */
  readonly keyWithPassphrase: string;
  readonly passphrase: string;
  /** The host's public key blob. */
  readonly hostKey: Buffer;
  /** The test user's home on the host (where a `touch pwned` would land). */
  readonly home: string;
  /** A known_hosts line for this host (plain `[127.0.0.1]:PORT`). */
  readonly knownHostsLine: string;
  readonly libvirtd?: Libvirtd;
  /** Kills sshd and every session (the connection drops); keys and accounts stay. */
  killSshd(): void;
  startSshd(): void;
  stop(): Promise<void>;
}

export function sshdInstalled(): boolean {
  return fs.existsSync('/usr/sbin/sshd') && spawnSync('sh', ['-c', 'command -v ssh-keygen'], { stdio: 'ignore' }).status === 0;
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = net.createServer();
    s.on('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const port = (s.address() as net.AddressInfo).port;
      s.close(() => resolve(port));
    });
  });
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** `jump`: the host may serve as a jump host (TCP forwarding to 127.0.0.1 only). */
export async function startSshHost(options: { index?: number; libvirtd?: boolean; jump?: boolean } = {}): Promise<SshHost> {
  const index = options.index ?? 0;
  // sshd state of earlier test processes that died before their cleanup.
  for (const d of fs.readdirSync(os.tmpdir())) {
    const m = /^vn-ssh-(\d+)-\d+$/.exec(d);
    if (m && !alive(Number(m[1]))) spawnSync('bash', [SSHD, 'clean'], { env: { ...process.env, VIRTNET_SSH_NAME: d }, timeout: 30_000 });
  }
  const libvirtd = options.libvirtd === false ? undefined : await startLibvirtd({ index });
  const name = `vn-ssh-${process.pid}-${index}`;
  const port = await freePort();
  const env = { ...process.env, VIRTNET_SSH_NAME: name, VIRTNET_SSH_PORT: String(port), VIRTNET_LV_DIR: libvirtd?.dir ?? '', VIRTNET_SSH_JUMP: options.jump ? '1' : '' };
  const run = (cmd: string) => spawnSync('bash', [SSHD, cmd], { env, encoding: 'utf8', timeout: 30_000 });
  const start = () => {
    const r = run('start');
    if (r.status !== 0) throw new Error(`scripts/testbed/sshd.sh start failed (exit ${r.status ?? r.signal}):\n${r.stderr}`);
  };
  try {
    start();
  } catch (e) {
    run('clean');
    await libvirtd?.stop();
    throw e;
  }
  const info = Object.fromEntries(
    run('info')
      .stdout.trim()
      .split('\n')
      .map((l) => [l.slice(0, l.indexOf('=')), l.slice(l.indexOf('=') + 1)]),
  );
  const hostKey = Buffer.from(fs.readFileSync(info.HOST_KEY_PUB, 'utf8').trim().split(/\s+/)[1], 'base64');
  let stopped = false;
  const stopSync = () => {
    if (stopped) return;
    stopped = true;
    run('clean');
  };
  process.once('exit', stopSync);
  return {
    host: '127.0.0.1',
    port,
    user: info.USER,
    key: info.KEY,
    keyWithPassphrase: info.KEY_PASSPHRASE_PROTECTED,
    passphrase: info.PASSPHRASE,
    hostKey,
    home: info.HOME_DIR,
    knownHostsLine: knownHostsLine('127.0.0.1', port, hostKey),
    libvirtd,
    killSshd: () => void run('stop'),
    startSshd: start,
    stop: async () => {
      process.removeListener('exit', stopSync);
      stopSync();
      await libvirtd?.stop();
    },
  };
}

/** A "host" on 127.0.0.1 that accepts TCP connections and never says a word (a hung host, a firewall that drops). */
export async function startSilentHost(): Promise<{ readonly port: number; close(): void }> {
  const sockets: net.Socket[] = [];
  const server = net.createServer((s) => sockets.push(s.on('error', () => undefined)));
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  return {
    port: (server.address() as net.AddressInfo).port,
    close() {
      for (const s of sockets) s.destroy();
      server.close();
    },
  };
}
