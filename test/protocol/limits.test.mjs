// Hostile documents over LSP: every request answers within a budget, and the server keeps
// answering other requests meanwhile (formatting limits, the `${` storm, many bindings).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { LspClient, fileUri, SERVER } from './lspClient.mjs';

/** Generous for a loaded 2-core CI machine; the failures this guards against took 12 s to forever. */
const BUDGET_MS = 8000;

let client;
let tmp;

before(async () => {
  assert.ok(fs.existsSync(SERVER), 'dist/server.js must be built first (npm run build)');
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'saviynt-limits-'));
  client = new LspClient();
  await client.initialize(fileUri(tmp));
});

after(async () => {
  await client?.shutdown();
  fs.rmSync(tmp, { recursive: true, force: true });
});

let counter = 0;
function open(name, text) {
  const uri = fileUri(path.join(tmp, `d${counter++}`, name));
  client.open(uri, text, 1);
  return uri;
}

/** Resolves with [result, ms]; rejects when the request takes longer than the budget. */
async function within(method, params, budget = BUDGET_MS) {
  const started = Date.now();
  const result = await client.request(method, params, budget);
  return [result, Date.now() - started];
}

/** A request to another document answers quickly while `pending` runs. */
async function othersKeepAnswering(pending) {
  const uri = open('CreateAccountJSON.json', '{"call":[{"name":"call1","url":"https://api.intercom.io/contacts"}]}');
  const [, ms] = await within('textDocument/hover', { textDocument: { uri }, position: { line: 0, character: 12 } });
  await pending;
  return ms;
}

function formatting(uri, options) {
  return within('textDocument/formatting', { textDocument: { uri }, options });
}

test('formatting a 20 KB document nested 10,000 deep is declined within the budget, with a message', async () => {
  const text = '{"a":' + '['.repeat(10_000) + ']'.repeat(10_000) + '}';
  const uri = open('ImportAccountEntJSON.json', text);
  const message = client.waitFor(m => m.method === 'window/showMessage' && /Not formatted/.test(m.params.message), BUDGET_MS);
  const pending = formatting(uri, { tabSize: 2, insertSpaces: true });
  await othersKeepAnswering(pending);
  const [edits] = await pending;
  assert.deepEqual(edits, []);
  assert.match((await message).params.message, /10,001 levels deep/);
});

test('tabSize 1e9 is clamped: the answer is small and quick', async () => {
  const uri = open('ImportAccountEntJSON.json', '{"a":{"b":[1,2,{"c":3}]}}');
  const pending = formatting(uri, { tabSize: 1e9, insertSpaces: true });
  await othersKeepAnswering(pending);
  const [edits] = await pending;
  assert.ok(edits.length > 0);
  const longest = Math.max(...edits.map(e => e.newText.length));
  assert.ok(longest <= 1 + 8 * 4, `an edit of ${longest} characters`);
});

test('a ~0.9 MB document is formatted within the budget into a bounded answer', async () => {
  const parts = [];
  for (let n = 0, len = 0; len < 900_000; n++) { const p = `"k${n}":{"a":[1,2,3],"b":"v"}`; parts.push(p); len += p.length + 1; }
  const text = '{' + parts.join(',') + '}';
  // Its check (one long schema step at open) is not what this measures: wait for it first.
  const uri = fileUri(path.join(tmp, `d${counter++}`, 'ImportAccountEntJSON.json'));
  const checked = client.waitForDiagnostics(uri, 1, BUDGET_MS * 2);
  client.open(uri, text, 1);
  await checked;
  const pending = formatting(uri, { tabSize: 2, insertSpaces: true });
  await othersKeepAnswering(pending);
  const [edits, ms] = await pending;
  assert.equal(edits.length, 1, 'one edit instead of hundreds of thousands');
  assert.ok(edits[0].newText.length < 3 * text.length);
  assert.ok(ms < BUDGET_MS, `${ms} ms`);
});

