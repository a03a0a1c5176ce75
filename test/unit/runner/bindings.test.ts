// Binding resolution: the safe evaluator, templates, missing variables, "cannot evaluate locally".
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import {
  CannotEvaluate, SecretToken, evaluateExpression, findTemplateParts, normalizeVariables, prepareRequest, resolveTemplate, variablesFromPairs,
} from '../../../server/src/core/runner';
import { CASE_INSENSITIVE } from '../../../server/src/core/runner/expression';

const vars = {
  user: { email: 'Ann.Lee+iam@Example.com', firstname: ' Ann ', customproperty1: '41', name: 'O"Brien' },
  account: { accountID: '1001002', name: 'ann' },
  entitlementValue: { entitlementID: 'Team A', entitlement_value: 'Identity Ops' },
  ticketID: '631',
  connection: { Email: 'svc@example.com' },
  response: { call1: { message: { id: 'c-1', data: [{ id: 7 }] } } },
};
const ev = (e: string, v: Record<string, unknown> = vars) => evaluateExpression(e, { variables: v });

describe('expressions', () => {
  it('reads variables of every family', () => {
    assert.equal(ev('user.email'), 'Ann.Lee+iam@Example.com');
    assert.equal(ev('account.accountID'), '1001002');
    assert.equal(ev('entitlementValue.entitlementID'), 'Team A');
    assert.equal(ev('ticketID'), '631');
    assert.equal(ev('connection.Email'), 'svc@example.com');
    assert.equal(ev('response.call1.message.id'), 'c-1');
    assert.equal(ev('response.call1.message.data[0].id'), 7);
    assert.equal(ev("response.'call1'.message.id"), 'c-1');
  });

  it('supports the common forms: ?., ternary, ==/!=, +, methods, Math.addExact', () => {
    assert.equal(ev("user.missing==null?'':user.missing"), '');
    assert.equal(ev("user.email!=null?user.email.toLowerCase():'none'"), 'ann.lee+iam@example.com');
    assert.equal(ev('user.firstname.trim()'), 'Ann');
    assert.equal(ev("user.firstname.trim().toUpperCase() + '-' + account.name"), 'ANN-ann');
    assert.equal(ev("entitlementValue.entitlementID.replace(' ', '%20')"), 'Team%20A');
    assert.equal(ev("user.email.split('@')[1]"), 'Example.com');
    assert.equal(ev("user.email.split('@').size()"), 2);
    assert.equal(ev("user.email.contains('+')"), true);
    assert.equal(ev("response.call1.message.get('id')"), 'c-1');
    assert.equal(ev('Math.addExact(2, 1)'), 3);
    assert.equal(ev("'a' + null"), 'anull');
    assert.equal(ev('user?.nothing?.deeper'), undefined); // a missing input, reported as such
    assert.equal(ev("user.email ?: 'x'"), 'Ann.Lee+iam@Example.com');
    assert.equal(ev("java.net.URLEncoder.encode('a+b/c=', 'UTF-8')"), 'a%2Bb%2Fc%3D');
  });

  it('evaluates the real nextUrlPath shapes from the corpus', () => {
    const headers = Object.assign({ [CASE_INSENSITIVE]: true }, { link: '<https://x.test/a?page=2>; rel="next", <https://x.test/a?page=1>; rel="prev", <https://x.test/a?page=1>; rel="first"' });
    const scope = { response: { completeResponseMap: { page: 2, per_page: 20, _links: { next: null } }, objectList: [1] }, headers };
    const v = (e: string) => evaluateExpression(e, { variables: scope, dataRoots: new Set(['response', 'headers']) });
    assert.equal(v("response?.objectList?.size()>0?'@HOST_URL@/api/v1/users?page='+Math.addExact(response.completeResponseMap.page,1)+'&per_page='+response.completeResponseMap.per_page:null"),
      '@HOST_URL@/api/v1/users?page=3&per_page=20');
    assert.equal(v('response?.completeResponseMap?._links.next==null?null:response.completeResponseMap._links.next'), null);
    assert.equal(v(`headers?.Link?.split(',')?.size()==3&&headers?.Link?.split(',')[0]?.contains('next')?headers?.Link?.split(',')[0]?.replace('<', '')?.replace('>; rel="next"','')?.trim():null`), 'https://x.test/a?page=2');
  });

  it('reports everything outside the subset as "cannot evaluate locally", never evaluating it', () => {
    for (const e of ['Map m = new HashMap(); return m', "user.email.collect{ it }", 'new java.text.SimpleDateFormat("y").format(x)', 'a * 2', 'user.constructor.constructor("x")()']) {
      assert.throws(() => ev(e), (err: unknown) => err instanceof CannotEvaluate && err.message.startsWith('Cannot evaluate locally:') && err.message.includes(e.slice(0, 10)), e);
    }
    assert.throws(() => ev('user.email.toLowerCase(1, 2)'), CannotEvaluate);
    // Unknown names are just missing variables: nothing outside the variables object is reachable.
    const missing: string[] = [];
    assert.equal(evaluateExpression('process.exit(1)', { variables: vars, onMissing: p => missing.push(p) }), undefined);
    assert.deepEqual(missing, ['process']);
    assert.equal(ev("user.email.constructor"), null);
  });

  it('Groovy null semantics: reading through null without ?. fails as it would in EIC', () => {
    assert.throws(() => evaluateExpression('response.completeResponseMap._links.next', { variables: { response: { completeResponseMap: { _links: null } } }, dataRoots: new Set(['response']) }), /write \?\. instead/);
  });
});

