/** intercom-cursor-not-encoded and intercom-per-page-max on small import connections. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { GOOD_HEADERS, applyFix, callList, expectFinding, importJson, none, one } from './helpers';
import { rawCursorConcatenations } from '../../../server/src/core/intercom/rules/cursorEncodingRule';

const CONTACTS = (nextUrlPath: string, url = 'https://api.intercom.io/contacts?per_page=150') => importJson(
  { listField: 'data', colsToPropsMap: { accountID: 'id~#~char' }, pagination: { nextUrl: { nextUrlPath } } }, { url });

const RAW_CURSOR = "${response?.completeResponseMap?.pages?.next?.starting_after == null ? null : 'https://api.intercom.io/contacts?per_page=150&starting_after=' + response.completeResponseMap.pages.next.starting_after}";

test('intercom-cursor-not-encoded: starting_after concatenated raw; fix wraps it in URLEncoder.encode(…, \'UTF-8\')', () => {
  const text = CONTACTS(RAW_CURSOR);
  const f = expectFinding('intercom-cursor-not-encoded', 'ImportAccountEntJSON', text, {
    severity: 'warning', range: 'response.completeResponseMap.pages.next.starting_after',
    fixed: text.replace("+ response.completeResponseMap.pages.next.starting_after}", "+ java.net.URLEncoder.encode(response.completeResponseMap.pages.next.starting_after, 'UTF-8')}"),
  });
  assert.match(f.message, /\+/);
  assert.match(f.message, /page 1/);
  assert.equal(f.fixes![0].isPreferred, true);
  none('intercom-cursor-not-encoded', 'ImportAccountEntJSON', applyFix(text, f.fixes![0]));
});

test('intercom-cursor-not-encoded near misses: URLEncoder.encode, a replace chain, the null check, a page-number endpoint', () => {
  none('intercom-cursor-not-encoded', 'ImportAccountEntJSON', CONTACTS(RAW_CURSOR.replace('+ response.completeResponseMap.pages.next.starting_after}', "+ URLEncoder.encode(response.completeResponseMap.pages.next.starting_after, 'UTF-8')}")));
  none('intercom-cursor-not-encoded', 'ImportAccountEntJSON', CONTACTS(RAW_CURSOR.replace('starting_after}', "starting_after.replace('+', '%2B').replace('/', '%2F').replace('=', '%3D')}")));
  none('intercom-cursor-not-encoded', 'ImportAccountEntJSON', CONTACTS('${response?.completeResponseMap?.pages?.next}', 'https://api.intercom.io/companies'));
});

test('intercom-per-page-max: per_page above the endpoint maximum in the URL (GET /contacts takes at most 150)', () => {
  const text = importJson({ listField: 'data', colsToPropsMap: { accountID: 'id~#~char' }, pagination: { nextUrl: { nextUrlPath: RAW_CURSOR } } },
    { url: 'https://api.intercom.io/contacts?per_page=500' });
  const f = expectFinding('intercom-per-page-max', 'ImportAccountEntJSON', text, {
    severity: 'error', range: '500', fixed: text.replace('contacts?per_page=500', 'contacts?per_page=150'),
  });
  assert.match(f.message, /at most 150/);
  none('intercom-per-page-max', 'ImportAccountEntJSON', text.replace('per_page=500', 'per_page=150'));
});

test('intercom-per-page-max: in a nextUrl literal, and in a search body (conversations: 150)', () => {
  const text = importJson({ listField: 'data', colsToPropsMap: { accountID: 'id~#~char' }, pagination: { nextUrl: { nextUrlPath: RAW_CURSOR.replace('per_page=150&', 'per_page=250&') } } },
    { url: 'https://api.intercom.io/contacts?per_page=150' });
  assert.equal(one('intercom-per-page-max', 'ImportAccountEntJSON', text).severity, 'error');
  const search = callList({
    url: 'https://api.intercom.io/conversations/search', httpMethod: 'POST', httpHeaders: GOOD_HEADERS, httpContentType: 'application/json',
    httpParams: '{"query":{"field":"open","operator":"=","value":true},"pagination":{"per_page":200}}',
  });
  const f = one('intercom-per-page-max', 'CreateAccountJSON', search);
  assert.equal(search.slice(f.offset, f.offset + f.length), '200');
});

test('intercom-per-page-max near misses: no documented maximum, a bound value, within the maximum', () => {
  none('intercom-per-page-max', 'ImportAccountEntJSON', importJson({ listField: 'data', colsToPropsMap: { accountID: 'id~#~char' } }, { url: 'https://api.intercom.io/companies?per_page=500' }));
  none('intercom-per-page-max', 'ImportAccountEntJSON', importJson({ listField: 'data', colsToPropsMap: { accountID: 'id~#~char' } }, { url: 'https://api.intercom.io/contacts?per_page=${connection.pageSize}' }));
  none('intercom-per-page-max', 'CreateAccountJSON', callList({
    url: 'https://api.intercom.io/contacts/search', httpMethod: 'POST', httpHeaders: GOOD_HEADERS, httpContentType: 'application/json',
    httpParams: '{"query":{"field":"email","operator":"=","value":"a@b.co"},"pagination":{"per_page":500}}',
  }));
});

test('intercom-per-page-max in URL text: every per_page after ? or &, not one inside a name or computed by a binding', () => {
  const url = (q: string) => importJson({ listField: 'data', colsToPropsMap: { accountID: 'id~#~char' } }, { url: `https://api.intercom.io/contacts?${q}` });
  const twice = url('per_page=150&per_page=300');
  assert.equal(twice.slice(one('intercom-per-page-max', 'ImportAccountEntJSON', twice).offset).slice(0, 3), '300');
  none('intercom-per-page-max', 'ImportAccountEntJSON', url('max_per_page=300'));
  none('intercom-per-page-max', 'ImportAccountEntJSON', url('per_page=abc'));
  none('intercom-per-page-max', 'ImportAccountEntJSON', url("x=${connection.big ? 'a' : 'b'}&per_page=${connection.size}"));
  // Inside a quoted literal of a binding the digits are what is sent.
  const literal = importJson({ listField: 'data', colsToPropsMap: { accountID: 'id~#~char' }, pagination: { nextUrl: { nextUrlPath: "${'https://api.intercom.io/contacts?per_page=900'}" } } },
    { url: 'https://api.intercom.io/contacts?per_page=150' });
  assert.equal(one('intercom-per-page-max', 'ImportAccountEntJSON', literal).severity, 'error');
});

test('intercom-cursor-not-encoded reads the cursor variable by its whole Groovy name', () => {
  assert.deepEqual(rawCursorConcatenations("'u?x=' + a1.pages.next.starting_after").map(r => r.access), ['a1.pages.next.starting_after']);
  // `$` continues a Groovy name: starting_after$1 is another variable, and a text without the cursor has none.
  assert.deepEqual(rawCursorConcatenations("'u?x=' + r.pages.next.starting_after$1"), []);
  assert.deepEqual(rawCursorConcatenations("'u?page=' + response.pages.next.page"), []);
});
