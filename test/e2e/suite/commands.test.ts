// The extension's commands in the real extension host:
//  - Set / Clear Intercom Access Token, with arguments and through the real region quick pick and the
//    real password input box;
//  - Package Connection (silent) and Unpack (silent) round trip, byte for byte;
//  - New Intercom Connection (silent): the files open with no error diagnostics;
//  - the token canary: a token set through the command shows up in no workspace file, no log and no
//    setting, also after packaging and unpacking.
//
// Driving the input box: nothing that runs in the extension host can type into the quick input of
// code-server 1.139. `type`/`default:type` only reach a focused code editor, the paste commands end in
// document.execCommand('paste'), which headless Chromium refuses, and workbench.action.quickOpen with a
// value replaces the input box (it resolves undefined). So the test wraps vscode.window.showInputBox
// (the extension and this suite share one API object): the wrapper records the options and opens the
// REAL input box with the text pre-filled, then the test accepts it with
// workbench.action.acceptSelectedQuickOpenItem. The extension's own validateInput therefore runs in
// the real widget (a too-short token cannot be accepted), only the keystrokes are replaced by `value`.
import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import * as vscode from 'vscode';
import {
  activeExtension, closeAllEditors, codeOf, describeDiagnostics, extensionLogFile, filesBelow, fixtureUri, openFixture, sandboxDir, sleep,
  waitFor, waitForDiagnosticsWhere, waitForLanguage, workspaceFolder,
} from './helpers';
import { log } from './log';

const SET = 'saviyntRest.setToken';
const CLEAR = 'saviyntRest.clearToken';
const PACKAGE = 'saviyntRest.packageConnection';
const UNPACK = 'saviyntRest.unpackPackage';
const NEW_CONNECTION = 'saviyntRest.newConnection';

/** A distinctive token value: long, unlike anything else in the sandbox. */
const CANARY = `e2eCanaryTok${Date.now().toString(36)}Q7xZ9kLm`;

function readText(file: string): string {
  return fs.readFileSync(file, 'utf8');
}

/** Resolves to the value, or to 'pending' when the promise has not settled after `ms`. */
async function settledWithin<T>(promise: Thenable<T>, ms: number): Promise<T | 'pending'> {
  return Promise.race([Promise.resolve(promise), sleep(ms).then(() => 'pending' as const)]);
}

type Window = typeof vscode.window;

/**
 * Wraps showQuickPick (record only) and showInputBox (record, pre-fill `value`, open the real box)
 * while `body` runs; restores them afterwards.
 */
async function withRealInputBox<T>(value: string, body: (calls: { quickPicks: number; inputs: vscode.InputBoxOptions[] }) => Promise<T>): Promise<T> {
  const win = vscode.window as { -readonly [K in keyof Window]: Window[K] };
  const realInput = win.showInputBox;
  const realPick = win.showQuickPick;
  const calls = { quickPicks: 0, inputs: [] as vscode.InputBoxOptions[] };
  win.showInputBox = ((options?: vscode.InputBoxOptions, token?: vscode.CancellationToken) => {
    calls.inputs.push({ ...options });
    return realInput.call(vscode.window, { ...options, value }, token);
  }) as Window['showInputBox'];
  win.showQuickPick = ((...args: unknown[]) => {
    calls.quickPicks++;
    return (realPick as (...a: unknown[]) => unknown).apply(vscode.window, args);
  }) as Window['showQuickPick'];
  try {
    return await body(calls);
  } finally {
    win.showInputBox = realInput;
    win.showQuickPick = realPick;
  }
}

const accept = () => vscode.commands.executeCommand('workbench.action.acceptSelectedQuickOpenItem');

