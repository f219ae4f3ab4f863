/**
 * Time of large and hostile inputs, in process through the facade
 * (`setFile` + `getDiagnostics` in a fresh service): the inputs of
 * test/robustness.test.ts, which asserts only what the service answers, and
 * a realistic 2,000-line interfaces file. Medians over BENCH_REPEAT runs.
 *
 *   npx tsx bench/inputs.ts        BENCH_REPEAT=5 (default)
 */
import { loadavg } from 'node:os';
import { performance } from 'node:perf_hooks';
import { createLanguageService } from '../server/src/service/languageService';
import { bigInterfaces, hostileInputs } from '../test/harness/hostileInputs';

const REPEAT = Number(process.env.BENCH_REPEAT ?? 5);

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)];
}

function time(uri: string, text: string): number {
  const runs: number[] = [];
  for (let i = 0; i < REPEAT; i++) {
    const t0 = performance.now();
    const s = createLanguageService();
    s.setFile(uri, text);
    s.getDiagnostics(uri);
    runs.push(performance.now() - t0);
  }
  return median(runs);
}

const rows = [...hostileInputs(), { name: 'interfaces, realistic 2,000 lines', uri: 'file:///etc/network/interfaces', text: bigInterfaces(2000) }];
console.log(`node ${process.version}, load ${loadavg()[0].toFixed(2)}, median of ${REPEAT} runs`);
console.log('input'.padEnd(42), 'characters'.padStart(12), 'ms'.padStart(9));
for (const r of rows) console.log(r.name.padEnd(42), String(r.text.length).padStart(12), time(r.uri, r.text).toFixed(1).padStart(9));
