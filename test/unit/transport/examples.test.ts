/**
 * examples/ is what the templates produce (init and the examples cannot drift apart: regenerate with
 * `npm run gen:examples`), and every example folder checks with zero findings.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { expectedExamples } from '../../../scripts/examples';
import { checkFiles } from '../../../server/src/cli/check';
import { REPO_ROOT } from '../../support/corpus';

const EXAMPLES = path.join(REPO_ROOT, 'examples');

test('every example folder is exactly what the templates generate', () => {
  const expected = expectedExamples();
  assert.deepEqual(fs.readdirSync(EXAMPLES).sort(), [...expected.keys()].sort(), 'examples/ holds the template folders and nothing else');
  for (const [folder, files] of expected) {
    const dir = path.join(EXAMPLES, folder);
    assert.deepEqual(fs.readdirSync(dir).sort(), [...files.keys()].sort(), `${folder}: the same files`);
    for (const [name, text] of files) {
      assert.equal(fs.readFileSync(path.join(dir, name), 'utf8'), text, `${folder}/${name} differs from the template; run npm run gen:examples`);
    }
  }
});

test('the example folders have zero findings', async () => {
  const { results, missing } = await checkFiles(['examples'], REPO_ROOT);
  assert.deepEqual(missing, []);
  assert.deepEqual(results.map(r => `${r.file}: ${r.code} ${r.message}`), []);
});

test('no lifecycle or access call of the teammates example reaches a /contacts path', () => {
  for (const name of fs.readdirSync(path.join(EXAMPLES, 'intercom-teammates'))) {
    assert.doesNotMatch(fs.readFileSync(path.join(EXAMPLES, 'intercom-teammates', name), 'utf8'), /\/contacts/, name);
  }
});

test('the e2e workspace copies of the examples are the examples', () => {
  const e2e = path.join(REPO_ROOT, 'test', 'e2e', 'workspace');
  for (const folder of fs.readdirSync(EXAMPLES)) {
    for (const name of fs.readdirSync(path.join(EXAMPLES, folder))) {
      assert.equal(fs.readFileSync(path.join(e2e, 'calls', folder, name), 'utf8'), fs.readFileSync(path.join(EXAMPLES, folder, name), 'utf8'), `calls/${folder}/${name}`);
    }
  }
  for (const name of fs.readdirSync(path.join(EXAMPLES, 'intercom-contacts')).filter(n => n.endsWith('JSON.json'))) {
    assert.equal(fs.readFileSync(path.join(e2e, 'transport', 'Intercom', name), 'utf8'), fs.readFileSync(path.join(EXAMPLES, 'intercom-contacts', name), 'utf8'), `transport/Intercom/${name}`);
  }
});
