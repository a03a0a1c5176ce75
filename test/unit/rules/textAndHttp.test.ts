import { test } from 'node:test';
import assert from 'node:assert/strict';
import { StaticConnection } from '../../../server/src/core/connection';
import { covered, docOf, expectFinding, none, one } from './helpers';
import { analyze } from '../../support/engine';

const call = (members: string) => `{"call":[{"name":"call1","connection":"acctAuth",${members}}]}`;

test('smart-quote: curly quotes in an httpParams body → straight (escaped) quotes', () => {
  const text = call('"httpParams":"{\u201Capikey\u201D :\u201Cyourkey\u201D}"');
  expectFinding('smart-quote', 'CreateAccountJSON', text, { severity: 'warning', range: '\u201C', fixed: call('"httpParams":"{\\"apikey\\" :\\"yourkey\\"}"') });
});

test('smart-quote: inside ${…} Groovy → single quotes; a key with curly quotes', () => {
  const text = call('"url":"https://x.example.com/${user.title == \u2018Admin\u2019 ? 1 : 2}"');
  expectFinding('smart-quote', 'CreateAccountJSON', text, { severity: 'warning', range: '\u2018', fixed: call('"url":"https://x.example.com/${user.title == \'Admin\' ? 1 : 2}"') });
  const key = '{"authentications":{"acctAuth":{"\u201Capikey\u201D":"x"}}}';
  expectFinding('smart-quote', 'ConnectionJSON', key, { severity: 'warning', range: '"\u201Capikey\u201D"', fixed: '{"authentications":{"acctAuth":{"apikey":"x"}}}' });
});

test('smart-quote near miss: typographic quotes in prose are left alone', () => {
  none('smart-quote', 'CreateTicketJSON', call('"httpParams":"{\\"description\\":\\"An \u201Curgent\u201D request, don\u2019t wait\\"}"'.replace('{\\"description', '{\\"description')).replace('"httpParams":"{', '"ticketidPath":"id","httpParams":"{'));
  none('smart-quote', 'CreateTicketJSON', call('"ticketStatusValue":"Customer\u2019s request"'));
});

test('markdown-link: a README link pasted into a URL → the URL', () => {
  const text = call('"url":"[https://api.example.com/users](\\"https://api.example.com/users\\")"');
  expectFinding('markdown-link', 'CreateAccountJSON', text, { severity: 'error', range: '[https://api.example.com/users](\\"https://api.example.com/users\\")', fixed: call('"url":"https://api.example.com/users"') });
  none('url-not-absolute', 'CreateAccountJSON', text);
});

test('markdown-link near miss: Groovy index access and JSON arrays', () => {
  none('markdown-link', 'CreateAccountJSON', call('"httpParams":"${response.call1.message.items[0](1)}","url":"https://x.example.com/a[1]"'));
});

test('object-object: a JavaScript serialisation accident (developer-portal SCIM page)', () => {
  const text = '{"authentications":{"acctAuth":{"authType":"oauth2","httpParams":"[object Object]"}}}';
  expectFinding('object-object', 'ConnectionJSON', text, { severity: 'error', range: '[object Object]', fixed: '{"authentications":{"acctAuth":{"authType":"oauth2","httpParams":"{}"}}}' });
  none('object-object', 'ConnectionJSON', '{"authentications":{"acctAuth":{"authType":"oauth2","httpParams":"{}"}}}');
});

test('empty-header-name: "" header carrying ${access_token} → Authorization (Lessonly)', () => {
  const text = call('"httpHeaders":{"":"${access_token}","Accept":"application/json"}');
  expectFinding('empty-header-name', 'CreateAccountJSON', text, { severity: 'error', range: '""', fixed: call('"httpHeaders":{"Authorization":"${access_token}","Accept":"application/json"}') });
  none('empty-header-name', 'CreateAccountJSON', call('"httpHeaders":{"Authorization":"${access_token}"}'));
});

test('content-type-space: "application /x-www-form-urlencoded"', () => {
  const text = call('"httpContentType":"application /x-www-form-urlencoded"');
  expectFinding('content-type-space', 'CreateAccountJSON', text, { severity: 'error', range: '"application /x-www-form-urlencoded"', fixed: call('"httpContentType":"application/x-www-form-urlencoded"') });
  none('content-type-space', 'CreateAccountJSON', call('"httpContentType":"application/json; charset=utf-8"'));
});

test('http-method-case: lower case or padded method', () => {
  expectFinding('http-method-case', 'RemoveAccessJSON', call('"httpMethod":"put"'), { severity: 'warning', range: '"put"', fixed: call('"httpMethod":"PUT"') });
  expectFinding('http-method-case', 'RemoveAccessJSON', call('"httpMethod":" GET"'), { severity: 'warning', range: '" GET"', fixed: call('"httpMethod":"GET"') });
  none('http-method-case', 'RemoveAccessJSON', call('"httpMethod":"DELETEWITHBODY"'));
  none('http-method-case', 'RemoveAccessJSON', call('"httpMethod":"${x ? \'PUT\' : \'DELETE\'}"'));
});

test('no double report with the schema: lower-case method and empty header name are reported once', async () => {
  const text = call('"url":"https://x.example.com","httpMethod":"put","httpHeaders":{"":"${access_token}"},"httpContentType":"application/json"');
  const doc = docOf('RemoveAccessJSON', text);
  const all = await analyze(doc, { connection: new StaticConnection('t', [doc]) });
  const onMethod = all.filter(f => covered(text, f) === '"put"' && ['invalid-value', 'http-method-case', 'schema'].includes(f.code));
  assert.equal(onMethod.length, 1, onMethod.map(f => f.code).join(','));
  const onHeader = all.filter(f => covered(text, f) === '""' && ['empty-header-name', 'schema', 'unknown-key'].includes(f.code));
  assert.equal(onHeader.length, 1, onHeader.map(f => f.code).join(','));
  assert.equal(one('http-method-case', 'RemoveAccessJSON', text).code, 'http-method-case', 'the rule itself still knows the mistake');
});

test('code-fragment-key: a key cut out of a ${…} expression (Google Analytics nextUrlPath, mistake 1.4)', () => {
  const text = '{"accountParams":{"call":{"c":{"http":{"httpHeaders":{"Accept":"application/json","&pageToken=":"+response.completeResponseMap.nextPageToken:null}"}}}}}}';
  expectFinding('code-fragment-key', 'ImportAccountEntJSON', text, { severity: 'warning', range: '"&pageToken="', fixed: null });
  none('code-fragment-key', 'ImportAccountEntJSON', '{"accountParams":{"call":{"c":{"http":{"httpHeaders":{"If-Match":"*","X-Api-Version":"2"}}}}}}');
});

test('disable-with-delete: DisableAccountJSON deleting the account (information)', () => {
  expectFinding('disable-with-delete', 'DisableAccountJSON', call('"httpMethod":"DELETE"'), { severity: 'information', range: '"DELETE"', fixed: null });
  none('disable-with-delete', 'RemoveAccountJSON', call('"httpMethod":"DELETE"'));
  none('disable-with-delete', 'DisableAccountJSON', call('"httpMethod":"PATCH"'));
});
