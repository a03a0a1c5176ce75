/** Shared helpers of the rule tests: run the rules on texts, pick findings, apply quick fixes. */
import assert from 'node:assert/strict';
import { AttributeDocument } from '../../../server/src/core/document';
import { StaticConnection } from '../../../server/src/core/connection';
import type { ConnectionView } from '../../../server/src/core/connection';
import type { Finding } from '../../../server/src/core/types';
import { engineWith } from '../../support/engine';
import { assertFixGives, assertNoFinding, onlyFinding } from '../../support/findingAssertions';

/** The default rules with the schema probe off: each rule reports as if no schema covered its value. */
const rulesAlone = engineWith({ schemaProbe: () => false });

export function docOf(attribute: string, text: string): AttributeDocument {
  return AttributeDocument.fromFile(`/conn/${attribute}.json`, text, 1);
}

/**
 * Runs every registered rule (not the schema check) on a document, with the given sibling
 * documents as its connection. The schema probe is off: each rule reports as if no schema
 * covered its value (tests of the no-double-report behaviour use analyze()).
 */
export function runRules(doc: AttributeDocument, siblings: AttributeDocument[] = []): Finding[] {
  const connection: ConnectionView = new StaticConnection('test', [doc, ...siblings], '/conn');
  return rulesAlone.ruleFindings(doc, { connection });
}

/** Findings of one code for a text. */
export function findingsOf(code: string, attribute: string, text: string, siblings: AttributeDocument[] = []): Finding[] {
  return runRules(docOf(attribute, text), siblings).filter(f => f.code === code);
}

/** Exactly one finding of `code`; returns it. */
export function one(code: string, attribute: string, text: string, siblings: AttributeDocument[] = []): Finding {
  return onlyFinding(code, findingsOf(code, attribute, text, siblings));
}

/** Asserts that the text does not trigger `code`. */
export function none(code: string, attribute: string, text: string, siblings: AttributeDocument[] = []): void {
  assertNoFinding(code, findingsOf(code, attribute, text, siblings));
}

export { applyFix, covered } from '../../support/fixes';
import { applyFix, covered } from '../../support/fixes';

/**
 * One finding of `code` with this severity, covering exactly `range`, whose first quick fix
 * turns the text into `fixed` (or that has no fix when `fixed` is null).
 */
export function expectFinding(code: string, attribute: string, text: string, expected: {
  severity: Finding['severity']; range: string; fixed: string | null; siblings?: AttributeDocument[]; fixIndex?: number;
}): Finding {
  const f = one(code, attribute, text, expected.siblings);
  assert.equal(f.severity, expected.severity, `severity of ${code}`);
  assert.equal(covered(text, f), expected.range, `range of ${code}`);
  assert.ok(f.message.length > 20, 'message says something');
  assertFixGives(code, text, f, expected.fixed, expected.fixIndex);
  return f;
}

/** After applying the fix, the rule must be satisfied. */
export function fixResolves(code: string, attribute: string, text: string, siblings: AttributeDocument[] = []): void {
  const f = one(code, attribute, text, siblings);
  const fixed = applyFix(text, f.fixes![0]);
  assert.doesNotThrow(() => JSON.parse(fixed), `fixed text is valid JSON: ${fixed}`);
  none(code, attribute, fixed, siblings);
}
