// The language server's code cache (server/src/node/codeCache.ts) over real starts of
// dist/server.js: the first start writes it, the next one uses it (V8 accepts it, so it is not
// written again), and a cache that is damaged or in a directory others can write is never a
// reason for the server not to answer.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { LspClient, fileUri, SERVER } from './lspClient.mjs';

let tmp;
before(() => {
  assert.ok(fs.existsSync(SERVER), 'dist/server.js must be built first (npm run build)');
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'saviynt-code-cache-'));
});
after(() => fs.rmSync(tmp, { recursive: true, force: true }));

const BROKEN = '{\n  "accountParams": {\n    "connection": "acctAuth",\n  }\n}\n';

/** Starts a server with the cache in `dir`, checks one document, shuts it down; returns the findings' codes. */
async function startAndCheck(dir) {
  const client = new LspClient({ env: { ...process.env, SAVIYNT_REST_CODE_CACHE: dir } });
  try {
    await client.initialize(fileUri(tmp));
    const uri = fileUri(path.join(tmp, 'conn', 'ImportAccountEntJSON.json'));
    const published = client.waitForDiagnostics(uri);
    client.open(uri, BROKEN, 1);
    const diagnostics = await published;
    return diagnostics.map(d => d.code);
  } finally {
    await client.shutdown();
  }
}

const cacheFiles = dir => fs.readdirSync(dir).filter(name => name.endsWith('.bin'));

test('the first start writes the cache, the second uses it without writing it again', async () => {
  const dir = path.join(tmp, 'cache');
  const first = await startAndCheck(dir);
  assert.ok(first.length > 0, 'the trailing comma is reported');
  const files = cacheFiles(dir);
  assert.equal(files.length, 1, `one cache file after the first start: ${files}`);
  const file = path.join(dir, files[0]);
  assert.ok(fs.statSync(file).size > 100_000, 'the cache holds the compiled server');
  if (process.platform !== 'win32') {
    assert.equal(fs.statSync(dir).mode & 0o777, 0o700, 'the directory is the user\'s alone');
    assert.equal(fs.statSync(file).mode & 0o777, 0o600);
  }
  const written = fs.statSync(file).mtimeMs;
  const second = await startAndCheck(dir);
  assert.deepEqual(second, first, 'the cached server reports the same');
  assert.equal(fs.statSync(file).mtimeMs, written, 'V8 accepted the cache: it was not written again');
  assert.deepEqual(cacheFiles(dir), files);
  assert.deepEqual(fs.readdirSync(dir).filter(n => n.endsWith('.tmp')), [], 'no partial file is left');
});

test('a damaged cache is replaced and the server still answers', async () => {
  const dir = path.join(tmp, 'damaged');
  const codes = await startAndCheck(dir);
  const file = path.join(dir, cacheFiles(dir)[0]);
  fs.writeFileSync(file, Buffer.from('not a code cache at all'.repeat(100)));
  assert.deepEqual(await startAndCheck(dir), codes);
  assert.ok(fs.statSync(file).size > 100_000, 'the rejected cache was written anew');
});

test('a directory others can write to is not used', { skip: process.platform === 'win32' && 'POSIX permissions' }, async () => {
  const dir = path.join(tmp, 'shared');
  fs.mkdirSync(dir, { mode: 0o777 });
  fs.chmodSync(dir, 0o777);
  const codes = await startAndCheck(dir);
  assert.ok(codes.length > 0);
  assert.deepEqual(fs.readdirSync(dir), [], 'nothing was written to a world-writable directory');
});

test('SAVIYNT_REST_CODE_CACHE=off writes no cache anywhere', async () => {
  const before = fs.readdirSync(tmp).sort();
  assert.ok((await startAndCheck('off')).length > 0);
  assert.deepEqual(fs.readdirSync(tmp).filter(n => n !== 'conn').sort(), before.filter(n => n !== 'conn'));
  assert.ok(!fs.existsSync(path.join(process.cwd(), 'off')), 'no directory named "off" was created');
});
