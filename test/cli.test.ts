/**
 * `virtnet lint` end to end: the built out/cli.js on temporary trees.
 */
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { after, before, test } from 'node:test';
import { CLI, ensureBuilt, runCli, tempTree } from './helpers/cli';

const NAT = `<network>
  <name>nat</name>
  <forward mode='nat'/>
  <bridge name='virbr5'/>
  <ip address='192.168.50.1' netmask='255.255.255.0'>
    <dhcp>
      <range start='192.168.50.2' end='192.168.50.254'/>
    </dhcp>
  </ip>
</network>
`;
/** A syntax error on line 3, columns 13..: an unquoted attribute value. */
const BROKEN = `<network>
  <name>broken</name>
  <bridge name=virbr6/>
</network>
`;
const netNamed = (name: string, uuid: string, bridge: string, subnet: number) => `<network>
  <name>${name}</name>
  <uuid>${uuid}</uuid>
  <bridge name='${bridge}'/>
  <ip address='10.${subnet}.0.1' prefix='24'/>
</network>
`;

const dirs: string[] = [];
const tree = (files: Record<string, string | Buffer>) => {
  const d = tempTree(files);
  dirs.push(d);
  return d;
};

before(() => ensureBuilt());
after(() => {
  for (const d of dirs) {
    fs.chmodSync(d, 0o755);
    fs.rmSync(d, { recursive: true, force: true });
  }
});

test('text output: file:line:col: severity code: message, directories walked, node_modules/.git/non-libvirt skipped, exit 1 on errors', () => {
  const d = tree({
    'nat.xml': NAT,
    'sub/deeper/broken.xml': BROKEN,
    'node_modules/pkg/broken.xml': BROKEN,
    '.git/broken.xml': BROKEN,
    'pom.xml': '<project><modelVersion>4.0.0</modelVersion></project>\n',
    'notes.txt': BROKEN,
  });
  const r = runCli(['lint', '.'], { cwd: d });
  assert.equal(r.code, 1, r.stderr);
  const lines = r.stdout.trimEnd().split('\n');
  assert.ok(lines.length >= 1);
  for (const l of lines) assert.match(l, /^sub\/deeper\/broken\.xml:\d+:\d+: (error|warning|information|hint) [\w/-]+: .+$/);
  assert.match(lines[0], /^sub\/deeper\/broken\.xml:3:16: error xml\/syntax: /);
  assert.match(r.stderr, /1 error and 0 warnings in 2 files checked/);
});

test('the lint word is optional, and a clean tree exits 0', () => {
  const d = tree({ 'a/nat.xml': NAT });
  const r = runCli([d]);
  assert.equal(r.code, 0, r.stdout + r.stderr);
  assert.equal(r.stdout, '');
});

test('JSON output has exactly the documented shape, LSP positions, every checked file listed', () => {
  const d = tree({ 'nat.xml': NAT, 'broken.xml': BROKEN, 'other.xml': '<foo/>\n' });
  const r = runCli(['lint', '--format', 'json', '.'], { cwd: d });
  assert.equal(r.code, 1, r.stderr);
  const out = JSON.parse(r.stdout) as { files: { path: string; diagnostics: unknown[] }[] };
  assert.deepEqual(Object.keys(out), ['files']);
  assert.deepEqual(out.files.map((f) => f.path), ['broken.xml', 'nat.xml']);
  assert.deepEqual(out.files[1], { path: 'nat.xml', diagnostics: [] });
  const broken = out.files[0];
  assert.deepEqual(Object.keys(broken), ['path', 'diagnostics']);
  assert.ok(broken.diagnostics.length >= 1);
  for (const diag of broken.diagnostics) {
    const x = diag as Record<string, unknown>;
    assert.deepEqual(Object.keys(x).sort(), ['code', 'message', 'range', 'related', 'severity']);
    assert.ok(Array.isArray(x.related));
    assert.ok(['error', 'warning', 'information', 'hint'].includes(x.severity as string));
    assert.equal(typeof x.code, 'string');
    assert.equal(typeof x.message, 'string');
    const range = x.range as Record<string, Record<string, unknown>>;
    assert.deepEqual(Object.keys(range), ['start', 'end']);
    for (const p of [range.start, range.end]) {
      assert.deepEqual(Object.keys(p), ['line', 'character']);
      assert.ok(Number.isInteger(p.line) && Number.isInteger(p.character));
    }
  }
  const first = broken.diagnostics[0] as { range: { start: { line: number; character: number } }; severity: string; code: string };
  assert.deepEqual([first.range.start, first.severity, first.code], [{ line: 2, character: 15 }, 'error', 'xml/syntax']);
});

