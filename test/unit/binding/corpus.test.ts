/**
 * The binding checks on every real connection of the corpus: no false errors, and the
 * real mistakes in it are found (Jama/Fortify unclosed `${user.phonenumber`, bodies with
 * an extra `}` or a stray quote, the typos of mistakes §3.7).
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as path from 'node:path';
import { AttributeDocument } from '../../../server/src/core/document';
import { StaticConnection } from '../../../server/src/core/connection';
import { CORPUS_CONNECTIONS, HAS_CORPUS, NO_CORPUS_MESSAGE, corpusFiles, readCorpus } from '../../support/corpus';
import { analyze } from '../../support/engine';

const skip = !HAS_CORPUS && NO_CORPUS_MESSAGE;

/** Real mistakes in the corpus that must be errors (file → code). */
const REAL_ERRORS = [
  'Jama_Software/CreateAccountJSON.json binding-unclosed',
  'Jama_Software/UpdateAccountJSON.json binding-unclosed',
  'Fortify_Software/CreateAccountJSON.json binding-unclosed',
  'Fortify_Software/UpdateAccountJSON.json binding-unclosed',
  'Collibra/AddAccessJSON.json httpparams-invalid-json',
  'Qualtrics/AddAccessJSON.json httpparams-invalid-json',
  'LeanIX/RemoveAccessJSON.json httpparams-invalid-json',
];

/** Real typos in the corpus that must be warned about. */
const REAL_WARNINGS = [
  'Lessonly/AddAccessJSON.json binding-unknown-variable',
  'Zoho_Desk/CreateTicketJSON.json binding-unknown-variable',
];

type Found = { key: string; severity: string; message: string };
let cached: Promise<Found[]> | undefined;

function bindingFindings(): Promise<Found[]> {
  cached ??= collect();
  return cached;
}

async function collect(): Promise<Found[]> {
  const byApp = new Map<string, AttributeDocument[]>();
  for (const file of corpusFiles()) {
    const app = file.split('/')[0];
    byApp.set(app, [...(byApp.get(app) ?? []), AttributeDocument.fromFile(file, readCorpus(file))]);
  }
  const out: Found[] = [];
  for (const [app, docs] of byApp) {
    const connection = new StaticConnection(app, docs, path.join(CORPUS_CONNECTIONS, app));
    for (const doc of docs) {
      for (const f of await analyze(doc, { connection })) {
        if (f.code.startsWith('binding-') || f.code.startsWith('httpparams-')) out.push({ key: `${doc.uri} ${f.code}`, severity: f.severity, message: f.message });
      }
    }
  }
  return out;
}

test('corpus: binding errors are exactly the real mistakes', { skip }, async () => {
  const findings = await bindingFindings();
  const errors = [...new Set(findings.filter(f => f.severity === 'error').map(f => f.key))].sort();
  assert.deepEqual(errors, [...REAL_ERRORS].sort());
});

test('corpus: binding warnings are exactly the real typos', { skip }, async () => {
  const findings = await bindingFindings();
  const warnings = findings.filter(f => f.severity === 'warning');
  assert.deepEqual(warnings.map(f => f.key).sort(), [...REAL_WARNINGS].sort());
  assert.ok(warnings.some(f => /entitlementValue\.entitlement_value/.test(f.message)));
  assert.ok(warnings.some(f => /`phonenumber`/.test(f.message)));
});

test('corpus: nothing else from the binding checks (no notes, no hints)', { skip }, async () => {
  const findings = await bindingFindings();
  assert.deepEqual(findings.filter(f => f.severity !== 'error' && f.severity !== 'warning'), []);
});
