// The extension activates when a Saviynt connection file is opened, and connection attribute files
// get the `saviynt-json` language, whatever the case of their file name.
import * as assert from 'assert';
import * as path from 'path';
import * as vscode from 'vscode';
import { LANGUAGE_ID, activeExtension, closeAllEditors, fixtureUri, openFixture, waitForLanguage } from './helpers';
import { log } from './log';

suite('activation and language recognition', () => {
  suiteTeardown(closeAllEditors);

  test('opening intercom/ImportAccountEntJSON.json activates the extension', async () => {
    const doc = await openFixture('intercom/ImportAccountEntJSON.json');
    const ext = await activeExtension();
    log(`  activated ${ext.id} from ${ext.extensionUri.path}`);
    assert.ok(doc.getText().includes('"accountParams"'), 'the fixture was opened, not an empty document');
  });

  test('activation does not load the command implementations (dist/clientCommands.js)', async () => {
    const ext = await activeExtension();
    const lazy = path.join(ext.extensionPath, 'dist', 'clientCommands.js');
    assert.ok(Object.keys(require.cache).some((k) => path.resolve(k) === path.join(ext.extensionPath, 'dist', 'client.js')), 'the check sees the extension\'s own modules');
    assert.ok(!Object.keys(require.cache).some((k) => path.resolve(k) === lazy), 'not loaded before a command needs it');
  });

  test('ImportAccountEntJSON.json has the saviynt-json language', async () => {
    const uri = fixtureUri('intercom/ImportAccountEntJSON.json');
    const doc = await waitForLanguage(uri);
    assert.strictEqual(doc.languageId, LANGUAGE_ID);
  });

  test('CreateTicketJSON.json has the saviynt-json language', async () => {
    const doc = await openFixture('intercom/CreateTicketJSON.json');
    const current = await waitForLanguage(doc.uri);
    assert.strictEqual(current.languageId, LANGUAGE_ID);
  });

  test('a lower-case file name (createaccountjson.json) is recognised too', async () => {
    const doc = await openFixture('intercom/createaccountjson.json');
    const current = await waitForLanguage(doc.uri);
    assert.strictEqual(current.languageId, LANGUAGE_ID);
  });

  test('an ordinary JSON file keeps the json language', async () => {
    const uri = fixtureUri('notes/settings-example.json');
    const doc = await vscode.workspace.openTextDocument(uri);
    await vscode.window.showTextDocument(doc, { preview: false });
    // Give a language-switching extension time to (wrongly) act before asserting.
    await new Promise((r) => setTimeout(r, 1000));
    assert.strictEqual(vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri.toString())?.languageId, 'json');
  });
});
