// The EIC tenant from the editor (trusted run), against the fake EIC started inside the extension
// host: Set EIC Credentials, Compare (diff editor, summary), Deploy with its modal confirmation,
// Pull (files as Unpack writes them, local changes protected), the import job, a failed connection
// test, the SAV-role restriction — and a canary password and Intercom token that show up in no
// result, document, file, setting or log.
import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import * as vscode from 'vscode';
import { startFakeEic, type FakeEic } from '../../fake-eic/server';
import { activeExtension, closeAllEditors, extensionLogFile, filesBelow, fixtureUri, openFixture, sandboxDir, waitFor, workspaceFolder } from './helpers';
import { log } from './log';

const USER = 'e2e-eic-deployer';
const PASSWORD = `CANARY-eic-pw-${Date.now().toString(36)}-Zq81`;
const INTERCOM_TOKEN = `CANARY-intercom-${Date.now().toString(36)}-Lm55Xy`;
const FOLDER = 'eic/Intercom';

type Result = Record<string, any>;
type Window = typeof vscode.window;

/** Replaces window functions while `body` runs (the extension shares this API object). */
async function withWindow<T>(stubs: Partial<Record<keyof Window, (...args: any[]) => unknown>>, body: () => Promise<T>): Promise<T> {
  const win = vscode.window as unknown as Record<string, unknown>;
  const saved = Object.keys(stubs).map(name => [name, win[name]] as const);
  Object.assign(win, stubs);
  try { return await body(); } finally { for (const [name, fn] of saved) win[name] = fn; }
}

