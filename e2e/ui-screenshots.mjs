#!/usr/bin/env node
// README screenshots from the real workbench ("route A" of the e2e recipe), offline.
//
//   npm run build && node e2e/ui-screenshots.mjs                 # every step
//   node e2e/ui-screenshots.mjs diagnostics completion           # only the named steps
//   node e2e/ui-screenshots.mjs --list                           # list the steps
//
// The extension is packaged exactly as users get it (vsce on Node 24, --no-dependencies), installed
// into a sandboxed code-server with `--install-extension`, and the workbench is driven by headless
// Chromium (no smoke-test driver, no test payload: a normal window). The fixture folder
// test/e2e/workspace is copied into the sandbox and opened. Every step starts from a clean editor
// area, and a failing step is reported and skipped: the other steps still run. Output goes to
// docs/images/<step>.png; the last line is `ui: N passed, M failed` (exit code 0 when M = 0).
//
// Steps (add one by writing an async function in STEPS below):
//   diagnostics     mistakes/CreateAccountJSON.json (a lower-case "put", a misspelled ${user.firstnme}) and the
//                   Problems panel listing what the language server found
//   completion      the suggest widget inside ${ in an httpParams string (screenshots/UpdateAccountJSON.json)
//   import-preview  the import preview of the contacts example (calls/intercom-contacts/ImportAccountEntJSON.json;
//                   a contributed command whose title matches /import/ and /preview/)
//   package         the package command on the teammates example (a contributed command whose title matches /package/)
//   eic-compare     Compare with EIC Tenant on eic/Intercom against a local fake EIC whose connection differs
//                   in two attributes (seeded with the CLI before the workbench starts): the diff editor and the
//                   summary notification
//   walkthrough     the extension's walkthrough (contributes.walkthroughs), opened from its "Get Started" command
//
// Environment: E2E_SCREENSHOT_DIR (default <repo>/docs/images), E2E_KEEP_TMP=1, E2E_VERBOSE=1,
// E2E_SETTINGS (JSON merged into user settings), E2E_TOOLS, CHROMIUM, E2E_WORKSPACE.
import fs from 'node:fs';
import path from 'node:path';
import { spawn, spawnSync } from 'node:child_process';
import net from 'node:net';
import {
  CODE_SERVER_LOG_HINT, chromiumPath, codeServerCli, codeServerEntry, disposeSandbox, elapsed, extraSettingsFromEnv, launchChromium,
  makeSandbox, node24, readExtHostLogs, repoDir, requirePaths, startCodeServer, verbose, vsceBin, workbenchUrl,
} from './lib.mjs';
import { packageVsix } from './vsix.mjs';

const outDir = path.resolve(process.env.E2E_SCREENSHOT_DIR ?? path.join(repoDir, 'docs/images'));
const manifest = JSON.parse(fs.readFileSync(path.join(repoDir, 'package.json'), 'utf8'));
const extensionId = `${manifest.publisher}.${manifest.name}`;
const say = (msg) => console.log(`[ui] ${elapsed().padStart(6)}  ${msg}`);

