/**
 * The architecture invariants of ARCHITECTURE.md, checked on the sources:
 * what may import what.
 */
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { test } from 'node:test';

const root = path.resolve(__dirname, '..');

/** The .ts files under `dir`; a folder that does not exist is an error (a renamed folder must not pass unchecked). */
function sources(dir: string): string[] {
  const out: string[] = [];
  assert.ok(fs.existsSync(path.join(root, dir)), `${dir} does not exist: update the architecture test`);
  const walk = (d: string) => {
    for (const e of fs.readdirSync(d, { withFileTypes: true })) {
      const p = path.join(d, e.name);
      if (e.isDirectory()) walk(p);
      else if (p.endsWith('.ts')) out.push(p);
    }
  };
  walk(path.join(root, dir));
  return out;
}

function imports(file: string): string[] {
  // Comments may quote code (e.g. a regeneration command); only code counts.
  const text = fs.readFileSync(file, 'utf8').replace(/\/\*[\s\S]*?\*\//g, '').replace(/^\s*\/\/.*$/gm, '');
  return [...text.matchAll(/(?:import|export)\s[^'"]*?from\s+['"]([^'"]+)['"]|require\(\s*['"]([^'"]+)['"]\s*\)|import\(\s*['"]([^'"]+)['"]\s*\)/g)].map((m) => m[1] ?? m[2] ?? m[3]);
}

test('only server.ts and lsp/ import vscode-languageserver (the service is transport-free)', () => {
  const offenders = sources('server/src')
    .filter((f) => !f.endsWith(path.join('server', 'src', 'server.ts')) && !f.includes(`${path.sep}lsp${path.sep}`))
    .filter((f) => imports(f).some((m) => m === 'vscode-languageserver' || m.startsWith('vscode-languageserver/') || m === 'vscode-jsonrpc'))
    .map((f) => path.relative(root, f));
  assert.deepEqual(offenders, []);
});

/** The folders of the pure language service (ARCHITECTURE.md, "Architecture Invariant"). */
const PURE_FOLDERS = ['parse', 'model', 'checks', 'service', 'workspace', 'schema', 'net', 'text', 'netplan', 'ifupdown', 'features'];

test('the language service does no I/O (no fs, net, child_process in its folders)', () => {
  const pure = PURE_FOLDERS.flatMap((d) => {
    const files = sources(`server/src/${d}`);
    assert.ok(files.length > 0, `server/src/${d} holds no sources`);
    return files;
  });
  const banned = /^(node:)?(fs|fs\/promises|net|http|https|child_process|dgram|tls|worker_threads)$/;
  const offenders = pure.filter((f) => imports(f).some((m) => banned.test(m))).map((f) => path.relative(root, f));
  assert.deepEqual(offenders, []);
});

test('nothing in server/ imports vscode, and client/src/remote does not import vscode', () => {
  const offenders = [...sources('server/src'), ...sources('client/src/remote')]
    .filter((f) => imports(f).some((m) => m === 'vscode'))
    .map((f) => path.relative(root, f));
  assert.deepEqual(offenders, []);
});

test('client/src/remote imports only Node, ssh2, ssh-config, itself, the pure server folders parse/model/net and the host facts format (no vscode, no LSP client)', () => {
  const files = sources('client/src/remote');
  assert.ok(files.length > 3);
  const allowed = (file: string, m: string) => {
    if (m.startsWith('node:') || m === 'ssh2' || m === 'ssh-config') return true;
    if (!m.startsWith('.')) return false;
    const target = path.relative(root, path.resolve(path.dirname(file), m));
    // hostFactsFormat.ts: the host facts' JSON shape, shared by the client that sends it and the server that reads it.
    return target.startsWith(path.join('client', 'src', 'remote')) || /^server[\\/]src[\\/](parse|model|net)[\\/]/.test(target) || target === path.join('server', 'src', 'workspace', 'hostFactsFormat');
  };
  const offenders = files.flatMap((f) => imports(f).filter((m) => !allowed(f, m)).map((m) => `${path.relative(root, f)}: ${m}`));
  assert.deepEqual(offenders, []);
});

test('the shared walker (files/walk.ts) does no I/O of its own: the file system is injected', () => {
  const banned = /^(node:)?(fs|fs\/promises|net|http|https|child_process|dgram|tls|worker_threads)$/;
  const walker = path.join(root, 'server', 'src', 'files', 'walk.ts');
  assert.deepEqual(imports(walker).filter((m) => banned.test(m)), []);
  // Both callers use it.
  for (const caller of ['server/src/cli/files.ts', 'server/src/lsp/workspaceScan.ts']) assert.ok(imports(path.join(root, caller)).includes('../files/walk'), caller);
});

/** The UI's decisions, tested without VS Code: the tree model, the hosts setting, error advice, the log line, passphrase keeping. */
const PURE_UI_MODULES = [
  'client/src/views/hostsTreeModel.ts',
  'client/src/views/vmViews.ts',
  'client/src/views/markdown.ts',
  'client/src/views/hostSettings.ts',
  'client/src/views/errorAdvice.ts',
  'client/src/log/commandLog.ts',
  'client/src/ssh/passphraseKeeper.ts',
];

test('the pure UI modules import neither vscode nor anything that does, and reach the remote layer only through its index', () => {
  const offenders = PURE_UI_MODULES.flatMap((f) => {
    const file = path.join(root, f);
    assert.ok(fs.existsSync(file), `${f} does not exist: update the architecture test`);
    return imports(file)
      .filter((m) => m === 'vscode' || m.startsWith('vscode-') || (m.startsWith('.') && !PURE_UI_MODULES.includes(path.relative(root, path.resolve(path.dirname(file), `${m}.ts`))) && !/[\\/]remote$/.test(m)))
      .map((m) => `${f}: ${m}`);
  });
  assert.deepEqual(offenders, []);
});

/** What the entry bundle (out/extension.js) may hold: activation pays for every byte of it. */
const ENTRY_MODULES = ['client/src/extension.ts', 'client/src/commands/networkXmlScheme.ts', 'client/src/targetHostsSetting.ts'];

test('the entry (extension.ts) reaches only vscode, Node and lazy/ at run time: the hosts and language client parts are loaded with loadPart()', () => {
  // Run-time imports only: `import type` is erased by esbuild.
  const runtimeImports = (file: string) => imports(file).filter((m) => !new RegExp(`import\\s+type\\s[^'"]*?from\\s+['"]${m.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}['"]`).test(fs.readFileSync(file, 'utf8')));
  const seen = new Set<string>();
  const offenders: string[] = [];
  const visit = (rel: string) => {
    if (seen.has(rel)) return;
    seen.add(rel);
    for (const m of runtimeImports(path.join(root, rel))) {
      if (m === 'vscode' || m.startsWith('node:')) continue;
      const target = m.startsWith('.') ? path.relative(root, path.resolve(path.dirname(path.join(root, rel)), `${m}.ts`)) : m;
      if (ENTRY_MODULES.includes(target) || target.startsWith(path.join('client', 'src', 'lazy') + path.sep)) visit(target);
      else offenders.push(`${rel}: ${m}`);
    }
  };
  visit('client/src/extension.ts');
  assert.deepEqual(offenders, []);
});
