/**
 * Rules that know the Intercom model: teammates never reach contact endpoints, every imported
 * entitlement type is served (by access calls or tickets), ticket types are not literals, ticket
 * contacts are not employees' emails, and a one-page search import reads the newest changes.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { AttributeDocument } from '../../../server/src/core/document';
import { REPO_ROOT } from '../../support/corpus';
import { applyFix, covered, docOf, findingsOf, none, one } from '../intercom-rules/helpers';
import { runRules } from '../rules/helpers';

const EXAMPLES = path.join(REPO_ROOT, 'examples');

/** The documents of an example folder, as siblings in /conn. */
function example(folder: string, except: string[] = []): AttributeDocument[] {
  return fs.readdirSync(path.join(EXAMPLES, folder)).filter(f => f.endsWith('JSON.json') && !except.includes(f))
    .map(f => docOf(f.replace(/\.json$/, ''), fs.readFileSync(path.join(EXAMPLES, folder, f), 'utf8')));
}
function text(folder: string, attribute: string): string {
  return fs.readFileSync(path.join(EXAMPLES, folder, `${attribute}.json`), 'utf8');
}

const CONTACT_CALL = (url: string, method = 'POST', params = '{}') => JSON.stringify({
  call: [{ name: 'call1', connection: 'acctAuth', url, httpMethod: method, httpParams: params,
    httpHeaders: { Authorization: '${access_token}', 'Intercom-Version': '2.16', Accept: 'application/json' },
    httpContentType: 'application/json', successResponses: { statusCode: [200] } }],
}, null, 2);

test('intercom-teammate-contact-call: a disable that archives a "contact" in the teammates connection is an error; the fix routes it to the ticket', () => {
  const disable = CONTACT_CALL('https://api.intercom.io/contacts/${account.accountID}/archive');
  const siblings = example('intercom-teammates');
  const f = one('intercom-teammate-contact-call', 'DisableAccountJSON', disable, { siblings });
  assert.equal(f.severity, 'error');
  assert.equal(covered(disable, f), '/contacts/${account.accountID}/archive');
  assert.match(f.message, /GET \/admins/);
  assert.match(f.message, /404 for every teammate/);
  assert.match(f.message, /ticket/);
  const fixed = applyFix(disable, f.fixes![0]);
  assert.equal(fixed, '', 'the attribute is emptied: EIC raises the ticket instead');
  none('intercom-teammate-contact-call', 'DisableAccountJSON', fixed, { siblings });
});

test('intercom-teammate-contact-call: every lifecycle and access attribute, and the mixed model of the old example', () => {
  const siblings = example('intercom-teammates');
  for (const [attribute, url, method] of [
    ['CreateAccountJSON', 'https://api.intercom.io/contacts', 'POST'],
    ['UpdateAccountJSON', 'https://api.intercom.io/contacts/${account.accountID}', 'PUT'],
    ['EnableAccountJSON', 'https://api.intercom.io/contacts/${account.accountID}/unarchive', 'POST'],
    ['RemoveAccountJSON', 'https://api.intercom.io/contacts/${account.accountID}', 'DELETE'],
    ['AddAccessJSON', 'https://api.intercom.io/contacts/${account.accountID}/tags', 'POST'],
    ['RemoveAccessJSON', 'https://api.intercom.io/contacts/${account.accountID}/tags/${entitlementValue.entitlementID}', 'DELETE'],
  ]) {
    assert.equal(findingsOf('intercom-teammate-contact-call', attribute, CONTACT_CALL(url, method), { siblings }).length, 1, attribute);
  }
  // Teammates and contacts as accounts of one connection: still an error, but no "empty it" fix.
  const importBoth = JSON.parse(text('intercom-teammates', 'ImportAccountEntJSON'));
  importBoth.accountParams.call.call2 = JSON.parse(text('intercom-contacts', 'ImportAccountEntJSON')).accountParams.call.call1;
  const mixed = [docOf('ImportAccountEntJSON', JSON.stringify(importBoth, null, 2))];
  const f = one('intercom-teammate-contact-call', 'DisableAccountJSON', CONTACT_CALL('https://api.intercom.io/contacts/${account.accountID}/archive'), { siblings: mixed });
  assert.match(f.message, /both teammates .* and contacts/);
  assert.equal(f.fixes?.length ?? 0, 0);
});

