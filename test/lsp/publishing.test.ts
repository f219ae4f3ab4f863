/**
 * When diagnostics are published (server/src/lsp/diagnostics.ts), over stdio
 * with the real built server: fixes at once, new problems after the pause,
 * settings at once. No timed assertions: a delay far longer than any test
 * (10 s) makes "at once" observable as ordering — the publish arrives before
 * the answer to a request sent after the edit.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { TestClient, type PublishDiagnosticsParams } from './lspClient';

/** Documents share one server: each name gets its own subnet and bridge, so they never conflict. */
const subnets = new Map<string, number>();
const net = (name: string, mode: string, bridge?: string) => {
  const n = subnets.get(name) ?? subnets.set(name, subnets.size + 1).get(name)!;
  return `<network>\n  <name>${name}</name>\n  <forward mode='${mode}'/>\n  <bridge name='${bridge ?? `virbr9${n}`}'/>\n  <ip address='10.9.${n}.1' prefix='24'/>\n</network>\n`;
};
/** A network with one problem: forward mode `natt`. */
const natt = (name: string) => net(name, 'natt');
const nat = (name: string) => net(name, 'nat');
/** Another problem: a bridge name over 15 characters. */
const longBridge = (name: string) => net(name, 'nat', 'virbr-much-too-long');
const codes = (p: PublishDiagnosticsParams | undefined) => (p?.diagnostics ?? []).map((d) => String(d.code)).sort();

/** Sends a full-text change and a request after it; resolves with the publishes for `uri` that arrived before the answer, as [version, codes]. */
async function changeThenPing(c: TestClient, uri: string, version: number, text: string): Promise<[number | undefined, string[]][]> {
  const before = c.published.length;
  void c.conn.sendNotification('textDocument/didChange', { textDocument: { uri, version }, contentChanges: [{ text }] });
  await c.ping();
  return c.published
    .slice(before)
    .filter((p) => p.uri === uri)
    .map((p) => [p.version, codes(p)]);
}

describe('publishing diagnostics without a fixed wait (delay 10 s)', () => {
  let c: TestClient;
  before(async () => {
    c = await TestClient.start({ initializationOptions: { diagnosticsDelay: 10_000 } });
    await c.whenIndexed();
  });
  after(async () => {
    await c?.stop();
  });

  it('publishes an opened document at once', async () => {
    const before = c.published.length;
    void c.conn.sendNotification('textDocument/didOpen', { textDocument: { uri: 'untitled:open', languageId: 'xml', version: 1, text: natt('o') } });
    await c.ping();
    const mine = c.published.slice(before).filter((p) => p.uri === 'untitled:open');
    assert.deepEqual(mine.map(codes), [['libvirt/invalid-value']]);
  });

  it('clears the diagnostics of an edit that fixes them at once', async () => {
    const uri = 'untitled:fix';
    await c.open(uri, natt('f'));
    assert.deepEqual(await changeThenPing(c, uri, 2, nat('f')), [[2, []]]);
  });

  it('publishes at once when the problems are the ones already shown (an unrelated edit)', async () => {
    const uri = 'untitled:same';
    await c.open(uri, natt('s'));
    assert.deepEqual(await changeThenPing(c, uri, 2, natt('s').replace('<name>s<', '<name>s2<')), [[2, ['libvirt/invalid-value']]]);
  });

  it('holds a new problem back, and a fix of it cancels it before it is ever shown', async () => {
    const uri = 'untitled:new';
    await c.open(uri, nat('n'));
    assert.deepEqual(await changeThenPing(c, uri, 2, natt('n')), [], 'the new problem waits for the pause');
    assert.deepEqual(await changeThenPing(c, uri, 3, nat('n')), [[3, []]]);
  });

  it('shows the fixed problem gone at once while holding the new one', async () => {
    const uri = 'untitled:swap';
    await c.open(uri, natt('w'));
    // One edit fixes the forward mode and introduces a too-long bridge name.
    assert.deepEqual(await changeThenPing(c, uri, 2, longBridge('w')), [[2, []]]);
  });
});

describe('new problems appear after the pause', () => {
  it('publishes a held problem once typing stops, for the latest version only', async () => {
    const c = await TestClient.start({ initializationOptions: { diagnosticsDelay: 300 } });
    try {
      const uri = 'untitled:held';
      await c.open(uri, nat('h'));
      const before = c.published.length;
      const shown = c.nextDiagnostics(uri);
      // Three edits, each with a problem the editor does not show yet; the last one wins.
      for (const [v, mode] of [[2, 'n'], [3, 'na'], [4, 'natt']] as const) {
        void c.conn.sendNotification('textDocument/didChange', { textDocument: { uri, version: v }, contentChanges: [{ text: net('h', mode) }] });
      }
      const p = await shown;
      assert.equal(p.version, 4);
      assert.deepEqual(codes(p), ['libvirt/invalid-value']);
      assert.match(String(p.diagnostics[0].message), /natt/);
      await c.ping();
      assert.deepEqual(
        c.published.slice(before).map((x) => x.version),
        [4],
        'one publish for three edits',
      );
    } finally {
      await c.stop();
    }
  });
});

describe('turning a check back on', () => {
  it('brings its diagnostics back at once, without an edit, even for text checked while it was off', async () => {
    const c = await TestClient.start({ initializationOptions: { diagnosticsDelay: 10_000 } });
    try {
      const uri = 'untitled:toggle';
      await c.open(uri, longBridge('t'));
      assert.deepEqual(codes(c.latest.get(uri)), ['libvirt/bridge-name-too-long']);

      let next = c.nextDiagnostics(uri);
      c.configure({ checks: { 'libvirt/bridge-name-too-long': 'off' } });
      assert.deepEqual(codes(await next), []);
      // Edited while the check is off: this text is checked without it.
      assert.deepEqual(await changeThenPing(c, uri, 2, longBridge('t2')), [[2, []]]);

      next = c.nextDiagnostics(uri);
      c.configure({});
      assert.deepEqual(codes(await next), ['libvirt/bridge-name-too-long']);
    } finally {
      await c.stop();
    }
  });
});
