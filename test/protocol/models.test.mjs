// The two Intercom models through the bundled CLI and server: `check` finds nothing in any example;
// `preview-import` of each example against the fake reads every record of every page; each teammate
// operation goes from CreateTicketJSON to a resolved TicketStatusJSON; over LSP the teammate rule
// reports a contact call with its quick fix, and the incremental search hover says what one run reads.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { spawn, spawnSync } from 'node:child_process';
import { LspClient, ROOT, fileUri, positionOf } from './lspClient.mjs';

const CLI = path.join(ROOT, 'dist', 'cli.js');
const TOKEN_ENV = { ...process.env, MODELS_TOKEN: 'tok_valid_us' };
let fake;
let base;
let tmp;

function cli(args) {
  const r = spawnSync(process.execPath, [CLI, ...args], { cwd: ROOT, env: TOKEN_ENV, encoding: 'utf8', timeout: 120_000 });
  return { code: r.status, out: r.stdout, err: r.stderr };
}
const target = () => ['--base-url', base, '--allow-host', new URL(base).host, '--token-env', 'MODELS_TOKEN'];
const api = async (p, init = {}) => (await fetch(`${base}${p}`, { ...init, headers: { Authorization: 'Bearer tok_valid_us', Accept: 'application/json', 'Intercom-Version': '2.16', 'Content-Type': 'application/json', ...init.headers } })).json();

before(async () => {
  assert.ok(fs.existsSync(CLI), 'dist/cli.js must be built first (npm run build)');
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'saviynt-models-'));
  fake = spawn(process.execPath, ['--import', 'tsx', path.join(ROOT, 'test/fake-intercom/main.ts'), '--port', '0', '--proxy-latency-ms', '0'], { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
  base = await new Promise((resolve, reject) => {
    let text = '';
    const timer = setTimeout(() => reject(new Error(`the fake did not start: ${text}`)), 60_000);
    fake.stdout.on('data', chunk => {
      text += chunk;
      const m = /listening on (http:\/\/127\.0\.0\.1:\d+)/.exec(text);
      if (m) { clearTimeout(timer); resolve(m[1]); }
    });
    fake.on('exit', code => reject(new Error(`the fake exited (${code}): ${text}`)));
  });
});

after(() => {
  fake?.kill();
  fs.rmSync(tmp, { recursive: true, force: true });
});

test('check finds nothing in any example folder', () => {
  const r = cli(['check', 'examples']);
  assert.equal(r.code, 0, r.out);
  assert.equal(r.out, '');
  assert.match(r.err, /No findings/);
  assert.deepEqual(fs.readdirSync(path.join(ROOT, 'examples')).sort(), ['intercom-contacts', 'intercom-contacts-incremental', 'intercom-teammates']);
});

test('preview-import of each example reads every record of every page', async () => {
  const contacts = await api('/contacts?per_page=1');
  const tags = await api('/tags');
  const admins = await api('/admins');
  const teams = await api('/teams');
  const expected = {
    'intercom-teammates': { accounts: admins.admins.length, Team: teams.teams.length },
    'intercom-contacts': { accounts: contacts.total_count, Tag: tags.data.length },
    'intercom-contacts-incremental': { Tag: tags.data.length },
  };
  for (const [folder, counts] of Object.entries(expected)) {
    const r = cli(['preview-import', `examples/${folder}`, ...target(), '--format', 'json']);
    assert.equal(r.code, 0, `${folder}: ${r.err}`);
    const preview = JSON.parse(r.out);
    assert.equal(preview.complete, true, folder);
    assert.deepEqual(preview.problems, [], folder);
    assert.ok(preview.calls.every(c => c.stoppedBecause === 'done'), `${folder}: ${JSON.stringify(preview.calls.map(c => [c.name, c.stoppedBecause]))}`);
    if (counts.accounts !== undefined) assert.equal(preview.accounts.length, counts.accounts, `${folder} accounts`);
    for (const [type, n] of Object.entries(counts)) if (type !== 'accounts') assert.equal(preview.entitlements[type].length, n, `${folder} ${type}`);
    assert.ok(preview.memberships.length > 0, `${folder} memberships`);
    if (folder === 'intercom-contacts') assert.ok(preview.calls.find(c => c.section === 'accounts').pages >= 3);
    if (folder === 'intercom-contacts-incremental') {
      const w = preview.calls.find(c => c.section === 'accounts').window;
      assert.equal(w.onePagePerRun, true);
      assert.equal(w.perRun, 150);
      assert.equal(w.read, preview.accounts.length);
    }
  }
  const text = cli(['preview-import', 'examples/intercom-contacts-incremental', ...target()]);
  assert.match(text.out, /window: \d+ records? match \(total_count\); one run reads at most 150/);
});

