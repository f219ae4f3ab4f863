/**
 * remote/quote.ts: every word survives a real `sh -c` (and virsh's own
 * tokenizer) exactly, and nothing in a word is ever executed.
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { test } from 'node:test';
import { quoteCommand, quoteWord, UnquotableWordError } from '../../client/src/remote/quote';
import { HOSTILE } from './hostileNames';



test('plain words stay readable; others are single-quoted', () => {
  assert.equal(quoteWord('net-info'), 'net-info');
  assert.equal(quoteWord('qemu:///system'), 'qemu:///system');
  assert.equal(quoteWord('a b'), "'a b'");
  assert.equal(quoteWord("it's"), `'it'\\''s'`);
  assert.equal(quoteWord(''), "''");
  assert.equal(quoteWord('a=b'), "'a=b'");
  assert.equal(quoteCommand(['virsh', '-c', 'test:///default', 'net-info', 'x;y']), "virsh -c test:///default net-info 'x;y'");
});

test('NUL is refused', () => {
  assert.throws(() => quoteWord('a\0b'), UnquotableWordError);
  assert.throws(() => quoteCommand(['echo', 'a\0b']), UnquotableWordError);
  assert.throws(() => quoteCommand([]), UnquotableWordError);
});

test('hostile words round-trip exactly through sh -c and execute nothing', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'virtnet-quote-'));
  try {
    // printf '%s\0' prints each argument exactly, NUL-separated.
    const line = quoteCommand(['printf', '%s\\0', ...HOSTILE]);
    for (const shell of ['sh', 'bash']) {
      const r = spawnSync(shell, ['-c', line], { cwd: dir, encoding: 'utf8' });
      assert.equal(r.status, 0, r.stderr);
      assert.deepEqual(r.stdout.split('\0').slice(0, -1), HOSTILE, shell);
    }
    assert.deepEqual(fs.readdirSync(dir), [], 'nothing was created');
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
});

test("hostile words round-trip through virsh's own command parser (echo)", (t) => {
  if (spawnSync('sh', ['-c', 'command -v virsh'], { stdio: 'ignore' }).status !== 0) return t.skip('virsh not installed');
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'virtnet-quote-'));
  try {
    // One virsh `echo` per word (a multi-word echo joins with spaces; without -q each ends with a newline), each inside a batch.
    const words = HOSTILE.filter((w) => w !== '');
    const batch = words.map((w) => `echo -- ${quoteWord(w)}`).join(' ; ');
    const r = spawnSync('sh', ['-c', quoteCommand(['virsh', '-c', 'test:///default', batch])], { cwd: dir, encoding: 'utf8' });
    assert.equal(r.status, 0, r.stderr);
    assert.deepEqual(r.stdout.replace(/\n$/, '').split('\n'), words.flatMap((w) => w.split('\n')));
    assert.deepEqual(fs.readdirSync(dir), [], 'nothing was created');
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
});
