import { test } from 'node:test';
import assert from 'node:assert/strict';
import { StaticConnection } from '../../../server/src/core/connection';
import { covered, docOf, expectFinding, none, one } from './helpers';
import { findDefinitions, complete } from '../../support/engine';

const CONNECTION = '{"authentications":{"acctAuth":{"authType":"oauth2","url":"https://x.example.com/token","tokenType":"Bearer","accessToken":"Bearer <token>"},"userAuth":{"authType":"oauth2","url":"https://x.example.com/token"}}}';
const IMPORT = '{"entitlementParams":{"entTypes":{"Groups":{"entTypeOrder":0,"call":{"call1":{"callOrder":0,"keyField":"entitlementID","colsToPropsMap":{"entitlementID":"id~#~char","entitlement_value":"n~#~char"}}}}}}}';
const connectionDoc = () => docOf('ConnectionJSON', CONNECTION);
const importDoc = () => docOf('ImportAccountEntJSON', IMPORT);
const provisioning = (conn: string) => `{"call":[{"name":"call1","connection":"${conn}","url":"https://x.example.com/u","httpMethod":"POST"}]}`;

test('unknown-connection: did-you-mean fix and related information pointing at ConnectionJSON', () => {
  const text = provisioning('acctAuht');
  const f = expectFinding('unknown-connection', 'CreateAccountJSON', text, { severity: 'error', range: '"acctAuht"', fixed: provisioning('acctAuth'), siblings: [connectionDoc()] });
  assert.match(f.message, /did you mean "acctAuth"/);
  assert.equal(f.related?.length, 2);
  assert.equal(f.related?.[0].uri, '/conn/ConnectionJSON.json');
  const conn = connectionDoc();
  const start = conn.offsetAt(f.related![0].range.start);
  assert.equal(CONNECTION.slice(start, start + '"acctAuth"'.length), '"acctAuth"');
});

test('unknown-connection: params-level connection in ImportAccountEntJSON; several fixes when nothing is close', () => {
  const text = '{"accountParams":{"connection":"ldap","call":{}}}';
  const f = one('unknown-connection', 'ImportAccountEntJSON', text, [connectionDoc()]);
  assert.equal(covered(text, f), '"ldap"');
  assert.deepEqual(f.fixes?.map(x => x.edits[0].newText), ['"acctAuth"', '"userAuth"']);
  assert.ok(f.fixes?.every(x => !x.isPreferred));
});

test('unknown-connection near misses: no ConnectionJSON in the folder; a known name; an expression', () => {
  none('unknown-connection', 'CreateAccountJSON', provisioning('anything'));
  none('unknown-connection', 'CreateAccountJSON', provisioning('userAuth'), [connectionDoc()]);
  none('unknown-connection', 'CreateAccountJSON', provisioning('${x}'), [connectionDoc()]);
});

const access = (name: string, second = '') => `{"call":[{"name":"${name}","connection":"acctAuth","url":"https://x.example.com/g"}${second}]}`;

test('access-call-name: Ironclad "Entitlement" vs imported type "Groups"', () => {
  const f = expectFinding('access-call-name', 'AddAccessJSON', access('Entitlement'), { severity: 'error', range: '"Entitlement"', fixed: access('Groups'), siblings: [importDoc()] });
  assert.ok(f.fixes?.[0].isPreferred, 'the only type is the certain fix');
  assert.match(f.related?.[0].message ?? '', /Groups/);
  expectFinding('access-call-name', 'RemoveAccessJSON', access('Group'), { severity: 'error', range: '"Group"', fixed: access('Groups'), siblings: [importDoc()] });
});

test('access-call-name near misses: matching name; repeated names; no ImportAccountEntJSON; provisioning call names are free', () => {
  none('access-call-name', 'AddAccessJSON', access('Groups', ',{"name":"Groups","url":"https://x.example.com/h"}'), [importDoc()]);
  none('access-call-name', 'AddAccessJSON', access('Whatever'));
  none('access-call-name', 'CreateAccountJSON', provisioning('acctAuth'), [importDoc()]);
});

