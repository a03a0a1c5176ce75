// One error boundary for every command (client/src/commandGuard.ts): an exception a command did not
// expect becomes a plain message for a person, a failure result (or the error) for a script, and a
// log line, with every stored secret masked. The command implementations are a second bundle
// (dist/clientCommands.js) that a command loads on first use.
import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import * as vscode from 'vscode';
import { activeExtension, extensionLogFile, openFixture, waitFor, withRecordedUi } from './helpers';

// Stored for the AU region only, so that no other test's token changes.
const CANARY = 'tokBoundaryCanary0123456789abcdef';

suite('error boundary of the commands', () => {
  suiteSetup(async () => {
    await openFixture('intercom/ImportAccountEntJSON.json');
    await activeExtension();
    assert.strictEqual(await vscode.commands.executeCommand('saviyntRest.setToken', { region: 'au', token: CANARY }), true);
  });
  suiteTeardown(async () => {
    await vscode.commands.executeCommand('saviyntRest.clearToken', { region: 'au' });
  });

  // An unreadable file whose path carries the token: the error the command did not expect repeats it.
  const missing = () => vscode.Uri.file(path.join(path.sep, 'nonexistent-e2e', `${CANARY}.json`)).toString();

  test('a command that throws, run by a person: one plain error message without the token, and a result', async () => {
    const { result, shown } = await withRecordedUi(async (ui) => ({
      result: await vscode.commands.executeCommand<{ ok: boolean; message: string }>('saviyntRest.previewRequest', { uri: missing() }),
      shown: ui.messages,
    }));
    assert.strictEqual(result.ok, false);
    assert.match(result.message, /^Preview request could not finish: .+\. The details are in the output \(Saviynt REST: Show Output\)\.$/);
    const errors = shown.filter((m) => m.level === 'error');
    assert.strictEqual(errors.length, 1, JSON.stringify(shown));
    assert.strictEqual(errors[0].text, result.message);
    assert.ok(!errors[0].text.includes(CANARY), errors[0].text);
    assert.ok(errors[0].text.includes('nonexistent-e2e'), 'the message names what failed');
  });

  test('the log has the failure and its stack, with the token masked', async () => {
    const file = extensionLogFile();
    const text = await waitFor('the boundary\'s log line', () => {
      const t = fs.readFileSync(file, 'utf8');
      return /Preview request failed: /.test(t) && t;
    }, 10_000);
    assert.ok(!text.includes(CANARY), 'the token is not in the log');
    assert.match(text, /Preview request failed: .*nonexistent-e2e/);
  });

  test('run by a script (silent): no message; a failure result for a call command, the error for a script-style command', async () => {
    await withRecordedUi(async (ui) => {
      const result = await vscode.commands.executeCommand<{ ok: boolean; message: string }>('saviyntRest.previewRequest', { uri: missing(), silent: true });
      assert.strictEqual(result.ok, false);
      assert.ok(!result.message.includes(CANARY), result.message);
      await assert.rejects(Promise.resolve(vscode.commands.executeCommand('saviyntRest.unpackPackage', { source: missing(), silent: true })));
      assert.deepStrictEqual(ui.messages, [], 'silent runs show nothing');
    });
  });

  test('the command implementations are the second bundle, loaded by now', async () => {
    const ext = await activeExtension();
    const lazy = path.join(ext.extensionPath, 'dist', 'clientCommands.js');
    assert.ok(fs.existsSync(lazy), 'dist/clientCommands.js is built');
    assert.ok(Object.keys(require.cache).some((k) => path.resolve(k) === lazy), 'a call command loaded it');
  });
});