test('intercom-teammate-contact-call: contacts connections and teammates endpoints are fine', () => {
  none('intercom-teammate-contact-call', 'DisableAccountJSON', text('intercom-contacts', 'DisableAccountJSON'), { siblings: example('intercom-contacts') });
  none('intercom-teammate-contact-call', 'DisableAccountJSON', CONTACT_CALL('https://api.intercom.io/admins/${account.accountID}/away', 'PUT'), { siblings: example('intercom-teammates') });
  // Without an ImportAccountEntJSON nobody knows what the accounts are.
  none('intercom-teammate-contact-call', 'DisableAccountJSON', CONTACT_CALL('https://api.intercom.io/contacts/${account.accountID}/archive'));
});

test('entitlement-type-unserved: a type no access call is named after; tickets that never name the entitlement', () => {
  const contacts = example('intercom-contacts', ['AddAccessJSON.json', 'RemoveAccessJSON.json', 'ImportAccountEntJSON.json']);
  const importText = text('intercom-contacts', 'ImportAccountEntJSON');
  const add = JSON.parse(text('intercom-contacts', 'AddAccessJSON'));
  add.call = add.call.filter((c: { name: string }) => c.name === 'Tag');
  const siblings = [...contacts, docOf('AddAccessJSON', JSON.stringify(add, null, 2)), docOf('RemoveAccessJSON', text('intercom-contacts', 'RemoveAccessJSON'))];
  const findings = runRules(docOf('ImportAccountEntJSON', importText), siblings).filter(f => f.code === 'entitlement-type-unserved');
  assert.deepEqual(findings.map(f => covered(importText, f)), ['"Company"']);
  assert.equal(findings[0].severity, 'warning');
  assert.match(findings[0].message, /AddAccessJSON has no call named "Company".*revoked but never granted/);
  // The examples serve every type: contacts by calls, teammates by a ticket that names the entitlement.
  for (const folder of ['intercom-contacts', 'intercom-teammates']) {
    const docs = example(folder);
    const imp = docs.find(d => d.attribute?.name === 'ImportAccountEntJSON')!;
    assert.deepEqual(runRules(imp, docs.filter(d => d !== imp)).filter(f => f.code === 'entitlement-type-unserved').map(f => f.message), [], folder);
  }
  // A ticket that does not say which team: every type is reported.
  const ticket = JSON.parse(text('intercom-teammates', 'CreateTicketJSON'));
  ticket.call[0].httpParams = JSON.stringify({ ticket_type_id: '${connection.ticketTypeId}', contacts: [{ id: '${connection.serviceContactId}' }], ticket_attributes: { _default_title_: 'Access for ${user.email}' } });
  const teammates = [...example('intercom-teammates', ['CreateTicketJSON.json', 'ImportAccountEntJSON.json']), docOf('CreateTicketJSON', JSON.stringify(ticket))];
  const imp = text('intercom-teammates', 'ImportAccountEntJSON');
  const unserved = runRules(docOf('ImportAccountEntJSON', imp), teammates).filter(f => f.code === 'entitlement-type-unserved');
  assert.deepEqual(unserved.map(f => covered(imp, f)), ['"Team"', '"Role"']);
  assert.match(unserved[0].message, /provisioned by ticket.*entitlementValue/);
  // An import-only connection (the incremental one) provisions nothing: no finding.
  const inc = example('intercom-contacts-incremental');
  const incImport = inc.find(d => d.attribute?.name === 'ImportAccountEntJSON')!;
  assert.deepEqual(runRules(incImport, inc.filter(d => d !== incImport)).filter(f => f.code === 'entitlement-type-unserved'), []);
});

const TICKET = (body: Record<string, unknown>) => JSON.stringify({
  call: [{ name: 'call1', connection: 'acctAuth', url: 'https://api.intercom.io/tickets', httpMethod: 'POST', httpParams: JSON.stringify(body),
    httpHeaders: { Authorization: '${access_token}', 'Intercom-Version': '2.16', Accept: 'application/json' }, httpContentType: 'application/json',
    ticketidPath: 'id', successResponses: { statusCode: [200] } }],
}, null, 2);
const ATTRS = { _default_title_: 'x', _default_description_: 'y' };

test('intercom-ticket-type-literal: a literal id is a warning; the fix reads the ConnectionJSON key', () => {
  const literal = TICKET({ ticket_type_id: '41', contacts: [{ id: '${connection.serviceContactId}' }], ticket_attributes: ATTRS });
  const withKey = [docOf('ConnectionJSON', text('intercom-teammates', 'ConnectionJSON'))];
  const f = one('intercom-ticket-type-literal', 'CreateTicketJSON', literal, { siblings: withKey });
  assert.equal(f.severity, 'warning');
  assert.equal(covered(literal, f), '41');
  const fixed = applyFix(literal, f.fixes![0]);
  assert.equal(JSON.parse(JSON.parse(fixed).call[0].httpParams).ticket_type_id, '${connection.ticketTypeId}');
  none('intercom-ticket-type-literal', 'CreateTicketJSON', fixed, { siblings: withKey });
  // A number literal too; no ConnectionJSON key, no fix.
  const number = TICKET({ ticket_type_id: 88, contacts: [{ id: 'abc' }], ticket_attributes: ATTRS });
  assert.equal(one('intercom-ticket-type-literal', 'CreateTicketJSON', number).fixes?.length ?? 0, 0);
  none('intercom-ticket-type-literal', 'CreateTicketJSON', text('intercom-teammates', 'CreateTicketJSON'));
});

