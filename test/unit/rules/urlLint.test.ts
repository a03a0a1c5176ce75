import { test } from 'node:test';
import assert from 'node:assert/strict';
import { covered, docOf, expectFinding, findingsOf, none, one } from './helpers';

const call = (url: string) => `{"call":[{"name":"call1","connection":"acctAuth","url":${JSON.stringify(url)},"httpMethod":"POST"}]}`;

test('url-whitespace: the community Intercom package URL with a leading space', () => {
  const text = call(' https://api.intercom.io/tickets');
  expectFinding('url-whitespace', 'CreateTicketJSON', text, { severity: 'warning', range: ' ', fixed: call('https://api.intercom.io/tickets') });
});

test('url-whitespace: message and severity agree with what is known (java.net.URL trims, java.net.URI rejects)', () => {
  const f = one('url-whitespace', 'CreateTicketJSON', call(' https://api.intercom.io/tickets'));
  assert.equal(f.severity, 'warning');
  assert.match(f.message, /java\.net\.URL/);
  assert.match(f.message, /java\.net\.URI/);
  assert.match(f.message, /not public/);
  assert.doesNotMatch(f.message, /the call fails before/);
});

test('url-whitespace: leading and trailing blanks are trimmed together', () => {
  const text = call('  https://api.intercom.io/tickets\t');
  expectFinding('url-whitespace', 'CreateTicketJSON', text, { severity: 'warning', range: '  ', fixed: call('https://api.intercom.io/tickets') });
});

test('url-whitespace near miss: spaces inside ${…}', () => {
  none('url-whitespace', 'CreateTicketJSON', call('https://api.intercom.io/tickets/${ ticketID }'));
});

test('url-empty-host: "https://.axosoft.com" and "https:// .leanix.net"', () => {
  const text = call('https://.axosoft.com/api/v6/users');
  const f = expectFinding('url-empty-host', 'CreateAccountJSON', text, { severity: 'error', range: '.axosoft.com', fixed: null });
  assert.match(f.message, /tenant/);
  assert.equal(covered(call('https:// .leanix.net/services'), one('url-empty-host', 'CreateAccountJSON', call('https:// .leanix.net/services'))), ' .leanix.net');
  assert.equal(findingsOf('url-empty-host', 'CreateAccountJSON', call('https:///users')).length, 1);
});

test('url-empty-host near misses: real hosts, hosts from bindings or placeholders, ports and user info', () => {
  for (const url of ['https://api.intercom.io/tickets', 'https://${connection.host}/api', 'https://@@INSTANCE_NAME@@.service-now.com/api', 'http://localhost:8080/x', 'https://user@api.example.com/x']) {
    none('url-empty-host', 'CreateAccountJSON', call(url));
  }
});

test('url-not-absolute: a path only; a host without scheme gets https://', () => {
  expectFinding('url-not-absolute', 'CreateAccountJSON', call('/api/v4/users'), { severity: 'error', range: '/api/v4/users', fixed: null });
  expectFinding('url-not-absolute', 'CreateAccountJSON', call('api.intercom.io/tickets'), { severity: 'error', range: 'api.intercom.io/tickets', fixed: call('https://api.intercom.io/tickets') });
});

test('url-not-absolute near misses: expression URL, placeholder base URL, empty dummy token URL', () => {
  none('url-not-absolute', 'CreateAccountJSON', call('${connection.baseUrl}/users'));
  none('url-not-absolute', 'CreateAccountJSON', call('@HOST_URL@/api/v1/users'));
  none('url-not-absolute', 'ConnectionJSON', '{"authentications":{"acctAuth":{"authType":"oauth2","url":""}}}');
});

test('url-double-slash: empty path segment (LeanIX workspaces//users)', () => {
  const text = call('https://x.leanix.net/services/mtm/v1/workspaces//users');
  expectFinding('url-double-slash', 'CreateAccountJSON', text, { severity: 'warning', range: '//', fixed: call('https://x.leanix.net/services/mtm/v1/workspaces/users') });
});

test('url-double-slash near misses: scheme, query string, binding content', () => {
  none('url-double-slash', 'CreateAccountJSON', call('https://api.example.com/a?redirect=https://b.example.com/c'));
  none('url-double-slash', 'CreateAccountJSON', call("https://api.example.com/a/${x == null ? '' : '//'}"));
});

test('url-placeholder: @HOSTURL@, <URL>, {appId}, xxx', () => {
  const f = expectFinding('url-placeholder', 'CreateAccountJSON', call('@HOSTURL@/api/v2/users'), { severity: 'warning', range: '@HOSTURL@', fixed: null });
  assert.match(f.message, /replace it/);
  assert.equal(covered(call('https://<URL>/api'), one('url-placeholder', 'CreateAccountJSON', call('https://<URL>/api'))), '<URL>');
  assert.equal(covered(call('https://api.example.com/apps/{appId}/users'), one('url-placeholder', 'CreateAccountJSON', call('https://api.example.com/apps/{appId}/users'))), '{appId}');
  assert.equal(covered(call('https://xxx.service-now.com/api'), one('url-placeholder', 'CreateAccountJSON', call('https://xxx.service-now.com/api'))), 'xxx');
});

test('url-placeholder: information when App Onboarding maps the token', () => {
  const aob = docOf('AOB_CONNECTION_TEMPLATE_VARIABLES', '{"@HOSTURL@":"https://acme.example.com","@TOKEN@":""}');
  const f = one('url-placeholder', 'CreateAccountJSON', call('@HOSTURL@/api/v2/users'), [aob]);
  assert.equal(f.severity, 'information');
  assert.match(f.message, /App Onboarding/);
});

test('url-placeholder near misses: ${…} bindings and ordinary URLs', () => {
  none('url-placeholder', 'CreateAccountJSON', call('https://api.example.com/users/${account.accountID}?fields=a,b'));
  none('url-placeholder', 'CreateAccountJSON', call("https://api.example.com/${x.collect{ it.id }.join(',')}"));
});

test('unfilled-placeholder: @TOKEN@ in a header or pagination expression', () => {
  const text = '{"call":[{"name":"call1","httpHeaders":{"apiVersion":"@API_VERSION@"}}]}';
  expectFinding('unfilled-placeholder', 'UpdateUserJSON', text.replace('{"call"', '{"actions":{"Update Login":{"call"').replace(/\}$/, '}}}'),
    { severity: 'warning', range: '@API_VERSION@', fixed: null });
  none('unfilled-placeholder', 'CreateAccountJSON', '{"call":[{"name":"call1","httpParams":"{\\"email\\":\\"admin@acme.com\\"}"}]}');
});

test('static-token authentication: a dummy token URL is not checked for structure', () => {
  none('url-not-absolute', 'ConnectionJSON', '{"authentications":{"acctAuth":{"authType":"oauth2","url":"dummy","tokenType":"Bearer","accessToken":"Bearer <token>"}}}');
  expectFinding('url-not-absolute', 'ConnectionJSON', '{"authentications":{"acctAuth":{"authType":"oauth2","url":"/oauth/token","httpParams":{"grant_type":"client_credentials"}}}}', { severity: 'error', range: '/oauth/token', fixed: null });
});