describe('templates', () => {
  it('finds ${} with braces inside quoted strings and flags an unclosed one', () => {
    const parts = findTemplateParts("a ${x ? '}' : 'y'} b ${user.phonenumber");
    assert.equal(parts.length, 2);
    assert.equal(parts[0].expression, "x ? '}' : 'y'");
    assert.equal(parts[1].closed, false);
    const r = resolveTemplate('${user.email', { variables: vars });
    assert.match(r.problems[0].message, /no closing/);
  });

  it('substitutes text like EIC (null becomes "null") and lists missing variables', () => {
    const r = resolveTemplate('{"to":"${user.email}","who":"${account.accountID}","x":"${user.nope}","y":"${requestor.name}"}', { variables: vars });
    assert.equal(r.text, '{"to":"Ann.Lee+iam@Example.com","who":"1001002","x":"null","y":"null"}');
    assert.deepEqual(r.missing.sort(), ['requestor.name', 'user.nope']);
  });

  it('builds variables from --var pairs and dotted keys', () => {
    assert.deepEqual(variablesFromPairs([['user.email', 'a@b'], ['ticketID', '5'], ['__proto__.x', 'bad']]), { user: { email: 'a@b' }, ticketID: '5' });
    assert.deepEqual(normalizeVariables({ 'user.email': 'a', user: { name: 'n' } }), { user: { email: 'a', name: 'n' } });
  });
});

describe('prepareRequest', () => {
  const call = {
    name: 'call1', method: 'PUT', url: 'https://api.intercom.io/tickets/${ticketID}', contentType: 'application/json',
    headers: { Authorization: '${access_token}', 'Intercom-Version': '2.15' },
    body: '{"ticket_attributes":{"_default_title_":"${user.name}"},"admin":"${account.accountID}"}',
  };

  it('resolves url, headers and body, masks the token and flags confirmation', () => {
    const token = new SecretToken('tok_prepare_secret_abcd');
    const r = prepareRequest(call, vars, { token });
    assert.equal(r.url, 'https://api.intercom.io/tickets/631');
    assert.equal(r.headers.Authorization, 'Bearer ••••abcd');
    assert.equal(r.headers['Content-Type'], 'application/json');
    assert.equal(r.requiresConfirmation, true);
    assert.ok(!JSON.stringify(r).includes('tok_prepare_secret'));
    // A quote in a value breaks the JSON body, as it would in EIC (edge case 24).
    assert.match(r.warnings.join(' '), /not valid JSON/);
  });

  it('lists missing variables (the token too) so a UI can prompt for them', () => {
    const r = prepareRequest(call, {});
    assert.equal(r.ready, false);
    assert.deepEqual(r.missing.sort(), ['access_token', 'account.accountID', 'ticketID', 'user.name']);
  });

  it('ignores an access_token passed as a plain variable: the token only comes from its slot', () => {
    const r = prepareRequest(call, { ...vars, access_token: 'Bearer leaked' });
    assert.ok(!JSON.stringify(r).includes('leaked'));
    assert.ok(r.missing.includes('access_token'));
  });

  it('warns about "Bearer ${access_token}" and rebases the URL on a base URL with a path prefix', () => {
    const r = prepareRequest({ ...call, headers: { Authorization: 'Bearer ${access_token}' } }, vars, { token: new SecretToken('tok_x_123456789'), baseUrl: 'http://127.0.0.1:9/__region/eu' });
    assert.match(r.warnings.join(' '), /Bearer Bearer/);
    assert.equal(r.url, 'http://127.0.0.1:9/__region/eu/tickets/631');
  });

  it('refuses unfilled @PLACEHOLDER@ URLs unless a base URL replaces them', () => {
    const c = { method: 'GET', url: '@HOST_URL@/api/v1/users', headers: {} };
    assert.match(prepareRequest(c, {}).problems[0].message, /@HOST_URL@/);
    assert.equal(prepareRequest(c, {}, { baseUrl: 'https://x.test' }).url, 'https://x.test/api/v1/users');
  });
});
