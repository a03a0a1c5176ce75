import { test } from 'node:test';
import assert from 'node:assert/strict';
import { expectFinding, findingsOf, none, one } from './helpers';

const IMPORT = 'ImportAccountEntJSON';
const acct = (map: string, extra = '') => `{"accountParams":{"connection":"acctAuth","processingType":"SequentialAndIterative","call":{"call1":{"callOrder":0,"stageNumber":0,"listField":"users","keyField":"accountID","colsToPropsMap":{"accountID":"id~#~char","name":"login~#~char"${map ? ',' + map : ''}}}${extra}}}}`;
const ent = (map: string) => `{"entitlementParams":{"connection":"acctAuth","processingType":"SequentialAndIterative","entTypes":{"Group":{"entTypeOrder":0,"call":{"call1":{"callOrder":0,"stageNumber":0,"listField":"groups","keyField":"entitlementID","colsToPropsMap":{"entitlementID":"id~#~char","entitlement_value":"name~#~char"${map ? ',' + map : ''}}}}}}}}`;
const create = (map: string, accountIdPath = 'call1.message.id') => `{"accountIdPath":"${accountIdPath}","responseColsToPropsMap":{${map}},"call":[{"name":"call1","url":"https://x.example.com/u"},{"name":"call2","url":"https://x.example.com/v"}]}`;

test('mapping-target: misspelt customproperty → rename', () => {
  const text = acct('"custompropety5":"dept~#~char"');
  const f = expectFinding('mapping-target', IMPORT, text, { severity: 'warning', range: '"custompropety5"', fixed: acct('"customproperty5":"dept~#~char"') });
  assert.match(f.message, /account column/);
});

test('mapping-target: customproperty beyond the table (account has 45)', () => {
  expectFinding('mapping-target', IMPORT, acct('"customproperty46":"x~#~char"'), { severity: 'warning', range: '"customproperty46"', fixed: null });
});

test('mapping-target: unknown account column with did-you-mean', () => {
  expectFinding('mapping-target', IMPORT, acct('"displayname2":"x~#~char","dispalyName":"y~#~char"').replace('"displayname2":"x~#~char",', ''),
    { severity: 'warning', range: '"dispalyName"', fixed: acct('"displayName":"y~#~char"') });
});

test('mapping-target: entitlement and user tables have their own columns', () => {
  expectFinding('mapping-target', IMPORT, ent('"entitlement_glosary":"x~#~char"'), { severity: 'warning', range: '"entitlement_glosary"', fixed: ent('"entitlement_glossary":"x~#~char"') });
  // No rename offered to a column the map already fills.
  expectFinding('mapping-target', IMPORT, ent('"entitlement_valeu":"x~#~char"'), { severity: 'warning', range: '"entitlement_valeu"', fixed: null });
  const user = '{"url":"https://x.example.com","userResponsePath":"data","colsToPropsMap":{"username":"id~#~char","fristname":"first~#~char"}}';
  expectFinding('mapping-target', 'ImportUserJSON', user, { severity: 'warning', range: '"fristname"', fixed: user.replace('fristname', 'firstname') });
});

test('mapping-target near misses: case-insensitive columns, entitlement pseudo-column, user columns', () => {
  none('mapping-target', IMPORT, acct('"CUSTOMPROPERTY3":"x~#~char","displayName":"n~#~char","lastlogondate":"l~#~date","status":"s~#~bool","customproperty45":"y~#~char"'));
  none('mapping-target', IMPORT, ent('"acctEntMappingInfoColumnFromEnt":"STORE#ACC#ENT#MAPPINGINFO~#~char","entitlement_Value":"v~#~char","DESCRIPTION":"d~#~char"'));
  none('mapping-target', 'ImportUserJSON', '{"url":"https://x.example.com","colsToPropsMap":{"username":"a~#~char","systemUserName":"a~#~char","statuskey":"s~#~char","customproperty60":"c~#~char"}}');
});

test('mapping-target: STORE#ACC#ENT#MAPPINGINFO in a non-customproperty account column → customproperty31', () => {
  const text = acct('"displayName":"STORE#ACC#ENT#MAPPINGINFO~#~char"');
  expectFinding('mapping-target', IMPORT, text, { severity: 'warning', range: '"displayName"', fixed: acct('"customproperty31":"STORE#ACC#ENT#MAPPINGINFO~#~char"') });
});