// ---------------------------------------------------------------------------------------------
// Steps. Each gets the Playwright page and helpers; it must leave a screenshot via shot().
// ---------------------------------------------------------------------------------------------
const STEPS = {
  async diagnostics({ page, openFile, runCommand, shot }) {
    await openFile('mistakes/CreateAccountJSON.json', '"httpMethod"');
    await runCommand('View: Focus Problems');
    // Only this file's problems (earlier steps may have left others in the panel).
    const filter = page.locator('.panel .viewpane-filter textarea, .panel .viewpane-filter input').first();
    try {
      await filter.fill('**/mistakes/**', { timeout: 5_000 });
    } catch {
      say('Problems filter box not found; the panel shows all problems');
    }
    const rows = page.locator('.markers-panel .monaco-list-row');
    await rows.nth(1).waitFor({ timeout: 60_000 }); // row 0 is the file, rows 1.. are its problems
    await settle(page, () => rows.count());
    say(`Problems panel: ${await rows.count() - 1} problem row(s)`);
    await shot();
  },

  async completion({ page, openFile, runCommand, shot }) {
    await openFile('screenshots/UpdateAccountJSON.json', '"httpParams"');
    await runCommand('View: Hide Panel', { optional: true });
    await selectText(page, 'CURSOR');
    await page.keyboard.type('${user.');
    const suggest = page.locator('.editor-widget.suggest-widget.visible .monaco-list-row');
    // The list must offer user attributes (email, firstname ...), not just any suggestion.
    const binding = suggest.filter({ hasText: /\b(email|firstname|lastname|username)\b/ });
    try {
      await binding.first().waitFor({ timeout: 5_000 });
    } catch {
      await page.keyboard.press('Control+Space');
      await expectVisible(page, binding.first(), 30_000, 'user.* attributes in the suggest widget');
    }
    await settle(page, () => suggest.count());
    say(`suggest widget: ${await suggest.count()} visible item(s)`);
    await shot();
  },

  async 'import-preview'({ page, openFile, runCommand, shot }) {
    const title = contributedCommand((t) => /import/i.test(t) && /preview/i.test(t));
    // Open the file first (activates the extension), then store the fake's token through the real UI.
    await openFile('calls/intercom-contacts/ImportAccountEntJSON.json', '"accountParams"');
    await runCommand(contributedCommand((t) => /set .*token/i.test(t)));
    await page.locator('.quick-input-list .monaco-list-row', { hasText: 'US' }).first().waitFor({ timeout: 30_000 });
    await page.keyboard.press('Enter'); // region: the configured one (US)
    await page.locator('.quick-input-widget input[type="password"]').waitFor({ state: 'visible', timeout: 15_000 });
    await page.keyboard.type(FAKE_TOKEN);
    await page.keyboard.press('Enter');
    await page.locator('.notification-toast', { hasText: /token saved/i }).first().waitFor({ timeout: 15_000 });
    await runCommand('Notifications: Clear All Notifications', { optional: true });
    await openFile('calls/intercom-contacts/ImportAccountEntJSON.json', '"accountParams"');
    const tabsBefore = await page.locator('.tabs-container .tab').count();
    await runCommand(title);
    // A preview opens as a new editor (text or webview) beside the source.
    const tabs = page.locator('.tabs-container .tab');
    await waitUntil(page, async () => (await tabs.count()) > tabsBefore, 60_000, 'new editor with the preview');
    // The webview renders in nested iframes; wait until its table is painted, and give it room.
    await page.waitForTimeout(5_000);
    await runCommand('View: Close Primary Side Bar', { optional: true });
    await page.waitForTimeout(2_500);
    await shot();
  },

  async package({ page, openFile, runCommand, shot }) {
    const title = contributedCommand((t) => /(^|: |\s)package\b/i.test(t) && !/unpack/i.test(t));
    await openFile('calls/intercom-teammates/ImportAccountEntJSON.json', '"accountParams"');
    await runCommand(title);
    await page.waitForTimeout(500); // let the command palette close
    // The command may ask where to save (quick input / simple file dialog): accept the proposal each
    // time, until it reports with a notification.
    const toast = page.locator('.notification-toast').first();
    const prompt = page.locator('.quick-input-widget input');
    for (let answered = 0; ; answered++) {
      await waitUntil(page, async () => (await toast.isVisible())
        || ((await prompt.isVisible()) && !(await prompt.inputValue()).startsWith('>')), 60_000, 'notification or prompt from the command');
      if (await toast.isVisible()) break;
      if (answered >= 4) throw new Error('the command kept prompting; expected a notification after the save prompt');
      say(`package: accepting prompt "${(await prompt.inputValue()).split('/').pop()}"`);
      await page.keyboard.press('Enter');
      await page.waitForTimeout(750);
    }
    await page.waitForTimeout(1_500);
    await shot();
  },

  async 'eic-compare'({ page, openFile, runCommand, shot }) {
    await openFile('eic/Intercom/TicketStatusJSON.json', '"ticketStatusPath"');
    // Credentials through the real UI: quick pick (user name and password), then two input boxes.
    await runCommand(contributedCommand((t) => /set eic credentials/i.test(t)));
    await page.locator('.quick-input-list .monaco-list-row', { hasText: /user name and password/i }).first().waitFor({ timeout: 30_000 });
    await page.keyboard.press('Enter');
    await page.locator('.quick-input-widget input').waitFor({ state: 'visible', timeout: 15_000 });
    await page.keyboard.type(FAKE_EIC_USER.username);
    await page.keyboard.press('Enter');
    await page.locator('.quick-input-widget input[type="password"]').waitFor({ state: 'visible', timeout: 15_000 });
    await page.keyboard.type(FAKE_EIC_USER.password);
    await page.keyboard.press('Enter');
    await page.locator('.notification-toast', { hasText: /EIC credentials saved/i }).first().waitFor({ timeout: 30_000 });
    await runCommand('Notifications: Clear All Notifications', { optional: true });
    await runCommand(contributedCommand((t) => /compare with eic/i.test(t)));
    await page.locator('.notification-toast', { hasText: /changed/i }).first().waitFor({ timeout: 60_000 });
    await runCommand('View: Close Primary Side Bar', { optional: true });
    await page.waitForTimeout(2_500);
    await shot();
  },

  async walkthrough({ page, openFile, runCommand, shot }) {
    const walkthrough = manifest.contributes?.walkthroughs?.[0];
    if (!walkthrough) throw new Error('no walkthrough in package.json contributes.walkthroughs');
    // A file first: the extension is then known to the workbench (its commands are in the palette).
    await openFile('intercom/ImportAccountEntJSON.json', '"accountParams"');
    await runCommand('View: Close All Editors', { optional: true });
    await runCommand('View: Close Primary Side Bar', { optional: true });
    await runCommand(contributedCommand((t) => /get started/i.test(t)));
    const title = page.locator('.gettingStartedContainer, .getting-started-container, .gettingStarted').locator(`text=${walkthrough.title}`).first();
    await expectVisible(page, title, 30_000, `the walkthrough "${walkthrough.title}"`);
    // Every step is listed; the first one is open with its media beside it.
    await expectVisible(page, page.locator(`text=${walkthrough.steps[walkthrough.steps.length - 1].title}`).first(), 15_000, 'the last step');
    // The step's Markdown renders in a webview beside the list: wait for its frame and its text.
    const firstStep = walkthrough.steps[0];
    const mediaText = fs.readFileSync(path.join(repoDir, firstStep.media.markdown), 'utf8').split('\n').find((l) => l.startsWith('# '))?.slice(2);
    const frame = page.frameLocator('.getting-started-media iframe, .gettingStartedContainer iframe').first().frameLocator('iframe').first();
    try {
      await frame.locator(`text=${mediaText}`).first().waitFor({ timeout: 20_000 });
    } catch {
      say(`walkthrough: the media of "${firstStep.title}" did not show its heading "${mediaText}"`);
    }
    await page.waitForTimeout(1_500);
    await shot();
  },
};