test('each teammate operation: CreateTicketJSON raises the ticket, TicketStatusJSON sees it resolved', async () => {
  const [contact] = (await api('/contacts?per_page=1')).data;
  const types = await api('/ticket_types');
  const typeId = types.data.find(t => t.name === 'Access request').id;
  const [admin] = (await api('/admins')).admins;
  const [team] = (await api('/teams')).teams;
  for (const [tasktype, title] of [[3, /^Create teammate/], [14, /^Disable teammate/], [8, /^Remove teammate:/], [1, /^Add teammate to team /], [2, /^Remove teammate from team /]]) {
    const vars = path.join(tmp, `vars-${tasktype}.json`);
    fs.writeFileSync(vars, JSON.stringify({
      task: { id: `T-${tasktype}`, tasktype }, user: { email: admin.email, firstname: 'Ana', lastname: 'Owner' },
      account: { accountID: admin.id, name: admin.email },
      entitlementValue: { entitlementID: team.id, entitlement_value: team.name, customproperty1: 'team' },
      connection: { ticketTypeId: typeId, serviceContactId: contact.id },
    }));
    const created = cli(['call', 'examples/intercom-teammates/CreateTicketJSON.json', ...target(), '--vars-file', vars, '--yes', '--format', 'json']);
    assert.equal(created.code, 0, created.err + created.out);
    const report = JSON.parse(created.out);
    assert.equal(report.response.status, 200);
    assert.match(report.response.json.ticket_attributes._default_title_, title);
    assert.match(report.response.json.ticket_attributes._default_title_, new RegExp(`EIC task T-${tasktype}`));
    assert.deepEqual(report.response.json.contacts.contacts.map(c => c.id), [contact.id], 'the service contact, not the employee');
    const id = report.picked.find(p => p.role === 'ticketidPath').value;
    const before = cli(['call', 'examples/intercom-teammates/TicketStatusJSON.json', ...target(), '--var', `ticketID=${id}`, '--format', 'json']);
    assert.notEqual(JSON.parse(before.out).picked.find(p => p.role === 'ticketStatusPath').value, 'resolved');
    await fetch(`${base}/__fake/tickets/${id}/transition`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ category: 'resolved' }) });
    const after = cli(['call', 'examples/intercom-teammates/TicketStatusJSON.json', ...target(), '--var', `ticketID=${id}`, '--format', 'json']);
    assert.equal(after.code, 0, after.err);
    assert.equal(JSON.parse(after.out).picked.find(p => p.role === 'ticketStatusPath').value, 'resolved', `task type ${tasktype}`);
  }
  const log = await (await fetch(`${base}/__fake/requests`)).json();
  const entries = Array.isArray(log) ? log : log.requests;
  assert.ok(!entries.some(e => /^\/contacts\/[^/]+\/(archive|tags|companies)|^\/contacts$/.test(e.path) && e.method !== 'GET'), 'no contact was written');
});

test('over LSP: a contact call in the teammates connection is an error with a fix; the search hover says what one run reads', async () => {
  const client = new LspClient();
  await client.initialize(fileUri(tmp));
  try {
    const folder = path.join(tmp, 'teammates');
    fs.cpSync(path.join(ROOT, 'examples', 'intercom-teammates'), folder, { recursive: true });
    const text = JSON.stringify({ call: [{ name: 'call1', connection: 'acctAuth', url: 'https://api.intercom.io/contacts/${account.accountID}/archive', httpMethod: 'POST', httpParams: '{}',
      httpHeaders: { Authorization: '${access_token}', 'Intercom-Version': '2.16', Accept: 'application/json' }, httpContentType: 'application/json', successResponses: { statusCode: [200] } }] }, null, 2);
    const file = path.join(folder, 'DisableAccountJSON.json');
    fs.writeFileSync(file, text);
    const uri = fileUri(file);
    const wait = client.waitForDiagnostics(uri, 1);
    client.open(uri, text, 1);
    const diagnostics = await wait;
    const d = diagnostics.find(x => x.code === 'intercom-teammate-contact-call');
    assert.ok(d, JSON.stringify(diagnostics.map(x => x.code)));
    assert.equal(d.severity, 1);
    const actions = await client.request('textDocument/codeAction', { textDocument: { uri }, range: d.range, context: { diagnostics: [d] } });
    const fix = actions.find(a => /Empty DisableAccountJSON/.test(a.title));
    assert.ok(fix, JSON.stringify(actions.map(a => a.title)));

    const inc = path.join(tmp, 'incremental');
    fs.cpSync(path.join(ROOT, 'examples', 'intercom-contacts-incremental'), inc, { recursive: true });
    const importFile = path.join(inc, 'ImportAccountEntJSON.json');
    const importText = fs.readFileSync(importFile, 'utf8');
    const importUri = fileUri(importFile);
    const ready = client.waitForDiagnostics(importUri, 1);
    client.open(importUri, importText, 1);
    assert.deepEqual((await ready).map(x => x.code), [], 'the example is clean');
    const hover = await client.request('textDocument/hover', { textDocument: { uri: importUri }, position: positionOf(importText, importText.indexOf('/contacts/search') + 3) });
    assert.match(hover.contents.value, /POST \/contacts\/search/);
    assert.match(hover.contents.value, /One page per run.*at most 150 records/s);
    assert.match(hover.contents.value, /since the start of yesterday/);
    assert.match(hover.contents.value, /next full import/);
  } finally {
    await client.shutdown();
  }
});