test('mapping-target: STORE#ACC#ENT#MAPPINGINFO in responseColsToPropsMap stores nothing (error)', () => {
  const text = create('"customproperty31":"STORE#ACC#ENT#MAPPINGINFO~#~char"');
  expectFinding('mapping-target', 'CreateAccountJSON', text, { severity: 'error', range: '"customproperty31"', fixed: null });
});

test('mapping-target: STORE in an entitlement call belongs in acctEntMappingInfoColumnFromEnt', () => {
  const text = ent('"customproperty9":"STORE#ACC#ENT#MAPPINGINFO~#~char"');
  expectFinding('mapping-target', IMPORT, text, { severity: 'warning', range: '"customproperty9"', fixed: ent('"acctEntMappingInfoColumnFromEnt":"STORE#ACC#ENT#MAPPINGINFO~#~char"') });
});

test('mapping-missing-column: first-stage account call without name', () => {
  const text = '{"accountParams":{"call":{"call1":{"callOrder":0,"stageNumber":0,"keyField":"accountID","colsToPropsMap":{"accountID":"id~#~char"}}}}}';
  const f = expectFinding('mapping-missing-column', IMPORT, text, { severity: 'warning', range: '"colsToPropsMap"', fixed: null });
  assert.match(f.message, /`name`/);
});

test('mapping-missing-column near miss: a dependent (later stage) call may map only extra columns', () => {
  none('mapping-missing-column', IMPORT, '{"accountParams":{"call":{"call1":{"callOrder":0,"stageNumber":0,"colsToPropsMap":{"accountID":"id~#~char","name":"n~#~char"}},"call2":{"callOrder":1,"stageNumber":1,"colsToPropsMap":{"accountID":"id~#~char","customproperty4":"x~#~char"}}}}}');
});

test('mapping-unknown-call: responseColsToPropsMap names a call that does not exist', () => {
  const text = create('"name":"cal1.message.username~#~char"');
  const f = expectFinding('mapping-unknown-call', 'CreateAccountJSON', text, { severity: 'error', range: 'cal1', fixed: create('"name":"call1.message.username~#~char"') });
  assert.match(f.message, /did you mean "call1"/);
});

test('mapping-unknown-call: accountIdPath from a missing call, single call → fix to it', () => {
  const text = '{"accountIdPath":"call3.message.id","call":[{"name":"create","url":"https://x.example.com/u"}]}';
  expectFinding('mapping-unknown-call', 'CreateAccountJSON', text, { severity: 'error', range: 'call3', fixed: text.replace('call3', 'create') });
});

test('mapping-response-path: bare path, response. prefix, missing .message', () => {
  const one1 = '{"responseColsToPropsMap":{"name":"username~#~char"},"call":[{"name":"call1","url":"https://x.example.com/u"}]}';
  expectFinding('mapping-response-path', 'CreateAccountJSON', one1, { severity: 'warning', range: 'username', fixed: one1.replace('"username~', '"call1.message.username~') });
  expectFinding('mapping-response-path', 'CreateAccountJSON', create('"name":"response.call1.message.username~#~char"'),
    { severity: 'warning', range: 'response.', fixed: create('"name":"call1.message.username~#~char"') });
  expectFinding('mapping-response-path', 'CreateAccountJSON', create('"name":"call2.username~#~char"'),
    { severity: 'warning', range: 'call2.username', fixed: create('"name":"call2.message.username~#~char"') });
});

test('mapping-response-path / mapping-unknown-call near misses', () => {
  const ok = create('"name":"call1.message.username~#~char","customproperty3":"call2.message.data[0].id~#~char"');
  none('mapping-response-path', 'CreateAccountJSON', ok);
  none('mapping-unknown-call', 'CreateAccountJSON', ok);
  none('mapping-unknown-call', 'CreateAccountJSON', create('"name":"call1.message.u~#~char"', 'accountName'));
  assert.equal(findingsOf('mapping-response-path', 'CreateTicketJSON', '{"call":[{"name":"call1","ticketidPath":"id"}]}').length, 0, 'ticketidPath inside a call is relative to its body');
});

test('mapping-unknown-call: top-level ticketidPath of CreateTicketJSON', () => {
  const text = '{"ticketidPath":"call3.message.result.number","call":[{"name":"call1"},{"name":"call2"}]}';
  assert.equal(one('mapping-unknown-call', 'CreateTicketJSON', text).severity, 'error');
});
