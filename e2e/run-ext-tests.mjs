#!/usr/bin/env node
// End-to-end tests inside a REAL VS Code extension host, offline ("route B" of the e2e recipe).
//
//   node e2e/run-ext-tests.mjs          (after `bash e2e/setup.sh` and `npm run build`)
//
// How it works: code-server (VS Code 1.139 server + web workbench, installed from npm by setup.sh)
// runs on 127.0.0.1 with the smoke-test driver enabled. Headless Chromium opens the workbench with a
// URL payload naming this repository as extensionDevelopmentPath and dist/test/e2e/index.js as
// extensionTestsPath. The workbench then starts the Node extension host with our extension loaded
// from source, calls run() of the test entry (a bundled mocha suite, test/e2e/suite/index.ts), and
// hands the exit code to window.codeAutomationExit. Lines the suite logs with the `[e2e-test] ` tag
// (test/e2e/suite/log.ts) arrive through window.codeAutomationLog and are printed here; all other
// workbench log lines go to <sandbox>/workbench.log.
//
// The last line printed is always `e2e: N passed, M failed`; the exit code is 0 only when M = 0 and N > 0.
//
// Environment:
//   E2E_TIMEOUT_MS       per run, default 300000
//   E2E_GREP             only tests whose full title matches this regular expression (mocha --grep)
//   E2E_WORKSPACE_TRUST  trusted (default) | restricted | both
//                          trusted:    folder trusted, runs test/e2e/suite/*.test.ts except *.restricted.test.ts
//                          restricted: folder opens in Restricted Mode (no prompt), runs *.restricted.test.ts
//                          both:       the two runs one after the other, counts added up
//   E2E_SETTINGS         JSON object merged into the sandbox's user settings.json
//   E2E_KEEP_TMP=1       keep the sandbox (always kept after a failure)
//   E2E_VERBOSE=1        also stream workbench and browser console lines
//   E2E_TOOLS            toolchain dir (default <repo>/.e2e-tools), CHROMIUM (default /usr/bin/chromium)
//   E2E_WORKSPACE        fixture folder to copy and open (default <repo>/test/e2e/workspace)
import fs from 'node:fs';
import path from 'node:path';
import { format } from 'node:util';
import {
  CODE_SERVER_LOG_HINT, chromiumPath, codeServerEntry, disposeSandbox, elapsed, extraSettingsFromEnv, launchChromium, makeSandbox,
  node24, repoDir, requirePaths, startCodeServer, verbose, workbenchUrl,
} from './lib.mjs';

const TAG = '[e2e-test] ';
// The suite's closing line (test/e2e/suite/index.ts): `[e2e-test] E2E-RESULT {"passed":1,...}`.
const RESULT_MARK = 'E2E-RESULT ';

const testsEntry = path.join(repoDir, 'dist/test/e2e/index.js');
const timeoutMs = Number(process.env.E2E_TIMEOUT_MS ?? 300_000);
const trustArg = (process.env.E2E_WORKSPACE_TRUST ?? 'trusted').toLowerCase();
const modes = { trusted: ['trusted'], restricted: ['restricted'], both: ['trusted', 'restricted'] }[trustArg];
if (!modes) {
  console.error(`[e2e] E2E_WORKSPACE_TRUST must be trusted, restricted or both; got "${trustArg}"`);
  process.exit(2);
}
if (!Number.isFinite(timeoutMs) || timeoutMs <= 0) {
  console.error(`[e2e] E2E_TIMEOUT_MS must be a positive number of milliseconds; got "${process.env.E2E_TIMEOUT_MS}"`);
  process.exit(2);
}
if (process.env.E2E_GREP) {
  try { new RegExp(process.env.E2E_GREP); } catch (e) {
    console.error(`[e2e] E2E_GREP is not a valid regular expression: ${e.message}`);
    process.exit(2);
  }
}
const extraSettings = extraSettingsFromEnv();
requirePaths([['Node 24', node24], ['code-server', codeServerEntry], ['Chromium', chromiumPath],
  ['the built e2e suite', testsEntry], ['the built extension', path.join(repoDir, mainOfManifest())]]);

/** `main` of package.json, so a missing build is reported before anything starts. */
function mainOfManifest() {
  const manifest = JSON.parse(fs.readFileSync(path.join(repoDir, 'package.json'), 'utf8'));
  return manifest.main ?? 'package.json';
}

// Cleanup hooks for Ctrl-C / SIGTERM while a run is in flight.
let abortCurrent = async () => {};
for (const sig of ['SIGINT', 'SIGTERM']) {
  process.on(sig, async () => {
    console.error(`[e2e] ${sig}: stopping`);
    await abortCurrent();
    process.exit(sig === 'SIGINT' ? 130 : 143);
  });
}

