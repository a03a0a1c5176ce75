/**
 * Rules that check a value's type or spelling stay silent when the schema check already
 * reports it: through analyze(), each such mistake is reported exactly once, by one of the two.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { StaticConnection } from '../../../server/src/core/connection';
import { covered, docOf } from './helpers';
import { analyze } from '../../support/engine';

const SCHEMA_CODES = ['wrong-type', 'invalid-value', 'schema', 'unknown-key', 'missing-key'];

const CASES: { name: string; attribute: string; text: string; range: string; mine: string }[] = [
  { name: 'callOrder "0"', attribute: 'ImportAccountEntJSON', range: '"0"', mine: 'number-as-string',
    text: '{"accountParams":{"call":{"call1":{"callOrder":"0","stageNumber":0}}}}' },
  { name: 'disableDeletedEntitlements "true"', attribute: 'ImportAccountEntJSON', range: '"true"', mine: 'boolean-as-string',
    text: '{"entitlementParams":{"entTypes":{"G":{"call":{"c":{"disableDeletedEntitlements":"true"}}}}}}' },
  { name: 'statusCode 200', attribute: 'UpdateUserJSON', range: '200', mine: 'status-code-not-list',
    text: '{"actions":{"Update Login":{"call":[{"name":"call1","successResponses":{"statusCode":200}}]}}}' },
  { name: 'httpMethod put', attribute: 'RemoveAccessJSON', range: '"put"', mine: 'http-method-case',
    text: '{"call":[{"name":"G","httpMethod":"put"}]}' },
  { name: 'processingType typo', attribute: 'ImportAccountEntJSON', range: '"SequentialIterative"', mine: 'processing-type',
    text: '{"accountParams":{"processingType":"SequentialIterative"}}' },
  { name: 'keyField names a response field', attribute: 'ImportAccountEntJSON', range: '"UserRoleDetails"', mine: 'import-keyfield',
    text: '{"accountParams":{"call":{"call1":{"callOrder":0,"keyField":"UserRoleDetails","colsToPropsMap":{"accountID":"id~#~char"}}}}}' },
  { name: 'content type with a space', attribute: 'CreateAccountJSON', range: '"application /json"', mine: 'content-type-space',
    text: '{"call":[{"name":"call1","httpContentType":"application /json"}]}' },
];

for (const c of CASES) {
  test(`reported once: ${c.name}`, async () => {
    const doc = docOf(c.attribute, c.text);
    const findings = await analyze(doc, { connection: new StaticConnection('t', [doc]) });
    const here = findings.filter(f => covered(c.text, f) === c.range && (f.code === c.mine || SCHEMA_CODES.includes(f.code)));
    assert.equal(here.length, 1, `${c.name}: ${here.map(f => f.code).join(', ') || 'not reported'}`);
  });
}
