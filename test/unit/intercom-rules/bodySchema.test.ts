/**
 * Request bodies checked against the OpenAPI request schema of the pinned version:
 * intercom-body-one-of, intercom-body-unknown-field, intercom-body-field-version, intercom-body-type.
 * ${…} bindings are masked: their values' types are unknown, so they are never type errors.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { GOOD_HEADERS, applyFix, callList, covered, docOf, findingsOf, intercomFindings, none, one } from './helpers';

const CALL = (method: string, path: string, body: unknown, version = '2.15') => callList({
  url: `https://api.intercom.io${path}`, httpMethod: method, httpHeaders: { ...GOOD_HEADERS, 'Intercom-Version': version },
  httpContentType: 'application/json', httpParams: typeof body === 'string' ? body : JSON.stringify(body),
});

test('intercom-body-one-of: a contact needs email, external_id or role (anyOf of POST /contacts)', () => {
  const text = CALL('POST', '/contacts', { name: '${user.displayname}', phone: '${user.phoneNumber}' });
  const f = one('intercom-body-one-of', 'CreateAccountJSON', text);
  assert.equal(f.severity, 'error');
  assert.match(f.message, /"email", "external_id" or "role"/);
  assert.match(f.message, /400/);
  none('intercom-body-one-of', 'CreateAccountJSON', CALL('POST', '/contacts', { external_id: '${user.username}', name: '${user.displayname}' }));
  none('intercom-body-one-of', 'CreateAccountJSON', CALL('POST', '/contacts', { role: 'user' }));
  // An update has no such requirement.
  none('intercom-body-one-of', 'UpdateAccountJSON', CALL('PUT', '/contacts/${account.accountID}', { name: '${user.displayname}' }));
});

test('intercom-body-unknown-field: "emial" on a contact update, with did-you-mean (fix renames the key)', () => {
  const text = CALL('PUT', '/contacts/${account.accountID}', { emial: '${user.email}', name: '${user.displayname}' });
  const f = one('intercom-body-unknown-field', 'UpdateAccountJSON', text);
  assert.equal(f.severity, 'warning');
  assert.equal(covered(text, f), 'emial');
  assert.match(f.message, /Did you mean "email"\?/);
  const fixed = applyFix(text, f.fixes![0]);
  assert.deepEqual(JSON.parse(JSON.parse(fixed).call[0].httpParams), { email: '${user.email}', name: '${user.displayname}' });
  none('intercom-body-unknown-field', 'UpdateAccountJSON', fixed);
});

test('intercom-body-unknown-field and -one-of together: "emial" alone on POST /contacts', () => {
  const findings = intercomFindings(docOf('CreateAccountJSON', CALL('POST', '/contacts', { emial: '${user.email}' })));
  assert.deepEqual(findings.filter(f => f.code.startsWith('intercom-body')).map(f => f.code).sort(), ['intercom-body-one-of', 'intercom-body-unknown-field']);
});

test('intercom-body-field-version: assignment on POST /tickets exists only from 2.14', () => {
  const body = { ticket_type_id: '12', contacts: [{ email: '${user.email}' }], assignment: { admin_assignee_id: '991' } };
  const text = CALL('POST', '/tickets', body, '2.13');
  const f = one('intercom-body-field-version', 'CreateTicketJSON', text);
  assert.equal(f.severity, 'warning');
  assert.equal(covered(text, f), 'assignment');
  assert.match(f.message, /from Intercom-Version 2\.14/);
  assert.equal(findingsOf('intercom-body-unknown-field', 'CreateTicketJSON', text).length, 0);
  none('intercom-body-field-version', 'CreateTicketJSON', CALL('POST', '/tickets', body, '2.14'));
  // The other way round: state on PUT /tickets/{id} ended with 2.11.
  const put = CALL('PUT', '/tickets/${ticketID}', { state: 'resolved' }, '2.15');
  assert.match(one('intercom-body-field-version', 'UpdateAccountJSON', put).message, /up to Intercom-Version 2\.11/);
});

test('intercom-body-type: literal values of the wrong type; bound values are never type errors', () => {
  const text = CALL('POST', '/contacts', { email: '${user.email}', unsubscribed_from_emails: 'yes', signed_up_at: '${user.startdate}' });
  const f = one('intercom-body-type', 'CreateAccountJSON', text);
  assert.equal(f.severity, 'warning');
  assert.equal(covered(text, f), 'yes');
  assert.match(f.message, /boolean/);
  none('intercom-body-type', 'CreateAccountJSON', CALL('POST', '/contacts', '{"email":"${user.email}","unsubscribed_from_emails":${user.flag},"owner_id":${user.manager}}'));
  // A version's own types: owner_id is an integer up to 2.15 and a string in 2.16 (digits pass either way).
  assert.equal(findingsOf('intercom-body-type', 'CreateAccountJSON', CALL('POST', '/contacts', { email: 'a@b.co', owner_id: 'Ann' }, '2.15')).length, 1);
  none('intercom-body-type', 'CreateAccountJSON', CALL('POST', '/contacts', { email: 'a@b.co', owner_id: 'Ann' }, '2.16'));
  none('intercom-body-type', 'CreateAccountJSON', CALL('POST', '/contacts', { email: 'a@b.co', owner_id: '321' }, '2.15'));
  // Intercom reads digits for numbers and numbers for text: ids are typed either way across versions.
  none('intercom-body-type', 'CreateAccountJSON', CALL('POST', '/messages', { message_type: 'in_app', body: 'x', from: { type: 'admin', id: '991' }, to: { type: 'user', id: 'abc' } }));
});

test('intercom-body-type: an enum value the version does not define (PUT /tickets state in 2.11)', () => {
  const text = CALL('PUT', '/tickets/${ticketID}', { state: 'closed' }, '2.11');
  const f = one('intercom-body-type', 'UpdateAccountJSON', text);
  assert.match(f.message, /in_progress, resolved, waiting_on_customer/);
  none('intercom-body-type', 'UpdateAccountJSON', CALL('PUT', '/tickets/${ticketID}', { state: 'resolved' }, '2.11'));
});

test('intercom-body-one-of near miss: an admin reply is not bound by the contact reply\'s alternatives', () => {
  none('intercom-body-one-of', 'UpdateAccountJSON', CALL('POST', '/tickets/${ticketID}/reply', { message_type: 'note', type: 'admin', admin_id: '991', body: 'Done' }));
  none('intercom-body-one-of', 'UpdateAccountJSON', CALL('POST', '/conversations/${x}/reply', { message_type: 'comment', type: 'admin', admin_id: '991', body: 'x' }));
});

test('body schema near misses: open objects (custom_attributes, ticket_attributes), bound keys, search bodies, GET', () => {
  const clean = CALL('POST', '/contacts', { email: '${user.email}', custom_attributes: { employee_id: '${user.employeeid}', any_key: 1 } });
  assert.deepEqual(intercomFindings(docOf('CreateAccountJSON', clean)).filter(f => f.code.startsWith('intercom-body')).map(f => f.message), []);
  none('intercom-body-unknown-field', 'CreateAccountJSON', CALL('POST', '/contacts', '{"email":"${user.email}","${connection.extraKey}":"x"}'));
  none('intercom-body-unknown-field', 'CreateTicketJSON', CALL('POST', '/tickets', { ticket_type_id: '1', contacts: [{ email: 'a@b.co' }], ticket_attributes: { _default_title_: 't', whatever: 1 } }));
  none('intercom-body-unknown-field', 'CreateAccountJSON', CALL('POST', '/contacts/search', { query: { field: 'email', operator: '=', value: 'a' }, sort: { field: 'x', order: 'ascending' } }));
});
