// Check Against Intercom Workspace (trusted run), against the fake Intercom started inside the
// extension host: the command reads the workspace with GETs only, the language server publishes the
// intercom-live-… findings with the others, a code action puts in the workspace's ticket type, a
// cached second run reads nothing, a rejected token gives a clear message and leaves the offline
// findings alone, nothing is sent on save unless the setting asks, and the token appears nowhere.
import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import * as vscode from 'vscode';
import { startFakeIntercom, type FakeIntercom } from '../../fake-intercom/server';
import { activeExtension, closeAllEditors, codeOf, describeDiagnostics, fixtureUri, openFixture, waitForDiagnosticsWhere } from './helpers';
import { log } from './log';

const CANARY = 'CANARY-live-e2e-3b7d9f0a1c5e2468';
const FOLDER = 'live/conn';
const CREATE = `${FOLDER}/CreateTicketJSON.json`;
const REMOVE = `${FOLDER}/RemoveAccessJSON.json`;

type Result = Record<string, any>;

function callFile(call: Record<string, unknown>): string {
  return JSON.stringify({ call: [{ name: 'call1', connection: 'acctAuth',
    httpHeaders: { Authorization: '${access_token}', 'Intercom-Version': '2.15', Accept: 'application/json' }, httpContentType: 'application/json', ...call }] }, null, 2);
}