test('intercom-ticket-contact-email: information; the fix names the service contact', () => {
  const byEmail = TICKET({ ticket_type_id: '${connection.ticketTypeId}', contacts: [{ email: '${user.email}' }], ticket_attributes: ATTRS });
  const withKey = [docOf('ConnectionJSON', text('intercom-teammates', 'ConnectionJSON'))];
  const f = one('intercom-ticket-contact-email', 'CreateTicketJSON', byEmail, { siblings: withKey });
  assert.equal(f.severity, 'information');
  assert.equal(covered(byEmail, f), '\\"email\\":\\"${user.email}\\"');
  assert.match(f.message, /creates one.*second account.*409/);
  const fixed = applyFix(byEmail, f.fixes![0]);
  assert.deepEqual(JSON.parse(JSON.parse(fixed).call[0].httpParams).contacts, [{ id: '${connection.serviceContactId}' }]);
  none('intercom-ticket-contact-email', 'CreateTicketJSON', fixed, { siblings: withKey });
  none('intercom-ticket-contact-email', 'CreateTicketJSON', TICKET({ ticket_type_id: '1', contacts: [{ id: '${connection.serviceContactId}' }], ticket_attributes: ATTRS }));
});

function searchImport(body: string, version = '2.16'): string {
  const imp = JSON.parse(text('intercom-contacts-incremental', 'ImportAccountEntJSON'));
  imp.accountParams.call.call1.http.httpParams = body;
  imp.accountParams.call.call1.http.httpHeaders['Intercom-Version'] = version;
  return JSON.stringify(imp, null, 2);
}
const Q = '{"query":{"field":"updated_at","operator":">","value":${System.currentTimeMillis().intdiv(1000) - 172800}},"pagination":{"per_page":150}';

test('intercom-search-one-page: ascending, missing or unavailable sort loses the newest changes silently', () => {
  const asc = searchImport(`${Q},"sort":{"field":"updated_at","order":"ascending"}}`);
  const f = one('intercom-search-one-page', 'ImportAccountEntJSON', asc);
  assert.equal(f.severity, 'warning');
  assert.equal(covered(asc, f), '\\"ascending\\"');
  assert.match(f.message, /oldest/);
  none('intercom-search-one-page', 'ImportAccountEntJSON', applyFix(asc, f.fixes![0]));

  const unsorted = searchImport(`${Q}}`);
  const g = one('intercom-search-one-page', 'ImportAccountEntJSON', unsorted);
  assert.match(g.message, /sets no "sort"/);
  const sorted = applyFix(unsorted, g.fixes![0]);
  assert.match(JSON.parse(sorted).accountParams.call.call1.http.httpParams, /"sort":\{"field":"updated_at","order":"descending"\}\}$/);
  none('intercom-search-one-page', 'ImportAccountEntJSON', sorted);

  // The old example: sort with 2.15, which has none.
  const old = searchImport(`${Q},"sort":{"field":"updated_at","order":"ascending"}}`, '2.15');
  const h = one('intercom-search-one-page', 'ImportAccountEntJSON', old);
  assert.match(h.message, /Intercom-Version 2\.15 has no "sort"/);
  assert.equal(h.fixes![0].title, 'Pin Intercom-Version "2.16" (sort exists there)');
});

test('intercom-search-one-page: small pages and a window shorter than two days are information', () => {
  const small = searchImport(Q.replace('150', '50') + ',"sort":{"field":"updated_at","order":"descending"}}');
  const f = one('intercom-search-one-page', 'ImportAccountEntJSON', small);
  assert.equal(f.severity, 'information');
  assert.equal(covered(small, f), '50');
  none('intercom-search-one-page', 'ImportAccountEntJSON', applyFix(small, f.fixes![0]));
  const day = searchImport(Q.replace('172800', '86400') + ',"sort":{"field":"updated_at","order":"descending"}}');
  assert.match(one('intercom-search-one-page', 'ImportAccountEntJSON', day).message, /today only.*after midnight/);
  none('intercom-search-one-page', 'ImportAccountEntJSON', text('intercom-contacts-incremental', 'ImportAccountEntJSON'));
});
