/**
 * Opening a large document does not hold up the server (real built server
 * over stdio): the document is handed to the service a slice at a time
 * (server/src/lsp/slicedOpen.ts), so requests about another document sent
 * right behind its didOpen are answered while it is still being opened —
 * before the large document's own outline, requested first, and before its
 * diagnostics. A large closed file of the workspace is set (scan) and
 * re-checked (when another file's edit changes its cross-file findings) in
 * slices too. No timed assertions: the order of the answers says it
 * (without slicing, the server answers in the order it was asked).
 * Milliseconds are measured by bench/responsiveness.ts.
 */
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { DocumentSymbol, Hover } from 'vscode-languageserver-types';
import { bigNetwork } from '../../bench/generate';
import { fileUri, tap, TestClient, writeTogether, type Received } from './lspClient';

const small = (mode: string) => `<network>\n  <name>small</name>\n  <forward mode='${mode}'/>\n  <ip address='10.66.0.1' prefix='24'/>\n</network>\n`;
/** One duplicate host name, so that the large document has something to publish. */
const large = () => bigNetwork(20_000).replace("name='host7'", "name='host6'");

/** What came back, in arrival order: request ids, and whose diagnostics were published. */
function order(messages: Received[], largeUri: string): string[] {
  return messages.flatMap((m) =>
    typeof m.id === 'string' ? [m.id] : m.method === 'textDocument/publishDiagnostics' ? [m.params?.uri === largeUri ? 'large diagnostics' : 'small diagnostics'] : [],
  );
}

describe('opening a large document', () => {
  let c: TestClient;
  let version = 1;
  before(async () => {
    c = await TestClient.start();
    await c.whenIndexed();
    await c.open('untitled:small', small('nat'));
  });
  after(async () => {
    await c?.stop();
  });

  it("another document's outline, hover and edit are answered while a 20,000-line network is opened: before its own outline (asked first) and its diagnostics", async () => {
    const uri = 'untitled:large-open';
    const bigDiagnostics = c.nextDiagnostics(uri, 60_000);
    const smallDiagnostics = c.nextDiagnostics('untitled:small', 60_000);
    const out = tap(c);
    version++;
    writeTogether(c, [
      { method: 'textDocument/didOpen', params: { textDocument: { uri, languageId: 'xml', version: 1, text: large() } } },
      { id: 'large outline', method: 'textDocument/documentSymbol', params: { textDocument: { uri } } },
      { id: 'small outline', method: 'textDocument/documentSymbol', params: { textDocument: { uri: 'untitled:small' } } },
      { id: 'small hover', method: 'textDocument/hover', params: { textDocument: { uri: 'untitled:small' }, position: { line: 1, character: 4 } } },
      { method: 'textDocument/didChange', params: { textDocument: { uri: 'untitled:small', version }, contentChanges: [{ text: small(version % 2 ? 'nat' : 'route') }] } },
    ]);
    const [big, other] = await Promise.all([bigDiagnostics, smallDiagnostics]);
    await c.ping();
    out.stop();
    assert.deepEqual(order(out.messages, uri), ['small outline', 'small hover', 'small diagnostics', 'large outline', 'large diagnostics']);
    // The large document's outline waited for its opening: complete, not empty.
    const symbols = out.messages.find((m) => m.id === 'large outline')?.result as DocumentSymbol[];
    assert.equal(symbols[0]?.name, 'big');
    assert.equal((out.messages.find((m) => m.id === 'small outline')?.result as DocumentSymbol[])[0]?.name, 'small');
    assert.ok(out.messages.find((m) => m.id === 'small hover')?.result as Hover | null, 'hover on <name> answered');
    assert.equal(big.version, 1);
    assert.ok(big.diagnostics.some((d) => d.code === 'libvirt/dhcp-host-duplicate'), JSON.stringify(big.diagnostics.slice(0, 3)));
    assert.equal(other.version, version);
    assert.deepEqual(other.diagnostics, []);
    c.close(uri);
  });

  it('an edit while it is being opened: the opening goes on with the new text, and what is published and answered is the new version', async () => {
    const uri = 'untitled:large-edited';
    const bigDiagnostics = c.nextDiagnostics(uri, 60_000);
    const out = tap(c);
    writeTogether(c, [
      { method: 'textDocument/didOpen', params: { textDocument: { uri, languageId: 'xml', version: 1, text: large() } } },
      // <name>big</name> becomes <name>bigg</name>, and a second duplicate appears.
      { method: 'textDocument/didChange', params: { textDocument: { uri, version: 2 }, contentChanges: [{ range: { start: { line: 1, character: 11 }, end: { line: 1, character: 11 } }, text: 'g' }] } },
      { id: 'large outline', method: 'textDocument/documentSymbol', params: { textDocument: { uri } } },
    ]);
    const big = await bigDiagnostics;
    await c.ping();
    out.stop();
    assert.equal(big.version, 2);
    assert.ok(big.diagnostics.some((d) => d.code === 'libvirt/dhcp-host-duplicate'));
    assert.equal((out.messages.find((m) => m.id === 'large outline')?.result as DocumentSymbol[])[0]?.name, 'bigg');
    // One publication for the document: the version 1 text was never checked.
    assert.deepEqual(
      order(out.messages, uri).filter((x) => x.startsWith('large')),
      ['large outline', 'large diagnostics'],
    );
    c.close(uri);
  });
});

describe('a large closed file of the workspace', () => {
  let c: TestClient;
  let dir: string;
  before(async () => {
    dir = mkdtempSync(join(tmpdir(), 'virtnet-sliced-'));
    writeFileSync(join(dir, 'big.xml'), bigNetwork(20_000));
    c = await TestClient.start({ folders: [dir] });
    await c.whenIndexed();
    await c.open('untitled:small', small('nat'));
  });
  after(async () => {
    await c?.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  it("is re-checked in slices when another document's edit changes its findings: that document's outline and hover come first", async () => {
    const bigUri = fileUri(join(dir, 'big.xml'));
    assert.equal(c.indexed?.libvirtFiles, 1);
    const bigDiagnostics = c.nextDiagnostics(bigUri, 60_000);
    const out = tap(c);
    writeTogether(c, [
      // The small network now uses the large one's subnet: both get an overlap finding.
      { method: 'textDocument/didChange', params: { textDocument: { uri: 'untitled:small', version: 2 }, contentChanges: [{ text: small('nat').replace("'10.66.0.1' prefix='24'", "'10.200.0.1' prefix='16'") }] } },
      { id: 'small outline', method: 'textDocument/documentSymbol', params: { textDocument: { uri: 'untitled:small' } } },
      { id: 'small hover', method: 'textDocument/hover', params: { textDocument: { uri: 'untitled:small' }, position: { line: 1, character: 4 } } },
    ]);
    const big = await bigDiagnostics;
    await c.ping();
    out.stop();
    assert.ok(big.diagnostics.length > 0, 'the overlap is reported on the large file');
    const seen = order(out.messages, bigUri).filter((x) => x !== 'small diagnostics');
    assert.deepEqual(seen, ['small outline', 'small hover', 'large diagnostics']);
  });
});