suite('commands: access token', () => {
  suiteSetup(async () => {
    await openFixture('intercom/ImportAccountEntJSON.json');
    await activeExtension();
  });
  suiteTeardown(async () => {
    await vscode.commands.executeCommand(CLEAR, { region: 'us' });
    await vscode.commands.executeCommand(CLEAR, { region: 'eu' });
    await closeAllEditors();
  });

  test('set with arguments: a usable token is stored (true, logged), an unusable one is refused (false)', async () => {
    const logFile = extensionLogFile();
    const count = (line: string) => readText(logFile).split(line).length - 1;
    const usBefore = count('Intercom access token stored for region US.');
    const euBefore = count('Intercom access token stored for region EU.');
    assert.strictEqual(await vscode.commands.executeCommand(SET, { region: 'eu', token: 'short' }), false, 'a 5-character token is refused');
    assert.strictEqual(await vscode.commands.executeCommand(SET, { region: 'eu', token: 'has a space in it' }), false, 'a token with spaces is refused');
    assert.strictEqual(await vscode.commands.executeCommand(SET, { region: 'eu', token: `Bearer ${CANARY}` }), true, 'a pasted "Bearer …" token is stored');
    await waitFor('one log line about the EU token', () => count('Intercom access token stored for region EU.') === euBefore + 1, 10_000);
    assert.strictEqual(await vscode.commands.executeCommand(CLEAR, { region: 'eu' }), true);
    await waitFor('the log line about clearing the EU token', () => readText(logFile).includes('Intercom access token cleared for region EU.'), 10_000);
    assert.strictEqual(count('Intercom access token stored for region US.'), usBefore, 'nothing was stored for another region');
    assert.strictEqual(count('Intercom access token stored for region EU.'), euBefore + 1, 'the refused tokens were not stored');
    assert.ok(!readText(logFile).includes(CANARY), 'the log never holds the token');
  });

  test('set without arguments: the real region quick pick and the real password input box', async () => {
    const logFile = extensionLogFile();
    const storedBefore = readText(logFile).split('Intercom access token stored for region US.').length - 1;
    const result = await withRealInputBox(CANARY, async (calls) => {
      const running = vscode.commands.executeCommand<boolean>(SET);
      await waitFor('the region quick pick', () => calls.quickPicks === 1, 10_000);
      await sleep(500);
      await accept(); // the first item is the configured region (us)
      await waitFor('the token input box', () => calls.inputs.length === 1, 10_000);
      await sleep(500);
      await accept();
      return settledWithin(running, 10_000);
    });
    assert.strictEqual(result, true, 'the command stored the token typed into the input box');
    await waitFor('the log line about the US token', () => readText(logFile).split('Intercom access token stored for region US.').length - 1 === storedBefore + 1, 10_000);
    assert.ok(!readText(logFile).includes(CANARY), 'the log never holds the token');
  });

  test('the input box asks for a password and its validation blocks a too-short token; Escape returns false', async () => {
    const inputs = await withRealInputBox('short', async (calls) => {
      const running = vscode.commands.executeCommand<boolean>(SET, { region: 'us' });
      await waitFor('the token input box', () => calls.inputs.length === 1, 10_000);
      await sleep(500);
      await accept();
      assert.strictEqual(await settledWithin(running, 1500), 'pending', 'the input box does not accept a token the validation rejects');
      await vscode.commands.executeCommand('workbench.action.closeQuickOpen');
      assert.strictEqual(await settledWithin(running, 5000), false, 'closing the input box makes the command return false');
      return calls.inputs;
    });
    const [options] = inputs;
    assert.strictEqual(options.password, true, 'the token is typed into a password box');
    assert.strictEqual(options.ignoreFocusOut, true);
    assert.strictEqual(options.title, 'Intercom access token (US)');
    assert.strictEqual(typeof options.validateInput, 'function');
    assert.strictEqual(await options.validateInput!('short'), 'That is too short to be an Intercom access token.');
    assert.strictEqual(await options.validateInput!(`Bearer ${CANARY}`), undefined);
  });

  test('clear with and without arguments returns true and logs the region', async () => {
    const logFile = extensionLogFile();
    const before = readText(logFile).split('Intercom access token cleared for region US.').length - 1;
    assert.strictEqual(await vscode.commands.executeCommand(CLEAR), true, 'clear without arguments uses the configured region');
    assert.strictEqual(await vscode.commands.executeCommand(CLEAR, { region: 'us' }), true);
    await waitFor('two log lines about clearing the US token',
      () => readText(logFile).split('Intercom access token cleared for region US.').length - 1 === before + 2, 10_000);
  });
});

