/**
 * Completion where a new user meets it first (issue 14, items 2, 3 and 5): `${user.` inside an
 * escaped httpParams body, no `$schema`, an empty file's own skeleton first, and a whole call
 * inside `"call": {}` and `"call": []`.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import type { CompletionItem, TextEdit } from 'vscode-languageserver-types';
import { StaticConnection } from '../../../server/src/core/connection';
import { AttributeDocument } from '../../../server/src/core/document';
import { complete } from '../../support/engine';

const REPO = path.resolve(__dirname, '../../..');

async function completeAt(file: string, marked: string) {
  const offset = marked.indexOf('|');
  assert.ok(offset >= 0, 'cursor marker');
  const text = marked.slice(0, offset) + marked.slice(offset + 1);
  const doc = AttributeDocument.fromFile(file, text, 1);
  const list = await complete({ doc, connection: new StaticConnection('t', [doc]), offset, settings: {} });
  return { doc, text, offset, items: list.items };
}

const labels = (items: CompletionItem[]) => items.map(i => String(i.label));

/** The text after accepting an item the way the editor does: its edit, with snippet syntax expanded to defaults. */
function accept(doc: AttributeDocument, text: string, item: CompletionItem): string {
  const edit = item.textEdit as TextEdit;
  const start = doc.offsetAt(edit.range.start);
  const end = doc.offsetAt(edit.range.end);
  const inserted = item.insertTextFormat === 2
    ? edit.newText.replace(/\$\{\d+:([^}]*)\}/g, '$1').replace(/\$\d+/g, '').replace(/\\([$}\\])/g, '$1')
    : edit.newText;
  return text.slice(0, start) + inserted + text.slice(end);
}

/** What the editor filters on: the document text from the range's start to the cursor. */
function typedWord(doc: AttributeDocument, text: string, offset: number, item: CompletionItem): string {
  return text.slice(doc.offsetAt((item.textEdit as TextEdit).range.start), offset);
}

test('README scenario: `${user.phon` in an escaped httpParams body filters on "phon" and closes the binding', async () => {
  const fixture = readFileSync(path.join(REPO, 'test/e2e/workspace/screenshots/UpdateAccountJSON.json'), 'utf8');
  const { doc, text, offset, items } = await completeAt('/c/UpdateAccountJSON.json', fixture.replace('CURSOR', '${user.phon|'));
  const phone = items.find(i => i.label === 'phonenumber');
  assert.ok(phone, `offered: ${labels(items).slice(0, 10)}`);
  const word = typedWord(doc, text, offset, phone);
  assert.equal(word, 'phon', 'the replace range starts at the typed word, in raw document offsets');
  for (const item of items) assert.equal(typedWord(doc, text, offset, item), 'phon', `${item.label}: same range for every item`);
  assert.ok((phone.filterText ?? String(phone.label)).startsWith(word), 'the filter text matches what was typed');
  assert.ok(!items.find(i => i.label === 'username')!.filterText!.includes('phon'));
  const after = accept(doc, text, phone);
  const line = after.split('\n').find(l => l.includes('"httpParams"'))!;
  assert.equal(line.trim(), '"httpParams": "{\\"email\\":\\"${user.email}\\",\\"name\\":\\"${user.phonenumber}\\"}",');
  const body = JSON.parse(JSON.parse(after).call[0].httpParams.replace(/\$\{[^}]*\}/g, 'x'));
  assert.deepEqual(Object.keys(body), ['email', 'name'], 'the body is still valid JSON');
});

test('an unclosed binding followed by another binding or by more of the body is closed after the completed word', async () => {
  const call = (params: string) => `{\n  "call": [\n    {\n      "name": "call1",\n      "connection": "acctAuth",\n      "url": "https://x",\n      "httpMethod": "PUT",\n      "httpParams": "${params}"\n    }\n  ]\n}`;
  for (const params of [
    '{\\"a\\":\\"${user.phon|${user.email}\\"}',
    '{\\"a\\":\\"${user.phon|\\",\\"n\\":1}',
    '{\\"a\\":\\"${user.phon|\\",\\"b\\":{\\"c\\":\\"d\\"}}',
  ]) {
    const { doc, text, items } = await completeAt('/c/UpdateAccountJSON.json', call(params));
    const phone = items.find(i => i.label === 'phonenumber')!;
    assert.ok(phone, params);
    assert.match(accept(doc, text, phone), /\$\{user\.phonenumber\}/, params);
  }
  // A binding that is closed already gets no second brace.
  const closed = await completeAt('/c/UpdateAccountJSON.json', call('{\\"a\\":\\"${user.phon|}\\"}'));
  assert.equal((closed.items.find(i => i.label === 'phonenumber')!.textEdit as TextEdit).newText, 'phonenumber');
});

test('no `$schema` is proposed: EIC has no such key', async () => {
  for (const [file, marked] of [
    ['/c/CreateAccountJSON.json', '{|}'],
    ['/c/ImportAccountEntJSON.json', '{\n  |\n}'],
    ['/c/ImportAccountEntJSON.json', '{"accountParams": {}, |}'],
  ]) {
    const { items } = await completeAt(file, marked);
    assert.ok(items.length > 0, `${file}: keys are offered`);
    assert.ok(!labels(items).includes('$schema'), `${file}: ${labels(items)}`);
  }
});

