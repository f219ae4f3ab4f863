/**
 * server/src/lsp/slicedOpen.ts: a large document's opening runs a slice at a
 * time, received messages go first, a newer version restarts the job, a
 * close cancels it, and requests waiting for the document go on either way.
 * Unit test with a hand-driven event loop and clock (pure scheduling; the
 * protocol-level behaviour is test/lsp/slicedOpen.test.ts).
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { SLICE_MS } from '../../server/src/lsp/diagnostics';
import { SlicedOpens } from '../../server/src/lsp/slicedOpen';
import type { SetFileJob } from '../../server/src/service/languageService';

class Loop {
  clock = 0;
  dispatched = 0;
  private immediates: (() => void)[] = [];
  readonly runtime = {
    timer: {
      setTimeout: () => ({ dispose() {} }),
      setImmediate: (f: () => void) => {
        const g = () => f();
        this.immediates.push(g);
        return { dispose: () => void (this.immediates = this.immediates.filter((x) => x !== g)) };
      },
    },
    now: () => this.clock,
    messagesDispatched: () => this.dispatched,
  };
  turn(): boolean {
    const now = this.immediates;
    this.immediates = [];
    for (const f of now) f();
    return this.immediates.length > 0;
  }
  async runAll(): Promise<void> {
    while (this.turn()) await Promise.resolve();
    await new Promise((r) => setImmediate(r));
  }
}

/** A job of `steps` steps of `ms` each; `log` gets its name per step. */
function job(loop: Loop, name: string, steps: number, ms: number, log: string[]): SetFileJob {
  let left = steps;
  let affected: string[] | undefined;
  return {
    step() {
      loop.clock += ms;
      log.push(name);
      if (--left > 0) return false;
      affected = [`file:///${name}`];
      return true;
    },
    get affected() {
      return affected;
    },
  };
}

test('a job runs a slice at a time and hands over what it affected', async () => {
  const loop = new Loop();
  const opens = new SlicedOpens(loop.runtime, (e) => assert.fail(String(e)));
  const log: string[] = [];
  const done: string[][] = [];
  opens.start('u', job(loop, 'a', 10, SLICE_MS / 2, log), (x) => done.push(x));
  assert.equal(log.length, 0, 'nothing runs in the didOpen handler itself');
  assert.ok(opens.has('u'));
  loop.turn();
  assert.equal(log.length, 0, 'the first turn is left to the message received behind the didOpen');
  loop.turn();
  assert.equal(log.length, 2, 'one slice: two steps of half a slice');
  await loop.runAll();
  assert.deepEqual(done, [['file:///a']]);
  assert.equal(opens.has('u'), false);
  assert.equal(opens.whenOpened('u'), undefined);
});

test('received messages go first: no slice runs in a turn that followed a dispatched message', () => {
  const loop = new Loop();
  const opens = new SlicedOpens(loop.runtime, (e) => assert.fail(String(e)));
  const log: string[] = [];
  opens.start('u', job(loop, 'a', 10, SLICE_MS, log), () => {});
  // Three messages dispatched one per turn (as the connection does).
  for (let i = 0; i < 3; i++) {
    loop.dispatched++;
    loop.turn();
    assert.equal(log.length, 0, `turn ${i}`);
  }
  loop.turn();
  assert.equal(log.length, 1, 'the slice runs once a turn passed without a message');
});

test('a newer version restarts the job (waiting requests wait for the new one); a close cancels it and lets them go', async () => {
  const loop = new Loop();
  const opens = new SlicedOpens(loop.runtime, (e) => assert.fail(String(e)));
  const log: string[] = [];
  const done: string[][] = [];
  opens.start('u', job(loop, 'v1', 10, SLICE_MS, log), (x) => done.push(x));
  loop.turn();
  loop.turn();
  const waiting = opens.whenOpened('u')!;
  let answered = false;
  void waiting.then(() => (answered = true));
  opens.start('u', job(loop, 'v2', 3, SLICE_MS, log), (x) => done.push(x));
  assert.equal(opens.whenOpened('u'), waiting);
  await loop.runAll();
  assert.deepEqual(done, [['file:///v2']]);
  assert.deepEqual(log, ['v1', 'v2', 'v2', 'v2']);
  assert.ok(answered);

  opens.start('w', job(loop, 'w', 10, SLICE_MS, log), (x) => done.push(x));
  loop.turn();
  loop.turn();
  const w = opens.whenOpened('w')!;
  opens.cancel('w');
  await w;
  await loop.runAll();
  assert.deepEqual(done, [['file:///v2']], 'a cancelled job hands nothing over');
  assert.equal(log.filter((x) => x === 'w').length, 1);
});

test('a job that throws is reported and dropped; waiting requests go on', async () => {
  const loop = new Loop();
  const errors: unknown[] = [];
  const opens = new SlicedOpens(loop.runtime, (e) => errors.push(e));
  opens.start('u', { step: () => { throw new Error('boom'); }, affected: undefined }, () => assert.fail('not done'));
  const w = opens.whenOpened('u')!;
  await loop.runAll();
  await w;
  assert.equal(errors.length, 1);
  assert.equal(opens.has('u'), false);
});
