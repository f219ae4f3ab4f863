/**
 * The real libvirt tools as an oracle for test/comparison.test.ts. A
 * document is rejected when libvirt's define or `virt-xml-validate` (the RNG
 * schemas) rejects it.
 *
 * - Networks are defined on a REAL libvirtd (its network driver runs the
 *   checks real hosts run at `net-define`: networkValidate, bridge names in
 *   use, …), started by scripts/testbed/libvirtd.sh in its own network
 *   namespace (`startLibvirtd`). Each workspace's networks are defined in one
 *   virsh batch and undefined right after, one workspace at a time, so
 *   fixtures never see each other.
 * - Host interfaces and domains use `virsh` on the test driver with an empty
 *   `<node/>` state (no QEMU on the test machine; the interface driver needs
 *   netcf/udev): libvirt's own parser and generic validation.
 *
 * All documents of one workspace are defined together (one virsh batch on the
 * test driver; one after the other on the daemon, through one long-lived
 * interactive virsh), so that duplicates between them are seen. A virsh
 * batch's exit status is the last command's only, so each command's success
 * is read from its "… defined from PATH" line on stdout, and its error from
 * the stderr lines between `echo` markers.
 */
import { spawn, spawnSync, type ChildProcessWithoutNullStreams } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { parseXml } from '../../server/src/parse/xml';
import { kindOfRoot } from '../../server/src/service/documentKind';
import type { LibvirtKind } from '../../server/src/service/types';

export interface OracleInput {
  /** Absolute path of the document on disk. */
  readonly path: string;
  readonly text: string;
}

export interface OracleVerdict {
  readonly path: string;
  readonly kind: LibvirtKind;
  /** Accepted by the define command (on the daemon for networks when one is given). */
  readonly virshAccepted: boolean;
  readonly schemaValid: boolean;
  readonly rejected: boolean;
  /** What the tools said (stderr), for assertion messages. */
  readonly messages: string;
}

export function libvirtToolsInstalled(): boolean {
  const ok = (cmd: string) => spawnSync('sh', ['-c', `command -v ${cmd}`], { stdio: 'ignore' }).status === 0;
  return ok('virsh') && ok('virt-xml-validate');
}

export function kindOfText(text: string): LibvirtKind | undefined {
  return kindOfRoot(parseXml(text).root);
}

const VIRSH_COMMAND: Record<LibvirtKind, string> = {
  'libvirt-network': 'net-define',
  'libvirt-host-interface': 'iface-define',
  'libvirt-domain': 'define',
  'libvirt-domain-interface': 'define', // wrapped into a minimal domain first
};
const SCHEMA: Record<LibvirtKind, string> = {
  'libvirt-network': 'network',
  'libvirt-host-interface': 'interface',
  'libvirt-domain': 'domain',
  'libvirt-domain-interface': 'domain',
};

/**
 * A lone domain `<interface>` placed in the smallest domain both virsh (test
 * driver) and the schema accept. The test driver does not implement
 * attach-device, so wrapping is the way to run the device parser on it.
 */
export function wrapDomainInterface(text: string, name: string): string {
  const body = text.replace(/^\ufeff?\s*<\?xml[^?]*\?>/, '');
  return `<domain type='test'><name>${name}</name><memory>1024</memory><os><type>hvm</type></os><devices>\n${body}\n</devices></domain>\n`;
}

