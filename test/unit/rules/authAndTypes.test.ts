import { test } from 'node:test';
import assert from 'node:assert/strict';
import { covered, expectFinding, fixResolves, none, one } from './helpers';

const CONN = 'ConnectionJSON';

test('auth-type-bearer: rewrites to oauth2 with tokenType and a Bearer accessToken (forum 73803)', () => {
  const text = '{"authentications":{"acctAuth":{"authType":"Bearer","url":"https://x.example.com","accessToken":"abc123"}}}';
  expectFinding('auth-type-bearer', CONN, text, { severity: 'error', range: '"Bearer"',
    fixed: '{"authentications":{"acctAuth":{"authType":"oauth2", "tokenType": "Bearer","url":"https://x.example.com","accessToken":"Bearer abc123"}}}' });
});

test('auth-type-bearer: adds a placeholder accessToken when there is none (multi-line object)', () => {
  const text = '{\n  "authentications": {\n    "acctAuth": {\n      "authType": "bearer",\n      "tokenType": "Bearer"\n    }\n  }\n}';
  expectFinding('auth-type-bearer', CONN, text, { severity: 'error', range: '"bearer"',
    fixed: '{\n  "authentications": {\n    "acctAuth": {\n      "authType": "oauth2",\n      "accessToken": "Bearer <set in EIC>",\n      "tokenType": "Bearer"\n    }\n  }\n}' });
});

test('auth-type-bearer near miss: oauth2 static token', () => {
  none('auth-type-bearer', CONN, '{"authentications":{"acctAuth":{"authType":"oauth2","tokenType":"Bearer","accessToken":"Bearer <token>"}}}');
});

test('auth-type-unknown: did-you-mean among the documented types', () => {
  const text = '{"authentications":{"acctAuth":{"authType":"OAuth2"}}}';
  expectFinding('auth-type-unknown', CONN, text, { severity: 'error', range: '"OAuth2"', fixed: '{"authentications":{"acctAuth":{"authType":"oauth2"}}}' });
  none('auth-type-unknown', CONN, '{"authentications":{"a":{"authType":"BasicWithHmac"},"b":{"authType":"Jwt"}}}');
});

test('auth-misplaced-key: testConnectionParams next to the auth config → moved inside it (ForgeRock README)', () => {
  const text = '{"authentications":{"acctAuth":{"authType":"oauth2"},"testConnectionParams":{"http":{"url":"https://x.example.com/me"}}}}';
  expectFinding('auth-misplaced-key', CONN, text, { severity: 'error', range: '"testConnectionParams"',
    fixed: '{"authentications":{"acctAuth":{"authType":"oauth2", "testConnectionParams": {"http":{"url":"https://x.example.com/me"}}}}}' });
});

test('auth-misplaced-key: successResponses inside authentications (AA 360 README) → remove', () => {
  const text = '{"authentications":{"acctAuth":{"authType":"oauth2"},"successResponses":{"statusCode":[200]}}}';
  expectFinding('auth-misplaced-key', CONN, text, { severity: 'error', range: '"successResponses"', fixed: '{"authentications":{"acctAuth":{"authType":"oauth2"}}}' });
  none('auth-misplaced-key', CONN, '{"authentications":{"acctAuth":{"authType":"oauth2","testConnectionParams":{"http":{"url":"https://x.example.com"}}}}}');
});

test('auth-config-incomplete: only a custom secret (forum 58444); no authType', () => {
  const text = '{"authentications":{"userAuth":{"apikey":"<set in EIC>"}}}';
  const f = expectFinding('auth-config-incomplete', CONN, text, { severity: 'error', range: '"userAuth"', fixed: null });
  assert.match(f.message, /\$\{connection\.<key>\}/);
  none('auth-config-incomplete', CONN, '{"authentications":{"userAuth":{"authType":"oauth2","apikey":"<set in EIC>"}}}');
});

test('call-not-array: provisioning calls written as an object → list with names', () => {
  const text = '{"call":{"Group":{"connection":"acctAuth","url":"https://x.example.com/g"},"call2":{"name":"second"}}}';
  const f = expectFinding('call-not-array', 'AddAccessJSON', text, { severity: 'error', range: '{',
    fixed: '{"call":[{"name": "Group", "connection":"acctAuth","url":"https://x.example.com/g"},{"name":"second"}]}' });
  assert.ok(f.fixes?.[0].isPreferred);
  none('call-not-array', 'AddAccessJSON', '{"call":[{"name":"Group"}]}');
  none('call-not-array', 'ImportAccountEntJSON', '{"accountParams":{"call":{"call1":{}}}}');
});

test('status-code-not-list: a bare number (Freshteam README) → [200]', () => {
  const text = '{"actions":{"Update Login":{"call":[{"name":"call1","successResponses":{"statusCode":200}}]}}}';
  expectFinding('status-code-not-list', 'UpdateUserJSON', text, { severity: 'error', range: '200', fixed: text.replace('"statusCode":200', '"statusCode":[200]') });
  none('status-code-not-list', 'UpdateUserJSON', text.replace('"statusCode":200', '"statusCode":[200,201]'));
});

test('success-responses-array: list form outside TicketStatusJSON', () => {
  const text = '{"call":[{"name":"call1","successResponses":[{"statusCode":[200]}]}]}';
  expectFinding('success-responses-array', 'CreateAccountJSON', text, { severity: 'warning', range: '[', fixed: '{"call":[{"name":"call1","successResponses":{"statusCode":[200]}}]}' });
  none('success-responses-array', 'TicketStatusJSON', text);
});

test('boolean-as-string: "true" for disableDeletedEntitlements (forum 83425)', () => {
  const text = '{"entitlementParams":{"entTypes":{"G":{"call":{"call1":{"disableDeletedEntitlements":"true"}}}}}}';
  const f = expectFinding('boolean-as-string', 'ImportAccountEntJSON', text, { severity: 'error', range: '"true"', fixed: text.replace('"true"', 'true') });
  assert.match(f.message, /statusAndThresholdConfig/);
  none('boolean-as-string', 'ImportAccountEntJSON', '{"accountParams":{"call":{"c":{"statusConfig":{"active":"true","inactive":"false"}}}}}');
});

test('number-as-string: callOrder "0" (developer-portal SCIM page)', () => {
  const text = '{"accountParams":{"call":{"call1":{"callOrder":"0","stageNumber":0}}}}';
  expectFinding('number-as-string', 'ImportAccountEntJSON', text, { severity: 'warning', range: '"0"', fixed: text.replace('"0"', '0') });
  fixResolves('number-as-string', 'ImportAccountEntJSON', text);
  none('number-as-string', 'ImportAccountEntJSON', '{"accountParams":{"call":{"call1":{"callOrder":0,"listField":"0"}}}}');
});

test('the range of call-not-array is the opening brace only', () => {
  const text = '{"call":{"x":{}}}';
  const f = one('call-not-array', 'RemoveAccountJSON', text);
  assert.equal(covered(text, f), '{');
  assert.equal(f.offset, text.indexOf('{', 1));
});
