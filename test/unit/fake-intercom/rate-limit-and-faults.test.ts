// Rate-limit windows and presets (spec §6) and fault injection (spec §8).

import assert from 'node:assert/strict';
import { after, before, beforeEach, describe, it } from 'node:test';
import { startFakeIntercom, TOKEN_US_V215, type FakeIntercom } from '../../fake-intercom/server.js';
import { call, code } from './helpers.js';

describe('fake Intercom — rate limiting', () => {
  let fake: FakeIntercom;
  before(async () => {
    fake = await startFakeIntercom({ clock: 'manual' });
  });
  after(() => fake.close());
  beforeEach(() => fake.reset());

  it('uses 10-second windows aligned to the clock, with Limit = ceil(per-minute / 6)', async () => {
    const res = await call(fake, '/me');
    assert.equal(res.headers.get('x-ratelimit-limit'), String(Math.ceil(10_000 / 6)));
    assert.equal(res.headers.get('x-ratelimit-reset'), String(Math.floor(fake.now() / 10) * 10 + 10));
  });

  it('429s still count, so hammering does not help; the next window refills', async () => {
    fake.setRateLimit({ preset: 'tiny' });
    const statuses: number[] = [];
    for (let i = 0; i < 6; i++) statuses.push((await call(fake, '/me')).status);
    assert.deepEqual(statuses, [200, 200, 200, 429, 429, 429]);
    fake.advanceClock(10);
    assert.equal((await call(fake, '/me')).status, 200);
  });

  it('burst_then_ok refuses exactly the Nth request once', async () => {
    fake.setRateLimit({ preset: 'burst_then_ok', burstN: 2 });
    const statuses: number[] = [];
    for (let i = 0; i < 5; i++) statuses.push((await call(fake, '/me')).status);
    assert.deepEqual(statuses, [200, 429, 200, 200, 200]);
  });

  it('Retry-After is sent only when asked for', async () => {
    fake.setRateLimit({ preset: 'tiny', sendRetryAfter: true });
    for (let i = 0; i < 3; i++) await call(fake, '/me');
    const limited = await call(fake, '/me');
    assert.equal(limited.status, 429);
    const reset = Number(limited.headers.get('x-ratelimit-reset'));
    assert.equal(limited.headers.get('retry-after'), String(reset - fake.now()));
  });

  it('apps of one workspace share the workspace budget; Remaining is the smaller of the two', async () => {
    fake.setRateLimit({ perAppPerMinute: 60, perWorkspacePerMinute: 24 }); // 10 per app, 4 per workspace per window
    const a = await call(fake, '/me');
    assert.equal(a.headers.get('x-ratelimit-limit'), '10');
    assert.equal(a.headers.get('x-ratelimit-remaining'), '3');
    await call(fake, '/me', { token: TOKEN_US_V215 });
    await call(fake, '/me', { token: TOKEN_US_V215 });
    await call(fake, '/me');
    const over = await call(fake, '/me', { token: TOKEN_US_V215 });
    assert.equal(over.status, 429);
    assert.equal(code(over), 'rate_limit_exceeded');
  });
});

describe('fake Intercom — fault injection', () => {
  let fake: FakeIntercom;
  before(async () => {
    fake = await startFakeIntercom({ clock: 'manual' });
  });
  after(() => fake.close());
  beforeEach(() => fake.reset());

  it('json_error answers with an error.list of the given status and code', async () => {
    fake.addFaults([{ match: { path_regex: '^/me$' }, action: { type: 'json_error', status: 503, code: 'service_unavailable', message: 'Sorry, the API service is temporarily unavailable' } }]);
    const res = await call(fake, '/me');
    assert.equal(res.status, 503);
    assert.equal(code(res), 'service_unavailable');
    assert.equal(res.json.request_id, res.headers.get('x-request-id'));
  });

  it('omit_request_id gives request_id null and no X-Request-Id', async () => {
    fake.addFaults([{ action: 'omit_request_id' }]);
    const res = await call(fake, '/teams/404');
    assert.equal(res.status, 404);
    assert.equal(res.json.request_id, null);
    assert.equal(res.headers.get('x-request-id'), null);
  });

  it('wrong_content_type sends JSON as text/plain; empty_body sends nothing', async () => {
    fake.addFaults([{ match: { path_regex: '^/me$' }, action: 'wrong_content_type' }]);
    const wrong = await call(fake, '/me');
    assert.equal(wrong.status, 200);
    assert.match(wrong.headers.get('content-type') ?? '', /^text\/plain/);
    assert.equal(wrong.json.type, 'admin');
    fake.clearFaults();
    fake.addFaults([{ match: { path_regex: '^/admins$' }, action: { type: 'empty_body', status: 502 } }]);
    const empty = await call(fake, '/admins');
    assert.equal(empty.status, 502);
    assert.equal(empty.text, '');
  });

  it('nth, every, method, times and probability select which requests misbehave', async () => {
    fake.addFaults([{ match: { method: 'GET', path_regex: '^/admins$', nth: 2 }, action: 'cdn_503' }]);
    const nth = [];
    for (let i = 0; i < 4; i++) nth.push((await call(fake, '/admins')).status);
    assert.deepEqual(nth, [200, 503, 200, 200]);
    fake.clearFaults();
    fake.addFaults([{ match: { path_regex: '^/teams$', every: 2 }, action: 'elb_502' }]);
    const every = [];
    for (let i = 0; i < 4; i++) every.push((await call(fake, '/teams')).status);
    assert.deepEqual(every, [200, 502, 200, 502]);
    fake.clearFaults();
    fake.addFaults([{ match: { method: 'POST' }, action: 'rails_500' }, { match: { path_regex: '^/tags$', times: 1 }, action: 'rails_500' }]);
    assert.equal((await call(fake, '/tags')).status, 500);
    assert.equal((await call(fake, '/tags')).status, 200);
    fake.clearFaults();
    fake.addFaults([{ match: { probability: 0 }, action: 'rails_500' }]);
    for (let i = 0; i < 5; i++) assert.equal((await call(fake, '/me')).status, 200);
  });

  it('a trickled body still arrives whole; close_after_headers cuts it off', async () => {
    fake.addFaults([{ match: { path_regex: '^/admins$' }, action: { type: 'delay', ms: 50, trickle: true } }]);
    const slow = await call(fake, '/admins');
    assert.equal(slow.status, 200);
    assert.equal(slow.json.type, 'admin.list');
    fake.clearFaults();
    fake.addFaults([{ match: { path_regex: '^/admins$' }, action: 'close_after_headers' }]);
    await assert.rejects(call(fake, '/admins'));
  });

  it('faults can be set over HTTP, skip /__fake, and are listed with their counters', async () => {
    const set = await fetch(`${fake.url}/__fake/faults`, {
      method: 'POST',
      body: JSON.stringify({ rules: [{ match: { path_regex: '.*' }, action: 'html_200' }] }),
    });
    assert.equal(set.status, 200);
    assert.match((await call(fake, '/me')).headers.get('content-type') ?? '', /text\/html/);
    const listed = await (await fetch(`${fake.url}/__fake/faults`)).json();
    assert.equal(listed.faults[0].fired, 1);
    const bad = await fetch(`${fake.url}/__fake/faults`, { method: 'POST', body: JSON.stringify({ action: 'explode' }) });
    assert.equal(bad.status, 400);
    await fetch(`${fake.url}/__fake/faults`, { method: 'DELETE' });
    assert.equal((await call(fake, '/me')).status, 200);
  });
});
