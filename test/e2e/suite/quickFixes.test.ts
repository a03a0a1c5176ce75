// Quick fixes end to end: the code actions VS Code gets for a diagnostic's range, applied as the
// lightbulb would apply them, then the exact resulting text and the diagnostic going away.
// Fixtures: test/e2e/workspace/quickfix/ (copies of the seeded mistakes, changed by these tests).
import * as assert from 'assert';
import * as vscode from 'vscode';
import {
  activeExtension, closeAllEditors, codeOf, describeDiagnostics, openFixture, sleep, waitForDiagnosticsWhere,
} from './helpers';

/** Quick fixes offered for the single diagnostic with `code` on the document. */
async function fixesFor(doc: vscode.TextDocument, code: string): Promise<{ diagnostic: vscode.Diagnostic; actions: vscode.CodeAction[] }> {
  const list = await waitForDiagnosticsWhere(doc.uri, `a ${code} diagnostic`, (l) => l.some((d) => codeOf(d) === code));
  const diagnostic = list.find((d) => codeOf(d) === code)!;
  const result = await vscode.commands.executeCommand<(vscode.CodeAction | vscode.Command)[]>(
    'vscode.executeCodeActionProvider', doc.uri, diagnostic.range, vscode.CodeActionKind.QuickFix.value);
  const actions = (result ?? []).filter((a): a is vscode.CodeAction => 'edit' in a || 'kind' in a);
  return { diagnostic, actions };
}

/** Applies the action's edit and returns the document's new text. */
async function apply(doc: vscode.TextDocument, action: vscode.CodeAction): Promise<string> {
  assert.ok(action.edit, `"${action.title}" carries a workspace edit`);
  assert.ok(await vscode.workspace.applyEdit(action.edit), `"${action.title}" applied`);
  return doc.getText();
}

/** Waits until `code` is gone from the document, then checks it stays gone and what remains. */
async function expectGone(doc: vscode.TextDocument, code: string, remaining: string[] = []): Promise<void> {
  await waitForDiagnosticsWhere(doc.uri, `${code} to disappear`, (l) => !l.some((d) => codeOf(d) === code));
  await sleep(500);
  const list = vscode.languages.getDiagnostics(doc.uri);
  assert.deepStrictEqual(list.map(codeOf).sort(), remaining, `diagnostics after the fix: ${describeDiagnostics(list)}`);
}

suite('quick fixes', () => {
  suiteSetup(async () => {
    await openFixture('quickfix/ConnectionJSON.json');
    await activeExtension();
  });
  // The fixes leave dirty editors; save them so closing them does not ask (the sandbox is thrown away).
  suiteTeardown(async () => {
    await vscode.workspace.saveAll(false);
    await closeAllEditors();
  });

  test('"Remove the trailing comma" removes exactly that comma', async () => {
    const doc = await openFixture('quickfix/CreateAccountJSON.json');
    const before = doc.getText();
    const { actions } = await fixesFor(doc, 'json-trailing-comma');
    assert.deepStrictEqual(actions.map((a) => a.title), ['Remove the trailing comma']);
    const [fix] = actions;
    assert.strictEqual(fix.kind?.value, 'quickfix');
    assert.strictEqual(fix.isPreferred, true);
    const after = await apply(doc, fix);
    const seeded = '        "Accept": "application/json",\n      },';
    assert.ok(before.includes(seeded), 'the fixture holds the seeded trailing comma');
    assert.strictEqual(after, before.replace(seeded, '        "Accept": "application/json"\n      },'));
    await expectGone(doc, 'json-trailing-comma');
  });

  test('the did-you-mean rename turns successResponse into successResponses', async () => {
    const doc = await openFixture('quickfix/EnableAccountJSON.json');
    const before = doc.getText();
    const { actions } = await fixesFor(doc, 'unknown-key');
    assert.deepStrictEqual(actions.map((a) => a.title), ['Rename to "successResponses"']);
    const after = await apply(doc, actions[0]);
    assert.strictEqual(after, before.replace('      "successResponse": {', '      "successResponses": {'));
    assert.strictEqual(after.split('\n')[14], '      "successResponses": {');
    await expectGone(doc, 'unknown-key');
  });

  test('"Change to "PUT"" fixes the httpMethod case', async () => {
    const doc = await openFixture('quickfix/UpdateAccountJSON.json');
    const before = doc.getText();
    const { actions } = await fixesFor(doc, 'invalid-value');
    assert.deepStrictEqual(actions.map((a) => a.title), ['Change to "PUT"']);
    const after = await apply(doc, actions[0]);
    assert.strictEqual(after, before.replace('"httpMethod": "put",', '"httpMethod": "PUT",'));
    await expectGone(doc, 'invalid-value');
  });

  test('no quick fix is offered where there is no diagnostic', async () => {
    const doc = await openFixture('quickfix/ConnectionJSON.json');
    const result = await vscode.commands.executeCommand<(vscode.CodeAction | vscode.Command)[]>(
      'vscode.executeCodeActionProvider', doc.uri, new vscode.Range(3, 6, 3, 16), vscode.CodeActionKind.QuickFix.value);
    assert.deepStrictEqual((result ?? []).map((a) => a.title), []);
  });
});