/** `Category: Title` of the first contributed command whose title satisfies test. */
function contributedCommand(test) {
  const commands = manifest.contributes?.commands ?? [];
  const found = commands.find((c) => test(`${c.category ?? ''} ${c.title ?? ''}`));
  if (!found) throw new Error('no matching command in package.json contributes.commands (feature not built yet?)');
  return found.category ? `${found.category}: ${found.title}` : found.title;
}

const ERROR_UI = '.monaco-dialog-box, .notification-toast:has(.codicon-error)';

/**
 * Polls until ready() is true. Fails early, with the message shown, when an error dialog or an
 * error notification appears (e.g. "command ... not found" while a feature is not built yet).
 */
async function waitUntil(page, ready, timeout, what) {
  const end = Date.now() + timeout;
  for (;;) {
    const error = page.locator(ERROR_UI).first();
    if (await error.count() > 0) {
      const text = (await error.innerText().catch(() => '')).replace(/\s+/g, ' ').trim();
      throw new Error(`the workbench reported an error: ${text}`);
    }
    if (await ready()) return;
    if (Date.now() > end) throw new Error(`no ${what} within ${timeout} ms`);
    await page.waitForTimeout(250);
  }
}

/** waitUntil() for a locator to be visible. */
const expectVisible = (page, locator, timeout, what) => waitUntil(page, () => locator.isVisible(), timeout, what);

