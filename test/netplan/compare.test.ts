/**
 * Comparison with the real netplan (netplan.io 0.106): for each netplan
 * fixture, `netplan generate --root-dir DIR` must fail exactly when our module
 * reports an error (warnings do not count). Skipped when netplan is missing.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { chmodSync, copyFileSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { checkNetplanFolder } from '../../server/src/netplan';

const root = join(__dirname, '..', 'fixtures', 'netplan');
const netplan = ['/usr/sbin/netplan', '/usr/bin/netplan'].find((p) => {
  try {
    return statSync(p).isFile();
  } catch {
    return false;
  }
});

function cases(): { name: string; files: string[] }[] {
  const out: { name: string; files: string[] }[] = [];
  for (const n of readdirSync(root).sort()) {
    const p = join(root, n);
    if (statSync(p).isDirectory()) out.push({ name: n, files: readdirSync(p).filter((f) => /\.ya?ml$/.test(f)).sort().map((f) => join(p, f)) });
    else if (/\.ya?ml$/.test(n)) out.push({ name: n, files: [p] });
  }
  return out;
}

for (const c of cases()) {
  test(`netplan generate agrees on ${c.name}`, { skip: netplan ? false : 'netplan is not installed' }, () => {
    const dir = mkdtempSync(join(tmpdir(), 'virtnet-netplan-'));
    try {
      const etc = join(dir, 'etc', 'netplan');
      mkdirSync(etc, { recursive: true });
      for (const f of c.files) {
        const to = join(etc, c.files.length === 1 ? 'x.yaml' : basename(f));
        copyFileSync(f, to);
        chmodSync(to, 0o600);
      }
      const r = spawnSync(netplan!, ['generate', '--root-dir', dir], { encoding: 'utf8', env: { ...process.env, LC_ALL: 'C' } });
      const theirs = r.status !== 0;
      const files = c.files.map((f) => ({ uri: 'file://' + f, text: readFileSync(f, 'utf8') }));
      const ours = [...checkNetplanFolder(files).values()].some((l) => l.some((d) => (d.severity ?? 'error') === 'error'));
      assert.equal(ours, theirs, `netplan generate ${theirs ? 'rejects' : 'accepts'} ${c.name} but we report ${ours ? 'errors' : 'no error'}:\n${r.stderr}`);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
}
