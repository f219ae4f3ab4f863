/**
 * RefreshScheduler (pure, fakes for the two phases): a host stuck connecting
 * holds a connect slot, never a read slot, so the hosts behind it are read;
 * both bounds hold; a failed connect skips the read; a task cancelled while
 * it waits runs nothing; a throwing phase is a failure, its slot freed.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { defaultConnectLimit, RefreshScheduler, type RefreshPhase } from '../../client/src/remote/refreshScheduler';
import { fail, ok, type Result } from '../../client/src/remote/result';

/** A promise settled from outside. */
function deferred<T>(): { promise: Promise<T>; resolve: (v: T) => void } {
  let resolve!: (v: T) => void;
  const promise = new Promise<T>((r) => (resolve = r));
  return { promise, resolve };
}

const tick = () => new Promise<void>((r) => setImmediate(r));

test('four silent hosts ahead of sixteen answering ones: the sixteen are all read while the four still connect, never more than the bounds at once', async () => {
  const s = new RefreshScheduler({ reads: 4, connects: 8 });
  const silent = Array.from({ length: 4 }, () => deferred<Result<void>>());
  let maxReading = 0;
  let maxConnecting = 0;
  const watch = () => {
    maxReading = Math.max(maxReading, s.reading);
    maxConnecting = Math.max(maxConnecting, s.connecting);
  };
  const read = async (name: string): Promise<Result<string>> => {
    watch();
    await tick();
    return ok(name);
  };
  const silentRuns = silent.map((d, i) => s.run({ connect: () => (watch(), d.promise), read: () => read(`silent-${i}`) }));
  const done: string[] = [];
  const answering = Array.from({ length: 16 }, (_, i) =>
    s.run({ connect: async () => (watch(), await tick(), ok(undefined)), read: () => read(`kvm-${i}`) }).then((r) => {
      if (r.ok) done.push(r.value);
      return r;
    }),
  );
  const results = await Promise.all(answering);
  assert.ok(results.every((r) => r.ok));
  assert.equal(done.length, 16);
  assert.equal(s.connecting, 4, 'the silent hosts still connecting');
  assert.equal(s.reading, 0);
  assert.ok(maxReading <= 4 && maxReading > 1, `reads at once: ${maxReading}`);
  assert.ok(maxConnecting <= 8, `connects at once: ${maxConnecting}`);
  for (const d of silent) d.resolve(fail('timeout', 'did not complete the SSH login within 5 s'));
  const late = await Promise.all(silentRuns);
  assert.ok(late.every((r) => !r.ok && r.error.kind === 'timeout'));
  assert.equal(s.connecting, 0);
});

test('connects beyond the bound wait (queued), first in first out', async () => {
  const s = new RefreshScheduler({ reads: 1, connects: 3 });
  const gates = Array.from({ length: 5 }, () => deferred<Result<void>>());
  const phases: RefreshPhase[][] = gates.map(() => []);
  const order: number[] = [];
  const runs = gates.map((g, i) =>
    s.run({
      connect: () => (order.push(i), g.promise),
      read: async () => ok(i),
      onPhase: (p) => phases[i].push(p),
    }),
  );
  // Synchronously: three connecting, two queued.
  assert.equal(s.connecting, 3);
  assert.deepEqual(
    phases.map((p) => p[0]),
    ['connecting', 'connecting', 'connecting', 'queued', 'queued'],
  );
  gates[1].resolve(ok(undefined));
  await tick();
  assert.deepEqual(order, [0, 1, 2, 3]);
  for (const g of gates) g.resolve(ok(undefined));
  assert.deepEqual(
    (await Promise.all(runs)).map((r) => r.ok && r.value),
    [0, 1, 2, 3, 4],
  );
  // Queued for a connect, then (one read at a time) for a read.
  assert.deepEqual(phases[3], ['queued', 'connecting', 'queued', 'reading']);
  assert.equal(s.connecting + s.reading, 0);
});

test('without a connect phase a task goes straight to the reads, queued at once when they are full', () => {
  const s = new RefreshScheduler({ reads: 2, connects: 8 });
  const gate = deferred<Result<number>>();
  const phases: (RefreshPhase | undefined)[] = [];
  for (let i = 0; i < 3; i++) {
    let last: RefreshPhase | undefined;
    void s.run({ read: () => gate.promise, onPhase: (p) => (last = p) });
    phases.push(last);
  }
  assert.deepEqual(phases, ['reading', 'reading', 'queued']);
  assert.equal(s.reading, 2);
  assert.equal(s.connecting, 0);
  gate.resolve(ok(1));
});

test('a failed connect skips the read and frees its slot; a throwing phase is a failure', async () => {
  const s = new RefreshScheduler({ reads: 1, connects: 1 });
  let reads = 0;
  const r = await s.run({ connect: async () => fail('auth', 'login refused'), read: async () => (reads++, ok(1)) });
  assert.deepEqual(r, fail('auth', 'login refused'));
  assert.equal(reads, 0);
  const t = await s.run({
    connect: async () => {
      throw new Error('boom');
    },
    read: async () => ok(1),
  });
  assert.equal(t.ok, false);
  if (!t.ok) assert.match(t.error.message, /boom/);
  const u = await s.run({ read: () => Promise.reject(new Error('bang')) });
  assert.equal(u.ok, false);
  assert.equal(s.connecting + s.reading, 0);
  assert.deepEqual(await s.run({ connect: async () => ok(undefined), read: async () => ok(2) }), ok(2));
});

test('a task cancelled while it waits is never connected nor read', async () => {
  const s = new RefreshScheduler({ reads: 1, connects: 1 });
  const gate = deferred<Result<void>>();
  const first = s.run({ connect: () => gate.promise, read: async () => ok('first') });
  let removed = false;
  let contacted = false;
  const second = s.run({
    connect: async () => ((contacted = true), ok(undefined)),
    read: async () => ((contacted = true), ok('second')),
    cancelled: () => (removed ? fail('internal', 'host was removed') : undefined),
  });
  removed = true;
  gate.resolve(ok(undefined));
  assert.deepEqual(await first, ok('first'));
  assert.deepEqual(await second, fail('internal', 'host was removed'));
  assert.equal(contacted, false);
});

test('the default connect bound is larger than the read bound', () => {
  assert.equal(defaultConnectLimit(4), 8);
  assert.equal(defaultConnectLimit(1), 8);
  assert.equal(defaultConnectLimit(10), 20);
});
