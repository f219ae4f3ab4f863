/**
 * Passphrases through the real remote layer and a real sshd (test user's
 * passphrase-protected key): asked once per key, kept in the secret store
 * only when the user chose to remember, used from there in the next
 * window without a question, and dropped when it no longer unlocks the key.
 * The secret store is an in-memory map (VS Code's SecretStorage has the
 * same three calls).
 */
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { after, before, test } from 'node:test';
import { HostConnectionManager } from '../../client/src/remote';
import { PassphraseKeeper, type PassphraseAnswer, type SecretStore } from '../../client/src/ssh/passphraseKeeper';
import { sshdInstalled, startSshHost, type SshHost } from '../helpers/sshTestbed';

const skip = process.getuid?.() !== 0 || !sshdInstalled() ? 'needs root and openssh-server (scripts/setup-test-deps.sh)' : false;
let host: SshHost;
let kh: string;
let tmp: string;

before(async () => {
  if (skip) return;
  host = await startSshHost({ index: 4, libvirtd: false });
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'virtnet-pass-'));
  kh = path.join(tmp, 'known_hosts');
  fs.writeFileSync(kh, `${host.knownHostsLine}\n`);
});
after(async () => {
  await host?.stop();
  if (tmp) fs.rmSync(tmp, { recursive: true, force: true });
});

class MemorySecrets implements SecretStore {
  readonly map = new Map<string, string>();
  async get(k: string) {
    return this.map.get(k);
  }
  async store(k: string, v: string) {
    this.map.set(k, v);
  }
  async delete(k: string) {
    this.map.delete(k);
  }
}

/** A window: a manager whose passphrase questions go through a keeper; `answers` are the user's replies in order. */
function window(secrets: SecretStore, answers: (PassphraseAnswer | undefined)[]) {
  const asked: { file: string; retry: boolean }[] = [];
  const keeper = new PassphraseKeeper(secrets, async (file, retry) => {
    asked.push({ file, retry });
    return answers.shift();
  });
  const m = new HostConnectionManager({
    knownHostsFile: kh,
    prompts: { confirmHostKey: async () => assert.fail('known host'), askPassphrase: (f) => keeper.askPassphrase(f) },
  });
  m.setHosts([{ name: 't', host: host.host, port: host.port, user: host.user, identityFile: host.keyWithPassphrase, uri: 'test:///default' }]);
  return { m, keeper, asked };
}

test('not remembered: asked once per key in a window, nothing stored', { skip }, async () => {
  const secrets = new MemorySecrets();
  const w = window(secrets, [{ passphrase: host.passphrase, remember: false }]);
  try {
    assert.ok((await w.m.refresh('t')).ok);
    w.m.disconnect('t');
    assert.ok((await w.m.refresh('t')).ok, 'a new connection with the unlocked key');
    assert.deepEqual(w.asked, [{ file: host.keyWithPassphrase, retry: false }]);
    assert.equal(secrets.map.size, 0);
  } finally {
    w.m.dispose();
  }
});

test('remembered: stored in the secret store only; the next window connects without asking; forgetAll removes it', { skip }, async () => {
  const secrets = new MemorySecrets();
  const w1 = window(secrets, [{ passphrase: host.passphrase, remember: true }]);
  try {
    assert.ok((await w1.m.refresh('t')).ok);
  } finally {
    w1.m.dispose();
  }
  assert.deepEqual([...secrets.map.values()].filter((v) => v === host.passphrase).length, 1);
  assert.deepEqual(await w1.keeper.rememberedFiles(), [host.keyWithPassphrase]);
  const w2 = window(secrets, []);
  try {
    assert.ok((await w2.m.refresh('t')).ok);
    assert.deepEqual(w2.asked, [], 'not asked: the remembered passphrase unlocked the key');
    assert.equal(await w2.keeper.forgetAll(), 1);
    assert.equal(secrets.map.size, 0);
  } finally {
    w2.m.dispose();
  }
});

test('a remembered passphrase that no longer unlocks the key is deleted and the user asked again', { skip }, async () => {
  const secrets = new MemorySecrets();
  const w1 = window(secrets, [{ passphrase: 'not the passphrase', remember: true }]);
  try {
    const r = await w1.m.refresh('t');
    assert.equal(r.ok, false);
    if (!r.ok) assert.match(r.error.message, /wrong passphrase/);
  } finally {
    w1.m.dispose();
  }
  assert.equal(secrets.map.size, 2, 'the wrong one was remembered (the user asked for it)');
  const w2 = window(secrets, [{ passphrase: host.passphrase, remember: false }]);
  try {
    const first = await w2.m.refresh('t');
    assert.equal(first.ok, false, 'the stored passphrase is tried first');
    assert.deepEqual(w2.asked, []);
    assert.ok((await w2.m.refresh('t')).ok, 'retry: asked, and the typed one works');
    assert.deepEqual(w2.asked, [{ file: host.keyWithPassphrase, retry: true }]);
    assert.deepEqual(await w2.keeper.rememberedFiles(), []);
    assert.equal(secrets.map.size, 0, 'the wrong passphrase is gone and the new one not stored');
  } finally {
    w2.m.dispose();
  }
});

test('cancelled: no passphrase, a clear error, asked again on the next try', { skip }, async () => {
  const secrets = new MemorySecrets();
  const w = window(secrets, [undefined, { passphrase: host.passphrase, remember: false }]);
  try {
    const r = await w.m.refresh('t');
    assert.equal(r.ok, false);
    if (!r.ok) assert.match(r.error.message, /no passphrase given/);
    assert.ok((await w.m.refresh('t')).ok);
    assert.deepEqual(w.asked.map((a) => a.retry), [false, false]);
  } finally {
    w.m.dispose();
  }
});
