/**
 * Fixes a new import needs (issue 14, item 5): missing keys added with a value to start from,
 * laid out as the document is; "fix all" with only the certain fixes; every inserted fix text in
 * the document's own layout (the pagination fix was one 250-character line).
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { AttributeDocument } from '../../../server/src/core/document';
import { StaticConnection } from '../../../server/src/core/connection';
import { applyTextEdits } from '../../../server/src/core/rules/support/objectEdits';
import { detectIndentUnit, expandCompactContainers, layoutEdit } from '../../../server/src/core/text/fixLayout';
import type { Finding, Fix } from '../../../server/src/core/types';
import { fixAllEdits } from '../../../server/src/lsp/convert';
import { analyze } from '../../support/engine';

function docOf(name: string, text: string): AttributeDocument {
  return AttributeDocument.fromFile(`/conn/${name}.json`, text, 1);
}

/** The text after a fix, laid out as the editor receives it. */
function applied(doc: AttributeDocument, fix: Fix): string {
  return applyTextEdits(doc.text, fix.edits.map(e => layoutEdit(doc, e)));
}

const FRESH_IMPORT = [
  '{',
  '    "accountParams": {',
  '        "connection": "acctAuth",',
  '        "processingType": "SequentialAndIterative",',
  '        "call": {',
  '            "call1": {}',
  '        }',
  '    }',
  '}',
  '',
].join('\n');

