/**
 * `saviynt-rest check <paths> --live --base-url URL --token-env VAR --allow-host HOST` against the
 * fake Intercom: live findings next to the offline ones, a connection that matches the workspace,
 * usage errors, a failed read (offline findings untouched), the allow-list and the token canary.
 */
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { after, before, beforeEach, describe, it } from 'node:test';
import { main } from '../../../server/src/cli';
import { startFakeIntercom, type FakeIntercom } from '../../fake-intercom/server.js';

const CANARY = 'CANARY-cli-live-8d2e61b0c4f7a9135';
const HEADERS = { Authorization: '${access_token}', 'Intercom-Version': '2.15', Accept: 'application/json' };

function callList(call: Record<string, unknown>): string {
  return JSON.stringify({ call: [{ name: 'call1', connection: 'acctAuth', httpHeaders: HEADERS, httpContentType: 'application/json', ...call }] }, null, 2);
}

describe('saviynt-rest check --live', () => {
  let fake: FakeIntercom;
  let dir: string;
  let ws: {
    ticketTypes: { id: string; name: string; archived: boolean; attributes: { name: string; requiredToCreate: boolean; archived: boolean }[] }[];
    tags: { id: string }[]; teams: { id: string }[];
  };

  async function cli(...args: string[]): Promise<{ code: number; out: string; err: string }> {
    const out: string[] = [], err: string[] = [];
    const code = await main(args, { out: t => out.push(t), err: t => err.push(t), cwd: dir });
    return { code, out: out.join('\n'), err: err.join('\n') };
  }
  const live = () => ['--live', '--base-url', fake.url, '--token-env', 'LIVE_CLI_TOKEN', '--allow-host', new URL(fake.url).host];

  function write(folder: string, files: Record<string, string>): void {
    fs.mkdirSync(path.join(dir, folder), { recursive: true });
    for (const [name, text] of Object.entries(files)) fs.writeFileSync(path.join(dir, folder, `${name}.json`), text);
  }

  before(async () => {
    fake = await startFakeIntercom();
    fake.addToken({ token: CANARY, workspace: 'us', app_name: 'CLI live app' });
    ws = fake.state.workspaces.get('ws_us1') as unknown as typeof ws;
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'check-live-'));
    const access = ws.ticketTypes.find(t => t.name === 'Access request')!;
    const ticket = (typeId: string, attributes: Record<string, string>) => callList({
      url: 'https://api.intercom.io/tickets', httpMethod: 'POST',
      httpParams: JSON.stringify({ ticket_type_id: typeId, contacts: [{ email: '${user.email}' }], ticket_attributes: attributes }),
      ticketidPath: 'id', successResponses: { statusCode: [200] },
    });
    write('bad', {
      CreateTicketJSON: ticket('999999', { _default_title_: 'Access ${requestKey}' }),
      RemoveAccessJSON: callList({ url: 'https://api.intercom.io/contacts/${account.accountID}/tags/424242', httpMethod: 'DELETE' }),
      CreateAccountJSON: callList({ url: ' https://api.intercom.io/contacts', httpMethod: 'POST', httpParams: JSON.stringify({ email: '${user.email}', custom_attributes: { employe_id: '${user.employeeid}' } }) }),
    });
    write('good', {
      // Every attribute the seeded type requires to create (whatever the seed makes required).
      CreateTicketJSON: ticket(access.id, Object.fromEntries([['_default_title_', 'Access ${requestKey}'],
        ...access.attributes.filter(a => a.requiredToCreate && !a.archived).map(a => [a.name, '${reqAttrs.value}'])])),
      RemoveAccessJSON: callList({ url: `https://api.intercom.io/contacts/\${account.accountID}/tags/${ws.tags[0].id}`, httpMethod: 'DELETE' }),
      CreateAccountJSON: callList({ url: 'https://api.intercom.io/contacts', httpMethod: 'POST', httpParams: JSON.stringify({ email: '${user.email}', custom_attributes: { employee_id: '${user.employeeid}' } }) }),
    });
    process.env.LIVE_CLI_TOKEN = CANARY;
  });
  after(async () => {
    await fake.close();
    fs.rmSync(dir, { recursive: true, force: true });
    delete process.env.LIVE_CLI_TOKEN;
  });
  beforeEach(() => { fake.clearRequests(); fake.setRateLimit({ preset: 'none' }); fake.clearFaults(); });

  it('adds the live findings to the offline ones (exit 1), reading with GETs only', async () => {
    const r = await cli('check', 'bad', ...live());
    assert.equal(r.code, 1, r.err);
    assert.match(r.out, /CreateTicketJSON\.json:\d+:\d+: error \[intercom-live-ticket-type\] Unknown ticket type 999999: it does not exist in the Intercom workspace "Acme US"/);
    assert.match(r.out, /\[intercom-live-tag\] Unknown tag 424242: it does not exist/);
    assert.match(r.out, /\[intercom-live-custom-attribute\] Unknown custom attribute custom_attributes\.employe_id: .*Did you mean "employee_id"\?/);
    assert.match(r.out, /\[url-whitespace\]/, 'offline findings are still there');
    assert.match(r.err, /Live check: read workspace "Acme US" \(region US\) with Intercom-Version 2\.15/);
    const api = fake.requests.filter(q => !q.path.startsWith('/__fake'));
    assert.ok(api.length > 0 && api.every(q => q.method === 'GET'), api.map(q => `${q.method} ${q.path}`).join(', '));
    assert.ok(!r.out.includes(CANARY) && !r.err.includes(CANARY), 'the token is in no output');
  });

  it('a connection that matches the workspace has no live finding (and the JSON format carries the codes)', async () => {
    const r = await cli('check', 'good', ...live(), '--format', 'json');
    const results = JSON.parse(r.out) as { code: string; message: string }[];
    assert.deepEqual(results.filter(x => x.code.startsWith('intercom-live-')).map(x => x.message), []);
    const bad = JSON.parse((await cli('check', 'bad', ...live(), '--format', 'json')).out) as { code: string }[];
    assert.ok(bad.some(x => x.code === 'intercom-live-ticket-type'));
  });

  it('usage: --token-env, --base-url and --allow-host without --live; --live without a token', async () => {
    for (const args of [['--token-env', 'LIVE_CLI_TOKEN'], ['--base-url', fake.url], ['--allow-host', 'x']]) {
      const r = await cli('check', 'good', ...args);
      assert.equal(r.code, 2, args.join(' '));
      assert.match(r.err, /only apply with --live/);
    }
    assert.equal((await cli('check', 'good', '--live')).code, 2);
    assert.match((await cli('check', 'good', '--live', '--token-env', 'NO_SUCH_VARIABLE_HERE')).err, /not set or empty/);
    assert.equal(fake.requests.filter(q => !q.path.startsWith('/__fake')).length, 0, 'nothing was sent');
  });

  it('a failing read (401, 5xx) stops only the live part: a clear message, offline findings untouched, exit 1', async () => {
    const offline = await cli('check', 'bad');
    process.env.LIVE_CLI_TOKEN = 'tok_not_a_real_token_1234';
    try {
      const r = await cli('check', 'bad', ...live());
      assert.equal(r.code, 1);
      assert.match(r.err, /The live check stopped: GET \/me failed — Intercom rejected the access token \(401/);
      assert.equal(r.out, offline.out, 'the offline findings are exactly those of a check without --live');
    } finally {
      process.env.LIVE_CLI_TOKEN = CANARY;
    }
    fake.addFaults([{ match: { path_regex: '^/tags$' }, action: 'rails_500' }]);
    const r5 = await cli('check', 'bad', ...live());
    assert.equal(r5.code, 1);
    assert.match(r5.err, /The live check stopped: GET \/tags failed/);
    assert.equal(r5.out, offline.out);
    assert.ok(!r5.err.includes(CANARY));
  });

  it('the token goes only to allowed hosts: without --allow-host the fake gets nothing', async () => {
    const r = await cli('check', 'good', '--live', '--base-url', fake.url, '--token-env', 'LIVE_CLI_TOKEN');
    assert.equal(r.code, 1);
    assert.match(r.err, /Refusing to send the access token/);
    assert.match(r.err, /--allow-host/);
    assert.equal(fake.requests.filter(q => !q.path.startsWith('/__fake')).length, 0);
  });
});
