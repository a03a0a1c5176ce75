// Issue 14, item 1: an EIC export or an attribute saved under a name that says neither (the community
// package's Intercom.json, an import.json) opens as plain JSON; the extension offers to switch it
// (non-modal: "Switch" / "Don't Ask Again for This File"), checks it once switched, and lists the
// export for the Explorer's "Unpack" entry (context key saviyntRest.exportFiles).
import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import * as vscode from 'vscode';
import {
  LANGUAGE_ID, activeExtension, closeAllEditors, codeOf, currentDocument, fixtureUri, sleep, waitFor, waitForDiagnosticsWhere, waitForLanguage,
  withAnsweredUi, type AnsweredCall,
} from './helpers';

const EXPORT_FIXTURE = 'exports/Connection_2026-01-15_10-00-00(UTC).json';

/** Writes `text` to a workspace file and returns its URI. */
function writeFixture(relative: string, text: string): vscode.Uri {
  const uri = fixtureUri(relative);
  fs.mkdirSync(path.dirname(uri.fsPath), { recursive: true });
  fs.writeFileSync(uri.fsPath, text);
  return uri;
}

const offers = (calls: AnsweredCall[]) => calls.filter((c) => c.fn === 'showInformationMessage' && /looks like/.test(c.text));

suite('recognition by content: exports and attributes named otherwise', () => {
  let api: { exportFiles: { has(uri: vscode.Uri): boolean } };
  suiteSetup(async () => {
    await vscode.workspace.openTextDocument(fixtureUri('intercom/ImportAccountEntJSON.json'));
    api = (await activeExtension()).exports as typeof api;
  });
  suiteTeardown(closeAllEditors);

  test('an export saved as Intercom.json: offered, switched with "Switch", then checked inside its escaped attributes', async () => {
    const uri = writeFixture('community/Intercom.json', fs.readFileSync(fixtureUri(EXPORT_FIXTURE).fsPath, 'utf8'));
    await withAnsweredUi({ showInformationMessage: (c) => (/looks like/.test(c.text) ? 'Switch' : undefined) }, async (calls) => {
      const doc = await vscode.workspace.openTextDocument(uri);
      await vscode.window.showTextDocument(doc);
      await waitForLanguage(uri);
      const [offer] = offers(calls);
      assert.ok(offer, 'a notification offered to switch');
      assert.strictEqual(offer.text, 'Intercom.json looks like an EIC connection export. Switch it to Saviynt EIC Connection JSON to check it?');
      assert.deepStrictEqual(offer.items, ['Switch', "Don't Ask Again for This File"]);
      assert.ok(!(offer.options as { modal?: boolean } | undefined)?.modal, 'not modal');
    });
    const list = await waitForDiagnosticsWhere(uri, 'the embedded UpdateAccountJSON\'s "put"', (l) => l.some((d) => codeOf(d) === 'invalid-value'));
    assert.ok(list.every((d) => d.source === 'saviynt-rest'), 'only our diagnostics');
    assert.ok(api.exportFiles.has(uri), 'listed for the Explorer\'s Unpack entry');
  });

  test('"Switch" is remembered for the file: reopened, it switches without asking', async () => {
    const uri = fixtureUri('community/Intercom.json');
    await withAnsweredUi({}, async (calls) => {
      const doc = currentDocument(uri)!;
      await vscode.languages.setTextDocumentLanguage(doc, 'json');
      await waitForLanguage(uri, LANGUAGE_ID);
      assert.deepStrictEqual(offers(calls), [], 'no second question');
    });
  });

  test('"Don\'t Ask Again for This File" leaves the file as JSON and is not asked again', async () => {
    const uri = writeFixture('community/another-export.json', fs.readFileSync(fixtureUri(EXPORT_FIXTURE).fsPath, 'utf8'));
    await withAnsweredUi({ showInformationMessage: (c) => (/looks like/.test(c.text) ? "Don't Ask Again for This File" : undefined) }, async (calls) => {
      const doc = await vscode.workspace.openTextDocument(uri);
      await waitFor('the offer', () => offers(calls).length === 1, 10_000);
      await sleep(500);
      assert.strictEqual(currentDocument(uri)?.languageId, 'json');
      // The same document again (a language change opens it anew): no question this time.
      await vscode.languages.setTextDocumentLanguage(doc, 'plaintext');
      await vscode.languages.setTextDocumentLanguage(currentDocument(uri)!, 'json');
      await sleep(1000);
      assert.strictEqual(offers(calls).length, 1, 'asked once only');
      assert.strictEqual(currentDocument(uri)?.languageId, 'json');
    });
    assert.ok(api.exportFiles.has(uri), 'still an export for the Explorer\'s Unpack entry');
  });

  test('an ImportAccountEntJSON saved as import.json is offered as that attribute, and checked as it', async () => {
    const text = '{\n  "accountParams": {\n    "connection": "acctAuth",\n    "processingType": "SequentialAndIterative",\n    "call": {\n      "call1": {}\n    }\n  }\n}\n';
    const uri = writeFixture('community/import.json', text);
    await withAnsweredUi({ showInformationMessage: (c) => (/looks like/.test(c.text) ? 'Switch' : undefined) }, async (calls) => {
      await vscode.workspace.openTextDocument(uri);
      await waitForLanguage(uri);
      assert.strictEqual(offers(calls)[0]?.text, 'import.json looks like a ImportAccountEntJSON attribute. Switch it to Saviynt EIC Connection JSON to check it?');
    });
    await waitForDiagnosticsWhere(uri, 'the missing keys of call1', (l) => l.filter((d) => codeOf(d) === 'missing-key').length === 5);
    assert.ok(!api.exportFiles.has(uri), 'an attribute is no export');
  });

  test('ordinary JSON and a bare call list are left alone', async () => {
    const plain = writeFixture('community/notes.json', '{"title": "notes", "items": []}');
    const calls = writeFixture('community/calls.json', '{"call": [{"name": "call1", "url": "https://api.intercom.io/admins"}]}');
    await withAnsweredUi({ showInformationMessage: () => 'Switch' }, async (shown) => {
      await vscode.workspace.openTextDocument(plain);
      await vscode.workspace.openTextDocument(calls);
      await sleep(1500);
      assert.deepStrictEqual(offers(shown), []);
    });
    assert.strictEqual(currentDocument(plain)?.languageId, 'json');
    assert.strictEqual(currentDocument(calls)?.languageId, 'json');
  });

  test('the scan at start-up lists an export nobody opened (exports/Intercom.json); the file watcher, one created later', async () => {
    await waitFor('the start-up scan to list exports/Intercom.json', () => api.exportFiles.has(fixtureUri('exports/Intercom.json')), 15_000);
    assert.ok(!vscode.workspace.textDocuments.some((d) => d.uri.path.endsWith('/exports/Intercom.json')), 'nobody opened it');
    const uri = writeFixture('community/Intercom-copy.json', fs.readFileSync(fixtureUri(EXPORT_FIXTURE).fsPath, 'utf8'));
    await waitFor('the file watcher to list the new export', () => api.exportFiles.has(uri), 15_000);
    const manifest = vscode.extensions.getExtension('eic-tools.saviynt-intercom-rest')!.packageJSON;
    const unpack = manifest.contributes.menus['explorer/context'].find((m: { command: string }) => m.command === 'saviyntRest.unpackPackage');
    assert.match(unpack.when, /resourcePath in saviyntRest\.exportFiles/);
    // Unpack takes it like a Connection_*.json.
    const result = await vscode.commands.executeCommand<{ connections: { name: string; folder: string }[] }>('saviyntRest.unpackPackage',
      { source: uri.toString(), target: fixtureUri('community/unpacked').toString(), silent: true });
    assert.strictEqual(result.connections.length, 1);
    assert.ok(fs.existsSync(path.join(fixtureUri('community/unpacked').fsPath, 'UpdateAccountJSON.json')));
  });
});
