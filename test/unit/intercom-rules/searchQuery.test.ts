/**
 * Search queries checked against what each search endpoint documents in the pinned version:
 * intercom-search-field, intercom-search-operator, intercom-search-value, intercom-search-limits,
 * intercom-search-sort. Ranges point into the escaped httpParams string.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { GOOD_HEADERS, applyFix, callList, covered, findingsOf, intercomFindings, none, one, docOf } from './helpers';

const SEARCH = (path: string, body: unknown, version = '2.15') => callList({
  url: `https://api.intercom.io${path}/search`, httpMethod: 'POST', httpHeaders: { ...GOOD_HEADERS, 'Intercom-Version': version },
  httpContentType: 'application/json', httpParams: typeof body === 'string' ? body : JSON.stringify(body),
});
const filter = (field: string, operator: string, value: unknown) => ({ field, operator, value });

test('intercom-search-operator: >= on a date field of contacts (dates take =, < and >)', () => {
  const text = SEARCH('/contacts', { query: { operator: 'AND', value: [filter('updated_at', '>=', 1717200000)] } });
  const f = one('intercom-search-operator', 'CreateAccountJSON', text);
  assert.equal(f.severity, 'error');
  assert.equal(covered(text, f), '>=');
  assert.match(f.message, /updated_at/);
  assert.match(f.message, /=, <, >/);
});

test('intercom-search-operator: tag_id takes only = and !=; IN needs a list', () => {
  const tag = SEARCH('/contacts', { query: filter('tag_id', '~', '123') });
  assert.match(one('intercom-search-operator', 'CreateAccountJSON', tag).message, /only =, !=/);
  const inText = SEARCH('/contacts', { query: filter('email', 'IN', 'a@b.co') });
  const f = one('intercom-search-operator', 'CreateAccountJSON', inText);
  assert.match(f.message, /list/);
  assert.equal(covered(inText, f), 'a@b.co');
});

test('intercom-search-operator near misses: tickets created_at >= (documented), conversations != on a date, bound operator', () => {
  none('intercom-search-operator', 'CreateAccountJSON', SEARCH('/tickets', { query: filter('created_at', '>=', 1717200000) }));
  none('intercom-search-operator', 'CreateAccountJSON', SEARCH('/conversations', { query: filter('updated_at', '!=', 1717200000) }));
  none('intercom-search-operator', 'CreateAccountJSON', SEARCH('/contacts', '{"query":{"field":"updated_at","operator":"${connection.op}","value":1}}'));
  none('intercom-search-operator', 'CreateAccountJSON', SEARCH('/contacts', { query: filter('custom_attributes.plan', '~', 'gold') }));
  none('intercom-search-operator', 'CreateAccountJSON', SEARCH('/contacts', { query: filter('email', 'IN', ['a@b.co', 'c@d.co']) }));
});

test('intercom-search-field: tickets filter on state, not ticket_state (every version); fix renames', () => {
  for (const version of ['2.10', '2.11', '2.12', '2.15', '2.16']) {
    const text = SEARCH('/tickets', { query: filter('ticket_state', '=', 'resolved') }, version);
    const f = one('intercom-search-field', 'CreateAccountJSON', text);
    assert.equal(f.severity, 'error', version);
    assert.match(f.message, /Did you mean "state"/);
    none('intercom-search-field', 'CreateAccountJSON', applyFix(text, f.fixes![0]));
  }
});

test('intercom-search-field: a field of another object (contacts searched by state) names the object it belongs to', () => {
  const text = SEARCH('/contacts', { query: { operator: 'AND', value: [filter('state', '=', 'open'), filter('email', '~', 'acme')] } });
  const f = one('intercom-search-field', 'CreateAccountJSON', text);
  assert.match(f.message, /conversations|tickets/);
  assert.match(f.message, /matches nothing|rejects/);
  assert.equal(covered(text, f), 'state');
});

test('intercom-search-field near misses: custom attributes, ticket attributes, nested location fields, bound fields', () => {
  none('intercom-search-field', 'CreateAccountJSON', SEARCH('/contacts', { query: filter('custom_attributes.employee_id', '=', 'E1') }));
  none('intercom-search-field', 'CreateAccountJSON', SEARCH('/contacts', { query: filter('location.country', '=', 'France') }));
  none('intercom-search-field', 'CreateAccountJSON', SEARCH('/tickets', { query: filter('ticket_attribute.4411', '=', 'x') }));
  none('intercom-search-field', 'CreateAccountJSON', SEARCH('/contacts', '{"query":{"field":"${connection.field}","operator":"=","value":"x"}}'));
});

test('intercom-search-value: a date field compared with text that is not a timestamp', () => {
  const text = SEARCH('/contacts', { query: filter('created_at', '>', 'yesterday') });
  const f = one('intercom-search-value', 'CreateAccountJSON', text);
  assert.equal(f.severity, 'error');
  none('intercom-search-value', 'CreateAccountJSON', SEARCH('/contacts', { query: filter('created_at', '>', '1717200000') }));
  none('intercom-search-value', 'CreateAccountJSON', SEARCH('/contacts', '{"query":{"field":"created_at","operator":">","value":"${lastRunDate}"}}'));
});

test('intercom-search-limits: more than 2 nested levels, more than 15 filters in one group', () => {
  const deep = SEARCH('/contacts', { query: { operator: 'AND', value: [{ operator: 'OR', value: [{ operator: 'AND', value: [filter('email', '=', 'a')] }] }] } });
  const f = one('intercom-search-limits', 'CreateAccountJSON', deep);
  assert.equal(f.severity, 'error');
  assert.match(f.message, /2 levels/);
  const wide = SEARCH('/contacts', { query: { operator: 'OR', value: Array.from({ length: 16 }, (_, i) => filter('email', '=', `u${i}@x.co`)) } });
  assert.match(one('intercom-search-limits', 'CreateAccountJSON', wide).message, /16 filters/);
  none('intercom-search-limits', 'CreateAccountJSON', SEARCH('/contacts', { query: { operator: 'AND', value: [{ operator: 'OR', value: [filter('email', '=', 'a'), filter('email', '=', 'b')] }] } }));
  none('intercom-search-limits', 'CreateAccountJSON', SEARCH('/contacts', { query: { operator: 'OR', value: Array.from({ length: 15 }, (_, i) => filter('email', '=', `u${i}@x.co`)) } }));
});

test('intercom-search-sort: sort before 2.16 (contacts search defines it from 2.16; conversations and tickets never)', () => {
  const body = { query: filter('email', '~', 'acme'), sort: { field: 'created_at', order: 'ascending' } };
  const old = one('intercom-search-sort', 'CreateAccountJSON', SEARCH('/contacts', body, '2.15'));
  assert.equal(old.severity, 'warning');
  assert.match(old.message, /2\.16/);
  none('intercom-search-sort', 'CreateAccountJSON', SEARCH('/contacts', body, '2.16'));
  assert.equal(findingsOf('intercom-search-sort', 'CreateAccountJSON', SEARCH('/tickets', { query: filter('open', '=', true), sort: { field: 'created_at', order: 'ascending' } }, '2.16')).length, 1);
  // The order must be one of the documented values (2.16 answers 400 invalid_sort_order).
  const desc = one('intercom-search-sort', 'CreateAccountJSON', SEARCH('/contacts', { ...body, sort: { field: 'created_at', order: 'desc' } }, '2.16'));
  assert.equal(desc.severity, 'error');
  assert.match(desc.message, /invalid_sort_order/);
  assert.match(desc.message, /"descending"/);
});

test('a clean incremental search has no search finding', () => {
  const text = SEARCH('/contacts', '{"query":{"operator":"AND","value":[{"field":"updated_at","operator":">","value":"${lastRunUnix}"},{"field":"role","operator":"=","value":"user"}]},"pagination":{"per_page":150}}');
  assert.deepEqual(intercomFindings(docOf('CreateAccountJSON', text)).filter(f => f.code.startsWith('intercom-search')).map(f => f.message), []);
});
