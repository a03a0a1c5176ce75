// The EIC tenant in Restricted Mode (untrusted workspace): credentials can be stored and cleared,
// but Compare, Deploy, Pull and the import job refuse with a message naming Restricted Mode, and
// the fake EIC (reachable through user settings, credentials stored) sees no request at all.
import * as assert from 'assert';
import * as vscode from 'vscode';
import { startFakeEic, type FakeEic } from '../../fake-eic/server';
import { activeExtension, closeAllEditors, fixtureUri, openFixture } from './helpers';

const PASSWORD = 'CANARY-eic-restricted-pw-77Qx';

type Result = Record<string, any>;

suite('EIC tenant: Restricted Mode refuses every tenant call', function () {
  this.timeout(60_000);
  let fake: FakeEic;
  const config = () => vscode.workspace.getConfiguration('saviyntRest');

  suiteSetup(async () => {
    await openFixture('eic/Intercom/ImportAccountEntJSON.json');
    await activeExtension();
    assert.strictEqual(vscode.workspace.isTrusted, false);
    fake = await startFakeEic({ users: [{ username: 'restricted-user', password: PASSWORD }] });
    await config().update('eic.url', fake.url, vscode.ConfigurationTarget.Global);
    assert.strictEqual(await vscode.commands.executeCommand('saviyntRest.setEicCredentials', { username: 'restricted-user', password: PASSWORD, silent: true }), true);
  });

  suiteTeardown(async () => {
    assert.strictEqual(await vscode.commands.executeCommand('saviyntRest.clearEicCredentials', { silent: true }), true);
    await config().update('eic.url', undefined, vscode.ConfigurationTarget.Global);
    await fake?.close();
    await closeAllEditors();
  });

  const commands: { command: string; args: Result }[] = [
    { command: 'saviyntRest.compareWithEic', args: { folder: 'eic/Intercom' } },
    { command: 'saviyntRest.deployToEic', args: { folder: 'eic/Intercom', confirm: true, withConnectionJson: true } },
    { command: 'saviyntRest.pullFromEic', args: { name: 'Intercom', target: 'eic/restricted-pull' } },
    { command: 'saviyntRest.runEicImportJob', args: { triggerName: 'IntercomImport' } },
  ];

  for (const { command, args } of commands) {
    for (const silent of [true, false]) {
      test(`${command} refuses${silent ? ' (silent)' : ' (with a message)'} and sends nothing`, async () => {
        const resolved = { ...args };
        for (const key of ['folder', 'target']) if (typeof resolved[key] === 'string') resolved[key] = fixtureUri(resolved[key]);
        const result = await vscode.commands.executeCommand<Result>(command, { ...resolved, silent });
        assert.ok(result && typeof result === 'object', 'a result object');
        assert.strictEqual(result.ok, false);
        assert.strictEqual(result.refused, 'restricted', result.message);
        assert.match(result.message, /^Restricted Mode: /);
        assert.ok(!JSON.stringify(result).includes(PASSWORD));
        await new Promise(r => setTimeout(r, 150));
        assert.deepStrictEqual(fake.apiRequests.map(r => r.path), [], 'the tenant saw no request');
      });
    }
  }
});
