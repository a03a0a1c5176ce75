// Mutated real corpus files never crash the bundled CLI or the language server.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { spawnSync } from 'node:child_process';
import { LspClient, fileUri, ROOT } from './lspClient.mjs';

const CORPUS = path.resolve(ROOT, '..', 'shared', 'saviynt-corpus', 'connections');
const HAS_CORPUS = fs.existsSync(CORPUS);
const SKIP = !HAS_CORPUS && '../shared/saviynt-corpus is absent: skipped';

function prng(seed) {
  return () => {
    seed |= 0; seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function corpusFiles() {
  const out = [];
  for (const app of fs.readdirSync(CORPUS).sort()) for (const f of fs.readdirSync(path.join(CORPUS, app)).sort()) out.push(path.join(CORPUS, app, f));
  return out;
}

function mutate(text, rnd) {
  const i = Math.floor(rnd() * (text.length + 1));
  switch (Math.floor(rnd() * 6)) {
    case 0: return text.slice(0, i);
    case 1: return text.slice(0, i) + text.slice(i + 1);
    case 2: return text.replace(/"/, '');
    case 3: return text.slice(0, i) + '"' + 'A${x'.repeat(3000) + text.slice(i);
    case 4: return text.slice(0, i) + '{['.repeat(300) + text.slice(i);
    default: return text.slice(0, i) + String.fromCharCode(Math.floor(rnd() * 65535)) + text.slice(i);
  }
}

test('the CLI checks 150 mutated files without crashing', { skip: SKIP, timeout: 120_000 }, () => {
  const rnd = prng(7);
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'saviynt-fuzz-cli-'));
  try {
    const files = corpusFiles();
    for (let n = 0; n < 150; n++) {
      const source = files[Math.floor(rnd() * files.length)];
      const dir = path.join(tmp, `c${n % 30}`);
      fs.mkdirSync(dir, { recursive: true });
      fs.writeFileSync(path.join(dir, path.basename(source)), mutate(fs.readFileSync(source, 'utf8'), rnd));
    }
    const result = spawnSync(process.execPath, [path.join(ROOT, 'dist', 'cli.js'), 'check', tmp, '--format', 'json'], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
    assert.ok(result.status === 0 || result.status === 1, `exit ${result.status}: ${result.stderr.slice(0, 2000)}`);
    assert.doesNotMatch(result.stderr, /\n\s+at .+:\d+:\d+/, 'no stack trace');
    const findings = JSON.parse(result.stdout);
    assert.ok(Array.isArray(findings) && findings.length > 0);
  } finally {
    fs.rmSync(tmp, { recursive: true, force: true });
  }
});

test('the language server survives 300 mutated documents and keeps answering', { skip: SKIP, timeout: 120_000 }, async () => {
  const rnd = prng(11);
  const client = new LspClient();
  try {
    await client.initialize();
    const files = corpusFiles();
    for (let n = 0; n < 300; n++) {
      const source = files[Math.floor(rnd() * files.length)];
      const uri = fileUri(path.join(os.tmpdir(), 'fuzz', `c${n}`, path.basename(source)));
      const text = mutate(fs.readFileSync(source, 'utf8'), rnd);
      client.open(uri, text, 1);
      const position = { line: Math.floor(rnd() * 20), character: Math.floor(rnd() * 40) };
      await client.request('textDocument/completion', { textDocument: { uri }, position });
      await client.request('textDocument/hover', { textDocument: { uri }, position });
      client.notify('textDocument/didClose', { textDocument: { uri } });
    }
    const symbols = await client.request('textDocument/documentSymbol', { textDocument: { uri: 'file:///nowhere/ImportAccountEntJSON.json' } });
    assert.deepEqual(symbols, []);
    assert.equal(client.proc.exitCode, null, 'server still running');
  } finally {
    await client.shutdown();
  }
});
