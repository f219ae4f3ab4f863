/**
 * remote/knownHosts.ts: plain, [host]:port, wildcard, negated and hashed
 * entries, @revoked, verdicts and fingerprints — checked against OpenSSH's
 * own ssh-keygen where it is installed (hashing with -H, lookups with -F,
 * fingerprints with -l).
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { test } from 'node:test';
import { fingerprint, keyTypeOfBlob, knownHostsLine, knownHostsName, knownKeyTypes, parseKnownHosts, patternsMatch, verifyHostKey } from '../../client/src/remote/knownHosts';
import { appendKnownHost, readKnownHosts } from '../../client/src/remote/knownHostsFile';

const haveKeygen = spawnSync('sh', ['-c', 'command -v ssh-keygen'], { stdio: 'ignore' }).status === 0;

/** An SSH public key blob of a type with arbitrary bytes (verdicts only compare bytes). */
function blob(type: string, fill: number): Buffer {
  const t = Buffer.from(type);
  const head = Buffer.alloc(4);
  head.writeUInt32BE(t.length);
  return Buffer.concat([head, t, Buffer.alloc(32, fill)]);
}
const A = blob('ssh-ed25519', 1);
const B = blob('ssh-ed25519', 2);
const R = blob('ssh-rsa', 3);
const line = (names: string, k: Buffer) => `${names} ${keyTypeOfBlob(k)} ${k.toString('base64')}`;

test('names: port 22 plain, other ports bracketed, lower case', () => {
  assert.equal(knownHostsName('Kvm1.Example', 22), 'kvm1.example');
  assert.equal(knownHostsName('127.0.0.1', 2222), '[127.0.0.1]:2222');
});

test('patterns: comma lists, wildcards, negation', () => {
  assert.ok(patternsMatch('a,kvm1,b', 'kvm1'));
  assert.ok(patternsMatch('*.lab', 'kvm1.lab'));
  assert.ok(patternsMatch('kvm?', 'kvm1'));
  assert.ok(!patternsMatch('kvm?', 'kvm12'));
  assert.ok(!patternsMatch('*.lab,!kvm1.lab', 'kvm1.lab'));
  assert.ok(patternsMatch('[127.0.0.1]:2222', '[127.0.0.1]:2222'));
  assert.ok(!patternsMatch('127.0.0.1', '[127.0.0.1]:2222'));
  assert.ok(patternsMatch('KVM1', 'kvm1'));
  assert.ok(!patternsMatch('a.b', 'aXb'), 'dots are literal');
});

test('verdicts: match, unknown, changed (same type, other key), other type only is unknown, revoked wins', () => {
  const lines = parseKnownHosts([
    '# comment',
    '',
    line('kvm1,kvm1.lab', A),
    line('[kvm2]:2222', A),
    line('kvm3', R),
    'garbage line',
    `@revoked * ${keyTypeOfBlob(B)} ${B.toString('base64')}`,
    `@cert-authority *.lab ${keyTypeOfBlob(R)} ${R.toString('base64')}`,
  ].join('\n'));
  assert.equal(lines.length, 5);
  assert.deepEqual(verifyHostKey(lines, 'kvm1', 22, A), { status: 'match', line: 3 });
  assert.deepEqual(verifyHostKey(lines, 'KVM1.lab', 22, A), { status: 'match', line: 3 });
  assert.deepEqual(verifyHostKey(lines, 'kvm2', 2222, A), { status: 'match', line: 4 });
  assert.deepEqual(verifyHostKey(lines, 'kvm2', 22, A), { status: 'unknown' });
  assert.deepEqual(verifyHostKey(lines, 'other', 22, A), { status: 'unknown' });
  assert.deepEqual(verifyHostKey(lines, 'kvm1', 22, blob('ssh-ed25519', 9)), { status: 'changed', line: 3 });
  assert.deepEqual(verifyHostKey(lines, 'kvm3', 22, A), { status: 'unknown' }, 'only an RSA key is known');
  assert.deepEqual(verifyHostKey(lines, 'kvm1', 22, B), { status: 'revoked', line: 7 });
  assert.deepEqual(knownKeyTypes(lines, 'kvm1', 22), ['ssh-ed25519']);
  assert.deepEqual(knownKeyTypes(lines, 'kvm1.lab', 22), ['ssh-ed25519'], 'cert-authority lines are not host keys');
});

test('hashed entries: ours are found by ssh-keygen -F, and ssh-keygen -H entries are found by us', { skip: !haveKeygen }, () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'virtnet-kh-'));
  try {
    spawnSync('ssh-keygen', ['-q', '-t', 'ed25519', '-N', '', '-f', path.join(dir, 'k')]);
    const pub = fs.readFileSync(path.join(dir, 'k.pub'), 'utf8').trim().split(' ');
    const key = Buffer.from(pub[1], 'base64');
    // Ours, hashed, read by OpenSSH.
    const ours = path.join(dir, 'ours');
    fs.writeFileSync(ours, `${knownHostsLine('kvm9.lab', 2222, key, { hash: true })}\n`);
    assert.match(fs.readFileSync(ours, 'utf8'), /^\|1\|[A-Za-z0-9+/=]+\|[A-Za-z0-9+/=]+ ssh-ed25519 /);
    const f = spawnSync('ssh-keygen', ['-F', '[kvm9.lab]:2222', '-f', ours], { encoding: 'utf8' });
    assert.equal(f.status, 0, f.stderr);
    // OpenSSH's, hashed by ssh-keygen -H, read by us.
    const theirs = path.join(dir, 'theirs');
    fs.writeFileSync(theirs, `kvm7,[kvm8]:2200 ${pub[0]} ${pub[1]}\n`);
    assert.equal(spawnSync('ssh-keygen', ['-H', '-f', theirs], { encoding: 'utf8' }).status, 0);
    const hashed = parseKnownHosts(fs.readFileSync(theirs, 'utf8'));
    assert.equal(hashed.length, 2);
    assert.ok(hashed.every((l) => l.patterns.startsWith('|1|')));
    assert.equal(verifyHostKey(hashed, 'kvm7', 22, key).status, 'match');
    assert.equal(verifyHostKey(hashed, 'kvm8', 2200, key).status, 'match');
    assert.equal(verifyHostKey(hashed, 'kvm8', 22, key).status, 'unknown');
    // Fingerprint as ssh-keygen -l prints it.
    const l = spawnSync('ssh-keygen', ['-l', '-f', path.join(dir, 'k.pub')], { encoding: 'utf8' });
    assert.equal(l.stdout.split(' ')[1], fingerprint(key));
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
});

test('fingerprint form: SHA256: and unpadded base64', () => {
  assert.match(fingerprint(A), /^SHA256:[A-Za-z0-9+/]{43}$/);
});

test('append: creates a private file, keeps existing lines, adds a newline where missing', async () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'virtnet-kh-'));
  try {
    const file = path.join(dir, 'ssh', 'known_hosts');
    assert.deepEqual(await readKnownHosts(file), []);
    await appendKnownHost(file, knownHostsLine('kvm1', 22, A));
    assert.equal(fs.statSync(file).mode & 0o777, 0o600);
    assert.equal(fs.statSync(path.dirname(file)).mode & 0o777, 0o700);
    fs.appendFileSync(file, line('kvm2', B)); // no newline at the end
    await appendKnownHost(file, knownHostsLine('kvm3', 2222, R));
    const lines = await readKnownHosts(file);
    assert.deepEqual(lines.map((l) => l.patterns), ['kvm1', 'kvm2', '[kvm3]:2222']);
    assert.equal(verifyHostKey(lines, 'kvm3', 2222, R).status, 'match');
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
});
