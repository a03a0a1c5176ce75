/**
 * Real, working EIC configurations must not get false errors. Every error-severity
 * finding on the corpus must be a real mistake listed (with its reason) in
 * test/fixtures/corpus-real-mistakes.json, and every listed mistake must still be found.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { AttributeDocument } from '../../../server/src/core/document';
import { StaticConnection } from '../../../server/src/core/connection';
import { CORPUS_CONNECTIONS, CORPUS_EXPORTS, HAS_CORPUS, NO_CORPUS_MESSAGE, corpusFiles, readCorpus, realMistakes } from '../../support/corpus';
import { analyze } from '../../support/engine';

async function corpusErrors(): Promise<{ file: string; code: string; message: string }[]> {
  const byApp = new Map<string, AttributeDocument[]>();
  for (const file of corpusFiles()) {
    const app = file.split('/')[0];
    byApp.set(app, [...(byApp.get(app) ?? []), AttributeDocument.fromFile(file, readCorpus(file))]);
  }
  const errors: { file: string; code: string; message: string }[] = [];
  for (const [app, docs] of byApp) {
    const connection = new StaticConnection(app, docs, path.join(CORPUS_CONNECTIONS, app));
    for (const doc of docs) {
      for (const f of await analyze(doc, { connection })) {
        if (f.severity === 'error') errors.push({ file: doc.uri, code: f.code, message: f.message });
      }
    }
  }
  return errors;
}

test('corpus: every error is a listed real mistake', { skip: !HAS_CORPUS && NO_CORPUS_MESSAGE }, async () => {
  const listed = realMistakes();
  const errors = await corpusErrors();
  const unexpected = errors.filter(e => !listed.some(m => m.file === e.file && m.code === e.code));
  assert.deepEqual(unexpected, [], 'false errors on real, working configurations');
});

test('corpus: every listed real mistake is still found', { skip: !HAS_CORPUS && NO_CORPUS_MESSAGE }, async () => {
  const errors = await corpusErrors();
  const missing = realMistakes().filter(m => !errors.some(e => e.file === m.file && e.code === m.code));
  assert.deepEqual(missing, [], 'listed mistakes no longer detected');
  for (const m of realMistakes()) assert.ok(m.reason && m.reason.length > 10, `reason given for ${m.file} ${m.code}`);
});

test('corpus: every file parses and has a recognised attribute', { skip: !HAS_CORPUS && NO_CORPUS_MESSAGE }, () => {
  const files = corpusFiles();
  assert.ok(files.length >= 100, `corpus has ${files.length} files`);
  for (const file of files) {
    const doc = AttributeDocument.fromFile(file, readCorpus(file));
    assert.equal(doc.kind, 'attribute', file);
    assert.ok(doc.root, `${file} parses`);
  }
});

test('exports in place: errors of embedded attributes are the same real mistakes', { skip: !HAS_CORPUS && NO_CORPUS_MESSAGE }, async () => {
  const listed = realMistakes();
  for (const name of fs.readdirSync(CORPUS_EXPORTS).sort()) {
    const app = name.replace(/\.json$/, '');
    const doc = AttributeDocument.fromFile(`Connection_${app}.json`, fs.readFileSync(path.join(CORPUS_EXPORTS, name), 'utf8'));
    assert.equal(doc.kind, 'export');
    const findings = await analyze(doc);
    for (const f of findings.filter(x => x.severity === 'error')) {
      const attribute = /\(in (\w+)\)$/.exec(f.message)?.[1];
      const file = `${app}/${attribute}.json`;
      assert.ok(listed.some(m => m.file === file && m.code === f.code), `${name}: unexpected ${f.code} ${f.message}`);
    }
  }
});
