import { test } from 'node:test';
import assert from 'node:assert/strict';
import { maskBindings, jsonBodyProblem } from '../../../server/src/core/binding/jsonBody';
import { scanTemplate } from '../../../server/src/core/binding/scanner';
import { bindingFindings, callDoc, covered, docOf } from './helpers';

test('masking keeps the length and stays valid JSON inside strings and in value position', () => {
  const value = '{"a":"${user.email}","n":${account.accountID},"both":"x${a}${b}y","list":[${x}${y}]}';
  const masked = maskBindings(value, scanTemplate(value));
  assert.equal(masked.length, value.length);
  assert.equal(masked, '{"a":"xxxxxxxxxxxxx","n":0                   ,"both":"xxxxxxxxxy","list":[0       ]}');
  assert.equal(jsonBodyProblem(value, scanTemplate(value)), undefined);
});

test('a binding holding quotes and braces does not confuse the JSON check', () => {
  const value = `{"v":"\${user.x == null ? '' : user.x}","w":\${new groovy.json.JsonBuilder([a: '}']).toString()}}`;
  assert.equal(jsonBodyProblem(value, scanTemplate(value)), undefined);
});

test('httpparams-invalid-json: the OneTrust {{ body, pointed at the exact character in the editor', async () => {
  const text = callDoc('"url": "https://x/${account.accountID}", "httpMethod": "PUT", "httpParams": "{{\\"Operation\\":\\"Disable\\",\\"id\\":\\"${account.accountID}\\"}"');
  const [f] = await bindingFindings(docOf('DisableAccountJSON', text));
  assert.equal(f.code, 'httpparams-invalid-json');
  assert.equal(f.severity, 'error');
  assert.equal(f.offset, text.indexOf('{{\\"') + 1);
  assert.equal(covered(text, f), '{');
  assert.match(f.message, /property name in double quotes.*Remove the doubled `\{`/);
});

test('httpparams-invalid-json: an extra closing brace after the body (Collibra, Qualtrics)', async () => {
  const text = callDoc('"url": "https://x", "httpParams": "{\\"userIds\\":[\\"${account.accountID}\\"]}}"');
  const [f] = await bindingFindings(docOf('AddAccessJSON', text));
  assert.equal(f.code, 'httpparams-invalid-json');
  assert.equal(f.offset, text.indexOf(']}}') + 2);
  assert.match(f.message, /Remove the extra `}`/);
});

test('httpparams-invalid-json: missing comma reported after an escaped quote, at the raw offset', async () => {
  const text = callDoc('"url": "https://x", "httpParams": "{\\"a\\":\\"${user.email}\\" \\"b\\":1}"');
  const [f] = await bindingFindings(docOf('CreateAccountJSON', text));
  assert.equal(f.code, 'httpparams-invalid-json');
  assert.equal(covered(text, f), '\\"b\\"');
  assert.match(f.message, /comma/);
});

test('no JSON check for form bodies, empty bodies, or a body that is one binding', async () => {
  const form = '{"call":[{"name":"call1","url":"https://x","httpParams":"a=1&b=${user.email}","httpContentType":"application/x-www-form-urlencoded"}]}';
  assert.deepEqual(await bindingFindings(docOf('CreateAccountJSON', form)), []);
  const empty = callDoc('"url": "https://x", "httpParams": ""');
  assert.deepEqual(await bindingFindings(docOf('RemoveAccountJSON', empty)), []);
  const whole = callDoc('"url": "https://x", "httpParams": "${new com.fasterxml.jackson.databind.ObjectMapper().writeValueAsString([id: account.accountID])}"');
  assert.deepEqual(await bindingFindings(docOf('UpdateAccountJSON', whole)), []);
});

test('absent content type: a body starting with { is checked as JSON', async () => {
  const text = '{"call":[{"name":"call1","url":"https://x","httpParams":"{\\"a\\":1,}"}]}';
  const [f] = await bindingFindings(docOf('UpdateAccountJSON', text));
  assert.equal(f.code, 'httpparams-invalid-json');
  assert.equal(covered(text, f), '}');
});

test('ConnectionJSON: an escaped JSON string of token fields is checked too', async () => {
  const text = '{"authentications":{"acctAuth":{"authType":"oauth2","url":"https://x/token","httpMethod":"POST","httpParams":"{\\"grant_type\\":\\"refresh_token\\" \\"refresh_token\\":\\"${refresh_token}\\"}","httpContentType":"application/x-www-form-urlencoded","tokenResponsePath":"access_token"}}}';
  const findings = await bindingFindings(docOf('ConnectionJSON', text));
  assert.deepEqual(findings.map(f => f.code), ['httpparams-invalid-json']);
});
