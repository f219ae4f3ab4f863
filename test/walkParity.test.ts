/**
 * `virtnet lint DIR` and the editor opened on DIR check the same files (one
 * walker, files/walk.ts): the real built CLI and the real built server over
 * stdio, on one tree with skipped folders, dot-folders, interfaces.d files,
 * symbolic links and a too-deep folder. Same files, same diagnostics.
 */
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { after, before, test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { ensureBuilt, runCli } from './helpers/cli';
import { TestClient } from './lsp/lspClient';

// Every file has something to say (the server publishes nothing for a clean closed file), so
// the files the server indexed are the files it published diagnostics for.
/** A bridge name over 15 characters: libvirt/bridge-name-too-long. */
const net = (name: string, bridge: string, subnet: number) =>
  `<network>\n  <name>${name}</name>\n  <bridge name='${bridge}-bridge-name'/>\n  <ip address='10.${subnet}.0.1' prefix='24'/>\n</network>\n`;
/** netplan/gateway-deprecated. */
const NETPLAN = 'network:\n  version: 2\n  ethernets:\n    eno1:\n      addresses: [192.168.9.2/24]\n      gateway4: 192.168.9.1\n';
/** ifupdown/auto-without-iface. */
const STANZAS = 'auto br0 eth7\niface br0 inet dhcp\n    bridge_ports eno1\n';

let root: string;
let outside: string;

/** The tree: what both must check is listed in EXPECTED; everything else is a trap one of the old walkers fell into. */
const EXPECTED = ['a.xml', 'etc/netplan/01.yaml', 'etc/network/interfaces', 'etc/network/interfaces.d/br0', 'sub/deep/b.xml'];

function write(rel: string, text: string, base = root): void {
  const p = path.join(base, rel);
  fs.mkdirSync(path.dirname(p), { recursive: true });
  fs.writeFileSync(p, text);
}

before(() => {
  ensureBuilt();
  root = fs.mkdtempSync(path.join(os.tmpdir(), 'virtnet-walk-'));
  outside = fs.mkdtempSync(path.join(os.tmpdir(), 'virtnet-walk-outside-'));
  write('a.xml', net('same', 'virbr1', 1));
  write('pom.xml', '<project><modelVersion>4.0.0</modelVersion></project>\n');
  write('sub/deep/b.xml', net('b', 'virbr2', 2));
  write('etc/netplan/01.yaml', NETPLAN);
  write('etc/network/interfaces', 'auto lo eth6\niface lo inet loopback\nsource /etc/network/interfaces.d/*\n');
  write('etc/network/interfaces.d/br0', STANZAS);
  // Not candidates: another language's extension, and a dot-file, in interfaces.d.
  write('etc/network/interfaces.d/setup.sh', STANZAS.replace(/br0/g, 'br8'));
  write('etc/network/interfaces.d/.br9', STANZAS.replace(/br0/g, 'br9'));
  // Skipped folders: dependencies, VCS, virtualenvs, and every dot-folder.
  write('node_modules/pkg/same.xml', net('same', 'virbr3', 3));
  write('.git/same.xml', net('same', 'virbr4', 4));
  write('venv/lib/same.xml', net('same', 'virbr5', 5));
  write('.config/netplan/01.yaml', NETPLAN);
  // Deeper than 20 levels below the root.
  write(`${Array.from({ length: 22 }, (_, i) => `d${i}`).join('/')}/same.xml`, net('same', 'virbr6', 6));
  // Symbolic links (to a file and to a folder outside the tree) are not followed.
  write('ext.xml', net('same', 'virbr7', 7), outside);
  write('netplan/02.yaml', NETPLAN, outside);
  fs.symlinkSync(path.join(outside, 'ext.xml'), path.join(root, 'linked.xml'));
  fs.symlinkSync(path.join(outside, 'netplan'), path.join(root, 'linked-dir'));
});

after(() => {
  for (const d of [root, outside]) if (d) fs.rmSync(d, { recursive: true, force: true });
});

interface JsonOut {
  files: { path: string; diagnostics: { code: string; range: unknown }[] }[];
}

test('virtnet lint DIR and the language server on DIR check the same files and report the same diagnostics', async () => {
  const r = runCli(['lint', '--format', 'json', '.'], { cwd: root });
  assert.notEqual(r.code, 2, r.stderr);
  const cli = JSON.parse(r.stdout) as JsonOut;
  assert.deepEqual(cli.files.map((f) => f.path), EXPECTED);
  for (const f of cli.files) assert.ok(f.diagnostics.length > 0, `${f.path} has something to say`);
  assert.match(r.stderr, /d20: more than 20 levels deep, skipped/);

  const client = await TestClient.start({ folders: [root] });
  try {
    const indexed = await client.whenIndexed();
    assert.equal(indexed.libvirtFiles + indexed.netplanFiles + indexed.interfacesFiles, EXPECTED.length);
    const server = new Map<string, string[]>();
    for (const [uri, p] of client.latest) server.set(path.relative(root, fileURLToPath(uri)).split(path.sep).join('/'), p.diagnostics.map((d) => String(d.code)).sort());
    assert.deepEqual([...server.keys()].sort(), EXPECTED);
    for (const f of cli.files) assert.deepEqual(f.diagnostics.map((d) => d.code).sort(), server.get(f.path), f.path);
  } finally {
    await client.stop();
  }
});
