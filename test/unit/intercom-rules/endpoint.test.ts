/** intercom-unknown-endpoint: unknown paths and methods, `${…}` segments, nearest endpoints. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { GOOD_HEADERS, callList, expectFinding, none, one } from './helpers';

const CALL = (url: string, method = 'GET') => callList({ url, httpMethod: method, httpHeaders: GOOD_HEADERS, httpContentType: 'application/json' });

test('intercom-unknown-endpoint: a misspelt path names the nearest endpoint and fixes the path', () => {
  const text = CALL('https://api.intercom.io/admin');
  const f = expectFinding('intercom-unknown-endpoint', 'CreateAccountJSON', text, {
    severity: 'warning', range: '/admin', fixed: text.replace('api.intercom.io/admin"', 'api.intercom.io/admins"'),
    message: /Nearest: GET \/admins/,
  });
  assert.match(f.message, /404/);
});

test('intercom-unknown-endpoint: ${…} segments match path parameters, and keep their place in the fix', () => {
  none('intercom-unknown-endpoint', 'TicketStatusJSON', CALL('https://api.intercom.io/tickets/${ticketID}'));
  none('intercom-unknown-endpoint', 'TicketStatusJSON', CALL('  https://api.intercom.io/tickets/${ticketID}?x=1'));
  const text = CALL('https://api.intercom.io/ticket/${ticketID}');
  expectFinding('intercom-unknown-endpoint', 'TicketStatusJSON', text, {
    severity: 'warning', range: '/ticket/${ticketID}', fixed: text.replace('/ticket/${ticketID}', '/tickets/${ticketID}'),
  });
});

test('intercom-unknown-endpoint: a method the path does not support; fix changes the method', () => {
  const text = CALL('https://api.intercom.io/admins', 'POST');
  const f = expectFinding('intercom-unknown-endpoint', 'CreateAccountJSON', text, {
    severity: 'warning', range: '"POST"', fixed: text.replace('"httpMethod": "POST"', '"httpMethod": "GET"'), message: /exists for GET/,
  });
  assert.equal(f.fixes!.length, 1);
});

test('intercom-unknown-endpoint: the range stays exact after leading blanks and a query', () => {
  const text = CALL('  https://api.intercom.io/contact?per_page=150');
  const f = one('intercom-unknown-endpoint', 'CreateAccountJSON', text);
  assert.equal(text.slice(f.offset, f.offset + f.length), '/contact');
  assert.equal(f.offset, text.indexOf('/contact?'));
});

test('intercom-unknown-endpoint: near misses — known endpoints, other hosts, host bound by ${…}', () => {
  none('intercom-unknown-endpoint', 'CreateAccountJSON', CALL('https://api.intercom.io/contacts/search', 'POST'));
  none('intercom-unknown-endpoint', 'CreateAccountJSON', CALL('https://api.eu.intercom.io/admins'));
  none('intercom-unknown-endpoint', 'CreateAccountJSON', CALL('https://api.au.intercom.io/teams/${id}'));
  none('intercom-unknown-endpoint', 'CreateAccountJSON', CALL('https://example.com/admin'));
  none('intercom-unknown-endpoint', 'CreateAccountJSON', CALL('${connection.baseUrl}/admin'));
  none('intercom-unknown-endpoint', 'CreateAccountJSON', CALL('https://api.intercom.io/${resource}'));
  none('intercom-unknown-endpoint', 'CreateAccountJSON', CALL('https://api.intercom.io/admins', 'GETWITHBODY'));
});
