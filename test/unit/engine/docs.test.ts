/** Every diagnostic code the engine can emit is documented in the README's reference. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { REPO_ROOT } from '../../support/corpus';

function sourceFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap(e =>
    e.isDirectory() ? sourceFiles(path.join(dir, e.name)) : e.name.endsWith('.ts') ? [path.join(dir, e.name)] : []);
}

test('README documents every diagnostic code', () => {
  const codes = new Set<string>();
  for (const file of sourceFiles(path.join(REPO_ROOT, 'server', 'src', 'core'))) {
    if (file.includes(`${path.sep}runner${path.sep}`)) continue; // HTTP problem codes are not diagnostics
    for (const m of fs.readFileSync(file, 'utf8').matchAll(/code: '([a-z0-9-]+)'/g)) codes.add(m[1]);
  }
  assert.ok(codes.size > 50, `found ${codes.size} codes`);
  const readme = fs.readFileSync(path.join(REPO_ROOT, 'README.md'), 'utf8');
  const reference = readme.slice(readme.indexOf('## Diagnostics reference'));
  const missing = [...codes].filter(code => !reference.includes(`| \`${code}\` |`));
  assert.deepEqual(missing, [], 'codes without a row in the README reference');
});
