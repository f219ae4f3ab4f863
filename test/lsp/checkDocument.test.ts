/**
 * `virtnet/checkDocument` over stdio against the real built server: the
 * diagnostics a command needs before it defines a network, computed now
 * (not held for a typing pause), for open documents, for a file's text the
 * editor does not have open, and for documents of another URI scheme (the
 * live XML of a host's network).
 */
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { createLanguageService } from '../../server/src/service/languageService';
import { fileUri, TestClient } from './lspClient';

const CLEAN = `<network>\n  <name>chk-clean</name>\n  <bridge name='vchk0'/>\n</network>\n`;
/** `natt` is no forward mode: an error. Each name gets its own bridge (a bridge used twice is a cross-file finding). */
let bridges = 0;
const bridgeOf = new Map<string, string>();
const BROKEN = (name: string) => {
  if (!bridgeOf.has(name)) bridgeOf.set(name, `vchk${++bridges}`);
  return `<network>\n  <name>${name}</name>\n  <forward mode='natt'/>\n  <bridge name='${bridgeOf.get(name)}'/>\n</network>\n`;
};

interface Answer {
  kind: string | null;
  diagnostics: { code?: string | number; severity?: number; message: string }[];
}

function expected(uri: string, text: string) {
  const s = createLanguageService();
  s.setFile(uri, text);
  return s.getDiagnostics(uri);
}

describe('virtnet/checkDocument', () => {
  let dir: string;
  let client: TestClient;

  before(async () => {
    dir = mkdtempSync(join(tmpdir(), 'virtnet-check-'));
    // A long publishing pause: the request must not wait for it.
    client = await TestClient.start({ folders: [dir], settings: { diagnostics: { delay: 10_000 } }, initializationOptions: { diagnosticsDelay: 10_000 } });
    await client.whenIndexed();
  });
  after(async () => {
    await client?.stop();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  const ask = (uri: string, text?: string) => client.conn.sendRequest<Answer>('virtnet/checkDocument', { uri, text });

  it('an open document: its current problems at once, also while publishing holds them after typing', async () => {
    const uri = fileUri(join(dir, 'open.xml'));
    await client.open(uri, CLEAN);
    assert.deepEqual(await ask(uri), { kind: 'libvirt-network', diagnostics: [] });
    // Typing a new problem: publishing holds it for the pause; the request answers now.
    void client.change(uri, BROKEN('chk-open')).catch(() => undefined);
    const answer = await ask(uri);
    assert.equal(answer.kind, 'libvirt-network');
    assert.deepEqual(answer.diagnostics, expected(uri, BROKEN('chk-open')));
    assert.ok(answer.diagnostics.some((d) => d.severity === 1), 'an error');
    assert.equal(client.diagnostics(uri).length, 0, 'not yet published');
  });

  it('a closed file given by its text: checked, and forgotten again when the workspace did not hold it', async () => {
    const outside = mkdtempSync(join(tmpdir(), 'virtnet-check-out-'));
    try {
      const uri = fileUri(join(outside, 'elsewhere.xml'));
      const answer = await ask(uri, BROKEN('chk-elsewhere'));
      assert.deepEqual(answer.diagnostics, expected(uri, BROKEN('chk-elsewhere')));
      // Not indexed: a second file with the same network name is no duplicate.
      const other = fileUri(join(dir, 'same-name.xml'));
      const clean = await client.open(other, BROKEN('chk-elsewhere').replace(/vchk\d+/, 'vchk99'));
      assert.ok(!clean.diagnostics.some((d) => d.code === 'libvirt/duplicate-network-name'), JSON.stringify(clean.diagnostics));
      assert.equal((await ask(uri)).kind, null, 'the service no longer knows it');
    } finally {
      rmSync(outside, { recursive: true, force: true });
    }
  });

  it('a workspace file: the given text is its content', async () => {
    const path = join(dir, 'on-disk.xml');
    writeFileSync(path, CLEAN.replace('chk-clean', 'chk-disk'));
    const uri = fileUri(path);
    const answer = await ask(uri, BROKEN('chk-disk'));
    assert.deepEqual(answer.diagnostics, expected(uri, BROKEN('chk-disk')));
  });

  it('documents of another scheme (a host network opened in the editor) and what is not ours', async () => {
    const live = 'virtnet-net:/kvm1/chk-live.xml';
    await client.open(live, BROKEN('chk-live'));
    assert.deepEqual((await ask(live)).diagnostics, expected(live, BROKEN('chk-live')));
    assert.deepEqual(await ask(fileUri(join(dir, 'pom.xml')), '<project/>'), { kind: null, diagnostics: [] });
    assert.deepEqual(await ask('file:///nowhere/unknown.xml'), { kind: null, diagnostics: [] });
  });
});