test('range formatting respects the document-size limit', async () => {
  const small = new LspClient();
  try {
    await small.initialize(fileUri(tmp), { settings: { validation: { debounceMs: 20, maxDocumentSize: 2048 } } });
    const uri = fileUri(path.join(tmp, 'sized', 'ImportAccountEntJSON.json'));
    small.open(uri, JSON.stringify({ a: 'x'.repeat(5000), b: [1, 2] }), 1);
    const edits = await small.request('textDocument/rangeFormatting', {
      textDocument: { uri }, range: { start: { line: 0, character: 0 }, end: { line: 0, character: 5100 } }, options: { tabSize: 2, insertSpaces: true },
    }, BUDGET_MS);
    assert.deepEqual(edits, []);
    const note = small.notifications.find(m => m.method === 'window/showMessage');
    assert.match(note?.params.message ?? '', /maxDocumentSize/);
  } finally {
    await small.shutdown();
  }
});

/** Opens a document and waits for its diagnostics, asking for hovers elsewhere meanwhile. */
async function diagnosticsWhileOthersAnswer(name, text) {
  const uri = fileUri(path.join(tmp, `d${counter++}`, name));
  const started = Date.now();
  const diagnostics = client.waitForDiagnostics(uri, 1, BUDGET_MS * 2);
  client.open(uri, text, 1);
  const hoverMs = await othersKeepAnswering(Promise.resolve());
  const list = await diagnostics;
  return { uri, list, ms: Date.now() - started, hoverMs };
}

test('a 100 KB value of 50,000 `${`: capped diagnostics within the budget, a final one says how many were left out', async () => {
  const text = JSON.stringify({ accountParams: { call: { call1: { http: { url: '${'.repeat(50_000) } } } } });
  const { list, ms, hoverMs } = await diagnosticsWhileOthersAnswer('ImportAccountEntJSON.json', text);
  assert.equal(list.filter(d => d.code === 'binding-unclosed').length, 100);
  const capped = list.find(d => d.code === 'findings-capped');
  assert.match(capped?.message ?? '', /49,900 more findings are not shown/);
  assert.equal(capped.severity, 1, 'an error: errors were left out');
  assert.ok(ms < BUDGET_MS * 2, `${ms} ms`);
  assert.ok(hoverMs < BUDGET_MS, `hover waited ${hoverMs} ms`);
});

test('a 1 MB value of `${`: diagnostics within the budget, the rest counted as not checked', async () => {
  const text = JSON.stringify({ accountParams: { call: { call1: { http: { url: '${'.repeat(500_000) } } } } });
  const { uri, list, ms, hoverMs } = await diagnosticsWhileOthersAnswer('ImportAccountEntJSON.json', text);
  assert.ok(list.length <= 1001, `${list.length} diagnostics`);
  assert.match(list.find(d => d.code === 'findings-capped')?.message ?? '', /more `\$\{…\}` bindings were not checked/);
  assert.ok(ms < BUDGET_MS * 2, `${ms} ms`);
  assert.ok(hoverMs < BUDGET_MS, `hover waited ${hoverMs} ms`);
  const [, completionMs] = await within('textDocument/completion', { textDocument: { uri }, position: { line: 0, character: 500_000 } });
  assert.ok(completionMs < BUDGET_MS, `completion inside the storm took ${completionMs} ms`);
});

test('5,000 bindings in a 92 KB file: requests keep answering while it is checked', async () => {
  const o = {};
  for (let i = 0; i < 5000; i++) o[`k${i}`] = `\${usr.e${i}}`;
  const text = JSON.stringify({ call: [{ name: 'c', connection: 'acctAuth', url: 'https://api.intercom.io/contacts', httpMethod: 'POST', httpParams: o }] });
  assert.ok(text.length > 80_000 && text.length < 120_000, String(text.length));
  const { uri, list, ms, hoverMs } = await diagnosticsWhileOthersAnswer('CreateAccountJSON.json', text);
  assert.ok(list.length <= 1001);
  assert.ok(ms < BUDGET_MS * 2, `${ms} ms`);
  assert.ok(hoverMs < BUDGET_MS, `hover waited ${hoverMs} ms`);
  for (const method of ['textDocument/hover', 'textDocument/completion']) {
    const [, took] = await within(method, { textDocument: { uri }, position: { line: 0, character: 2000 } });
    assert.ok(took < BUDGET_MS, `${method} took ${took} ms`);
  }
});
