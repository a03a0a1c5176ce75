/** intercom-list-field, intercom-unknown-field, intercom-ticket-id-path, intercom-pagination-*. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { GOOD_HEADERS, applyFix, callList, expectFinding, findingsOf, importJson, none, one } from './helpers';

const ADMINS = (listField: string, map: Record<string, string> = { accountID: 'id~#~char' }) =>
  importJson({ listField, colsToPropsMap: map }, { url: 'https://api.intercom.io/admins' });

test('intercom-list-field: GET /admins keeps its records in "admins"', () => {
  const text = ADMINS('data');
  expectFinding('intercom-list-field', 'ImportAccountEntJSON', text, {
    severity: 'warning', range: '"data"', fixed: text.replace('"listField": "data"', '"listField": "admins"'), message: /imports nothing/,
  });
});

for (const [path, right, wrong] of [['/contacts', 'data', 'contacts'], ['/teams', 'teams', 'data'], ['/tags', 'data', 'tags']]) {
  test(`intercom-list-field: GET ${path} → "${right}"`, () => {
    const text = importJson({ listField: wrong, colsToPropsMap: { accountID: 'id~#~char' } }, { url: `https://api.intercom.io${path}` });
    const f = one('intercom-list-field', 'ImportAccountEntJSON', text);
    assert.match(applyFix(text, f.fixes![0]), new RegExp(`"listField": "${right}"`));
    none('intercom-list-field', 'ImportAccountEntJSON', text.replace(`"listField": "${wrong}"`, `"listField": "${right}"`));
  });
}

test('intercom-list-field: near misses — "$.admins", an unpaginated non-list endpoint', () => {
  none('intercom-list-field', 'ImportAccountEntJSON', ADMINS('$.admins'));
  none('intercom-list-field', 'ImportAccountEntJSON', importJson({ listField: 'x', colsToPropsMap: {} }, { url: 'https://api.intercom.io/me' }));
});

test('intercom-unknown-field: a mapping source relative to each admin, with did-you-mean', () => {
  const text = ADMINS('admins', { accountID: 'id~#~char', name: 'emial~#~char' });
  expectFinding('intercom-unknown-field', 'ImportAccountEntJSON', text, {
    severity: 'warning', range: 'emial', fixed: text.replace('emial~#~char', 'email~#~char'), message: /Did you mean "email"/,
  });
});

test('intercom-unknown-field: a nested segment; role only exists in 2.16', () => {
  const text = ADMINS('admins', { accountID: 'id~#~char', customproperty1: 'team_priority_level.primary_teams~#~char' });
  const f = one('intercom-unknown-field', 'ImportAccountEntJSON', text);
  assert.equal(text.slice(f.offset, f.offset + f.length), 'primary_teams');
  const role = one('intercom-unknown-field', 'ImportAccountEntJSON', ADMINS('admins', { accountID: 'id~#~char', customproperty2: 'role.name~#~char' }));
  assert.match(role.message, /exists in Intercom-Version 2\.16/);
});

test('intercom-unknown-field: near misses — #CONST#, STORE#, open objects, array indexes', () => {
  const text = importJson({ listField: 'data', colsToPropsMap: {
    accountID: 'id~#~char', name: 'email~#~char', customproperty1: '#CONST#${response.x}~#~char',
    customproperty31: 'STORE#ACC#ENT#MAPPINGINFO~#~char', customproperty2: 'custom_attributes.plan~#~char',
    customproperty3: 'tags.data[0].id~#~char', customproperty4: 'location.city~#~char',
  } }, { url: 'https://api.intercom.io/contacts' });
  none('intercom-unknown-field', 'ImportAccountEntJSON', text.replace('"keyField"', '"pagination": {"nextUrl": {"nextUrlPath": "${x}"}},\n  "keyField"'));
});

test('intercom-ticket-id-path: "ticket_id" is the Inbox number; fix to "id"', () => {
  const text = callList({ url: 'https://api.intercom.io/tickets', httpMethod: 'POST', httpHeaders: GOOD_HEADERS, httpContentType: 'application/json',
    httpParams: '{"ticket_type_id":"1","contacts":[{"email":"${user.email}"}]}', ticketidPath: 'ticket_id' });
  expectFinding('intercom-ticket-id-path', 'CreateTicketJSON', text, {
    severity: 'error', range: 'ticket_id', fixed: text.replace('"ticketidPath": "ticket_id"', '"ticketidPath": "id"'), message: /404/,
  });
  none('intercom-ticket-id-path', 'CreateTicketJSON', text.replace('"ticketidPath": "ticket_id"', '"ticketidPath": "id"'));
  const other = one('intercom-unknown-field', 'CreateTicketJSON', text.replace('"ticketidPath": "ticket_id"', '"ticketidPath": "ticket.id"'));
  assert.equal(text.replace('"ticketidPath": "ticket_id"', '"ticketidPath": "ticket.id"').slice(other.offset, other.offset + other.length), 'ticket');
});

test('intercom-ticket-id-path: a top-level "call1.message.ticket_id"', () => {
  const body = JSON.parse(callList({ url: 'https://api.intercom.io/tickets', httpMethod: 'POST', httpHeaders: GOOD_HEADERS, httpContentType: 'application/json',
    httpParams: '{"ticket_type_id":"1","contacts":[{"email":"${user.email}"}]}' }));
  const text = JSON.stringify({ ...body, ticketidPath: 'call1.message.ticket_id' }, null, 2);
  expectFinding('intercom-ticket-id-path', 'CreateTicketJSON', text, {
    severity: 'error', range: 'ticket_id', fixed: text.replace('call1.message.ticket_id', 'call1.message.id'),
  });
});

test('intercom-ticket-id-path: POST /tickets/enqueue answers with a job id', () => {
  const text = callList({ url: 'https://api.intercom.io/tickets/enqueue', httpMethod: 'POST', httpHeaders: GOOD_HEADERS, httpContentType: 'application/json',
    httpParams: '{"ticket_type_id":"1","contacts":[{"email":"${user.email}"}]}', ticketidPath: 'id' });
  assert.match(one('intercom-ticket-id-path', 'CreateTicketJSON', text).message, /job/);
});

test('intercom-pagination-missing: contacts without pagination — only the first 10; fix adds a cursor nextUrl', () => {
  const text = importJson({ listField: 'data', colsToPropsMap: { accountID: 'id~#~char' } }, { url: 'https://api.intercom.io/contacts' });
  const f = one('intercom-pagination-missing', 'ImportAccountEntJSON', text);
  assert.equal(f.severity, 'warning');
  assert.equal(text.slice(f.offset, f.offset + f.length), '"listField"');
  assert.match(f.message, /only the first 10 contacts would be imported/);
  assert.equal(f.fixes!.length, 1);
});

test('intercom-pagination-missing: the fix builds the next URL from pages.next.starting_after', () => {
  const text = importJson({ listField: 'data', colsToPropsMap: { accountID: 'id~#~char' } }, { url: 'https://api.intercom.io/contacts?per_page=150' });
  const f = one('intercom-pagination-missing', 'ImportAccountEntJSON', text);
  assert.match(f.message, /first 150 contacts/);
  const fixed = applyFix(text, f.fixes![0]);
  const parsed = JSON.parse(fixed);
  const next: string = parsed.accountParams.call.call1.pagination.nextUrl.nextUrlPath;
  assert.match(next, /pages\?\.next\?\.starting_after == null \? null : 'https:\/\/api\.intercom\.io\/contacts\?per_page=150&starting_after='/);
  none('intercom-pagination-missing', 'ImportAccountEntJSON', fixed);
  none('intercom-pagination-cursor', 'ImportAccountEntJSON', fixed);
});

test('intercom-pagination-missing: near misses — unpaginated admins/teams, paginated with a cursor', () => {
  none('intercom-pagination-missing', 'ImportAccountEntJSON', ADMINS('admins'));
  none('intercom-pagination-missing', 'ImportAccountEntJSON', importJson({ listField: 'teams', colsToPropsMap: { accountID: 'id~#~char' } }, { url: 'https://api.intercom.io/teams' }));
});

test('intercom-pagination-cursor: nextUrlPath that uses pages.next as a URL on GET /contacts', () => {
  const text = importJson({ listField: 'data', colsToPropsMap: { accountID: 'id~#~char' },
    pagination: { nextUrl: { nextUrlPath: '${response?.completeResponseMap?.pages?.next}' } } }, { url: 'https://api.intercom.io/contacts' });
  const f = one('intercom-pagination-cursor', 'ImportAccountEntJSON', text);
  assert.equal(text.slice(f.offset, f.offset + f.length), '"${response?.completeResponseMap?.pages?.next}"');
  assert.match(f.message, /starting_after/);
  none('intercom-pagination-cursor', 'ImportAccountEntJSON', applyFix(text, f.fixes![0]));
  // The same expression is right for a page-number endpoint (pages.next is a URL there).
  none('intercom-pagination-cursor', 'ImportAccountEntJSON', text.replace('https://api.intercom.io/contacts', 'https://api.intercom.io/companies'));
});

test('intercom-pagination-cursor: page numbers on a cursor endpoint', () => {
  const text = importJson({ listField: 'data', colsToPropsMap: { accountID: 'id~#~char' },
    pagination: { page: { pageSizeParam: 'per_page', pageSize: 50, pageNumberParam: 'page' } } }, { url: 'https://api.intercom.io/contacts' });
  assert.equal(findingsOf('intercom-pagination-cursor', 'ImportAccountEntJSON', text).length, 1);
});
