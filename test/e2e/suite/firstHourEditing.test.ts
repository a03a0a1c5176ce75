// Issue 14, items 2, 3 and 5, in the real editor: typing goes through the `type` command (auto-closing,
// trigger characters, the suggest widget) and a suggestion is taken with acceptSelectedSuggestion, as
// Enter does. `${user.phon` inside an escaped httpParams body; `{` in a new file; an empty file's own
// skeleton; a call1 call inside "call": {}; the missing-key fixes of a fresh import and "fix all".
import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import * as vscode from 'vscode';
import {
  activeExtension, closeAllEditors, codeOf, completionsAt, fixtureUri, labelOf, openFixture, replaceDocumentText, sleep,
  waitFor, waitForDiagnosticsWhere, waitForLanguage,
} from './helpers';

async function typeText(text: string, delayMs = 40): Promise<void> {
  for (const ch of text) {
    await vscode.commands.executeCommand('type', { text: ch });
    await sleep(delayMs);
  }
}

/** A new attribute file on disk, opened in an editor with our language. */
async function newFile(relative: string, text = ''): Promise<vscode.TextEditor> {
  const uri = fixtureUri(relative);
  fs.mkdirSync(path.dirname(uri.fsPath), { recursive: true });
  fs.writeFileSync(uri.fsPath, text);
  const doc = await vscode.workspace.openTextDocument(uri);
  await waitForLanguage(uri);
  return vscode.window.showTextDocument(doc);
}

