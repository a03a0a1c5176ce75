import { test } from 'node:test';
import assert from 'node:assert/strict';
import { VARIABLES, findVariable, isBoundAt, variablesAt } from '../../../server/src/core/binding/variables';
import { USER_MEMBERS, findMember, memberNames } from '../../../server/src/core/binding/members';
import { findAttribute } from '../../../server/src/core/attributes';
import { scanTemplate } from '../../../server/src/core/binding/scanner';

test('catalog: every variable is described, has an example that uses it, and names real attributes', () => {
  const names = new Set<string>();
  for (const v of VARIABLES) {
    assert.ok(!names.has(v.name), `duplicate ${v.name}`);
    names.add(v.name);
    assert.ok(v.summary.length > 5 && v.description.length > 20 && v.where.length > 5, v.name);
    const uses = scanTemplate(v.example).flatMap(b => b.references.map(r => r.root.name));
    assert.ok(uses.includes(v.name), `example of ${v.name} uses it: ${v.example}`);
    for (const scope of v.scopes) {
      if (scope.attributes === 'all') continue;
      for (const a of scope.attributes) assert.ok(findAttribute(a)?.name === a, `${v.name}: unknown attribute ${a}`);
    }
    if (v.aliasOf) assert.ok(findVariable(v.aliasOf), `${v.name} aliases a variable`);
  }
});

test('catalog: contexts of §12.2 / §12.5', () => {
  const bound = (name: string, attribute: string, site: Parameters<typeof isBoundAt>[2] = 'url') => isBoundAt(findVariable(name)!, attribute, site);
  assert.ok(bound('ticketID', 'TicketStatusJSON'));
  assert.ok(!bound('ticketID', 'CreateAccountJSON'));
  assert.ok(!bound('account', 'CreateAccountJSON'));
  assert.ok(bound('account', 'RemoveAccessJSON'));
  assert.ok(bound('entitlementValue', 'AddAccessJSON'));
  assert.ok(!bound('entitlementValue', 'UpdateAccountJSON'));
  assert.ok(bound('response', 'ImportAccountEntJSON', 'pagination'));
  assert.ok(bound('response', 'ImportAccountEntJSON', 'constMapping'));
  assert.ok(!bound('response', 'ImportAccountEntJSON', 'url'));
  assert.ok(bound('response', 'DisableAccountJSON', 'body'));
  assert.ok(bound('headers', 'ImportAccountEntJSON', 'pagination'));
  assert.ok(!bound('headers', 'UpdateAccountJSON'));
  assert.ok(bound('refresh_token', 'ConnectionJSON', 'authParam'));
  assert.ok(bound('access_token', 'ImportUserJSON', 'header'));
  assert.ok(bound('reqAttrs', 'CreateAccountJSON'));
  const inCreate = variablesAt('CreateAccountJSON', 'body').map(v => v.name);
  for (const n of ['user', 'password', 'randomPassword', 'requestAccessAttributes', 'userManager', 'access_token', 'connection']) assert.ok(inCreate.includes(n), n);
});

test('members: identity attributes including custom properties, case-sensitive', () => {
  assert.ok(findMember(USER_MEMBERS, 'phonenumber'));
  assert.ok(findMember(USER_MEMBERS, 'customproperty65'));
  assert.equal(findMember(USER_MEMBERS, 'customproperty66'), undefined);
  assert.equal(findMember(USER_MEMBERS, 'phoneNumber'), undefined);
  assert.equal(memberNames(USER_MEMBERS).length, USER_MEMBERS.members.length + 65);
});
