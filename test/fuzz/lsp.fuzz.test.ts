/**
 * Fuzzing the bundled language server over LSP: generated documents are opened and edited, and
 * completion, hover, formatting (with any options), range formatting, code actions, symbols,
 * definitions and code lenses are asked for. Every request must answer within the budget, the
 * server must stay up with bounded memory, and no handler or rule may fail (the server logs such
 * failures, so the log is watched too).
 */
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import fc from 'fast-check';
// @ts-expect-error the protocol tests' client is plain JavaScript
import { LspClient, fileUri, SERVER } from '../protocol/lspClient.mjs';
import { documentText, formattingOptions, namedDocument, parameters, position, runs } from './generators';

const BUDGET_MS = 8000;
/** The server's resident memory must stay below this (it is ~100 MB idle). */
const MAX_RSS_BYTES = 1.5 * 1024 ** 3;

let client: any;
let tmp: string;
let count = 0;

before(async () => {
  assert.ok(fs.existsSync(SERVER), 'dist/server.js must be built first (npm run build)');
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'saviynt-fuzz-lsp-'));
  client = new LspClient();
  await client.initialize(fileUri(tmp));
});

after(async () => {
  await client?.shutdown();
  fs.rmSync(tmp, { recursive: true, force: true });
});

function rssBytes(): number {
  try {
    const status = fs.readFileSync(`/proc/${client.proc.pid}/status`, 'utf8');
    return Number(/VmRSS:\s+(\d+) kB/.exec(status)?.[1] ?? 0) * 1024;
  } catch {
    return 0; // no /proc (not Linux): memory is not measured
  }
}

/** Log lines that mean a handler or a rule threw. */
function failures(): string[] {
  return client.notifications
    .filter((n: any) => n.method === 'window/logMessage' && / failed(:| on )/.test(n.params.message))
    .map((n: any) => n.params.message.split('\n')[0]);
}

async function ask(method: string, params: unknown): Promise<unknown> {
  const started = Date.now();
  try {
    return await client.request(method, params, BUDGET_MS);
  } catch (error) {
    if ((error as { code?: number }).code === -32800) return null; // cancelled: an answer
    throw new Error(`${method} got no answer within ${BUDGET_MS} ms (${Date.now() - started} ms): ${(error as Error).message}`);
  }
}

/** Keeps the failing document for reproduction and names it in the failure. */
function keep(name: string, text: string): string {
  const file = path.join(os.tmpdir(), `saviynt-fuzz-failure-${process.pid}-${count}-${name}`);
  fs.writeFileSync(file, text);
  return file;
}

test('the language server answers every request on generated documents, within the budget', async () => {
  await fc.assert(fc.asyncProperty(namedDocument, fc.array(documentText, { maxLength: 2 }), position, formattingOptions,
    async ({ name, text }, edits, at, options) => {
      const n = count++;
      // A few documents share a folder, so cross-file features see siblings.
      const uri = fileUri(path.join(tmp, `c${Math.floor(n / 4)}`, name));
      const doc = { uri };
      try {
        const diagnostics = client.waitForDiagnostics(uri, 1, BUDGET_MS * 2).catch(() => []);
        client.open(uri, text, 1);
        await ask('textDocument/completion', { textDocument: doc, position: at });
        await ask('textDocument/hover', { textDocument: doc, position: at });
        let version = 1;
        for (const next of edits) client.notify('textDocument/didChange', { textDocument: { uri, version: ++version }, contentChanges: [{ text: next }] });
        await ask('textDocument/formatting', { textDocument: doc, options });
        await ask('textDocument/rangeFormatting', { textDocument: doc, range: { start: { line: 0, character: 0 }, end: at }, options });
        await ask('textDocument/documentSymbol', { textDocument: doc });
        await ask('textDocument/definition', { textDocument: doc, position: at });
        await ask('textDocument/codeLens', { textDocument: doc });
        const seen = edits.length ? [] : await diagnostics;
        await ask('textDocument/codeAction', { textDocument: doc, range: { start: { line: 0, character: 0 }, end: at }, context: { diagnostics: seen } });
        await ask('textDocument/completion', { textDocument: doc, position: { line: 0, character: 1 } });
        client.notify('textDocument/didClose', { textDocument: doc });
      } catch (error) {
        throw new Error(`${(error as Error).message} (document kept in ${keep(name, text)})`);
      }
      assert.equal(client.proc.exitCode, null, `the server exited (document kept in ${keep(name, text)})`);
      assert.deepEqual(failures(), [], `a handler or rule failed (document kept in ${keep(name, text)})`);
      if (n % 25 === 0) assert.ok(rssBytes() < MAX_RSS_BYTES, `the server uses ${Math.round(rssBytes() / 2 ** 20)} MB (document kept in ${keep(name, text)})`);
    }), parameters(runs(600)));
  assert.ok(rssBytes() < MAX_RSS_BYTES, `the server uses ${Math.round(rssBytes() / 2 ** 20)} MB at the end`);
});
