// CANARY: run every engine function and both CLI commands with a distinctive token, including
// answers that echo the token back, and assert it never appears in any output, error, returned
// object (JSON.stringify and util.inspect) or file written.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { inspect } from 'node:util';
import {
  SecretToken, createTicket, pickPaths, pollTicketStatus, prepareRequest, runImport, sendRequest, toCsv,
} from '../../../server/src/core/runner';
import { main } from '../../../server/src/cli';
import { adminsTeamsImport, contactsImport, createTicketJson, fake, followClock, headers, hostOf, sendOptionsFor, ticketStatusJson, type FakeIntercom } from './helpers';

const CANARY = 'tok_CANARY_q7Zx93kLw2Vb5nRt';
const FORMS = [
  CANARY, encodeURIComponent(CANARY), Buffer.from(CANARY).toString('base64').slice(0, 24), Buffer.from(CANARY).toString('base64url').slice(0, 24),
  'q7Zx93kLw2Vb', // the middle of the token
];

let f: FakeIntercom;
let dir: string;
const seen: string[] = [];

/** Records anything the engine handed back, in every printable form. */
function record(value: unknown): void {
  if (typeof value === 'string') { seen.push(value); return; }
  try { seen.push(JSON.stringify(value) ?? ''); } catch { /* circular: inspect covers it */ }
  seen.push(inspect(value, { depth: 12, showHidden: true }));
  if (value instanceof Error) seen.push(value.message, String(value), value.stack ?? '');
}

async function capture<T>(p: Promise<T>): Promise<T | undefined> {
  try { const v = await p; record(v); return v; } catch (e) { record(e); return undefined; }
}

before(async () => {
  f = await fake();
  f.addToken({ token: CANARY, workspace: 'us', api_version: '2.15' });
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'runner-canary-'));
  fs.mkdirSync(path.join(dir, 'conn'));
  fs.writeFileSync(path.join(dir, 'conn', 'ImportAccountEntJSON.json'), JSON.stringify(adminsTeamsImport()));
  fs.writeFileSync(path.join(dir, 'conn', 'TicketStatusJSON.json'), JSON.stringify(ticketStatusJson('2.15', 'ticket_state')));
  fs.writeFileSync(path.join(dir, 'conn', 'CreateTicketJSON.json'), JSON.stringify(createTicketJson('2.15')));
  process.env.RUNNER_CANARY_TOKEN = CANARY;
});
after(async () => {
  await f.close();
  fs.rmSync(dir, { recursive: true, force: true });
  delete process.env.RUNNER_CANARY_TOKEN;
});