test('JSON positions count UTF-16 code units like LSP', () => {
  const text = `<network>\n  <name>\u{1F600}é</name>\n  <bridge name=x/>\n</network>\n`;
  const text2 = `<network>\n  <!-- \u{1F600} --><bridge name=x/>\n</network>\n`;
  const d = tree({ 'a.xml': text, 'b.xml': text2 });
  const out = JSON.parse(runCli(['--format=json', d]).stdout) as { files: { path: string; diagnostics: { code: string; range: { start: { line: number; character: number } } }[] }[] };
  const b = out.files.find((f) => f.path.endsWith('b.xml'))!;
  // `  <!-- 😀 --><bridge name=` : the emoji is 2 UTF-16 units, so x is at 2+5+2+4+13 = 26
  assert.deepEqual(b.diagnostics.find((x) => x.code === 'xml/syntax')!.range.start, { line: 1, character: 26 });
});

test('--severity overrides a check: errors turned into warnings exit 0; off silences', () => {
  const d = tree({ 'broken.xml': BROKEN });
  const warn = runCli(['lint', '--severity', 'xml/syntax=warning', d]);
  assert.equal(warn.code, 0, warn.stderr);
  assert.match(warn.stdout, /broken\.xml:3:16: warning xml\/syntax: /);
  const off = runCli(['lint', '--severity=xml/syntax=off', d]);
  assert.equal(off.code, 0);
  assert.equal(off.stdout, '');
});

test('usage errors exit 2 with a message on stderr', () => {
  const d = tree({ 'nat.xml': NAT });
  const cases: [string[], RegExp][] = [
    [[], /no PATH given/],
    [['lint'], /no PATH given/],
    [['--bogus', d], /unknown option '--bogus'/],
    [['--format', 'xml', d], /--format must be text or json/],
    [['--format'], /needs a value/],
    [['--severity', 'nonsense', d], /CODE=LEVEL/],
    [['--severity', 'xml/syntax=fatal', d], /level must be one of/],
    [['--severity', 'libvirt/no-such-check=off', d], /unknown check code/],
    [[path.join(d, 'missing.xml')], /missing\.xml: no such file or directory/],
    [[d, path.join(d, 'nope')], /nope: no such file or directory/],
  ];
  for (const [args, message] of cases) {
    const r = runCli(args);
    assert.equal(r.code, 2, `${args.join(' ')}: ${r.stderr}`);
    assert.match(r.stderr, message, args.join(' '));
    assert.equal(r.stdout, '', args.join(' '));
  }
});

test('a duplicate across two paths given separately is found (one service for all files)', () => {
  const d = tree({
    'one/a.xml': netNamed('same', '6f2c1a0e-3c1b-4d7e-9b0a-000000000001', 'virbr21', 21),
    'two/b.xml': netNamed('same', '6f2c1a0e-3c1b-4d7e-9b0a-000000000002', 'virbr22', 22),
  });
  const both = runCli(['--format', 'json', 'one', 'two/b.xml'], { cwd: d });
  assert.equal(both.code, 1, both.stdout);
  const out = JSON.parse(both.stdout) as { files: { path: string; diagnostics: { code: string; severity: string }[] }[] };
  assert.deepEqual(out.files.map((f) => f.path), ['one/a.xml', 'two/b.xml']);
  assert.ok(out.files.some((f) => f.diagnostics.some((x) => x.code === 'libvirt/duplicate-network-name' && x.severity === 'error')), both.stdout);
  const alone = runCli(['one'], { cwd: d });
  assert.equal(alone.code, 0, alone.stdout);
});

