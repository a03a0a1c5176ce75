/** Scaffolding Intercom connection folders: content per version, region and feature; then packaging. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, readdirSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { nodeFs } from '../../../server/src/core/transport/nodeFs';
import { checkApiVersion, generateIntercomFolder, initIntercomFolder, parseFeatureList } from '../../../server/src/core/transport/init';
import { packageConnectionFolder } from '../../../server/src/core/transport/package';
import { parseConnectionMeta } from '../../../server/src/core/transport/connectionMeta';
import { tempDir } from './helpers';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Doc = Record<string, any>;

function generated(options: Parameters<typeof generateIntercomFolder>[1] = {}): Record<string, Doc> {
  const out: Record<string, Doc> = {};
  for (const f of generateIntercomFolder('Intercom', options).files) out[f.fileName] = JSON.parse(f.text);
  return out;
}

/** Every provisioning/ticket call of a generated folder, with its attribute. */
function calls(docs: Record<string, Doc>): { attr: string; call: Doc }[] {
  return Object.entries(docs).flatMap(([attr, doc]) => Array.isArray(doc.call) ? doc.call.map((call: Doc) => ({ attr, call })) : []);
}

test('init then package: a complete folder whose package carries no token', async t => {
  const dir = tempDir(t);
  const folder = path.join(dir, 'Intercom EU');
  const result = await initIntercomFolder(nodeFs, folder, { region: 'eu' });
  assert.equal(result.connectionName, 'Intercom EU');
  assert.deepEqual(readdirSync(folder).sort(), [
    'AddAccessJSON.json', 'ConnectionJSON.json', 'CreateAccountJSON.json', 'CreateTicketJSON.json', 'DisableAccountJSON.json',
    'EnableAccountJSON.json', 'ImportAccountEntJSON.json', 'RemoveAccessJSON.json', 'RemoveAccountJSON.json',
    'TicketStatusJSON.json', 'UpdateAccountJSON.json', 'connection.meta.json',
  ]);
  for (const f of readdirSync(folder)) {
    const text = readFileSync(path.join(folder, f), 'utf8');
    assert.doesNotThrow(() => JSON.parse(text), `${f} is JSON`);
    if (f !== 'connection.meta.json') assert.equal(text, JSON.stringify(JSON.parse(text), null, 2), `${f} is pretty-printed with 2 spaces`);
  }
  const meta = parseConnectionMeta(readFileSync(path.join(folder, 'connection.meta.json'), 'utf8'));
  assert.deepEqual(meta.errors, []);
  assert.equal(meta.meta.columns.externalconnectiontype, 'REST');

  const pkg = await packageConnectionFolder(nodeFs, folder, { timestamp: new Date(Date.UTC(2024, 0, 1)) });
  assert.deepEqual(pkg.checkMessages, []);
  assert.deepEqual(pkg.secretPlaceholders, [], 'the token is already a placeholder');
  const conn = JSON.parse(pkg.entries[0].text)['Intercom EU'];
  const connectionJson = conn.EXTERNAL_ATTR.find((a: Doc) => a.attributename === 'ConnectionJSON').encryptedattributevalue;
  assert.equal(JSON.parse(connectionJson).authentications.acctAuth.accessToken, 'Bearer <set the Intercom access token in EIC after import>');
  assert.ok(!/dG9rO|Bearer [A-Za-z0-9]{12}/.test(pkg.entries[0].text), 'no token in the package');
  assert.ok(!pkg.entries[0].text.includes('https://api.intercom.io'), 'EU calls only');
  assert.ok(pkg.entries[0].text.includes('https://api.eu.intercom.io/contacts'));
});

