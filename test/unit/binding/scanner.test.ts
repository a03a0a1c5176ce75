import { test } from 'node:test';
import assert from 'node:assert/strict';
import { scanTemplate } from '../../../server/src/core/binding/scanner';
import { documentBindings, docSpan, indexAt, docOffset } from '../../../server/src/core/binding/documentBindings';
import type { Binding } from '../../../server/src/core/binding/model';
import { docOf } from './helpers';

/** CPU time of a function, in ms (less sensitive to a busy machine than wall time). */
function cpuMs(f: () => void): number {
  const before = process.cpuUsage();
  f();
  const d = process.cpuUsage(before);
  return (d.user + d.system) / 1000;
}

const refs = (b: Binding) => b.references.map(r => [r.root.name, ...r.members.map(m => m.name)].join('.'));

test('positions of a simple binding and its member chain', () => {
  const [b] = scanTemplate('ab ${user.email} cd');
  assert.equal(b.start, 3);
  assert.equal(b.end, 16);
  assert.equal(b.contentStart, 5);
  assert.equal(b.contentEnd, 15);
  assert.ok(b.closed);
  assert.deepEqual(b.references[0].root, { name: 'user', start: 5, end: 9 });
  assert.equal(b.references[0].members[0].name, 'email');
  assert.equal(b.references[0].members[0].start, 10);
  assert.equal(b.references[0].members[0].end, 15);
});

test('several bindings in one value, in order', () => {
  const bindings = scanTemplate('{"name":"${user.firstname} ${user.lastname}","id":${account.accountID}}');
  assert.deepEqual(bindings.map(refs), [['user.firstname'], ['user.lastname'], ['account.accountID']]);
  assert.ok(bindings.every(b => b.closed));
});

test('a } inside a Groovy string does not close the binding', () => {
  const [b] = scanTemplate("${user.x == null ? '}' : user.x}tail");
  assert.ok(b.closed);
  assert.equal(b.end, "${user.x == null ? '}' : user.x}".length);
  assert.deepEqual(refs(b), ['user.x', 'user.x']);
});

test('nested braces: closures, statement blocks, eachWithIndex, return', () => {
  const value = "[${Map m = new HashMap(); ArrayList arr = response.'Group1'.message.roles; if(arr.size()>0){arr.eachWithIndex{ val, idx -> if(val.id?.equals(entitlementValue.entitlementID)){ m.put('_id', val._id);}else{}}; b = new groovy.json.JsonBuilder(m); return b.toString();}else{''}}]";
  const [b] = scanTemplate(value);
  assert.ok(b.closed);
  assert.equal(value[b.end], ']');
  assert.deepEqual(refs(b), ['response.Group1.message.roles', 'entitlementValue.entitlementID']);
  for (const local of ['m', 'arr', 'val', 'idx', 'b']) assert.ok(b.locals.has(local), local);
  assert.deepEqual(b.problems, []);
});

test('typed locals, for loops and for-in are not variables', () => {
  const [b] = scanTemplate("${String a = response.x; int n = 0; for (String s : list) { a += s; n++ }; for (y in items) { a += y }; return a + '~' + n}");
  assert.deepEqual(refs(b), ['response.x', 'list', 'items']);
});

test('classes, new, qualified names and static calls are not variables', () => {
  const [b] = scanTemplate("${new java.text.SimpleDateFormat('yyyy-MM-dd').format(new Date()) + Math.addExact(response.completeResponseMap.page, 1) + java.util.UUID.randomUUID()}");
  assert.deepEqual(refs(b), ['response.completeResponseMap.page']);
});

test('null-safe navigation, Elvis, ternaries and method calls', () => {
  const [b] = scanTemplate("${headers?.Link?.split(',')?.size()==4?headers?.Link?.split(',')[2]?.replace('>;rel=\"next\"','')?.trim():user.x ?: null}");
  assert.ok(b.closed);
  const [first] = b.references;
  assert.equal(first.root.name, 'headers');
  assert.equal(first.members[0].name, 'Link');
  assert.ok(first.members[0].nullSafe);
  assert.equal(first.members[1].name, 'split');
  assert.ok(first.members[1].call);
  assert.ok(refs(b).includes('user.x'));
});

test('map keys, named arguments and closure `it` are not variables', () => {
  const [b] = scanTemplate("${[name: user.email, id: account.accountID].collect{ it.value }.join(',')}");
  assert.deepEqual(refs(b), ['user.email', 'account.accountID']);
});

test('double-quoted Groovy strings with interpolation', () => {
  const [b] = scanTemplate('${"id-${user.employeeid}-x"}!');
  assert.ok(b.closed);
  assert.deepEqual(refs(b), ['user.employeeid']);
  assert.equal(b.end, '${"id-${user.employeeid}-x"}'.length);
});

test('unclosed binding (Jama): closes at the next ${ and hints where } belongs', () => {
  const value = '{"phone":"${user.phonenumber","title":"${user.title}"}';
  const [first, second] = scanTemplate(value);
  assert.equal(first.closed, false);
  assert.equal(first.end, value.length);
  assert.equal(first.closeHint, value.indexOf('","title"'));
  assert.equal(first.reentry, value.indexOf('${user.title}'));
  assert.deepEqual(refs(first), ['user.phonenumber']);
  assert.ok(second.closed);
  assert.deepEqual(refs(second), ['user.title']);
});

