/**
 * Prints the README's table of checks from the registry (id, default
 * severity, description), or rewrites it in place with --write.
 *   npx tsx scripts/checks-table.ts [--write]
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { createLanguageService } from '../server/src/service/languageService';

const rows = createLanguageService().codes.map(
  (c) => `| \`${c.id}\` | ${c.defaultSeverity} | ${c.description.replace(/\|/g, '\\|').replace(/\.$/, '').replace(/<[^>]+>/g, (m) => '`' + m + '`')} |`,
);
const table = ['| code | default | what it reports |', '|---|---|---|', '| `xml/too-large` | error | The file is over 10 MiB, which virsh refuses |', ...rows].join('\n');
if (process.argv.includes('--write')) {
  const file = path.resolve(__dirname, '..', 'README.md');
  const text = fs.readFileSync(file, 'utf8');
  const start = text.indexOf('<!-- checks-table:start -->') + '<!-- checks-table:start -->'.length;
  const end = text.indexOf('<!-- checks-table:end -->');
  fs.writeFileSync(file, text.slice(0, start) + '\n' + table + '\n' + text.slice(end));
} else console.log(table);
