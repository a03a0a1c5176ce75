/**
 * Real, working configurations must not get false Intercom errors: on the public corpus every
 * error of an `intercom-*` code must be a real mistake listed in test/fixtures/corpus-real-mistakes.json,
 * every listed Intercom mistake must still be found, and the export of the community package
 * (checked in place) must show the same errors.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { AttributeDocument } from '../../../server/src/core/document';
import { StaticConnection } from '../../../server/src/core/connection';
import { CORPUS_CONNECTIONS, CORPUS_EXPORTS, HAS_CORPUS, NO_CORPUS_MESSAGE, corpusFiles, readCorpus, realMistakes } from '../../support/corpus';
import { analyze } from '../../support/engine';

const skip = !HAS_CORPUS && NO_CORPUS_MESSAGE;

let cached: { file: string; code: string; severity: string; message: string }[] | undefined;
async function intercomFindings() {
  if (cached) return cached;
  const byApp = new Map<string, AttributeDocument[]>();
  for (const file of corpusFiles()) {
    const app = file.split('/')[0];
    byApp.set(app, [...(byApp.get(app) ?? []), AttributeDocument.fromFile(file, readCorpus(file))]);
  }
  const out: { file: string; code: string; severity: string; message: string }[] = [];
  for (const [app, docs] of byApp) {
    const connection = new StaticConnection(app, docs, path.join(CORPUS_CONNECTIONS, app));
    for (const doc of docs) {
      for (const f of await analyze(doc, { connection })) {
        if (f.code.startsWith('intercom-')) out.push({ file: doc.uri, code: f.code, severity: f.severity, message: f.message });
      }
    }
  }
  return (cached = out);
}

test('corpus: no Intercom error except the listed real mistakes', { skip }, async () => {
  const listed = realMistakes();
  const errors = (await intercomFindings()).filter(f => f.severity === 'error');
  assert.deepEqual(errors.filter(e => !listed.some(m => m.file === e.file && m.code === e.code)), []);
});

test('corpus: every listed Intercom mistake is still found', { skip }, async () => {
  const found = await intercomFindings();
  const listed = realMistakes().filter(m => m.code.startsWith('intercom-'));
  assert.ok(listed.length >= 1, 'the community package mistakes are listed');
  assert.deepEqual(listed.filter(m => !found.some(f => f.file === m.file && f.code === m.code && f.severity === 'error')), []);
});

test('corpus: Intercom findings only where a call targets an Intercom host', { skip }, async () => {
  const files = new Set((await intercomFindings()).map(f => f.file.split('/')[0]));
  assert.deepEqual([...files], ['Intercom']);
});

test('export of the community package, checked in place: the same Intercom errors', { skip }, async () => {
  const file = path.join(CORPUS_EXPORTS, 'Intercom.json');
  const doc = AttributeDocument.fromFile('Connection_Intercom.json', fs.readFileSync(file, 'utf8'));
  const findings = await analyze(doc);
  const errors = findings.filter(f => f.severity === 'error' && f.code.startsWith('intercom-')).map(f => f.code);
  assert.deepEqual(errors, ['intercom-ticket-attributes', 'intercom-ticket-attributes']);
  assert.ok(findings.some(f => f.code === 'intercom-ticket-status-path'), 'the status path is found inside the export too');
});
