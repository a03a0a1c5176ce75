// Checks of the e2e harness itself (trusted run): the workbench opened the sandbox copy of
// test/e2e/workspace, trusted, in a Node extension host.
import * as assert from 'assert';
import * as path from 'path';
import * as vscode from 'vscode';
import { fixtureUri, workspaceFolder } from './helpers';

suite('e2e harness (trusted workspace)', () => {
  test('the workspace is trusted', () => {
    assert.strictEqual(vscode.workspace.isTrusted, true);
  });

  test('the workspace folder is a writable copy of the fixtures', async () => {
    const folder = workspaceFolder();
    const repoFixtures = path.resolve(__dirname, '../../../test/e2e/workspace');
    assert.notStrictEqual(folder.uri.fsPath, repoFixtures, 'tests must not write into the repository fixtures');
    await vscode.workspace.fs.stat(fixtureUri('intercom/ImportAccountEntJSON.json'));
    const scratch = fixtureUri('scratch-written-by-harness-test.txt');
    await vscode.workspace.fs.writeFile(scratch, Buffer.from('ok'));
    assert.strictEqual(Buffer.from(await vscode.workspace.fs.readFile(scratch)).toString(), 'ok');
    await vscode.workspace.fs.delete(scratch);
  });

  test('the extension host is a Node process', () => {
    assert.strictEqual(typeof process.versions.node, 'string');
    assert.ok(Number(process.versions.node.split('.')[0]) >= 20, `Node ${process.version}`);
  });
});
