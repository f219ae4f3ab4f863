/**
 * Hostile and broken input: the service (and the CLI for a couple of cases)
 * must return diagnostics or nothing, never throw, never report an internal
 * error, and finish in bounded time.
 */
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { after, before, test } from 'node:test';
import type { Diagnostic } from 'vscode-languageserver-types';
import { createLanguageService } from '../server/src/service/languageService';
import { ensureBuilt, runCli, tempTree } from './helpers/cli';

const NAT = fs.readFileSync(path.join(__dirname, 'fixtures', 'tutorial', 'nat.xml'), 'utf8');
const DOMAIN = `<domain type='kvm'>
  <name>vm1</name>
  <memory>1048576</memory>
  <os><type>hvm</type></os>
  <devices>
    <interface type='network'>
      <source network='nat'/>
      <mac address='52:54:00:12:34:56'/>
      <model type='virtio'/>
    </interface>
  </devices>
</domain>
`;
const HOST_BRIDGE = `<interface type='bridge' name='br0'>
  <start mode='onboot'/>
  <protocol family='ipv4'><dhcp/></protocol>
  <bridge stp='off' delay='0'>
    <interface type='ethernet' name='eth0'/>
  </bridge>
</interface>
`;
const NIC = `<interface type='bridge'>
  <source bridge='br0'/>
  <mac address='52:54:00:aa:bb:cc'/>
</interface>
`;

/** Lints one text in a fresh service; fails on a throw, an internal error or a time overrun. */
function lint(text: string, budgetMs = 2000, uri = 'file:///robust/test.xml'): Diagnostic[] {
  const t0 = performance.now();
  const service = createLanguageService();
  service.setFile(uri, text);
  const diags = service.getDiagnostics(uri);
  const ms = performance.now() - t0;
  assert.ok(ms < budgetMs, `took ${ms.toFixed(0)} ms (budget ${budgetMs} ms) for a ${text.length}-character input`);
  const internal = diags.filter((d) => d.code === 'virtnet/internal-error');
  assert.deepEqual(internal.map((d) => d.message), [], 'a check threw');
  for (const d of diags) {
    assert.ok(d.range.start.line >= 0 && d.range.start.character >= 0 && d.range.end.line >= d.range.start.line, `bad range ${JSON.stringify(d.range)}`);
  }
  return diags;
}

/** Deterministic pseudo-random numbers (mulberry32), so failures can be replayed. */
function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

for (const [name, doc, rootTag] of [
  ['tutorial NAT network', NAT, '<network>'],
  ['domain with a NIC', DOMAIN, "<domain type='kvm'>"],
  ['host bridge interface', HOST_BRIDGE, "<interface type='bridge' name='br0'>"],
  ['lone domain NIC', NIC, "<interface type='bridge'>"],
] as const) {
  test(`every prefix of the ${name} is linted without a throw; once the root tag is complete there is an error`, () => {
    const complete = doc.indexOf(rootTag) + rootTag.length;
    for (let cut = 0; cut < doc.length; cut++) {
      const prefix = doc.slice(0, cut);
      const diags = lint(prefix, 500);
      if (cut >= complete && prefix.trimEnd() !== doc.trimEnd()) {
        assert.ok(diags.some((d) => d.severity === 1), `no error for the prefix cut at ${cut}: ${JSON.stringify(prefix.slice(-30))}`);
      }
    }
  });

  test(`the ${name} with random bytes spliced in never makes the service throw`, () => {
    const random = rng(doc.length);
    for (let i = 0; i < 300; i++) {
      const at = Math.floor(random() * doc.length);
      const len = Math.floor(random() * 40);
      let junk = '';
      for (let j = 0; j < len; j++) junk += String.fromCharCode(Math.floor(random() * (random() < 0.8 ? 128 : 0x10000)));
      const cut = Math.floor(random() * 20);
      lint(doc.slice(0, at) + junk + doc.slice(at + cut), 500);
    }
  });
}

test('random binary data is linted without a throw', () => {
  const random = rng(42);
  for (let i = 0; i < 200; i++) {
    const bytes = Buffer.alloc(Math.floor(random() * 8192));
    for (let j = 0; j < bytes.length; j++) bytes[j] = Math.floor(random() * 256);
    lint(bytes.toString('latin1'), 500);
    lint('<network>' + bytes.toString('utf8'), 500);
    lint("<interface type='network'>" + bytes.toString('latin1') + '</interface>', 500);
  }
});

