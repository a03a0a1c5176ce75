/**
 * The rules' `reads` declarations hold: on every connection of the examples and the corpus, what
 * each rule reads through its connection is within what it declares. And the engine reports what an
 * analysis read (RequestScope.reads), which the language server uses to re-check only dependents.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { AttributeDocument, createEngine, defaultRules, readsAnyOf, RecordingConnection, StaticConnection } from '../../../server/src/core/index';
import { connectionFolders, connectionOf } from '../../support/connectionFolders';
import { engine } from '../../support/engine';

test('every rule reads only the sibling attributes it declares', () => {
  const undeclared: string[] = [];
  const folders = connectionFolders();
  assert.ok(folders.length >= 3, 'the examples at least');
  for (const rule of defaultRules) {
    const alone = createEngine({}, { rules: [rule] });
    const declared = rule.reads === '*' ? undefined : new Set((rule.reads ?? []).map(n => n.toLowerCase()));
    for (const { folder, docs } of folders) {
      const connection = connectionOf(folder, docs);
      for (const doc of docs) {
        const reads = new Set<string>();
        alone.ruleFindings(doc, { connection: new RecordingConnection(connection, doc, reads) });
        for (const name of reads) if (declared && !declared.has(name)) undeclared.push(`${rule.id} reads ${name} (in ${doc.uri})`);
      }
    }
  }
  assert.deepEqual(undeclared, []);
});

test('a declaration that leaves a read out is caught (the check can fail)', () => {
  const doc = AttributeDocument.fromFile('/c/CreateAccountJSON.json', '{"call":[]}', 1);
  const reads = new Set<string>();
  const sneaky = { id: 'sneaky', run: (ctx: { connection: { get(n: string): unknown } }) => { ctx.connection.get('ConnectionJSON'); } };
  createEngine({}, { rules: [sneaky] }).ruleFindings(doc, { connection: new RecordingConnection(new StaticConnection('c', [doc]), doc, reads) });
  assert.deepEqual([...reads], ['connectionjson']);
});

test('analyze reports the siblings it read: ConnectionJSON for a call file, nothing from an unrelated sibling', async () => {
  const folder = connectionFolders().find(f => f.folder.endsWith('intercom-contacts'))!;
  const create = folder.docs.find(d => d.attribute?.name === 'CreateAccountJSON')!;
  const reads = new Set<string>();
  await engine.analyze(create, { connection: connectionOf(folder.folder, folder.docs), reads });
  assert.ok(reads.has('connectionjson') || reads.has('*'), [...reads].join(' '));
  const plain = AttributeDocument.fromFile('/p/CreateAccountJSON.json', JSON.stringify({ call: [{ name: 'c', connection: 'acctAuth', url: 'https://example.com/u', httpMethod: 'POST', httpParams: '{}', httpHeaders: {}, httpContentType: 'application/json' }] }), 1);
  const update = AttributeDocument.fromFile('/p/UpdateAccountJSON.json', '{"call":[]}', 1);
  const plainReads = new Set<string>();
  await engine.analyze(plain, { connection: new StaticConnection('p', [plain, update], '/p'), reads: plainReads });
  assert.ok(!plainReads.has('updateaccountjson') && !plainReads.has('*'), [...plainReads].join(' '));
});

test('readsAnyOf: what an analysis read against what changed (names case-insensitive, \'*\' on either side, none read yet)', () => {
  const reads = new Set(['connectionjson', 'aob_connection_template_variables']);
  assert.equal(readsAnyOf(reads, ['ConnectionJSON']), true, 'a read attribute, in its file-name case');
  assert.equal(readsAnyOf(reads, ['updateaccountjson', 'AOB_CONNECTION_TEMPLATE_VARIABLES']), true, 'one of several');
  assert.equal(readsAnyOf(reads, ['UpdateAccountJSON']), false, 'an attribute not read');
  assert.equal(readsAnyOf(reads, []), false, 'nothing changed');
  assert.equal(readsAnyOf(reads, '*'), true, 'everything changed');
  assert.equal(readsAnyOf(new Set(['*']), ['UpdateAccountJSON']), true, 'an analysis that listed every sibling');
  assert.equal(readsAnyOf(new Set(), ['ConnectionJSON']), false, 'an analysis that read no sibling');
  assert.equal(readsAnyOf(undefined, ['ConnectionJSON']), true, 'no analysis yet');
  assert.equal(readsAnyOf(undefined, []), false, 'no analysis yet, nothing changed');
});
