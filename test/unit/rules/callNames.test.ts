import { test } from 'node:test';
import assert from 'node:assert/strict';
import { covered, expectFinding, none, one } from './helpers';

test('duplicate-call-name: two provisioning calls named call1 → rename the second', () => {
  const text = '{"call":[{"name":"call1","url":"https://x.example.com/a"},{"name":"call1","url":"https://x.example.com/b"}]}';
  const f = expectFinding('duplicate-call-name', 'UpdateAccountJSON', text, { severity: 'warning', range: '"call1"', fixed: text.replace(/"call1"(?![\s\S]*"call1")/, '"call2"') });
  assert.equal(f.offset, text.lastIndexOf('"call1"'));
});

test('duplicate-call-name: the next free number is used', () => {
  const text = '{"call":[{"name":"call1"},{"name":"call2"},{"name":"call1"}]}';
  const f = one('duplicate-call-name', 'EnableAccountJSON', text);
  assert.equal(f.fixes?.[0].edits[0].newText, '"call3"');
});

test('duplicate-call-name near misses: AddAccess/RemoveAccess repeat entitlement types; distinct names', () => {
  none('duplicate-call-name', 'RemoveAccessJSON', '{"call":[{"name":"Group"},{"name":"Group"}]}');
  none('duplicate-call-name', 'CreateAccountJSON', '{"call":[{"name":"call1"},{"name":"call2"}]}');
});

test('response-unknown-call: reading a call that runs later', () => {
  const text = '{"call":[{"name":"call1","url":"https://x.example.com/${response.call2.message.id}"},{"name":"call2","url":"https://x.example.com/b"}]}';
  const f = expectFinding('response-unknown-call', 'DisableAccountJSON', text, { severity: 'error', range: 'call2', fixed: null });
  assert.match(f.message, /not run yet/);
});

test('response-unknown-call: a name that matches no call at all', () => {
  const text = '{"call":[{"name":"lookup","url":"https://x.example.com/a"},{"name":"update","httpParams":"{\\"id\\":\\"${response.zzz.message.id}\\"}"}]}';
  const f = one('response-unknown-call', 'UpdateAccountJSON', text);
  assert.equal(covered(text, f), 'zzz');
  assert.match(f.message, /"lookup"/);
});

test('response-unknown-call near misses: earlier calls, numbered access results, quoted names, import pagination', () => {
  none('response-unknown-call', 'EnableAccountJSON', '{"call":[{"name":"call1","url":"https://x.example.com/a"},{"name":"call2","httpParams":"{\\"v\\":\\"${response.call1.message.id}\\"}"}]}');
  none('response-unknown-call', 'RemoveAccessJSON', '{"call":[{"name":"Group","url":"https://x.example.com/a"},{"name":"Group","httpParams":"${response.\'Group1\'.message.authzRoles}"}]}');
  none('response-unknown-call', 'ImportAccountEntJSON', '{"accountParams":{"call":{"call1":{"pagination":{"nextUrl":{"nextUrlPath":"${response.completeResponseMap.next}"}}}}}}');
  // A misspelt earlier call with a close match is the binding checks' finding, not this rule's.
  none('response-unknown-call', 'EnableAccountJSON', '{"call":[{"name":"call1"},{"name":"call2","url":"https://x.example.com/${response.cal1.message.id}"}]}');
});
