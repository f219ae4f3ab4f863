/**
 * Development aid: prints fixture files with marker lines for the
 * diagnostics the service produces now (existing markers are replaced).
 * Read the output before writing it back with --write: a fixture states
 * what *should* be reported, not what happens to be.
 *
 *   npx tsx scripts/bless-fixture.ts [--write] FILE...   (files of one workspace)
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { diagnosticsOf } from '../test/harness/checkDiagnostics';
import { isMarkerLine } from '../test/harness/markers';

const args = process.argv.slice(2);
const write = args.includes('--write');
const paths = args.filter((a) => a !== '--write').map((p) => path.resolve(p));
const files = paths.map((p) => ({ uri: pathToFileURL(p).href, text: fs.readFileSync(p, 'utf8').split('\n').filter((l) => !isMarkerLine(l)).join('\n') }));
const all = diagnosticsOf(files);
const SEV = ['', 'error', 'warning', 'information', 'hint'];
for (const [i, f] of files.entries()) {
  const yaml = /\.ya?ml$|interfaces/.test(paths[i]);
  const lines = f.text.split('\n');
  const byLine = new Map<number, string[]>();
  for (const d of all.get(f.uri) ?? []) {
    const { start, end } = d.range;
    const endCol = end.line === start.line ? end.character : lines[start.line].length;
    const open = yaml ? '#' : '<!--';
    let pad = start.character - open.length;
    if (pad < 1) {
      console.error(`${paths[i]}:${start.line + 1}:${start.character}: cannot mark column ${start.character}; indent that line`);
      pad = 1;
    }
    const marker = `${open}${' '.repeat(pad)}${'^'.repeat(Math.max(1, endCol - start.character))} ${SEV[d.severity ?? 1]} ${d.code}: ${String(d.message).slice(0, 50).replace(/-->/g, '')}${yaml ? '' : ' -->'}`;
    const l = byLine.get(start.line) ?? [];
    l.push(marker);
    byLine.set(start.line, l);
  }
  const out = lines.flatMap((l, n) => [l, ...(byLine.get(n) ?? [])]).join('\n');
  if (write) fs.writeFileSync(paths[i], out);
  else console.log(`==> ${paths[i]}\n${out}`);
}
