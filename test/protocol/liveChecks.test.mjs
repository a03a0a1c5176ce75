// Protocol tests of the live workspace checks: the bundled server answers saviyntRest/livePlan,
// takes a workspace snapshot (plain data) through saviyntRest/liveSnapshot, publishes the
// intercom-live-… findings with the other diagnostics (with their quick fixes) and drops them again.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { LspClient, fileUri } from './lspClient.mjs';

let client;
let tmp;

const SNAPSHOT = {
  version: '2.16', baseUrl: 'https://api.intercom.io', fetchedAt: 1700000000000,
  workspace: { idCode: 'ws1', name: 'Acme', region: 'US' },
  ticketTypes: [{ id: '12', name: 'Access request', archived: false, attributes: [{ name: '_default_title_', requiredToCreate: true, archived: false }] }],
  teams: [], tags: [], admins: [], unavailable: [],
};

before(async () => {
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'saviynt-live-proto-'));
  client = new LspClient();
  await client.initialize(fileUri(tmp));
});

after(async () => {
  await client?.shutdown();
  fs.rmSync(tmp, { recursive: true, force: true });
});

test('livePlan, liveSnapshot: live findings are published with the others, with quick fixes, and dropped with a null snapshot', async () => {
  const dir = path.join(tmp, 'conn');
  fs.mkdirSync(dir, { recursive: true });
  const text = JSON.stringify({ call: [{ name: 'call1', connection: 'acctAuth', url: 'https://api.intercom.io/tickets', httpMethod: 'POST',
    httpHeaders: { Authorization: '${access_token}', 'Intercom-Version': '2.16', Accept: 'application/json' }, httpContentType: 'application/json',
    httpParams: '{"ticket_type_id":"99","contacts":[{"email":"${user.email}"}],"ticket_attributes":{"_default_title_":"x"}}' }] }, null, 2);
  const file = path.join(dir, 'CreateTicketJSON.json');
  fs.writeFileSync(file, text);
  const uri = fileUri(file);
  const first = client.waitForDiagnostics(uri, 1);
  client.open(uri, text, 1);
  assert.ok(!(await first).some(d => String(d.code).startsWith('intercom-live-')));

  assert.deepEqual(await client.request('saviyntRest/livePlan', { uri }), { version: '2.16' });

  const published = client.waitFor(m => m.method === 'textDocument/publishDiagnostics' && m.params.uri === uri
    && m.params.diagnostics.some(d => d.code === 'intercom-live-ticket-type'));
  const summary = await client.request('saviyntRest/liveSnapshot', { snapshot: SNAPSHOT, uri });
  assert.equal(summary.files.length, 1);
  assert.deepEqual(summary.files[0].findings.map(f => f.code), ['intercom-live-ticket-type']);
  const live = (await published).params.diagnostics.find(d => d.code === 'intercom-live-ticket-type');
  assert.match(live.message, /^Unknown ticket type 99: it does not exist in the Intercom workspace "Acme"/);
  const actions = await client.request('textDocument/codeAction', { textDocument: { uri }, range: live.range, context: { diagnostics: [live] } });
  assert.deepEqual(actions.map(a => a.title), ['Use ticket type 12 "Access request"']);

  const dropped = client.waitFor(m => m.method === 'textDocument/publishDiagnostics' && m.params.uri === uri
    && !m.params.diagnostics.some(d => String(d.code).startsWith('intercom-live-')));
  await client.request('saviyntRest/liveSnapshot', { snapshot: null });
  await dropped;
});

test('liveSnapshot refuses something that is not a snapshot (no crash, no findings)', async () => {
  const summary = await client.request('saviyntRest/liveSnapshot', { snapshot: { token: 'x' }, uri: 'file:///nowhere/CreateTicketJSON.json' });
  assert.deepEqual(summary, { files: [] });
});
