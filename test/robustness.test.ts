/**
 * Hostile and broken input: the service (and the CLI for a couple of cases)
 * must return diagnostics or nothing, never throw, never report an internal
 * error. Their timings are in bench/inputs.ts (no timed assertions here).
 */
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { after, before, test } from 'node:test';
import type { Diagnostic } from 'vscode-languageserver-types';
import { ensureBuilt, runCli, tempTree } from './helpers/cli';
import * as hostile from './harness/hostileInputs';
import { IFACES_URI, NETPLAN_URI, rng, XML_URI } from './harness/hostileInputs';
import { observedService } from './harness/observed';

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

/**
 * Lints one text in a fresh service and asks every editor feature about it;
 * fails on a throw, an internal error or anything the service reported to
 * its log (a check or feature that threw). How long it takes is measured by
 * bench/inputs.ts, not here.
 */
function lint(text: string, uri = XML_URI): Diagnostic[] {
  const { service, reported } = observedService();
  service.setFile(uri, text);
  const diags = service.getDiagnostics(uri);
  const end = { line: Math.max(0, text.split('\n').length - 1), character: 0 };
  service.documentSymbols(uri);
  service.foldingRanges(uri);
  service.hover(uri, end);
  service.complete(uri, end);
  const internal = diags.filter((d) => d.code === 'virtnet/internal-error');
  assert.deepEqual(internal.map((d) => d.message), [], 'a check threw');
  assert.deepEqual(reported, [], 'the service reported a failure');
  for (const d of diags) {
    assert.ok(d.range.start.line >= 0 && d.range.start.character >= 0 && d.range.end.line >= d.range.start.line, `bad range ${JSON.stringify(d.range)}`);
  }
  return diags;
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
      const diags = lint(prefix);
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
      lint(doc.slice(0, at) + junk + doc.slice(at + cut));
    }
  });
}

test('random binary data is linted without a throw', () => {
  const random = rng(42);
  for (let i = 0; i < 200; i++) {
    const bytes = Buffer.alloc(Math.floor(random() * 8192));
    for (let j = 0; j < bytes.length; j++) bytes[j] = Math.floor(random() * 256);
    lint(bytes.toString('latin1'));
    lint('<network>' + bytes.toString('utf8'));
    lint("<interface type='network'>" + bytes.toString('latin1') + '</interface>');
  }
});

test('a file over 10 MiB gets the too-large diagnostic; a large non-libvirt file gets nothing', () => {
  const big = lint(hostile.tooLargeNetwork());
  assert.deepEqual(big.map((d) => [d.code, d.severity]), [['xml/too-large', 1]]);
  assert.deepEqual(lint(hostile.tooLargeOther()), []);
});

test('100,000-deep nesting is linted, the depth is reported', () => {
  for (const text of hostile.deepNestings()) {
    assert.ok(lint(text).some((d) => /nest/i.test(String(d.message))), text.slice(0, 60));
  }
});

test('a billion-laughs entity expansion attempt is not expanded', () => {
  for (const d of lint(hostile.billionLaughsXml())) assert.ok(String(d.message).length < 10_000, 'an entity was expanded into a message');
  // External entities are not fetched either.
  lint(`<!DOCTYPE network [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>\n<network><name>&xxe;</name></network>\n`);
});

test('very long attribute values, names and text are linted; messages quote them shortened', () => {
  for (const text of hostile.longValues()) {
    const diags = lint(text);
    assert.ok(diags.length > 0);
    for (const d of diags) assert.ok(String(d.message).length < 10_000, `a ${String(d.message).length}-character message (${d.code})`);
  }
});

test('a network with 20,000 DHCP hosts is linted', () => {
  lint(hostile.manyDhcpHosts());
});

test('3,000 attributes on one element are linted: the first 1,000 unknown ones reported, the rest counted', () => {
  const diags = lint(hostile.manyAttributes());
  assert.equal(diags.filter((d) => d.code === 'libvirt/unknown-attribute').length, 1_000);
  const more = diags.filter((d) => d.code === 'virtnet/too-many-problems');
  assert.deepEqual(more.map((d) => [d.severity, d.message]), [[3, '2000 more problems in this file are not shown (VirtNet reports the first 1000 of a file)']]);
});

test('a value of megabytes is quoted by its ends in a message', () => {
  const diags = lint(`<network><name>n</name><bridge name='${'b'.repeat(1_500_000)}'/></network>`);
  const d = diags.find((x) => x.code === 'libvirt/bridge-name-too-long');
  assert.ok(d, JSON.stringify(diags.map((x) => x.code)));
  assert.match(String(d.message), /^bridge name 'b{59}…b{19}' \(1500002 characters\) is 1500000 characters long/);
});

test('a libvirt file over 2 MiB gets the syntax and schema checks only, and says so', () => {
  const pad = `<!-- ${' '.repeat(2 * 1024 * 1024)} -->`;
  const text = `<network>\n  <name>big</name>\n  <forward mode='natt'/>\n  <bridge name='virbr-much-too-long-name'/>\n  <unknown/>${pad}\n</network>\n`;
  const codes = lint(text).map((d) => [d.code, d.severity]);
  assert.deepEqual(codes, [
    ['xml/large-document', 3],
    ['libvirt/unknown-element', 1],
    ['libvirt/invalid-value', 1],
  ]);
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

test('netplan: a billion-laughs alias document is not expanded and gets a clear error', () => {
  const d = lint(hostile.netplanBillionLaughs(), NETPLAN_URI);
  assert.ok(d.some((x) => String(x.message).includes('billion laughs')), JSON.stringify(d.map((x) => x.message)));
});

test('netplan: flow collections nested 100,000 deep, 5,000-deep block nesting and random bytes give diagnostics, no throw', () => {
  const flow = lint(hostile.netplanDeepFlow(), NETPLAN_URI);
  assert.ok(flow.some((x) => x.code === 'netplan/yaml-syntax'));
  lint(hostile.netplanDeepBlock(), NETPLAN_URI);
  lint(hostile.netplanRandom(), NETPLAN_URI);
});

test('interfaces: random bytes and a 100,000-line file are checked without a throw', () => {
  lint(hostile.interfacesRandom(), IFACES_URI);
  lint(hostile.interfacesBig(), IFACES_URI);
});

const dirs: string[] = [];
before(() => ensureBuilt());
after(() => dirs.forEach((d) => fs.rmSync(d, { recursive: true, force: true })));

test('CLI: a 10 MiB+ file gets the too-large diagnostic, a deep file is checked, exit 1', () => {
  const d = tempTree({
    'big.xml': `<network>\n  <name>big</name>\n${' '.repeat(10 * 1024 * 1024 + 100)}</network>\n`,
    'deep.xml': `<network><name>deep</name>${'<a>'.repeat(100_000)}${'</a>'.repeat(100_000)}</network>\n`,
  });
  dirs.push(d);
  const r = runCli(['--format', 'json', d]);
  assert.equal(r.code, 1, r.stderr);
  const out = JSON.parse(r.stdout) as { files: { path: string; diagnostics: { code: string }[] }[] };
  const big = out.files.find((f) => f.path.endsWith('big.xml'));
  assert.deepEqual(big?.diagnostics.map((x) => x.code), ['xml/too-large']);
  assert.ok(out.files.some((f) => f.path.endsWith('deep.xml')));
});
