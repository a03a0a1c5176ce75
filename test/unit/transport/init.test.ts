/** Scaffolding Intercom connection folders in the teammates and contacts models: content per version, region and feature; then packaging. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { nodeFs } from '../../../server/src/core/transport/node/nodeFs';
import {
  checkApiVersion, generateIntercomFolder, generateIntercomFolders, initIntercomFolder, parseFeatureList, parseModel, type InitOptions,
} from '../../../server/src/core/transport/init';
import { packageConnectionFolder } from '../../../server/src/core/transport/node/package';
import { parseConnectionMeta } from '../../../server/src/core/transport/connectionMeta';
import { tempDir } from './helpers';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Doc = Record<string, any>;

function generated(options: InitOptions = {}, folder = 0): Record<string, Doc> {
  const out: Record<string, Doc> = {};
  for (const f of generateIntercomFolders('Intercom', options)[folder].files) out[f.fileName] = JSON.parse(f.text);
  return out;
}

/** Every provisioning/ticket call of a generated folder, with its attribute. */
function calls(docs: Record<string, Doc>): { attr: string; call: Doc }[] {
  return Object.entries(docs).flatMap(([attr, doc]) => Array.isArray(doc.call) ? doc.call.map((call: Doc) => ({ attr, call })) : []);
}

test('init then package: a teammates folder (the default model) whose package carries no token', async t => {
  const dir = tempDir(t);
  const folder = path.join(dir, 'Intercom EU');
  const result = await initIntercomFolder(nodeFs, folder, { region: 'eu' });
  assert.equal(result.connectionName, 'Intercom EU');
  assert.deepEqual(result.more, []);
  assert.deepEqual(readdirSync(folder).sort(), ['ConnectionJSON.json', 'CreateTicketJSON.json', 'ImportAccountEntJSON.json', 'TicketStatusJSON.json', 'connection.meta.json']);
  for (const f of readdirSync(folder)) {
    const text = readFileSync(path.join(folder, f), 'utf8');
    assert.doesNotThrow(() => JSON.parse(text), `${f} is JSON`);
    if (f !== 'connection.meta.json') assert.equal(text, JSON.stringify(JSON.parse(text), null, 2), `${f} is pretty-printed with 2 spaces`);
  }
  const meta = parseConnectionMeta(readFileSync(path.join(folder, 'connection.meta.json'), 'utf8'));
  assert.deepEqual(meta.errors, []);
  assert.equal(meta.meta.columns.externalconnectiontype, 'REST');
  assert.match(String(meta.meta.columns.connectiondescription), /teammates/);

  const pkg = await packageConnectionFolder(nodeFs, folder, { timestamp: new Date(Date.UTC(2024, 0, 1)) });
  assert.deepEqual(pkg.checkMessages, []);
  assert.deepEqual(pkg.secretPlaceholders, [], 'the token is already a placeholder');
  const conn = JSON.parse(pkg.entries[0].text)['Intercom EU'];
  const connectionJson = conn.EXTERNAL_ATTR.find((a: Doc) => a.attributename === 'ConnectionJSON').encryptedattributevalue;
  assert.equal(JSON.parse(connectionJson).authentications.acctAuth.accessToken, 'Bearer <set the Intercom access token in EIC after import>');
  assert.ok(!/dG9rO|Bearer [A-Za-z0-9]{12}/.test(pkg.entries[0].text), 'no token in the package');
  assert.ok(!pkg.entries[0].text.includes('https://api.intercom.io'), 'EU calls only');
  assert.ok(pkg.entries[0].text.includes('https://api.eu.intercom.io/admins'));
});