test('a file over 10 MiB gets the too-large diagnostic, quickly; a large non-libvirt file gets nothing', () => {
  const pad = ' '.repeat(10 * 1024 * 1024 + 10);
  const big = lint(`<network>\n  <name>big</name>${pad}</network>\n`, 1000);
  assert.deepEqual(big.map((d) => [d.code, d.severity]), [['xml/too-large', 1]]);
  assert.deepEqual(lint(`<project>${pad}</project>`, 1000), []);
});

test('100,000-deep nesting is linted in bounded time', () => {
  const depth = 100_000;
  const nest = (open: string, close: string) => open.repeat(depth) + close.repeat(depth);
  lint(`<network><name>deep</name>${nest('<a>', '</a>')}</network>`, 5000);
  lint(`<network><name>deep</name><ip address='10.0.0.1' prefix='24'>${nest('<dhcp>', '</dhcp>')}</ip></network>`, 5000);
  lint(`<domain type='kvm'><name>d</name><devices>${nest("<interface type='network'>", '</interface>')}</devices></domain>`, 5000);
  lint(`<interface type='bridge' name='br0'><bridge>${nest("<interface type='bridge' name='x'><bridge>", '</bridge></interface>')}</bridge></interface>`, 5000);
  lint(`<network>${'<a>'.repeat(depth)}`, 5000); // never closed
});

test('a billion-laughs entity expansion attempt is not expanded', () => {
  const entities = ['<!ENTITY lol "lol">'];
  for (let i = 1; i <= 9; i++) entities.push(`<!ENTITY lol${i} "${`&lol${i === 1 ? '' : i - 1};`.repeat(10)}">`);
  const text = `<?xml version="1.0"?>\n<!DOCTYPE network [\n${entities.join('\n')}\n]>\n<network>\n  <name>&lol9;</name>\n  <bridge name='&lol9;'/>\n</network>\n`;
  const t0 = performance.now();
  const diags = lint(text, 1000);
  assert.ok(performance.now() - t0 < 1000);
  for (const d of diags) assert.ok(String(d.message).length < 10_000, 'an entity was expanded into a message');
  // External entities are not fetched either.
  lint(`<!DOCTYPE network [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>\n<network><name>&xxe;</name></network>\n`, 1000);
});

test('very long attribute values, names and text are linted in bounded time', () => {
  const long = 'a'.repeat(2_000_000);
  lint(`<network><name>${long}</name><bridge name='${long}'/><ip address='${long}' prefix='${long}'/></network>`, 5000);
  lint(`<network><name>n</name><ip address='10.0.0.1' prefix='24'><dhcp><range start='${'1.'.repeat(500_000)}' end='10.0.0.9'/></dhcp></ip></network>`, 5000);
  lint(`<domain><devices><interface type='network'><mac address='${'52:'.repeat(600_000)}'/><source network='${long}'/></interface></devices></domain>`, 5000);
  lint(`<network ${'x'.repeat(1_000_000)}='1'><name>n</name></network>`, 5000);
});

test('a network with 20,000 DHCP hosts is linted in bounded time', () => {
  const hex = (n: number) => n.toString(16).padStart(2, '0');
  const hosts = Array.from({ length: 20_000 }, (_, i) => `      <host mac='52:54:00:00:${hex(i >> 8)}:${hex(i & 255)}' name='h${i}' ip='10.0.${i >> 8}.${(i & 255) + 0}'/>`);
  const text = `<network>\n  <name>big</name>\n  <ip address='10.255.255.254' prefix='8'>\n    <dhcp>\n${hosts.join('\n')}\n    </dhcp>\n  </ip>\n</network>\n`;
  lint(text, 8000);
});

// Many attributes on one element were quadratic (parseXml's repeated-attribute test and the schema
// validator's unknown-attribute message); both are linear now.
test('3,000 attributes on one element are linted in bounded time', () => {
  const manyAttrs = Array.from({ length: 3_000 }, (_, i) => `a${i}='${i}'`).join(' ');
  lint(`<network><name>n</name><bridge ${manyAttrs}/></network>`, 300);
});

