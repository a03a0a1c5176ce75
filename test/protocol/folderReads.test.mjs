// Protocol tests for issue 15 item 3, the closed files of a shown connection folder: a change
// re-checks only the closed files whose last analysis read the changed attribute (and the changed
// file itself), not every closed file of the folder; a settings change re-checks them all.
//
// The attribute changed here is AOB_CONNECTION_TEMPLATE_VARIABLES: a call file with an @NAME@
// token in a header reads it (the token's verdict depends on App Onboarding's mapping), a call file
// without one and ConnectionJSON do not.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { LspClient, fileUri, SERVER } from './lspClient.mjs';

const DEBOUNCE_MS = 20;
/** How long to wait for publications that must NOT come: far above the folder pass's delay (2 × debounce). */
const SETTLE_MS = 600;

let client;
let tmp;

before(async () => {
  assert.ok(fs.existsSync(SERVER), 'dist/server.js must be built first (npm run build)');
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'saviynt-folderreads-'));
  client = new LspClient();
  await client.initialize(fileUri(tmp), { settings: { validation: { debounceMs: DEBOUNCE_MS } } });
});

after(async () => {
  await client?.shutdown();
  fs.rmSync(tmp, { recursive: true, force: true });
});

const AOB = 'AOB_CONNECTION_TEMPLATE_VARIABLES.json';
const connectionJson = JSON.stringify({ authentications: { acctAuth: { authType: 'Basic', url: 'https://example.com/token', username: 'u', password: '${password}' } } }, null, 2);
const callFile = (method, headers = {}) => JSON.stringify({ call: [{ name: 'call1', connection: 'acctAuth', url: 'https://example.com/users', httpMethod: method,
  httpHeaders: { Accept: 'application/json', ...headers }, httpContentType: 'application/json' }] }, null, 2);
/** A call file that reads AOB_CONNECTION_TEMPLATE_VARIABLES: its header holds an @NAME@ token. */
const tokenCall = callFile('POST', { 'X-Org': '@ORG_ID@' });
const aobJson = value => JSON.stringify(value === undefined ? {} : { '@ORG_ID@': value }, null, 2);

function folderWith(name, files) {
  const dir = path.join(tmp, name);
  fs.mkdirSync(dir, { recursive: true });
  for (const [file, text] of Object.entries(files)) fs.writeFileSync(path.join(dir, file), text);
  return dir;
}

const sleep = ms => new Promise(resolve => setTimeout(resolve, ms));
const publications = uri => client.notifications.filter(m => m.method === 'textDocument/publishDiagnostics' && m.params.uri === uri);
const counts = uris => Object.fromEntries(uris.map(uri => [path.basename(uri), publications(uri).length]));

/** Waits (with a timeout) for a publication for `uri` after the `since`-th one that satisfies `accept`. */
async function publishedAfter(uri, since, accept, what, timeoutMs = 10000) {
  const seen = publications(uri).slice(since).find(m => accept(m.params.diagnostics));
  if (seen) return seen.params.diagnostics;
  const message = await client.waitFor(m => m.method === 'textDocument/publishDiagnostics' && m.params.uri === uri && accept(m.params.diagnostics), timeoutMs)
    .catch(() => { throw new Error(`${what}: last published ${JSON.stringify(publications(uri).at(-1)?.params.diagnostics.map(d => [d.code, d.severity]))}`); });
  return message.params.diagnostics;
}

/** The @ORG_ID@ finding: a warning while App Onboarding does not map the token, information (naming the value) when it does. */
const token = diagnostics => diagnostics.find(d => d.code === 'unfilled-placeholder' && d.message.includes('@ORG_ID@'));
const unmapped = d => token(d)?.severity === 2;
const mappedTo = value => d => token(d)?.severity === 3 && token(d).message.includes(`"${value}"`);

test('an edit of an open attribute re-checks only the closed files that read it', async () => {
  const dir = folderWith('edit', {
    'ConnectionJSON.json': connectionJson, 'CreateAccountJSON.json': tokenCall, 'UpdateAccountJSON.json': callFile('PUT'), [AOB]: aobJson(),
  });
  const [connection, create, update, aob] = ['ConnectionJSON.json', 'CreateAccountJSON.json', 'UpdateAccountJSON.json', AOB].map(f => fileUri(path.join(dir, f)));
  client.open(aob, aobJson());
  // The first check of the folder publishes every closed file.
  await publishedAfter(create, 0, unmapped, 'the closed CreateAccountJSON (an unmapped token)');
  await publishedAfter(connection, 0, () => true, 'the closed ConnectionJSON');
  await publishedAfter(update, 0, () => true, 'the closed UpdateAccountJSON');
  await sleep(SETTLE_MS);
  const before = counts([connection, create, update]);

  client.notify('textDocument/didChange', { textDocument: { uri: aob, version: 2 }, contentChanges: [{ text: aobJson('acme') }] });
  await publishedAfter(create, before['CreateAccountJSON.json'], mappedTo('acme'), 'CreateAccountJSON after the edit mapped @ORG_ID@');
  await sleep(SETTLE_MS);
  const afterEdit = counts([connection, create, update]);
  assert.equal(afterEdit['ConnectionJSON.json'], before['ConnectionJSON.json'], 'ConnectionJSON does not read the edited attribute: not re-checked');
  assert.equal(afterEdit['UpdateAccountJSON.json'], before['UpdateAccountJSON.json'], 'UpdateAccountJSON does not read the edited attribute: not re-checked');
  assert.equal(afterEdit['CreateAccountJSON.json'], before['CreateAccountJSON.json'] + 1, 'CreateAccountJSON reads it: checked once');
  client.notify('textDocument/didClose', { textDocument: { uri: aob } });
  await publishedAfter(create, 0, d => d.length === 0, 'CreateAccountJSON withdrawn with the last open file');
});

