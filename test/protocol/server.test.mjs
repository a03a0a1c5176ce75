// Protocol tests: the bundled dist/server.js spoken to over LSP on stdio.
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
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'saviynt-proto-'));
  client = new LspClient();
  const init = await client.initialize(fileUri(tmp));
  assert.ok(init.capabilities.completionProvider, 'completion advertised');
  assert.equal(init.capabilities.hoverProvider, true);
});

after(async () => {
  await client?.shutdown();
  fs.rmSync(tmp, { recursive: true, force: true });
});

function docIn(folder, name, text) {
  const dir = path.join(tmp, folder);
  fs.mkdirSync(dir, { recursive: true });
  const file = path.join(dir, name);
  fs.writeFileSync(file, text);
  return fileUri(file);
}

test('didOpen publishes a syntax diagnostic at the exact position, for that version', async () => {
  const text = '{\n  "call": [\n    { "name": "call1", }\n  ]\n}';
  const uri = docIn('syntax', 'CreateAccountJSON.json', text);
  const wait = client.waitForDiagnostics(uri, 1);
  client.open(uri, text, 1);
  const diagnostics = await wait;
  const comma = diagnostics.find(d => d.code === 'json-trailing-comma');
  assert.ok(comma, JSON.stringify(diagnostics));
  assert.deepEqual(comma.range.start, positionOf(text, text.indexOf('",') + 1));
  assert.equal(comma.severity, 1);
  assert.equal(comma.source, 'saviynt-rest');
});

test('a newly opened document is checked at once; edits wait for the debounce', async () => {
  // A server of its own with a long debounce, so that "at once" and "after the debounce" differ clearly.
  const own = new LspClient();
  try {
    await own.initialize(fileUri(tmp), { settings: { validation: { debounceMs: 3000 } } });
    const text = '{"call":[{"name":"call1",}]}';
    const uri = docIn('debounce', 'CreateAccountJSON.json', text);
    const opened = own.waitForDiagnostics(uri, 1, 10000);
    const openedAt = performance.now();
    own.open(uri, text, 1);
    assert.ok((await opened).some(d => d.code === 'json-trailing-comma'));
    const openMs = performance.now() - openedAt;
    assert.ok(openMs < 2000, `the first check of an opened document took ${Math.round(openMs)} ms (debounce 3000 ms)`);
    const changed = own.waitForDiagnostics(uri, 2, 10000);
    const changedAt = performance.now();
    own.notify('textDocument/didChange', { textDocument: { uri, version: 2 }, contentChanges: [{ text: '{"call":[]}' }] });
    await changed;
    const changeMs = performance.now() - changedAt;
    assert.ok(changeMs >= 2900, `an edit was checked after ${Math.round(changeMs)} ms, before the 3000 ms debounce`);
  } finally {
    await own.shutdown();
  }
});

test('with the default settings a document above 3 MiB is not parsed: a note says so, other requests answer at once', async () => {
  const own = new LspClient();
  try {
    await own.initialize(fileUri(tmp), {});
    const smallText = '{"call":[{"name":"call1","httpMethod":"POST"}]}';
    const small = docIn('limit-small', 'CreateAccountJSON.json', smallText);
    const smallChecked = own.waitForDiagnostics(small, 1);
    own.open(small, smallText, 1);
    await smallChecked;
    // 3.2 MB of calls: valid JSON, just large.
    const call = JSON.stringify({ name: 'c', connection: 'acctAuth', url: 'https://api.intercom.io/contacts', httpMethod: 'POST', httpParams: '{}', httpContentType: 'application/json' });
    const bigText = `{"call":[${Array.from({ length: Math.ceil(3.2e6 / (call.length + 1)) }, () => call).join(',')}]}`;
    assert.ok(bigText.length > 3 * 1024 * 1024);
    const big = docIn('limit-big', 'CreateAccountJSON.json', '{}');
    const bigChecked = own.waitForDiagnostics(big, 1, 20000);
    own.open(big, bigText, 1);
    const started = performance.now();
    const hover = await own.request('textDocument/hover', { textDocument: { uri: small }, position: positionOf(smallText, smallText.indexOf('httpMethod') + 2) });
    const hoverMs = performance.now() - started;
    assert.ok(hover, 'the hover on the small document is answered');
    assert.ok(hoverMs < 1000, `hover took ${Math.round(hoverMs)} ms`);
    const notes = await bigChecked;
    assert.equal(notes.length, 1, JSON.stringify(notes));
    assert.equal(notes[0].code, 'document-too-large');
    assert.equal(notes[0].severity, 3);
    assert.match(notes[0].message, /3,145,728/);
    assert.match(notes[0].message, /saviyntRest\.validation\.maxDocumentSize/);
  } finally {
    await own.shutdown();
  }
});

test('didChange re-validates: fixing the mistake clears the diagnostic', async () => {
  const text = '{"call":[{"name":"call1",}]}';
  const uri = docIn('change', 'CreateAccountJSON.json', text);
  const first = client.waitForDiagnostics(uri, 1);
  client.open(uri, text, 1);
  assert.ok((await first).some(d => d.code === 'json-trailing-comma'));
  const second = client.waitForDiagnostics(uri, 2);
  const commaAt = text.indexOf('",') + 1;
  client.notify('textDocument/didChange', {
    textDocument: { uri, version: 2 },
    contentChanges: [{ range: { start: positionOf(text, commaAt), end: positionOf(text, commaAt + 1) }, text: '' }],
  });
  const after = await second;
  assert.equal(after.filter(d => d.code === 'json-trailing-comma').length, 0, JSON.stringify(after));
});