test('the same file reached twice is checked once (no self-duplicate)', () => {
  const d = tree({ 'nat.xml': NAT });
  const r = runCli(['--format', 'json', '.', 'nat.xml', './nat.xml'], { cwd: d });
  assert.equal(r.code, 0, r.stdout);
  assert.equal((JSON.parse(r.stdout) as { files: unknown[] }).files.length, 1);
});

test('binary and unreadable files are reported on stderr and skipped; the other files are still checked', (t) => {
  const d = tree({
    'bin.xml': Buffer.from([0x3c, 0x6e, 0x65, 0x74, 0x00, 0x01, 0x02, 0xff]),
    'latin1.xml': Buffer.from('<network><name>caf\xe9</name></network>\n', 'latin1'),
    'secret.xml': NAT,
    'z-broken.xml': BROKEN,
  });
  fs.chmodSync(path.join(d, 'secret.xml'), 0o000);
  // root reads anything, so as root the CLI runs as nobody: the tree and a copy of the
  // self-contained bundle are made readable to it (the checkout may sit in a private folder).
  let as: { uid?: number; gid?: number; cli?: string } = {};
  if (process.getuid?.() === 0) {
    fs.chmodSync(d, 0o755);
    for (const f of ['bin.xml', 'latin1.xml', 'z-broken.xml']) fs.chmodSync(path.join(d, f), 0o644);
    const cli = path.join(tree({}), 'cli.js');
    fs.copyFileSync(CLI, cli);
    fs.chmodSync(path.dirname(cli), 0o755);
    fs.chmodSync(cli, 0o755);
    as = { uid: 65534, gid: 65534, cli };
    if (runCli(['--version'], as).code !== 0) {
      t.diagnostic('cannot run node as nobody here: the permission case is not tested');
      fs.chmodSync(path.join(d, 'secret.xml'), 0o644);
      as = {};
    }
  }
  const r = runCli(['.'], { cwd: d, ...as });
  assert.equal(r.code, 1, r.stderr);
  assert.match(r.stderr, /^bin\.xml: binary file, skipped$/m);
  assert.match(r.stderr, /^latin1\.xml: binary file \(not valid UTF-8\), skipped$/m);
  if (as.uid !== undefined || process.getuid?.() !== 0) assert.match(r.stderr, /^secret\.xml: permission denied, skipped$/m);
  assert.match(r.stdout, /^z-broken\.xml:3:16: error xml\/syntax: /m);
});

test('--help explains the formats and the 1-based text positions; --version prints the version', () => {
  const h = runCli(['--help']);
  assert.equal(h.code, 0);
  assert.match(h.stdout, /^Usage: virtnet lint/);
  assert.match(h.stdout, /1-based/);
  assert.match(h.stdout, /--format text\|json/);
  assert.match(h.stdout, /--severity CODE=LEVEL/);
  const lintHelp = runCli(['lint', '-h']);
  assert.equal(lintHelp.stdout, h.stdout);
  const v = runCli(['--version']);
  assert.equal(v.code, 0);
  const pkg = JSON.parse(fs.readFileSync(path.resolve(__dirname, '..', 'package.json'), 'utf8')) as { version: string };
  assert.equal(v.stdout, `virtnet ${pkg.version}\n`);
});

// ---- netplan YAML and Debian interfaces files beside libvirt XML ----

