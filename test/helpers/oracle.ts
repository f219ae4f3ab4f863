/**
 * The real libvirt tools as an oracle for test/comparison.test.ts:
 * `virsh` on the test driver with an empty `<node/>` state (libvirt's own
 * parser and generic validation) and `virt-xml-validate` (the RNG schemas).
 * A document is rejected when either rejects it.
 *
 * All documents of one workspace are defined in ONE virsh invocation, so
 * that duplicates between them are seen. A virsh batch's exit status is the
 * last command's only, so each command's success is read from its
 * "… defined from PATH" line on stdout.
 */
import { spawn, spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { parseXml } from '../../server/src/parse/xml';
import { kindOfRoot } from '../../server/src/service/documentKind';
import type { DocKind } from '../../server/src/service/types';

export interface OracleInput {
  /** Absolute path of the document on disk. */
  readonly path: string;
  readonly text: string;
}

export interface OracleVerdict {
  readonly path: string;
  readonly kind: DocKind;
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

export function kindOfText(text: string): DocKind | undefined {
  return kindOfRoot(parseXml(text).root);
}

const VIRSH_COMMAND: Record<DocKind, string> = {
  'libvirt-network': 'net-define',
  'libvirt-host-interface': 'iface-define',
  'libvirt-domain': 'define',
  'libvirt-domain-interface': 'define', // wrapped into a minimal domain first
};
const SCHEMA: Record<DocKind, string> = {
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
  async run(cmd: string, args: readonly string[]): Promise<Run> {
    if (this.active >= this.limit) await new Promise<void>((r) => this.waiting.push(r));
    this.active++;
    try {
      return await new Promise<Run>((resolve) => {
        const p = spawn(cmd, args, { env: { ...process.env, LC_ALL: 'C' }, stdio: ['ignore', 'pipe', 'pipe'] });
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

/** Judges the documents of one workspace (files that are not libvirt XML are left out). */
export async function judge(files: readonly OracleInput[]): Promise<OracleVerdict[]> {
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'virtnet-oracle-'));
  try {
    fs.writeFileSync(path.join(tmp, 'node.xml'), '<node/>\n');
    const docs: { input: OracleInput; kind: DocKind; file: string }[] = [];
    files.forEach((f, i) => {
      const kind = kindOfText(f.text);
      if (!kind) return;
      let file = f.path;
      if (kind === 'libvirt-domain-interface') {
        file = path.join(tmp, `nic-${i}.xml`);
        fs.writeFileSync(file, wrapDomainInterface(f.text, `virtnet-nic-${i}`));
      }
      docs.push({ input: f, kind, file });
    });
    if (docs.length === 0) return [];
    const batch = docs.map((d) => `${VIRSH_COMMAND[d.kind]} ${virshQuote(d.file)}`).join(' ; ');
    const virshRun = pool.run('virsh', ['-c', `test://${path.join(tmp, 'node.xml')}`, batch]);
    const schemaRuns = docs.map((d) => pool.run('virt-xml-validate', [d.file, SCHEMA[d.kind]]));
    const [virsh, ...schema] = await Promise.all([virshRun, ...schemaRuns]);
    if (virsh.code === -1) throw new Error(`virsh could not be run: ${virsh.stderr}`);
    const definedFrom = new Set(
      virsh.stdout
        .split('\n')
        .map((l) => / defined from (.*)$/.exec(l.trim())?.[1])
        .filter((x): x is string => x !== undefined),
    );
    return docs.map((d, i) => {
      const virshAccepted = definedFrom.has(d.file);
      const schemaValid = schema[i].code === 0;
      const messages = [virshAccepted ? '' : `virsh: ${virsh.stderr.trim()}`, schemaValid ? '' : `virt-xml-validate: ${schema[i].stderr.trim()}`]
        .filter(Boolean)
        .join('\n');
      return { path: d.input.path, kind: d.kind, virshAccepted, schemaValid, rejected: !virshAccepted || !schemaValid, messages };
    });
  } finally {
    fs.rmSync(tmp, { recursive: true, force: true });
  }
}
