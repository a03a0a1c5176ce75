// Hover through VS Code's hover command: on a key (the schema's description of httpMethod) and on the
// member of a `${user.email}` binding inside the escaped httpParams body.
// Fixture: test/e2e/workspace/hover/UpdateAccountJSON.json (the UpdateAccountJSON of examples/intercom-contacts).
import * as assert from 'assert';
import * as vscode from 'vscode';
import { activeExtension, closeAllEditors, hoverText, openFixture } from './helpers';

async function hoversAt(doc: vscode.TextDocument, offset: number): Promise<vscode.Hover[]> {
  return (await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', doc.uri, doc.positionAt(offset))) ?? [];
}

suite('hover', () => {
  let doc: vscode.TextDocument;
  suiteSetup(async () => {
    doc = await openFixture('hover/UpdateAccountJSON.json');
    await activeExtension();
  });
  suiteTeardown(closeAllEditors);

  test('on the key "httpMethod": the markdown description from the schema', async () => {
    const keyOffset = doc.getText().indexOf('"httpMethod"');
    assert.ok(keyOffset > 0);
    const hovers = await hoversAt(doc, keyOffset + 3);
    assert.strictEqual(hovers.length, 1, `one hover (got ${hovers.length})`);
    const text = hoverText(hovers[0]);
    assert.ok(text.includes('HTTP method of the request. Upper case, as listed; the variants `DELETEWITHBODY` and `GETWITHBODY` send `httpParams` as a body.'),
      `the schema description is shown; got:\n${text}`);
    assert.ok(hovers[0].contents.some((c) => c instanceof vscode.MarkdownString), 'the contents are markdown');
    assert.strictEqual(doc.getText(hovers[0].range), '"httpMethod"', 'the hover range is the key');
  });

  test('on email in ${user.email}: what the member holds and which variable it belongs to', async () => {
    const binding = '${user.email}';
    const bindingOffset = doc.getText().indexOf(binding);
    assert.ok(bindingOffset > 0, 'the fixture holds ${user.email}');
    const emailOffset = bindingOffset + '${user.'.length;
    const hovers = await hoversAt(doc, emailOffset + 2);
    assert.strictEqual(hovers.length, 1, `one hover (got ${hovers.length})`);
    const text = hoverText(hovers[0]);
    assert.ok(text.startsWith('**`user.email`** — Primary e-mail address.'), `member description first; got:\n${text}`);
    assert.ok(text.includes('\n\n---\n\n**`user`** — '), `then the variable; got:\n${text}`);
    assert.strictEqual(doc.getText(hovers[0].range), 'email', 'the hover range is the member name');
    assert.strictEqual(hovers[0].range?.start.character, doc.positionAt(emailOffset).character);
  });

  test('on user in ${user.email}: the variable itself', async () => {
    const userOffset = doc.getText().indexOf('${user.email}') + 2;
    const hovers = await hoversAt(doc, userOffset + 1);
    assert.strictEqual(hovers.length, 1);
    const text = hoverText(hovers[0]);
    assert.ok(/`user`/.test(text), `names the variable; got:\n${text}`);
    assert.ok(!text.includes('Primary e-mail address'), 'not the member description');
    assert.strictEqual(doc.getText(hovers[0].range), 'user');
  });
});
