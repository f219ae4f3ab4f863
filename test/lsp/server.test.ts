/**
 * Protocol tests: the real built server (out/server.js) over stdio, driven by
 * a real JSON-RPC client. They test the adapter (scan, open/change/close,
 * settings, watched files, robustness); what the checks report is tested by
 * the fixtures against the pure service.
 */
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { allChecks } from '../../server/src/checks';
import { createLanguageService } from '../../server/src/service/languageService';
import { fileUri, TestClient } from './lspClient';

/** A network whose only problem is a repeated attribute (names differ per document: equal names are a cross-file conflict). */
const broken = (name: string) => `<network>\n  <name>${name}</name>\n  <bridge stp="on" stp="off"/>\n</network>\n`;
const clean = (name: string) => `<network>\n  <name>${name}</name>\n  <bridge stp="on"/>\n</network>\n`;
/** The repeated attribute: line 2, characters 19..22. */
const BROKEN_RANGE = { start: { line: 2, character: 19 }, end: { line: 2, character: 22 } };

/**
 * The XML syntax error these tests provoke may also trip other checks (the schema
 * checks see the repeated attribute too): assertions about it look at `xml/syntax` only.
 */
const isSyntax = (d: { code?: string | number }) => d.code === 'xml/syntax';

function network(name: string, uuid: string, third: number, extra = ''): string {
  return `<network>
  <name>${name}</name>
  <uuid>${uuid}</uuid>
  <forward mode='nat'/>
  <bridge name='vbr${third}'/>
  <ip address='10.77.${third}.1' netmask='255.255.255.0'>
    <dhcp>
      <range start='10.77.${third}.100' end='10.77.${third}.200'/>
    </dhcp>
  </ip>${extra}
</network>
`;
}

/** What the pure service reports for these files as one workspace: the server must publish the same. */
function expected(files: Record<string, string>, uri: string) {
  const s = createLanguageService();
  for (const [u, t] of Object.entries(files)) s.setFile(u, t);
  return s.getDiagnostics(uri);
}

function tempDir(): string {
  return mkdtempSync(join(tmpdir(), 'virtnet-lsp-'));
}