interface Run {
  readonly code: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

/** Runs at most `limit` child processes at a time (virsh and xmllint start in ~20 ms; many fixtures). */
class Pool {
  private active = 0;
  private readonly waiting: (() => void)[] = [];
  constructor(private readonly limit: number) {}
  async run(cmd: string, args: readonly string[], env: NodeJS.ProcessEnv = { ...process.env, LC_ALL: 'C' }): Promise<Run> {
    if (this.active >= this.limit) await new Promise<void>((r) => this.waiting.push(r));
    this.active++;
    try {
      return await new Promise<Run>((resolve) => {
        const p = spawn(cmd, args, { env, stdio: ['ignore', 'pipe', 'pipe'] });
        let stdout = '';
        let stderr = '';
        p.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
        p.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
        const timer = setTimeout(() => p.kill('SIGKILL'), 30_000);
        p.on('error', (e) => {
          clearTimeout(timer);
          resolve({ code: -1, stdout, stderr: stderr + String(e) });
        });
        p.on('close', (code) => {
          clearTimeout(timer);
          resolve({ code, stdout, stderr });
        });
      });
    } finally {
      this.active--;
      this.waiting.shift()?.();
    }
  }
}

const pool = new Pool(Math.max(2, Math.min(8, os.cpus().length * 2)));

/** virsh's own argument syntax: single quotes, no escapes inside. */
function virshQuote(s: string): string {
  if (s.includes("'")) throw new Error(`path with a quote cannot be passed to virsh: ${s}`);
  return `'${s}'`;
}

/** Text between `echo --err` markers: stderr of each command of a batch. */
const MARK = '@@virtnet-cmd@@';
function batchOf(commands: readonly string[]): string {
  return [...commands.map((c) => `echo --err ${MARK} ; ${c}`), `echo --err ${MARK}`].join(' ; ');
}
function stderrPerCommand(stderr: string, n: number): string[] {
  // virsh prints `echo --err X` as "error: X".
  const parts = stderr.split(new RegExp(`^.*${MARK}\\n?`, 'm')).slice(1, n + 1).map((p) => p.trim());
  while (parts.length < n) parts.push(stderr.trim()); // virsh died early: give everything
  return parts;
}
/** "Network NAME defined from PATH" / "Domain NAME defined from PATH" → PATH. */
function definedFrom(stdout: string): Set<string> {
  return new Set(
    stdout
      .split('\n')
      .map((l) => / defined from (.*)$/.exec(l.trim())?.[1])
      .filter((x): x is string => x !== undefined),
  );
}

// ---------------------------------------------------------------- libvirtd

export interface Libvirtd {
  /** `qemu+unix:///system?socket=…` of the private daemon. */
  readonly uri: string;
  /** Its state directory (VIRTNET_LV_DIR): accounts and socket directory, for scripts/testbed/sshd.sh. */
  readonly dir: string;
  /** Undefines what is left, stops the daemon, deletes its namespace and state. */
  stop(): Promise<void>;
}

function processAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** scripts/testbed/libvirtd.sh, found from this file or from a bundle in out/. */
const TESTBED = (() => {
  for (let d = __dirname; ; d = path.dirname(d)) {
    const p = path.join(d, 'scripts', 'testbed', 'libvirtd.sh');
    if (fs.existsSync(p) || path.dirname(d) === d) return p;
  }
})();

/**
 * Starts a private libvirtd in its own network namespace (one per test
 * process and `index`: the namespace is named after the pid). Rejects with
 * the script's output, which quotes the daemon's log, when it does not come up.
 */
export async function startLibvirtd(options: { index?: number } = {}): Promise<Libvirtd> {
  const envFor = (name: string) => ({ ...process.env, LC_ALL: 'C', VIRTNET_LV_NAME: name, VIRTNET_LV_DIR: path.join(os.tmpdir(), name) });
  // Daemons of earlier test processes that were killed before their cleanup ran.
  const netns = spawnSync('ip', ['netns', 'list'], { encoding: 'utf8' });
  for (const line of (netns.stdout ?? '').split('\n')) {
    const stale = /^(vn-lv-(\d+)(?:-\d+)?)(?:\s|$)/.exec(line);
    if (stale && !processAlive(Number(stale[2]))) spawnSync('bash', [TESTBED, 'stop'], { env: envFor(stale[1]), timeout: 60_000 });
  }
  // One daemon per test process and index (a second host); at most 15 characters.
  const name = `vn-lv-${process.pid}${options.index ? `-${options.index}` : ''}`.slice(0, 15);
  const env = envFor(name);
  const run = (cmd: string) => spawnSync('bash', [TESTBED, cmd], { env, encoding: 'utf8', timeout: 60_000 });
  const r = run('start');
  if (r.status !== 0) {
    run('stop');
    throw new Error(`could not start libvirtd (scripts/testbed/libvirtd.sh start, exit ${r.status ?? r.signal}):\n${(r.stderr || String(r.error ?? '')).trim()}`);
  }
  const uri = r.stdout.trim().split('\n').pop() ?? '';
  let stopped = false;
  const stopSync = () => {
    if (stopped) return;
    stopped = true;
    run('stop');
  };
  // A test process that dies between start and stop must not leave the daemon behind.
  process.once('exit', stopSync);
  return {
    uri,
    dir: env.VIRTNET_LV_DIR,
    stop: async () => {
      if (stopped) return;
      stopped = true;
      process.removeListener('exit', stopSync);
      await shells.get(uri)?.close();
      shells.delete(uri);
      const s = await new Pool(1).run('bash', [TESTBED, 'stop'], env);
      if (s.code !== 0) throw new Error(`libvirtd.sh stop failed: ${s.stderr}`);
    },
  };
}

/** Lines of a child's output stream, handed out up to a marker line. */
class LineReader {
  private buf = '';
  private readonly lines: string[] = [];
  private wake: (() => void) | undefined;
  private ended = false;
  constructor(stream: NodeJS.ReadableStream) {
    stream.setEncoding('utf8');
    stream.on('data', (d: string) => {
      this.buf += d;
      const parts = this.buf.split('\n');
      this.buf = parts.pop() ?? '';
      this.lines.push(...parts);
      this.wake?.();
    });
    stream.on('end', () => {
      this.ended = true;
      this.wake?.();
    });
  }
  /** The lines before the first line `isMarker` accepts (which is consumed). */
  async until(isMarker: (line: string) => boolean): Promise<string[]> {
    for (;;) {
      const i = this.lines.findIndex(isMarker);
      if (i >= 0) return this.lines.splice(0, i + 1).slice(0, i);
      if (this.ended) throw new Error(`virsh ended early; its last output:\n${this.lines.join('\n')}`);
      await new Promise<void>((r) => (this.wake = r));
      this.wake = undefined;
    }
  }
}

/**
 * One interactive `virsh -c URI` fed command by command on stdin: the
 * daemon's verdicts cost a few milliseconds each instead of a virsh start
 * (~30 ms) per call. After each command, `echo MARK` and `echo --err MARK`
 * delimit its stdout and stderr. Not `-q`: it hides the "defined from" lines.
 */
class VirshShell {
  private readonly proc: ChildProcessWithoutNullStreams;
  private readonly out: LineReader;
  private readonly err: LineReader;
  private static readonly MARK = '@@virtnet-shell-mark@@';
  constructor(uri: string) {
    this.proc = spawn('virsh', ['-c', uri], { env: { ...process.env, LC_ALL: 'C' }, stdio: ['pipe', 'pipe', 'pipe'] });
    this.proc.on('error', () => undefined); // reported through the readers ending
    this.out = new LineReader(this.proc.stdout);
    this.err = new LineReader(this.proc.stderr);
  }
  async run(command: string): Promise<{ stdout: string[]; stderr: string[] }> {
    const M = VirshShell.MARK;
    this.proc.stdin.write(`${command}\necho ${M}\necho --err ${M}\n`);
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new Error(`virsh did not answer within 30 s: ${command}`)), 30_000);
    });
    try {
      // The input is echoed as "virsh # …" lines: markers are whole lines only.
      const stdout = await Promise.race([this.out.until((l) => l === M), timeout]);
      const stderr = await Promise.race([this.err.until((l) => l === `error: ${M}` || l === M), timeout]);
      return { stdout: stdout.filter((l) => !l.startsWith('virsh # ')), stderr };
    } finally {
      clearTimeout(timer);
    }
  }
  close(): Promise<void> {
    return new Promise((resolve) => {
      if (this.proc.exitCode !== null || this.proc.signalCode !== null) return resolve();
      this.proc.once('close', () => resolve());
      this.proc.stdin.end('quit\n');
      setTimeout(() => this.proc.kill('SIGKILL'), 5_000).unref();
    });
  }
}

