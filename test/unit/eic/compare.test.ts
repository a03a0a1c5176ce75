// The pure parts: comparison attribute by attribute (formatting aside, ConnectionJSON never a
// change), tolerant reading of getConnectionDetails, ConnectionJSON placeholders, the deploy plan
// and the unified diff the CLI prints.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { SecretToken, revealToken } from '../../../server/src/core/runner/secret';
import { assembleConnectionFolder } from '../../../server/src/core/transport/connectionFolder';
import {
  compareConnection, compareTexts, errorCodeOf, fillConnectionJson, findSecretSlots, planDeploy, readConnectionDetails, summaryLine,
} from '../../../server/src/core/eic';
import { unifiedDiff } from '../../../server/src/core/eic/lineDiff';

const folder = (files: Record<string, string>) =>
  assembleConnectionFolder('/x/Intercom', Object.entries(files).map(([fileName, text]) => ({ fileName, text })));

function tenant(attributes: Record<string, unknown>, extra: Record<string, unknown> = {}) {
  return readConnectionDetails({ msg: 'success', errorcode: 0, connectionkey: 7, connectionname: 'Intercom', connectiontype: 'REST', connectionattributes: attributes, ...extra }, 'Intercom');
}

describe('comparison', () => {
  it('equal / changed / only local / only on the tenant / not comparable, in EIC\'s order', () => {
    const c = compareConnection(folder({
      'ConnectionJSON.json': '{"authentications":{}}',
      'ImportAccountEntJSON.json': '{\n  "a": 1,\n  "b": [1, 2]\n}',
      'CreateAccountJSON.json': '{"call":[]}',
      'ticketstatusjson.json': '{"call":[{"x":1}]}',
    }), tenant({
      ConnectionJSON: 'uxTNF5TQ8OXjXXCqloRuDg==',
      ImportAccountEntJSON: '{"b":[1,2],"a":1}',
      TicketStatusJSON: '{"call":[{"x":2}]}',
      PAM_CONFIG: '{"p":true}',
      ImportUserJSON: '',
      CreateTicketJSON: null,
      connectionType: 'REST', connectionTimeoutConfig: { retryWait: 2 }, isTimeoutSupported: true,
    }));
    assert.deepEqual(c.entries.map(e => [e.attribute, e.status]), [
      ['ConnectionJSON', 'not-comparable'], ['ImportAccountEntJSON', 'equal'], ['CreateAccountJSON', 'only-local'],
      ['TicketStatusJSON', 'changed'], ['PAM_CONFIG', 'only-tenant'],
    ]);
    assert.equal(c.entries[1].formattingOnly, true, 'key order and whitespace are formatting');
    assert.equal(c.differs, true);
    assert.equal(summaryLine(c), '1 changed (TicketStatusJSON); 1 only local (CreateAccountJSON); 1 only on the tenant (PAM_CONFIG); 1 not comparable (ConnectionJSON); 1 equal');
  });

  it('ConnectionJSON is never a change, whatever the tenant returns', () => {
    for (const value of [undefined, '', 'Zm9vYmFyYmF6cXV4MTIzNDU2Nzg5MGFiY2RlZg==', '{"authentications":{"acctAuth":{"accessToken":"Bearer real"}}}', { parsed: true }]) {
      const attrs: Record<string, unknown> = { ImportUserJSON: '{}' };
      if (value !== undefined) attrs.ConnectionJSON = value;
      const c = compareConnection(folder({ 'ConnectionJSON.json': '{"authentications":{}}', 'ImportUserJSON.json': '{}' }), tenant(attrs));
      assert.equal(c.differs, false, JSON.stringify(value));
      assert.deepEqual(c.summary['not-comparable'], ['ConnectionJSON']);
    }
  });

  it('upper-case keys and parsed (object) values are read as the same attributes', () => {
    const t = tenant({ IMPORTACCOUNTENTJSON: { a: 1 }, CONNECTIONJSON: 'abc=' });
    assert.equal(t.attributes.get('ImportAccountEntJSON'), '{\n  "a": 1\n}');
    assert.equal(t.connectionJson, 'ciphertext');
    assert.equal(compareConnection(folder({ 'ImportAccountEntJSON.json': '{"a":1}' }), t).differs, false);
  });

  it('"$schema", an empty file and an empty tenant value are not differences; non-JSON text compares trimmed', () => {
    const c = compareConnection(folder({
      'ImportUserJSON.json': '{\n  "$schema": "../schemas/ImportUserJSON.schema.json",\n  "a": 1\n}',
      'ConfigJSON.json': '  ',
      'PasswdPolicyJSON.json': 'not json  \n',
    }), tenant({ ImportUserJSON: '{"a":1}', ConfigJSON: '', PasswdPolicyJSON: 'not json' }));
    assert.equal(c.differs, false, JSON.stringify(c.entries));
    assert.equal(compareTexts('{"a":1}', '{"a":1.0}'), 'formatting');
    assert.equal(compareTexts('{"a":"1"}', '{"a":1}'), 'different');
    assert.equal(compareTexts('[1,2]', '[2,1]'), 'different', 'array order matters');
  });

  it('an attribute the API does not take (App Onboarding) is not comparable and not sent', () => {
    const f = folder({ 'AOB_CONNECTION_TEMPLATE_VARIABLES.json': '{"@X@":"y"}', 'ImportUserJSON.json': '{}' });
    const c = compareConnection(f, tenant({ ImportUserJSON: '{}' }));
    assert.equal(c.entries.find(e => e.attribute === 'AOB_CONNECTION_TEMPLATE_VARIABLES')?.status, 'not-comparable');
    const plan = planDeploy(f, c);
    assert.ok(!('AOB_CONNECTION_TEMPLATE_VARIABLES' in plan.fields));
    assert.match(plan.notes.join(' '), /AOB_CONNECTION_TEMPLATE_VARIABLES\.json is not sent/);
  });

  it('the description in connection.meta.json is compared and sent', () => {
    const f = folder({ 'connection.meta.json': '{"connectionname":"Intercom","connectiondescription":"Intercom (prod)"}', 'ImportUserJSON.json': '{}' });
    const c = compareConnection(f, tenant({ ImportUserJSON: '{}' }, { description: 'old' }));
    assert.deepEqual(c.fields, [{ field: 'description', status: 'changed', local: 'Intercom (prod)', tenant: 'old' }]);
    const plan = planDeploy(f, c);
    assert.equal(plan.fields.description, 'Intercom (prod)');
    assert.deepEqual(plan.fieldChanges, ['description']);
  });

  it('both spellings and types of errorCode', () => {
    assert.deepEqual([{ errorCode: '0' }, { errorcode: 0 }, { errorCode: 1 }, { errorcode: '1' }, { msg: 'x' }].map(errorCodeOf), [0, 0, 1, 1, undefined]);
  });
});

