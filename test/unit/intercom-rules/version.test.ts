/** intercom-version-missing, intercom-version-invalid, intercom-endpoint-version. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { GOOD_HEADERS, callList, expectFinding, findingsOf, none, one, applyFix } from './helpers';

const STATUS = (headers: Record<string, unknown>) => callList({
  url: 'https://api.intercom.io/admins', httpMethod: 'GET', httpHeaders: headers, httpContentType: 'application/json',
});

test('intercom-version-missing: warning on httpHeaders, fix pins the default version', () => {
  const text = STATUS({ Authorization: '${access_token}', Accept: 'application/json' });
  const f = expectFinding('intercom-version-missing', 'CreateAccountJSON', text, {
    severity: 'warning', range: '"httpHeaders"',
    fixed: text.replace('"Accept": "application/json"', '"Accept": "application/json",\n        "Intercom-Version": "2.15"'),
    message: /Developer Hub/,
  });
  assert.equal(f.fixes![0].isPreferred, true);
});

test('intercom-version-missing: the setting selects the version written by the fix', () => {
  const text = STATUS({ Authorization: '${access_token}', Accept: 'application/json' });
  const f = one('intercom-version-missing', 'CreateAccountJSON', text, { settings: { defaultIntercomVersion: '2.11' } });
  assert.match(applyFix(text, f.fixes![0]), /"Intercom-Version": "2\.11"/);
  assert.match(f.message, /assume 2\.11/);
});

test('intercom-version-missing: without httpHeaders the fix creates them', () => {
  const text = callList({ url: 'https://api.intercom.io/admins', httpMethod: 'GET' });
  expectFinding('intercom-version-missing', 'CreateAccountJSON', text, {
    severity: 'warning', range: '"https://api.intercom.io/admins"',
    fixed: text.replace('"httpMethod": "GET"', '"httpMethod": "GET",\n      "httpHeaders": {"Intercom-Version": "2.15"}'),
  });
});

test('intercom-version-missing: near misses (pinned in any spelling, bound, not Intercom)', () => {
  none('intercom-version-missing', 'CreateAccountJSON', STATUS(GOOD_HEADERS));
  none('intercom-version-missing', 'CreateAccountJSON', STATUS({ 'intercom-version': '2.15' }));
  none('intercom-version-missing', 'CreateAccountJSON', STATUS({ 'Intercom-Version': '${connection.intercomVersion}' }));
  none('intercom-version-missing', 'CreateAccountJSON', callList({ url: 'https://api.example.com/admins', httpMethod: 'GET' }));
  none('intercom-version-missing', 'CreateAccountJSON', callList({ url: 'https://app.intercom.com/admins', httpMethod: 'GET' }));
});

for (const [written, severity, fixedTo] of [
  ['preview', 'error', 'Preview'],
  ['v2.15', 'error', '2.15'],
  ['2.150', 'error', '2.15'],
  [' 2.15', 'error', '2.15'],
  ['unstable', 'error', 'Preview'],
  ['2.1', 'warning', '2.10'],
  ['Unstable', 'hint', 'Preview'],
  ['1.4', 'warning', '2.15'],
] as const) {
  test(`intercom-version-invalid: "${written}" → ${severity}, fix "${fixedTo}"`, () => {
    const text = STATUS({ ...GOOD_HEADERS, 'Intercom-Version': written });
    expectFinding('intercom-version-invalid', 'CreateAccountJSON', text, {
      severity, range: JSON.stringify(written), fixed: text.replace(`"Intercom-Version": ${JSON.stringify(written)}`, `"Intercom-Version": "${fixedTo}"`),
    });
  });
}

test('intercom-version-invalid: a number is reported with a quoted fix', () => {
  const text = STATUS(GOOD_HEADERS).replace('"Intercom-Version": "2.15"', '"Intercom-Version": 2.10');
  const f = expectFinding('intercom-version-invalid', 'CreateAccountJSON', text, {
    severity: 'error', range: '2.10', fixed: text.replace('"Intercom-Version": 2.10', '"Intercom-Version": "2.10"'),
  });
  assert.match(f.message, /^Intercom-Version written as a number: 2\.10 has no quotes/);
  assert.match(f.message, /as a number it is 2\.1, /);
  assert.match(f.message, /Write it as the string "2\.10"\.$/);
});

test('intercom-version-invalid: a number that keeps its value is a warning whose message does not repeat itself', () => {
  const text = STATUS(GOOD_HEADERS).replace('"Intercom-Version": "2.15"', '"Intercom-Version": 2.15');
  const f = expectFinding('intercom-version-invalid', 'CreateAccountJSON', text, {
    severity: 'warning', range: '2.15', fixed: text.replace('"Intercom-Version": 2.15', '"Intercom-Version": "2.15"'),
  });
  assert.doesNotMatch(f.message, /2\.15 may reach Intercom as 2\.15/);
  assert.doesNotMatch(f.message, /not a version Intercom accepts/);
  assert.match(f.message, /string "2\.15"/);
});

test('intercom-version-invalid: "Unstable" is the old name of Preview, still accepted — a hint, checked as Preview', () => {
  const text = STATUS({ ...GOOD_HEADERS, 'Intercom-Version': 'Unstable' });
  const f = one('intercom-version-invalid', 'CreateAccountJSON', text);
  assert.equal(f.severity, 'hint');
  assert.match(f.message, /old name of "Preview"/);
  assert.match(f.message, /still accepts/);
  assert.doesNotMatch(f.message, /400/);
  // Checked like Preview: an unknown path is still found.
  const wrong = callList({ url: 'https://api.intercom.io/admin', httpMethod: 'GET', httpHeaders: { ...GOOD_HEADERS, 'Intercom-Version': 'Unstable' } });
  assert.equal(findingsOf('intercom-unknown-endpoint', 'CreateAccountJSON', wrong).length, 1);
});

test('intercom-version-invalid: "2.1" is a legacy version — a warning about its age, no tickets talk on a call that is not about tickets', () => {
  const f = one('intercom-version-invalid', 'CreateAccountJSON', STATUS({ ...GOOD_HEADERS, 'Intercom-Version': '2.1' }));
  assert.equal(f.severity, 'warning');
  assert.match(f.message, /legacy version/);
  assert.match(f.message, /2\.7/);
  assert.match(f.message, /"2\.10"/);
  assert.doesNotMatch(f.message, /ticket/i);
});

test('intercom-endpoint-version: a ticket call with legacy "2.1" — tickets exist from 2.9 (a fact that holds for 2.1)', () => {
  const text = callList({
    url: 'https://api.intercom.io/tickets', httpMethod: 'POST', httpHeaders: { ...GOOD_HEADERS, 'Intercom-Version': '2.1' },
    httpContentType: 'application/json', httpParams: '{"ticket_type_id":"1","contacts":[{"email":"${user.email}"}]}',
  });
  const f = one('intercom-endpoint-version', 'CreateTicketJSON', text);
  assert.equal(f.severity, 'error');
  assert.match(f.message, /available from 2\.9/);
  assert.match(f.message, /not in Intercom-Version 2\.1\b/);
  // GET /admins exists in 2.7; whether 2.1 had it is not documented, so nothing is claimed.
  none('intercom-endpoint-version', 'CreateAccountJSON', STATUS({ ...GOOD_HEADERS, 'Intercom-Version': '2.1' }));
});

test('intercom-version-invalid: 2.17 is newer than the catalog (warning, checks use 2.16)', () => {
  const f = one('intercom-version-invalid', 'CreateAccountJSON', STATUS({ ...GOOD_HEADERS, 'Intercom-Version': '2.17' }));
  assert.equal(f.severity, 'warning');
  assert.match(f.message, /2\.16/);
});

test('intercom-version-invalid: near misses', () => {
  for (const v of ['2.7', '2.10', '2.16', 'Preview', '${connection.v}']) {
    none('intercom-version-invalid', 'CreateAccountJSON', STATUS({ ...GOOD_HEADERS, 'Intercom-Version': v }));
  }
});

test('intercom-endpoint-version: POST /tickets with 2.8 is available from 2.9', () => {
  const text = callList({
    url: 'https://api.intercom.io/tickets', httpMethod: 'POST', httpHeaders: { ...GOOD_HEADERS, 'Intercom-Version': '2.8' },
    httpContentType: 'application/json', httpParams: '{"ticket_type_id":"1","contacts":[{"email":"${user.email}"}]}',
  });
  const f = expectFinding('intercom-endpoint-version', 'CreateTicketJSON', text, {
    severity: 'error', range: '"2.8"', fixed: text.replace('"Intercom-Version": "2.8"', '"Intercom-Version": "2.15"'),
    message: /available from 2\.9/,
  });
  assert.match(f.message, /intercom_version_invalid/);
  none('intercom-unknown-endpoint', 'CreateTicketJSON', text);
});

test('intercom-endpoint-version: GET /ticket_states needs 2.12; an unpinned call is told to pin', () => {
  const pinned = callList({ url: 'https://api.intercom.io/ticket_states', httpMethod: 'GET', httpHeaders: { ...GOOD_HEADERS, 'Intercom-Version': '2.11' } });
  assert.match(one('intercom-endpoint-version', 'CreateAccountJSON', pinned).message, /available from 2\.12/);
  const unpinned = callList({ url: 'https://api.intercom.io/ticket_states', httpMethod: 'GET', httpHeaders: { Authorization: '${access_token}' } });
  none('intercom-endpoint-version', 'CreateAccountJSON', unpinned);
  const old = one('intercom-endpoint-version', 'CreateAccountJSON', unpinned, { settings: { defaultIntercomVersion: '2.10' } });
  assert.equal(old.fixes![0].title, 'Set Intercom-Version to "2.15"');
});

test('intercom-endpoint-version: near miss — the same endpoint in a version that has it', () => {
  none('intercom-endpoint-version', 'CreateTicketJSON', callList({
    url: 'https://api.intercom.io/tickets', httpMethod: 'POST', httpHeaders: { ...GOOD_HEADERS, 'Intercom-Version': '2.9' },
    httpParams: '{"ticket_type_id":"1","contacts":[{"email":"a@b.co"}]}', httpContentType: 'application/json',
  }));
  assert.equal(findingsOf('intercom-endpoint-version', 'CreateAccountJSON', STATUS(GOOD_HEADERS)).length, 0);
});