test('every call of both models sends the token binding, the pinned version and Accept', () => {
  for (const model of ['teammates', 'contacts'] as const) {
    for (const { attr, call } of calls(generated({ model, apiVersion: '2.16' }))) {
      assert.deepEqual(call.httpHeaders, { Authorization: '${access_token}', 'Intercom-Version': '2.16', Accept: 'application/json' }, attr);
      assert.equal(call.connection, 'acctAuth', attr);
      assert.match(call.url, /^https:\/\/api\.intercom\.io\//, attr);
      assert.deepEqual(call.successResponses, { statusCode: [200] }, attr);
    }
  }
  assert.equal(generated()['TicketStatusJSON.json'].call[0].httpHeaders['Intercom-Version'], '2.16', 'default version 2.16');
});

test('teammates: no lifecycle or access call at all, and nothing reaches a /contacts path', () => {
  const docs = generated({ model: 'teammates' });
  assert.deepEqual(Object.keys(docs).sort(), ['ConnectionJSON.json', 'CreateTicketJSON.json', 'ImportAccountEntJSON.json', 'TicketStatusJSON.json', 'connection.meta.json']);
  const text = JSON.stringify(docs);
  assert.doesNotMatch(text, /\/contacts/);
});

test('teammates: ticket status path follows the API version: ticket_state up to 2.11, ticket_state.category from 2.12', () => {
  const status = (apiVersion: string) => generated({ apiVersion, features: ['ticketing'] })['TicketStatusJSON.json'].call[0];
  assert.equal(status('2.11').ticketStatusPath, 'ticket_state');
  assert.equal(status('2.9').ticketStatusPath, 'ticket_state');
  assert.equal(status('2.12').ticketStatusPath, 'ticket_state.category');
  assert.equal(status('Preview').ticketStatusPath, 'ticket_state.category');
  const s = status('2.16');
  assert.equal(s.url, 'https://api.intercom.io/tickets/${ticketID}');
  assert.deepEqual(s.ticketStatusValue, ['resolved']);
  assert.deepEqual(s.unsuccessResponses, { statusCode: [404] });
});

test('teammates: the ticket names the operation, the teammate, the team and EIC\'s task; type and contact come from ConnectionJSON', () => {
  const docs = generated({ features: ['ticketing'] });
  const call = docs['CreateTicketJSON.json'].call[0];
  assert.equal(call.url, 'https://api.intercom.io/tickets');
  assert.equal(call.ticketidPath, 'id');
  const body = JSON.parse(call.httpParams);
  assert.equal(body.ticket_type_id, '${connection.ticketTypeId}', 'no literal ticket type id');
  assert.deepEqual(body.contacts, [{ id: '${connection.serviceContactId}' }], 'one service contact, never the employee\'s email');
  const { _default_title_: title, _default_description_: description } = body.ticket_attributes;
  for (const type of [1, 2, 3, 6, 8, 12, 14]) assert.ok(title.includes(`task.tasktype == ${type} ?`), `the title names task type ${type}`);
  assert.match(title, /\$\{task\.id\}/);
  assert.match(description, /entitlementValue\.entitlement_value/);
  assert.match(description, /account\.accountID/);
  assert.match(description, /\$\{user\.email\}/);
  const auth = docs['ConnectionJSON.json'].authentications.acctAuth;
  assert.match(auth.ticketTypeId, /^<.*GET \/ticket_types>$/);
  assert.match(auth.serviceContactId, /^<.*>$/);
  const given = generated({ features: ['ticketing'], ticketTypeId: '42', serviceContactId: '65f0c0ffee' })['ConnectionJSON.json'].authentications.acctAuth;
  assert.deepEqual([given.ticketTypeId, given.serviceContactId], ['42', '65f0c0ffee']);
});

test('teammates import: admins as accounts, teams (and the 2.16 role) as entitlements, memberships from team_ids', () => {
  const imp = generated({ features: ['import'] })['ImportAccountEntJSON.json'];
  const admins = imp.accountParams.call.call1;
  assert.deepEqual(Object.keys(imp.accountParams.call), ['call1']);
  assert.equal(admins.http.url, 'https://api.intercom.io/admins');
  assert.equal(admins.listField, 'admins');
  assert.equal(admins.colsToPropsMap.customproperty3, 'has_inbox_seat~#~char');
  assert.equal(admins.colsToPropsMap.customproperty5, 'role.name~#~char');
  assert.deepEqual(imp.accountParams.acctEntMappings.Team, { listPath: 'team_ids', idPath: '', keyField: 'entitlementID' });
  assert.equal(imp.accountParams.acctEntMappings.Role.importAsEntitlement, true);
  assert.equal(imp.entitlementParams.entTypes.Team.call.call1.http.url, 'https://api.intercom.io/teams');
  assert.equal(imp.entitlementParams.entTypes.Team.call.call1.colsToPropsMap.customproperty1, 'type~#~char');
  assert.deepEqual(imp.acctEntParams, { processingType: 'acctToEntMapping' });
  const v215 = generated({ features: ['import'], apiVersion: '2.15' })['ImportAccountEntJSON.json'];
  assert.equal(v215.accountParams.call.call1.colsToPropsMap.customproperty5, undefined, 'role exists from 2.16 only');
  assert.equal(v215.accountParams.acctEntMappings.Role, undefined);
  assert.equal(v215.entitlementParams.entTypes.Role, undefined);
});

test('contacts: import and incremental both asked for give two folders, the full import is kept (never dropped)', () => {
  const folders = generateIntercomFolders('Intercom contacts', { model: 'contacts', features: ['import', 'incrementalImport'] });
  assert.deepEqual(folders.map(f => [f.connectionName, f.suffix]), [['Intercom contacts', ''], ['Intercom contacts incremental', '-incremental']]);
  const full = JSON.parse(folders[0].files.find(f => f.fileName === 'ImportAccountEntJSON.json')!.text);
  assert.equal(full.accountParams.call.call1.http.url, 'https://api.intercom.io/contacts?per_page=150');
  assert.match(full.accountParams.call.call1.pagination.nextUrl.nextUrlPath, /java\.net\.URLEncoder\.encode\(response\.completeResponseMap\.pages\.next\.starting_after/);
  const inc = JSON.parse(folders[1].files.find(f => f.fileName === 'ImportAccountEntJSON.json')!.text);
  const search = inc.accountParams.call.call1;
  assert.equal(search.http.url, 'https://api.intercom.io/contacts/search');
  assert.equal(search.http.httpMethod, 'POST');
  assert.match(search.http.httpParams, /"value":\$\{System\.currentTimeMillis\(\)\.intdiv\(1000\) - 172800\}/);
  assert.match(search.http.httpParams, /"sort":\{"field":"updated_at","order":"descending"\}/);
  assert.match(search.http.httpParams, /"per_page":150/);
  assert.equal(search.pagination, undefined, 'a body cursor cannot be followed by EIC pagination');
  assert.equal(inc.accountParams.statusAndThresholdConfig.inactivateAccountsNotInFile, false);
  assert.equal(inc.accountParams.statusAndThresholdConfig.deleteLinks, false);
  // Only the incremental: one folder, nothing lost.
  const only = generateIntercomFolders('x', { model: 'contacts', features: ['incrementalImport'] });
  assert.equal(only.length, 1);
  assert.match(only[0].files.find(f => f.fileName === 'ImportAccountEntJSON.json')!.text, /contacts\/search/);
});

test('contacts: memberships are read per contact (the 10-item cap of embedded lists does not apply)', () => {
  const imp = generated({ model: 'contacts', features: ['import'] })['ImportAccountEntJSON.json'];
  const tag = imp.acctEntParams.entTypes.Tag.call.call1;
  const company = imp.acctEntParams.entTypes.Company.call.call1;
  assert.equal(tag.processingType, 'httpAcctToEnt');
  assert.equal(tag.http.url, 'https://api.intercom.io/contacts/${id}/tags');
  assert.equal(company.http.url, 'https://api.intercom.io/contacts/${id}/companies');
  assert.equal(company.listField, 'data');
  assert.ok(company.pagination.nextUrl.nextUrlPath.includes('pages?.next'));
  assert.equal(imp.accountParams.acctEntMappings, undefined, 'not from the embedded tags.data, which shows at most 10');
  assert.equal(imp.entitlementParams.entTypes.Company.call.call1.http.url, 'https://api.intercom.io/companies?per_page=60');
});

test('contacts: lifecycle and access calls use the contact endpoints; access calls are named after the entitlement types', () => {
  const docs = generated({ model: 'contacts', features: ['contactLifecycle', 'addRemoveAccess'] });
  const summary = calls(docs).map(({ attr, call }) => `${attr} ${call.name} ${call.httpMethod} ${call.url}`);
  assert.deepEqual(summary, [
    'CreateAccountJSON.json call1 POST https://api.intercom.io/contacts',
    'UpdateAccountJSON.json call1 PUT https://api.intercom.io/contacts/${account.accountID}',
    'EnableAccountJSON.json call1 POST https://api.intercom.io/contacts/${account.accountID}/unarchive',
    'DisableAccountJSON.json call1 POST https://api.intercom.io/contacts/${account.accountID}/archive',
    'RemoveAccountJSON.json call1 DELETE https://api.intercom.io/contacts/${account.accountID}',
    'AddAccessJSON.json Tag POST https://api.intercom.io/contacts/${account.accountID}/tags',
    'AddAccessJSON.json Company POST https://api.intercom.io/contacts/${account.accountID}/companies',
    'RemoveAccessJSON.json Tag DELETE https://api.intercom.io/contacts/${account.accountID}/tags/${entitlementValue.entitlementID}',
    'RemoveAccessJSON.json Company DELETE https://api.intercom.io/contacts/${account.accountID}/companies/${entitlementValue.entitlementID}',
  ]);
  assert.deepEqual(docs['CreateAccountJSON.json'].call[0].unsuccessResponses, { statusCode: [409] }, 'an existing email fails the task at once');
  assert.equal(docs['CreateAccountJSON.json'].accountIdPath, 'call1.message.id');
  assert.equal(docs['ImportAccountEntJSON.json'], undefined, 'only the chosen features are generated');
});

test('a feature the model does not have is refused with the reason, never dropped', () => {
  assert.throws(() => generateIntercomFolder('x', { model: 'teammates', features: ['import', 'contactLifecycle'] }),
    /teammates model has no "lifecycle".*cannot create, change, disable or remove teammates.*"ticketing"/);
  assert.throws(() => generateIntercomFolder('x', { model: 'teammates', features: ['addRemoveAccess'] }), /teams.*tickets/);
  assert.throws(() => generateIntercomFolder('x', { model: 'teammates', features: ['incrementalImport'] }), /GET \/admins/);
  assert.throws(() => generateIntercomFolder('x', { model: 'contacts', features: ['ticketing'] }), /contacts model has no "ticketing"/);
  assert.throws(() => generateIntercomFolder('x', { model: 'contacts', features: ['incrementalImport'], apiVersion: '2.15' }), /sort.*2\.16/);
  assert.equal(parseModel('Contacts'), 'contacts');
  assert.throws(() => parseModel('admins'), /Unknown model "admins"/);
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

test('init writes the incremental connection beside the full one and refuses before writing anything', async t => {
  const dir = tempDir(t);
  const folder = path.join(dir, 'contacts');
  const result = await initIntercomFolder(nodeFs, folder, { model: 'contacts' });
  assert.equal(result.more.length, 1);
  assert.equal(result.more[0].folder, `${folder}-incremental`);
  assert.equal(result.more[0].connectionName, 'contacts incremental');
  assert.deepEqual(readdirSync(`${folder}-incremental`).sort(), ['ConnectionJSON.json', 'ImportAccountEntJSON.json', 'connection.meta.json']);
  // A clash in the second folder stops the whole init before any file is written.
  const again = path.join(dir, 'again');
  writeFileSync(path.join(dir, 'placeholder'), '');
  await initIntercomFolder(nodeFs, `${again}-incremental`, { model: 'contacts', features: ['incrementalImport'] });
  await assert.rejects(initIntercomFolder(nodeFs, again, { model: 'contacts' }), /already has ConnectionJSON\.json/);
  assert.ok(!existsSync(again), 'the first folder was not written');
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