test('quick fix for a trailing comma removes it', async () => {
  const text = '{"call":[{"name":"call1",}]}';
  const uri = docIn('fix', 'CreateAccountJSON.json', text);
  const wait = client.waitForDiagnostics(uri, 1);
  client.open(uri, text, 1);
  const diagnostics = await wait;
  const comma = diagnostics.find(d => d.code === 'json-trailing-comma');
  const actions = await client.request('textDocument/codeAction', { textDocument: { uri }, range: comma.range, context: { diagnostics: [comma] } });
  assert.equal(actions.length, 1);
  const edit = actions[0].edit.changes[uri][0];
  assert.equal(edit.newText, '');
  assert.deepEqual(edit.range, comma.range);
});

test('unknown key is a warning with a did-you-mean', async () => {
  const text = '{"call":[{"name":"call1","connection":"acctAuth","url":"https://api.intercom.io/contacts","httpMethd":"POST"}]}';
  const uri = docIn('unknown', 'CreateAccountJSON.json', text);
  const wait = client.waitForDiagnostics(uri, 1);
  client.open(uri, text, 1);
  const diagnostics = await wait;
  const unknown = diagnostics.find(d => d.code === 'unknown-key');
  assert.ok(unknown, JSON.stringify(diagnostics));
  assert.equal(unknown.severity, 2);
  assert.match(unknown.message, /did you mean `httpMethod`/);
  assert.deepEqual(unknown.range.start, positionOf(text, text.indexOf('"httpMethd"')));
});

test('completion offers the keys of a provisioning call', async () => {
  const text = '{"call":[{"name":"call1", "" }]}';
  const uri = docIn('complete', 'CreateAccountJSON.json', text);
  client.open(uri, text, 1);
  const offset = text.indexOf('""') + 1;
  const list = await client.request('textDocument/completion', { textDocument: { uri }, position: positionOf(text, offset) });
  const labels = (list.items ?? list).map(i => i.label);
  for (const key of ['httpMethod', 'url', 'httpHeaders', 'successResponses']) assert.ok(labels.includes(key), `${key} in ${labels}`);
});

test('hover on a key explains it', async () => {
  const text = '{"call":[{"name":"call1","httpMethod":"POST"}]}';
  const uri = docIn('hover', 'CreateAccountJSON.json', text);
  client.open(uri, text, 1);
  const hover = await client.request('textDocument/hover', { textDocument: { uri }, position: positionOf(text, text.indexOf('httpMethod') + 2) });
  assert.ok(hover, 'a hover result');
  const value = typeof hover.contents === 'string' ? hover.contents : hover.contents.value ?? JSON.stringify(hover.contents);
  assert.ok(value.length > 20, value);
});

test('document symbols name calls by their name', async () => {
  const text = '{"call":[{"name":"createContact","httpMethod":"POST","url":"https://api.intercom.io/contacts"}]}';
  const uri = docIn('symbols', 'CreateAccountJSON.json', text);
  client.open(uri, text, 1);
  const symbols = await client.request('textDocument/documentSymbol', { textDocument: { uri } });
  const names = JSON.stringify(symbols);
  assert.match(names, /createContact \(POST\)/);
});

test('formatting returns edits that indent the document', async () => {
  const text = '{"call":[{"name":"call1"}]}';
  const uri = docIn('format', 'CreateAccountJSON.json', text);
  client.open(uri, text, 1);
  const edits = await client.request('textDocument/formatting', { textDocument: { uri }, options: { tabSize: 2, insertSpaces: true } });
  assert.ok(edits.length > 0);
  assert.ok(edits.some(e => /\n {2}/.test(e.newText)), JSON.stringify(edits));
});

test('the server survives garbage and keeps answering', async () => {
  const garbage = ['', '{', '}}}}', '{"call": [{"name": "\\u12', '\u0000\u0001\ud800', '[' .repeat(5000), '{"a":' + '"x'.repeat(1000)];
  let version = 1;
  const uri = docIn('garbage', 'ImportAccountEntJSON.json', '{}');
  client.open(uri, '{}', version);
  for (const text of garbage) {
    version++;
    client.notify('textDocument/didChange', { textDocument: { uri, version }, contentChanges: [{ text }] });
    await client.request('textDocument/completion', { textDocument: { uri }, position: { line: 0, character: Math.min(3, text.length) } });
    await client.request('textDocument/hover', { textDocument: { uri }, position: { line: 0, character: 1 } });
  }
  const final = client.waitForDiagnostics(uri, version + 1);
  client.notify('textDocument/didChange', { textDocument: { uri, version: version + 1 }, contentChanges: [{ text: '{"accountParams": {}}' }] });
  assert.ok(Array.isArray(await final));
  assert.equal(client.proc.exitCode, null, 'server still running');
});

test('a cancelled request answers with RequestCancelled or a result, never hangs', async () => {
  const text = '{"call":[{"name":"call1", "" }]}';
  const uri = docIn('cancel', 'CreateAccountJSON.json', text);
  client.open(uri, text, 1);
  const id = client.nextId;
  const pending = client.request('textDocument/completion', { textDocument: { uri }, position: positionOf(text, text.indexOf('""') + 1) });
  client.notify('$/cancelRequest', { id });
  try {
    await pending;
  } catch (error) {
    assert.equal(error.code, -32800);
  }
});
