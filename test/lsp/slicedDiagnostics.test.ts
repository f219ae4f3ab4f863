/**
 * A large document's diagnostics are computed in slices with a turn of the
 * event loop between them (server/src/lsp/diagnostics.ts), and a newer
 * version cancels the job in flight. Unit test of the publisher's scheduling
 * with a hand-driven event loop and clock (pure logic, no server); the
 * protocol-level behaviour is test/lsp/largeDocuments.test.ts.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { Diagnostic } from 'vscode-languageserver-types';
import { DiagnosticsPublisher, SLICE_MS, YIELD_SIZE, type DiagnosticsJob } from '../../server/src/lsp/diagnostics';

/** An event loop driven by the test: immediates run one turn at a time; the clock moves only when a step works. */
class Loop {
  clock = 0;
  turns = 0;
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
    messagesDispatched: () => 0,
  };
  /** Runs the immediates queued before this turn. */
  turn(): boolean {
    const now = this.immediates;
    this.immediates = [];
    for (const f of now) f();
    this.turns++;
    return this.immediates.length > 0;
  }
  runAll(): void {
    while (this.turn());
  }
}

const diag = (message: string): Diagnostic => ({ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 1 } }, message, severity: 2, code: 'x' });

/** A source whose job for `uri` takes `steps` steps of `msPerStep` each and yields the text's diagnostics. */
function source(loop: Loop, steps: number, msPerStep: number) {
  const state = { text: 'v1', version: 1, stepsRun: [] as string[], jobs: 0 };
  return {
    state,
    diagnostics: () => [diag(state.text)],
    job(): DiagnosticsJob {
      state.jobs++;
      const text = state.text;
      let left = steps;
      let result: Diagnostic[] | undefined;
      return {
        step() {
          loop.clock += msPerStep;
          state.stepsRun.push(`${text}@${loop.turns}`);
          if (--left > 0) return false;
          result = [diag(text)];
          return true;
        },
        get diagnostics() {
          return result;
        },
      };
    },
    openVersion: () => state.version,
    size: () => YIELD_SIZE + 1,
  };
}

test('a large document is checked a slice at a time, yielding between slices', () => {
  const loop = new Loop();
  const src = source(loop, 20, SLICE_MS / 2);
  const sent: { version?: number; diagnostics: Diagnostic[] }[] = [];
  const p = new DiagnosticsPublisher({ sendDiagnostics: (x) => void sent.push(x) }, src, loop.runtime, (e) => assert.fail(String(e)), 0);
  p.resume();
  p.edited([], 'file:///big.xml');
  loop.runAll();
  assert.deepEqual(sent, [{ uri: 'file:///big.xml', version: 1, diagnostics: [diag('v1')] }]);
  // 20 steps of half a slice: about two steps per turn, so the work spans many turns.
  const turns = new Set(src.state.stepsRun.map((s) => s.split('@')[1]));
  assert.ok(turns.size >= 8, `steps ran in ${turns.size} turns: ${src.state.stepsRun.join(' ')}`);
});

test('a newer version cancels the job in flight: the stale result is never published', () => {
  const loop = new Loop();
  const src = source(loop, 20, SLICE_MS / 2);
  const sent: { version?: number; diagnostics: Diagnostic[] }[] = [];
  const p = new DiagnosticsPublisher({ sendDiagnostics: (x) => void sent.push(x) }, src, loop.runtime, (e) => assert.fail(String(e)), 0);
  p.resume();
  p.edited([], 'file:///big.xml');
  // Part of the way through the first job, the user types again.
  for (let i = 0; i < 5; i++) loop.turn();
  assert.ok(src.state.stepsRun.length > 0 && src.state.stepsRun.length < 20, 'the first job is under way');
  assert.deepEqual(sent, []);
  src.state.text = 'v2';
  src.state.version = 2;
  p.edited([], 'file:///big.xml');
  loop.runAll();
  assert.deepEqual(sent, [{ uri: 'file:///big.xml', version: 2, diagnostics: [diag('v2')] }]);
  assert.equal(src.state.jobs, 2);
  assert.equal(src.state.stepsRun.filter((s) => s.startsWith('v1')).length < 20, true, 'the first job did not run to its end');
});

test('whenIdle waits for a sliced job', async () => {
  const loop = new Loop();
  const src = source(loop, 10, SLICE_MS);
  const sent: unknown[] = [];
  const p = new DiagnosticsPublisher({ sendDiagnostics: (x) => void sent.push(x) }, src, loop.runtime, (e) => assert.fail(String(e)), 0);
  p.resume();
  p.schedule(['file:///big.xml'], 'file:///big.xml');
  let idle = false;
  void p.whenIdle().then(() => (idle = true));
  loop.turn();
  loop.turn();
  await Promise.resolve();
  assert.equal(idle, false);
  loop.runAll();
  await Promise.resolve();
  assert.equal(idle, true);
  assert.equal(sent.length, 1);
});

test('a large document re-checked from the queue (another file changed) is sliced too', () => {
  const loop = new Loop();
  const src = source(loop, 20, SLICE_MS / 2);
  const sent: { version?: number; diagnostics: Diagnostic[] }[] = [];
  const p = new DiagnosticsPublisher({ sendDiagnostics: (x) => void sent.push(x) }, src, loop.runtime, (e) => assert.fail(String(e)), 0);
  p.resume();
  p.schedule(['file:///big.xml']);
  loop.runAll();
  assert.deepEqual(sent, [{ uri: 'file:///big.xml', version: 1, diagnostics: [diag('v1')] }]);
  assert.ok(new Set(src.state.stepsRun.map((s) => s.split('@')[1])).size >= 8, src.state.stepsRun.join(' '));
});