suite('live checks: Check Against Intercom Workspace (trusted workspace)', function () {
  this.timeout(120_000);
  let fake: FakeIntercom;
  let accessTypeId = '';
  const config = () => vscode.workspace.getConfiguration('saviyntRest');
  const apiRequests = () => fake.requests.filter(r => !r.path.startsWith('/__fake'));
  const results: Result[] = [];
  const run = async (args: Result): Promise<Result> => {
    const r = await vscode.commands.executeCommand<Result>('saviyntRest.checkWorkspace', args);
    assert.ok(r && typeof r === 'object', 'a result object');
    results.push(r);
    return r;
  };
  const liveCodes = (uri: vscode.Uri) => vscode.languages.getDiagnostics(uri).map(codeOf).filter(c => c?.startsWith('intercom-live-'));

  suiteSetup(async () => {
    await activeExtension();
    fake = await startFakeIntercom();
    fake.addToken({ token: CANARY, workspace: 'us', app_name: 'E2E live app' });
    const ws = fake.state.workspaces.get('ws_us1')!;
    accessTypeId = ws.ticketTypes.find(t => t.name === 'Access request')!.id;
    const required = ws.ticketTypes.find(t => t.id === accessTypeId)!.attributes.filter(a => a.requiredToCreate && !a.archived).map(a => a.name);
    const dir = fixtureUri(FOLDER).fsPath;
    fs.mkdirSync(dir, { recursive: true });
    fs.writeFileSync(path.join(dir, 'CreateTicketJSON.json'), callFile({
      url: 'https://api.intercom.io/tickets', httpMethod: 'POST', ticketidPath: 'id', successResponses: { statusCode: [200] },
      httpParams: JSON.stringify({ ticket_type_id: '999999', contacts: [{ email: '${user.email}' }],
        ticket_attributes: Object.fromEntries(['_default_title_', ...required].map(n => [n, 'Access ${requestKey}'])) }),
    }));
    fs.writeFileSync(path.join(dir, 'RemoveAccessJSON.json'), callFile({ url: ' https://api.intercom.io/contacts/${account.accountID}/tags/424242', httpMethod: 'DELETE' }));
    await config().update('intercom.baseUrl', fake.url, vscode.ConfigurationTarget.Workspace);
    await config().update('http.allowedHosts', [`127.0.0.1:${fake.port}`], vscode.ConfigurationTarget.Workspace);
    await config().update('intercom.region', 'us', vscode.ConfigurationTarget.Workspace);
    assert.strictEqual(await vscode.commands.executeCommand('saviyntRest.setToken', { region: 'us', token: CANARY }), true);
    log(`  fake Intercom at ${fake.url}`);
  });

  suiteTeardown(async () => {
    await closeAllEditors();
    for (const key of ['intercom.baseUrl', 'http.allowedHosts', 'intercom.region', 'live.checkOnSave']) {
      await config().update(key, undefined, vscode.ConfigurationTarget.Workspace);
    }
    await vscode.commands.executeCommand('saviyntRest.clearToken', { region: 'us' });
    await fake?.close();
    fs.rmSync(fixtureUri('live').fsPath, { recursive: true, force: true });
  });

  setup(() => fake.clearRequests());

  test('nothing is sent by opening, editing or saving a file while the setting is off', async () => {
    const doc = await openFixture(CREATE);
    await waitForDiagnosticsWhere(doc.uri, 'offline diagnostics', list => list.length >= 0);
    const editor = await vscode.window.showTextDocument(doc);
    await editor.edit(b => b.insert(new vscode.Position(0, 0), ' '));
    await doc.save();
    await new Promise(r => setTimeout(r, 1500));
    assert.strictEqual(apiRequests().length, 0);
    assert.deepStrictEqual(liveCodes(doc.uri), []);
  });

  test('the command reads the workspace (GETs only) and the server publishes the live findings with the others', async () => {
    const doc = await openFixture(CREATE);
    const r = await run({ uri: doc.uri.toString(), silent: true });
    assert.strictEqual(r.ok, true, r.message);
    assert.strictEqual(r.workspace.name, 'Acme US');
    assert.strictEqual(r.version, '2.15');
    assert.strictEqual(r.cached, false);
    assert.ok(r.findingCount >= 2, JSON.stringify(r.files));
    const sent = apiRequests();
    assert.ok(sent.length >= 5 && sent.every(q => q.method === 'GET'), sent.map(q => `${q.method} ${q.path}`).join(', '));
    assert.ok(sent.some(q => q.path === '/ticket_types') && sent.some(q => q.path === '/data_attributes'));
    const list = await waitForDiagnosticsWhere(doc.uri, 'intercom-live-ticket-type', l => l.some(d => codeOf(d) === 'intercom-live-ticket-type'));
    const live = list.find(d => codeOf(d) === 'intercom-live-ticket-type')!;
    assert.match(live.message, /^Unknown ticket type 999999: it does not exist in the Intercom workspace "Acme US"/);
    const removeFile = r.files.find((f: Result) => f.attribute === 'RemoveAccessJSON');
    assert.ok(removeFile.findings.some((f: Result) => f.code === 'intercom-live-tag'), JSON.stringify(removeFile));
  });

  test('a code action puts in the workspace\'s ticket type; a second run uses the cached snapshot', async () => {
    const doc = await openFixture(CREATE);
    const live = (await waitForDiagnosticsWhere(doc.uri, 'intercom-live-ticket-type', l => l.some(d => codeOf(d) === 'intercom-live-ticket-type')))
      .find(d => codeOf(d) === 'intercom-live-ticket-type')!;
    const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', doc.uri, live.range);
    const use = actions.find(a => a.title === `Use ticket type ${accessTypeId} "Access request"`);
    assert.ok(use?.edit, actions.map(a => a.title).join(' | '));
    assert.ok(await vscode.workspace.applyEdit(use!.edit!));
    await doc.save();
    await waitForDiagnosticsWhere(doc.uri, 'no intercom-live-ticket-type', l => !l.some(d => codeOf(d) === 'intercom-live-ticket-type'));
    assert.ok(doc.getText().includes(`\\"ticket_type_id\\":\\"${accessTypeId}\\"`));
    fake.clearRequests();
    const again = await run({ uri: doc.uri.toString(), silent: true });
    assert.strictEqual(again.ok, true, again.message);
    assert.strictEqual(again.cached, true);
    assert.strictEqual(apiRequests().length, 0, 'the cached snapshot was used');
    const create = again.files.find((f: Result) => f.attribute === 'CreateTicketJSON');
    assert.deepStrictEqual(create.findings, []);
  });

  test('a rejected token (401): a clear message, the live findings dropped, the offline findings untouched', async () => {
    const doc = await openFixture(REMOVE);
    await waitForDiagnosticsWhere(doc.uri, 'url-whitespace', l => l.some(d => codeOf(d) === 'url-whitespace'));
    await vscode.commands.executeCommand('saviyntRest.setToken', { region: 'us', token: 'tok_e2e_nobody_knows_this' });
    try {
      const r = await run({ uri: doc.uri.toString(), silent: true });
      assert.strictEqual(r.ok, false);
      assert.match(r.message, /The live check stopped: GET \/me failed — Intercom rejected the access token \(401/);
      const list = await waitForDiagnosticsWhere(doc.uri, 'no live findings', l => !l.some(d => codeOf(d)?.startsWith('intercom-live-')));
      assert.ok(list.some(d => codeOf(d) === 'url-whitespace'), describeDiagnostics(list));
    } finally {
      await vscode.commands.executeCommand('saviyntRest.setToken', { region: 'us', token: CANARY });
    }
  });

  test('with saviyntRest.live.checkOnSave on, saving a connection file runs the check', async () => {
    await config().update('live.checkOnSave', true, vscode.ConfigurationTarget.Workspace);
    try {
      const doc = await openFixture(REMOVE);
      const editor = await vscode.window.showTextDocument(doc);
      await editor.edit(b => b.insert(new vscode.Position(0, 0), ' '));
      await doc.save();
      await waitForDiagnosticsWhere(doc.uri, 'intercom-live-tag after save', l => l.some(d => codeOf(d) === 'intercom-live-tag'));
      assert.ok(apiRequests().length > 0 && apiRequests().every(q => q.method === 'GET'));
    } finally {
      await config().update('live.checkOnSave', undefined, vscode.ConfigurationTarget.Workspace);
    }
  });

  test('the token appears in no result, diagnostic, document or setting', async () => {
    const texts = [JSON.stringify(results)];
    for (const file of [CREATE, REMOVE]) {
      const uri = fixtureUri(file);
      texts.push(fs.readFileSync(uri.fsPath, 'utf8'), JSON.stringify(vscode.languages.getDiagnostics(uri).map(d => [d.message, d.code])));
    }
    texts.push(JSON.stringify(vscode.workspace.getConfiguration('saviyntRest')));
    for (const t of texts) assert.ok(!t.includes(CANARY) && !t.includes(CANARY.slice(0, -4)), 'the token leaked');
  });
});
