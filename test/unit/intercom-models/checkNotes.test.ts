/** `check` says, in its text summary, what one run of a one-page search import reads (no finding, no change to JSON output). */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as path from 'node:path';
import { main } from '../../../server/src/cli';

const repo = path.resolve(__dirname, '../../..');

async function check(...args: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await main(['check', ...args], { out: s => { out.push(s); }, err: s => { err.push(s); }, cwd: repo });
  return { code, out: out.join('\n'), err: err.join('\n') };
}

test('check names the per-run limit of the incremental import, and how to schedule it', async () => {
  const r = await check('examples/intercom-contacts-incremental');
  assert.equal(r.code, 0);
  assert.equal(r.out, '', 'no finding');
  assert.match(r.err, /^No findings\.$/m);
  assert.match(r.err, /^note: examples\/intercom-contacts-incremental\/ImportAccountEntJSON\.json: call1: one run reads at most 150 records of POST \/contacts\/search/m);
  assert.match(r.err, /the 150 contacts changed most recently/);
  assert.match(r.err, /beside a scheduled full import/);
});

test('no such note for imports that page through everything, and none in the JSON output', async () => {
  const full = await check('examples/intercom-contacts', 'examples/intercom-teammates');
  assert.doesNotMatch(full.err, /^note:/m);
  const json = await check('examples/intercom-contacts-incremental', '--format', 'json');
  assert.deepEqual(JSON.parse(json.out), []);
  assert.doesNotMatch(json.err, /note:/);
});
