/**
 * Where the time of one re-check goes, in process (no LSP): XML parse,
 * the rest of setFile (model + workspace index), and each check, on the
 * same generated file the server benchmark uses. Medians over `runs`.
 */
import { performance } from 'node:perf_hooks';
import { allChecks } from '../server/src/checks';
import type { CheckContext } from '../server/src/checks/check';
import { buildModel } from '../server/src/model/libvirt';
import { parseXml } from '../server/src/parse/xml';
import { createLanguageService } from '../server/src/service/languageService';
import { factsOf, WorkspaceIndex } from '../server/src/workspace/workspaceIndex';

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)];
}

export interface Part {
  part: string;
  ms: number;
}

export function breakdown(text: string, runs = 7): Part[] {
  const variant = (i: number) => text.replace('<name>', `<name>${'abcdefghij'[i % 10]}`);
  const parse: number[] = [];
  const setFile: number[] = [];
  const diags: number[] = [];
  const perCheck = new Map<string, number[]>();
  const service = createLanguageService();
  for (let i = 0; i < runs; i++) {
    const t = variant(i);
    let t0 = performance.now();
    const xml = parseXml(t);
    parse.push(performance.now() - t0);
    t0 = performance.now();
    service.setFile('bench:x', t);
    setFile.push(performance.now() - t0);
    t0 = performance.now();
    service.getDiagnostics('bench:x');
    diags.push(performance.now() - t0);
    if (!xml.root) continue;
    const model = buildModel('libvirt-network', xml.root);
    const workspace = new WorkspaceIndex();
    workspace.update(factsOf('bench:y', model));
    const ctx: CheckContext = { uri: 'bench:y', kind: 'libvirt-network', xml, model, workspace };
    for (const c of allChecks) {
      if (!c.appliesTo.includes('libvirt-network')) continue;
      t0 = performance.now();
      try {
        c.run(ctx);
      } catch {
        // measured elsewhere
      }
      const l = perCheck.get(c.id) ?? [];
      l.push(performance.now() - t0);
      perCheck.set(c.id, l);
    }
  }
  const checks = [...perCheck].map(([id, l]) => ({ part: `  check ${id}`, ms: median(l) })).sort((a, b) => b.ms - a.ms);
  return [
    { part: 'XML parse', ms: median(parse) },
    { part: 'setFile (parse + model + index)', ms: median(setFile) },
    { part: 'getDiagnostics (all checks + ranges)', ms: median(diags) },
    ...checks.slice(0, 6),
  ];
}