describe('canary token', () => {
  it('never leaks from any engine function or CLI command', async () => {
    const token = new SecretToken(CANARY);
    const progress: unknown[] = [];
    const send = sendOptionsFor(f, { onProgress: (e: unknown) => progress.push(e) });
    const tokenCall = { name: 'echo', method: 'GET', url: 'https://api.intercom.io/admins?probe=${access_token}', headers: { ...headers(), 'X-Echo': 'token ${access_token}' } };

    // prepare + send: success, token in the URL and a header, an answer that echoes the token.
    const prepared = prepareRequest(tokenCall, {}, { token, baseUrl: f.url });
    record(prepared);
    await capture(sendRequest(prepared, send));
    f.addFaults([{ match: { nth: 1 }, action: { type: 'json_error', status: 400, code: 'bad_request', message: `unexpected token ${CANARY} (${Buffer.from(CANARY).toString('base64')})` } }]);
    const echoed = await capture(sendRequest(prepared, send));
    assert.equal(echoed?.status, 400);
    f.clearFaults();
    f.addFaults([{ match: { nth: 1 }, action: { type: 'html', status: 502, body: `<html><head><title>proxy saw ${CANARY}</title></head></html>` } }]);
    await capture(sendRequest(prepared, { ...send, maxRetries: 0 }));
    f.clearFaults();
    // Errors: refused host, timeout, reset, unconfirmed POST.
    await capture(sendRequest(prepared, { clock: followClock(f) }));
    f.addFaults([{ match: { times: 2 }, action: 'hang' }]);
    await capture(sendRequest(prepared, { ...send, timeoutMs: 100, maxRetries: 0 }));
    f.clearFaults();
    f.addFaults([{ match: { times: 1 }, action: 'reset_connection' }]);
    await capture(sendRequest(prepared, { ...send, maxRetries: 0 }));
    f.clearFaults();
    await capture(sendRequest(prepareRequest({ method: 'POST', url: 'https://api.intercom.io/tickets', headers: headers(), body: '{}' }, {}, { token, baseUrl: f.url }), send));

    // Import preview (with the token revoked mid-run on a second preview), tickets, paths, CSV.
    const preview = await capture(runImport({ ImportAccountEntJSON: adminsTeamsImport() }, { token, baseUrl: f.url, send, onProgress: e => progress.push(e) }));
    assert.equal(preview?.complete, true);
    record(toCsv(preview!.accounts));
    const created = await capture(createTicket(createTicketJson('2.15'), { user: { email: 'canary@example.com' } }, { token, baseUrl: f.url, send: { ...send, confirmed: true } }));
    assert.ok(created?.ticketID);
    f.deleteTicket(created!.ticketID!);
    await capture(pollTicketStatus(ticketStatusJson('2.15', 'ticket_state.category'), created!.ticketID!, { token, baseUrl: f.url, send, intervalMs: 1, onPoll: e => progress.push(e) }));
    record(pickPaths({ echo: CANARY }, [{ role: 'other', path: 'echo' }]).map(p => p.role));
    let n = 0;
    await capture(runImport({ ImportAccountEntJSON: contactsImport(150) }, {
      token, baseUrl: f.url, send, onProgress: e => { if (e.type === 'page' && ++n === 1) f.revokeToken(CANARY); },
    }));
    record(progress);

    // CLI: call (text, json, refused, unconfirmed, --yes), preview-import (text, json, csv files).
    const cliOut: string[] = [];
    const io = { out: (t: string) => cliOut.push(t), err: (t: string) => cliOut.push(t), cwd: dir };
    f.setTokenState(CANARY, 'valid');
    const target = ['--base-url', f.url, '--token-env', 'RUNNER_CANARY_TOKEN', '--allow-host', hostOf(f)];
    await main(['call', 'conn/TicketStatusJSON.json', ...target, '--var', 'ticketID=631'], io);
    await main(['call', 'conn/TicketStatusJSON.json', ...target, '--var', 'ticketID=631', '--format', 'json'], io);
    await main(['call', 'conn/TicketStatusJSON.json', '--base-url', f.url, '--token-env', 'RUNNER_CANARY_TOKEN', '--var', 'ticketID=631'], io);
    await main(['call', 'conn/CreateTicketJSON.json', ...target, '--var', 'user.email=canary@example.com'], io);
    await main(['call', 'conn/CreateTicketJSON.json', ...target, '--var', 'user.email=canary@example.com', '--yes', '--format', 'json'], io);
    await main(['preview-import', 'conn', ...target], io);
    await main(['preview-import', 'conn', ...target, '--format', 'json'], io);
    await main(['preview-import', 'conn', ...target, '--format', 'csv', '--out', 'csv-out'], io);
    f.addFaults([{ match: { nth: 1 }, action: { type: 'json_error', status: 500, code: 'server_error', message: `boom ${CANARY}` } }]);
    await main(['call', 'conn/TicketStatusJSON.json', ...target, '--var', 'ticketID=631'], io);
    seen.push(...cliOut);
    assert.ok(cliOut.join('\n').includes('Bearer ••••5nRt'), 'the CLI shows the masked token');
    for (const file of fs.readdirSync(path.join(dir, 'csv-out'))) seen.push(fs.readFileSync(path.join(dir, 'csv-out', file), 'utf8'));

    // The token really was used (the fake logs its last 4 characters only).
    assert.ok(f.requests.some(r => r.headers.authorization === 'Bearer ***5nRt'));
    assert.ok(seen.length > 40);
    const all = seen.join('\n');
    for (const form of FORMS) assert.ok(!all.includes(form), `the token leaked in the form ${form}`);
  });
});