test('unclosed at the end of the value, and an unterminated single quote', () => {
  const [a] = scanTemplate('Bearer ${access_token');
  assert.equal(a.closed, false);
  assert.equal(a.closeHint, 'Bearer ${access_token'.length);
  const [b] = scanTemplate("${a == 'x ? 1 : 2}");
  assert.equal(b.closed, false);
  assert.deepEqual(b.problems.map(p => [p.kind, p.start]), [['unclosed-quote', 7]]);
});

test('unbalanced brackets inside a closed binding', () => {
  const [a] = scanTemplate("${user.x.replace('a', 'b'}");
  assert.ok(a.closed);
  assert.deepEqual(a.problems.map(p => [p.kind, p.text, p.start]), [['unclosed-bracket', '(', 16]]);
  const [b] = scanTemplate('${user.x)}');
  assert.deepEqual(b.problems.map(p => [p.kind, p.text]), [['unexpected-close', ')']]);
  const [c] = scanTemplate('${list.each { x -> foo(x }}');
  assert.ok(c.closed);
  assert.deepEqual(c.problems.map(p => p.text), ['(']);
});

test('escaped \\${ and comments', () => {
  assert.equal(scanTemplate('price \\${x}').length, 0);
  const [b] = scanTemplate('${ /* } */ user.email // }\n}');
  assert.ok(b.closed);
  assert.deepEqual(refs(b), ['user.email']);
});

test('document layer: exact offsets inside an escaped httpParams body', () => {
  const text = '{"call":[{"name":"call1","httpParams":"{\\"mail\\":\\"${user.email}\\",\\"n\\":\\"${user.x == \\"a\\" ? 1 : 2}\\"}"}]}';
  const doc = docOf('CreateAccountJSON', text);
  const [bs] = documentBindings(doc);
  assert.equal(bs.site.kind, 'body');
  assert.equal(bs.bindings.length, 2);
  const email = bs.bindings[0].references[0];
  const span = docSpan(bs, email.root.start, email.members[0].end);
  assert.equal(text.slice(span.offset, span.offset + span.length), 'user.email');
  const whole = docSpan(bs, bs.bindings[1].start, bs.bindings[1].end);
  assert.equal(text.slice(whole.offset, whole.offset + whole.length), '${user.x == \\"a\\" ? 1 : 2}');
  const quoted = bs.bindings[1].tokens.find(t => t.kind === 'string')!;
  const qspan = docSpan(bs, quoted.start, quoted.end);
  assert.equal(text.slice(qspan.offset, qspan.offset + qspan.length), '\\"a\\"');
  // offset → index → offset round trip
  const at = text.indexOf('email}');
  assert.equal(docOffset(bs, indexAt(bs, at)), at);
});

test('document layer: only strings with ${ are kept, keys are ignored', () => {
  const doc = docOf('UpdateAccountJSON', '{"${key}":"plain","call":[{"url":"https://x/${account.accountID}"}]}');
  const strings = documentBindings(doc);
  assert.equal(strings.length, 1);
  assert.equal(strings[0].site.kind, 'url');
});

test('scanning 1 MB with about 30,000 bindings is linear and fast', () => {
  const piece = '{"mail":"${user.email}","id":"${account.accountID}","n":"${user.x == null ? \'\' : user.x.trim()}"},';
  const value = '[' + piece.repeat(Math.ceil(1_000_000 / piece.length)) + '{}]';
  scanTemplate(value.slice(0, 10_000)); // warm up
  let bindings: Binding[] = [];
  const half = value.slice(0, Math.floor(value.length / 2));
  const halfMs = Math.min(...[0, 1, 2].map(() => cpuMs(() => scanTemplate(half))));
  const ms = Math.min(...[0, 1, 2].map(() => cpuMs(() => { bindings = scanTemplate(value); })));
  assert.ok(bindings.length > 25_000, `${bindings.length} bindings`);
  // Linear: twice the text costs about twice the time (quadratic would be four times).
  assert.ok(ms < 3 * halfMs + 50, `1 MB took ${ms.toFixed(1)} ms, 0.5 MB ${halfMs.toFixed(1)} ms`);
  // A generous absolute bound for loaded CI machines; an unloaded machine needs a few tens of ms.
  assert.ok(ms < 2000, `scan took ${ms.toFixed(1)} ms of CPU`);
});

test('a whole 1 MB attribute document scans once and is memoised per version', () => {
  const call = '{"name":"call1","url":"https://x/${account.accountID}","httpParams":"{\\"mail\\":\\"${user.email}\\"}","httpHeaders":{"Authorization":"${access_token}"}}';
  const text = `{"call":[${Array.from({ length: 6000 }, () => call).join(',')}]}`;
  const doc = docOf('UpdateAccountJSON', text);
  doc.json; // parsing is not the scanner's cost
  let strings: readonly unknown[] = [];
  const ms = cpuMs(() => { strings = documentBindings(doc); });
  assert.equal(strings.length, 18000);
  assert.ok(ms < 2500, `document scan took ${ms.toFixed(1)} ms of CPU`);
  assert.equal(documentBindings(doc), strings, 'second call returns the memoised result');
});
