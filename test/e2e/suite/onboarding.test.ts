// Issue 14, items 7, 9 and 10 in the extension host: the walkthrough and its media, keybindings that
// VS Code does not use itself, Run/Preview reachable for the call at the cursor, the token state in
// the status bar, the CLI that ships inside the extension, the example connection, and the messages
// a new user meets (package refusals, calls without ConnectionJSON, a refused connection's setting).
import * as assert from 'assert';
import * as cp from 'child_process';
import * as fs from 'fs';
import * as net from 'net';
import * as path from 'path';
import * as vscode from 'vscode';
import {
  EXTENSION_ID, activeExtension, closeAllEditors, fixtureUri, openFixture, sleep, waitFor, withAnsweredUi,
} from './helpers';

type Manifest = {
  contributes: {
    walkthroughs: { id: string; steps: { id: string; media: { markdown?: string; image?: string }; completionEvents: string[] }[] }[];
    keybindings: { command: string; key: string; mac?: string; when: string }[];
    menus: Record<string, { command: string; when?: string }[]>;
    commands: { command: string }[];
  };
};

function manifest(): Manifest {
  return vscode.extensions.getExtension(EXTENSION_ID)!.packageJSON as Manifest;
}

interface Api { tokenStatus(): { text: string; tooltip: string; visible: boolean } | undefined }