test('types from acctEntMappings and acctEntParams count as imported', () => {
  const mappingsOnly = docOf('ImportAccountEntJSON', '{"accountParams":{"acctEntMappings":{"Role":{"listPath":"","idPath":"role","keyField":"entitlementID"}}}}');
  none('access-call-name', 'AddAccessJSON', access('Role'), [mappingsOnly]);
});

test('definition: connection value → authentication in ConnectionJSON', () => {
  const text = provisioning('userAuth');
  const doc = docOf('CreateAccountJSON', text);
  const conn = connectionDoc();
  const connection = new StaticConnection('t', [doc, conn]);
  const targets = findDefinitions({ doc, connection, offset: text.indexOf('userAuth') + 2, settings: {} });
  const mine = targets.filter(t => t.uri === conn.uri);
  assert.equal(mine.length, 1);
  assert.equal(CONNECTION.slice(mine[0].offset, mine[0].offset + mine[0].length), '"userAuth"');
  assert.equal(text.slice(mine[0].originOffset, mine[0].originOffset + mine[0].originLength), '"userAuth"');
});

test('definition: access call name → entitlement type; provisioning path → call name', () => {
  const text = access('Groups');
  const doc = docOf('AddAccessJSON', text);
  const imp = importDoc();
  const targets = findDefinitions({ doc, connection: new StaticConnection('t', [doc, imp]), offset: text.indexOf('Groups') + 1, settings: {} });
  const t = targets.find(x => x.uri === imp.uri);
  assert.ok(t);
  assert.equal(IMPORT.slice(t.offset, t.offset + t.length), '"Groups"');

  const create = '{"accountIdPath":"call2.message.id","call":[{"name":"call1"},{"name":"call2"}]}';
  const cdoc = docOf('CreateAccountJSON', create);
  const local = findDefinitions({ doc: cdoc, connection: new StaticConnection('t', [cdoc]), offset: create.indexOf('call2') + 2, settings: {} });
  assert.equal(local.length, 1);
  assert.equal(create.slice(local[0].offset, local[0].offset + local[0].length), '"call2"');
  assert.equal(local[0].offset, create.lastIndexOf('"call2"'));
});

test('completion: authentication names for connection values, entitlement types for access names', async () => {
  const text = provisioning('ac');
  const doc = docOf('CreateAccountJSON', text);
  const list = await complete({ doc, connection: new StaticConnection('t', [doc, connectionDoc()]), offset: text.indexOf('"ac"') + 3, settings: {} });
  const labels = list.items.map(i => i.label);
  assert.deepEqual(labels.slice(0, 2), ['acctAuth', 'userAuth']);
  const edit = list.items[0].textEdit as { newText: string; range: { start: { character: number }; end: { character: number } } };
  assert.equal(edit.newText, '"acctAuth"');
  assert.equal(edit.range.end.character - edit.range.start.character, '"ac"'.length);

  const acc = access('');
  const adoc = docOf('AddAccessJSON', acc);
  const alist = await complete({ doc: adoc, connection: new StaticConnection('t', [adoc, importDoc()]), offset: acc.indexOf('""') + 1, settings: {} });
  assert.equal(alist.items[0].label, 'Groups');
});

test('completion: an empty value slot after "connection":', async () => {
  const text = '{"call":[{"name":"call1","connection": }]}';
  const doc = docOf('CreateAccountJSON', text);
  const list = await complete({ doc, connection: new StaticConnection('t', [doc, connectionDoc()]), offset: text.indexOf(': }') + 2, settings: {} });
  const item = list.items.find(i => i.label === 'acctAuth');
  assert.ok(item);
  assert.equal((item.textEdit as { newText: string }).newText, '"acctAuth"');
});