suite('commands: package, unpack, new connection', () => {
  const SOURCE = 'transport/Intercom';
  const STAMP = '2026-01-15_10-00-00';

  suiteSetup(activeExtension);
  suiteTeardown(closeAllEditors);

  /** Attribute files (*.json except connection.meta.json) of a folder, sorted. */
  function attributeFiles(folder: vscode.Uri): string[] {
    return fs.readdirSync(folder.fsPath).filter((f) => f.endsWith('.json') && f !== 'connection.meta.json').sort();
  }

  test('package (silent) writes the zip EIC imports; the same stamp gives the same bytes', async () => {
    const output = fixtureUri('packages/Intercom.zip');
    const result = await vscode.commands.executeCommand<{ zip: Uint8Array; fileName: string; connectionName: string; entries: { name: string }[]; secretPlaceholders: unknown[] }>(
      PACKAGE, { folder: fixtureUri(SOURCE).toString(), output: output.toString(), silent: true, timestamp: STAMP });
    assert.ok(result, 'the command returns the package');
    assert.strictEqual(result.connectionName, 'Intercom');
    assert.deepStrictEqual(result.entries.map((e) => e.name), [`Connection_${STAMP}(UTC).json`, `ObjectSummary_${STAMP}(UTC).json`]);
    assert.deepStrictEqual(result.secretPlaceholders, [], 'the fixture ConnectionJSON holds a placeholder, no token');
    const written = fs.readFileSync(output.fsPath);
    assert.ok(written.subarray(0, 4).equals(Buffer.from('PK\x03\x04', 'latin1')), 'a zip file was written');
    assert.ok(written.equals(Buffer.from(result.zip)), 'the file holds the returned zip');
    const again = await vscode.commands.executeCommand<{ zip: Uint8Array }>(
      PACKAGE, { folder: fixtureUri(SOURCE).toString(), output: fixtureUri('packages/Intercom-again.zip').toString(), silent: true, timestamp: STAMP });
    assert.ok(Buffer.from(again.zip).equals(written), 'packaging is deterministic for a given stamp');
  });

  test('unpack (silent) into a new folder gives back every attribute file byte for byte', async () => {
    const source = fixtureUri(SOURCE);
    const target = fixtureUri('unpacked/Intercom');
    assert.ok(!fs.existsSync(target.fsPath), 'the target folder does not exist yet');
    const result = await vscode.commands.executeCommand<{ connections: { name: string; folder: string; files: string[]; encrypted: string[] }[] }>(
      UNPACK, { source: fixtureUri('packages/Intercom.zip').toString(), target: target.toString(), silent: true });
    assert.strictEqual(result.connections.length, 1);
    const [connection] = result.connections;
    assert.strictEqual(connection.name, 'Intercom');
    assert.strictEqual(connection.folder, target.path);
    assert.deepStrictEqual(connection.encrypted, []);
    const expected = attributeFiles(source);
    assert.strictEqual(expected.length, 9, 'the fixture connection (the contacts example) has 9 attribute files');
    assert.deepStrictEqual(attributeFiles(target), expected, 'the same attribute files came back');
    assert.deepStrictEqual([...connection.files].sort(), [...expected, 'connection.meta.json'].sort());
    for (const name of expected) {
      const a = fs.readFileSync(path.join(source.fsPath, name));
      const b = fs.readFileSync(path.join(target.fsPath, name));
      assert.ok(a.equals(b), `${name} is byte-identical after the round trip`);
    }
  });

  test('package (silent) refuses a folder with errors and names them', async () => {
    await assert.rejects(
      Promise.resolve(vscode.commands.executeCommand(PACKAGE, { folder: fixtureUri('seeded').toString(), output: fixtureUri('packages/seeded.zip').toString(), silent: true })),
      (error: Error) => {
        assert.ok(error.message.startsWith('The package was not written:'), error.message);
        assert.ok(error.message.includes('CreateAccountJSON.json:13:37: [json-trailing-comma]'), error.message);
        assert.ok(error.message.includes('DisableAccountJSON.json:10:27: [binding-unclosed]'), error.message);
        return true;
      });
    assert.ok(!fs.existsSync(fixtureUri('packages/seeded.zip').fsPath), 'no zip was written');
  });

  test('new connection (silent), teammates model: tickets, no lifecycle call, and the contacts model with its incremental folder', async () => {
    const teammates = await vscode.commands.executeCommand<{ files: string[]; more: unknown[] }>(
      NEW_CONNECTION, { folder: fixtureUri('created/Teammates').toString(), name: 'Teammates', model: 'teammates', region: 'us', apiVersion: '2.16', silent: true });
    assert.deepStrictEqual([...teammates.files].sort(), ['ConnectionJSON.json', 'CreateTicketJSON.json', 'ImportAccountEntJSON.json', 'TicketStatusJSON.json', 'connection.meta.json']);
    assert.deepStrictEqual(teammates.more, []);
    const contacts = await vscode.commands.executeCommand<{ files: string[]; more: { folder: string; files: string[] }[] }>(
      NEW_CONNECTION, { folder: fixtureUri('created/Contacts').toString(), name: 'Contacts', model: 'contacts', region: 'us', apiVersion: '2.16', features: 'import,incremental', silent: true });
    assert.ok(contacts.files.includes('ImportAccountEntJSON.json'), 'the full import is kept');
    assert.strictEqual(contacts.more.length, 1);
    assert.ok(contacts.more[0].folder.endsWith('/created/Contacts-incremental'), contacts.more[0].folder);
    assert.match(readText(path.join(fixtureUri('created/Contacts-incremental').fsPath, 'ImportAccountEntJSON.json')), /contacts\/search/);
  });

  test('new connection (silent) creates the files, and they open with no error diagnostics', async () => {
    const folder = fixtureUri('created/Intercom EU');
    const result = await vscode.commands.executeCommand<{ folder: string; connectionName: string; files: string[] }>(
      NEW_CONNECTION, { folder: folder.toString(), name: 'Intercom EU', model: 'contacts', region: 'eu', apiVersion: '2.15', features: 'import,lifecycle', silent: true });
    assert.strictEqual(result.connectionName, 'Intercom EU');
    assert.strictEqual(result.files[result.files.length - 1], 'connection.meta.json');
    for (const name of ['ConnectionJSON.json', 'ImportAccountEntJSON.json', 'CreateAccountJSON.json']) {
      assert.ok(result.files.includes(name), `${name} was created (files: ${result.files.join(', ')})`);
    }
    const onDisk = fs.readdirSync(folder.fsPath).sort();
    assert.deepStrictEqual(onDisk, [...result.files].sort(), 'the files on disk are the ones reported');
    const connection = readText(path.join(folder.fsPath, 'ConnectionJSON.json'));
    assert.ok(connection.includes('https://api.eu.intercom.io'), 'the EU API host is used');
    const attributeNames = result.files.filter((f) => f !== 'connection.meta.json');
    const docs: vscode.TextDocument[] = [];
    for (const name of attributeNames) {
      const doc = await vscode.workspace.openTextDocument(fixtureUri(`created/Intercom EU/${name}`));
      docs.push(await waitForLanguage(doc.uri));
    }
    // Give the server time to check each (and its siblings), then no error may be reported.
    await sleep(1500);
    for (const doc of docs) {
      const errors = vscode.languages.getDiagnostics(doc.uri).filter((d) => d.severity === vscode.DiagnosticSeverity.Error);
      assert.deepStrictEqual(errors.map((d) => d.message), [], `${path.basename(doc.uri.path)}: ${describeDiagnostics(errors)}`);
    }
    // Control: the server does check these files — a seeded trailing comma is reported at once.
    const target = docs.find((d) => d.uri.path.endsWith('/CreateAccountJSON.json'))!;
    const lastBrace = target.getText().lastIndexOf('}');
    const commaAt = target.positionAt(target.getText().slice(0, lastBrace).trimEnd().length);
    const edit = new vscode.WorkspaceEdit();
    edit.insert(target.uri, commaAt, ',');
    assert.ok(await vscode.workspace.applyEdit(edit));
    await waitForDiagnosticsWhere(target.uri, 'the seeded trailing comma', (l) => l.some((d) => codeOf(d) === 'json-trailing-comma'));
    const undo = new vscode.WorkspaceEdit();
    undo.delete(target.uri, new vscode.Range(commaAt, commaAt.translate(0, 1)));
    assert.ok(await vscode.workspace.applyEdit(undo));
    await vscode.workspace.saveAll(false);
    await waitForDiagnosticsWhere(target.uri, 'the trailing comma gone again', (l) => !l.some((d) => codeOf(d) === 'json-trailing-comma'));
  });
});

