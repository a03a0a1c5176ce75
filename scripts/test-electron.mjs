#!/usr/bin/env node
// The e2e suite (test/e2e/suite, built to dist/test/e2e/index.js) under desktop VS Code, through
// @vscode/test-electron — for machines that can download VS Code or already have one.
//
//   npm run build && node scripts/test-electron.mjs
//
// This is the desktop twin of e2e/run-ext-tests.mjs. It does NOT work on the offline build machines:
// runTests() downloads VS Code from update.code.visualstudio.com unless VSCODE_EXECUTABLE names an
// installed `code` binary. It is therefore not part of `npm test`; use e2e/run-ext-tests.mjs there.
//
// What it does: a temp sandbox (user data, extensions dir, settings.json as in the code-server run,
// a private copy of test/e2e/workspace), then runTests() with
//   extensionDevelopmentPath = this repository, extensionTestsPath = dist/test/e2e/index.js,
//   launchArgs = [<workspace copy>, --user-data-dir, --extensions-dir, --disable-extensions, ...].
// test-electron always adds --disable-workspace-trust, so only the trusted run exists here
// (*.restricted.test.ts files are skipped). The suite's `[e2e-test] ` lines are printed, the rest of
// VS Code's output only with E2E_VERBOSE=1, and the last line is `e2e: N passed, M failed`.
//
// Environment:
//   VSCODE_EXECUTABLE  use this VS Code binary instead of downloading one
//   VSCODE_VERSION     version to download (default: stable); the suite targets engines.vscode >= 1.91
//   E2E_GREP, E2E_SETTINGS, E2E_KEEP_TMP, E2E_VERBOSE, E2E_WORKSPACE   as for e2e/run-ext-tests.mjs
//   (On a Linux machine without a display, run it under xvfb-run.)
import path from 'node:path';
import { Writable } from 'node:stream';
import { runTests } from '@vscode/test-electron';
import { disposeSandbox, extraSettingsFromEnv, makeSandbox, repoDir, requirePaths, verbose } from '../e2e/lib.mjs';

const TAG = '[e2e-test] ';
const RESULT_MARK = 'E2E-RESULT ';
const testsEntry = path.join(repoDir, 'dist/test/e2e/index.js');
requirePaths([['the built e2e suite', testsEntry]]);

const sb = makeSandbox({ trust: 'trusted', settings: extraSettingsFromEnv(), label: 'electron' });
const result = { passed: 0, failed: 0, pending: 0, reported: false };

/** A stream that prints the suite's tagged lines and swallows (or, verbose, echoes) the rest. */
function lineFilter(target) {
  let pending = '';
  const onLine = (line) => {
    const at = line.indexOf(TAG);
    if (at < 0) { if (verbose) target.write(`${line}\n`); return; }
    const text = line.slice(at + TAG.length);
    if (text.startsWith(RESULT_MARK)) {
      try { Object.assign(result, JSON.parse(text.slice(RESULT_MARK.length)), { reported: true }); } catch { /* ignore */ }
      return;
    }
    target.write(`${TAG}${text}\n`);
  };
  return new Writable({
    write(chunk, _enc, done) {
      pending += chunk.toString();
      const lines = pending.split('\n');
      pending = lines.pop() ?? '';
      lines.forEach(onLine);
      done();
    },
    final(done) { if (pending) onLine(pending); done(); },
  });
}

let exitCode = 1;
try {
  exitCode = await runTests({
    vscodeExecutablePath: process.env.VSCODE_EXECUTABLE || undefined,
    version: process.env.VSCODE_VERSION || undefined,
    extensionDevelopmentPath: repoDir,
    extensionTestsPath: testsEntry,
    extensionTestsEnv: { E2E_WORKSPACE_TRUST: 'trusted', E2E_GREP: process.env.E2E_GREP ?? '' },
    launchArgs: [
      sb.workspace,
      '--user-data-dir', path.join(sb.dir, 'user-data'),
      '--extensions-dir', path.join(sb.dir, 'extensions'),
      '--disable-extensions', // other installed extensions; the one under development still loads
      '--disable-telemetry',
    ],
    stdout: lineFilter(process.stdout),
    stderr: lineFilter(process.stderr),
  });
} catch (e) {
  console.error(`[e2e] ${e.message}`);
  exitCode = typeof e.code === 'number' ? e.code : 1;
}
if (!result.reported) result.failed = Math.max(result.failed, 1);
else if (exitCode !== 0 && result.failed === 0) result.failed = 1;
const ok = exitCode === 0 && result.failed === 0 && result.passed > 0;
const note = disposeSandbox(sb, { success: ok, hint: 'user-data/logs/' });
if (note) console.log(`[e2e] ${note}`);
console.log(`e2e: ${result.passed} passed, ${result.failed} failed`);
process.exit(ok ? 0 : 1);
