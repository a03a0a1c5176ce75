// Protocol tests for issue 14: a connection folder is one unit (findings of every attribute file
// as soon as one is open, kept current as files change on disk, withdrawn when the last file
// closes, "Check Connection Folder"), `{` pops nothing, and "fix all" as a source action.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { LspClient, fileUri, positionOf, SERVER } from './lspClient.mjs';

let client;
let tmp;

before(async () => {
  assert.ok(fs.existsSync(SERVER), 'dist/server.js must be built first (npm run build)');
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'saviynt-folder-'));
  client = new LspClient();
  const init = await client.initialize(fileUri(tmp));
  assert.deepEqual(init.capabilities.codeActionProvider.codeActionKinds, ['quickfix', 'source.fixAll.saviyntRest']);
});

after(async () => {
  await client?.shutdown();
  fs.rmSync(tmp, { recursive: true, force: true });
});

const CONNECTION = '{\n  "authentications": {\n    "acctAuth": {\n      "authType": "oauth2",\n      "url": "https://api.intercom.io",\n      "accessToken": "Bearer @TOKEN@"\n    }\n  }\n}\n';
const create = (connection, extra = '') => `{\n  "call": [\n    {\n      "name": "call1",\n      "connection": "${connection}",\n      "url": "https://api.intercom.io/contacts",\n      "httpMethod": "POST",\n      "httpHeaders": {"Authorization": "\${access_token}", "Accept": "application/json", "Intercom-Version": "2.15"},\n      "httpContentType": "application/json"${extra}\n    }\n  ]\n}\n`;

function folderWith(name, files) {
  const dir = path.join(tmp, name);
  fs.mkdirSync(dir, { recursive: true });
  for (const [file, text] of Object.entries(files)) fs.writeFileSync(path.join(dir, file), text);
  return dir;
}

/** The diagnostics last published for a URI (waits for a publication that satisfies `accept`). */
async function published(uri, accept, what, timeoutMs = 10000) {
  const last = () => [...client.notifications].reverse().find(m => m.method === 'textDocument/publishDiagnostics' && m.params.uri === uri);
  const seen = last();
  if (seen && accept(seen.params.diagnostics)) return seen.params.diagnostics;
  const message = await client.waitFor(m => m.method === 'textDocument/publishDiagnostics' && m.params.uri === uri && accept(m.params.diagnostics), timeoutMs)
    .catch(() => { throw new Error(`${what}: last published ${JSON.stringify(last()?.params.diagnostics.map(d => d.code))}`); });
  return message.params.diagnostics;
}

const codes = diagnostics => diagnostics.map(d => d.code);

