/**
 * The netplan fixture cases (test/fixtures/netplan), with the convention of
 * the main fixture runner: every file is a one-file folder, except the files
 * of a folder named `ws-*`, which are read together as one netplan folder.
 * Rule folders (test/fixtures/netplan/<rule>/) hold one-file cases.
 */
import { readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';

export const NETPLAN_FIXTURES = join(__dirname, '..', 'fixtures', 'netplan');

export function netplanCases(root = NETPLAN_FIXTURES): { name: string; files: string[] }[] {
  const out: { name: string; files: string[] }[] = [];
  const walk = (dir: string) => {
    for (const n of readdirSync(dir).sort()) {
      const p = join(dir, n);
      if (statSync(p).isDirectory()) {
        if (n.startsWith('ws-')) out.push({ name: relative(root, p), files: readdirSync(p).filter((f) => /\.ya?ml$/.test(f)).sort().map((f) => join(p, f)) });
        else walk(p);
      } else if (/\.ya?ml$/.test(n)) out.push({ name: relative(root, p), files: [p] });
    }
  };
  walk(root);
  return out;
}
