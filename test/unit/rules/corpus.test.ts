/**
 * The public corpus of real EIC connections (../shared/saviynt-corpus/connections, one app
 * folder = one connection): the rules of this area must give no error-severity finding except
 * the real mistakes listed in test/fixtures/corpus-real-mistakes.json, every listed mistake of
 * these codes must still be found, and the known mistakes of the corpus must be detected.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as path from 'node:path';
import { AttributeDocument } from '../../../server/src/core/document';
import { StaticConnection } from '../../../server/src/core/connection';
import type { Finding } from '../../../server/src/core/types';
import { CORPUS_CONNECTIONS, HAS_CORPUS, NO_CORPUS_MESSAGE, corpusFiles, readCorpus, realMistakes } from '../../support/corpus';
import { analyze } from '../../support/engine';

/** Every code the rules of this area (and their misplaced-key explanations) can produce. */
export const OWN_CODES = new Set([
  'mapping-separator', 'mapping-type', 'mapping-const', 'mapping-dotted-field', 'mapping-target', 'mapping-missing-column',
  'mapping-unknown-call', 'mapping-response-path', 'import-keyfield', 'status-column-unmapped', 'acctent-mapping-incomplete',
  'call-order', 'processing-type', 'ent-type-undeclared', 'pagination-shape', 'pagination-fixed-total', 'pagination-next-url',
  'pagination-path-prefix', 'unknown-connection', 'access-call-name', 'duplicate-call-name', 'response-unknown-call',
  'url-whitespace', 'url-empty-host', 'url-not-absolute', 'url-double-slash', 'url-placeholder', 'unfilled-placeholder',
  'smart-quote', 'markdown-link', 'object-object', 'empty-header-name', 'content-type-space', 'http-method-case',
  'auth-type-bearer', 'auth-type-unknown', 'auth-misplaced-key', 'auth-config-incomplete', 'call-not-array',
  'status-code-not-list', 'success-responses-array', 'boolean-as-string', 'number-as-string', 'secret-literal',
  'misplaced-page', 'status-active-key', 'miscased-key', 'misspelled-key', 'misplaced-params', 'misfiled-import-user',
  'invented-auth-key', 'invented-key', 'misplaced-actions', 'misfiled-attribute', 'code-fragment-key', 'disable-with-delete',
]);

interface Located { file: string; finding: Finding }

let cached: Located[] | undefined;
async function corpusFindings(): Promise<Located[]> {
  if (cached) return cached;
  const byApp = new Map<string, { file: string; doc: AttributeDocument }[]>();
  for (const file of corpusFiles()) {
    const app = file.split('/')[0];
    byApp.set(app, [...(byApp.get(app) ?? []), { file, doc: AttributeDocument.fromFile(file, readCorpus(file)) }]);
  }
  const out: Located[] = [];
  for (const [app, entries] of byApp) {
    const connection = new StaticConnection(app, entries.map(e => e.doc), path.join(CORPUS_CONNECTIONS, app));
    for (const { file, doc } of entries) {
      for (const finding of await analyze(doc, { connection })) if (OWN_CODES.has(finding.code)) out.push({ file, finding });
    }
  }
  cached = out;
  return out;
}

const skip = !HAS_CORPUS && NO_CORPUS_MESSAGE;

test('corpus: no error from these rules except listed real mistakes', { skip }, async () => {
  const listed = realMistakes();
  const unexpected = (await corpusFindings())
    .filter(x => x.finding.severity === 'error' && !listed.some(m => m.file === x.file && m.code === x.finding.code))
    .map(x => `${x.file} [${x.finding.code}] ${x.finding.message}`);
  assert.deepEqual(unexpected, []);
});

test('corpus: every listed real mistake of these codes is still found', { skip }, async () => {
  const found = await corpusFindings();
  const mine = realMistakes().filter(m => OWN_CODES.has(m.code));
  assert.ok(mine.length > 0, 'the fixture lists mistakes of this area');
  const missing = mine.filter(m => !found.some(x => x.file === m.file && x.finding.code === m.code && x.finding.severity === 'error'));
  assert.deepEqual(missing, []);
});

test('corpus: the known mistakes of the public packages are detected', { skip }, async () => {
  const found = await corpusFindings();
  const has = (file: string, code: string) => found.some(x => x.file === file && x.finding.code === code);
  assert.ok(has('Intercom/CreateTicketJSON.json', 'url-whitespace'), 'Intercom: leading space in the tickets URL');
  assert.ok(has('Axosoft/CreateAccountJSON.json', 'url-empty-host'), 'Axosoft: https://.axosoft.com');
  assert.ok(has('LeanIX/ImportAccountEntJSON.json', 'url-double-slash'), 'LeanIX: workspaces//users');
  assert.ok(has('SAP_Business_Technology_Platform_SAP_BTP/ImportAccountEntJSON.json', 'pagination-fixed-total'), 'SAP BTP: totalCountPath 5000');
  assert.ok(has('Lessonly/ImportAccountEntJSON.json', 'unfilled-placeholder'), 'Lessonly: @HOST_URL@ inside nextUrlPath');
  assert.ok(has('Lessonly/ImportAccountEntJSON.json', 'url-placeholder'), 'Lessonly: @HOST_URL@ URLs');
});

test('corpus: real packages produce no false cross-file or mapping errors', { skip }, async () => {
  const found = await corpusFindings();
  for (const code of ['access-call-name', 'unknown-connection', 'mapping-type', 'mapping-separator', 'import-keyfield', 'acctent-mapping-incomplete', 'response-unknown-call', 'mapping-unknown-call']) {
    assert.deepEqual(found.filter(x => x.finding.code === code).map(x => `${x.file}: ${x.finding.message}`), [], code);
  }
});
