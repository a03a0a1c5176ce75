/**
 * The findings of `check`, byte for byte, on every file of the examples and of the public corpus
 * (../shared/saviynt-corpus, when present), compared with test/golden/findings.json.
 *
 * A change to the engine's shape must not change what it finds. A deliberate change to a message
 * or a rule regenerates the file with `npm run golden:update` and shows up in the diff for review.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';

const ROOT = path.resolve(__dirname, '../../..');
const GOLDEN = path.join(ROOT, 'test/golden/findings.json');
const CORPUS = path.resolve(ROOT, '../shared/saviynt-corpus');
const UPDATE = process.env.GOLDEN_UPDATE === '1';

interface Set { cwd: string; args: string[] }
const SETS: Record<string, Set> = {
  examples: { cwd: ROOT, args: ['examples'] },
  corpus: { cwd: CORPUS, args: ['connections', 'exports'] },
};

/** Runs the CLI from the sources (so a stale dist/ cannot hide a change); exit 1 means "errors found". */
function check(set: Set): unknown[] {
  let stdout: string;
  try {
    stdout = execFileSync(process.execPath, ['--import', 'tsx', path.join(ROOT, 'server/src/cli.ts'), 'check', '--format', 'json', ...set.args.map(a => path.join(set.cwd, a))],
      { cwd: ROOT, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  } catch (err: any) {
    if (err.status !== 1) throw err;
    stdout = err.stdout;
  }
  // Paths relative to the set's folder, so that the record does not depend on where the clone is.
  return (JSON.parse(stdout) as { file: string }[]).map(f => ({ ...f, file: path.relative(set.cwd, f.file).split(path.sep).join('/') }));
}

const golden: Record<string, unknown[]> = existsSync(GOLDEN) ? JSON.parse(readFileSync(GOLDEN, 'utf8')) : {};
const fresh: Record<string, unknown[]> = {};

for (const [name, set] of Object.entries(SETS)) {
  const absent = name === 'corpus' && !existsSync(CORPUS) ? `the corpus is not at ${CORPUS}` : false;
  test(`check finds exactly the recorded findings on the ${name}`, { skip: absent }, () => {
    const actual = check(set);
    fresh[name] = actual;
    assert.ok(Array.isArray(actual));
    // The examples are clean; the corpus has real mistakes, so an empty result there means the check did not run.
    if (name === 'corpus') assert.ok(actual.length > 0, 'no findings at all on the corpus: the check did not run');
    if (UPDATE) return;
    assert.ok(golden[name], `test/golden/findings.json has no entry for the ${name}: run npm run golden:update`);
    assert.deepStrictEqual(actual, golden[name]);
  });
}

test.after(() => {
  if (!UPDATE) return;
  const merged = { ...golden, ...fresh };
  writeFileSync(GOLDEN, JSON.stringify(merged, null, 1) + '\n');
});
