// npm run test:browser: the language server's browser bundle (dist/browser/server.js) in a Web
// Worker in headless Chromium (playwright-core driving Debian's chromium), spoken to over LSP.
// The page comes from a local http server; every other request of the page is refused (no
// internet). Checks real answers on the example connection (examples/intercom-teammates):
// diagnostics with a seeded mistake, a quick fix, completion, hover, symbols, formatting; and
// that the build's Node built-in guard fails on a bundle that has one.
// Prints `browser: N passed, M failed` and exits non-zero on any failure.
import * as fs from 'node:fs';
import * as http from 'node:http';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import * as esbuild from 'esbuild';
import { chromium } from 'playwright-core';
import { nodeBuiltinsIn } from '../../scripts/node-builtins.mjs';
import { WorkerLsp, positionOf } from './workerLsp.mjs';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const BUNDLE = path.join(ROOT, 'dist', 'browser', 'server.js');
const CLIENT = path.join(ROOT, 'dist', 'browser', 'client.js');
const CHROMIUM = process.env.CHROMIUM ?? '/usr/bin/chromium';
const EXAMPLE = path.join(ROOT, 'examples', 'intercom-teammates');
const FOLDER_URI = 'file:///workspace/intercom-teammates';
const CLOSED_URI = 'file:///workspace/closed';

const PAGE = `<!doctype html><meta charset="utf-8"><title>browser server test</title><script>
  const worker = new Worker('/server.js');
  worker.onmessage = event => window.toNode(event.data);
  worker.onerror = event => window.workerError(event.message || 'worker error');
  window.toWorker = message => worker.postMessage(message);
</script>`;

const results = [];
async function check(name, body) {
  const started = Date.now();
  try {
    await body();
    results.push({ name, ok: true });
    console.log(`  ok    ${name} (${Date.now() - started} ms)`);
  } catch (error) {
    results.push({ name, ok: false });
    console.log(`  FAIL  ${name}: ${error instanceof Error ? error.message : String(error)}`);
  }
}
function assert(condition, message) {
  if (!condition) throw new Error(message);
}

function serve() {
  const server = http.createServer((req, res) => {
    if (req.url === '/blank') { res.writeHead(200, { 'content-type': 'text/html' }); res.end('<!doctype html><title>client</title>'); return; }
    if (req.url === '/') { res.writeHead(200, { 'content-type': 'text/html' }); res.end(PAGE); return; }
    if (req.url === '/vscode-stub.js') { res.writeHead(200, { 'content-type': 'text/javascript' }); fs.createReadStream(path.join(ROOT, 'test', 'browser', 'vscodeStub.js')).pipe(res); return; }
    if (req.url === '/client.js') { res.writeHead(200, { 'content-type': 'text/javascript' }); fs.createReadStream(CLIENT).pipe(res); return; }
    if (req.url === '/dist/browser/server.js' || req.url === '/server.js') { res.writeHead(200, { 'content-type': 'text/javascript' }); fs.createReadStream(BUNDLE).pipe(res); return; }
    res.writeHead(404); res.end();
  });
  return new Promise(resolve => server.listen(0, '127.0.0.1', () => resolve(server)));
}

const read = name => fs.readFileSync(path.join(EXAMPLE, name), 'utf8');
const uriOf = name => `${FOLDER_URI}/${name}`;

