/**
 * `npm run eval` on a tiny synthetic corpus (the real one is measured by hand,
 * figures in the issue note): netplan files count, per-kind figures, the
 * "error on the line netplan names" figure and the README's exclusions.
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { after, before, test } from 'node:test';
import { ensureBuilt, ROOT, tempTree } from './helpers/cli';

const EVAL = path.join(ROOT, 'out', 'eval.js');
let dir: string;

const label = (file: string, accepted: boolean, message = '', extra: Record<string, unknown> = {}) =>
  JSON.stringify({ file, kind: 'netplan', accepted, message, rng_valid: null, found_in_refs: ['HEAD e9dd90a96727', '0.106'], ...extra });

before(() => {
  ensureBuilt();
  if (!fs.existsSync(EVAL)) spawnSync(process.execPath, ['scripts/build.mjs', '--quiet'], { cwd: ROOT });
  dir = tempTree({
    'netplan/good.yaml': 'network:\n  version: 2\n  ethernets:\n    eno1:\n      dhcp4: yes\n',
    // netplan names 5:14; our first error is there.
    'netplan/bad-value.yaml': 'network:\n  version: 2\n  ethernets:\n    eno1:\n      dhcp4: maybe\n',
    // Rejected, but we say nothing: a miss.
    'netplan/missed.yaml': 'network:\n  version: 2\n  ethernets:\n    eno1: {}\n',
    // Only in HEAD, rejected by 0.106: left out.
    'netplan/head-only.yaml': 'network:\n  version: 2\n  dummy-devices:\n    dm0: {}\n',
    'netplan/elided.yaml': 'network:\n  version: NUMBER\n',
    // Labelled with the stub ovs-vsctl's verdict: counted.
    'netplan/ovs.yaml': 'network:\n  version: 2\n  openvswitch: {}\n',
    'labels.jsonl':
      [
        label('netplan/good.yaml', true),
        label('netplan/bad-value.yaml', false, "netplan/bad-value.yaml:5:14: Error in network definition: invalid boolean value 'maybe'\n      dhcp4: maybe\n             ^"),
        label('netplan/missed.yaml', false, 'ERROR: eno1: something only the generator knows'),
        label('netplan/head-only.yaml', false, "netplan/head-only.yaml:3:3: unknown key 'dummy-devices'", { found_in_refs: ['HEAD e9dd90a96727'] }),
        label('netplan/elided.yaml', false, 'netplan/elided.yaml:2:12: invalid', { doc_elided: true }),
        label('netplan/ovs.yaml', true, '', { env_adjustment: 'ovs-vsctl-stub' }),
      ].join('\n') + '\n',
  });
});
after(() => fs.rmSync(dir, { recursive: true, force: true }));

test('eval counts netplan files, leaves out HEAD-only and elided ones, and measures the line netplan names', () => {
  const r = spawnSync(process.execPath, [EVAL, dir, '--json'], { encoding: 'utf8' });
  assert.equal(r.status, 0, r.stderr);
  const out = JSON.parse(r.stdout) as { kinds: Record<string, unknown>[] };
  const np = out.kinds.find((k) => k.kind === 'netplan')!;
  assert.equal(np.supported, true);
  assert.equal(np.files, 6);
  assert.equal(np.excluded, 2);
  assert.deepEqual(np.exclusions, { 'only in netplan newer than 0.106': 1, 'elided docs snippet': 1 });
  assert.deepEqual(np.falsePositives, []);
  assert.equal(np.countedAccepted, 2);
  assert.equal(np.detected, 1);
  assert.deepEqual((np.misses as { file: string }[]).map((m) => m.file), ['netplan/missed.yaml']);
  assert.equal(np.withOracleLine, 1);
  assert.equal(np.firstErrorOnLine, 1);
  assert.equal(np.lineRate, 0.5, 'over all counted rejected files');
  assert.deepEqual(np.recognisedByContent, { yes: 6, of: 6 });
  assert.equal(np.ovsStub, 1);

  const text = spawnSync(process.execPath, [EVAL, dir], { encoding: 'utf8' }).stdout;
  assert.match(text, /netplan: 6 files/);
  assert.match(text, /our first error on the line the oracle names: 1\/2 = 50\.0% of the rejected files/);
  assert.match(text, /missed\.yaml: oracle says: ERROR: eno1: something only the generator knows/);
});
