import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { test } from 'node:test';
import { createLanguageService } from '../server/src/service/languageService';

test('README documents every check code and its default severity', () => {
  const readme = fs.readFileSync(path.resolve(__dirname, '..', 'README.md'), 'utf8');
  const table = readme.slice(readme.indexOf('<!-- checks-table:start -->'), readme.indexOf('<!-- checks-table:end -->'));
  const missing = createLanguageService()
    .codes.filter((c) => !new RegExp('\\| `' + c.id.replace(/[/.-]/g, '\\$&') + '` \\| ' + c.defaultSeverity).test(table))
    .map((c) => `${c.id} (${c.defaultSeverity})`);
  assert.deepEqual(missing, []);
});
