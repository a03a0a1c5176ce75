import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { CompletionItem, TextEdit } from 'vscode-languageserver-types';
import { bindingCompletion } from '../../../server/src/core/features/bindingCompletion';
import { StaticConnection } from '../../../server/src/core/connection';
import type { AttributeDocument } from '../../../server/src/core/document';
import { callDoc, docOf, withCursor } from './helpers';
import { complete } from '../../support/engine';

async function completeAt(attribute: string, marked: string, others: AttributeDocument[] = []) {
  const { text, offset } = withCursor(marked);
  const doc = docOf(attribute, text);
  const list = await complete({ doc, connection: new StaticConnection('t', [doc, ...others]), offset, settings: {} });
  return { text, offset, doc, items: list.items };
}

const labels = (items: CompletionItem[]) => items.map(i => String(i.label));
const edit = (item: CompletionItem) => item.textEdit as TextEdit;
function replaced(doc: AttributeDocument, text: string, item: CompletionItem): string {
  const range = edit(item).range;
  return text.slice(doc.offsetAt(range.start), doc.offsetAt(range.end));
}

test('after ${ : the variables bound in this attribute, nothing from the schema', async () => {
  const { items, doc, offset } = await completeAt('UpdateAccountJSON', callDoc('"url": "https://x/${|}"'));
  const names = labels(items);
  for (const name of ['account', 'user', 'access_token', 'connection', 'password']) assert.ok(names.includes(name), name);
  for (const name of ['ticketID', 'headers', 'refresh_token', 'url', 'httpMethod']) assert.ok(!names.includes(name), name);
  const account = items.find(i => i.label === 'account')!;
  assert.deepEqual(edit(account).range, { start: doc.positionAt(offset), end: doc.positionAt(offset) });
  assert.match(JSON.stringify(account.documentation), /Bound in/);
});

test('a partial root word is replaced as a whole', async () => {
  const { items, doc, text } = await completeAt('UpdateAccountJSON', callDoc('"url": "https://x/${acc|ount.accountID}"'));
  const item = items.find(i => i.label === 'account')!;
  assert.equal(replaced(doc, text, item), 'account');
  assert.ok(labels(items).includes('access_token'));
});

test('after user. : identity attributes, the partial member is replaced', async () => {
  const { items, doc, text } = await completeAt('CreateAccountJSON', callDoc('"url": "https://x/${user.em|}"'));
  const names = labels(items);
  assert.ok(names.includes('email'));
  assert.ok(names.includes('customproperty12'));
  assert.ok(!names.includes('account'));
  assert.equal(replaced(doc, text, items.find(i => i.label === 'email')!), 'em');
});

test('inside an escaped httpParams body: exact raw range', async () => {
  const marked = callDoc('"url": "https://x", "httpParams": "{\\"mail\\":\\"${user.ph|}\\",\\"id\\":\\"${entitlementValue.entitlementID}\\"}"');
  const { items, doc, text } = await completeAt('AddAccessJSON', marked);
  const item = items.find(i => i.label === 'phonenumber')!;
  assert.ok(item, 'phonenumber offered');
  const range = edit(item).range;
  assert.equal(doc.offsetAt(range.start), text.indexOf('ph}'));
  assert.equal(replaced(doc, text, item), 'ph');
  assert.equal(edit(item).newText, 'phonenumber');
});

test('an unclosed binding in a body gets its } with the member', async () => {
  const marked = callDoc('"url": "https://x", "httpParams": "{\\"p\\":\\"${user.phonen|\\",\\"t\\":1}"');
  const { items } = await completeAt('CreateAccountJSON', marked);
  assert.equal(edit(items.find(i => i.label === 'phonenumber')!).newText, 'phonenumber}');
});

test('response. in an import nextUrlPath: the page members; in provisioning: the earlier calls', async () => {
  const imp = '{"accountParams":{"call":{"call1":{"http":{"url":"https://x"},"pagination":{"nextUrl":{"nextUrlPath":"${response.|}"}}}}}}';
  const { items } = await completeAt('ImportAccountEntJSON', imp);
  assert.deepEqual(labels(items).slice(0, 2), ['completeResponseMap', 'objectList']);

  const prov = '{"call":[{"name":"call1","url":"https://x"},{"name":"call2","url":"https://x/${response.|}"}]}';
  assert.ok(labels((await completeAt('EnableAccountJSON', prov)).items).includes('call1'));
  const second = '{"call":[{"name":"call1","url":"https://x"},{"name":"call2","url":"https://x/${response.call1.|}"}]}';
  assert.ok(labels((await completeAt('EnableAccountJSON', second)).items).includes('message'));
});

test('connection. offers the keys of the call\'s authentication in ConnectionJSON', async () => {
  const connectionJson = docOf('ConnectionJSON', '{"authentications":{"acctAuth":{"authType":"oauth2","apikey":"k","Email":"e"},"other":{"authType":"Basic","zzz":"1"}}}');
  const { items } = await completeAt('UpdateAccountJSON', callDoc('"url": "https://x", "httpHeaders": {"X-Key": "${connection.|}"}'), [connectionJson]);
  const names = labels(items);
  assert.ok(names.includes('apikey') && names.includes('Email'));
  assert.ok(!names.includes('zzz'), 'keys of another authentication are not offered');
});

test('typing $ in an evaluated string offers whole bindings for this attribute', async () => {
  const { items, doc, text } = await completeAt('UpdateAccountJSON', callDoc('"url": "https://x/$|"'));
  const names = labels(items);
  assert.ok(names.includes('${account.accountID}'));
  assert.ok(names.includes('${user.email}'));
  assert.ok(!names.includes('${ticketID}'));
  const item = items.find(i => i.label === '${account.accountID}')!;
  assert.equal(replaced(doc, text, item), '$');
  const status = await completeAt('TicketStatusJSON', callDoc('"url": "https://x/$|"'));
  assert.ok(labels(status.items).includes('${ticketID}'));
});

test('no binding proposals where ${…} is not evaluated, nor inside a Groovy string literal', async () => {
  const { text, offset } = withCursor('{"accountParams":{"call":{"call1":{"listField":"${|}"}}}}');
  const doc = docOf('ImportAccountEntJSON', text);
  assert.equal(bindingCompletion({ doc, connection: new StaticConnection('t', [doc]), offset, settings: {} }), undefined);
  const inString = await completeAt('UpdateAccountJSON', callDoc("\"url\": \"https://x/${user.email == 'ab|c' ? 1 : 2}\""));
  assert.deepEqual(inString.items, []);
});
