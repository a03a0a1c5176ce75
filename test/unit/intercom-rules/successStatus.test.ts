/** intercom-success-status: the success statuses each endpoint documents in the call's version. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { GOOD_HEADERS, applyFix, callList, findingsOf, none, one } from './helpers';

const V = (v: string) => ({ ...GOOD_HEADERS, 'Intercom-Version': v });
const POST = (path: string, version: string, codes: number[], body = '{"name":"x"}') => callList({
  url: `https://api.intercom.io${path}`, httpMethod: 'POST', httpHeaders: V(version), httpContentType: 'application/json',
  httpParams: body, successResponses: { statusCode: codes },
});

test('intercom-success-status: 201 on POST /content_snippets (2.16 documents 201) is right; 200 there is extra', () => {
  none('intercom-success-status', 'CreateAccountJSON', POST('/content_snippets', '2.16', [201]));
  const text = POST('/content_snippets', '2.16', [200, 201]);
  const f = one('intercom-success-status', 'CreateAccountJSON', text);
  assert.equal(text.slice(f.offset, f.offset + f.length), '200');
  assert.equal(f.severity, 'information');
  assert.match(f.message, /documents 201/);
});

test('intercom-success-status: POST /events answers 202 — listing only 200 turns every success into a failure', () => {
  none('intercom-success-status', 'CreateAccountJSON', POST('/events', '2.15', [202]));
  const text = POST('/events', '2.15', [200]);
  const f = one('intercom-success-status', 'CreateAccountJSON', text);
  assert.equal(f.severity, 'warning');
  assert.match(f.message, /202/);
  assert.deepEqual(JSON.parse(applyFix(text, f.fixes![0])).call[0].successResponses, { statusCode: [200, 202] });
});

test('intercom-success-status: POST /tickets documents 200 only, so 201 never occurs (per version)', () => {
  const text = POST('/tickets', '2.15', [200, 201], '{"ticket_type_id":"1","contacts":[{"email":"${user.email}"}]}');
  const f = one('intercom-success-status', 'CreateTicketJSON', text);
  assert.equal(text.slice(f.offset, f.offset + f.length), '201');
  assert.match(f.message, /POST \/tickets documents 200/);
  assert.doesNotMatch(f.message, /every successful request/);
});

test('intercom-success-status near misses: unknown endpoint or version, non-2xx codes, bound statuses', () => {
  none('intercom-success-status', 'CreateAccountJSON', POST('/no_such_thing', '2.15', [201]));
  none('intercom-success-status', 'CreateAccountJSON', POST('/events', 'preview', [200]));
  none('intercom-success-status', 'CreateAccountJSON', POST('/contacts', '2.15', [200, 409], '{"email":"a@b.co"}'));
  assert.equal(findingsOf('intercom-success-status', 'CreateAccountJSON', POST('/contacts', '2.15', [200], '{"email":"a@b.co"}')).length, 0);
});
