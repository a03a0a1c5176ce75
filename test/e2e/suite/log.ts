// Output channel from the e2e suite to the terminal of e2e/run-ext-tests.mjs.
//
// Inside code-server the extension host forwards console output to the workbench, which passes it
// to window.codeAutomationLog mixed with the workbench's own log lines. The runner prints only lines
// that start with TAG and files everything else in <sandbox>/workbench.log. console.log itself cannot
// be replaced in the extension host (VS Code installs it with a setter that ignores assignments), so
// the suite tags its lines explicitly: use log() rather than console.log in tests for anything that
// should reach the terminal. Under @vscode/test-electron the tagged lines simply go to stdout.
import { format } from 'util';

export const TAG = '[e2e-test] ';

export function log(...args: unknown[]): void {
  // Multi-line messages (stack traces, diffs) keep the tag on every line.
  for (const line of format(...args).split('\n')) console.log(TAG + line);
}