/** netplan refuses `dhcp4: maybe`; `netplan generate` names 11:14, the value. */
const NETPLAN = `network:
  version: 2
  renderer: networkd
  ethernets:
    eno1:
      dhcp4: no
  bridges:
    br0:
      interfaces: [eno1]
      addresses: [192.168.1.10/24]
      dhcp4: maybe
`;
const INTERFACES = `auto lo
iface lo inet loopback

source /etc/network/interfaces.d/*
`;
const INTERFACES_BR1 = `auto br1
iface br1 inet static
    address 10.10.0.2
    netmask 255.255.255.0
    bridge_ports none
`;
const bridged = (name: string, bridge: string) => `<network>
  <name>${name}</name>
  <forward mode='bridge'/>
  <bridge name='${bridge}'/>
</network>
`;
const COMPOSE = `services:
  web:
    image: nginx
    network_mode: bridge
    networks: [front]
networks:
  front: {}
`;
const hostTree = (netplan = NETPLAN) =>
  tree({
    'etc/netplan/01-netcfg.yaml': netplan,
    'etc/network/interfaces': INTERFACES,
    'etc/network/interfaces.d/br1': INTERFACES_BR1,
    'libvirt/host-bridge.xml': bridged('host-bridge', 'br0'),
    'libvirt/old-bridge.xml': bridged('old-bridge', 'br1'),
    'libvirt/lan.xml': bridged('lan', 'br7'),
    'docker-compose.yml': COMPOSE,
    'k8s/deploy.yaml': 'apiVersion: v1\nkind: Pod\nspec:\n  hostNetwork: true\n',
  });

interface JsonOut {
  files: { path: string; diagnostics: { range: { start: { line: number; character: number }; end: { line: number; character: number } }; severity: string; code: string; message: string }[] }[];
}

test('netplan, interfaces and libvirt XML in one folder: netplan error at the line:col netplan names, missing bridge across formats, other YAML silent, exit 1', () => {
  const d = hostTree();
  const r = runCli(['lint', '.'], { cwd: d });
  assert.equal(r.code, 1, r.stdout + r.stderr);
  const lines = r.stdout.trimEnd().split('\n');
  assert.deepEqual(
    lines.map((l) => l.replace(/^(\S+ \w+ [\w/-]+): .*$/, '$1')),
    ['etc/netplan/01-netcfg.yaml:11:14: error netplan/invalid-value', 'libvirt/lan.xml:4:17: warning libvirt/missing-bridge'],
  );
  assert.match(lines[0], /'maybe'.*boolean/);
  // The bridges that do exist, from netplan (br0) and interfaces.d (br1).
  assert.match(lines[1], /'br7'.*bridges defined: br0, br1/);
  assert.doesNotMatch(r.stdout, /docker-compose|deploy\.yaml|host-bridge|old-bridge/);
  // 3 libvirt files, 1 netplan, 2 interfaces: the two other YAML files are not counted.
  assert.match(r.stderr, /1 error and 1 warning in 6 files checked/);
});

test('JSON output for netplan and interfaces files: LSP ranges, every recognised file listed, nothing for other YAML', () => {
  const d = hostTree();
  const r = runCli(['lint', '--format', 'json', '.'], { cwd: d });
  assert.equal(r.code, 1, r.stderr);
  const out = JSON.parse(r.stdout) as JsonOut;
  assert.deepEqual(out.files.map((f) => f.path), [
    'etc/netplan/01-netcfg.yaml',
    'etc/network/interfaces',
    'etc/network/interfaces.d/br1',
    'libvirt/host-bridge.xml',
    'libvirt/lan.xml',
    'libvirt/old-bridge.xml',
  ]);
  const byPath = new Map(out.files.map((f) => [f.path, f.diagnostics]));
  assert.deepEqual(byPath.get('etc/netplan/01-netcfg.yaml')!.map((x) => ({ range: x.range, severity: x.severity, code: x.code })), [
    { range: { start: { line: 10, character: 13 }, end: { line: 10, character: 18 } }, severity: 'error', code: 'netplan/invalid-value' },
  ]);
  assert.deepEqual(byPath.get('etc/network/interfaces'), []);
  assert.deepEqual(byPath.get('etc/network/interfaces.d/br1'), []);
  assert.deepEqual(byPath.get('libvirt/host-bridge.xml'), [], 'br0 comes from netplan');
  assert.deepEqual(byPath.get('libvirt/old-bridge.xml'), [], 'br1 comes from interfaces.d');
  assert.deepEqual(byPath.get('libvirt/lan.xml')!.map((x) => [x.range, x.severity, x.code]), [
    [{ start: { line: 3, character: 16 }, end: { line: 3, character: 19 } }, 'warning', 'libvirt/missing-bridge'],
  ]);
});

