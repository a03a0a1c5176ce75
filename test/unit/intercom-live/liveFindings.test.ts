/** The pure live checks: one finding family per test, on small connections and a snapshot held as plain data. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { liveFindings, liveReadVersion } from '../../../server/src/core/intercom/live/liveFindings';
import {
  HEADERS, SNAPSHOT, applyFix, callList, covered, docOf, live, noLive, oneLive, ticketCall,
} from './helpers';

const body = (text: string) => JSON.parse(JSON.parse(text).call[0].httpParams);
const GOOD_TICKET = { ticket_type_id: '12', contacts: [{ email: '${user.email}' }], ticket_attributes: { _default_title_: 'Access ${requestKey}', Application: 'Jira' } };

test('intercom-live-ticket-type: an id the workspace does not have; the fixes put in one of its types', () => {
  const text = ticketCall({ ...GOOD_TICKET, ticket_type_id: '99' });
  const f = oneLive('intercom-live-ticket-type', 'CreateTicketJSON', text);
  assert.equal(f.severity, 'error');
  assert.equal(covered(text, f), '99');
  assert.match(f.message, /^Unknown ticket type 99: it does not exist in the Intercom workspace "Acme US"/);
  assert.match(f.message, /12 "Access request" \(Back-office\)/);
  assert.doesNotMatch(f.message, /Old laptop request/); // archived types are not offered
  assert.deepEqual(f.fixes!.map(x => x.title), ['Use ticket type 12 "Access request"', 'Use ticket type 13 "Customer issue"']);
  assert.equal(body(applyFix(text, f.fixes![0])).ticket_type_id, '12');
});

test('intercom-live-ticket-type: a type name where the id belongs (did-you-mean on names); a number id; an archived type', () => {
  const named = ticketCall({ ...GOOD_TICKET, ticket_type_id: 'Access Request' });
  const f = oneLive('intercom-live-ticket-type', 'CreateTicketJSON', named);
  assert.match(f.message, /is the name of a ticket type, but ticket_type_id takes its id/);
  assert.match(f.message, /Did you mean 12 "Access request"\?/);
  assert.equal(f.fixes!.find(x => x.isPreferred)!.title, 'Use ticket type 12 "Access request"');
  const numeric = ticketCall(JSON.stringify({ ...GOOD_TICKET, ticket_type_id: 77 }));
  assert.equal(body(applyFix(numeric, oneLive('intercom-live-ticket-type', 'CreateTicketJSON', numeric).fixes![0])).ticket_type_id, 12);
  const archived = oneLive('intercom-live-ticket-type', 'CreateTicketJSON', ticketCall({ ...GOOD_TICKET, ticket_type_id: '14' }));
  assert.equal(archived.severity, 'warning');
  assert.match(archived.message, /archived/);
});

test('intercom-live-ticket-attribute-required: an attribute the type requires to create is not sent; fix adds it', () => {
  const text = ticketCall({ ...GOOD_TICKET, ticket_attributes: { _default_title_: 'Access' } });
  const f = oneLive('intercom-live-ticket-attribute-required', 'CreateTicketJSON', text);
  assert.equal(f.severity, 'error');
  assert.match(f.message, /^Missing required ticket attribute "Application": ticket type 12 "Access request" requires it/);
  assert.match(f.message, /Missing required ticket attributes/);
  assert.doesNotMatch(f.message, /Cost centre/); // archived attributes are not required
  assert.deepEqual(body(applyFix(text, f.fixes![0])).ticket_attributes, { Application: '', _default_title_: 'Access' });
  const none = ticketCall({ ticket_type_id: '12', contacts: [{ email: '${user.email}' }] });
  assert.deepEqual(Object.keys(body(applyFix(none, oneLive('intercom-live-ticket-attribute-required', 'CreateTicketJSON', none).fixes![0])).ticket_attributes), ['_default_title_', 'Application']);
});

test('intercom-live-ticket-attribute-unknown: a key the type does not have, with did-you-mean on its names', () => {
  const text = ticketCall({ ...GOOD_TICKET, ticket_attributes: { ...GOOD_TICKET.ticket_attributes, 'Requested Role': '${reqAttrs.role}' } });
  const f = oneLive('intercom-live-ticket-attribute-unknown', 'CreateTicketJSON', text);
  assert.equal(covered(text, f), 'Requested Role');
  assert.match(f.message, /Did you mean "Requested role"\?/);
  assert.match(f.message, /"Application"/);
  assert.ok('Requested role' in body(applyFix(text, f.fixes![0])).ticket_attributes);
  // title is the offline rule's (intercom-ticket-attributes), not reported twice.
  noLive('intercom-live-ticket-attribute-unknown', 'CreateTicketJSON', ticketCall({ ...GOOD_TICKET, ticket_attributes: { ...GOOD_TICKET.ticket_attributes, title: 'x' } }));
});

test('intercom-live-custom-attribute: bodies (error), import mappings and search fields (warning)', () => {
  const create = callList({ url: 'https://api.intercom.io/contacts', httpMethod: 'POST', httpParams: JSON.stringify({ email: '${user.email}', custom_attributes: { departmnet: '${user.departmentname}', employee_id: '${user.employeeid}' } }) });
  const f = oneLive('intercom-live-custom-attribute', 'CreateAccountJSON', create);
  assert.equal(f.severity, 'error');
  assert.equal(covered(create, f), 'departmnet');
  assert.match(f.message, /not a custom data attribute of contacts/);
  assert.match(f.message, /employee_id, department/);
  assert.ok('department' in body(applyFix(create, f.fixes![0])).custom_attributes);
  const company = callList({ url: 'https://api.intercom.io/companies', httpMethod: 'POST', httpParams: JSON.stringify({ company_id: 'c1', custom_attributes: { employee_id: 'x' } }) });
  assert.match(oneLive('intercom-live-custom-attribute', 'CreateAccountJSON', company).message, /companies.*account_tier/);
  const importText = JSON.stringify({ accountParams: { connection: 'acctAuth', processingType: 'SequentialAndIterative', call: { call1: {
    callOrder: 0, stageNumber: 0, http: { url: 'https://api.intercom.io/contacts?per_page=150', httpMethod: 'GET', httpHeaders: HEADERS },
    listField: 'data', keyField: 'accountID', colsToPropsMap: { accountID: 'id~#~char', customproperty3: 'custom_attributes.legacy_code~#~char', customproperty4: 'custom_attributes.employee_id~#~char' } } } } });
  const m = oneLive('intercom-live-custom-attribute', 'ImportAccountEntJSON', importText);
  assert.equal(m.severity, 'warning');
  assert.equal(covered(importText, m), 'legacy_code');
  assert.match(m.message, /an archived custom data attribute/);
  const search = callList({ url: 'https://api.intercom.io/contacts/search', httpMethod: 'POST', httpParams: JSON.stringify({ query: { field: 'custom_attributes.employee_no', operator: '=', value: 'E1' } }) });
  const s = oneLive('intercom-live-custom-attribute', 'CreateAccountJSON', search);
  assert.equal(covered(search, s), 'employee_no');
  assert.match(s.message, /matches nothing/);
});

test('intercom-live-tag: in a body, a URL and a search filter; the message lists the workspace tags', () => {
  const tagBody = callList({ url: 'https://api.intercom.io/contacts/${account.accountID}/tags', httpMethod: 'POST', httpParams: '{"id":"103"}' });
  const f = oneLive('intercom-live-tag', 'AddAccessJSON', tagBody);
  assert.equal(f.severity, 'error');
  assert.match(f.message, /^Unknown tag 103: it does not exist.*101 "VIP", 102 "Churn risk"/);
  const url = callList({ url: 'https://api.intercom.io/contacts/${account.accountID}/tags/999', httpMethod: 'DELETE' });
  const u = oneLive('intercom-live-tag', 'RemoveAccessJSON', url);
  assert.equal(covered(url, u), '999');
  const search = callList({ url: 'https://api.intercom.io/contacts/search', httpMethod: 'POST', httpParams: JSON.stringify({ query: { field: 'tag_id', operator: '=', value: 'VIP' } }) });
  const s = oneLive('intercom-live-tag', 'CreateAccountJSON', search);
  assert.equal(s.severity, 'warning');
  assert.equal(body(applyFix(search, s.fixes![0])).query.value, '101');
});

test('intercom-live-team and intercom-live-admin: ids in a ticket assignment', () => {
  const text = ticketCall({ ...GOOD_TICKET, assignment: { team_assignee_id: '7', admin_assignee_id: '991' } });
  const f = oneLive('intercom-live-team', 'CreateTicketJSON', text);
  assert.equal(f.severity, 'error');
  assert.match(f.message, /^Unknown team 7: it does not exist.*5 "IT Ops", 6 "Support"/);
  noLive('intercom-live-admin', 'CreateTicketJSON', text);
  const admin = oneLive('intercom-live-admin', 'CreateTicketJSON', ticketCall({ ...GOOD_TICKET, assignment: { admin_assignee_id: '990' } }));
  assert.match(admin.message, /Ann Admin/);
});

test('intercom-live-region: the host serves another region than the workspace; fix uses its host', () => {
  const eu = { ...SNAPSHOT, workspace: { ...SNAPSHOT.workspace, name: 'Acme EU', region: 'EU' } };
  const text = ticketCall(GOOD_TICKET);
  const f = oneLive('intercom-live-region', 'CreateTicketJSON', text, eu);
  assert.equal(f.severity, 'warning');
  assert.equal(covered(text, f), 'api.intercom.io');
  assert.match(f.message, /hosted in Europe/);
  assert.match(applyFix(text, f.fixes![0]), /https:\/\/api\.eu\.intercom\.io\/tickets/);
  noLive('intercom-live-region', 'CreateTicketJSON', text);
});

test('a connection that matches the workspace has no live finding', () => {
  const docs = [
    docOf('CreateTicketJSON', ticketCall({ ...GOOD_TICKET, assignment: { team_assignee_id: '5', admin_assignee_id: '991' } }, '2.15')),
    docOf('CreateAccountJSON', callList({ url: 'https://api.intercom.io/contacts', httpMethod: 'POST', httpParams: JSON.stringify({ email: '${user.email}', owner_id: 992, custom_attributes: { employee_id: '${user.employeeid}' } }) })),
    docOf('AddAccessJSON', callList({ url: 'https://api.intercom.io/contacts/${account.accountID}/tags', httpMethod: 'POST', httpParams: '{"id":"${entitlementValue.entitlementID}"}' })),
    docOf('RemoveAccessJSON', callList({ url: 'https://api.intercom.io/contacts/${account.accountID}/tags/102', httpMethod: 'DELETE' })),
  ];
  for (const doc of docs) assert.deepEqual(liveFindings(doc, SNAPSHOT).map(f => f.message), [], doc.attribute!.name);
});

test('bound values and missing workspace data are never judged', () => {
  noLive('intercom-live-ticket-type', 'CreateTicketJSON', ticketCall({ ...GOOD_TICKET, ticket_type_id: '${connection.ticketTypeId}' }));
  noLive('intercom-live-ticket-attribute-required', 'CreateTicketJSON', ticketCall('{"ticket_type_id":"12","contacts":[{"email":"a@b.co"}],"ticket_attributes":${ticketAttributes}}'));
  const noTags = { ...SNAPSHOT, tags: undefined };
  noLive('intercom-live-tag', 'RemoveAccessJSON', callList({ url: 'https://api.intercom.io/contacts/${account.accountID}/tags/999', httpMethod: 'DELETE' }), noTags);
  noLive('intercom-live-region', 'CreateTicketJSON', ticketCall(GOOD_TICKET), { ...SNAPSHOT, workspace: {} });
  assert.deepEqual(live('CreateTicketJSON', ticketCall({ ...GOOD_TICKET, ticket_type_id: '99' }), { ...SNAPSHOT, ticketTypes: undefined }), []);
});

test('liveReadVersion: the version the connection pins most, else the default; never before 2.9', () => {
  const pinned = (v: string) => docOf('CreateTicketJSON', ticketCall(GOOD_TICKET, v));
  assert.equal(liveReadVersion([pinned('2.16'), pinned('2.16'), pinned('2.12')]), '2.16');
  assert.equal(liveReadVersion([]), '2.15');
  assert.equal(liveReadVersion([], { defaultIntercomVersion: '2.11' }), '2.11');
  assert.equal(liveReadVersion([pinned('2.8')]), '2.15');
  assert.equal(liveReadVersion([pinned('Unstable')]), 'Preview');
});
