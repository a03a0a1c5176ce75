/**
 * Connection files recognised by content (issue 14, item 1): an EIC export saved under another name
 * (the community package's Intercom.json), an attribute saved under another name, and what is
 * neither. The scan reads a bounded prefix, so it may run on every JSON file the editor opens.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { RECOGNITION_PREFIX, recognizeContent } from '../../../server/src/core/contentRecognition';
import { AttributeDocument } from '../../../server/src/core/document';
import { CORPUS_CONNECTIONS, CORPUS_EXPORTS, HAS_CORPUS, NO_CORPUS_REASON } from '../transport/helpers';
import { analyze } from '../../support/engine';

const kindOf = (text: string) => {
  const r = recognizeContent(text);
  return r?.kind === 'attribute' ? r.attribute.name : r?.kind;
};

test('every export of the corpus is recognised by its content', { skip: !HAS_CORPUS && NO_CORPUS_REASON }, () => {
  const files = readdirSync(CORPUS_EXPORTS).filter(f => f.endsWith('.json'));
  assert.ok(files.length > 20);
  for (const f of files) assert.equal(kindOf(readFileSync(path.join(CORPUS_EXPORTS, f), 'utf8')), 'export', f);
});

test('attributes with a key of their own are named by content; plain call lists name none', { skip: !HAS_CORPUS && NO_CORPUS_REASON }, () => {
  const expectByName: Record<string, string> = {
    ConnectionJSON: 'ConnectionJSON', ImportAccountEntJSON: 'ImportAccountEntJSON', STATUS_THRESHOLD_CONFIG: 'STATUS_THRESHOLD_CONFIG',
    UpdateUserJSON: 'UpdateUserJSON', TicketStatusJSON: 'TicketStatusJSON', CreateTicketJSON: 'CreateTicketJSON', ConfigJSON: 'ConfigJSON',
    CreateAccountJSON: 'call-list', UpdateAccountJSON: 'call-list', RemoveAccountJSON: 'call-list', AddAccessJSON: 'call-list',
    RemoveAccessJSON: 'call-list', EnableAccountJSON: 'call-list', DisableAccountJSON: 'call-list',
  };
  let seen = 0;
  for (const app of readdirSync(CORPUS_CONNECTIONS)) {
    for (const file of readdirSync(path.join(CORPUS_CONNECTIONS, app))) {
      const name = file.replace(/\.json$/i, '');
      const expected = expectByName[name];
      if (!expected) continue;
      const text = readFileSync(path.join(CORPUS_CONNECTIONS, app, file), 'utf8');
      // A real mistake in the corpus: Rippling_HR's ImportAccountEntJSON holds an ImportUserJSON.
      if (app === 'Rippling_HR' && name === 'ImportAccountEntJSON') { assert.equal(kindOf(text), 'ImportUserJSON'); continue; }
      assert.equal(kindOf(text), expected, `${app}/${file}`);
      seen++;
    }
  }
  assert.ok(seen > 100, `${seen} corpus files compared`);
});

test('JSON that is no connection file is not recognised', () => {
  for (const text of [
    '{"name": "x", "version": "1.0.0", "scripts": {"call": "node x"}}',
    '{"compilerOptions": {"strict": true}}',
    '[{"accountParams": {}}]',
    '"authentications"',
    '',
    'not json at all',
    '{"a": {"EXTERNAL_ATTR": 1}}',
    '{"settings": {"accountParams": {}}}',
    '{"x": "\\"authentications\\": {}"}',
  ]) assert.equal(recognizeContent(text), undefined, text);
});

test('signs count only at their level: a key inside a string or a nested object does not decide', () => {
  assert.equal(kindOf('{"note": "accountParams", "call": [{"name": "call1"}]}'), 'call-list');
  assert.equal(kindOf('{"call": [{"name": "c", "ticketStatusPath": "state"}]}'), 'TicketStatusJSON');
  assert.equal(kindOf('{\n  "accountParams": {"call": {}},\n  "entitlementParams": {}\n}'), 'ImportAccountEntJSON');
  assert.equal(kindOf('\uFEFF{"authentications": {"acctAuth": {"authType": "oauth2"}}}'), 'ConnectionJSON');
  assert.equal(kindOf('{"actions": {"Update Login": {"call": []}}}'), 'UpdateUserJSON');
  assert.equal(kindOf('{"actions": ["call"]}'), undefined);
});

test('only a bounded prefix is read: a sign after it is not seen, and a huge text costs no more than the prefix', () => {
  const filler = `"filler": "${'x'.repeat(RECOGNITION_PREFIX)}"`;
  assert.equal(kindOf(`{${filler}, "authentications": {}}`), undefined);
  const huge = `{"authentications": {}, "pad": [${'1,'.repeat(3_000_000)}1]}`;
  const started = performance.now();
  for (let i = 0; i < 100; i++) assert.equal(kindOf(huge), 'ConnectionJSON');
  const perCall = (performance.now() - started) / 100;
  assert.ok(perCall < 5, `one recognition of a 6 MB text took ${perCall.toFixed(2)} ms`);
  // A long list of numbers within the prefix: linear, no look-back per comma.
  const commas = `{"x": [${'1,'.repeat(RECOGNITION_PREFIX / 2)}1], "authentications": {}}`;
  const t0 = performance.now();
  kindOf(commas);
  assert.ok(performance.now() - t0 < 20, 'a prefix full of commas is scanned in one pass');
});

test('a document named neither way takes its kind from its content, and is checked', { skip: !HAS_CORPUS && NO_CORPUS_REASON }, async () => {
  const text = readFileSync(path.join(CORPUS_EXPORTS, 'Intercom.json'), 'utf8');
  const asExport = AttributeDocument.fromFile('/x/Intercom.json', text);
  assert.equal(asExport.kind, 'export');
  const byName = AttributeDocument.fromFile('/x/Connection_Intercom.json', text);
  const summary = async (doc: AttributeDocument) => (await analyze(doc)).map(f => `${f.offset}:${f.code}`).join(',');
  assert.equal(await summary(asExport), await summary(byName), 'the same findings as under an export name');
  assert.ok((await analyze(asExport)).some(f => f.severity === 'error'));
  const imported = AttributeDocument.fromFile('/x/import.json', '{"accountParams": {"call": {}}}');
  assert.equal(imported.kind, 'attribute');
  assert.equal(imported.attribute?.name, 'ImportAccountEntJSON');
  assert.equal(AttributeDocument.fromFile('/x/package.json', '{"name": "x"}').kind, 'unknown');
  // The name wins over the content, and an explicit attribute wins over both.
  assert.equal(AttributeDocument.fromFile('/x/CreateAccountJSON.json', '{"authentications": {}}').attribute?.name, 'CreateAccountJSON');
  assert.equal(AttributeDocument.fromFile('/x/any.json', '{"authentications": {}}', 0, 'ConfigJSON').attribute?.name, 'ConfigJSON');
});
