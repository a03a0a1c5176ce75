// The request pipeline (spec §2): order of checks, auth codes, versions, headers, body parsing.

import assert from 'node:assert/strict';
import { after, before, beforeEach, describe, it } from 'node:test';
import {
  startFakeIntercom,
  TOKEN_EU,
  TOKEN_EXPIRED,
  TOKEN_MISSING_SCOPES,
  TOKEN_UNKNOWN,
  TOKEN_US,
  TOKEN_US_V215,
  type FakeIntercom,
} from '../../fake-intercom/server.js';
import { parseVersion } from '../../fake-intercom/versions.js';
import { call, code, raw, rawJson } from './helpers.js';

describe('parseVersion', () => {
  const opts = { acceptUnstableAlias: false, accept217: false };
  it('accepts 1.0–1.4, 2.0–2.16 and Preview exactly', () => {
    for (const v of ['1.0', '1.4', '2.0', '2.1', '2.9', '2.10', '2.11', '2.15', '2.16', 'Preview']) {
      assert.ok(parseVersion(v, opts), v);
    }
    assert.ok((parseVersion('2.10', opts)?.rank ?? 0) > (parseVersion('2.9', opts)?.rank ?? 0));
  });
  it('rejects near misses', () => {
    for (const v of ['preview', 'PREVIEW', '2.1 ', ' 2.1', 'v2.15', '2.150', '', '1.5', '2.17', '3.0', '02.1', '2.01', 'Unstable', 'latest']) {
      assert.equal(parseVersion(v, opts), null, JSON.stringify(v));
    }
  });
  it('has toggles for Unstable and 2.17', () => {
    assert.equal(parseVersion('Unstable', { ...opts, acceptUnstableAlias: true })?.value, 'Preview');
    assert.equal(parseVersion('2.17', { ...opts, accept217: true })?.value, '2.17');
  });
});

