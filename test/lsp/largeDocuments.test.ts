/**
 * The server keeps answering while a very large or pathological document is
 * checked, and while a 20,000-line network is (real built server over stdio).
 * No timed assertions: the requests
 * sent right after a keystroke in the document (its outline and a hover,
 * another document's edit) must be answered before the large document's
 * diagnostics are published, i.e. they are not queued behind its check. Milliseconds are
 * measured by bench/responsiveness.ts.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { DocumentSymbol, Hover } from 'vscode-languageserver-types';
import { bigNetwork } from '../../bench/generate';
import { tap, TestClient, writeTogether } from './lspClient';

const small = (mode: string) => `<network>\n  <name>small</name>\n  <forward mode='${mode}'/>\n  <ip address='10.66.0.1' prefix='24'/>\n</network>\n`;

const pathological: [string, () => string, string][] = [
  ['a 3 MB attribute value', () => `<network>\n  <name>big</name>\n  <bridge name='${'b'.repeat(3_000_000)}'/>\n</network>\n`, 'xml/large-document'],
  [
    '20,000 attributes on one element',
    () => `<network>\n  <name>big</name>\n  <bridge ${Array.from({ length: 20_000 }, (_, i) => `a${i}='${i}'`).join(' ')}/>\n</network>\n`,
    'virtnet/too-many-problems',
  ],
  // Checked in slices (lsp/diagnostics.ts); one duplicate host name so that there is something to publish.
  ['a 20,000-line network', () => bigNetwork(20_000).replace("name='host7'", "name='host6'"), 'libvirt/dhcp-host-duplicate'],
];

describe('a large or pathological document does not hold up other requests', () => {
  let c: TestClient;
  before(async () => {
    c = await TestClient.start();
    await c.whenIndexed();
    await c.open('untitled:small', small('nat'));
  });
  after(async () => {
    await c?.stop();
  });

  let version = 1;
  for (const [what, text, note] of pathological) {
    it(`${what}: after an edit of it, its outline, a hover and another document's diagnostics come before its own diagnostics`, async () => {
      const uri = `untitled:${what.replace(/\W+/g, '-')}`;
      await c.open(uri, text(), 'xml');
      const bigDiagnostics = c.nextDiagnostics(uri, 60_000);
      const smallDiagnostics = c.nextDiagnostics('untitled:small', 60_000);
      const out = tap(c);
      version++;
      writeTogether(c, [
        // A keystroke in the large document (<name>big</name> becomes bigg).
        { method: 'textDocument/didChange', params: { textDocument: { uri, version: 2 }, contentChanges: [{ range: { start: { line: 1, character: 11 }, end: { line: 1, character: 11 } }, text: 'g' }] } },
        { id: 'outline', method: 'textDocument/documentSymbol', params: { textDocument: { uri } } },
        { id: 'hover', method: 'textDocument/hover', params: { textDocument: { uri }, position: { line: 1, character: 4 } } },
        // An edit of the other document that fixes nothing and breaks nothing: published at once.
        { method: 'textDocument/didChange', params: { textDocument: { uri: 'untitled:small', version }, contentChanges: [{ text: small(version % 2 ? 'nat' : 'route') }] } },
      ]);
      const [big, other] = await Promise.all([bigDiagnostics, smallDiagnostics]);
      await c.ping();
      out.stop();
      const order = out.messages.flatMap((m) =>
        m.id === 'outline' || m.id === 'hover' ? [String(m.id)] : m.method === 'textDocument/publishDiagnostics' ? [m.params?.uri === uri ? 'big diagnostics' : 'other diagnostics'] : [],
      );
      assert.deepEqual(order, ['outline', 'hover', 'other diagnostics', 'big diagnostics']);
      const symbols = out.messages.find((m) => m.id === 'outline')?.result as DocumentSymbol[];
      const h = out.messages.find((m) => m.id === 'hover')?.result as Hover | null;
      assert.equal(symbols[0]?.name, 'bigg');
      assert.ok(h, 'hover on <name> answered');
      assert.equal(big.version, 2);
      assert.equal(other.version, version);
      assert.deepEqual(other.diagnostics, []);
      assert.ok(big.diagnostics.some((d) => d.code === note), JSON.stringify(big.diagnostics.slice(0, 3)));
      assert.ok(big.diagnostics.length <= 1001);
      assert.ok(JSON.stringify(big.diagnostics).length < 1_000_000, 'no megabyte-long messages');
      c.close(uri);
    });
  }
});