test('a file added, changed or deleted on disk re-checks only itself and the closed files that read it; an open and a close re-check the file', async () => {
  const dir = folderWith('disk', {
    'ConnectionJSON.json': connectionJson, 'CreateAccountJSON.json': tokenCall, 'RemoveAccountJSON.json': callFile('DELETE'), 'UpdateAccountJSON.json': callFile('PUT'),
  });
  const [connection, create, remove, update, aob] = ['ConnectionJSON.json', 'CreateAccountJSON.json', 'RemoveAccountJSON.json', 'UpdateAccountJSON.json', AOB]
    .map(f => fileUri(path.join(dir, f)));
  const unrelated = [connection, remove];
  client.open(update, callFile('PUT'));
  await publishedAfter(create, 0, unmapped, 'the closed CreateAccountJSON (an unmapped token)');
  for (const uri of unrelated) await publishedAfter(uri, 0, () => true, `the closed ${path.basename(uri)}`);
  await sleep(SETTLE_MS);
  const settled = counts(unrelated);
  const assertUnrelatedUntouched = what => assert.deepEqual(counts(unrelated), settled, `${what}: ConnectionJSON and RemoveAccountJSON do not read it`);

  const step = async (what, change, accept, aobAccept) => {
    const createBefore = publications(create).length;
    const aobBefore = publications(aob).length;
    change();
    await publishedAfter(create, createBefore, accept, `CreateAccountJSON after ${what}`);
    await publishedAfter(aob, aobBefore, aobAccept, `${AOB} after ${what}`);
    await sleep(SETTLE_MS);
    assertUnrelatedUntouched(what);
  };
  const watched = type => client.notify('workspace/didChangeWatchedFiles', { changes: [{ uri: aob, type }] });
  await step('the AOB file was added', () => { fs.writeFileSync(path.join(dir, AOB), aobJson('acme')); watched(1); }, mappedTo('acme'), () => true);
  await step('the AOB file changed', () => { fs.writeFileSync(path.join(dir, AOB), aobJson('beta')); watched(2); }, mappedTo('beta'), () => true);
  await step('the AOB file was deleted', () => { fs.rmSync(path.join(dir, AOB)); watched(3); }, unmapped, d => d.length === 0);

  // Opening a closed file that no other file reads: its editor publishes it; no closed file is re-checked.
  const createBefore = publications(create).length;
  client.open(create, tokenCall);
  await client.waitForDiagnostics(create, 1);
  await sleep(SETTLE_MS);
  assertUnrelatedUntouched('CreateAccountJSON was opened');
  // Closing it: it is checked from disk again (findings without a version), still nothing else.
  client.notify('textDocument/didClose', { textDocument: { uri: create } });
  await publishedAfter(create, createBefore + 1, unmapped, 'CreateAccountJSON checked from disk after its close');
  await sleep(SETTLE_MS);
  assertUnrelatedUntouched('CreateAccountJSON was closed');
  assert.equal(publications(create).at(-1).params.version, undefined);
  client.notify('textDocument/didClose', { textDocument: { uri: update } });
});

test('a settings change re-checks the closed files of a shown folder too', async () => {
  const dir = folderWith('settings', { 'ConnectionJSON.json': connectionJson, 'CreateAccountJSON.json': tokenCall, 'UpdateAccountJSON.json': callFile('PUT') });
  const [create, update] = ['CreateAccountJSON.json', 'UpdateAccountJSON.json'].map(f => fileUri(path.join(dir, f)));
  client.open(update, callFile('PUT'));
  await publishedAfter(create, 0, unmapped, 'the closed CreateAccountJSON');
  const configure = enable => client.notify('workspace/didChangeConfiguration', { settings: { saviyntRest: { validation: { enable, debounceMs: DEBOUNCE_MS } } } });
  let since = publications(create).length;
  configure(false);
  await publishedAfter(create, since, d => d.length === 0, 'the closed CreateAccountJSON with validation disabled');
  since = publications(create).length;
  configure(true);
  await publishedAfter(create, since, unmapped, 'the closed CreateAccountJSON with validation enabled again');
  client.notify('textDocument/didClose', { textDocument: { uri: update } });
});