describe('fake Intercom — request pipeline', () => {
  let fake: FakeIntercom;
  before(async () => {
    fake = await startFakeIntercom({ clock: 'manual' });
  });
  after(() => fake.close());
  beforeEach(() => fake.reset());

  it('every error is an error.list whose request_id matches X-Request-Id, sent as JSON', async () => {
    const res = await call(fake, '/admins/nope');
    assert.equal(res.status, 404);
    assert.equal(code(res), 'admin_not_found');
    assert.equal(res.headers.get('content-type'), 'application/json; charset=utf-8');
    assert.match(res.json.request_id, /^[0-9a-f-]{36}$/);
    assert.equal(res.headers.get('x-request-id'), res.json.request_id);
    assert.deepEqual(Object.keys(res.json), ['type', 'request_id', 'errors']);
  });

  it('route matching comes before Accept and auth: unknown paths are 404 even without a token', async () => {
    const res = await raw(fake, '/no/such/thing', {});
    assert.equal(res.status, 404);
    assert.equal(rawJson(res).errors?.[0].code, 'not_found');
    const noAcceptNoToken = await raw(fake, '/me', {});
    assert.equal(noAcceptNoToken.status, 406);
  });

  it('Accept checking can be switched off', async () => {
    fake.setOptions({ strictAccept: false });
    assert.equal((await raw(fake, '/me', { authorization: `Bearer ${TOKEN_US}` })).status, 200);
  });

  it('authentication codes', async () => {
    const none = await call(fake, '/me', { token: null });
    assert.equal(none.status, 401);
    const basic = await call(fake, '/me', { token: null, headers: { authorization: `Basic ${TOKEN_US}` } });
    assert.equal(basic.status, 401);
    assert.equal(code(basic), 'unauthorized');
    const empty = await raw(fake, '/me', { authorization: 'Bearer', accept: '*/*' });
    assert.equal(empty.status, 401);
    const lower = await call(fake, '/me', { token: null, headers: { authorization: `bearer ${TOKEN_US}` } });
    assert.equal(lower.status, 200);
    const expired = await call(fake, '/me', { token: TOKEN_EXPIRED });
    assert.equal(code(expired), 'token_expired');
    fake.setOptions({ unknownTokenCode: 'token_not_found' });
    const unknown = await call(fake, '/me', { token: TOKEN_UNKNOWN });
    assert.equal(unknown.status, 401);
    assert.equal(code(unknown), 'token_not_found');
  });

  it('auth failures carry no rate headers; authenticated answers (errors included) do', async () => {
    const bad = await call(fake, '/me', { token: TOKEN_UNKNOWN });
    assert.equal(bad.headers.get('x-ratelimit-limit'), null);
    const notFound = await call(fake, '/teams/1');
    assert.equal(notFound.status, 404);
    assert.equal(code(notFound), 'team_not_found');
    assert.equal(notFound.headers.get('x-ratelimit-limit'), '1667');
    const badVersion = await call(fake, '/me', { version: 'v2' });
    assert.equal(badVersion.status, 400);
    assert.ok(badVersion.headers.get('x-ratelimit-remaining'));
  });

  it('the version comes from the header, else from the app, and is echoed', async () => {
    assert.equal((await call(fake, '/me')).headers.get('x-intercom-version'), '2.11');
    const pinned = await call(fake, '/tickets/631', { token: TOKEN_US_V215 });
    assert.equal(pinned.headers.get('x-intercom-version'), '2.15');
    assert.equal(typeof pinned.json.ticket_state, 'object');
    assert.equal((await call(fake, '/me', { version: '2.16' })).headers.get('x-intercom-version'), '2.16');
    const empty = await raw(fake, '/me', { authorization: `Bearer ${TOKEN_US}`, accept: '*/*', 'intercom-version': '' });
    assert.equal(empty.status, 400);
    assert.equal(rawJson(empty).errors?.[0].code, 'intercom_version_invalid');
    fake.configureWorkspace('ws_us1', { apiVersion: '2.16' });
    assert.equal((await call(fake, '/me')).headers.get('x-intercom-version'), '2.16');
  });

  it('an invalid version is refused before rate limiting counts the request', async () => {
    fake.setRateLimit({ preset: 'tiny' });
    await call(fake, '/me', { version: 'nonsense' });
    await call(fake, '/me', { version: 'nonsense' });
    assert.equal((await call(fake, '/me')).headers.get('x-ratelimit-remaining'), '2');
  });

  it('scope and plan checks run before body parsing; version availability after it', async () => {
    const forbidden = await call(fake, '/tickets', { token: TOKEN_MISSING_SCOPES, version: '2.15', rawBody: '{oops' });
    assert.equal(forbidden.status, 403);
    const badBody = await call(fake, '/tickets/enqueue', { version: '2.13', rawBody: '{oops' });
    assert.equal(code(badBody), 'parameter_invalid');
    const goodBody = await call(fake, '/tickets/enqueue', { version: '2.13', body: {} });
    assert.equal(code(goodBody), 'intercom_version_invalid');
  });

  it('a body that is not JSON, or not sent as JSON, or not an object → 400 parameter_invalid', async () => {
    const textPlain = await call(fake, '/contacts', {
      rawBody: JSON.stringify({ email: 'a@example.com' }),
      headers: { 'content-type': 'text/plain' },
    });
    assert.equal(textPlain.status, 400);
    assert.equal(code(textPlain), 'parameter_invalid');
    const array = await call(fake, '/contacts', { rawBody: '[1,2]' });
    assert.equal(code(array), 'parameter_invalid');
    const empty = await call(fake, '/contacts', { method: 'POST' });
    assert.equal(empty.status, 400, 'an empty body fails the operation’s own validation');
  });

  it('creates answer 200, never 201', async () => {
    assert.equal((await call(fake, '/contacts', { body: { email: 'new@example.com' } })).status, 200);
    assert.equal((await call(fake, '/tags', { body: { name: 'Brand new' } })).status, 200);
    const ticket = await call(fake, '/tickets', {
      version: '2.15',
      body: { ticket_type_id: 41, contacts: [{ email: 'new@example.com' }], ticket_attributes: { _default_title_: 'x' } },
    });
    assert.equal(ticket.status, 200);
  });

  it('an unknown Host is refused; loopback names are the auto-routing US host', async () => {
    const headers = { accept: '*/*', authorization: `Bearer ${TOKEN_US}` };
    assert.equal((await raw(fake, '/me', { ...headers, host: 'evil.example.com' })).status, 421);
    assert.equal((await raw(fake, '/me', { ...headers, host: `localhost:${fake.port}` })).status, 200);
    assert.equal((await raw(fake, '/me', { ...headers, host: 'api.intercom.io' })).status, 200);
  });

  it('proxy latency applies only when the US host serves an EU or AU token', async () => {
    fake.setOptions({ proxyLatencyMs: 1000 });
    const timed = async (base: string) => {
      const start = performance.now();
      assert.equal((await call(fake, '/me', { token: TOKEN_EU, base })).status, 200);
      return performance.now() - start;
    };
    assert.ok((await timed(fake.url)) >= 990);
    assert.ok((await timed(fake.urls.eu)) < 990);
  });

  it('the request log records headers and bodies with the token redacted to its last 4 characters', async () => {
    await call(fake, '/contacts', { version: '2.15', body: { email: 'logged@example.com' } });
    const viaHttp = await (await fetch(`${fake.url}/__fake/requests`)).json();
    const entry = viaHttp.requests.at(-1);
    assert.equal(entry.method, 'POST');
    assert.equal(entry.path, '/contacts');
    assert.equal(entry.status, 200);
    assert.equal(entry.headers['intercom-version'], '2.15');
    assert.equal(entry.headers.accept, 'application/json');
    assert.equal(entry.headers.authorization, `Bearer ***${TOKEN_US.slice(-4)}`);
    assert.match(entry.body, /logged@example\.com/);
    assert.ok(!JSON.stringify(fake.requests).includes(TOKEN_US), 'the token must never be logged');
    fake.clearRequests();
    assert.equal(fake.requests.length, 0);
  });

  it('the control API adds tokens with their own scopes and version, and resets everything', async () => {
    const add = await fetch(`${fake.url}/__fake/tokens`, {
      method: 'POST',
      body: JSON.stringify({ action: 'add', token: 'tok_temp_reader', workspace: 'eu', scopes: ['read_admins'], api_version: '2.16' }),
    });
    assert.equal(add.status, 200);
    const me = await call(fake, '/me', { token: 'tok_temp_reader' });
    assert.equal(me.json.app.region, 'EU');
    assert.equal(me.headers.get('x-intercom-version'), '2.16');
    assert.equal((await call(fake, '/contacts', { token: 'tok_temp_reader' })).status, 403);
    const clock = await (await fetch(`${fake.url}/__fake/clock`, { method: 'POST', body: JSON.stringify({ advance_seconds: 30 }) })).json();
    assert.equal(clock.now, fake.now());
    await fetch(`${fake.url}/__fake/reset`, { method: 'POST' });
    assert.equal((await call(fake, '/me', { token: 'tok_temp_reader' })).status, 401);
    const unknownControl = await fetch(`${fake.url}/__fake/nothing`, { method: 'POST' });
    assert.equal(unknownControl.status, 404);
  });
});