suite('first hour: typing and fixing', function () {
  this.timeout(120_000);
  suiteSetup(activeExtension);
  teardown(async () => {
    await vscode.commands.executeCommand('hideSuggestWidget');
    await closeAllEditors();
  });

  test('README scenario: `${user.` then `phon` + Enter in an escaped httpParams body inserts ${user.phonenumber} and keeps the JSON body', async () => {
    const doc = await openFixture('screenshots/UpdateAccountJSON.json');
    const original = doc.getText();
    const editor = await vscode.window.showTextDocument(doc);
    try {
      const offset = original.indexOf('CURSOR');
      await replaceDocumentText(editor.document, original.replace('CURSOR', ''));
      const at = editor.document.positionAt(offset);
      editor.selection = new vscode.Selection(at, at);
      await sleep(500);
      await typeText('${user.');
      await sleep(1500);
      await typeText('phon');
      await sleep(1500);
      await vscode.commands.executeCommand('acceptSelectedSuggestion');
      await sleep(500);
      const line = editor.document.lineAt(at.line).text.trim();
      assert.strictEqual(line, '"httpParams": "{\\"email\\":\\"${user.email}\\",\\"name\\":\\"${user.phonenumber}\\"}",');
      const body = JSON.parse(JSON.parse(editor.document.getText()).call[0].httpParams.replace(/\$\{[^}]*\}/g, 'x'));
      assert.deepStrictEqual(Object.keys(body), ['email', 'name']);
    } finally {
      await replaceDocumentText(editor.document, original);
      await editor.document.save();
    }
  });

  test('`{` in a new file opens no suggestions: Enter after it inserts no "$schema"', async () => {
    const editor = await newFile('typing/CreateAccountJSON.json');
    await sleep(1000);
    await typeText('{');
    await sleep(2000);
    await vscode.commands.executeCommand('acceptSelectedSuggestion');
    await sleep(500);
    assert.strictEqual(editor.document.getText(), '{}', 'the auto-closed braces and nothing else');
    const items = await completionsAt(editor.document.uri, new vscode.Position(0, 1));
    assert.ok(items.map(labelOf).includes('call'), 'asked for (Ctrl+Space), the keys are there');
    assert.ok(!items.map(labelOf).includes('$schema'), 'but never $schema');
    await editor.document.save();
  });

  test('an empty file: its own attribute\'s skeleton comes first and is what Enter inserts', async () => {
    const editor = await newFile('typing/ImportAccountEntJSON.json');
    const items = await completionsAt(editor.document.uri, new vscode.Position(0, 0));
    const sorted = [...items].sort((a, b) => (a.sortText ?? labelOf(a)).localeCompare(b.sortText ?? labelOf(b)));
    assert.deepStrictEqual(sorted.slice(0, 2).map(labelOf), ['ImportAccountEntJSON: Intercom admins and teams', 'ImportAccountEntJSON: Intercom contacts and tags']);
    assert.ok(items.length >= 19, 'the other skeletons follow');
    assert.strictEqual(items.map(labelOf).filter((l) => l === 'ImportAccountEntJSON: Intercom admins and teams').length, 1, 'offered once');
    await vscode.commands.executeCommand('editor.action.triggerSuggest');
    await sleep(2000);
    await vscode.commands.executeCommand('acceptSelectedSuggestion');
    await waitFor('the skeleton to be inserted', () => editor.document.getText().length > 100, 10_000);
    const inserted = JSON.parse(editor.document.getText());
    assert.ok(inserted.accountParams && inserted.entitlementParams, 'the ImportAccountEntJSON skeleton');
    await vscode.commands.executeCommand('workbench.action.files.revert');
  });

  test('inside "call": {} of an import, `call1` is offered first and inserts a whole call', async () => {
    const text = '{\n  "accountParams": {\n    "connection": "acctAuth",\n    "processingType": "SequentialAndIterative",\n    "call": {}\n  }\n}\n';
    const editor = await newFile('typing/calls/ImportAccountEntJSON.json', text);
    const at = editor.document.positionAt(text.indexOf('{}') + 1);
    editor.selection = new vscode.Selection(at, at);
    await vscode.commands.executeCommand('editor.action.triggerSuggest');
    await sleep(2000);
    await vscode.commands.executeCommand('acceptSelectedSuggestion');
    await waitFor('the call to be inserted', () => editor.document.getText().includes('"call1"'), 10_000);
    const call = JSON.parse(editor.document.getText()).accountParams.call.call1;
    for (const key of ['callOrder', 'http', 'listField', 'keyField', 'colsToPropsMap']) assert.ok(key in call, `${key} in the new call`);
    assert.match(editor.document.getText(), /\n {6}"call1": \{\n {8}"callOrder": 0,/, 'indented as the file is');
    await vscode.commands.executeCommand('workbench.action.files.revert');
  });

  test('a fresh import: every missing key has a quick fix, one adds them all, laid out as the file; fix all applies the certain fixes', async () => {
    const text = '{\n    "accountParams": {\n        "connection": "acctAuth",\n        "processingType": "SequentialAndIterative",\n        "call": {\n            "call1": {}\n        }\n    }\n}\n';
    const editor = await newFile('typing/fresh/ImportAccountEntJSON.json', text);
    const uri = editor.document.uri;
    const missing = await waitForDiagnosticsWhere(uri, 'five missing keys', (l) => l.filter((d) => codeOf(d) === 'missing-key').length === 5);
    const first = missing.find((d) => codeOf(d) === 'missing-key')!;
    const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', uri, first.range, vscode.CodeActionKind.QuickFix.value);
    const titles = actions.map((a) => a.title);
    for (const key of ['callOrder', 'http', 'listField', 'keyField', 'colsToPropsMap']) assert.ok(titles.some((t) => t.startsWith(`Add "${key}"`)), `a fix adds ${key}: ${titles.join(' | ')}`);
    const all = actions.find((a) => a.title.startsWith('Add the 5 missing keys'))!;
    assert.ok(all, titles.join(' | '));
    assert.strictEqual(titles.filter((t) => t === all.title).length, 1, 'the shared fix is offered once');
    assert.ok(await vscode.workspace.applyEdit(all.edit!));
    const after = editor.document.getText();
    assert.match(after, /\n {12}"call1": \{\n {16}"callOrder": 0,\n {16}"http": \{\n {20}"url": "https:\/\/api\.intercom\.io\/admins",/);
    assert.ok(Math.max(...after.split('\n').map((l) => l.length)) < 80, 'no long line');
    await waitForDiagnosticsWhere(uri, 'no missing key left', (l) => !l.some((d) => codeOf(d) === 'missing-key'));
    // Now seed certain mistakes and let "fix all" remove them.
    const seeded = after.replace('"httpMethod": "GET"', '"httpMethod": "get"').replace('"callOrder": 0', '"callOrder": "0"');
    await replaceDocumentText(editor.document, seeded);
    await waitForDiagnosticsWhere(uri, 'the seeded mistakes', (l) => l.some((d) => codeOf(d) === 'invalid-value') && l.some((d) => codeOf(d) === 'wrong-type'));
    const whole = new vscode.Range(new vscode.Position(0, 0), editor.document.positionAt(seeded.length));
    const source = await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', uri, whole, vscode.CodeActionKind.SourceFixAll.value);
    const fixAll = source.find((a) => a.kind?.value === 'source.fixAll.saviyntRest');
    assert.ok(fixAll, source.map((a) => `${a.kind?.value}: ${a.title}`).join(' | '));
    assert.ok(await vscode.workspace.applyEdit(fixAll.edit!));
    assert.strictEqual(editor.document.getText(), after, 'fix all restored exactly the certain values');
    await vscode.commands.executeCommand('workbench.action.files.revert');
  });
});