test('every call sends the token binding, the pinned version and Accept', () => {
  for (const { attr, call } of calls(generated({ apiVersion: '2.13' }))) {
    assert.deepEqual(call.httpHeaders, { Authorization: '${access_token}', 'Intercom-Version': '2.13', Accept: 'application/json' }, attr);
    assert.equal(call.connection, 'acctAuth', attr);
    assert.match(call.url, /^https:\/\/api\.intercom\.io\//, attr);
    assert.deepEqual(call.successResponses, { statusCode: [200] }, attr);
  }
});

test('ticket status path follows the API version: ticket_state up to 2.11, ticket_state.category from 2.12', () => {
  const status = (apiVersion: string) => generated({ apiVersion, features: ['ticketing'] })['TicketStatusJSON.json'].call[0];
  assert.equal(status('2.11').ticketStatusPath, 'ticket_state');
  assert.equal(status('2.9').ticketStatusPath, 'ticket_state');
  assert.equal(status('2.12').ticketStatusPath, 'ticket_state.category');
  assert.equal(status('2.15').ticketStatusPath, 'ticket_state.category');
  assert.equal(status('Preview').ticketStatusPath, 'ticket_state.category');
  const s = status('2.15');
  assert.equal(s.url, 'https://api.intercom.io/tickets/${ticketID}');
  assert.equal(s.httpMethod, 'GET');
  assert.deepEqual(s.ticketStatusValue, ['resolved']);
  assert.equal(generated()['TicketStatusJSON.json'].call[0].httpHeaders['Intercom-Version'], '2.15', 'default version 2.15');
});

test('CreateTicketJSON: one contact by email, the default title/description attributes, ticket id path "id"', () => {
  const call = generated({ features: ['ticketing'], ticketTypeId: '42' })['CreateTicketJSON.json'].call[0];
  assert.equal(call.url, 'https://api.intercom.io/tickets');
  assert.equal(call.httpMethod, 'POST');
  assert.equal(call.ticketidPath, 'id');
  const body = JSON.parse(call.httpParams);
  assert.equal(body.ticket_type_id, '42');
  assert.deepEqual(body.contacts, [{ email: '${user.email}' }]);
  assert.deepEqual(Object.keys(body.ticket_attributes), ['_default_title_', '_default_description_']);
  const placeholder = JSON.parse(generated({ features: ['ticketing'] })['CreateTicketJSON.json'].call[0].httpParams);
  assert.equal(placeholder.ticket_type_id, '@TICKET_TYPE_ID@');
});

test('import: admins and paged contacts as accounts, teams and tags as entitlements with memberships', () => {
  const imp = generated({ features: ['import'] })['ImportAccountEntJSON.json'];
  const [admins, contacts] = [imp.accountParams.call.call1, imp.accountParams.call.call2];
  assert.equal(admins.http.url, 'https://api.intercom.io/admins');
  assert.equal(admins.listField, 'admins');
  assert.equal(admins.colsToPropsMap.customproperty31, 'STORE#ACC#ENT#MAPPINGINFO~#~char');
  assert.equal(contacts.http.url, 'https://api.intercom.io/contacts?per_page=150');
  assert.equal(contacts.listField, 'data');
  const next = contacts.pagination.nextUrl.nextUrlPath as string;
  assert.match(next, /pages\?\.next\?\.starting_after == null \? null/);
  assert.match(next, /&starting_after=' \+ java\.net\.URLEncoder\.encode\(/);
  assert.deepEqual(imp.accountParams.acctEntMappings.Team, { listPath: 'team_ids', idPath: '', keyField: 'entitlementID' });
  assert.deepEqual(imp.accountParams.acctEntMappings.Tag, { listPath: 'tags.data', idPath: 'id', keyField: 'entitlementID' });
  assert.equal(imp.entitlementParams.entTypes.Team.call.call1.http.url, 'https://api.intercom.io/teams');
  assert.equal(imp.entitlementParams.entTypes.Team.call.call1.listField, 'teams');
  assert.equal(imp.entitlementParams.entTypes.Tag.call.call1.http.url, 'https://api.intercom.io/tags');
  assert.equal(imp.entitlementParams.entTypes.Tag.call.call1.listField, 'data');
  assert.deepEqual(imp.acctEntParams, { processingType: 'acctToEntMapping' });
  assert.equal(admins.colsToPropsMap.customproperty6, undefined, 'role only exists from 2.16');
  assert.equal(generated({ features: ['import'], apiVersion: '2.16' })['ImportAccountEntJSON.json'].accountParams.call.call1.colsToPropsMap.customproperty6, 'role.name~#~char');
});

test('incremental import searches recently updated contacts and never inactivates the rest', () => {
  const imp = generated({ features: ['incrementalImport'] })['ImportAccountEntJSON.json'];
  const contacts = imp.accountParams.call.call2;
  assert.equal(contacts.http.url, 'https://api.intercom.io/contacts/search');
  assert.equal(contacts.http.httpMethod, 'POST');
  const body = JSON.parse(contacts.http.httpParams);
  assert.equal(body.query.field, 'updated_at');
  assert.equal(body.query.operator, '>');
  assert.equal(body.pagination.per_page, 150);
  assert.equal(contacts.pagination, undefined, 'a body cursor cannot be followed by EIC pagination');
  assert.equal(imp.accountParams.statusAndThresholdConfig.inactivateAccountsNotInFile, false);
  assert.equal(imp.accountParams.statusAndThresholdConfig.deleteLinks, false);
});

test('lifecycle and access calls use the contact endpoints; access calls are named after the entitlement type', () => {
  const docs = generated({ features: ['contactLifecycle', 'addRemoveAccess'] });
  const summary = Object.fromEntries(calls(docs).map(({ attr, call }) => [attr, `${call.httpMethod} ${call.url}`]));
  assert.deepEqual(summary, {
    'CreateAccountJSON.json': 'POST https://api.intercom.io/contacts',
    'UpdateAccountJSON.json': 'PUT https://api.intercom.io/contacts/${account.accountID}',
    'EnableAccountJSON.json': 'POST https://api.intercom.io/contacts/${account.accountID}/unarchive',
    'DisableAccountJSON.json': 'POST https://api.intercom.io/contacts/${account.accountID}/archive',
    'RemoveAccountJSON.json': 'DELETE https://api.intercom.io/contacts/${account.accountID}',
    'AddAccessJSON.json': 'POST https://api.intercom.io/contacts/${account.accountID}/tags',
    'RemoveAccessJSON.json': 'DELETE https://api.intercom.io/contacts/${account.accountID}/tags/${entitlementValue.entitlementID}',
  });
  assert.equal(docs['AddAccessJSON.json'].call[0].name, 'Tag');
  assert.deepEqual(JSON.parse(docs['AddAccessJSON.json'].call[0].httpParams), { id: '${entitlementValue.entitlementID}' });
  assert.equal(docs['CreateAccountJSON.json'].accountIdPath, 'call1.message.id');
  assert.equal(JSON.parse(docs['CreateAccountJSON.json'].call[0].httpParams).email, '${user.email}');
  assert.equal(docs['ImportAccountEntJSON.json'], undefined, 'only the chosen features are generated');
});

test('regions, versions and feature lists are checked', () => {
  assert.match(generated({ region: 'au' })['ConnectionJSON.json'].authentications.acctAuth.url, /^https:\/\/api\.au\.intercom\.io\//);
  assert.throws(() => checkApiVersion('2.1'), /did you mean 2\.10/);
  assert.throws(() => checkApiVersion('v2'), /not an Intercom API version/);
  assert.equal(checkApiVersion('preview').version, 'Preview');
  assert.ok(checkApiVersion('2.17').note);
  assert.throws(() => generateIntercomFolder('x', { apiVersion: '2.8', features: ['ticketing'] }), /from version 2\.9/);
  assert.doesNotThrow(() => generateIntercomFolder('x', { apiVersion: '2.8', features: ['import'] }));
  assert.deepEqual(parseFeatureList('import, incremental,lifecycle,access,ticketing,import'),
    ['import', 'incrementalImport', 'contactLifecycle', 'addRemoveAccess', 'ticketing']);
  assert.throws(() => parseFeatureList('import,provisioning'), /Unknown feature "provisioning"/);
});

test('init does not overwrite existing files unless forced', async t => {
  const dir = tempDir(t);
  writeFileSync(path.join(dir, 'CreateTicketJSON.json'), 'mine');
  await assert.rejects(initIntercomFolder(nodeFs, dir, { features: ['ticketing'] }), /already has CreateTicketJSON\.json/);
  assert.equal(readFileSync(path.join(dir, 'CreateTicketJSON.json'), 'utf8'), 'mine');
  await initIntercomFolder(nodeFs, dir, { features: ['ticketing'], force: true, name: 'Tickets' });
  assert.notEqual(readFileSync(path.join(dir, 'CreateTicketJSON.json'), 'utf8'), 'mine');
  assert.equal(JSON.parse(readFileSync(path.join(dir, 'connection.meta.json'), 'utf8')).connectionname, 'Tickets');
});
