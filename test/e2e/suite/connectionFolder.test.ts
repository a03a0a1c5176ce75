// Issue 14, item 4: a connection is one unit. Opening one file of a connection folder puts the
// findings of all its attribute files in the Problems panel, kept current as files change on disk
// (the client's file watcher), withdrawn when the folder's last file closes; "Check Connection
// Folder" checks a folder with nothing open and keeps it checked.
import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import * as vscode from 'vscode';
import {
  activeExtension, closeAllEditors, codeOf, fixtureUri, sleep, waitForDiagnosticsWhere, waitForLanguage, withAnsweredUi,
} from './helpers';

/**
 * A copy of the transport fixture connection (every attribute file of the contacts model) beside it. The folder is made one
 * level below a folder that exists from the start and left to the file watcher for a moment before
 * files go in (a watcher cannot see into a folder created before it watched the folder's parent).
 */
async function copyConnection(name: string): Promise<string> {
  const from = fixtureUri('transport/Intercom').fsPath;
  const to = fixtureUri(`transport/${name}`).fsPath;
  fs.mkdirSync(to);
  await sleep(1500);
  for (const f of fs.readdirSync(from)) fs.copyFileSync(path.join(from, f), path.join(to, f));
  return to;
}

const unknownConnection = (l: readonly vscode.Diagnostic[]) => l.some((d) => codeOf(d) === 'unknown-connection');

suite('a connection folder is one unit', function () {
  this.timeout(90_000);
  suiteSetup(activeExtension);
  suiteTeardown(closeAllEditors);

  test('opening ConnectionJSON shows the findings of the folder\'s closed files, current as they change on disk, gone when it closes', async () => {
    const dir = await copyConnection('unit');
    const createFile = path.join(dir, 'CreateAccountJSON.json');
    fs.writeFileSync(createFile, fs.readFileSync(createFile, 'utf8').replace('"connection": "acctAuth"', '"connection": "acctAuthTypo"'));
    const create = vscode.Uri.file(createFile);
    // Opened by the workbench (vscode.open), not by this extension host's openTextDocument, which would
    // keep the document alive for minutes after its editor closes.
    const connectionUri = vscode.Uri.file(path.join(dir, 'ConnectionJSON.json'));
    await vscode.commands.executeCommand('vscode.open', connectionUri);
    const doc = await waitForLanguage(connectionUri);
    assert.ok(!vscode.workspace.textDocuments.some((d) => d.uri.fsPath === createFile), 'CreateAccountJSON is not open');
    const found = await waitForDiagnosticsWhere(create, 'the closed CreateAccountJSON\'s unknown authentication', unknownConnection);
    assert.ok(found.some((d) => /acctAuthTypo/.test(d.message)));
    // Fixed on disk (as another editor or git would): the finding goes.
    fs.writeFileSync(createFile, fs.readFileSync(createFile, 'utf8').replace('acctAuthTypo', 'acctAuth'));
    await waitForDiagnosticsWhere(create, 'the finding gone after the fix on disk', (l) => !unknownConnection(l));
    // Broken again by a change of the open ConnectionJSON (typed, not saved): the closed file follows.
    const edit = new vscode.WorkspaceEdit();
    const at = doc.getText().indexOf('"acctAuth"');
    edit.replace(connectionUri, new vscode.Range(doc.positionAt(at), doc.positionAt(at + '"acctAuth"'.length)), '"renamedAuth"');
    assert.ok(await vscode.workspace.applyEdit(edit));
    await waitForDiagnosticsWhere(create, 'CreateAccountJSON after acctAuth was renamed in the open ConnectionJSON', unknownConnection);
    await vscode.commands.executeCommand('workbench.action.files.revert');
    await waitForDiagnosticsWhere(create, 'the finding gone after the revert', (l) => !unknownConnection(l));
    // A file deleted on disk: its findings go.
    const removeFile = path.join(dir, 'RemoveAccountJSON.json');
    fs.writeFileSync(removeFile, fs.readFileSync(removeFile, 'utf8').replace('"connection": "acctAuth"', '"connection": "gone"'));
    await waitForDiagnosticsWhere(vscode.Uri.file(removeFile), 'RemoveAccountJSON\'s finding', unknownConnection);
    fs.rmSync(removeFile);
    await waitForDiagnosticsWhere(vscode.Uri.file(removeFile), 'no findings for the deleted file', (l) => l.length === 0);
    // The last open file of the folder closes: the closed files' findings are withdrawn.
    fs.writeFileSync(createFile, fs.readFileSync(createFile, 'utf8').replace('"connection": "acctAuth"', '"connection": "again"'));
    await waitForDiagnosticsWhere(create, 'CreateAccountJSON broken again', unknownConnection);
    // VS Code closes the document (didClose) once no editor shows it.
    const closed = new Promise<void>((resolve) => {
      const sub = vscode.workspace.onDidCloseTextDocument((d) => { if (d.uri.toString() === connectionUri.toString()) { sub.dispose(); resolve(); } });
    });
    await closeAllEditors();
    await Promise.race([closed, sleep(60_000).then(() => { throw new Error('VS Code did not close ConnectionJSON within 60 s of its editor'); })]);
    await waitForDiagnosticsWhere(create, 'no findings once the folder has no open file', (l) => l.length === 0);
  });

  test('Check Connection Folder: every attribute file of a folder with nothing open, counts in the message, kept current', async () => {
    const dir = await copyConnection('by-command');
    const attributeFiles = fs.readdirSync(dir).filter((f) => f.endsWith('.json') && f !== 'connection.meta.json').length;
    assert.ok(attributeFiles >= 5, `the fixture holds a whole connection (${attributeFiles} files)`);
    const updateFile = path.join(dir, 'UpdateAccountJSON.json');
    fs.writeFileSync(updateFile, fs.readFileSync(updateFile, 'utf8').replace('"connection": "acctAuth"', '"connection": "nope"'));
    const result = await withAnsweredUi({}, async (calls) => {
      const r = await vscode.commands.executeCommand<{ files: unknown[]; errors: number; warnings: number }>('saviyntRest.checkConnectionFolder', vscode.Uri.file(dir));
      await sleep(200);
      const message = calls.find((c) => /attribute files/.test(c.text));
      assert.ok(message, calls.map((c) => c.text).join(' | '));
      assert.match(message.text, new RegExp(`^transport/by-command: \\d+ errors? and \\d+ warnings? in ${attributeFiles} attribute files`));
      assert.deepStrictEqual(message.items, ['Show Problems']);
      return r;
    });
    assert.strictEqual(result.files.length, attributeFiles);
    assert.ok(result.errors >= 1);
    const update = vscode.Uri.file(updateFile);
    await waitForDiagnosticsWhere(update, 'the unknown authentication, with no file open', unknownConnection);
    fs.writeFileSync(updateFile, fs.readFileSync(updateFile, 'utf8').replace('"nope"', '"acctAuth"'));
    await waitForDiagnosticsWhere(update, 'kept current after the fix on disk', (l) => !unknownConnection(l));
    const manifest = vscode.extensions.getExtension('eic-tools.saviynt-intercom-rest')!.packageJSON;
    assert.ok(manifest.contributes.menus['explorer/context'].some((m: { command: string; when: string }) =>
      m.command === 'saviyntRest.checkConnectionFolder' && /explorerResourceIsFolder/.test(m.when)), 'in the Explorer context menu of folders');
    assert.ok(!manifest.contributes.menus.commandPalette.some((m: { command: string; when: string }) => m.command === 'saviyntRest.checkConnectionFolder' && m.when === 'false'), 'in the palette');
  });
});