describe('language server over stdio', () => {
  let dir: string;
  let client: TestClient;
  const files: Record<string, string> = {};
  let uriA: string, uriB: string, uriC: string, uriNotes: string, uriHidden: string;

  before(async () => {
    dir = tempDir();
    mkdirSync(join(dir, 'sub'));
    mkdirSync(join(dir, 'node_modules'));
    uriA = fileUri(join(dir, 'a.xml'));
    uriB = fileUri(join(dir, 'sub', 'b.xml'));
    uriC = fileUri(join(dir, 'c.xml'));
    uriNotes = fileUri(join(dir, 'notes.xml'));
    uriHidden = fileUri(join(dir, 'node_modules', 'x.xml'));
    // b and c define the same network name and UUID: a cross-file conflict.
    const texts: [string, string][] = [
      [join(dir, 'a.xml'), broken('net1')],
      [join(dir, 'sub', 'b.xml'), network('dup', '11111111-2222-3333-4444-555555555555', 1)],
      [join(dir, 'c.xml'), network('dup', '11111111-2222-3333-4444-555555555555', 1)],
      [join(dir, 'notes.xml'), '<project><broken></project>\n'],
      [join(dir, 'node_modules', 'x.xml'), broken('net2')],
    ];
    for (const [p, t] of texts) writeFileSync(p, t);
    Object.assign(files, { [uriA]: texts[0][1], [uriB]: texts[1][1], [uriC]: texts[2][1] });
    client = await TestClient.start({ folders: [dir] });
  });

  after(async () => {
    await client?.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  it('scans the workspace folder and reports problems of closed files', async () => {
    const indexed = await client.whenIndexed();
    assert.equal(indexed.xmlFiles, 4, 'node_modules is skipped');
    assert.equal(indexed.libvirtFiles, 3, 'notes.xml is not libvirt XML');
    const a = client.diagnostics(uriA).filter(isSyntax);
    assert.equal(a.length, 1);
    assert.deepEqual(a[0].range, BROKEN_RANGE);
    assert.equal(a[0].code, 'xml/syntax');
    assert.equal(client.latest.has(uriNotes), false, 'no diagnostics for non-libvirt XML');
    assert.equal(client.latest.has(uriHidden), false, 'nothing from node_modules');
    // Cross-file findings (duplicate name/UUID) are whatever the service says for the same workspace.
    if (allChecks.some((c) => c.id === 'libvirt/duplicate-network-name')) {
      assert.ok(client.diagnostics(uriC).some((d) => d.code === 'libvirt/duplicate-network-name'), 'closed files see each other');
    }
    assert.deepEqual(client.diagnostics(uriB), expected(files, uriB));
    assert.deepEqual(client.diagnostics(uriC), expected(files, uriC));
  });

  it('registers a file watcher for XML files', () => {
    const reg = client.registrations.find((r) => r.method === 'workspace/didChangeWatchedFiles');
    assert.ok(reg, 'watcher registered');
    assert.ok(JSON.stringify(reg.registerOptions).includes('**/*.xml'));
  });

  it('publishes exact diagnostics on didOpen and updates them on didChange', async () => {
    const uri = 'untitled:Untitled-1';
    const opened = await client.open(uri, broken('net4'));
    assert.equal(opened.version, 1);
    assert.equal(opened.diagnostics.filter(isSyntax).length, 1);
    const d = opened.diagnostics.filter(isSyntax)[0];
    assert.deepEqual(d.range, BROKEN_RANGE);
    assert.equal(d.code, 'xml/syntax');
    assert.equal(d.severity, 1);
    assert.equal(d.source, 'virtnet');
    assert.match(String(d.message), /stp/);

    const fixed = await client.change(uri, clean('net4'));
    assert.equal(fixed.version, 2);
    assert.deepEqual(fixed.diagnostics.filter(isSyntax), []);

    // An incremental edit that re-introduces the repeated attribute.
    const again = await client.edit(uri, { start: { line: 2, character: 18 }, end: { line: 2, character: 18 } }, ' stp="off"');
    assert.equal(again.version, 3);
    assert.deepEqual(again.diagnostics.filter(isSyntax).map((x) => x.range), [BROKEN_RANGE]);
    client.close(uri);
  });

  it('applies severity overrides and turning checks off from settings', async () => {
    const uri = 'untitled:Untitled-2';
    await client.open(uri, broken('net5'));

    let next = client.nextDiagnostics(uri);
    client.configure({ checks: { 'xml/syntax': 'warning' } });
    assert.deepEqual((await next).diagnostics.filter(isSyntax).map((d) => d.severity), [2]);

    next = client.nextDiagnostics(uri);
    const nextA = client.nextDiagnostics(uriA);
    client.configure({ checks: { 'xml/syntax': 'off' } });
    assert.deepEqual((await next).diagnostics.filter(isSyntax), []);
    assert.deepEqual((await nextA).diagnostics.filter(isSyntax), [], 'closed files are republished too');

    next = client.nextDiagnostics(uri);
    client.configure({ xml: { syntaxErrors: 'off' } });
    assert.deepEqual((await next).diagnostics.filter(isSyntax), []);

    next = client.nextDiagnostics(uri);
    client.configure({ xml: { syntaxErrors: 'on' }, checks: { 'xml/syntax': 'hint' } });
    assert.deepEqual((await next).diagnostics.filter(isSyntax).map((d) => d.severity), [4]);

    next = client.nextDiagnostics(uri);
    client.configure({});
    assert.deepEqual((await next).diagnostics.filter(isSyntax).map((d) => d.severity), [1]);
    client.close(uri);
  });

  it('prefers the open document over the disk and re-reads the disk on close', async () => {
    const opened = await client.open(uriA, clean('net1'));
    assert.deepEqual(opened.diagnostics.filter(isSyntax), []);
    // A change on disk while the file is open is ignored.
    client.watched([{ uri: uriA, type: 2 }]);
    await client.ping();
    assert.deepEqual(client.diagnostics(uriA).filter(isSyntax), []);
    const reread = client.nextDiagnostics(uriA);
    client.close(uriA);
    assert.deepEqual((await reread).diagnostics.filter(isSyntax).map((d) => d.range), [BROKEN_RANGE]);
  });

  it('follows files created, changed and deleted on disk', async () => {
    const pathD = join(dir, 'd.xml');
    const uriD = fileUri(pathD);
    writeFileSync(pathD, broken('net6'));
    let next = client.nextDiagnostics(uriD);
    client.watched([{ uri: uriD, type: 1 }]);
    assert.equal((await next).diagnostics.filter(isSyntax).length, 1);

    writeFileSync(pathD, clean('dee'));
    next = client.nextDiagnostics(uriD);
    client.watched([{ uri: uriD, type: 2 }]);
    assert.deepEqual((await next).diagnostics.filter(isSyntax), []);

    // Deleting c.xml clears its diagnostics; b.xml's are recomputed without it.
    rmSync(join(dir, 'c.xml'));
    delete files[uriC];
    next = client.nextDiagnostics(uriC);
    client.watched([{ uri: uriC, type: 3 }]);
    assert.deepEqual((await next).diagnostics, []);
    await client.ping();
    await client.ping();
    assert.deepEqual(client.diagnostics(uriB), expected(files, uriB));
    assert.ok(!client.diagnostics(uriB).some((d) => d.code === 'libvirt/duplicate-network-name'), 'the conflict went away with c.xml');

    // A deleted folder is reported as the folder alone: what was indexed below it goes.
    const pathE = join(dir, 'sub', 'e.xml');
    writeFileSync(pathE, broken('net11'));
    next = client.nextDiagnostics(fileUri(pathE));
    client.watched([{ uri: fileUri(pathE), type: 1 }]);
    assert.equal((await next).diagnostics.filter(isSyntax).length, 1);
    rmSync(join(dir, 'sub'), { recursive: true });
    next = client.nextDiagnostics(fileUri(pathE));
    client.watched([{ uri: fileUri(join(dir, 'sub')), type: 3 }]);
    assert.deepEqual((await next).diagnostics, []);

    // a.xml deleted clears its error.
    rmSync(join(dir, 'a.xml'));
    next = client.nextDiagnostics(uriA);
    client.watched([{ uri: uriA, type: 3 }]);
    assert.deepEqual((await next).diagnostics, []);
  });

  it('gives non-libvirt XML no diagnostics', async () => {
    const uri = fileUri(join(dir, 'pom.xml'));
    const p = await client.open(uri, '<project>\n  <unclosed>\n  <a b=c/>\n</project>\n');
    assert.deepEqual(p.diagnostics, []);
    // Turning it into a network brings diagnostics; turning it back clears them.
    assert.equal((await client.change(uri, broken('pom'))).diagnostics.filter(isSyntax).length, 1);
    assert.deepEqual((await client.change(uri, '<project><x></project>')).diagnostics, []);
    client.close(uri);
  });

  it('survives binary and garbage documents', async () => {
    const garbage = Array.from({ length: 20_000 }, (_, i) => String.fromCharCode((i * 7919) % 65_000)).join('');
    await client.open('untitled:garbage-1', garbage);
    await client.open('untitled:garbage-2', `<network ${garbage}`);
    await client.open('untitled:garbage-3', '\u0000\u0001<network><ip address="\ud800"><<<<>>>&&&;;</network></network>');
    await client.ping();
    const p = await client.open('untitled:after-garbage', broken('net7'));
    assert.equal(p.diagnostics.filter(isSyntax).length, 1, 'still checking documents');
    assert.equal(client.child.exitCode, null);
  });
});

describe('settings and initialization options', () => {
  it('"off" reports no XML syntax errors', async () => {
    const c = await TestClient.start({ settings: { xml: { syntaxErrors: 'off' } } });
    try {
      assert.deepEqual((await c.open('untitled:s1', broken('net8'))).diagnostics.filter(isSyntax), []);
    } finally {
      await c.stop();
    }
  });

  it('"auto" leaves syntax errors to another XML extension when the client says one is present', async () => {
    const c = await TestClient.start({ initializationOptions: { xmlExtensionPresent: true } });
    try {
      assert.deepEqual((await c.open('untitled:s2', broken('net9'))).diagnostics.filter(isSyntax), []);
      const next = c.nextDiagnostics('untitled:s2');
      c.configure({ xml: { syntaxErrors: 'on' } });
      assert.equal((await next).diagnostics.filter(isSyntax).length, 1);
    } finally {
      await c.stop();
    }
  });

  it('works without workspace folders, configuration or watcher support', async () => {
    const c = await TestClient.start({ watchers: false });
    try {
      assert.equal((await c.whenIndexed()).xmlFiles, 0);
      assert.equal((await c.open('untitled:s3', broken('net10'))).diagnostics.filter(isSyntax).length, 1);
    } finally {
      await c.stop();
    }
  });
});
