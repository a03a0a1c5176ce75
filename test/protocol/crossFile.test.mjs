// Protocol tests for issue 15 item 3: cross-file work that scales. Sibling files are read
// asynchronously and kept current by workspace/didChangeWatchedFiles; a change to one file
// re-checks only the open documents whose last analysis read that file.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { LspClient, fileUri, SERVER } from './lspClient.mjs';

let client;
let tmp;

before(async () => {
  assert.ok(fs.existsSync(SERVER), 'dist/server.js must be built first (npm run build)');
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'saviynt-crossfile-'));
  client = new LspClient();
  await client.initialize(fileUri(tmp));
});

after(async () => {
  await client?.shutdown();
  fs.rmSync(tmp, { recursive: true, force: true });
});

const connectionJson = auth => JSON.stringify({ authentications: { [auth]: { authType: 'Basic', url: 'https://example.com/token', username: 'u', password: '${password}' } } }, null, 2);
const callFile = (method, name = 'call1') => JSON.stringify({ call: [{ name, connection: 'acctAuth', url: 'https://example.com/users', httpMethod: method,
  httpHeaders: { Accept: 'application/json' }, httpContentType: 'application/json' }] }, null, 2);

function folderWith(name, files) {
  const dir = path.join(tmp, name);
  fs.mkdirSync(dir, { recursive: true });
  for (const [file, text] of Object.entries(files)) fs.writeFileSync(path.join(dir, file), text);
  return dir;
}

const publications = uri => client.notifications.filter(m => m.method === 'textDocument/publishDiagnostics' && m.params.uri === uri);
const lastCodes = uri => publications(uri).at(-1)?.params.diagnostics.map(d => d.code) ?? [];
/** Waits until diagnostics of this version of an open document were published (at once when they were). */
const publishedVersion = (uri, version) => publications(uri).some(m => m.params.version === version)
  ? Promise.resolve() : client.waitForDiagnostics(uri, version);
const sleep = ms => new Promise(resolve => setTimeout(resolve, ms));

async function publishedWith(uri, accept, what, timeoutMs = 10000) {
  const seen = publications(uri).at(-1);
  if (seen && accept(seen.params.diagnostics)) return seen.params.diagnostics;
  const message = await client.waitFor(m => m.method === 'textDocument/publishDiagnostics' && m.params.uri === uri && accept(m.params.diagnostics), timeoutMs)
    .catch(() => { throw new Error(`${what}: last published ${JSON.stringify(lastCodes(uri))}`); });
  return message.params.diagnostics;
}

test('a change on disk of a sibling (didChangeWatchedFiles) updates the findings of an open document that reads it', async () => {
  const dir = folderWith('disk', { 'ConnectionJSON.json': connectionJson('acctAuth'), 'CreateAccountJSON.json': callFile('POST') });
  const create = fileUri(path.join(dir, 'CreateAccountJSON.json'));
  client.open(create, callFile('POST'));
  await publishedWith(create, d => !d.some(x => x.code === 'unknown-connection'), 'CreateAccountJSON with acctAuth defined');
  const before = publications(create).length;
  fs.writeFileSync(path.join(dir, 'ConnectionJSON.json'), connectionJson('otherAuth'));
  client.notify('workspace/didChangeWatchedFiles', { changes: [{ uri: fileUri(path.join(dir, 'ConnectionJSON.json')), type: 2 }] });
  const after = await publishedWith(create, d => d.some(x => x.code === 'unknown-connection'), 'CreateAccountJSON after ConnectionJSON renamed acctAuth on disk');
  assert.ok(after.some(d => /acctAuth/.test(d.message)));
  assert.ok(publications(create).length > before);
  // A watched-file event for a file whose content did not change republishes nothing.
  const settled = publications(create).length;
  client.notify('workspace/didChangeWatchedFiles', { changes: [{ uri: fileUri(path.join(dir, 'ConnectionJSON.json')), type: 2 }] });
  await sleep(600);
  assert.equal(publications(create).length, settled, 'an unchanged file re-checks nothing');
  client.notify('textDocument/didClose', { textDocument: { uri: create } });
});

test('an edit to a file no other open document reads does not republish the siblings; an edit to one they read does', async () => {
  const dir = folderWith('edits', {
    'ConnectionJSON.json': connectionJson('acctAuth'), 'CreateAccountJSON.json': callFile('POST'), 'UpdateAccountJSON.json': callFile('PUT'),
  });
  const create = fileUri(path.join(dir, 'CreateAccountJSON.json'));
  const update = fileUri(path.join(dir, 'UpdateAccountJSON.json'));
  const connection = fileUri(path.join(dir, 'ConnectionJSON.json'));
  client.open(create, callFile('POST'));
  client.open(update, callFile('PUT'));
  client.open(connection, connectionJson('acctAuth'));
  for (const uri of [create, update, connection]) await publishedVersion(uri, 1);
  await sleep(600); // every check of the opens has settled
  const createCount = publications(create).length;
  const connectionCount = publications(connection).length;

  // UpdateAccountJSON is read by no rule of CreateAccountJSON or ConnectionJSON.
  client.notify('textDocument/didChange', { textDocument: { uri: update, version: 2 }, contentChanges: [{ text: callFile('PUT', 'renamed') }] });
  await publishedVersion(update, 2);
  await sleep(600);
  assert.equal(publications(create).length, createCount, 'CreateAccountJSON was not republished');
  assert.equal(publications(connection).length, connectionCount, 'ConnectionJSON was not republished');

  // ConnectionJSON is read by CreateAccountJSON (and UpdateAccountJSON): both are checked again.
  client.notify('textDocument/didChange', { textDocument: { uri: connection, version: 2 }, contentChanges: [{ text: connectionJson('otherAuth') }] });
  await publishedWith(create, d => d.some(x => x.code === 'unknown-connection'), 'CreateAccountJSON after ConnectionJSON renamed acctAuth');
  await publishedWith(update, d => d.some(x => x.code === 'unknown-connection'), 'UpdateAccountJSON after ConnectionJSON renamed acctAuth');
  for (const uri of [create, update, connection]) client.notify('textDocument/didClose', { textDocument: { uri } });
});
