/** intercom-accept-missing, intercom-authorization-missing, intercom-content-type-missing, intercom-mixed-regions. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { GOOD_HEADERS, callList, docOf, expectFinding, findingsOf, none, one } from './helpers';

const ADMINS = (headers: Record<string, string>, host = 'api.intercom.io') =>
  callList({ url: `https://${host}/admins`, httpMethod: 'GET', httpHeaders: headers, httpContentType: 'application/json' });

test('intercom-accept-missing: warning on httpHeaders with a fix that adds the header', () => {
  const text = ADMINS({ Authorization: '${access_token}', 'Intercom-Version': '2.15' });
  expectFinding('intercom-accept-missing', 'CreateAccountJSON', text, {
    severity: 'warning', range: '"httpHeaders"',
    fixed: text.replace('"Intercom-Version": "2.15"', '"Intercom-Version": "2.15",\n        "Accept": "application/json"'),
    message: /406/,
  });
});

test('intercom-accept-missing: a non-JSON Accept value is replaced', () => {
  const text = ADMINS({ ...GOOD_HEADERS, Accept: 'text/html' });
  expectFinding('intercom-accept-missing', 'CreateAccountJSON', text, {
    severity: 'warning', range: '"text/html"', fixed: text.replace('"text/html"', '"application/json"'),
  });
});

test('intercom-accept-missing: near misses (any case, */*, non-Intercom host)', () => {
  none('intercom-accept-missing', 'CreateAccountJSON', ADMINS(GOOD_HEADERS));
  none('intercom-accept-missing', 'CreateAccountJSON', ADMINS({ Authorization: '${access_token}', 'Intercom-Version': '2.15', accept: 'application/json; charset=utf-8' }));
  none('intercom-accept-missing', 'CreateAccountJSON', ADMINS({ Authorization: '${access_token}', 'Intercom-Version': '2.15', ACCEPT: '*/*' }));
  none('intercom-accept-missing', 'CreateAccountJSON', ADMINS({ Authorization: '${access_token}' }, 'api.example.com'));
});

test('intercom-authorization-missing: fix adds "${access_token}"', () => {
  const text = ADMINS({ 'Intercom-Version': '2.15', Accept: 'application/json' });
  expectFinding('intercom-authorization-missing', 'CreateAccountJSON', text, {
    severity: 'warning', range: '"httpHeaders"',
    fixed: text.replace('"Accept": "application/json"', '"Accept": "application/json",\n        "Authorization": "${access_token}"'),
  });
  none('intercom-authorization-missing', 'CreateAccountJSON', ADMINS({ ...GOOD_HEADERS, Authorization: undefined as never, authorization: '${access_token}' }));
});

test('intercom-content-type-missing: a body without a content type', () => {
  const text = callList({ url: 'https://api.intercom.io/tags', httpMethod: 'POST', httpHeaders: GOOD_HEADERS, httpParams: '{"name":"x"}' });
  expectFinding('intercom-content-type-missing', 'CreateAccountJSON', text, {
    severity: 'warning', range: '"httpParams"',
    fixed: text.replace('"httpParams": "{\\"name\\":\\"x\\"}"', '"httpParams": "{\\"name\\":\\"x\\"}",\n      "httpContentType": "application/json"'),
  });
  none('intercom-content-type-missing', 'CreateAccountJSON', callList({ url: 'https://api.intercom.io/tags', httpMethod: 'POST', httpHeaders: { ...GOOD_HEADERS, 'Content-Type': 'application/json' }, httpParams: '{"name":"x"}' }));
  none('intercom-content-type-missing', 'CreateAccountJSON', callList({ url: 'https://api.intercom.io/admins', httpMethod: 'GET', httpHeaders: GOOD_HEADERS }));
});

test('intercom-mixed-regions: a call on the EU host while a sibling uses the US host', () => {
  const us = docOf('TicketStatusJSON', callList({ url: 'https://api.intercom.io/tickets/${ticketID}', httpMethod: 'GET', httpHeaders: GOOD_HEADERS }));
  const text = ADMINS(GOOD_HEADERS, 'api.eu.intercom.io');
  const f = expectFinding('intercom-mixed-regions', 'CreateAccountJSON', text, {
    severity: 'warning', range: 'api.eu.intercom.io', fixed: text.replace('api.eu.intercom.io', 'api.intercom.io'), siblings: [us],
    message: /TicketStatusJSON uses api\.intercom\.io/,
  });
  assert.match(f.message, /one region/);
  // The sibling is told too.
  const back = findingsOf('intercom-mixed-regions', 'TicketStatusJSON', us.text, { siblings: [docOf('CreateAccountJSON', text)] });
  assert.equal(back.length, 1);
});

test('intercom-mixed-regions: near misses — same region everywhere, non-Intercom hosts', () => {
  const eu = docOf('TicketStatusJSON', callList({ url: 'https://api.eu.intercom.io/tickets/${ticketID}', httpMethod: 'GET', httpHeaders: GOOD_HEADERS }));
  none('intercom-mixed-regions', 'CreateAccountJSON', ADMINS(GOOD_HEADERS, 'api.eu.intercom.io'), { siblings: [eu] });
  const other = docOf('TicketStatusJSON', callList({ url: 'https://example.com/x', httpMethod: 'GET' }));
  none('intercom-mixed-regions', 'CreateAccountJSON', ADMINS(GOOD_HEADERS), { siblings: [other] });
  assert.equal(one('intercom-accept-missing', 'CreateAccountJSON', ADMINS({ Authorization: '${access_token}', 'Intercom-Version': '2.15' })).code, 'intercom-accept-missing');
});