suite('commands: the access token stays secret (canary)', () => {
  suiteSetup(activeExtension);
  suiteTeardown(async () => {
    await vscode.commands.executeCommand(CLEAR, { region: 'us' });
    await closeAllEditors();
  });

  test('after set token and package/unpack, the canary is in no workspace file, log or setting', async () => {
    assert.strictEqual(await vscode.commands.executeCommand(SET, { region: 'us', token: CANARY }), true);
    const packaged = await vscode.commands.executeCommand<{ zip: Uint8Array; entries: { name: string; text: string }[] }>(
      PACKAGE, { folder: fixtureUri('transport/Intercom').toString(), output: fixtureUri('canary/Intercom.zip').toString(), silent: true });
    for (const entry of packaged.entries) assert.ok(!entry.text.includes(CANARY), `zip entry ${entry.name} does not hold the token`);
    await vscode.commands.executeCommand(UNPACK, { source: fixtureUri('canary/Intercom.zip').toString(), target: fixtureUri('canary/unpacked').toString(), silent: true });
    await vscode.workspace.saveAll(false);
    // Let the log writer flush.
    await sleep(1000);

    const needle = Buffer.from(CANARY, 'utf8');
    const hits = (files: string[]) => files.filter((f) => {
      try { return fs.readFileSync(f).includes(needle); } catch { return false; } // removed meanwhile
    });

    const workspaceFiles = filesBelow(workspaceFolder().uri.fsPath);
    assert.ok(workspaceFiles.length > 30, `the workspace was scanned (${workspaceFiles.length} files)`);
    assert.deepStrictEqual(hits(workspaceFiles), [], 'no workspace file holds the token');

    const logFile = extensionLogFile();
    assert.ok(readText(logFile).includes('Packaged "Intercom"'), 'the extension log was written during this test');
    const logs = filesBelow(path.join(sandboxDir(), 'user-data/logs'));
    assert.ok(logs.includes(logFile));
    assert.deepStrictEqual(hits(logs), [], 'no log file (extension output channel, extension host, servers) holds the token');

    const settingsFiles = [path.join(sandboxDir(), 'user-data/User/settings.json'), path.join(workspaceFolder().uri.fsPath, '.vscode/settings.json')]
      .filter((f) => fs.existsSync(f));
    assert.ok(settingsFiles.length >= 1, 'the user settings file exists');
    assert.deepStrictEqual(hits(settingsFiles), [], 'no settings file holds the token');
    const effective = JSON.stringify(vscode.workspace.getConfiguration('saviyntRest'));
    assert.ok(!effective.includes(CANARY), 'no saviyntRest setting holds the token');

    // For the report: where else in the sandbox does the secret live (code-server's secret storage)?
    const elsewhere = hits(filesBelow(sandboxDir()).filter((f) => !f.includes(`${path.sep}tmp${path.sep}`)));
    log(`  canary elsewhere in the sandbox (informational): ${elsewhere.map((f) => path.relative(sandboxDir(), f)).join(', ') || 'nowhere'}`);
  });
});
