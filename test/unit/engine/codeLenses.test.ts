/**
 * Lenses: the core names what a lens is about (a neutral kind and the call), and the LSP layer
 * turns each kind into the client command declared once in common/src/protocol.ts.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { AttributeDocument } from '../../../server/src/core/document';
import { codeLenses } from '../../../server/src/core/features/codeLens';
import { singleDocumentConnection } from '../../../server/src/core/connection';
import { LENS_COMMANDS, toCodeLenses } from '../../../server/src/lsp/codeLenses';
import { Commands } from '../../../common/src/protocol';

const file = path.resolve(__dirname, '../../../examples/intercom-contacts/ImportAccountEntJSON.json');
const doc = AttributeDocument.fromFile(`file://${file}`, fs.readFileSync(file, 'utf8'), 1);

test('the core gives a run and a preview lens per call, with no command id', () => {
  const lenses = codeLenses(doc, singleDocumentConnection(doc));
  assert.ok(lenses.length >= 2 && lenses.length % 2 === 0, `lenses: ${lenses.length}`);
  const runs = lenses.filter(l => l.kind === 'run-call');
  const previews = lenses.filter(l => l.kind === 'preview-request');
  assert.equal(runs.length, previews.length);
  assert.deepEqual(runs.map(l => l.target), previews.map(l => l.target));
  for (const lens of runs) {
    assert.equal(lens.title, `▶ Run ${lens.target.name}`);
    assert.equal(lens.target.uri, doc.uri);
    assert.ok(lens.target.path.length > 0);
  }
  assert.doesNotMatch(JSON.stringify(lenses), /saviyntRest\./, 'the core output holds no client command id');
});

test('the LSP layer maps each kind to the client command and passes the call as the argument', () => {
  const lenses = codeLenses(doc, singleDocumentConnection(doc));
  const lsp = toCodeLenses(lenses);
  assert.equal(lsp.length, lenses.length);
  lsp.forEach((lens, i) => {
    assert.equal(lens.command?.command, lenses[i].kind === 'run-call' ? Commands.runCall : Commands.previewRequest);
    assert.equal(lens.command?.title, lenses[i].title);
    assert.deepEqual(lens.command?.arguments, [lenses[i].target]);
    assert.deepEqual(lens.range, lenses[i].range);
  });
  assert.deepEqual(Object.keys(LENS_COMMANDS).sort(), ['preview-request', 'run-call']);
});
