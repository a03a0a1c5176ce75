/**
 * The bundled example connection packages into a zip laid out like a real EIC export
 * (same entry names pattern, same envelope columns, same attribute list and order as the
 * corpus exports), passes the full pre-package check, and carries no token.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { nodeFs } from '../../../server/src/core/transport/node/nodeFs';
import { packageConnectionFolder } from '../../../server/src/core/transport/node/package';
import { readTransportZip } from '../../../server/src/core/transport/node/zipReader';
import { engineValidator } from '../../../server/src/core/index';
import { engine } from '../../support/engine';
import { EXPORT_ATTRIBUTE_ORDER } from '../../../server/src/core/attributes';
import { CORPUS_EXPORTS, HAS_CORPUS, REPO_ROOT } from '../../support/corpus';

const EXAMPLES = path.join(REPO_ROOT, 'examples');
const STAMP = new Date(Date.UTC(2026, 0, 2, 3, 4, 5));

for (const folder of fs.readdirSync(EXAMPLES)) {
  const EXAMPLE = path.join(EXAMPLES, folder);
  const name = JSON.parse(fs.readFileSync(path.join(EXAMPLE, 'connection.meta.json'), 'utf8')).connectionname as string;
  test(`examples/${folder} packages with the layout of a real EIC export`, async () => {
    await checkExample(EXAMPLE, name);
  });
}

async function checkExample(EXAMPLE: string, name: string): Promise<void> {
  const result = await packageConnectionFolder(nodeFs, EXAMPLE, { timestamp: STAMP, validate: engineValidator(engine) });
  assert.deepEqual(result.checkMessages.filter(m => /error/i.test(m)), []);
  const zip = await readTransportZip(result.zip);
  assert.deepEqual(zip.files.map(f => f.name), ['Connection_2026-01-02_03-04-05(UTC).json', 'ObjectSummary_2026-01-02_03-04-05(UTC).json']);
  const root = JSON.parse(Buffer.from(zip.files[0].data).toString('utf8'));
  assert.deepEqual(Object.keys(root), [name]);
  const connection = root[name];
  assert.deepEqual(connection.EXTERNAL_ATTR.map((a: { attributename: string }) => a.attributename), EXPORT_ATTRIBUTE_ORDER);
  for (const file of fs.readdirSync(EXAMPLE).filter(f => f.endsWith('JSON.json') && f !== 'ConnectionJSON.json')) {
    const attr = connection.EXTERNAL_ATTR.find((a: { attributename: string }) => `${a.attributename}.json` === file);
    assert.equal(attr.encryptedattributevalue, fs.readFileSync(path.join(EXAMPLE, file), 'utf8'), `${file} carried verbatim`);
  }
  const text = Buffer.from(result.zip).toString('latin1') + result.entries.map(e => e.text).join('');
  assert.doesNotMatch(text, /Bearer [A-Za-z0-9_=-]{20,}/, 'no literal token');
  if (HAS_CORPUS) {
    const real = JSON.parse(fs.readFileSync(path.join(CORPUS_EXPORTS, 'Intercom.json'), 'utf8')).Intercom;
    assert.deepEqual(Object.keys(connection).sort(), Object.keys(real).sort(), 'the same envelope columns as the real Intercom export');
    assert.deepEqual(connection.EXTERNAL_ATTR.map((a: { attributename: string }) => a.attributename), real.EXTERNAL_ATTR.map((a: { attributename: string }) => a.attributename));
  }
}
