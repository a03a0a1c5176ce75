/** engine.loadConnection: the runtime's sibling files (Node: read from the folder), open documents in place of their files. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as path from 'node:path';
import { AttributeDocument, createEngine } from '../../../server/src/core/index';
import { nodeRuntime } from '../../../server/src/node/runtime';
import { REPO_ROOT } from '../../support/corpus';

const FOLDER = path.join(REPO_ROOT, 'examples', 'intercom-contacts');

test('the Node runtime reads a connection folder; an open document replaces its file', async () => {
  const engine = createEngine(nodeRuntime());
  const edited = AttributeDocument.fromFile(path.join(FOLDER, 'ConnectionJSON.json'), '{"authentications": {}}', 7);
  const doc = AttributeDocument.fromFile(path.join(FOLDER, 'CreateAccountJSON.json'), '{"call": []}', 3);
  const connection = await engine.loadConnection(doc, [edited]);
  assert.equal(connection.folder, FOLDER);
  assert.ok(connection.all().length >= 8, `${connection.all().length} attributes`);
  assert.equal(connection.get('CreateAccountJSON'), doc, 'the document itself, as given');
  assert.equal(connection.get('connectionjson'), edited, 'the open version, not the file');
  assert.ok(connection.get('ImportAccountEntJSON')!.text.length > 100, 'a sibling read from disk');
});

test('without readConnectionFiles an engine sees the document and the open ones only', async () => {
  const doc = AttributeDocument.fromFile('/x/CreateAccountJSON.json', '{"call": []}', 1);
  const connection = await createEngine().loadConnection(doc);
  assert.deepEqual(connection.all(), [doc]);
});