test('opening one file of a folder publishes the findings of its closed files, kept current as they change on disk', async () => {
  const dir = folderWith('unit', {
    'ConnectionJSON.json': CONNECTION,
    'CreateAccountJSON.json': create('acctAuth'),
    'UpdateAccountJSON.json': create('acctAuthh').replace('"POST"', '"PUT"').replace('/contacts"', '/contacts/${account.accountID}"'),
    'RemoveAccountJSON.json': create('acctAuth').replace('"POST"', '"delete"').replace('/contacts"', '/contacts/${account.accountID}"'),
    'notes.json': '{"call": "not an attribute"}',
  });
  const opened = fileUri(path.join(dir, 'CreateAccountJSON.json'));
  client.open(opened, create('acctAuth'));
  const update = fileUri(path.join(dir, 'UpdateAccountJSON.json'));
  const remove = fileUri(path.join(dir, 'RemoveAccountJSON.json'));
  const updateFindings = await published(update, d => d.some(x => x.code === 'unknown-connection'), 'the closed UpdateAccountJSON');
  assert.ok(updateFindings.some(d => /acctAuthh/.test(d.message)));
  await published(remove, d => d.some(x => x.code === 'invalid-value'), 'the closed RemoveAccountJSON (a lower-case method)');
  // A closed file that is fixed on disk: its findings go; broken again: they come back.
  fs.writeFileSync(path.join(dir, 'UpdateAccountJSON.json'), create('acctAuth').replace('"POST"', '"PUT"').replace('/contacts"', '/contacts/${account.accountID}"'));
  client.notify('workspace/didChangeWatchedFiles', { changes: [{ uri: update, type: 2 }] });
  await published(update, d => !d.some(x => x.code === 'unknown-connection'), 'UpdateAccountJSON after the fix on disk');
  // A change to ConnectionJSON on disk reaches the closed files that use it.
  fs.writeFileSync(path.join(dir, 'ConnectionJSON.json'), CONNECTION.replace('"acctAuth"', '"otherAuth"'));
  client.notify('workspace/didChangeWatchedFiles', { changes: [{ uri: fileUri(path.join(dir, 'ConnectionJSON.json')), type: 2 }] });
  await published(update, d => d.some(x => x.code === 'unknown-connection'), 'UpdateAccountJSON after ConnectionJSON renamed acctAuth');
  // A deleted file's findings go.
  fs.rmSync(path.join(dir, 'RemoveAccountJSON.json'));
  client.notify('workspace/didChangeWatchedFiles', { changes: [{ uri: remove, type: 3 }] });
  await published(remove, d => d.length === 0, 'the deleted RemoveAccountJSON');
  // A file that is no attribute is never published.
  assert.ok(!client.notifications.some(m => m.method === 'textDocument/publishDiagnostics' && m.params.uri.endsWith('/notes.json')));
  // Closing the last open file of the folder withdraws the findings of the closed ones.
  client.notify('textDocument/didClose', { textDocument: { uri: opened } });
  await published(update, d => d.length === 0, 'UpdateAccountJSON after the last file closed');
});

test('closing one of two open files keeps it shown, checked from disk', async () => {
  const dir = folderWith('two-open', { 'ConnectionJSON.json': CONNECTION, 'CreateAccountJSON.json': create('nope'), 'UpdateAccountJSON.json': create('acctAuth') });
  const a = fileUri(path.join(dir, 'CreateAccountJSON.json'));
  const b = fileUri(path.join(dir, 'UpdateAccountJSON.json'));
  client.open(a, create('nope'));
  client.open(b, create('acctAuth'));
  await published(a, d => d.some(x => x.code === 'unknown-connection'), 'the open CreateAccountJSON');
  const seen = client.notifications.length;
  client.notify('textDocument/didClose', { textDocument: { uri: a } });
  // The editor's findings are cleared, then the folder pass publishes the file from disk again.
  const after = () => client.notifications.slice(seen).filter(m => m.method === 'textDocument/publishDiagnostics' && m.params.uri === a);
  const clearedAt = () => after().findIndex(m => m.params.diagnostics.length === 0);
  await client.waitFor(() => clearedAt() >= 0 && after().slice(clearedAt() + 1).some(m => m.params.diagnostics.length > 0), 10000, true)
    .catch(() => { throw new Error(`after the close: ${JSON.stringify(after().map(m => codes(m.params.diagnostics)))}`); });
  const fromDisk = after().slice(clearedAt() + 1).find(m => m.params.diagnostics.length > 0);
  assert.ok(fromDisk.params.diagnostics.some(x => x.code === 'unknown-connection'), 'CreateAccountJSON, closed, from disk');
  assert.equal(fromDisk.params.version, undefined, 'published for the file on disk, not an editor version');
  client.notify('textDocument/didClose', { textDocument: { uri: b } });
  await published(a, d => d.length === 0, 'CreateAccountJSON after the last file closed');
});