/** Waits until count() stays the same for a second (results still streaming in otherwise). */
async function settle(page, count, maxMs = 10_000) {
  let last = -1;
  const end = Date.now() + maxMs;
  while (Date.now() < end) {
    const now = await count();
    if (now === last) return;
    last = now;
    await page.waitForTimeout(1_000);
  }
}

/** Selects the first occurrence of text in the active editor (editor find, then Escape keeps the selection). */
async function selectText(page, text) {
  await page.locator('.editor-group-container.active .monaco-editor .view-lines').first().click();
  await page.keyboard.press('Control+Home');
  await page.keyboard.press('Control+F');
  const input = page.locator('.editor-group-container.active .find-widget.visible textarea, .editor-group-container.active .find-widget.visible input').first();
  await input.waitFor({ timeout: 10_000 });
  await input.fill(text);
  await page.keyboard.press('Enter');
  await page.keyboard.press('Escape');
}

// ---------------------------------------------------------------------------------------------
// Driver
// ---------------------------------------------------------------------------------------------
const args = process.argv.slice(2);
if (args.includes('--list')) {
  console.log(Object.keys(STEPS).join('\n'));
  process.exit(0);
}
const unknown = args.filter((a) => !(a in STEPS));
if (unknown.length) {
  console.error(`[ui] unknown step(s): ${unknown.join(', ')}; known: ${Object.keys(STEPS).join(', ')}`);
  process.exit(2);
}
const selected = args.length ? args : Object.keys(STEPS);
requirePaths([['Node 24', node24], ['code-server', codeServerEntry], ['Chromium', chromiumPath], ['vsce', vsceBin],
  ['the built extension', path.join(repoDir, manifest.main ?? 'package.json')]]);

// A local fake Intercom for the import preview (never the internet).
const FAKE_TOKEN = 'tok_valid_us_v215';
const fakePort = await new Promise((resolve) => { const srv = net.createServer(); srv.listen(0, '127.0.0.1', () => { const { port } = srv.address(); srv.close(() => resolve(port)); }); });
const fake = spawn(process.execPath, ['--import', 'tsx', path.join(repoDir, 'test/fake-intercom/main.ts'), '--port', String(fakePort), '--proxy-latency-ms', '0'],
  { cwd: repoDir, stdio: ['ignore', 'pipe', 'pipe'] });
await new Promise((resolve, reject) => {
  const timer = setTimeout(() => reject(new Error('the fake Intercom did not start')), 30_000);
  fake.stdout.on('data', (d) => { if (String(d).includes('listening')) { clearTimeout(timer); resolve(); } });
  fake.on('exit', (code) => { clearTimeout(timer); reject(new Error(`the fake Intercom exited (${code})`)); });
});
say(`fake Intercom on 127.0.0.1:${fakePort}`);

// A local fake EIC for the comparison, seeded (with the CLI) with the connection of eic/Intercom in
// which two attributes differ, so that Compare has something to show.
const FAKE_EIC_USER = { username: 'admin', password: 'fake-eic-password' };
const eicPort = await new Promise((resolve) => { const srv = net.createServer(); srv.listen(0, '127.0.0.1', () => { const { port } = srv.address(); srv.close(() => resolve(port)); }); });
const fakeEic = spawn(process.execPath, ['--import', 'tsx', path.join(repoDir, 'test/fake-eic/main.ts'), '--port', String(eicPort)],
  { cwd: repoDir, stdio: ['ignore', 'pipe', 'pipe'] });