test('lone UTF-16 surrogates anywhere are linted without a throw', () => {
  for (const s of ['\uD800', '\uDC00', '\uDBFF\uDBFF', '\uDFFF\uD800', '\uD83D']) {
    lint(`<network><name>${s}</name><bridge name='${s}'/><ip address='10.0.0.1${s}' prefix='24'/></network>`);
    lint(`<network${s}><name>n</name></network>`);
    lint(`${s}<network><name>n</name></network>`);
    lint(`<network><name>n</name></network>${s}`);
    lint(`<domain><devices><interface type='network${s}'><mac address='52:54:00:00:00:0${s}'/></interface></devices></domain>`);
    lint(`<network><!-- ${s} --><name>n</name></network>`);
  }
});

test('CRLF, lone CR, BOM and NUL characters are linted without a throw', () => {
  lint('\ufeff' + NAT);
  lint(NAT.replace(/\n/g, '\r\n'));
  lint(NAT.replace(/\n/g, '\r'));
  lint(NAT.replace(/'/g, '\u0000'));
});

// ---- netplan YAML and interfaces files ----

const NETPLAN_URI = 'file:///robust/netplan/01.yaml';
const IFACES_URI = 'file:///robust/interfaces';

test('netplan: a billion-laughs alias document is not expanded and gets a clear error', () => {
  const lines = ['network:', '  version: 2', '  a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]'];
  for (let i = 1; i < 10; i++) {
    const [name, prev] = [String.fromCharCode(97 + i), String.fromCharCode(96 + i)];
    lines.push(`  ${name}: &${name} [${Array(9).fill('*' + prev).join(',')}]`);
  }
  lines.push('  ethernets: *j');
  const d = lint(lines.join('\n') + '\n', 5000, NETPLAN_URI);
  assert.ok(d.some((x) => String(x.message).includes('billion laughs')), JSON.stringify(d.map((x) => x.message)));
});

test('netplan: flow collections nested 100,000 deep, 5,000-deep block nesting and random bytes give diagnostics, no throw', () => {
  const flow = lint('network: ' + '['.repeat(100000) + ']'.repeat(100000) + '\n', 5000, NETPLAN_URI);
  assert.ok(flow.some((x) => x.code === 'netplan/yaml-syntax'));
  const block = 'network:\n' + Array.from({ length: 5000 }, (_, i) => ' '.repeat(i + 1) + `k${i}:`).join('\n') + '\n';
  lint(block, 5000, NETPLAN_URI);
  const r = rng(7);
  const bytes = Array.from({ length: 100000 }, () => String.fromCharCode(Math.floor(r() * 65536))).join('');
  lint('network:\n' + bytes, 5000, NETPLAN_URI);
});

test('interfaces: random bytes and a 100,000-line file are checked without a throw', () => {
  const r = rng(11);
  lint('auto lo\n' + Array.from({ length: 100000 }, () => String.fromCharCode(Math.floor(r() * 65536))).join(''), 5000, IFACES_URI);
  const big = Array.from({ length: 25000 }, (_, i) => `auto e${i}\niface e${i} inet static\n    address 10.${(i >> 8) & 255}.${i & 255}.1/24\n`).join('');
  lint(big, 10000, IFACES_URI);
});

const dirs: string[] = [];
before(() => ensureBuilt());
after(() => dirs.forEach((d) => fs.rmSync(d, { recursive: true, force: true })));

test('CLI: a 10 MiB+ file gets the too-large diagnostic quickly, a deep file is checked, exit 1', () => {
  const d = tempTree({
    'big.xml': `<network>\n  <name>big</name>\n${' '.repeat(10 * 1024 * 1024 + 100)}</network>\n`,
    'deep.xml': `<network><name>deep</name>${'<a>'.repeat(100_000)}${'</a>'.repeat(100_000)}</network>\n`,
  });
  dirs.push(d);
  const t0 = performance.now();
  const r = runCli(['--format', 'json', d], { timeoutMs: 20_000 });
  assert.ok(performance.now() - t0 < 15_000, 'the CLI took too long');
  assert.equal(r.code, 1, r.stderr);
  const out = JSON.parse(r.stdout) as { files: { path: string; diagnostics: { code: string }[] }[] };
  const big = out.files.find((f) => f.path.endsWith('big.xml'));
  assert.deepEqual(big?.diagnostics.map((x) => x.code), ['xml/too-large']);
  assert.ok(out.files.some((f) => f.path.endsWith('deep.xml')));
});