test('warnings only exit 0; a bridge defined only in a deleted netplan file is missing again', () => {
  const d = hostTree(NETPLAN.replace('maybe', 'yes'));
  const ok = runCli(['lint', '.'], { cwd: d });
  assert.equal(ok.code, 0, ok.stdout + ok.stderr);
  assert.match(ok.stdout, /^libvirt\/lan\.xml:4:17: warning libvirt\/missing-bridge: /);
  fs.rmSync(path.join(d, 'etc/netplan/01-netcfg.yaml'));
  const without = runCli(['lint', '.'], { cwd: d });
  assert.equal(without.code, 0);
  assert.match(without.stdout, /^libvirt\/host-bridge\.xml:4:17: warning libvirt\/missing-bridge: .*'br0'/m);
});

test('the netplan files of one folder are merged: a bridge member defined in another file is found', () => {
  const d = tree({
    'netplan/01-eth.yaml': 'network:\n  version: 2\n  ethernets:\n    eno1: {}\n',
    'netplan/02-br.yaml': 'network:\n  version: 2\n  bridges:\n    br0:\n      interfaces: [eno1]\n',
    'elsewhere/netplan/02-br.yaml': 'network:\n  version: 2\n  bridges:\n    br0:\n      interfaces: [eno9]\n',
  });
  const r = runCli(['--format', 'json', '.'], { cwd: d });
  const out = JSON.parse(r.stdout) as JsonOut;
  const codes = (p: string) => out.files.find((f) => f.path === p)!.diagnostics.map((x) => `${x.range.start.line + 1}:${x.range.start.character + 1} ${x.severity}`);
  assert.deepEqual(codes('netplan/02-br.yaml'), []);
  assert.deepEqual(codes('netplan/01-eth.yaml'), []);
  assert.deepEqual(codes('elsewhere/netplan/02-br.yaml'), ['5:20 error'], 'eno9 is defined nowhere in its folder');
  assert.equal(r.code, 1);
});

test('explicit paths are checked whatever their name; YAML that is not netplan gives no output', () => {
  const d = tree({ 'host.cfg': NETPLAN, 'bridges': INTERFACES_BR1 + 'iface br1 inet dhcp\n', 'docker-compose.yml': COMPOSE });
  const r = runCli(['--format', 'json', 'host.cfg', 'bridges', 'docker-compose.yml'], { cwd: d });
  assert.equal(r.code, 1, r.stderr);
  const out = JSON.parse(r.stdout) as JsonOut;
  assert.deepEqual(out.files.map((f) => f.path), ['host.cfg', 'bridges']);
  assert.equal(out.files[0].diagnostics[0].code, 'netplan/invalid-value');
  assert.ok(out.files[1].diagnostics.some((x) => x.code.startsWith('ifupdown/')), JSON.stringify(out.files[1]));
  const compose = runCli(['docker-compose.yml'], { cwd: d });
  assert.equal(compose.code, 0);
  assert.equal(compose.stdout, '');
  assert.match(compose.stderr, /in 0 files checked/);
});

test('--severity accepts netplan and interfaces codes', () => {
  const d = hostTree();
  const r = runCli(['--severity', 'netplan/invalid-value=warning', '--severity', 'libvirt/missing-bridge=off', '.'], { cwd: d });
  assert.equal(r.code, 0, r.stdout + r.stderr);
  assert.match(r.stdout, /^etc\/netplan\/01-netcfg\.yaml:11:14: warning netplan\/invalid-value: /);
  assert.doesNotMatch(r.stdout, /missing-bridge/);
  assert.equal(runCli(['--severity', 'netplan/no-such-check=off', '.'], { cwd: d }).code, 2);
});

test('--help names the netplan and interfaces files', () => {
  const h = runCli(['--help']).stdout;
  assert.match(h, /netplan/);
  assert.match(h, /\*\.yaml/);
  assert.match(h, /interfaces\.d/);
});

