// Issue 14, item 8: New Connection and Unpack create a `<connection name>/` folder inside the folder
// the user picks (the workspace folder is proposed; Unpack does not propose the export's own
// folder), and never write into a folder that has files without asking (a modal dialog).
import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import * as vscode from 'vscode';
import { activeExtension, closeAllEditors, fixtureUri, workspaceFolder, withAnsweredUi, type AnsweredCall } from './helpers';

const NEW_CONNECTION = 'saviyntRest.newConnection';
const UNPACK = 'saviyntRest.unpackPackage';
const EXPORT = 'exports/Connection_2026-01-15_10-00-00(UTC).json';
const ANSWERS = { name: 'Intercom Sandbox', model: 'contacts', region: 'eu', apiVersion: '2.15', features: 'import,lifecycle' } as const;

const modals = (calls: AnsweredCall[]) => calls.filter((c) => c.fn === 'showWarningMessage' && (c.options as { modal?: boolean } | undefined)?.modal);

suite('New Connection and Unpack: a folder of their own, never an unasked overwrite', function () {
  this.timeout(60_000);
  suiteSetup(activeExtension);
  suiteTeardown(closeAllEditors);

  test('New Connection creates "<name>/" in the folder picked; the workspace folder is proposed', async () => {
    const parent = fixtureUri('targets/new');
    fs.mkdirSync(parent.fsPath, { recursive: true });
    const result = await withAnsweredUi({ showOpenDialog: () => [parent] }, async (calls) => {
      const r = await vscode.commands.executeCommand<{ folder: string; files: string[] }>(NEW_CONNECTION, ANSWERS);
      const dialog = calls.find((c) => c.fn === 'showOpenDialog')!;
      assert.ok(dialog, 'the folder was asked for');
      const options = dialog.options as vscode.OpenDialogOptions;
      assert.strictEqual(options.defaultUri?.toString(), workspaceFolder().uri.toString(), 'the workspace folder is proposed');
      assert.strictEqual(options.canSelectFolders, true);
      assert.deepStrictEqual(modals(calls), [], 'a new folder needs no confirmation');
      return r;
    });
    const folder = path.join(parent.fsPath, 'Intercom Sandbox');
    assert.strictEqual(result.folder, vscode.Uri.file(folder).path);
    assert.deepStrictEqual(fs.readdirSync(folder).sort(), [...result.files].sort());
    assert.deepStrictEqual(fs.readdirSync(parent.fsPath), ['Intercom Sandbox'], 'nothing written into the picked folder itself');
  });

  test('New Connection into a folder that has files asks first (modal); declined, nothing is written', async () => {
    const parent = fixtureUri('targets/busy');
    const folder = path.join(parent.fsPath, 'Intercom Sandbox');
    fs.mkdirSync(folder, { recursive: true });
    fs.writeFileSync(path.join(folder, 'notes.txt'), 'mine');
    fs.writeFileSync(path.join(folder, 'ConnectionJSON.json'), '{"authentications": {"mine": {"authType": "oauth2"}}}');
    const declined = await withAnsweredUi({ showOpenDialog: () => [parent] }, async (calls) => {
      const r = await vscode.commands.executeCommand(NEW_CONNECTION, ANSWERS);
      const [modal] = modals(calls);
      assert.ok(modal, calls.map((c) => `${c.fn}: ${c.text}`).join(' | '));
      assert.match(modal.text, /Intercom Sandbox is not empty\.$/);
      assert.match((modal.options as { detail: string }).detail, /It holds (ConnectionJSON\.json, notes\.txt|notes\.txt, ConnectionJSON\.json)\. Files with the same names as the connection's files will be replaced/);
      assert.deepStrictEqual(modal.items, ['Create Files Anyway']);
      assert.ok(!/--force/.test(modal.text + (modal.options as { detail: string }).detail), 'no command-line flag in an editor message');
      return r;
    });
    assert.strictEqual(declined, undefined);
    assert.deepStrictEqual(fs.readdirSync(folder).sort(), ['ConnectionJSON.json', 'notes.txt']);
    assert.match(fs.readFileSync(path.join(folder, 'ConnectionJSON.json'), 'utf8'), /"mine"/, 'untouched');
    const accepted = await withAnsweredUi({ showOpenDialog: () => [parent], showWarningMessage: (c) => (c.items.includes('Create Files Anyway') ? 'Create Files Anyway' : undefined) },
      () => Promise.resolve(vscode.commands.executeCommand<{ files: string[] }>(NEW_CONNECTION, ANSWERS)));
    assert.ok(accepted.files.includes('ImportAccountEntJSON.json'));
    assert.ok(fs.existsSync(path.join(folder, 'notes.txt')), 'other files stay');
  });

  test('Unpack proposes the workspace folder, not the export\'s own, and creates "<connection name>/" there', async () => {
    const parent = fixtureUri('targets/unpacked');
    fs.mkdirSync(parent.fsPath, { recursive: true });
    const exportUri = fixtureUri(EXPORT);
    const result = await withAnsweredUi({ showOpenDialog: () => [parent] }, async (calls) => {
      const r = await vscode.commands.executeCommand<{ connections: { name: string; folder: string; files: string[] }[] }>(UNPACK, exportUri);
      const dialog = calls.find((c) => c.fn === 'showOpenDialog')!;
      const proposed = (dialog.options as vscode.OpenDialogOptions).defaultUri;
      assert.strictEqual(proposed?.toString(), workspaceFolder().uri.toString());
      assert.notStrictEqual(proposed?.toString(), vscode.Uri.joinPath(exportUri, '..').toString(), 'not the export\'s own folder');
      return r;
    });
    assert.strictEqual(result.connections.length, 1);
    const [connection] = result.connections;
    assert.strictEqual(path.basename(connection.folder), connection.name.replace(/[^A-Za-z0-9._ -]+/g, '_'));
    assert.strictEqual(path.dirname(vscode.Uri.file(connection.folder).fsPath), parent.fsPath);
    assert.deepStrictEqual(fs.readdirSync(parent.fsPath), [path.basename(connection.folder)]);
    // Again into the same place: the folder now has files, so it asks; declined, nothing changes.
    const before = fs.readFileSync(path.join(vscode.Uri.file(connection.folder).fsPath, 'UpdateAccountJSON.json'));
    fs.writeFileSync(path.join(vscode.Uri.file(connection.folder).fsPath, 'UpdateAccountJSON.json'), 'edited');
    const again = await withAnsweredUi({ showOpenDialog: () => [parent] }, async (calls) => {
      const r = await vscode.commands.executeCommand(UNPACK, exportUri);
      assert.strictEqual(modals(calls).length, 1);
      assert.deepStrictEqual(modals(calls)[0].items, ['Unpack Anyway']);
      return r;
    });
    assert.strictEqual(again, undefined);
    assert.strictEqual(fs.readFileSync(path.join(vscode.Uri.file(connection.folder).fsPath, 'UpdateAccountJSON.json'), 'utf8'), 'edited', 'nothing overwritten');
    assert.ok(before.length > 10);
  });
});
