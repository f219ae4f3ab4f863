/**
 * The virsh batch: one invocation, each command's result read between
 * markers; a failing middle command is detected although virsh exits 0.
 * Parsing is tested on captured marker layouts; the real-virsh cases run on
 * the test driver through the local runner.
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { test } from 'node:test';
import { createLocalRunner } from '../../client/src/remote/localRunner';
import { netInfo, netListNames, netUuid } from '../../client/src/remote/virsh';
import { batch } from '../../client/src/remote/virshBatch';
import { runVirsh } from '../../client/src/remote/virshCommand';

const haveVirsh = spawnSync('sh', ['-c', 'command -v virsh'], { stdio: 'ignore' }).status === 0;
const M = '@@virtnet-test@@';

test('batch text: markers on stdout and stderr around each quoted command', () => {
  const b = batch([netUuid('a b'), netInfo("it's")], M);
  assert.deepEqual(b.args, [
    `echo ${M}0 ; echo --err ${M}0 ; net-uuid --network 'a b' ; echo ${M}1 ; echo --err ${M}1 ; net-info --network 'it'\\''s' ; echo ${M}2 ; echo --err ${M}2`,
  ]);
});

test('batch parse: a failed middle command, the others ok', () => {
  const b = batch([netUuid('a'), netUuid('nosuch'), netUuid('c')], M);
  const r = b.parse({
    stdout: `${M}0\nuuid-a\n\n${M}1\n${M}2\nuuid-c\n\n${M}3\n`,
    stderr: `error: ${M}0\nerror: ${M}1\nerror: failed to get network 'nosuch'\nerror: Network not found: no network with matching name 'nosuch'\nerror: ${M}2\nerror: ${M}3\n`,
    code: 0,
  });
  assert.ok(r.ok);
  if (!r.ok) return;
  const [a, b1, c] = r.value;
  assert.deepEqual(a, { ok: true, value: 'uuid-a' });
  assert.equal(b1.ok, false);
  if (!b1.ok) assert.match(b1.error.message, /no network with matching name 'nosuch'/);
  assert.deepEqual(c, { ok: true, value: 'uuid-c' });
});

test('batch parse: no marker at all (virsh could not connect) fails as a whole with libvirt text', () => {
  const r = batch([netUuid('a')], M).parse({ stdout: '', stderr: 'error: failed to connect to the hypervisor\nerror: no valid connection\n', code: 1 });
  assert.equal(r.ok, false);
  if (!r.ok) assert.equal(r.error.message, 'failed to connect to the hypervisor: no valid connection');
});

test('batch parse: output cut off in the middle: finished commands ok, the rest failed', () => {
  const r = batch([netUuid('a'), netUuid('b'), netUuid('c')], M).parse({ stdout: `${M}0\nuuid-a\n${M}1\nuuid-b-partial`, stderr: `error: ${M}0\nerror: ${M}1\nerror: Cannot recv data: Connection reset by peer\n`, code: 1 });
  assert.ok(r.ok);
  if (!r.ok) return;
  assert.equal(r.value[0].ok, true);
  assert.equal(r.value[1].ok, false);
  if (!r.value[1].ok) assert.match(r.value[1].error.message, /ended before this command finished: Cannot recv data/);
  assert.equal(r.value[2].ok, false);
});

test('batch with one stdin only', () => {
  const withIn = { args: ['net-define'], stdin: 'x', parse: () => ({ ok: true as const, value: 1 }) };
  assert.throws(() => batch([withIn, withIn]));
});

test('real virsh (test driver): a failing middle command is detected though virsh exits 0', { skip: !haveVirsh }, async () => {
  const runner = createLocalRunner();
  const r = await runVirsh(runner, 'test:///default', batch([netInfo('default'), netInfo("nosuch'; touch pwned"), netListNames()]), { timeoutMs: 30_000 });
  assert.ok(r.ok, r.ok ? '' : r.error.message);
  if (!r.ok) return;
  const [info, missing, names] = r.value;
  assert.ok(info.ok && info.value.name === 'default' && info.value.active === true);
  assert.equal(missing.ok, false);
  if (!missing.ok) assert.match(missing.error.message, /no network with matching name 'nosuch'; touch pwned'/);
  assert.deepEqual(names, { ok: true, value: ['default'] });
});