/** One workbench session in the given trust mode. Resolves to { passed, failed, pending, ok }. */
async function runOnce(trust) {
  const label = trust === 'restricted' ? 'restricted' : 'trusted';
  // The extension host inherits code-server's environment: that is how the suite learns the mode and grep.
  const suiteEnv = { E2E_WORKSPACE_TRUST: trust, E2E_GREP: process.env.E2E_GREP ?? '' };
  const sb = makeSandbox({ trust, settings: extraSettings, env: suiteEnv, label });
  const workbenchLog = path.join(sb.dir, 'workbench.log');
  const result = { passed: 0, failed: 0, pending: 0, ok: false, reported: false };
  let server;
  let browser;
  let cleaned = false;
  const cleanup = async () => {
    if (cleaned) return;
    cleaned = true;
    try { await browser?.close(); } catch { /* already gone */ }
    await server?.stop();
  };
  abortCurrent = cleanup;

  console.log(`[e2e] ${label} run: sandbox ${sb.dir}`);
  try {
    server = await startCodeServer(sb, { testMode: true });
    console.log(`[e2e] code-server listening on ${server.origin} (${elapsed()})`);
    browser = await launchChromium(sb);
    const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });

    const exitCode = new Promise((resolve) => { page.exposeFunction('codeAutomationExit', (code) => resolve(Number(code))); });
    await page.exposeFunction('codeAutomationLog', (type, args) => {
      const line = format(...(Array.isArray(args) ? args : [args]));
      if (!line.startsWith(TAG)) {
        fs.appendFileSync(workbenchLog, `[${type}] ${line}\n`);
        if (verbose) console.log(`[workbench ${type}] ${line}`);
        return;
      }
      const text = line.slice(TAG.length);
      if (text.startsWith(RESULT_MARK)) {
        try {
          Object.assign(result, JSON.parse(text.slice(RESULT_MARK.length)), { reported: true });
        } catch {
          console.error(`[e2e] unreadable result line: ${text}`);
        }
        return;
      }
      (type === 'error' ? console.error : console.log)(`${TAG}${text}`.trimEnd());
    });
    page.on('console', (m) => { if (verbose) console.log(`[browser ${m.type()}] ${m.text()}`); });
    page.on('pageerror', (e) => fs.appendFileSync(workbenchLog, `[pageerror] ${e.stack ?? e.message}\n`));

    const payload = [
      ['extensionDevelopmentPath', server.remote(repoDir)],
      ['extensionTestsPath', server.remote(testsEntry)],
    ];
    await page.goto(workbenchUrl(server, sb.workspace, payload));
    console.log(`[e2e] workbench page loaded (${elapsed()}); waiting for the extension host to run the suite`);

    let timer;
    const timeout = new Promise((resolve) => { timer = setTimeout(() => resolve('timeout'), timeoutMs); });
    const code = await Promise.race([exitCode, timeout]);
    clearTimeout(timer);
    if (code === 'timeout') {
      await page.screenshot({ path: path.join(sb.dir, 'timeout.png') }).catch(() => {});
      throw new Error(`no result from the extension host after ${timeoutMs} ms (screenshot: ${sb.dir}/timeout.png)`);
    }
    console.log(`[e2e] ${label} run finished with exit code ${code} (${elapsed()})`);
    if (!result.reported) {
      // run() never got to report (the entry failed to load, or the host crashed).
      console.error('[e2e] the suite did not report a result; see workbench.log in the sandbox');
      result.failed = Math.max(result.failed, 1);
    } else if (code !== 0 && result.failed === 0) {
      result.failed = 1; // the host says failure although mocha counted none: count it
    }
    result.ok = code === 0 && result.failed === 0;
  } catch (e) {
    console.error(`[e2e] ${label} run ERROR: ${e.message}`);
    result.failed = Math.max(result.failed, 1);
    result.ok = false;
  }
  await cleanup();
  abortCurrent = async () => {};
  const note = disposeSandbox(sb, { success: result.ok, hint: CODE_SERVER_LOG_HINT });
  if (note) console.log(`[e2e] ${note}`);
  return result;
}

let passed = 0;
let failed = 0;
for (const mode of modes) {
  const r = await runOnce(mode);
  passed += r.passed;
  failed += r.failed;
  if (r.passed === 0 && r.failed === 0) {
    console.log(`[e2e] the ${mode} run selected no tests${process.env.E2E_GREP ? ` (E2E_GREP=${process.env.E2E_GREP})` : ''}`);
  }
}
if (passed === 0 && failed === 0) console.error('[e2e] no test ran: counted as a failure (exit code 1)');
console.log(`e2e: ${passed} passed, ${failed} failed`);
process.exit(failed === 0 && passed > 0 ? 0 : 1);
