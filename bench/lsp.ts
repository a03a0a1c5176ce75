/** LSP-level measurements through the bundled dist/server.js. */
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as os from 'node:os';
import { pathToFileURL } from 'node:url';
import { importAccountEnt, createAccount } from './generate';
import { REPO_ROOT } from './repo';
import { languageServerEnvironment } from '../common/src/serverEnvironment';

// The protocol-test client is plain JavaScript (ESM); load it dynamically.
async function loadClient(): Promise<any> {
  return import(pathToFileURL(path.join(REPO_ROOT, 'test', 'protocol', 'lspClient.mjs')).toString());
}

function rssOf(pid: number): number {
  try {
    const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
    const m = /VmRSS:\s+(\d+) kB/.exec(status);
    return m ? Number(m[1]) / 1024 : NaN;
  } catch { return NaN; }
}

export async function lspMeasurements(oneMegabyte: string, quick: boolean): Promise<Record<string, unknown>> {
  const { LspClient } = await loadClient();
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'saviynt-bench-'));
  const uriOf = (name: string) => pathToFileURL(path.join(tmp, name)).toString();

  // Start-up to first diagnostics: spawn → initialize → didOpen → publishDiagnostics, with the
  // default settings (debounce included) and the example connection's ImportAccountEntJSON, six
  // fresh servers; the last one stays for the measurements below. The servers share a new code
  // cache (server/src/node/codeCache.ts): the first start compiles everything and is reported on
  // its own (`firstStartMs`, as after installing); the median is of the five starts after it.
  const example = fs.readFileSync(path.join(REPO_ROOT, 'examples', 'intercom-contacts', 'ImportAccountEntJSON.json'), 'utf8');
  const firstUri = uriOf('first/ImportAccountEntJSON.json');
  // The environment the extension starts the server with (common/src/serverEnvironment.ts).
  const env = languageServerEnvironment(process.env, path.join(tmp, 'code-cache'));
  const startups: number[] = [];
  let firstStartMs = 0;
  let client: any;
  for (let i = 0; i < 6; i++) {
    await client?.shutdown();
    const started = performance.now();
    client = new LspClient({ env });
    await client.initialize(pathToFileURL(tmp).toString(), {});
    const first = client.waitForDiagnostics(firstUri);
    client.open(firstUri, example, 1);
    await first;
    const ms = Math.round(performance.now() - started);
    if (i === 0) firstStartMs = ms; else startups.push(ms);
  }
  startups.sort((a, b) => a - b);
  const startupToFirstDiagnosticsMs = { median: startups[2], max: startups[4], samples: startups, firstStartMs };

  // didChange → publishDiagnostics on a 1 MB document (debounce 0 from initializationOptions).
  client.notify('workspace/didChangeConfiguration', { settings: { saviyntRest: { validation: { debounceMs: 0 } } } });
  const bigUri = uriOf('big/ImportAccountEntJSON.json');
  let version = 1;
  const opened = client.waitForDiagnostics(bigUri, version, 60000);
  client.open(bigUri, oneMegabyte, version);
  await opened;
  const samples: number[] = [];
  for (let i = 0; i < (quick ? 5 : 15); i++) {
    version++;
    const text = oneMegabyte.replace('"callOrder": 0', `"callOrder": ${i % 2}`);
    const wait = client.waitForDiagnostics(bigUri, version, 60000);
    const t = performance.now();
    client.notify('textDocument/didChange', { textDocument: { uri: bigUri, version }, contentChanges: [{ text }] });
    await wait;
    samples.push(performance.now() - t);
  }
  samples.sort((a, b) => a - b);
  const changeToDiagnostics = { median: Math.round(samples[Math.floor(samples.length / 2)]), p95: Math.round(samples[Math.min(samples.length - 1, Math.floor(samples.length * 0.95))]) };

  // Responsiveness: a hover sent right after a 5 MB document was opened (above the default limit
  // of 3 MiB: not parsed, one note), and hovers every 10 ms while a document just under the limit
  // is checked: the longest any of them waited.
  const hover = () => client.request('textDocument/hover', { textDocument: { uri: firstUri }, position: { line: 2, character: 6 } }, 60000);
  const hugeUri = uriOf('huge/ImportAccountEntJSON.json');
  const hugeChecked = client.waitForDiagnostics(hugeUri, 1, 60000);
  client.open(hugeUri, importAccountEnt(5e6), 1);
  const hoverStart = performance.now();
  await hover();
  const hoverAfterOpening5MBMs = Math.round(performance.now() - hoverStart);
  const hugeNote = (await hugeChecked).map((d: { code: string }) => d.code).join(', ');
  const nearLimit = importAccountEnt(quick ? 1e6 : 3 * 1024 * 1024 - 40_000);
  const nearUri = uriOf('near/ImportAccountEntJSON.json');
  let nearDone = false;
  const nearChecked = client.waitForDiagnostics(nearUri, 1, 60000).then(() => { nearDone = true; });
  client.open(nearUri, nearLimit, 1);
  const waits: number[] = [];
  while (!nearDone) {
    const t = performance.now();
    await hover();
    waits.push(performance.now() - t);
    await new Promise(r => setTimeout(r, 10));
  }
  await nearChecked;
  const hoversWhileCheckingNearLimit = { documentBytes: nearLimit.length, hovers: waits.length, maxWaitMs: Math.round(Math.max(...waits)) };

  // Memory with 200 documents open.
  const openDocuments = 200;
  for (let i = 0; i < openDocuments; i++) {
    const uri = uriOf(`many/c${i}/${i % 2 ? 'CreateAccountJSON' : 'ImportAccountEntJSON'}.json`);
    client.open(uri, i % 2 ? createAccount(10) : importAccountEnt(20e3), 1);
  }
  await client.request('textDocument/documentSymbol', { textDocument: { uri: firstUri } }, 60000);
  await new Promise(r => setTimeout(r, 1500));
  const rssMB = Math.round(rssOf(client.proc.pid));
  await client.shutdown();
  fs.rmSync(tmp, { recursive: true, force: true });
  return { startupToFirstDiagnosticsMs, changeToDiagnostics, hoverAfterOpening5MBMs, hugeNote, hoversWhileCheckingNearLimit, openDocuments, rssMB };
}
