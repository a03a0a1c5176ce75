/**
 * The schemas inside vscode-json-languageservice, the engine behind the language server:
 * cross-file $refs resolve, unknown keys become "not allowed" problems, hovers show our text,
 * completion offers enum values and defaultSnippets, and nothing reports "matches multiple schemas".
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { pathToFileURL, fileURLToPath } from 'node:url';
import { getLanguageService, TextDocument, type LanguageService } from 'vscode-json-languageservice';

const SCHEMA_DIR = path.resolve(__dirname, '../../../schemas');
const schemaUri = (file: string) => pathToFileURL(path.join(SCHEMA_DIR, file)).toString();
const ATTRIBUTE_SCHEMAS = fs.readdirSync(SCHEMA_DIR).filter(f => f.endsWith('.schema.json') && f !== 'common.schema.json');

function service(): LanguageService {
  const ls = getLanguageService({
    schemaRequestService: async (uri) => fs.readFileSync(fileURLToPath(uri), 'utf8'),
    workspaceContext: { resolveRelativePath: (rel, resource) => new URL(rel, resource).toString() },
  });
  ls.configure({
    validate: true,
    allowComments: false,
    schemas: ATTRIBUTE_SCHEMAS.map(f => ({ uri: schemaUri(f), fileMatch: [`*/${f.replace('.schema.json', '.json')}`] })),
  });
  return ls;
}

const ls = service();

const text = (m: string | { value: string }): string => (typeof m === 'string' ? m : m.value);

function open(attribute: string, text: string): TextDocument {
  return TextDocument.create(`file:///work/conn/${attribute}.json`, 'json', 1, text);
}

async function messages(attribute: string, doc: unknown): Promise<string[]> {
  const td = open(attribute, JSON.stringify(doc, null, 2));
  const diags = await ls.doValidation(td, ls.parseJSONDocument(td));
  return diags.map(d => text(d.message));
}

test('every attribute schema resolves all its $refs in vscode-json-languageservice', async () => {
  for (const f of ATTRIBUTE_SCHEMAS) {
    const attribute = f.replace('.schema.json', '');
    const td = open(attribute, '{}');
    const resolved = await ls.getMatchingSchemas(td, ls.parseJSONDocument(td));
    assert.ok(resolved.length > 0, `${f}: no schema matched`);
    const diags = await ls.doValidation(td, ls.parseJSONDocument(td));
    const broken = diags.map(d => text(d.message)).filter(m => /\$ref|resolve|load/i.test(m));
    assert.deepEqual(broken, [], `${f}`);
  }
});

test('unknown and misplaced keys are reported as "not allowed"', async () => {
  const doc = {
    accountParams: {
      connection: 'acctAuth', processingType: 'SequentialAndIterative',
      statusAndThresholdConfig: { active: ['true'] },
      call: { call1: { callOrder: 0, http: { url: 'https://x' }, listField: 'data', keyField: 'accountID', colsToPropsMap: {}, page: {} } },
    },
  };
  const found = await messages('ImportAccountEntJSON', doc);
  assert.ok(found.includes('Property page is not allowed.'), JSON.stringify(found));
  assert.ok(found.includes('Property active is not allowed.'), JSON.stringify(found));
});