suite('EIC tenant: compare, deploy, pull (trusted workspace)', function () {
  this.timeout(120_000);
  let fake: FakeEic;
  const results: Result[] = [];
  const config = () => vscode.workspace.getConfiguration('saviyntRest');
  const folderUri = () => fixtureUri(FOLDER);
  const filePath = (name: string) => path.join(folderUri().fsPath, name);
  const saves = () => fake.apiRequests.filter(r => r.path.endsWith('testConnection')).length;

  async function run(command: string, args: Result): Promise<Result> {
    const result = await vscode.commands.executeCommand<Result>(command, args);
    assert.ok(result && typeof result === 'object', `${command} returns a result object`);
    results.push(result);
    return result;
  }

  suiteSetup(async () => {
    await openFixture(`${FOLDER}/ImportAccountEntJSON.json`);
    await activeExtension();
    fake = await startFakeEic({ users: [{ username: USER, password: PASSWORD }], jobDurationSeconds: 1 });
    assert.strictEqual(await vscode.commands.executeCommand('saviyntRest.setToken', { region: 'us', token: INTERCOM_TOKEN }), true);
    assert.strictEqual(await vscode.commands.executeCommand('saviyntRest.setEicCredentials', { url: fake.url, username: USER, password: PASSWORD, silent: true }), true);
    assert.strictEqual(config().get('eic.url'), fake.url, 'the tenant URL went into the workspace settings');
    log(`  fake EIC at ${fake.url}`);
  });

  suiteTeardown(async () => {
    await closeAllEditors();
    await vscode.commands.executeCommand('saviyntRest.clearEicCredentials', { silent: true });
    await vscode.commands.executeCommand('saviyntRest.clearToken', { region: 'us' });
    await config().update('eic.url', undefined, vscode.ConfigurationTarget.Workspace);
    await fake?.close();
  });

  test('Compare before any deploy: the tenant has no such connection, every attribute is only local', async () => {
    const r = await run('saviyntRest.compareWithEic', { folder: folderUri(), silent: true });
    assert.strictEqual(r.ok, true, r.message);
    assert.strictEqual(r.exists, false);
    assert.strictEqual(r.differs, true);
    assert.deepStrictEqual(r.summary['only-local'].sort(), ['ConfigJSON', 'CreateTicketJSON', 'ImportAccountEntJSON', 'STATUS_THRESHOLD_CONFIG', 'TicketStatusJSON']);
    assert.deepStrictEqual(r.summary['not-comparable'], ['ConnectionJSON']);
    assert.strictEqual(saves(), 0);
  });

  test('Deploy asks first (modal listing the attributes), then creates the connection and reports EIC\'s test', async () => {
    const modals: { message: string; detail?: string; items: string[] }[] = [];
    const infos: string[] = [];
    const r = await withWindow({
      showWarningMessage: (message: string, options: vscode.MessageOptions, ...items: string[]) => {
        if (options && typeof options === 'object' && options.modal) { modals.push({ message, detail: options.detail, items }); return Promise.resolve('Deploy'); }
        return Promise.resolve(undefined);
      },
      showInformationMessage: (message: string) => { infos.push(message); return Promise.resolve(undefined); },
    }, () => run('saviyntRest.deployToEic', { folder: folderUri() }));
    assert.strictEqual(r.stage, 'saved', `${r.message} ${JSON.stringify(r.refusals)}`);
    assert.strictEqual(modals.length, 1, 'one modal confirmation');
    assert.match(modals[0].message, /Create the connection "Intercom" on the EIC tenant 127\.0\.0\.1:\d+\?/);
    for (const attribute of ['ImportAccountEntJSON', 'CreateTicketJSON', 'TicketStatusJSON', 'STATUS_THRESHOLD_CONFIG', 'ConfigJSON']) {
      assert.match(modals[0].detail ?? '', new RegExp(`${attribute}: new`));
    }
    assert.match(modals[0].detail ?? '', /ConnectionJSON: replaced by the folder's, with its credentials filled in/);
    assert.strictEqual(r.testPassed, true);
    assert.strictEqual(r.differsAfterSave, false);
    assert.ok(infos.some(m => /Deployed "Intercom" to 127\.0\.0\.1:\d+\. EIC's connection test passed/.test(m)), infos.join(' | '));
    const stored = fake.connection('Intercom')!;
    assert.ok(stored.connectionJson?.includes(`Bearer ${INTERCOM_TOKEN}`), 'ConnectionJSON went with the stored Intercom token filled in');
    assert.strictEqual(stored.fields.get('ImportAccountEntJSON'), fs.readFileSync(filePath('ImportAccountEntJSON.json'), 'utf8'));
    // The comparison was shown first: the diff editor holds the tenant side of the attributes.
    const tabs = vscode.window.tabGroups.all.flatMap(g => g.tabs);
    assert.ok(tabs.some(t => /EIC tenant/.test(t.label)), `a comparison tab is open: ${tabs.map(t => t.label).join(', ')}`);
    await closeAllEditors();
  });

  test('Compare after the deploy is equal; an unsaved edit is named exactly and opens in the diff editor', async () => {
    const equal = await run('saviyntRest.compareWithEic', { folder: folderUri(), silent: true });
    assert.strictEqual(equal.differs, false, JSON.stringify(equal.summary));
    const doc = await vscode.workspace.openTextDocument(fixtureUri(`${FOLDER}/TicketStatusJSON.json`));
    const editor = await vscode.window.showTextDocument(doc);
    const at = doc.getText().indexOf('"resolved"');
    await editor.edit(e => e.replace(new vscode.Range(doc.positionAt(at), doc.positionAt(at + '"resolved"'.length)), '"in_progress"'));
    const r = await run('saviyntRest.compareWithEic', { folder: folderUri(), silent: true, show: true });
    assert.deepStrictEqual(r.summary.changed, ['TicketStatusJSON']);
    assert.deepStrictEqual(r.shown, ['TicketStatusJSON']);
    const diff = await waitFor('the diff editor of TicketStatusJSON', () => vscode.window.tabGroups.all.flatMap(g => g.tabs)
      .find(t => t.input instanceof vscode.TabInputTextDiff && t.input.modified.toString() === doc.uri.toString()));
    const left = await vscode.workspace.openTextDocument((diff.input as vscode.TabInputTextDiff).original);
    assert.match(left.getText(), /"resolved"/, 'the left side is the tenant\'s text');
    const summary = await vscode.workspace.openTextDocument(vscode.Uri.parse(r.summaryUri));
    assert.match(summary.getText(), /changed\s+TicketStatusJSON/);
    assert.match(summary.getText(), /not comparable\s+ConnectionJSON — ConnectionJSON is write-only/);
    await doc.save();
  });

  test('Deploying the edit sends only the folder (ConnectionJSON kept); the tenant\'s ConnectionJSON survives', async () => {
    const before = fake.connection('Intercom')!.connectionJson;
    const r = await run('saviyntRest.deployToEic', { folder: folderUri(), confirm: true, silent: true });
    assert.strictEqual(r.stage, 'saved', r.message);
    assert.deepStrictEqual(r.changes, ['TicketStatusJSON']);
    assert.strictEqual(r.connectionJson, 'keep');
    assert.strictEqual(fake.connection('Intercom')!.connectionJson, before);
    assert.match(fake.connection('Intercom')!.fields.get('TicketStatusJSON')!, /"in_progress"/);
    const again = await run('saviyntRest.deployToEic', { folder: folderUri(), confirm: true, silent: true });
    assert.strictEqual(again.stage, 'up-to-date');
  });

  test('Pull writes the connection as Unpack would; local changes are not overwritten without asking', async () => {
    const target = fixtureUri('eic/pulled/Intercom');
    const r = await run('saviyntRest.pullFromEic', { name: 'Intercom', target, silent: true });
    assert.strictEqual(r.ok, true, r.message);
    assert.deepStrictEqual(r.encrypted, ['ConnectionJSON']);
    for (const name of fs.readdirSync(folderUri().fsPath)) {
      if (name === 'ConnectionJSON.json') continue;
      assert.strictEqual(fs.readFileSync(path.join(target.fsPath, name), 'utf8'), fs.readFileSync(filePath(name), 'utf8'), name);
    }
    assert.ok(!fs.existsSync(path.join(target.fsPath, 'ConnectionJSON.json')), 'ConnectionJSON is kept as ciphertext in connection.meta.json');
    const changedFile = path.join(target.fsPath, 'ConfigJSON.json');
    fs.writeFileSync(changedFile, '{"showLogs": false}');
    const modals: string[] = [];
    const declined = await withWindow({ showWarningMessage: (m: string) => { modals.push(m); return Promise.resolve(undefined); } },
      () => run('saviyntRest.pullFromEic', { name: 'Intercom', target }));
    assert.strictEqual(declined.refused, 'conflict');
    assert.match(modals[0], /1 file\(s\) .* differ from the tenant's "Intercom": ConfigJSON\.json\. Overwrite them/);
    assert.strictEqual(fs.readFileSync(changedFile, 'utf8'), '{"showLogs": false}');
    const forced = await run('saviyntRest.pullFromEic', { name: 'Intercom', target, force: true, silent: true });
    assert.deepStrictEqual(forced.overwritten, ['ConfigJSON.json']);
    assert.strictEqual(fs.readFileSync(changedFile, 'utf8'), fs.readFileSync(filePath('ConfigJSON.json'), 'utf8'));
  });

  test('Pull offers the tenant\'s connections in a quick pick', async () => {
    let offered: string[] = [];
    const r = await withWindow({
      showQuickPick: (items: vscode.QuickPickItem[]) => { offered = items.map(i => i.label); return Promise.resolve(undefined); },
    }, () => run('saviyntRest.pullFromEic', {}));
    assert.deepStrictEqual(offered, ['Intercom']);
    assert.strictEqual(r.refused, 'not-confirmed');
  });

  test('Run EIC Import Job follows the job to its end', async () => {
    const r = await run('saviyntRest.runEicImportJob', { triggerName: 'IntercomImport', pollSeconds: 0.3, silent: true });
    assert.strictEqual(r.outcome, 'completed', r.message);
    assert.match(r.result, /^Success/);
  });

  test('a save whose connection test fails is reported as such; the SAV-role restriction is explained', async () => {
    fake.configure({ targetTestFails: true });
    try {
      const r = await run('saviyntRest.deployToEic', { folder: folderUri(), confirm: true, withConnectionJson: true, silent: true });
      assert.strictEqual(r.stage, 'saved');
      assert.strictEqual(r.ok, false);
      assert.strictEqual(r.testPassed, false);
      assert.deepStrictEqual(r.testErrors, ['Unable to connect: the target answered 401 Unauthorized']);
      assert.match(r.message, /EIC saved "Intercom", but its connection test failed/);
    } finally {
      fake.configure({ targetTestFails: false });
    }
    fake.configure({ restrictApiBySavRole: true });
    try {
      const r = await run('saviyntRest.compareWithEic', { folder: folderUri(), silent: true });
      assert.strictEqual(r.ok, false);
      assert.strictEqual(r.problem.kind, 'sav-role');
      assert.match(r.message, /Restrict API access based on SAV Role/);
    } finally {
      fake.configure({ restrictApiBySavRole: false });
    }
  });

  test('the canary password and Intercom token are in no result, document, workspace file, setting or log', async () => {
    const forms = (s: string) => [s, encodeURIComponent(s), Buffer.from(s).toString('base64').slice(0, 16)];
    const tokens = [...fake.store.accessTokens.keys(), ...fake.store.refreshTokens.keys()];
    const texts = [
      JSON.stringify(results),
      ...vscode.workspace.textDocuments.map(d => d.getText()),
      ...filesBelow(workspaceFolder().uri.fsPath).map(f => fs.readFileSync(f, 'utf8')),
      ...filesBelow(path.join(sandboxDir(), 'user-data/User')).filter(f => f.endsWith('.json')).map(f => fs.readFileSync(f, 'utf8')),
      fs.readFileSync(extensionLogFile(), 'utf8'),
    ].join('\n');
    assert.ok(tokens.length > 0);
    for (const secret of [PASSWORD, INTERCOM_TOKEN, ...tokens]) {
      for (const form of forms(secret)) assert.ok(!texts.includes(form), `a form of a secret leaked (${form.slice(0, 8)}…)`);
    }
    assert.ok(fake.apiRequests.some(r => r.path.endsWith('/login') && r.body.includes(PASSWORD)), 'the password did go to the tenant');
  });
});