const shells = new Map<string, VirshShell>();
function shellFor(uri: string): VirshShell {
  let s = shells.get(uri);
  if (!s) shells.set(uri, (s = new VirshShell(uri)));
  return s;
}

/** One workspace at a time on the daemon: fixtures must not see each other. */
let daemonQueue: Promise<unknown> = Promise.resolve();
function exclusive<T>(f: () => Promise<T>): Promise<T> {
  const next = daemonQueue.then(f, f);
  daemonQueue = next.catch(() => undefined);
  return next;
}

interface DefineResult {
  readonly accepted: boolean[];
  readonly messages: string[];
}

/**
 * `net-define` of each file of one workspace on the real daemon (in order,
 * so the later of two clashing definitions is the one rejected), then
 * `net-undefine` of everything defined, then a check that nothing is left.
 */
function defineNetworksOnDaemon(uri: string, files: readonly string[]): Promise<DefineResult> {
  return exclusive(async () => {
    const shell = shellFor(uri);
    const accepted: boolean[] = [];
    const messages: string[] = [];
    for (const f of files) {
      const r = await shell.run(`net-define ${virshQuote(f)}`);
      accepted.push(definedFrom(r.stdout.join('\n')).has(f));
      messages.push(r.stderr.join('\n').trim());
    }
    const uuids = async () => (await shell.run('net-list --all --uuid')).stdout.map((l) => l.trim()).filter((l) => l !== '');
    for (const u of await uuids()) {
      const r = await shell.run(`net-undefine ${virshQuote(u)}`);
      if (r.stderr.length > 0) throw new Error(`could not undefine network ${u} on the test daemon: ${r.stderr.join('\n')}`);
    }
    const left = await uuids();
    if (left.length > 0) throw new Error(`networks left on the test daemon: ${left.join(', ')}`);
    return { accepted, messages };
  });
}

