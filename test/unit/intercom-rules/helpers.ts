/** Helpers of the Intercom rule tests: build call documents, run the rules, check ranges and fixes. */
import assert from 'node:assert/strict';
import { AttributeDocument } from '../../../server/src/core/document';
import { StaticConnection } from '../../../server/src/core/connection';
import { engine } from '../../support/engine';
import { assertFixGives, assertNoFinding, onlyFinding } from '../../support/findingAssertions';
import type { AnalysisSettings, Finding } from '../../../server/src/core/types';

export function docOf(attribute: string, text: string, folder = '/conn'): AttributeDocument {
  return AttributeDocument.fromFile(`${folder}/${attribute}.json`, text, 1);
}

/** Every finding of every rule whose code starts with `intercom-` (plus `url-whitespace`). */
export function intercomFindings(doc: AttributeDocument, siblings: AttributeDocument[] = [], settings: AnalysisSettings = {}): Finding[] {
  const connection = new StaticConnection('test', [doc, ...siblings], '/conn');
  return engine.ruleFindings(doc, { connection, settings }).filter(f => f.code.startsWith('intercom-') || f.code === 'url-whitespace');
}

export interface Options { siblings?: AttributeDocument[]; settings?: AnalysisSettings }

export function findingsOf(code: string, attribute: string, text: string, opts: Options = {}): Finding[] {
  return intercomFindings(docOf(attribute, text), opts.siblings, opts.settings).filter(f => f.code === code);
}

export function one(code: string, attribute: string, text: string, opts: Options = {}): Finding {
  return onlyFinding(code, findingsOf(code, attribute, text, opts));
}

export function none(code: string, attribute: string, text: string, opts: Options = {}): void {
  assertNoFinding(code, findingsOf(code, attribute, text, opts));
}

export { applyFix, covered } from '../../support/fixes';
import { covered } from '../../support/fixes';

/** One finding of `code` with the severity, covering exactly `range` at the `at`-th occurrence, whose fix gives `fixed`. */
export function expectFinding(code: string, attribute: string, text: string, expected: {
  severity: Finding['severity']; range: string; fixed: string | null; fixIndex?: number; message?: RegExp; at?: number;
} & Options): Finding {
  const f = one(code, attribute, text, expected);
  assert.equal(f.severity, expected.severity, `severity of ${code}`);
  assert.equal(covered(text, f), expected.range, `range of ${code}`);
  if (expected.at !== undefined) assert.equal(f.offset, expected.at, `offset of ${code}`);
  if (expected.message) assert.match(f.message, expected.message);
  assertFixGives(code, text, f, expected.fixed, expected.fixIndex);
  return f;
}

/** A provisioning-style call list with one call (flat http fields). */
export function callList(call: Record<string, unknown>): string {
  return JSON.stringify({ call: [{ name: 'call1', connection: 'acctAuth', ...call }] }, null, 2);
}

export const GOOD_HEADERS = { Authorization: '${access_token}', 'Intercom-Version': '2.15', Accept: 'application/json' };

/** An ImportAccountEntJSON with one account call. */
export function importJson(call: Record<string, unknown>, http: Record<string, unknown>): string {
  return JSON.stringify({
    accountParams: {
      connection: 'acctAuth', processingType: 'SequentialAndIterative',
      call: { call1: { callOrder: 0, stageNumber: 0, http: { httpMethod: 'GET', httpHeaders: GOOD_HEADERS, httpContentType: 'application/json', ...http }, keyField: 'accountID', ...call } },
    },
  }, null, 2);
}