test('an empty file offers its own attribute\'s skeleton first, preselected, and the others after', async () => {
  const { items } = await completeAt('/conn/ImportAccountEntJSON.json', '|');
  const sorted = [...items].sort((a, b) => a.sortText!.localeCompare(b.sortText!));
  assert.deepEqual(labels(sorted).slice(0, 2), ['ImportAccountEntJSON: Intercom admins and teams', 'ImportAccountEntJSON: Intercom contacts and tags']);
  assert.equal(sorted[0].preselect, true);
  assert.equal(sorted.filter(i => i.preselect).length, 1);
  assert.ok(sorted.length >= 19, 'the other attributes\' skeletons are still there');
  assert.ok(labels(sorted.slice(2)).every(l => !l.startsWith('ImportAccountEntJSON')));
  assert.equal(new Set(labels(items)).size, items.length, 'no skeleton twice (the schema\'s copy is left out)');
  // A lower-case file name and a first word being typed: still its own first, the word replaced.
  const typed = await completeAt('/conn/createaccountjson.json', 'eic-c|');
  const first = [...typed.items].sort((a, b) => a.sortText!.localeCompare(b.sortText!))[0];
  assert.equal(first.label, 'CreateAccountJSON: create an Intercom contact');
  assert.deepEqual((first.textEdit as TextEdit).range, { start: { line: 0, character: 0 }, end: { line: 0, character: 5 } });
  assert.match(first.filterText!, /^eic-create-contact /);
  const expanded = accept(typed.doc, typed.text, first);
  assert.equal(JSON.parse(expanded).call[0].httpMethod, 'POST', 'the skeleton is valid JSON once inserted');
  // A file that is no attribute offers all of them in EIC's order, none preselected.
  const other = await completeAt('/conn/untitled-1', '  |');
  assert.ok(other.items.length >= 19 && other.items.every(i => !i.preselect));
  // Not once the file has content.
  const started = await completeAt('/conn/CreateAccountJSON.json', '{|}');
  assert.ok(!labels(started.items).some(l => l.includes(':')), labels(started.items).join(', '));
});

test('inside `"call": {}` of an import, a whole call named call1 (call2 when call1 exists) is offered first', async () => {
  const imp = (calls: string) => `{\n  "accountParams": {\n    "connection": "acctAuth",\n    "processingType": "SequentialAndIterative",\n    "call": ${calls}\n  }\n}`;
  const empty = await completeAt('/c/ImportAccountEntJSON.json', imp('{|}'));
  const call = empty.items.find(i => i.label === 'call1');
  assert.ok(call, labels(empty.items).join(', '));
  assert.equal(call.preselect, true);
  const after = JSON.parse(accept(empty.doc, empty.text, call));
  const inserted = after.accountParams.call.call1;
  assert.equal(inserted.http.httpMethod, 'GET');
  for (const key of ['callOrder', 'http', 'listField', 'keyField', 'colsToPropsMap']) assert.ok(key in inserted, `${key} is in the new call`);
  const second = await completeAt('/c/ImportAccountEntJSON.json', imp('{\n      "call1": {},\n      |\n    }'));
  assert.ok(second.items.some(i => i.label === 'call2'), labels(second.items).join(', '));
  // Entitlement calls get the entitlement call's skeleton.
  const ent = await completeAt('/c/ImportAccountEntJSON.json', '{"entitlementParams": {"processingType": "SequentialAndIterative", "entTypes": {"Team": {"call": {|}}}}}');
  const entCall = ent.items.find(i => i.label === 'call1')!;
  assert.ok(entCall);
  assert.ok('entitlementID' in JSON.parse(accept(ent.doc, ent.text, entCall)).entitlementParams.entTypes.Team.call.call1.colsToPropsMap);
  // Not inside an existing call.
  const inside = await completeAt('/c/ImportAccountEntJSON.json', imp('{"call1": {|}}'));
  assert.ok(!inside.items.some(i => i.label === 'call2' || i.label === 'call1'));
});

test('inside `"call": []` of a call list, a whole call named with the first free name is offered first', async () => {
  const empty = await completeAt('/c/CreateAccountJSON.json', '{\n  "call": [|]\n}');
  const first = [...empty.items].sort((a, b) => (a.sortText ?? String(a.label)).localeCompare(b.sortText ?? String(b.label)))[0];
  assert.equal(first.label, 'call1');
  const after = JSON.parse(accept(empty.doc, empty.text, first));
  assert.equal(after.call[0].name, 'call1');
  assert.ok(after.call[0].url && after.call[0].httpMethod);
  const more = await completeAt('/c/CreateAccountJSON.json', '{\n  "call": [\n    {"name": "call1"},\n    |\n  ]\n}');
  assert.ok(more.items.some(i => i.label === 'call2'), labels(more.items).join(', '));
});