test('every missing key of a fresh import has a fix, and one fix adds them all in the document\'s layout', async () => {
  const doc = docOf('ImportAccountEntJSON', FRESH_IMPORT);
  const missing = (await analyze(doc)).filter(f => f.code === 'missing-key');
  assert.deepEqual(missing.map(f => /^Missing key `([^`]+)`/.exec(f.message)?.[1]), ['callOrder', 'http', 'listField', 'keyField', 'colsToPropsMap']);
  for (const f of missing) {
    assert.ok(f.fixes?.length, `${f.message} has a fix`);
    assert.ok(!f.fixes!.some(x => x.isPreferred), 'a guessed value is never applied by "fix all"');
    const one = JSON.parse(applied(doc, f.fixes![0]));
    assert.ok(Object.keys(one.accountParams.call.call1).length === 1, f.fixes![0].title);
  }
  assert.equal(missing[0].fixes![0].title, 'Add "callOrder": 0');
  const all = missing[0].fixes!.find(x => x.title.startsWith('Add the 5 missing keys'))!;
  assert.ok(all, missing[0].fixes!.map(x => x.title).join(' | '));
  const text = applied(doc, all);
  const call = JSON.parse(text).accountParams.call.call1;
  assert.deepEqual(Object.keys(call), ['callOrder', 'http', 'listField', 'keyField', 'colsToPropsMap']);
  assert.equal(call.callOrder, 0);
  assert.equal(call.http.httpMethod, 'GET');
  assert.equal(call.listField, 'admins', 'the list field follows the URL the same fix adds (GET /admins)');
  assert.equal(call.keyField, 'accountID');
  assert.equal(call.colsToPropsMap.accountID, 'id~#~char');
  // Four spaces per level, as the document is written; no line longer than the longest value needs.
  const lines = text.split('\n');
  assert.ok(lines.includes('            "call1": {'), text);
  assert.ok(lines.includes('                "callOrder": 0,'), text);
  assert.ok(lines.includes('                "http": {'), text);
  assert.ok(lines.includes('                    "httpMethod": "GET",'), text);
  assert.ok(Math.max(...lines.map(l => l.length)) < 80, text);
  // With every key in place the call has no missing key left.
  const fixed = docOf('ImportAccountEntJSON', text);
  assert.deepEqual((await analyze(fixed)).filter(f => f.code === 'missing-key').map(f => f.message), []);
});

test('missing call keys get the connector\'s usual values: the next free call name, acctAuth, the attribute\'s usual method', async () => {
  const text = '{\n  "call": [\n    {\n      "name": "call1",\n      "connection": "acctAuth",\n      "url": "https://api.intercom.io/contacts",\n      "httpMethod": "POST"\n    },\n    {\n      "url": "https://api.intercom.io/contacts/${account.accountID}"\n    }\n  ]\n}\n';
  const doc = docOf('RemoveAccountJSON', text);
  const missing = (await analyze(doc)).filter(f => f.code === 'missing-key');
  const titles = missing.map(f => f.fixes![0].title);
  assert.deepEqual(titles, ['Add "name": "call2"', 'Add "connection": "acctAuth"', 'Add "httpMethod": "DELETE"']);
  const all = missing[0].fixes!.at(-1)!;
  const after = applied(doc, all);
  assert.match(after, /\n {6}"url": "https:\/\/api\.intercom\.io\/contacts\/\$\{account\.accountID\}",\n {6}"name": "call2",\n {6}"connection": "acctAuth",\n {6}"httpMethod": "DELETE"\n {4}\}/);
});

test('the indentation unit is read from the document: tabs, two or four spaces', () => {
  assert.equal(detectIndentUnit('{\n\t"a": {\n\t\t"b": 1\n\t}\n}'), '\t');
  assert.equal(detectIndentUnit('{\n  "a": {\n    "b": 1\n  }\n}'), '  ');
  assert.equal(detectIndentUnit('{\n    "a": {\n        "b": 1\n    }\n}'), '    ');
  assert.equal(detectIndentUnit('{"a": 1}'), '  ');
  assert.equal(expandCompactContainers('{"a":{"b":[1, 2]},"c":[]}', '  ', { indentUnit: '\t', eol: '\n' }), '{\n  \t"a": {\n  \t\t"b": [1, 2]\n  \t},\n  \t"c": []\n  }');
  assert.equal(expandCompactContainers('"x {\\"a\\":1}"', '', { indentUnit: '  ', eol: '\n' }), '"x {\\"a\\":1}"', 'text inside a string stays');
});

const CONTACTS_IMPORT = [
  '{',
  '  "accountParams": {',
  '    "connection": "acctAuth",',
  '    "processingType": "SequentialAndIterative",',
  '    "call": {',
  '      "call1": {',
  '        "callOrder": 0,',
  '        "http": {',
  '          "url": "https://api.intercom.io/contacts?per_page=50",',
  '          "httpMethod": "GET",',
  '          "httpHeaders": {"Authorization": "${access_token}", "Accept": "application/json", "Intercom-Version": "2.15"}',
  '        },',
  '        "listField": "data",',
  '        "keyField": "accountID",',
  '        "colsToPropsMap": {"accountID": "id~#~char"}',
  '      }',
  '    }',
  '  }',
  '}',
  '',
].join('\n');

test('the pagination fix is spread over lines in a multi-line document, and stays compact in a one-line one', async () => {
  const multi = docOf('ImportAccountEntJSON', CONTACTS_IMPORT);
  const finding = (await analyze(multi)).find(f => f.code === 'intercom-pagination-missing' && f.fixes?.length);
  assert.ok(finding, 'the rule offers its pagination fix');
  const fix = finding.fixes![0];
  assert.ok(fix.edits.some(e => /"pagination": \{"nextUrl":\{"nextUrlPath":/.test(e.newText)), 'the rule itself writes the object compact');
  const after = applied(multi, fix);
  const added = after.split('\n').filter(l => /"pagination"|"nextUrl"|"nextUrlPath"/.test(l));
  assert.deepEqual(added.map(l => /^ */.exec(l)![0].length), [8, 10, 12], after);
  assert.ok(after.includes('\n        "pagination": {\n          "nextUrl": {\n            "nextUrlPath": "${'), after);
  assert.ok(JSON.parse(after).accountParams.call.call1.pagination.nextUrl.nextUrlPath.includes('starting_after'));
  const single = docOf('ImportAccountEntJSON', CONTACTS_IMPORT.replace(/\n\s*/g, ' '));
  const oneLine = (await analyze(single)).find(f => f.code === 'intercom-pagination-missing' && f.fixes?.length)!;
  assert.ok(!applied(single, oneLine.fixes![0]).includes('\n'), 'a document on one line stays on one line');
});

test('fix all takes each finding\'s preferred fix once, never two edits at one place', async () => {
  const text = '{\n  "call": [\n    {\n      "name": "call1",\n      "connection": "acctAuth",\n      "url": "https://api.intercom.io/contacts",\n      "httpMethod": "post",\n      "httpHeaders": {"Authorization": "${access_token}"},\n      "httpContentType": "application/json",\n      "successResponses": {"statusCode": ["200"]},\n    }\n  ]\n}\n';
  const doc = docOf('CreateAccountJSON', text);
  const findings = await analyze(doc, { connection: new StaticConnection('t', [doc]) });
  const preferred = findings.filter(f => f.fixes?.some(x => x.isPreferred));
  assert.ok(preferred.length >= 3, findings.map(f => f.code).join(', '));
  const all = fixAllEdits(doc, findings)!;
  assert.ok(all.count >= 3);
  const starts = all.edits.map(e => `${e.range.start.line}:${e.range.start.character}`);
  assert.equal(new Set(starts).size, starts.length, 'no two edits start at one place');
  // Applying them gives a document the certain fixes leave nothing for.
  const lines = text.split('\n');
  const offsetOf = (p: { line: number; character: number }) => lines.slice(0, p.line).reduce((n, l) => n + l.length + 1, 0) + p.character;
  const fixedText = [...all.edits].sort((a, b) => offsetOf(b.range.start) - offsetOf(a.range.start))
    .reduce((t, e) => t.slice(0, offsetOf(e.range.start)) + e.newText + t.slice(offsetOf(e.range.end)), text);
  const again = await analyze(docOf('CreateAccountJSON', fixedText));
  assert.deepEqual(again.filter((f: Finding) => ['json-trailing-comma', 'wrong-type', 'invalid-value'].includes(f.code)).map(f => f.code), []);
  assert.equal(JSON.parse(fixedText).call[0].httpMethod, 'POST');
  assert.deepEqual(JSON.parse(fixedText).call[0].successResponses.statusCode, [200]);
  assert.equal(fixAllEdits(doc, findings.filter(f => !f.fixes?.some(x => x.isPreferred))), undefined);
});
