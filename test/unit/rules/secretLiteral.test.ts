import { test } from 'node:test';
import assert from 'node:assert/strict';
import { covered, expectFinding, findingsOf, none } from './helpers';

const CODE = 'secret-literal';
const TOKEN = 'dG9rOjEyMzQ1Njc4OTBhYmNkZWZfMTIzNDU2Nzg5MA==';

test('ConnectionJSON accessToken: keep the Bearer prefix, placeholder for the token', () => {
  const text = `{"authentications":{"acctAuth":{"authType":"oauth2","tokenType":"Bearer","accessToken":"Bearer ${TOKEN}"}}}`;
  const f = expectFinding(CODE, 'ConnectionJSON', text, { severity: 'warning', range: TOKEN,
    fixed: '{"authentications":{"acctAuth":{"authType":"oauth2","tokenType":"Bearer","accessToken":"Bearer <set in EIC>"}}}' });
  assert.match(f.message, /EIC/);
});

test('ConnectionJSON client_secret in httpParams (object and form string) and Basic header', () => {
  const obj = '{"authentications":{"a":{"authType":"oauth2","httpParams":{"grant_type":"client_credentials","client_id":"app-1","client_secret":"s3cr3t-Value-987"}}}}';
  expectFinding(CODE, 'ConnectionJSON', obj, { severity: 'warning', range: 's3cr3t-Value-987', fixed: obj.replace('s3cr3t-Value-987', '<set in EIC>') });
  const form = '{"authentications":{"a":{"authType":"oauth2","httpParams":"grant_type=client_credentials&client_secret=s3cr3tValue987&scope=x"}}}';
  expectFinding(CODE, 'ConnectionJSON', form, { severity: 'warning', range: 's3cr3tValue987', fixed: form.replace('s3cr3tValue987', '<set in EIC>') });
  const basic = '{"authentications":{"a":{"authType":"oauth2","httpHeaders":{"Authorization":"Basic dXNlcjpwYXNzd29yZA=="}}}}';
  expectFinding(CODE, 'ConnectionJSON', basic, { severity: 'warning', range: 'dXNlcjpwYXNzd29yZA==', fixed: basic.replace('dXNlcjpwYXNzd29yZA==', '<set in EIC>') });
});

test('other attributes: literal Bearer header → ${access_token}', () => {
  const text = `{"accountParams":{"call":{"call1":{"http":{"url":"https://api.intercom.io/admins","httpHeaders":{"Authorization":"Bearer ${TOKEN}"}}}}}}`;
  const f = expectFinding(CODE, 'ImportAccountEntJSON', text, { severity: 'warning', range: `Bearer ${TOKEN}`,
    fixed: text.replace(`Bearer ${TOKEN}`, '${access_token}') });
  assert.match(f.message, /accessToken/);
});

test('other attributes: API-key header and URL password → ${connection.<key>}', () => {
  const header = '{"call":[{"name":"call1","httpHeaders":{"x-api-key":"9f8e7d6c5b4a39281706"}}]}';
  const f = expectFinding(CODE, 'CreateTicketJSON', header, { severity: 'warning', range: '9f8e7d6c5b4a39281706', fixed: header.replace('9f8e7d6c5b4a39281706', '${connection.xApiKey}') });
  assert.match(f.message, /"xApiKey"/);
  const url = '{"call":[{"name":"call1","url":"https://otrs.example.com/api?UserLogin=svc&Password=Winter2024!&x=1"}]}';
  expectFinding(CODE, 'TicketStatusJSON', url, { severity: 'warning', range: 'Winter2024!', fixed: url.replace('Winter2024!', '${connection.password}') });
});

test('provisioning body: literal password → ${password}; Intercom token anywhere', () => {
  const body = '{"call":[{"name":"call1","httpParams":"{\\"email\\":\\"${user.email}\\",\\"password\\":\\"Welcome123!\\"}"}]}';
  expectFinding(CODE, 'CreateAccountJSON', body, { severity: 'warning', range: 'Welcome123!', fixed: body.replace('Welcome123!', '${password}') });
  const stray = `{"call":[{"name":"call1","httpParams":"{\\"note\\":\\"${TOKEN}\\"}"}]}`;
  assert.equal(covered(stray, findingsOf(CODE, 'CreateTicketJSON', stray)[0]), TOKEN);
});

test('near misses: bindings, placeholders, filler values, ${connection.x}, non-secret keys', () => {
  none(CODE, 'ConnectionJSON', '{"authentications":{"a":{"authType":"oauth2","tokenType":"Bearer","accessToken":"Bearer <token>","tokenResponsePath":"access_token","httpParams":{"refresh_token":"${refresh_token}","client_id":"my-client"}}}}');
  none(CODE, 'ConnectionJSON', '{"authentications":{"a":{"authType":"oauth2","accessToken":"Bearer abcd","properties":{"password":"@PASWWORD@"}}}}');
  none(CODE, 'CreateAccountJSON', '{"call":[{"name":"call1","httpHeaders":{"Authorization":"${access_token}","x-api-key":"${connection.apikey}"},"httpParams":"{\\"password\\":\\"${password}\\"}"}]}');
  none(CODE, 'ImportAccountEntJSON', '{"accountParams":{"call":{"c":{"colsToPropsMap":{"customproperty9":"passwordLastModified~#~char","customproperty8":"token~#~char"}}}}}');
  none(CODE, 'CreateAccountJSON', '{"call":[{"name":"call1","url":"https://x.example.com/users?token=${connection.token}&page=2"}]}');
});
