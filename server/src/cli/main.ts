/**
 * `virtnet lint`: the command-line entry (bundled to out/cli.js, started by
 * bin/virtnet.js). Thin: the work is in args.ts (parsing), files.ts
 * (selection, through the walker the editor uses), lint.ts (the language
 * service) and format.ts (output).
 */
import { version } from '../../../package.json';
import { limitCodes } from '../checks/size';
import { nodeFs } from '../files/nodeFs';
import type { WalkFs } from '../files/walk';
import { createLanguageService } from '../service/languageService';
import { parseArgs, USAGE } from './args';
import { selectFiles } from './files';
import { formatJson, formatText, summary } from './format';
import { hasErrors, lintFiles } from './lint';
import { readHostFactsFile } from './hostFacts';

export async function main(argv: readonly string[], out: (s: string) => void, err: (s: string) => void, walkFs: WalkFs = nodeFs): Promise<number> {
  // Every code of every format (libvirt, netplan, interfaces), for --severity.
  const known = new Set([...createLanguageService().codes.map((c) => c.id), ...limitCodes]);
  const parsed = parseArgs(argv, known);
  if (!parsed.ok) {
    err(`virtnet: ${parsed.error}\nTry 'virtnet help'.\n`);
    return 2;
  }
  const cmd = parsed.command;
  if (cmd.kind === 'help') {
    out(USAGE + '\n');
    return 0;
  }
  if (cmd.kind === 'version') {
    out(`virtnet ${version}\n`);
    return 0;
  }
  const sel = await selectFiles(cmd.paths, walkFs);
  if (sel.missing.length) {
    for (const m of sel.missing) err(`virtnet: ${m}: no such file or directory\n`);
    return 2;
  }
  for (const w of sel.warnings) err(`virtnet: ${w}\n`);
  // A check that throws is reported on stderr (besides its internal-error diagnostic).
  const service = createLanguageService({ settings: { checks: cmd.severities, interfacesDialect: cmd.interfacesDialect }, logger: { error: (m) => err(`virtnet: internal error: ${m}\n`) } });
  for (const file of cmd.hostFacts) {
    const r = readHostFactsFile(file);
    if (!r.ok) {
      err(`virtnet: ${r.error}\n`);
      return 2;
    }
    for (const p of r.problems) err(`virtnet: ${file}: ${p}\n`);
    service.setHost(r.facts);
  }
  const result = lintFiles(sel.files, cmd.severities, service);
  for (const s of result.skipped) err(`${s.path}: ${s.reason}\n`);
  out(cmd.format === 'json' ? formatJson(result) : formatText(result));
  if (cmd.format === 'text') err(summary(result) + '\n');
  return hasErrors(result) ? 1 : 0;
}

/** Runs the command line of this process: arguments, standard streams, exit status. */
export function run(): void {
  main(process.argv.slice(2), (s) => process.stdout.write(s), (s) => process.stderr.write(s)).then(
    (code) => (process.exitCode = code),
    (e: unknown) => {
      process.stderr.write(`virtnet: internal error: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}\n`);
      process.exitCode = 3;
    },
  );
}

if (require.main === module) run();
