// Test-calling Intercom in Restricted Mode (untrusted workspace): every call command refuses with a
// message naming Restricted Mode and the fake Intercom (started inside the extension host, reachable
// through user settings, with a valid token stored) sees no request at all.
import * as assert from 'assert';
import * as vscode from 'vscode';
import { startFakeIntercom, type FakeIntercom } from '../../fake-intercom/server';
import { activeExtension, closeAllEditors, fixtureUri, openFixture } from './helpers';
import { log } from './log';

const CANARY = 'CANARY-restricted-5e1f0a7c93d2';
const FOLDER = 'calls/intercom-teammates';

type Result = Record<string, any>;

suite('calls: Restricted Mode refuses every call', function () {
  this.timeout(60_000);
  let fake: FakeIntercom;
  const config = () => vscode.workspace.getConfiguration('saviyntRest');

  suiteSetup(async () => {
    await openFixture(`${FOLDER}/ImportAccountEntJSON.json`);
    await activeExtension();
    assert.strictEqual(vscode.workspace.isTrusted, false);
    fake = await startFakeIntercom();
    fake.addToken({ token: CANARY, workspace: 'us' });
    // User settings: Restricted Mode still applies them (unlike the folder's own settings).
    await config().update('intercom.baseUrl', fake.url, vscode.ConfigurationTarget.Global);
    await config().update('http.allowedHosts', [`127.0.0.1:${fake.port}`], vscode.ConfigurationTarget.Global);
    assert.strictEqual(await vscode.commands.executeCommand('saviyntRest.setToken', { region: 'us', token: CANARY }), true);
    fake.clearRequests();
  });

  suiteTeardown(async () => {
    await config().update('intercom.baseUrl', undefined, vscode.ConfigurationTarget.Global);
    await config().update('http.allowedHosts', undefined, vscode.ConfigurationTarget.Global);
    await vscode.commands.executeCommand('saviyntRest.clearToken', { region: 'us' });
    await fake?.close();
    await closeAllEditors();
  });

  const calls: { command: string; args: Result }[] = [
    { command: 'saviyntRest.testConnection', args: {} },
    { command: 'saviyntRest.runCall', args: { uri: fixtureUri(`${FOLDER}/ImportAccountEntJSON.json`).toString(), path: ['accountParams', 'call', 'call1'] } },
    { command: 'saviyntRest.runCall', args: { uri: fixtureUri(`${FOLDER}/CreateTicketJSON.json`).toString(), path: ['call', 0], confirm: true } },
    { command: 'saviyntRest.previewImport', args: { uri: fixtureUri(`${FOLDER}/ImportAccountEntJSON.json`).toString(), csvDir: 'calls/out-restricted' } },
    { command: 'saviyntRest.runTicketFlow', args: { uri: fixtureUri(`${FOLDER}/CreateTicketJSON.json`).toString(), confirm: true, intervalMs: 100 } },
    { command: 'saviyntRest.checkWorkspace', args: { uri: fixtureUri(`${FOLDER}/CreateTicketJSON.json`).toString() } },
  ];

  for (const { command, args } of calls) {
    for (const silent of [true, false]) {
      test(`${command}${args.path ? ` ${JSON.stringify(args.path)}` : ''} refuses${silent ? ' (silent)' : ' (with a message)'} and sends nothing`, async () => {
        const result = await vscode.commands.executeCommand<Result>(command, { ...args, silent });
        assert.ok(result && typeof result === 'object', 'a result object');
        assert.strictEqual(result.ok, false);
        assert.strictEqual(result.refused, 'restricted');
        assert.match(result.message, /^Restricted Mode: /);
        assert.match(result.message, /trust the workspace to send requests/i);
        assert.ok(!JSON.stringify(result).includes(CANARY));
        await new Promise(r => setTimeout(r, 200));
        assert.deepStrictEqual(fake.requests.map(r => `${r.method} ${r.url}`), [], 'the fake saw no request');
      });
    }
  }

  // Issue 14: Preview Request sends nothing, so Restricted Mode does not refuse it.
  test('saviyntRest.previewRequest shows the request in Restricted Mode, sends nothing, and says calls are off', async () => {
    const result = await vscode.commands.executeCommand<Result>('saviyntRest.previewRequest', {
      uri: fixtureUri(`${FOLDER}/CreateTicketJSON.json`).toString(), path: ['call', 0], silent: true,
      variables: { user: { email: 'e2e@example.invalid', customproperty1: '1' } },
    });
    assert.strictEqual(result.refused, undefined, result.message);
    assert.strictEqual(result.ok, true, result.message);
    assert.match(result.requestText, /^POST /m);
    assert.match(result.requestText, /Restricted Mode: this request can be previewed here, but no call is sent/);
    assert.ok(!JSON.stringify(result).includes(CANARY), 'the token is masked in the preview');
    await new Promise(r => setTimeout(r, 200));
    assert.deepStrictEqual(fake.requests.map(r => `${r.method} ${r.url}`), [], 'the fake saw no request');
  });

  test('nothing was written by the refused commands', async () => {
    await assert.rejects(Promise.resolve(vscode.workspace.fs.stat(fixtureUri('calls/out-restricted'))), 'no CSV folder was created');
    log(`  the fake saw ${fake.requests.length} requests in Restricted Mode`);
  });
});