test('messages reach the editor in the forms the language server rewrites', async () => {
  // The server turns these default messages into its own wording and quick fixes (schemaFindings.ts),
  // so type and enum checks keep vscode's defaults; only patterns carry our own text.
  const conn = await messages('ConnectionJSON', { authentications: { acctAuth: { authType: 'Bearer', tokenExpiry: '1h' } } });
  assert.ok(conn.some(m => m.startsWith('Value is not accepted. Valid values: "oauth2", "Basic"')), JSON.stringify(conn));
  assert.ok(conn.includes('Property tokenExpiry is not allowed.'), JSON.stringify(conn));
  const method = await messages('RemoveAccessJSON', { call: [{ name: 'Tag', connection: 'acctAuth', url: 'https://x', httpMethod: 'put' }] });
  assert.ok(method.some(m => m.startsWith('Value is not accepted. Valid values: "GET"')), JSON.stringify(method));
  const codes = await messages('UpdateUserJSON', { actions: { 'Update Login': { call: [{ name: 'c', connection: 'a', url: 'https://x', httpMethod: 'PUT', successResponses: { statusCode: 200 } }] } } });
  assert.ok(codes.includes('Incorrect type. Expected "array".'), JSON.stringify(codes));
  const add = await messages('AddAccessJSON', { call: { Tag: {} } });
  assert.ok(add.includes('Incorrect type. Expected "array".'), JSON.stringify(add));
  const ticket = await messages('CreateTicketJSON', { call: [{ name: 'call1', connection: 'acctAuth', url: ' https://api.intercom.io/tickets', httpMethod: 'POST' }] });
  assert.ok(ticket.some(m => m.startsWith('The URL starts or ends with a space')), JSON.stringify(ticket));
  const mapping = await messages('ImportUserJSON', { colsToPropsMap: { username: 'id~#~char ' } });
  assert.ok(mapping.some(m => m.includes('~#~<type>')), JSON.stringify(mapping));
  const header = await messages('RemoveAccountJSON', { call: [{ name: 'c', connection: 'a', url: 'https://x', httpMethod: 'DELETE', httpHeaders: { '': '${access_token}' } }] });
  assert.ok(header.some(m => m.startsWith('A header name is empty')), JSON.stringify(header));
  const media = await messages('ConnectionJSON', { authentications: { a: { authType: 'oauth2', httpContentType: 'application /x-www-form-urlencoded' } } });
  assert.equal(media.length, 1, JSON.stringify(media));
});

test('alternatives never report "matches multiple schemas"', async () => {
  const docs: Array<[string, unknown]> = [
    ['TicketStatusJSON', { call: [{ name: 'c', connection: 'a', url: 'https://x/${ticketID}', httpMethod: 'GET', successResponses: [{ statusCode: [200] }] }] }],
    ['TicketStatusJSON', { call: [{ name: 'c', connection: 'a', url: 'https://x', httpMethod: '${x}', successResponses: { statusCode: [200] } }] }],
    ['ConnectionJSON', { authentications: { a: { authType: 'oauth2', httpParams: '{}', httpContentType: 'application/json' } } }],
    ['ImportAccountEntJSON', { accountParams: { connection: 'a', processingType: 'SequentialAndIterative', call: { c: {
      callOrder: 0, http: { url: 'https://x' }, listField: '', keyField: 'accountID', colsToPropsMap: {},
      pagination: { offset: { batchSize: '100', totalCountPath: 5000 } } } } } }],
  ];
  for (const [attribute, doc] of docs) {
    const found = await messages(attribute, doc);
    assert.deepEqual(found, [], `${attribute}: ${JSON.stringify(found)}`);
  }
});

test('hover shows the property description', async () => {
  const text = '{\n  "accountIdPath": "call1.message.id",\n  "call": []\n}';
  const td = open('CreateAccountJSON', text);
  const hover = await ls.doHover(td, td.positionAt(text.indexOf('accountIdPath') + 3), ls.parseJSONDocument(td));
  assert.ok(hover, 'no hover');
  const contents = JSON.stringify(hover.contents);
  assert.ok(contents.includes('call1.message.id') && contents.includes('account ID'), contents);
});

test('completion offers HTTP methods and the Intercom auth snippets', async () => {
  const callText = '{"call":[{"name":"call1","httpMethod": }]}';
  const td = open('RemoveAccountJSON', callText);
  const list = await ls.doComplete(td, td.positionAt(callText.indexOf('"httpMethod": ') + 14), ls.parseJSONDocument(td));
  const labels = (list?.items ?? []).map(i => i.label);
  for (const m of ['"GET"', '"DELETE"', '"DELETEWITHBODY"']) assert.ok(labels.includes(m), `${m} missing from ${JSON.stringify(labels)}`);

  const authText = '{"authentications":{"acctAuth": }}';
  const td2 = open('ConnectionJSON', authText);
  const list2 = await ls.doComplete(td2, td2.positionAt(authText.indexOf('"acctAuth": ') + 12), ls.parseJSONDocument(td2));
  const labels2 = (list2?.items ?? []).map(i => i.label);
  assert.ok(labels2.includes('static bearer token (Intercom access token)'), JSON.stringify(labels2));
  const item = list2!.items.find(i => i.label === 'static bearer token (Intercom access token)')!;
  const insert = String(item.insertText ?? '');
  assert.ok(insert.includes('"Bearer ${1:<paste the token in EIC, never here>}"'), insert);
});