test('Check Connection Folder checks every attribute file of a folder with none open, and answers with the counts', async () => {
  const dir = folderWith('by-command', { 'ConnectionJSON.json': CONNECTION, 'CreateAccountJSON.json': create('missing'), 'EnableAccountJSON.json': create('acctAuth') });
  const result = await client.request('saviyntRest/checkFolder', { uri: fileUri(dir) });
  assert.equal(result.folder, dir);
  assert.equal(result.files.length, 3);
  assert.ok(result.errors >= 1, JSON.stringify(result));
  const create_ = result.files.find(f => f.uri.endsWith('/CreateAccountJSON.json'));
  assert.ok(create_.errors >= 1);
  const diags = await published(fileUri(path.join(dir, 'CreateAccountJSON.json')), d => d.some(x => x.code === 'unknown-connection'), 'CreateAccountJSON by command');
  assert.ok(diags.length >= 1);
  // Kept current afterwards, although no file of it is open.
  fs.writeFileSync(path.join(dir, 'CreateAccountJSON.json'), create('acctAuth'));
  client.notify('workspace/didChangeWatchedFiles', { changes: [{ uri: fileUri(path.join(dir, 'CreateAccountJSON.json')), type: 2 }] });
  await published(fileUri(path.join(dir, 'CreateAccountJSON.json')), d => !d.some(x => x.code === 'unknown-connection'), 'CreateAccountJSON fixed on disk');
});

test('typing `{` pops nothing where it starts an object; after `$` it opens the binding variables', async () => {
  const uri = fileUri(path.join(folderWith('trigger', {}), 'CreateAccountJSON.json'));
  client.open(uri, '{}');
  const empty = await client.request('textDocument/completion', { textDocument: { uri }, position: { line: 0, character: 1 }, context: { triggerKind: 2, triggerCharacter: '{' } });
  assert.ok(empty === null || (empty.items ?? empty).length === 0, JSON.stringify(empty));
  const invoked = await client.request('textDocument/completion', { textDocument: { uri }, position: { line: 0, character: 1 }, context: { triggerKind: 1 } });
  const labels = (invoked.items ?? invoked).map(i => i.label);
  assert.ok(labels.includes('call') && !labels.includes('$schema'), labels.join(', '));
  const text = '{"call": [{"name": "call1", "url": "https://x/${}"}]}';
  client.notify('textDocument/didChange', { textDocument: { uri, version: 2 }, contentChanges: [{ text }] });
  const at = positionOf(text, text.indexOf('${') + 2);
  const binding = await client.request('textDocument/completion', { textDocument: { uri }, position: at, context: { triggerKind: 2, triggerCharacter: '{' } });
  assert.ok((binding.items ?? binding).some(i => i.label === 'user'), 'after ${ the variables are offered');
});

test('fix all: one source action with every certain fix of the document, none of the guesses', async () => {
  const text = '{\n  "call": [\n    {\n      "name": "call1",\n      "connection": "acctAuth",\n      "url": "https://api.intercom.io/contacts",\n      "httpMethod": "post",\n      "successResponses": {"statusCode": ["200"]},\n    }\n  ]\n}\n';
  const uri = fileUri(path.join(folderWith('fixall', { 'ConnectionJSON.json': CONNECTION }), 'CreateAccountJSON.json'));
  const wait = client.waitForDiagnostics(uri, 1);
  client.open(uri, text);
  const diagnostics = await wait;
  const range = { start: { line: 0, character: 0 }, end: positionOf(text, text.length) };
  const source = await client.request('textDocument/codeAction', { textDocument: { uri }, range, context: { diagnostics: [], only: ['source.fixAll'] } });
  assert.equal(source.length, 1, JSON.stringify(source));
  assert.equal(source[0].kind, 'source.fixAll.saviyntRest');
  const edits = source[0].edit.changes[uri];
  assert.ok(edits.length >= 3, JSON.stringify(edits));
  const newTexts = edits.map(e => e.newText);
  assert.ok(newTexts.includes('"POST"') && newTexts.includes('200') && newTexts.includes(''), newTexts.join(' | '));
  // In the lightbulb: the diagnostic's own fixes, and "fix all" beside them.
  const method = diagnostics.find(d => d.code === 'invalid-value');
  const quick = await client.request('textDocument/codeAction', { textDocument: { uri }, range: method.range, context: { diagnostics: [method] } });
  assert.ok(quick.some(a => a.kind === 'quickfix' && a.title === 'Change to "POST"'));
  assert.ok(quick.some(a => a.kind === 'quickfix' && /^Fix all certain problems in this file \(\d+\)$/.test(a.title)), quick.map(a => a.title).join(' | '));
});
