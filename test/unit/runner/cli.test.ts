// The CLI commands `call` and `preview-import` against the fake.
import { after, before, beforeEach, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { main } from '../../../server/src/cli';
import { adminsTeamsImport, createTicketJson, fake, hostOf, logged, ticketStatusJson, type FakeIntercom } from './helpers';

let f: FakeIntercom;
let dir: string;
before(async () => {
  f = await fake();
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'runner-cli-'));
  fs.mkdirSync(path.join(dir, 'conn'));
  fs.writeFileSync(path.join(dir, 'conn', 'ImportAccountEntJSON.json'), JSON.stringify(adminsTeamsImport(), null, 2));
  fs.writeFileSync(path.join(dir, 'conn', 'TicketStatusJSON.json'), JSON.stringify(ticketStatusJson('2.15', 'ticket_state.category'), null, 2));
  fs.writeFileSync(path.join(dir, 'conn', 'CreateTicketJSON.json'), JSON.stringify(createTicketJson('2.15'), null, 2));
  process.env.RUNNER_CLI_TOKEN = 'tok_valid_us';
});
after(async () => {
  await f.close();
  fs.rmSync(dir, { recursive: true, force: true });
  delete process.env.RUNNER_CLI_TOKEN;
});
beforeEach(() => f.reset());

async function cli(...args: string[]): Promise<{ code: number; out: string; err: string }> {
  const out: string[] = [], err: string[] = [];
  const code = await main(args, { out: t => out.push(t), err: t => err.push(t), cwd: dir });
  return { code, out: out.join('\n'), err: err.join('\n') };
}

const target = () => ['--base-url', f.url, '--token-env', 'RUNNER_CLI_TOKEN', '--allow-host', hostOf(f)];

describe('saviynt-rest call', () => {
  it('is listed in the usage', async () => {
    const r = await cli('--help');
    assert.match(r.out, /call <attribute-file>/);
    assert.match(r.out, /preview-import <connection-folder>/);
  });

  it('sends a GET, prints the masked request, status, headers, JSON and picked paths', async () => {
    const r = await cli('call', 'conn/TicketStatusJSON.json', ...target(), '--var', 'ticketID=631');
    assert.equal(r.code, 0, r.err);
    assert.match(r.out, new RegExp(`GET ${f.url.replace(/[.]/g, '\\.')}/tickets/631`));
    assert.match(r.out, /Authorization: Bearer ••••d_us/);
    assert.match(r.out, /^200 OK/m);
    assert.match(r.out, /x-ratelimit-limit: 1667/);
    assert.match(r.out, /"ticket_state": \{/);
    assert.match(r.out, /ticketStatusPath "ticket_state\.category" → "submitted"/);
  });

  it('prints JSON with --format json', async () => {
    const r = await cli('call', 'conn/TicketStatusJSON.json', ...target(), '--var', 'ticketID=631', '--format', 'json');
    const report = JSON.parse(r.out);
    assert.equal(report.response.status, 200);
    assert.equal(report.request.headers.Authorization, 'Bearer ••••d_us');
    assert.equal(report.picked[0].value, 'submitted');
  });

  it('refuses a mutating call without --yes, and sends it with --yes', async () => {
    const no = await cli('call', 'conn/CreateTicketJSON.json', ...target(), '--var', 'user.email=cli.user@example.com');
    assert.equal(no.code, 1);
    assert.match(no.err, /--yes/);
    assert.equal(logged(f, /^\/tickets$/, 'POST').length, 0);
    const yes = await cli('call', 'conn/CreateTicketJSON.json', ...target(), '--var', 'user.email=cli.user@example.com', '--yes');
    assert.equal(yes.code, 0, yes.err);
    assert.match(yes.out, /ticketidPath "id" → "\d+"/);
    assert.equal(logged(f, /^\/tickets$/, 'POST').length, 1);
  });

  it('refuses a non-Intercom base URL without --allow-host and says how to allow it', async () => {
    const r = await cli('call', 'conn/TicketStatusJSON.json', '--base-url', f.url, '--token-env', 'RUNNER_CLI_TOKEN', '--var', 'ticketID=631');
    assert.equal(r.code, 1);
    assert.doesNotMatch(r.err, /saviyntRest\.http\.allowedHosts/, 'the CLI names its own option, not the VS Code setting');
    assert.match(r.err, new RegExp(`pass --allow-host ${hostOf(f)}`));
    assert.equal(f.requests.length, 0);
  });

  it('names missing variables and usage problems', async () => {
    const r = await cli('call', 'conn/TicketStatusJSON.json', ...target());
    assert.equal(r.code, 1);
    assert.match(r.err, /--var ticketID=…/);
    assert.equal((await cli('call', 'conn/TicketStatusJSON.json', '--token-env', 'RUNNER_CLI_UNSET_VAR')).code, 2);
    assert.equal((await cli('call', 'nope.json')).code, 2);
  });
});

describe('saviynt-rest preview-import', () => {
  it('prints a summary of accounts, entitlements and memberships', async () => {
    const r = await cli('preview-import', 'conn', ...target());
    assert.equal(r.code, 0, r.err);
    assert.match(r.out, /Import preview — complete/);
    assert.match(r.out, /Accounts \(\d+\)/);
    assert.match(r.out, /Entitlements Team \(\d+\)/);
    assert.match(r.out, /Memberships \(\d+\)/);
  });

  it('writes CSV tables with --format csv --out', async () => {
    const r = await cli('preview-import', 'conn', ...target(), '--format', 'csv', '--out', 'out');
    assert.equal(r.code, 0, r.err);
    const files = fs.readdirSync(path.join(dir, 'out')).sort();
    assert.deepEqual(files, ['accounts.csv', 'entitlements-Team.csv', 'memberships.csv']);
    const accounts = fs.readFileSync(path.join(dir, 'out', 'accounts.csv'), 'utf8');
    assert.ok(accounts.startsWith('accountID,name,displayName,'));
    assert.ok(accounts.includes('Zoë Ångström'));
  });

  it('prints JSON and exits 1 when the preview is incomplete (--max-pages)', async () => {
    const r = await cli('preview-import', 'conn', ...target(), '--format', 'json');
    assert.equal(JSON.parse(r.out).complete, true);
    f.revokeToken('tok_valid_us');
    const bad = await cli('preview-import', 'conn', ...target(), '--format', 'json');
    assert.equal(bad.code, 1);
    assert.equal(JSON.parse(bad.out).problems[0].problem.code, 'token_revoked');
  });
});