await new Promise((resolve, reject) => {
  const timer = setTimeout(() => reject(new Error('the fake EIC did not start')), 30_000);
  fakeEic.stdout.on('data', (d) => { if (String(d).includes('listening')) { clearTimeout(timer); resolve(); } });
  fakeEic.on('exit', (code) => { clearTimeout(timer); reject(new Error(`the fake EIC exited (${code})`)); });
});
{
  const seed = fs.mkdtempSync(path.join(process.env.TMPDIR ?? '/tmp', 'eic-seed-'));
  const folder = path.join(seed, 'Intercom');
  fs.cpSync(path.join(repoDir, 'test/e2e/workspace/eic/Intercom'), folder, { recursive: true });
  const edit = (name, from, to) => { const f = path.join(folder, name); fs.writeFileSync(f, fs.readFileSync(f, 'utf8').replace(from, to)); };
  edit('TicketStatusJSON.json', '"resolved"', '"in_progress"');
  edit('ConfigJSON.json', '"readTimeout": 60', '"readTimeout": 90');
  const seeded = spawnSync(process.execPath, [path.join(repoDir, 'dist/cli.js'), 'deploy', folder, '--eic-url', `http://127.0.0.1:${eicPort}`,
    '--eic-user-env', 'SEED_USER', '--eic-password-env', 'SEED_PASSWORD', '--with-connection-json', '--yes'],
  { encoding: 'utf8', env: { ...process.env, SEED_USER: FAKE_EIC_USER.username, SEED_PASSWORD: FAKE_EIC_USER.password, INTERCOM_ACCESS_TOKEN: 'tok_fake_intercom_for_screenshots' } });
  fs.rmSync(seed, { recursive: true, force: true });
  if (seeded.status !== 0) say(`seeding the fake EIC failed (${seeded.status}): ${seeded.stderr.trim()}`);
}
say(`fake EIC on 127.0.0.1:${eicPort}`);
const sb = makeSandbox({ trust: 'trusted', settings: {
  'workbench.colorTheme': 'Default Dark Modern',
  'saviyntRest.intercom.baseUrl': `http://127.0.0.1:${fakePort}`,
  'saviyntRest.http.allowedHosts': [`127.0.0.1:${fakePort}`],
  'saviyntRest.eic.url': `http://127.0.0.1:${eicPort}`,
  ...extraSettingsFromEnv(),
}, label: 'ui' });
let server;
let browser;
let page;
const results = [];
try {
  const vsix = packageVsix(path.join(sb.dir, 'ext.vsix'), sb.dir);
  say(`packaged ${path.basename(vsix)} (${Math.round(fs.statSync(vsix).size / 1024)} KiB)`);
  codeServerCli(sb, ['--install-extension', vsix, '--force']);
  const installed = codeServerCli(sb, ['--list-extensions', '--show-versions']).trim();
  if (!installed.toLowerCase().includes(extensionId.toLowerCase())) throw new Error(`${extensionId} not installed; code-server lists: ${installed}`);
  say(`installed ${installed}`);

  server = await startCodeServer(sb);
  browser = await launchChromium(sb);
  page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
  if (verbose) page.on('console', (m) => console.log(`[browser ${m.type()}] ${m.text()}`));
  await page.goto(workbenchUrl(server, sb.workspace));
  await page.locator('.monaco-workbench').waitFor({ timeout: 60_000 });
  await page.locator('.explorer-folders-view .monaco-list-row').first().waitFor({ timeout: 60_000 });
  say(`workbench ready on ${server.origin}`);
  fs.mkdirSync(outDir, { recursive: true });

  const runCommand = async (label, { optional = false } = {}) => {
    const t = Date.now();
    await page.keyboard.press('F1');
    const input = page.locator('.quick-input-widget input');
    await input.waitFor({ state: 'visible', timeout: 10_000 });
    await input.fill(`>${label}`);
    const row = page.locator('.quick-input-list .monaco-list-row', { hasText: label }).first();
    try {
      await row.waitFor({ timeout: optional ? 3_000 : 15_000 });
    } catch {
      await page.keyboard.press('Escape');
      if (verbose) say(`command palette: "${label}" not found`);
      if (optional) return;
      throw new Error(`command "${label}" not found in the command palette`);
    }
    await page.keyboard.press('Enter');
    if (verbose) say(`command palette: "${label}" (${Date.now() - t} ms)`);
  };
  /** A clean editor area: every editor closed without saving, no notifications. */
  /** Discards unsaved edits ("Don't Save") and dismisses any other dialog (e.g. an error). */
  const dismissDialogs = async () => {
    const dialog = page.locator('.monaco-dialog-box');
    for (let i = 0; i < 10 && await dialog.count() > 0; i++) {
      const dontSave = dialog.locator('.monaco-button', { hasText: "Don't Save" });
      if (await dontSave.count() > 0) await dontSave.first().click();
      else await page.keyboard.press('Escape');
      await page.waitForTimeout(300);
    }
  };
  /** A clean editor area: every editor closed without saving, no dialogs, no notifications. */
  const resetWorkbench = async () => {
    await page.keyboard.press('Escape');
    await dismissDialogs();
    await runCommand('View: Close All Editors', { optional: true });
    await page.waitForTimeout(500);
    await dismissDialogs();
    await runCommand('Notifications: Clear All Notifications', { optional: true });
  };
  const openFile = async (relative, expectText) => {
    await page.keyboard.press('Control+P');
    const input = page.locator('.quick-input-widget input');
    await input.waitFor({ state: 'visible', timeout: 10_000 });
    await input.fill(relative);
    await page.locator('.quick-input-list .monaco-list-row', { hasText: path.basename(relative) }).first().waitFor({ timeout: 15_000 });
    await page.keyboard.press('Enter');
    await page.locator('.editor-group-container.active .monaco-editor .view-lines', { hasText: expectText }).first().waitFor({ timeout: 30_000 });
  };

  for (const name of selected) {
    const file = path.join(outDir, `${name}.png`);
    const started = Date.now();
    try {
      await resetWorkbench();
      await STEPS[name]({ page, openFile, runCommand, shot: () => page.screenshot({ path: file }) });
      if (!fs.existsSync(file)) throw new Error('the step took no screenshot');
      results.push([name, true]);
      say(`✔ ${name} -> ${path.relative(repoDir, file)} (${((Date.now() - started) / 1000).toFixed(1)}s)`);
    } catch (e) {
      results.push([name, false]);
      const failShot = path.join(sb.dir, `failed-${name}.png`);
      await page.screenshot({ path: failShot }).catch(() => {});
      say(`✘ ${name}: ${e.message.split('\n')[0]} (page: ${failShot})`);
    }
  }
  const activation = readExtHostLogs(sb).split('\n').find((l) => l.includes(`_doActivateExtension ${extensionId}`));
  say(activation ? `activation: ${activation.replace(/^.*ExtensionService#/, '')}` : `no activation of ${extensionId} in remoteexthost.log`);
} catch (e) {
  console.error(`[ui] ERROR: ${e.message}`);
  if (page) await page.screenshot({ path: path.join(sb.dir, 'failure.png') }).catch(() => {});
  for (const name of selected) if (!results.some(([n]) => n === name)) results.push([name, false]);
}
try { await browser?.close(); } catch { /* gone */ }
await server?.stop();
fake.kill();
fakeEic.kill();
const passed = results.filter(([, ok]) => ok).length;
const failed = results.length - passed;
const note = disposeSandbox(sb, { success: failed === 0, hint: `${CODE_SERVER_LOG_HINT}, failed-<step>.png` });
if (note) console.log(`[ui] ${note}`);
console.log(`ui: ${passed} passed, ${failed} failed`);
process.exit(failed === 0 ? 0 : 1);