/** `define`/`iface-define`/`net-define` of each file in one batch on a fresh test driver. */
async function defineOnTestDriver(tmp: string, docs: readonly { kind: LibvirtKind; file: string }[]): Promise<DefineResult> {
  if (docs.length === 0) return { accepted: [], messages: [] };
  const node = path.join(tmp, 'node.xml');
  fs.writeFileSync(node, '<node/>\n');
  const r = await pool.run('virsh', ['-c', `test://${node}`, batchOf(docs.map((d) => `${VIRSH_COMMAND[d.kind]} ${virshQuote(d.file)}`))]);
  if (r.code === -1) throw new Error(`virsh could not be run: ${r.stderr}`);
  const defined = definedFrom(r.stdout);
  return { accepted: docs.map((d) => defined.has(d.file)), messages: stderrPerCommand(r.stderr, docs.length) };
}

export interface JudgeOptions {
  /**
   * URI of a real libvirtd (`startLibvirtd`) that judges the networks;
   * without it networks go to the test driver like everything else.
   */
  readonly libvirtdUri?: string;
}

/** Judges the documents of one workspace (files that are not libvirt XML are left out). */
export async function judge(files: readonly OracleInput[], options: JudgeOptions = {}): Promise<OracleVerdict[]> {
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'virtnet-oracle-'));
  try {
    const docs: { input: OracleInput; kind: LibvirtKind; file: string; onDaemon: boolean }[] = [];
    files.forEach((f, i) => {
      const kind = kindOfText(f.text);
      if (!kind) return;
      let file = f.path;
      if (kind === 'libvirt-domain-interface') {
        file = path.join(tmp, `nic-${i}.xml`);
        fs.writeFileSync(file, wrapDomainInterface(f.text, `virtnet-nic-${i}`));
      }
      docs.push({ input: f, kind, file, onDaemon: kind === 'libvirt-network' && options.libvirtdUri !== undefined });
    });
    if (docs.length === 0) return [];
    const daemonDocs = docs.filter((d) => d.onDaemon);
    const driverDocs = docs.filter((d) => !d.onDaemon);
    const [daemon, driver, ...schema] = await Promise.all([
      daemonDocs.length > 0 ? defineNetworksOnDaemon(options.libvirtdUri ?? '', daemonDocs.map((d) => d.file)) : { accepted: [], messages: [] },
      defineOnTestDriver(tmp, driverDocs),
      ...docs.map((d) => pool.run('virt-xml-validate', [d.file, SCHEMA[d.kind]])),
    ]);
    return docs.map((d, i) => {
      const [res, j, who] = d.onDaemon ? [daemon, daemonDocs.indexOf(d), 'libvirtd'] : [driver, driverDocs.indexOf(d), 'virsh (test driver)'];
      const virshAccepted = res.accepted[j];
      const schemaValid = schema[i].code === 0;
      const messages = [virshAccepted ? '' : `${who}: ${res.messages[j]}`, schemaValid ? '' : `virt-xml-validate: ${schema[i].stderr.trim()}`]
        .filter(Boolean)
        .join('\n');
      return { path: d.input.path, kind: d.kind, virshAccepted, schemaValid, rejected: !virshAccepted || !schemaValid, messages };
    });
  } finally {
    fs.rmSync(tmp, { recursive: true, force: true });
  }
}