describe('ConnectionJSON placeholders', () => {
  const text = '{\n  "authentications": {\n    "acctAuth": {\n      "accessToken": "Bearer <set the Intercom access token in EIC after import>",\n'
    + '      "password": "",\n      "username": "svc",\n      "tokenType": "Bearer",\n      "url": "${connection.base}"\n    }\n  }\n}';

  it('finds the credentials left as placeholders (not ${…} bindings, not ordinary values)', () => {
    assert.deepEqual(findSecretSlots(text).map(s => [s.jsonPath, s.kind, s.prefix, s.line]), [
      ['authentications.acctAuth.accessToken', 'access-token', 'Bearer ', 4], ['authentications.acctAuth.password', 'password', '', 5],
    ]);
  });

  it('fills every slot, keeping the scheme and the rest of the text as typed — or nothing when one is missing', async () => {
    const full = await fillConnectionJson(text, s => new SecretToken(s.kind === 'password' ? 'p w"d' : 'tok123456789', { verbatim: true }));
    const filled = revealToken(full.text!);
    assert.equal(JSON.parse(filled).authentications.acctAuth.accessToken, 'Bearer tok123456789');
    assert.equal(JSON.parse(filled).authentications.acctAuth.password, 'p w"d');
    assert.equal(filled.split('\n').length, text.split('\n').length);
    assert.ok(!JSON.stringify(full).includes('tok123456789'), 'the filled text stays in a secret slot');
    const partial = await fillConnectionJson(text, s => (s.kind === 'password' ? undefined : new SecretToken('tok123456789')));
    assert.equal(partial.text, undefined);
    assert.deepEqual(partial.missing.map(s => s.key), ['password']);
  });
});

describe('unified diff', () => {
  it('prints hunks with context and line numbers', () => {
    const a = ['{', '  "a": 1,', '  "b": 2,', '  "c": 3,', '  "d": 4,', '  "e": 5', '}'].join('\n');
    const b = a.replace('"c": 3', '"c": 30');
    assert.equal(unifiedDiff(a, b, 'tenant', 'folder'), [
      '--- tenant', '+++ folder', '@@ -1,7 +1,7 @@',
      ' {', '   "a": 1,', '   "b": 2,', '-  "c": 3,', '+  "c": 30,', '   "d": 4,', '   "e": 5', ' }',
    ].join('\n'));
    const long = Array.from({ length: 20 }, (_, i) => `line ${i}`);
    const changed = [...long];
    changed[2] = 'two';
    changed[17] = 'seventeen';
    const hunks = unifiedDiff(long.join('\n'), changed.join('\n'), 'a', 'b').split('\n').filter(l => l.startsWith('@@'));
    assert.deepEqual(hunks, ['@@ -1,6 +1,6 @@', '@@ -15,6 +15,6 @@']);
    assert.equal(unifiedDiff(a, a, 'x', 'y'), '');
  });
});
