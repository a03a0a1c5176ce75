// Entry of the end-to-end suite that runs INSIDE the VS Code extension host.
//
// Built by `npm run build` (esbuild) into dist/test/e2e/index.js with mocha bundled in; VS Code loads
// it as `extensionTestsPath` and calls run(). A rejected promise means a failed run.
// Runners: e2e/run-ext-tests.mjs (code-server, offline) and scripts/test-electron.mjs (desktop VS Code).
//
// ADDING A TEST FILE: create test/e2e/suite/<topic>.test.ts and run `npm run build`. Nothing to register.
//   - Use mocha's TDD interface: suite(), test(), suiteSetup(), teardown() ...
//   - Print with log() from ./log (not console.log) for anything that should reach the terminal.
//   - Helpers (EXTENSION_ID, openFixture, waitFor, waitForDiagnostics ...) are in ./helpers.
//   - Fixtures live in test/e2e/workspace/, which the runner copies into a sandbox and opens as the
//     workspace folder, so tests may create and change files there freely.
//   - Files named <topic>.restricted.test.ts run only in the Restricted Mode (untrusted workspace) run
//     (E2E_WORKSPACE_TRUST=restricted or both); all other *.test.ts files run only in the trusted run.
//   - Files run in alphabetical order; each test file must activate/open what it needs itself.
//
// How the files are found: esbuild turns the template-literal require below into a map of every
// test/e2e/suite/**/*.test.ts file that existed at build time (esbuild "glob-style" require). At run
// time the source folder is listed to decide which of them to load, because the bundle cannot list
// its own map. A file added after the last build fails with a message asking for a rebuild.
//
// Filtering: E2E_GREP (a regular expression, like mocha --grep) reaches the extension host through the
// environment of code-server (or extensionTestsEnv under test-electron).
import * as fs from 'fs';
import * as path from 'path';
import * as vscode from 'vscode';
import Mocha from 'mocha';
import { log } from './log';

const TEST_SUFFIX = '.test.ts';
const RESTRICTED_SUFFIX = '.restricted.test.ts';

type TrustMode = 'trusted' | 'restricted';

/** dist/test/e2e/index.js -> <repo>/test/e2e/suite */
function suiteSourceDir(): string {
  return path.resolve(__dirname, '../../../test/e2e/suite');
}

/** Test files (relative paths with forward slashes) for this mode, sorted. */
export function testFilesFor(mode: TrustMode, dir = suiteSourceDir()): string[] {
  if (!fs.existsSync(dir)) throw new Error(`e2e suite sources not found at ${dir} (expected next to dist/)`);
  return (fs.readdirSync(dir, { recursive: true }) as string[])
    .map((f) => f.split(path.sep).join('/'))
    .filter((f) => f.endsWith(TEST_SUFFIX))
    .filter((f) => (mode === 'restricted') === f.endsWith(RESTRICTED_SUFFIX))
    .sort();
}

function loadTestFile(file: string): void {
  const stem = file.slice(0, -TEST_SUFFIX.length);
  try {
    // esbuild bundles every ./**/*.test.ts for this pattern; keep the literal shape.
    require(`./${stem}.test.ts`);
  } catch (e) {
    const msg = e instanceof Error ? e.message : String(e);
    if (msg.includes('not found in bundle')) {
      throw new Error(`test/e2e/suite/${file} is not in the bundle: run \`npm run build\` again`);
    }
    throw e;
  }
}

/** The run mode: what the runner asked for, else the actual trust state of the workspace. */
function trustMode(): TrustMode {
  const asked = (process.env.E2E_WORKSPACE_TRUST ?? '').toLowerCase();
  if (asked === 'restricted' || asked === 'trusted') return asked;
  return vscode.workspace.isTrusted ? 'trusted' : 'restricted';
}

function report(passed: number, failed: number, pending: number): void {
  // Read by e2e/run-ext-tests.mjs, which prints `e2e: N passed, M failed` from it.
  log(`E2E-RESULT ${JSON.stringify({ passed, failed, pending })}`);
}

export function run(): Promise<void> {
  // Every reporter prints through Base.consoleLog: send it through the tagged logger.
  Mocha.reporters.Base.consoleLog = log;
  const mocha = new Mocha({ ui: 'tdd', reporter: 'spec', color: false, timeout: 60_000, slow: 5_000 });
  const grep = process.env.E2E_GREP;
  if (grep) mocha.grep(new RegExp(grep));

  const mode = trustMode();
  let files: string[];
  try {
    files = testFilesFor(mode);
    // Define suite()/test() globals, then register the (bundled) test files.
    mocha.suite.emit('pre-require', globalThis, 'bundle', mocha);
    for (const file of files) loadTestFile(file);
  } catch (e) {
    log(`could not load the e2e test files: ${e instanceof Error ? e.stack ?? e.message : String(e)}`);
    report(0, 1, 0);
    return Promise.reject(e);
  }
  log(`${mode} workspace; ${files.length} test file(s): ${files.join(', ') || '(none)'}${grep ? `; grep /${grep}/` : ''}`);
  log(`VS Code ${vscode.version} (${vscode.env.appName}), extension host on Node ${process.version}`);

  return new Promise((resolve, reject) => {
    const runner = mocha.run((failures) => {
      const stats = runner.stats;
      report(stats?.passes ?? 0, failures, stats?.pending ?? 0);
      if (failures > 0) reject(new Error(`${failures} e2e test(s) failed`));
      else resolve();
    });
  });
}