suite('first hour: onboarding, shortcuts, status, CLI', function () {
  this.timeout(90_000);
  let api: Api;
  suiteSetup(async () => {
    await openFixture('intercom/ImportAccountEntJSON.json');
    api = (await activeExtension()).exports as Api;
  });
  suiteTeardown(async () => {
    await vscode.commands.executeCommand('saviyntRest.clearToken', { region: 'us' });
    await closeAllEditors();
  });

  test('the walkthrough has the five steps, each with its page shipped, completed by a registered command', async () => {
    const [walkthrough] = manifest().contributes.walkthroughs;
    assert.deepStrictEqual(walkthrough.steps.map((s) => s.id), ['setToken', 'testConnection', 'openExample', 'previewImport', 'package']);
    const extensionPath = vscode.extensions.getExtension(EXTENSION_ID)!.extensionPath;
    const registered = new Set(await vscode.commands.getCommands(true));
    for (const step of walkthrough.steps) {
      const media = step.media.markdown ?? step.media.image!;
      assert.ok(fs.existsSync(path.join(extensionPath, media)), `${media} exists`);
      for (const event of step.completionEvents) {
        const command = /^onCommand:(.+)$/.exec(event)?.[1];
        assert.ok(command && registered.has(command), `${event} names a registered command`);
      }
    }
    await vscode.commands.executeCommand('saviyntRest.openWalkthrough');
    await waitFor('the walkthrough\'s editor', () => vscode.window.tabGroups.all.flatMap((g) => g.tabs).some((t) => /welcome|walkthrough|get/i.test(t.label)), 15_000);
    await closeAllEditors();
  });

  test('keybindings: chords under Ctrl+Alt+K, unused by VS Code\'s own bindings, only in connection files', async () => {
    const ours = manifest().contributes.keybindings;
    assert.ok(ours.length >= 5);
    const defaults = (await vscode.workspace.openTextDocument(vscode.Uri.parse('vscode://defaultsettings/keybindings.json'))).getText();
    // The list holds every contributed binding too: VS Code's own and other extensions' are the others.
    const defaultKeys = [...defaults.matchAll(/"key":\s*"([^"]+)",\s*"command":\s*"([^"]+)"/g)]
      .filter((m) => !m[2].startsWith('saviyntRest.')).map((m) => m[1]);
    assert.ok(defaultKeys.length > 500, `VS Code's default keybindings were read (${defaultKeys.length})`);
    for (const binding of ours) {
      const prefix = binding.key.split(' ')[0];
      const clash = defaultKeys.filter((k) => k === binding.key || k.split(' ')[0] === prefix);
      assert.deepStrictEqual(clash, [], `${binding.key} (${binding.command}) clashes with a VS Code binding`);
      assert.match(binding.when, /editorLangId == saviynt-json/, `${binding.command} is scoped to connection files`);
      assert.ok(binding.mac?.startsWith('cmd+alt+k '), `${binding.command} has a macOS key`);
    }
    for (const command of ['saviyntRest.runCall', 'saviyntRest.previewRequest', 'saviyntRest.previewImport', 'saviyntRest.checkConnectionFolder', 'saviyntRest.packageConnection']) {
      assert.ok(ours.some((b) => b.command === command), `${command} has a key`);
    }
  });

  test('Run/Preview reach the call at the cursor from the palette (no argument) and the editor menu (the document)', async () => {
    const menus = manifest().contributes.menus;
    for (const command of ['saviyntRest.runCall', 'saviyntRest.previewRequest']) {
      const palette = menus.commandPalette.find((m) => m.command === command);
      assert.ok(palette && palette.when !== 'false', `${command} is in the palette`);
      assert.ok(menus['editor/context'].some((m) => m.command === command), `${command} is in the editor's context menu`);
    }
    const title = menus['editor/title'].find((m) => m.command === 'saviyntRest.previewImport')!;
    assert.match(title.when!, /importaccountentjson\\\.json/i, '"Preview Import…" only in the title bar of ImportAccountEntJSON');
    const config = vscode.workspace.getConfiguration('saviyntRest');
    await config.update('calls.sampleIdentityFile', 'calls/sample-identity.json', vscode.ConfigurationTarget.Workspace);
    const doc = await openFixture('calls/intercom-teammates/CreateTicketJSON.json');
    const editor = await vscode.window.showTextDocument(doc);
    const at = doc.positionAt(doc.getText().indexOf('"httpMethod"'));
    editor.selection = new vscode.Selection(at, at);
    for (const arg of [undefined, doc.uri]) {
      const r = await withAnsweredUi({}, async (calls) => {
        const result = await vscode.commands.executeCommand<{ ok: boolean; call?: { name: string } }>('saviyntRest.previewRequest', arg);
        assert.deepStrictEqual(calls.filter((c) => c.fn === 'showQuickPick'), [], 'no "Which call?" question');
        return result;
      });
      assert.ok(r?.call, `a call was previewed (${arg ? 'editor menu' : 'palette'})`);
      assert.strictEqual(r.call.name, 'call1');
    }
    await config.update('calls.sampleIdentityFile', undefined, vscode.ConfigurationTarget.Workspace);
    await closeAllEditors();
  });

  test('the token state is in the status bar while a connection file is active, without opening a hover', async () => {
    await vscode.commands.executeCommand('saviyntRest.clearToken', { region: 'us' });
    await vscode.window.showTextDocument(await openFixture('intercom/ImportAccountEntJSON.json'));
    await waitFor('the "no token" status', () => api.tokenStatus()?.text.includes('Intercom US: no token') && api.tokenStatus()?.visible, 10_000);
    assert.match(api.tokenStatus()!.tooltip, /No Intercom access token is stored for the US region/);
    assert.strictEqual(await vscode.commands.executeCommand('saviyntRest.setToken', { region: 'us', token: 'tok_status_bar_test_0123' }), true);
    await waitFor('the "token set" status', () => api.tokenStatus()?.text === '$(key) Intercom US', 10_000);
    assert.ok(!api.tokenStatus()!.tooltip.includes('tok_status_bar_test_0123'), 'the token itself is never shown');
    const other = await vscode.workspace.openTextDocument({ language: 'markdown', content: '# notes' });
    await vscode.window.showTextDocument(other);
    await waitFor('the status to hide for other files', () => api.tokenStatus()?.visible === false, 10_000);
    await closeAllEditors();
  });

  test('the CLI that ships inside the extension runs from the launcher and from the copied command line', async () => {
    const opened = await vscode.commands.executeCommand<{ launcher?: string }>('saviyntRest.openCliTerminal');
    assert.ok(opened?.launcher && fs.existsSync(opened.launcher), 'the saviynt-rest launcher was written');
    const target = fixtureUri('transport/Intercom').fsPath;
    const viaLauncher = cp.spawnSync(opened.launcher, ['check', target], { encoding: 'utf8', timeout: 60_000 });
    assert.strictEqual(viaLauncher.status, 0, viaLauncher.stderr);
    assert.match(viaLauncher.stderr, /No findings|note\(s\)/);
    const line = await vscode.commands.executeCommand<string>('saviyntRest.copyCliCommand');
    assert.strictEqual(await vscode.env.clipboard.readText(), line);
    assert.match(line, /dist[\\/]cli\.js"?$/);
    const viaLine = cp.spawnSync('/bin/sh', ['-c', `${line} check "${target}"`], { encoding: 'utf8', timeout: 60_000 });
    assert.strictEqual(viaLine.status, 0, viaLine.stderr);
    for (const t of vscode.window.terminals) t.dispose();
  });

  test('the teammates example connection is copied into "Intercom teammates example/" and checks clean of errors', async () => {
    const parent = fixtureUri('onboarding');
    fs.mkdirSync(parent.fsPath, { recursive: true });
    const r = await vscode.commands.executeCommand<{ folder: string; files: string[] }>('saviyntRest.openExample', { parent: parent.toString(), silent: true });
    assert.ok(r.files.includes('ImportAccountEntJSON.json') && r.files.includes('ConnectionJSON.json'), r.files.join(', '));
    const folder = path.join(parent.fsPath, 'Intercom teammates example');
    assert.deepStrictEqual(fs.readdirSync(folder).sort(), [...r.files].sort());
    const check = await vscode.commands.executeCommand<{ errors: number; files: unknown[] }>('saviyntRest.checkConnectionFolder', { folder: vscode.Uri.file(folder), silent: true });
    assert.strictEqual(check.files.length, r.files.filter((f) => f !== 'connection.meta.json').length);
    assert.strictEqual(check.errors, 0);
  });
});

suite('first hour: messages', function () {
  this.timeout(60_000);
  suiteSetup(activeExtension);
  suiteTeardown(closeAllEditors);

  test('a refused package names the first error and how many more, with no command-line flag', async () => {
    const messages = await withAnsweredUi({}, async (calls) => {
      await vscode.commands.executeCommand('saviyntRest.packageConnection', { folder: fixtureUri('seeded').toString() });
      return calls.filter((c) => c.fn === 'showErrorMessage');
    });
    assert.strictEqual(messages.length, 1);
    const [message] = messages;
    const count = /(\d+) errors? must be fixed first/.exec(message.text);
    assert.ok(count, message.text);
    const more = /\((\d+) more problems? in the output/.exec(message.text);
    assert.strictEqual(Number(more?.[1] ?? 0), Number(count[1]) - 1, `"more" counts the other errors only: ${message.text}`);
    assert.ok(!/--[a-z]/.test(message.text), `no CLI flag: ${message.text}`);
    assert.deepStrictEqual(message.items, ['Package Anyway', 'Show Problems']);
  });

  test('packaging calls whose authentication has no ConnectionJSON warns', async () => {
    const folder = fixtureUri('no-connection-json');
    fs.mkdirSync(folder.fsPath, { recursive: true });
    fs.copyFileSync(fixtureUri('transport/Intercom/CreateAccountJSON.json').fsPath, path.join(folder.fsPath, 'CreateAccountJSON.json'));
    const shown = await withAnsweredUi({}, async (calls) => {
      const r = await vscode.commands.executeCommand<{ authenticationWarnings: string[] }>('saviyntRest.packageConnection',
        { folder: folder.toString(), output: fixtureUri('packages/no-connection-json.zip').toString() });
      assert.strictEqual(r.authenticationWarnings.length, 1);
      await sleep(200);
      return calls;
    });
    const warning = shown.find((c) => c.fn === 'showWarningMessage');
    assert.ok(warning, shown.map((c) => `${c.fn}: ${c.text}`).join(' | '));
    assert.match(warning.text, /CreateAccountJSON\.json uses the authentication "acctAuth", but the package has no ConnectionJSON/);
  });

  test('a refused connection names the setting that chose the host', async () => {
    const config = vscode.workspace.getConfiguration('saviyntRest');
    // A port nothing listens on: taken from the system, then released.
    const closedPort = await new Promise<number>((resolve) => {
      const probe = net.createServer().listen(0, '127.0.0.1', () => {
        const port = (probe.address() as net.AddressInfo).port;
        probe.close(() => resolve(port));
      });
    });
    await config.update('intercom.baseUrl', `http://127.0.0.1:${closedPort}`, vscode.ConfigurationTarget.Workspace);
    await config.update('http.allowedHosts', [`127.0.0.1:${closedPort}`], vscode.ConfigurationTarget.Workspace);
    assert.strictEqual(await vscode.commands.executeCommand('saviyntRest.setToken', { region: 'us', token: 'tok_refused_test_01234' }), true);
    try {
      const r = await vscode.commands.executeCommand<{ ok: boolean; message: string; problem?: { kind: string } }>('saviyntRest.testConnection', { silent: true });
      assert.strictEqual(r.ok, false);
      assert.strictEqual(r.problem?.kind, 'connection-refused', r.message);
      assert.ok(r.message.includes(`refused the connection. Nothing is listening at that address and port. The address comes from the setting saviyntRest.intercom.baseUrl ("http://127.0.0.1:${closedPort}")`), r.message);
    } finally {
      await config.update('intercom.baseUrl', undefined, vscode.ConfigurationTarget.Workspace);
      await config.update('http.allowedHosts', undefined, vscode.ConfigurationTarget.Workspace);
      await vscode.commands.executeCommand('saviyntRest.clearToken', { region: 'us' });
    }
  });
});
