// Test-calling Intercom from the editor (trusted run): Test Connection, Run call, Preview request,
// Preview Import and the ticket flow against the fake Intercom, started inside the extension host.
// A canary token is stored through the Set Token command; at the end no result, document, CSV,
// workspace file or setting may contain it.
import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import * as vscode from 'vscode';
import { startFakeIntercom, TOKEN_US, type FakeIntercom } from '../../fake-intercom/server';
import { activeExtension, closeAllEditors, fixtureUri, openFixture, waitFor, workspaceFolder } from './helpers';
import { log } from './log';

const CANARY = 'CANARY-us-7f3c2b9a51d04e68aa';
const CANARY_EU = 'CANARY-eu-0b6d4e2f8c1a9573bb';
const FOLDER = 'calls/intercom-teammates';
const IMPORT = `${FOLDER}/ImportAccountEntJSON.json`;
const CONTACTS_IMPORT = 'calls/intercom-contacts/ImportAccountEntJSON.json';
const INCREMENTAL_IMPORT = 'calls/intercom-contacts-incremental/ImportAccountEntJSON.json';
const CREATE_TICKET = `${FOLDER}/CreateTicketJSON.json`;
const TICKET_STATUS = `${FOLDER}/TicketStatusJSON.json`;
const ADMINS_CALL = ['accountParams', 'call', 'call1'];

type Result = Record<string, any>;

/**
 * Replaces some vscode.window functions while `body` runs (the extension shares this API object),
 * so that input boxes and modal dialogs are answered by the test; restores them afterwards.
 */
async function withStubbedWindow<T>(stubs: Record<string, (...args: any[]) => Promise<unknown>>, body: () => Promise<T>): Promise<T> {
  const win = vscode.window as unknown as Record<string, unknown>;
  const saved = Object.keys(stubs).map(name => [name, win[name]] as const);
  Object.assign(win, stubs);
  try {
    return await body();
  } finally {
    for (const [name, fn] of saved) win[name] = fn;
  }
}

