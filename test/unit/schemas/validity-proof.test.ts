/**
 * The validity proof (server/src/core/schema/validityProof.ts) lets the analysis skip the JSON
 * service's schema validation. It must be sound: whenever it proves a document valid, the service's
 * full validation reports exactly what its syntax-only validation reports. Checked on every corpus
 * file, the examples, the e2e workspace, generated bench documents and several thousand random
 * mutations of them (types swapped, keys dropped or renamed, `1.0` for integers, repeated keys …),
 * and it must actually prove the clean documents, or the fast path would be dead code.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { AttributeDocument } from '../../../server/src/core/document';
import { jsonService, schemaFileOf } from '../../../server/src/core/json/jsonService';
import { isProvable, provesValid } from '../../../server/src/core/schema/validityProof';
import { ATTRIBUTES } from '../../../server/src/core/attributes';
import { corpusFiles, HAS_CORPUS, NO_CORPUS_MESSAGE, prng, readCorpus, REPO_ROOT } from '../../support/corpus';
import { importAccountEnt } from '../../../bench/generate';
import { analyze } from '../../support/engine';

interface Sample { file: string; text: string }

function examples(): Sample[] {
  const out: Sample[] = [];
  for (const dir of fs.readdirSync(path.join(REPO_ROOT, 'examples')).map(d => `examples/${d}`)) {
    for (const name of fs.readdirSync(path.join(REPO_ROOT, dir))) {
      if (name.endsWith('JSON.json')) out.push({ file: `${dir}/${name}`, text: fs.readFileSync(path.join(REPO_ROOT, dir, name), 'utf8') });
    }
  }
  return out;
}

function workspaceFiles(): Sample[] {
  const out: Sample[] = [];
  const visit = (dir: string) => {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) visit(full);
      else if (/JSON\.json$/i.test(entry.name)) out.push({ file: path.relative(REPO_ROOT, full), text: fs.readFileSync(full, 'utf8') });
    }
  };
  visit(path.join(REPO_ROOT, 'test', 'e2e', 'workspace'));
  return out;
}

function corpus(): Sample[] {
  return corpusFiles().map(file => ({ file: `corpus/${file}`, text: readCorpus(file) }));
}

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

/** One random change of a parsed document, in the places where schemas have something to say. */
function mutate(value: Json, random: () => number): string {
  const copy = JSON.parse(JSON.stringify(value)) as Json;
  const containers: { [key: string]: Json }[] = [];
  const collect = (v: Json) => {
    if (Array.isArray(v)) v.forEach(collect);
    else if (v && typeof v === 'object') { containers.push(v); Object.values(v).forEach(collect); }
  };
  collect(copy);
  if (containers.length === 0) return JSON.stringify(copy);
  const target = containers[Math.floor(random() * containers.length)];
  const keys = Object.keys(target);
  const key = keys[Math.floor(random() * keys.length)];
  const replacements: Json[] = [7, -1, 'text', '', true, null, {}, [], ['x'], { unexpected: 1 }, 'GET', 'application/json', 2.5];
  const choice = Math.floor(random() * 6);
  if (choice === 0 && key !== undefined) delete target[key];
  else if (choice === 1 && key !== undefined) { target[`${key}x`] = target[key]; delete target[key]; }
  else if (choice === 2) target.unexpectedKey = 'value';
  else if (key !== undefined) target[key] = replacements[Math.floor(random() * replacements.length)];
  let text = JSON.stringify(copy, null, 2);
  // Text-level quirks the service reads its own way: an integer written as 1.0, a repeated key.
  if (random() < 0.15) text = text.replace(/(": )(\d+)(,?\n)/, '$1$2.0$3');
  if (random() < 0.1) text = text.replace(/\{\n(\s+)("[^"]+": [^\n]*?),?\n/, (all, indent, entry) => `{\n${indent}${entry.replace(/,$/, '')},\n${indent}${entry.replace(/,$/, '')},\n`);
  return text;
}

async function schemaVerdict(sample: Sample, version: number): Promise<{ proven: boolean; differs: boolean; schemaFile: string } | undefined> {
  const doc = AttributeDocument.fromFile(sample.file, sample.text, version);
  if (doc.kind !== 'attribute' || !doc.attribute) return undefined;
  const schemaFile = schemaFileOf(doc.attribute);
  const settings = { comments: 'error', trailingCommas: 'error', schemaRequest: 'ignore' } as const;
  const full = await jsonService().doValidation(doc.jsonTextDocument, doc.json, { ...settings, schemaValidation: 'error' });
  const syntaxOnly = await jsonService().doValidation(doc.jsonTextDocument, doc.json, { ...settings, schemaValidation: 'ignore' });
  const proven = provesValid(doc.json.root, schemaFile);
  return { proven, differs: JSON.stringify(full) !== JSON.stringify(syntaxOnly), schemaFile };
}

test('every bundled attribute schema uses only keywords the proof models', () => {
  // A new keyword in a schema (format, oneOf, not …) would silently turn the fast path off.
  const files = new Set(ATTRIBUTES.map(schemaFileOf));
  assert.ok(files.size >= 10);
  for (const file of files) assert.equal(isProvable(file), true, `${file} uses a keyword validityProof.ts does not model`);
});

test('every clean document is proven valid, so the fast path is taken', async () => {
  const clean = [...examples(), { file: 'bench/ImportAccountEntJSON.json', text: importAccountEnt(2e4) }];
  assert.ok(clean.length >= 12);
  for (const [i, sample] of clean.entries()) {
    const verdict = await schemaVerdict(sample, i + 1);
    assert.ok(verdict, sample.file);
    assert.equal(verdict.differs, false, `${sample.file} has schema problems`);
    assert.equal(verdict.proven, true, `${sample.file} (schema ${verdict.schemaFile}) was not proven valid`);
  }
});

test('a proof is never given where the JSON service reports a schema problem (corpus, examples, mutations)', async (t) => {
  if (!HAS_CORPUS) t.diagnostic(NO_CORPUS_MESSAGE);
  const base = [...corpus(), ...examples(), ...workspaceFiles(), { file: 'bench/ImportAccountEntJSON.json', text: importAccountEnt(3e4, { withFindings: true }) }];
  const random = prng(20261128);
  let version = 1000;
  let proven = 0;
  let problems = 0;
  let checked = 0;
  for (const sample of base) {
    const variants: string[] = [sample.text];
    let parsed: Json | undefined;
    try { parsed = JSON.parse(sample.text) as Json; } catch { /* only the text as it is */ }
    if (parsed !== undefined) for (let i = 0; i < 12; i++) variants.push(mutate(parsed, random));
    for (const text of variants) {
      const verdict = await schemaVerdict({ file: sample.file, text }, ++version);
      if (!verdict) continue;
      checked++;
      if (verdict.differs) problems++;
      if (verdict.proven) {
        proven++;
        assert.equal(verdict.differs, false, `proven valid, but the service reports schema problems in a variant of ${sample.file}:\n${text.slice(0, 2000)}`);
      }
    }
  }
  // Both outcomes occur often, so the comparison means something in each direction.
  assert.ok(checked > 300, `checked ${checked}`);
  assert.ok(proven > checked / 4, `proven ${proven} of ${checked}`);
  assert.ok(problems > checked / 4, `${problems} of ${checked} with schema problems`);
  t.diagnostic(`${checked} documents, ${proven} proven valid, ${problems} with schema problems`);
});

test('the service\'s own readings: 1.0 is not an integer; repeated keys are checked strictly', async () => {
  const base = { accountParams: { connection: 'acctAuth', processingType: 'SequentialAndIterative', call: { call1: { callOrder: 0, stageNumber: 0, http: { url: 'https://api.intercom.io/admins', httpMethod: 'GET', httpHeaders: { Authorization: '${access_token}' } }, listField: 'admins', keyField: 'accountID', colsToPropsMap: { accountID: 'id~#~char' } } } } };
  const text = JSON.stringify(base, null, 2);
  const file = 'x/ImportAccountEntJSON.json';
  const proof = (t: string, v: number) => provesValid(AttributeDocument.fromFile(file, t, v).json.root, 'ImportAccountEntJSON.schema.json');
  assert.equal(proof(text, 1), true);
  assert.equal(proof(text.replace('"callOrder": 0', '"callOrder": 0.0'), 2), false, 'callOrder 0.0 is not an integer for the service');
  // A repeated key: the service checks the last value only; the proof checks both (stricter, still sound).
  assert.equal(proof(text.replace('"callOrder": 0', '"callOrder": "0", "callOrder": 0'), 3), false);
  assert.equal(proof(text.replace('"callOrder": 0', '"callOrder": 0, "callOrder": "0"'), 4), false);
  assert.equal(proof(text.replace('"callOrder": 0', '"callOrder": 0, "callOrder": 1'), 7), true);
  assert.equal(proof(text.replace('"httpMethod": "GET"', '"httpMethod": 5'), 5), false);
  // And the analysis reports the same finding either way.
  const findings = await analyze(AttributeDocument.fromFile(file, text.replace('"callOrder": 0', '"callOrder": 0.0'), 6));
  assert.ok(findings.some(f => f.code === 'wrong-type'), JSON.stringify(findings.map(f => f.code)));
});