// ---- issue 7: order, help, related locations in JSON, CLI wording ----

test('diagnostics come in position order within a file, in text and JSON', () => {
  // The service reports the syntax error (line 2) before the schema's missing <name> (line 1).
  const d = tree({ 'a.xml': `<network>\n  <bridge name=virbr7/>\n  <ip address='10.9.0.1' prefix='33'/>\n</network>\n` });
  const text = runCli(['a.xml'], { cwd: d });
  const positions = text.stdout
    .trimEnd()
    .split('\n')
    .map((l) => /^a\.xml:(\d+):(\d+):/.exec(l)!.slice(1).map(Number));
  assert.ok(positions.length >= 3, text.stdout);
  assert.deepEqual(positions, [...positions].sort((x, y) => x[0] - y[0] || x[1] - y[1]));
  assert.match(text.stdout, /^a\.xml:1:2: error libvirt\/missing-element: /);
  const json = JSON.parse(runCli(['--format', 'json', 'a.xml'], { cwd: d }).stdout) as JsonOut;
  const starts = json.files[0].diagnostics.map((x) => [x.range.start.line, x.range.start.character]);
  assert.deepEqual(starts, [...starts].sort((x, y) => x[0] - y[0] || x[1] - y[1]));
  assert.deepEqual(starts.map(([l, c]) => `${l + 1}:${c + 1}`), positions.map(([l, c]) => `${l}:${c}`));
});

test('`virtnet help` prints the same help as --help, and usage errors point to it', () => {
  const h = runCli(['--help']);
  const word = runCli(['help']);
  assert.equal(word.code, 0);
  assert.equal(word.stdout, h.stdout);
  assert.match(h.stdout, /virtnet help/);
  assert.match(runCli(['--bogus']).stderr, /Try 'virtnet help'/);
});

test('JSON carries the related locations that text output prints as note: lines', () => {
  const d = tree({
    'one/a.xml': netNamed('same', '6f2c1a0e-3c1b-4d7e-9b0a-000000000001', 'virbr21', 21),
    'two/b.xml': netNamed('same', '6f2c1a0e-3c1b-4d7e-9b0a-000000000002', 'virbr22', 22),
  });
  const text = runCli(['.'], { cwd: d });
  const notes = text.stdout.split('\n').filter((l) => / note: /.test(l));
  assert.ok(notes.length >= 2, text.stdout);
  type Related = { path: string; range: { start: { line: number; character: number }; end: unknown }; message: string };
  const json = JSON.parse(runCli(['--format', 'json', '.'], { cwd: d }).stdout) as {
    files: { diagnostics: { related: Related[] }[] }[];
  };
  const related = json.files.flatMap((f) => f.diagnostics.flatMap((x) => x.related));
  for (const r of related) assert.deepEqual(Object.keys(r), ['path', 'range', 'message']);
  assert.deepEqual(
    related.map((r) => `${r.path}:${r.range.start.line + 1}:${r.range.start.character + 1}: note: ${r.message}`),
    notes,
  );
  assert.deepEqual(new Set(related.map((r) => r.path)), new Set(['one/a.xml', 'two/b.xml']));
});

test('messages speak of the files checked, not of an editor workspace', () => {
  const d = tree({
    'lan.xml': `<network>\n  <name>lan</name>\n  <forward mode='bridge'/>\n  <bridge name='br7'/>\n</network>\n`,
    'vm.xml': `<domain type='kvm'>\n  <name>vm</name>\n  <memory>1024</memory>\n  <os><type>hvm</type></os>\n  <devices>\n    <interface type='network'>\n      <source network='nowhere'/>\n    </interface>\n  </devices>\n</domain>\n`,
  });
  const r = runCli(['.'], { cwd: d });
  assert.match(r.stdout, /libvirt\/missing-bridge/);
  assert.match(r.stdout, /libvirt\/unknown-source-network/);
  assert.doesNotMatch(r.stdout + r.stderr, /workspace|editor/i);
});