suite('calls: test-calling Intercom (trusted workspace)', function () {
  this.timeout(120_000);
  let fake: FakeIntercom;
  const results: Result[] = [];
  const documents: string[] = [];
  const config = () => vscode.workspace.getConfiguration('saviyntRest');

  async function run(command: string, args: Result): Promise<Result> {
    const result = await vscode.commands.executeCommand<Result>(command, args);
    assert.ok(result && typeof result === 'object', `${command} returns a result object`);
    results.push(result);
    if (typeof result.documentUri === 'string') documents.push((await vscode.workspace.openTextDocument(vscode.Uri.parse(result.documentUri))).getText());
    return result;
  }

  const apiRequests = () => fake.requests.filter(r => !r.path.startsWith('/__fake'));
  const usWorkspace = () => fake.state.workspaces.get('ws_us1')!;
  /** The one contact every teammate ticket names (the sample file's id is not in this fake). */
  const serviceContact = () => ({ connection: { serviceContactId: usWorkspace().contacts[0].id } });

  async function setBase(url: string, allowed: string[]) {
    await config().update('intercom.baseUrl', url, vscode.ConfigurationTarget.Workspace);
    await config().update('http.allowedHosts', allowed, vscode.ConfigurationTarget.Workspace);
  }

  suiteSetup(async () => {
    await openFixture(IMPORT);
    await activeExtension();
    fake = await startFakeIntercom();
    fake.addToken({ token: CANARY, workspace: 'us', app_name: 'E2E app' });
    fake.addToken({ token: CANARY_EU, workspace: 'eu', app_name: 'E2E app EU' });
    await setBase(fake.url, [`127.0.0.1:${fake.port}`]);
    await config().update('intercom.region', 'us', vscode.ConfigurationTarget.Workspace);
    await config().update('calls.sampleIdentityFile', 'calls/sample-identity.json', vscode.ConfigurationTarget.Workspace);
    assert.strictEqual(await vscode.commands.executeCommand('saviyntRest.setToken', { region: 'us', token: CANARY }), true);
    log(`  fake Intercom at ${fake.url}`);
  });

  suiteTeardown(async () => {
    await closeAllEditors();
    for (const key of ['intercom.baseUrl', 'http.allowedHosts', 'intercom.region', 'calls.sampleIdentityFile']) {
      await config().update(key, undefined, vscode.ConfigurationTarget.Workspace);
    }
    await vscode.commands.executeCommand('saviyntRest.clearToken', { region: 'us' });
    await fake?.close();
  });

  setup(() => fake.clearRequests());

  test('Test Connection shows the workspace, its region and the token\'s admin', async () => {
    const r = await run('saviyntRest.testConnection', { silent: true });
    assert.strictEqual(r.ok, true, r.message);
    assert.strictEqual(r.workspace.name, 'Acme US');
    assert.strictEqual(r.workspace.region, 'US');
    assert.ok(r.admin.email, 'the admin behind the token');
    assert.strictEqual(r.regionWarning, undefined);
    const [me] = apiRequests();
    assert.strictEqual(me.path, '/me');
    assert.strictEqual(me.headers['intercom-version'], '2.15');
    assert.ok(me.headers.authorization.endsWith(CANARY.slice(-4)), 'the stored token was sent');
  });

  test('Test Connection warns when the workspace lives in another region than the host', async () => {
    await vscode.commands.executeCommand('saviyntRest.setToken', { region: 'us', token: CANARY_EU });
    try {
      const r = await run('saviyntRest.testConnection', { silent: true });
      assert.strictEqual(r.ok, true, r.message);
      assert.strictEqual(r.workspace.region, 'EU');
      assert.strictEqual(r.hostRegion, 'us');
      assert.strictEqual(r.suggestedBaseUrl, 'https://api.eu.intercom.io');
      assert.match(r.regionWarning, /EU region/);
    } finally {
      await vscode.commands.executeCommand('saviyntRest.setToken', { region: 'us', token: CANARY });
    }
  });

  test('without a token, Test Connection offers Set Token and sends nothing', async () => {
    await vscode.commands.executeCommand('saviyntRest.clearToken', { region: 'us' });
    try {
      const r = await run('saviyntRest.testConnection', { silent: true });
      assert.strictEqual(r.ok, false);
      assert.strictEqual(r.refused, 'no-token');
      assert.strictEqual(apiRequests().length, 0);
    } finally {
      await vscode.commands.executeCommand('saviyntRest.setToken', { region: 'us', token: CANARY });
    }
  });

  test('Run call: GET /admins shows status, headers, JSON and the picked paths in a read-only JSON editor', async () => {
    const uri = fixtureUri(IMPORT).toString();
    const r = await run('saviyntRest.runCall', { uri, path: ADMINS_CALL, name: 'call1', silent: true });
    assert.strictEqual(r.ok, true, r.message);
    assert.strictEqual(r.status, 200);
    assert.ok(r.request.url.startsWith(`${fake.url}/admins`), `rebased onto the fake: ${r.request.url}`);
    const admins = usWorkspace().admins.length;
    const list = r.picked.find((p: Result) => p.role === 'listField');
    assert.strictEqual(list.note, `${admins} items`);
    assert.ok(r.picked.some((p: Result) => p.role === 'colsToPropsMap.name' && p.found), 'mapping paths are picked from the first item');
    const doc = await vscode.workspace.openTextDocument(vscode.Uri.parse(r.documentUri));
    assert.strictEqual(doc.languageId, 'json');
    const shown = JSON.parse(doc.getText());
    assert.match(shown.summary, /^200 /);
    assert.strictEqual(shown.body.admins.length, admins);
    assert.ok(shown.responseHeaders['x-ratelimit-limit'], 'response headers are shown');
    assert.ok(shown.pickedPaths.length >= 3);
    const sent = apiRequests();
    assert.strictEqual(sent.length, 1);
    assert.strictEqual(sent[0].path, '/admins');
  });

  test('Preview request shows the exact request with the token masked and sends nothing', async () => {
    const r = await run('saviyntRest.previewRequest', { uri: fixtureUri(CREATE_TICKET).toString(), path: ['call', 0], silent: true });
    assert.strictEqual(r.ok, true, r.message);
    assert.match(r.requestText, new RegExp(`^POST ${fake.url.replace(/[.]/g, '\\.')}/tickets`));
    assert.ok(r.requestText.includes(`Authorization: Bearer ••••${CANARY.slice(-4)}`), r.requestText);
    assert.ok(r.requestText.includes('ann.example+e2e@example.com'), 'bindings come from the sample identity file');
    assert.strictEqual(apiRequests().length, 0);
  });

  test('a POST that is not confirmed is refused and never sent', async () => {
    const r = await run('saviyntRest.runCall', { uri: fixtureUri(CREATE_TICKET).toString(), path: ['call', 0], confirm: false, silent: true });
    assert.strictEqual(r.ok, false);
    assert.strictEqual(r.refused, 'not-confirmed');
    assert.strictEqual(apiRequests().length, 0);
  });

  test('missing bindings are refused in silent mode and listed', async () => {
    const r = await run('saviyntRest.runCall', { uri: fixtureUri(TICKET_STATUS).toString(), path: ['call', 0], silent: true });
    assert.strictEqual(r.refused, 'missing-variables');
    assert.deepStrictEqual(r.missing, ['ticketID']);
    assert.strictEqual(apiRequests().length, 0);
  });

  test('Run call with variables: the ticket status path picks the category', async () => {
    const r = await run('saviyntRest.runCall', { uri: fixtureUri(TICKET_STATUS).toString(), path: ['call', 0], variables: { ticketID: '631' }, silent: true });
    assert.strictEqual(r.ok, true, r.message);
    const status = r.picked.find((p: Result) => p.role === 'ticketStatusPath');
    assert.strictEqual(status.found, true);
    assert.strictEqual(typeof status.value, 'string');
  });

  test('a missing value is asked for, and saved to the sample identity file when the user agrees', async () => {
    const sampleUri = fixtureUri('calls/sample-identity.json');
    const original = fs.readFileSync(sampleUri.fsPath, 'utf8');
    const asked: string[] = [];
    const r = await withStubbedWindow({
      showInputBox: async (options: vscode.InputBoxOptions) => { asked.push(options.title ?? ''); return '631'; },
      showInformationMessage: async (_message: string, ...items: string[]) => (items.includes('Save to Sample File') ? 'Save to Sample File' : undefined),
    }, async () => {
      const result = await run('saviyntRest.runCall', { uri: fixtureUri(TICKET_STATUS).toString(), path: ['call', 0] });
      await waitFor('ticketID in the sample file', () => JSON.parse(fs.readFileSync(sampleUri.fsPath, 'utf8')).ticketID === '631', 10_000);
      return result;
    });
    try {
      assert.strictEqual(r.ok, true, r.message);
      assert.strictEqual(asked.length, 1);
      assert.match(asked[0], /\$\{ticketID\}/);
      const sample = JSON.parse(fs.readFileSync(sampleUri.fsPath, 'utf8'));
      assert.strictEqual(sample.user.email, 'ann.example+e2e@example.com', 'the other values are kept');
    } finally {
      fs.writeFileSync(sampleUri.fsPath, original);
      await closeAllEditors();
    }
  });

  test('a POST asks for confirmation in a modal showing method, URL and body, and is sent once confirmed', async () => {
    const modals: { message: string; options: vscode.MessageOptions }[] = [];
    const r = await withStubbedWindow({
      showWarningMessage: async (message: string, options: vscode.MessageOptions, ...items: string[]) => {
        if (options && typeof options === 'object' && options.modal) { modals.push({ message, options }); return items[0]; }
        return undefined;
      },
    }, () => run('saviyntRest.runCall', { uri: fixtureUri(CREATE_TICKET).toString(), path: ['call', 0], variables: serviceContact() }));
    await closeAllEditors();
    assert.strictEqual(modals.length, 1);
    assert.match(modals[0].message, /^POST changes data/);
    assert.ok(modals[0].options.detail!.startsWith(`POST ${fake.url}/tickets`), modals[0].options.detail);
    assert.ok(modals[0].options.detail!.includes('"ticket_type_id": "41"'), 'the body is shown');
    assert.strictEqual(r.ok, true, r.message);
    assert.strictEqual(r.status, 200);
    assert.ok(r.picked.find((p: Result) => p.role === 'ticketidPath').found);
    assert.strictEqual(apiRequests().filter(q => q.method === 'POST' && q.path === '/tickets').length, 1);
  });

  test('a host that is not allowed is refused with the allowedHosts setting named', async () => {
    await setBase(fake.url, []);
    try {
      const r = await run('saviyntRest.runCall', { uri: fixtureUri(IMPORT).toString(), path: ADMINS_CALL, silent: true });
      assert.strictEqual(r.ok, false);
      assert.strictEqual(r.refused, 'host-not-allowed');
      assert.match(r.message, /saviyntRest\.http\.allowedHosts/);
      assert.strictEqual(apiRequests().length, 0);
    } finally {
      await setBase(fake.url, [`127.0.0.1:${fake.port}`]);
    }
  });

  test('Preview Import (contacts): accounts across pages, tags and companies, memberships per contact, CSV and an escaped page', async () => {
    const contacts = await (await fetch(`${fake.url}/contacts?per_page=1`, { headers: { Authorization: `Bearer ${TOKEN_US}`, Accept: 'application/json', 'Intercom-Version': '2.16' } })).json() as { total_count: number };
    fake.clearRequests();
    const r = await run('saviyntRest.previewImport', { uri: fixtureUri(CONTACTS_IMPORT).toString(), silent: true, csvDir: 'calls/out', returnHtml: true });
    assert.strictEqual(r.complete, true, r.problems.join('\n'));
    const ws = usWorkspace();
    assert.strictEqual(r.counts.accounts, contacts.total_count);
    assert.strictEqual(r.counts.entitlements.Tag, ws.tags.length);
    assert.ok(r.counts.entitlements.Company > 0);
    const many = ws.contacts.find(c => c.tagIds.length > 10)!;
    assert.ok(r.counts.memberships >= many.tagIds.length);
    assert.ok(apiRequests().filter(q => q.path === '/contacts').length >= 3, 'contacts come in several pages');
    assert.strictEqual(apiRequests().filter(q => /^\/contacts\/[^/]+\/tags$/.test(q.path)).length, r.counts.accounts, 'the tags of every contact are read, beyond the 10 embedded');
    assert.ok(r.stats.pages >= 6 && r.stats.rateLimit.limit > 0, JSON.stringify(r.stats));
    const accountsCsv = r.csvFiles.find((f: string) => f.endsWith('accounts.csv'));
    const csv = fs.readFileSync(accountsCsv, 'utf8');
    assert.strictEqual(csv.split('\r\n').filter(Boolean).length >= r.counts.accounts + 1, true);
    assert.ok(csv.includes('script+xss@example.com'));
    assert.ok(!r.html.includes('<script>alert('), 'names are escaped');
    assert.ok(r.html.includes('&lt;script&gt;alert('));
    assert.match(r.html, /Content-Security-Policy" content="default-src &#39;none&#39;; style-src &#39;nonce-/);
  });

  test('Preview Import (teammates): every teammate, team and role; no contact endpoint', async () => {
    const r = await run('saviyntRest.previewImport', { uri: fixtureUri(IMPORT).toString(), silent: true });
    assert.strictEqual(r.complete, true, r.problems.join('\n'));
    const ws = usWorkspace();
    assert.strictEqual(r.counts.accounts, ws.admins.length);
    assert.strictEqual(r.counts.entitlements.Team, ws.teams.length);
    assert.strictEqual(r.counts.entitlements.Role, new Set(ws.admins.filter(a => a.role).map(a => a.role!.id)).size);
    assert.ok(apiRequests().every(q => !q.path.startsWith('/contacts')));
  });

  test('Preview Import (incremental): the window (total_count) against what one run reads', async () => {
    const r = await run('saviyntRest.previewImport', { uri: fixtureUri(INCREMENTAL_IMPORT).toString(), silent: true, returnHtml: true });
    assert.strictEqual(r.complete, true, r.problems.join('\n'));
    const search = r.calls.find((c: Result) => c.section === 'accounts');
    assert.strictEqual(search.pages, 1);
    assert.deepStrictEqual(search.window, { total: r.counts.accounts, read: r.counts.accounts, onePagePerRun: true, perRun: 150 });
    assert.match(r.html, /one run reads at most 150/);
    const sent = apiRequests().find(q => q.path === '/contacts/search')!;
    assert.deepStrictEqual(JSON.parse(sent.body).sort, { field: 'updated_at', order: 'descending' });
  });

  test('Preview Import asks in a modal before a call that may write, and sends it only after "Send"', async () => {
    const folder = fixtureUri('calls/preview-write');
    const file = vscode.Uri.joinPath(folder, 'ImportAccountEntJSON.json');
    fs.mkdirSync(folder.fsPath, { recursive: true });
    const http = { url: 'https://api.intercom.io/contacts', httpMethod: 'POST', httpContentType: 'application/json',
      httpHeaders: { Authorization: '${access_token}', Accept: 'application/json', 'Intercom-Version': '2.15' },
      httpParams: '{"email":"written-by-preview@example.com","role":"user"}' };
    fs.writeFileSync(file.fsPath, JSON.stringify({ accountParams: { connection: 'acctAuth', call: { call1: {
      callOrder: 0, stageNumber: 0, http, listField: 'data', keyField: 'accountID', colsToPropsMap: { accountID: 'id~#~char' } } } } }));
    const creates = () => apiRequests().filter(q => q.method === 'POST' && q.path === '/contacts').length;
    try {
      for (const answer of [undefined, 'Send']) {
        const modals: { message: string; detail?: string }[] = [];
        const r = await withStubbedWindow({
          showWarningMessage: async (message: string, options: vscode.MessageOptions, ...items: string[]) => {
            if (options && typeof options === 'object' && options.modal) { modals.push({ message, detail: options.detail }); return answer === undefined ? undefined : items[0]; }
            return undefined;
          },
        }, () => run('saviyntRest.previewImport', { uri: file.toString() }));
        await closeAllEditors();
        assert.strictEqual(modals.length, 1, `asked once (${answer ?? 'dismissed'})`);
        assert.match(modals[0].message, /ImportAccountEntJSON › call1/);
        assert.ok(modals[0].detail!.includes(`POST ${fake.url}/contacts`), modals[0].detail);
        if (answer === undefined) {
          assert.strictEqual(creates(), 0, 'declined: nothing was sent');
          assert.strictEqual(r.complete, false);
          assert.match(r.problems.join('\n'), /not sent \(not confirmed\)/);
        } else {
          assert.strictEqual(creates(), 1, 'confirmed: sent once');
        }
      }
      fake.clearRequests();
      const silent = await run('saviyntRest.previewImport', { uri: file.toString(), silent: true });
      assert.strictEqual(creates(), 0, 'a silent run never writes');
      assert.match(silent.problems.join('\n'), /POST .*\/contacts was not sent/);
    } finally {
      fs.rmSync(folder.fsPath, { recursive: true, force: true });
    }
  });

  test('Ticket flow: creates the ticket once, polls until the fake resolves it', async () => {
    const pending = vscode.commands.executeCommand<Result>('saviyntRest.runTicketFlow', { uri: fixtureUri(CREATE_TICKET).toString(), confirm: true, silent: true, intervalMs: 150, maxPolls: 100, variables: serviceContact() });
    const id = await waitFor('the first status poll', () => apiRequests().map(q => /^\/tickets\/(\d+)$/.exec(q.path)?.[1]).find(Boolean), 30_000);
    fake.transitionTicket(id, { category: 'resolved', afterPolls: 1 });
    const r = await pending;
    results.push(r);
    assert.strictEqual(r.ok, true, r.message);
    assert.strictEqual(r.outcome, 'done');
    assert.strictEqual(r.ticketID, id);
    assert.ok(r.events.length >= 2, `polls: ${JSON.stringify(r.events)}`);
    assert.strictEqual(r.events[0].matched, false);
    assert.strictEqual(r.value, 'resolved');
    assert.strictEqual(apiRequests().filter(q => q.method === 'POST' && q.path === '/tickets').length, 1, 'the ticket is created exactly once');
    // Issue 14: the message names the ticket once ("Ticket 655 reached …", not "Ticket 655: Ticket 655 reached …").
    assert.strictEqual(r.message, `Ticket ${id} reached "resolved" after ${r.polls} poll${r.polls === 1 ? '' : 's'}.`);
  });

  test('Ticket flow: each teammate operation (create, disable, remove, add team, remove team) from create to resolved', async () => {
    for (const [tasktype, title] of [[3, /^Create teammate/], [14, /^Disable teammate/], [8, /^Remove teammate:/], [1, /^Add teammate to team Identity Ops/], [2, /^Remove teammate from team Identity Ops/]] as const) {
      fake.clearRequests();
      const pending = vscode.commands.executeCommand<Result>('saviyntRest.runTicketFlow', { uri: fixtureUri(CREATE_TICKET).toString(), confirm: true, silent: true, intervalMs: 100, maxPolls: 100,
        variables: { ...serviceContact(), task: { id: `T-${tasktype}`, tasktype } } });
      const id = await waitFor('the first status poll', () => apiRequests().map(q => /^\/tickets\/(\d+)$/.exec(q.path)?.[1]).find(Boolean), 30_000);
      fake.transitionTicket(id, { category: 'resolved', afterPolls: 1 });
      const r = await pending;
      results.push(r);
      assert.strictEqual(r.outcome, 'done', `task type ${tasktype}: ${r.message}`);
      const ticket = usWorkspace().tickets.find(t => t.id === id)!;
      assert.match(String(ticket.attributes._default_title_), title);
      assert.deepStrictEqual(ticket.contactIds, [serviceContact().connection.serviceContactId], 'the service contact, never the employee');
      assert.ok(apiRequests().every(q => !q.path.startsWith('/contacts')), 'no contact endpoint');
    }
  });

  test('Ticket flow: a ticket deleted while polling is a terminal failure', async () => {
    const pending = vscode.commands.executeCommand<Result>('saviyntRest.runTicketFlow', { uri: fixtureUri(CREATE_TICKET).toString(), confirm: true, silent: true, intervalMs: 150, maxPolls: 100, variables: serviceContact() });
    const id = await waitFor('the first status poll', () => apiRequests().map(q => /^\/tickets\/(\d+)$/.exec(q.path)?.[1]).find(Boolean), 30_000);
    fake.deleteTicket(id);
    const r = await pending;
    results.push(r);
    assert.strictEqual(r.ok, false);
    assert.strictEqual(r.outcome, 'failed');
    assert.match(r.message, /404/);
    assert.strictEqual(apiRequests().filter(q => q.method === 'POST').length, 1, 'creation is never retried');
  });

  test('without silent, the response opens as a JSON editor beside and the import preview in a webview', async () => {
    const r = await run('saviyntRest.runCall', { uri: fixtureUri(IMPORT).toString(), path: ADMINS_CALL });
    assert.strictEqual(r.ok, true, r.message);
    const editor = await waitFor('the response editor', () => vscode.window.visibleTextEditors.find(e => e.document.uri.toString() === r.documentUri));
    assert.strictEqual(editor.document.languageId, 'json');
    assert.strictEqual(editor.document.uri.scheme, 'saviynt-rest');
    const p = await run('saviyntRest.previewImport', { uri: fixtureUri(IMPORT).toString() });
    assert.strictEqual(p.complete, true);
    const tab = await waitFor('the import preview tab', () => vscode.window.tabGroups.all.flatMap(g => g.tabs)
      .find(t => t.input instanceof vscode.TabInputWebview && t.input.viewType.endsWith('saviyntRest.importPreview')));
    assert.match(tab.label, /^Import preview: calls\/intercom/);
    await closeAllEditors();
  });

  test('the canary token appears in no result, document, page, CSV, workspace file or setting', async () => {
    const haystacks: [string, string][] = [
      ['command results', JSON.stringify(results)],
      ...documents.map((d, i): [string, string] => [`document ${i}`, d]),
      ['settings', JSON.stringify(config()) + JSON.stringify(['intercom.baseUrl', 'http.allowedHosts'].map(k => config().inspect(k)))],
    ];
    const walk = (dir: string) => {
      for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
        const full = path.join(dir, entry.name);
        if (entry.isDirectory()) walk(full);
        else haystacks.push([path.relative(workspaceFolder().uri.fsPath, full), fs.readFileSync(full, 'latin1') + fs.readFileSync(full, 'utf8')]);
      }
    };
    walk(workspaceFolder().uri.fsPath);
    assert.ok(haystacks.some(([name]) => name.endsWith('accounts.csv')), 'the CSV export is among the files checked');
    assert.ok(results.some(r => typeof r.html === 'string' && r.html.length > 1000), 'the import page is among the results checked');
    for (const [name, text] of haystacks) {
      for (const canary of [CANARY, CANARY_EU]) assert.ok(!text.includes(canary), `the token leaked into ${name}`);
    }
    log(`  checked ${haystacks.length} places for the canary token`);
  });
});