async function main() {
  if (!fs.existsSync(BUNDLE)) throw new Error(`${BUNDLE} is missing: run npm run build first`);
  if (!fs.existsSync(CHROMIUM)) throw new Error(`${CHROMIUM} is missing: bash e2e/setup.sh --chromium installs it`);
  const server = await serve();
  const origin = `http://127.0.0.1:${server.address().port}`;
  const browser = await chromium.launch({
    executablePath: CHROMIUM, headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--disable-dev-shm-usage'],
  });
  try {
    const page = await browser.newPage();
    await page.route('**/*', route => (route.request().url().startsWith(origin) ? route.continue() : route.abort()));
    const lsp = new WorkerLsp(page);
    const workerErrors = [];
    await page.exposeFunction('toNode', message => lsp.receive(message));
    await page.exposeFunction('workerError', message => { workerErrors.push(message); });
    await page.goto(`${origin}/`);
    // The browser client's part: the files of a folder, as it reads them with vscode.workspace.fs.
    // file:///workspace/intercom-teammates and file:///workspace/closed hold the example; others nothing.
    lsp.handlers.set('saviyntRest/readFolder', ({ uri }) => {
      if (uri !== FOLDER_URI && uri !== CLOSED_URI) return { files: [] };
      const files = fs.readdirSync(EXAMPLE).filter(n => n.endsWith('.json') && n !== 'connection.meta.json')
        .map(n => ({ uri: `${uri}/${n}`, text: read(n) }));
      return { name: JSON.parse(read('connection.meta.json')).connectionname, files };
    });

    await check('initialize: the worker answers with the editor features', async () => {
      const result = await lsp.request('initialize', { processId: null, rootUri: FOLDER_URI, capabilities: { workspace: { configuration: true } }, initializationOptions: {} }, 20_000);
      const caps = result.capabilities;
      for (const key of ['completionProvider', 'hoverProvider', 'codeActionProvider', 'documentSymbolProvider', 'documentFormattingProvider']) {
        assert(caps[key], `no ${key} in ${JSON.stringify(Object.keys(caps))}`);
      }
      assert(result.serverInfo?.name === 'saviynt-rest-language-server', JSON.stringify(result.serverInfo));
      await lsp.notify('initialized', {});
    });

    const connectionText = read('ConnectionJSON.json');
    const importText = read('ImportAccountEntJSON.json');
    await check('the example connection has no findings', async () => {
      await lsp.open(uriOf('ConnectionJSON.json'), connectionText);
      await lsp.open(uriOf('ImportAccountEntJSON.json'), importText);
      const list = await lsp.waitForDiagnostics(uriOf('ImportAccountEntJSON.json'));
      assert(list.length === 0, `findings: ${JSON.stringify(list.map(d => d.code))}`);
      assert((await lsp.waitForDiagnostics(uriOf('ConnectionJSON.json'))).length === 0, 'ConnectionJSON has findings');
    });

    // The seeded mistake: a lower-case method in the first call.
    const seeded = importText.replace('"httpMethod": "GET"', '"httpMethod": "get"');
    const seededUri = `${FOLDER_URI}-seeded/ImportAccountEntJSON.json`;
    let methodDiagnostic;
    await check('a seeded mistake: diagnostic invalid-value on the lower-case httpMethod', async () => {
      assert(seeded !== importText, 'the example has no "httpMethod": "GET" to change');
      await lsp.open(seededUri, seeded);
      const list = await lsp.waitForDiagnostics(seededUri, l => l.length > 0);
      methodDiagnostic = list.find(d => d.code === 'invalid-value');
      assert(methodDiagnostic, `codes: ${JSON.stringify(list.map(d => d.code))}`);
      assert(list.length === 1, `one finding expected: ${JSON.stringify(list.map(d => d.code))}`);
      const at = positionOf(seeded, seeded.indexOf('"get"'));
      assert(methodDiagnostic.range.start.line === at.line, `range ${JSON.stringify(methodDiagnostic.range)}, expected line ${at.line}`);
      assert(methodDiagnostic.severity === 1, `severity ${methodDiagnostic.severity}`);
      assert(/`GET`/.test(methodDiagnostic.message), methodDiagnostic.message);
    });

    await check('code action: the quick fix "Change to "GET""', async () => {
      assert(methodDiagnostic, 'no diagnostic to fix');
      const actions = await lsp.request('textDocument/codeAction', { textDocument: { uri: seededUri }, range: methodDiagnostic.range, context: { diagnostics: [methodDiagnostic] } });
      const fix = actions.find(a => a.kind === 'quickfix' && a.title === 'Change to "GET"');
      assert(fix, `actions: ${JSON.stringify(actions.map(a => a.title))}`);
      const edits = fix.edit.changes[seededUri];
      assert(edits?.some(e => e.newText === '"GET"'), JSON.stringify(edits));
    });

    await check('completion: the HTTP methods in the value of httpMethod', async () => {
      const offset = importText.indexOf('"httpMethod": "GET"') + '"httpMethod": "'.length;
      const list = await lsp.request('textDocument/completion', { textDocument: { uri: uriOf('ImportAccountEntJSON.json') }, position: positionOf(importText, offset) });
      const labels = (list?.items ?? list ?? []).map(i => i.label);
      assert(labels.includes('"POST"') && labels.includes('"DELETEWITHBODY"'), `labels: ${labels.join(', ')}`);
    });

    await check('completion: the binding variables after ${', async () => {
      const text = importText.replace('"Authorization": "${access_token}"', '"Authorization": "${"');
      const uri = `${FOLDER_URI}-binding/ImportAccountEntJSON.json`;
      await lsp.open(uri, text);
      const list = await lsp.request('textDocument/completion', { textDocument: { uri }, position: positionOf(text, text.indexOf('"${"') + 3), context: { triggerKind: 2, triggerCharacter: '{' } });
      const labels = (list?.items ?? list ?? []).map(i => i.label);
      assert(labels.includes('access_token'), `labels: ${labels.join(', ')}`);
    });

    await check('per document, with the open files of its folder as the connection: an unknown connection name', async () => {
      const text = read('CreateTicketJSON.json').replace('"connection": "acctAuth"', '"connection": "acctAuht"');
      const uri = uriOf('CreateTicketJSON.json');
      await lsp.open(uri, text);
      const list = await lsp.waitForDiagnostics(uri, l => l.some(d => d.code === 'unknown-connection'));
      const unknown = list.find(d => d.code === 'unknown-connection');
      assert(unknown && /acctAuth/.test(unknown.message), `findings: ${JSON.stringify(list.map(d => [d.code, d.message]))}`);
    });

    await check('closed siblings are read through the client (saviyntRest/readFolder): an unknown connection name', async () => {
      const text = importText.replace('"connection": "acctAuth"', '"connection": "acctAuht"');
      const uri = `${CLOSED_URI}/ImportAccountEntJSON.json`;
      await lsp.open(uri, text);
      const list = await lsp.waitForDiagnostics(uri, l => l.length > 0);
      assert(lsp.serverRequests.some(r => r.method === 'saviyntRest/readFolder' && r.params.uri === CLOSED_URI), 'the server did not ask for the folder');
      const unknown = list.find(d => d.code === 'unknown-connection');
      assert(unknown && /acctAuth/.test(unknown.message), `findings: ${JSON.stringify(list.map(d => [d.code, d.message]))}`);
    });

    const hoverText = async offset => {
      const result = await lsp.request('textDocument/hover', { textDocument: { uri: uriOf('ImportAccountEntJSON.json') }, position: positionOf(importText, offset) });
      const parts = Array.isArray(result?.contents) ? result.contents : [result?.contents];
      return parts.map(p => (typeof p === 'string' ? p : p?.value ?? '')).join('\n');
    };
    await check('hover: listField is explained (schema)', async () => {
      const value = await hoverText(importText.indexOf('"listField"') + 3);
      assert(/Path of the record list in the response body/.test(value), `hover: ${JSON.stringify(value).slice(0, 300)}`);
    });
    await check('hover: the Intercom endpoint of the url', async () => {
      const value = await hoverText(importText.indexOf('/admins') + 3);
      assert(/\*\*GET \/admins\*\* — List all admins/.test(value), `hover: ${JSON.stringify(value).slice(0, 300)}`);
    });

    await check('document symbols: the calls of ImportAccountEntJSON', async () => {
      const symbols = await lsp.request('textDocument/documentSymbol', { textDocument: { uri: uriOf('ImportAccountEntJSON.json') } });
      const names = JSON.stringify(symbols);
      assert(names.includes('accountParams') && names.includes('call1'), names.slice(0, 300));
    });

    await check('formatting: a one-line ConnectionJSON gets edits', async () => {
      const uri = `${FOLDER_URI}-format/ConnectionJSON.json`;
      await lsp.open(uri, JSON.stringify(JSON.parse(connectionText)));
      const edits = await lsp.request('textDocument/formatting', { textDocument: { uri }, options: { tabSize: 2, insertSpaces: true } });
      assert(Array.isArray(edits) && edits.length > 0, JSON.stringify(edits));
    });

    await check('the worker reported no uncaught error', async () => {
      assert(workerErrors.length === 0, workerErrors.join('; '));
      assert(!lsp.log.some(m => /^(Uncaught|Unhandled)/.test(m)), lsp.log.join('\n'));
    });

    await check('shutdown and exit are answered', async () => {
      assert((await lsp.request('shutdown', null)) === null, 'shutdown did not answer null');
      await lsp.notify('exit', null);
    });

    await check('the browser client (dist/browser/client.js) starts its worker, reads folders with workspace.fs; desktop-only commands say so', async () => {
      const manifest = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8'));
      const clientPage = await browser.newPage();
      await clientPage.route('**/*', route => (route.request().url().startsWith(origin) ? route.continue() : route.abort()));
      clientPage.on('console', m => { if (process.env.BROWSER_TEST_VERBOSE) console.log(`    [client page] ${m.text()}`); });
      await clientPage.goto(`${origin}/blank`);
      const outcome = await clientPage.evaluate(async ({ origin, packageJSON }) => {
        await new Promise((resolve, reject) => {
          const script = document.createElement('script');
          script.src = '/vscode-stub.js'; script.onload = resolve; script.onerror = reject;
          document.head.appendChild(script);
        });
        const { vscode, commands, shown, files } = window.vscodeStub;
        const module = { exports: {} };
        const text = await (await fetch('/client.js')).text();
        new Function('module', 'exports', 'require', text)(module, module.exports, name => {
          if (name === 'vscode') return vscode;
          throw new Error(`the browser client requires ${name}`);
        });
        const context = { subscriptions: [], extensionUri: vscode.Uri.parse(origin), extension: { packageJSON } };
        const api = await Promise.race([
          module.exports.activate(context),
          new Promise((_, reject) => setTimeout(() => reject(new Error('activate did not finish within 15 s')), 15_000)),
        ]);
        const running = api.client.isRunning();
        const answer = await commands.get('saviyntRest.packageConnection')();
        const call = await commands.get('saviyntRest.runCall')();
        Object.assign(files, {
          'file:///w/c/ConnectionJSON.json': '{"acctAuth": {}}',
          'file:///w/c/notes.json': '{}',
          'file:///w/c/connection.meta.json': '{"connectionname": "Intercom Teammates"}',
        });
        const folder = await module.exports.readFolder('file:///w/c');
        const missing = await module.exports.readFolder('file:///w/none');
        return { running, registered: [...commands.keys()], answer, call, shown, folder, missing };
      }, { origin, packageJSON: manifest });
      await clientPage.close();
      assert(outcome.running, 'the language client is not running');
      const missing = manifest.contributes.commands.map(c => c.command).filter(c => !outcome.registered.includes(c));
      assert(missing.length === 0, `commands not registered in the browser: ${missing.join(', ')}`);
      assert(/^"Package Connection for EIC Transport" needs VS Code on the desktop/.test(outcome.answer?.message ?? ''), JSON.stringify(outcome.answer));
      assert(/^"Run Call at Cursor" needs VS Code on the desktop/.test(outcome.call?.message ?? ''), JSON.stringify(outcome.call));
      assert(outcome.shown.length === 2 && outcome.shown[0] === outcome.answer.message, JSON.stringify(outcome.shown));
      const expected = { name: 'Intercom Teammates', files: [{ uri: 'file:///w/c/ConnectionJSON.json', text: '{"acctAuth": {}}' }] };
      assert(JSON.stringify(outcome.folder) === JSON.stringify(expected), `readFolder: ${JSON.stringify(outcome.folder)}`);
      assert(JSON.stringify(outcome.missing) === JSON.stringify({ files: [] }), `readFolder of a missing folder: ${JSON.stringify(outcome.missing)}`);
    });
  } finally {
    await browser.close();
    server.close();
  }

  await check('the build guard finds a Node built-in in a browser bundle', async () => {
    const result = await esbuild.build({
      stdin: { contents: "import { readFileSync } from 'node:fs'; console.log(readFileSync);", loader: 'ts' },
      bundle: true, platform: 'browser', format: 'iife', write: false, metafile: true, external: ['node:fs'], logLevel: 'silent',
    });
    const found = nodeBuiltinsIn(result.metafile);
    assert(found.some(f => f.startsWith('node:fs')), JSON.stringify(found));
    const real = await esbuild.build({ entryPoints: [path.join(ROOT, 'server/src/browserServer.ts')], bundle: true, platform: 'browser', format: 'iife', write: false, metafile: true, mainFields: ['browser', 'module', 'main'], logLevel: 'silent' });
    assert(nodeBuiltinsIn(real.metafile).length === 0, JSON.stringify(nodeBuiltinsIn(real.metafile)));
  });
}

const started = Date.now();
try {
  await main();
} catch (error) {
  results.push({ name: 'setup', ok: false });
  console.log(`  FAIL  setup: ${error instanceof Error ? error.stack : String(error)}`);
}
const passed = results.filter(r => r.ok).length;
const failed = results.length - passed;
console.log(`(${Date.now() - started} ms)`);
console.log(`browser: ${passed} passed, ${failed} failed`);
process.exit(failed ? 1 : 0);
