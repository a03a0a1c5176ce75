/**
 * Reading a workspace snapshot from the fake Intercom: read-only GETs, the host allow-list, 401,
 * 429 and 5xx (a clear message and no snapshot), a read refused for its own scope, cancellation,
 * and the token canary (the token is in no part of the result).
 */
import assert from 'node:assert/strict';
import { after, before, beforeEach, describe, it } from 'node:test';
import { startFakeIntercom, TOKEN_MISSING_SCOPES, type FakeIntercom } from '../../fake-intercom/server.js';
import { LIVE_READS, fetchWorkspaceSnapshot, type LiveFetchResult } from '../../../server/src/core/intercom/live/fetchSnapshot';
import { SecretToken } from '../../../server/src/core/runner';

const CANARY = 'CANARY-live-4e1f9a7c2b58d3066ef1';

describe('live checks — reading the workspace snapshot', () => {
  let fake: FakeIntercom;
  const host = () => new URL(fake.url).host;
  const read = (token = CANARY, extra: Record<string, unknown> = {}): Promise<LiveFetchResult> => fetchWorkspaceSnapshot({
    baseUrl: fake.url, version: '2.15', token: new SecretToken(token),
    send: { allowedHosts: [host()], retryBackoffMs: 1, maxRateLimitWaitMs: 2_000, ...extra },
  });
  const apiRequests = () => fake.requests.filter(r => !r.path.startsWith('/__fake'));

  before(async () => { fake = await startFakeIntercom(); });
  after(() => fake.close());
  beforeEach(() => {
    fake.reset();
    fake.addToken({ token: CANARY, workspace: 'us', app_name: 'Live check app' });
    fake.clearRequests();
  });

  it('reads every part with GETs only and holds no token', async () => {
    const result = await read();
    assert.equal(result.ok, true, JSON.stringify(result));
    if (!result.ok) return;
    const s = result.snapshot;
    assert.equal(s.workspace.region, 'US');
    assert.equal(s.workspace.name, 'Acme US');
    assert.equal(s.version, '2.15');
    const access = s.ticketTypes!.find(t => t.name === 'Access request')!;
    assert.ok(access, 'the seeded Back-office type');
    assert.ok(access.attributes.some(a => a.name === '_default_title_' && a.requiredToCreate));
    assert.ok(s.teams!.length > 0 && s.tags!.length > 0 && s.admins!.length > 0);
    assert.ok(s.dataAttributes!.contact!.some(a => a.name === 'employee_id' && a.custom));
    assert.ok(s.dataAttributes!.company!.some(a => a.custom));
    assert.deepEqual(s.unavailable, []);
    const requests = apiRequests();
    assert.deepEqual(requests.map(r => r.method), LIVE_READS.map(() => 'GET'));
    assert.deepEqual(requests.map(r => r.path), LIVE_READS.map(r => r.path.split('?')[0]));
    assert.ok(requests.every(r => r.headers['intercom-version'] === '2.15'));
    assert.ok(!JSON.stringify(result).includes(CANARY), 'the token is not in the snapshot');
  });

  it('a token Intercom rejects (401) stops the check with a plain message and no snapshot', async () => {
    const result = await read('tok_nobody_knows_this_one');
    assert.equal(result.ok, false);
    if (result.ok) return;
    assert.equal(result.problem.status, 401);
    assert.match(result.problem.message, /^The live check stopped: GET \/me failed/);
    assert.match(result.problem.message, /the other findings are unchanged/);
    assert.equal(apiRequests().length, 1);
  });

  it('a rate limit that does not clear in time (429) stops the check', async () => {
    fake.setRateLimit({ preset: 'reset_far_future' });
    const result = await read();
    assert.equal(result.ok, false);
    if (!result.ok) assert.equal(result.problem.status, 429);
    if (!result.ok) assert.match(result.problem.message, /rate/i);
  });

  it('a server error on one read (503, after the GET retries) stops the check', async () => {
    fake.addFaults([{ match: { path_regex: '^/teams$' }, action: { type: 'json_error', status: 503, code: 'service_unavailable', message: 'Sorry, the API service is temporarily unavailable' } }]);
    const result = await read();
    assert.equal(result.ok, false);
    if (result.ok) return;
    assert.equal(result.problem.status, 503);
    assert.match(result.problem.message, /GET \/teams failed/);
    assert.ok(!result.problem.message.includes(CANARY));
  });

  it('a read the app has no scope for is left out; the rest is read', async () => {
    const result = await read(TOKEN_MISSING_SCOPES);
    assert.equal(result.ok, true, JSON.stringify(result));
    if (!result.ok) return;
    assert.equal(result.snapshot.ticketTypes, undefined);
    assert.match(result.snapshot.unavailable.map(u => `${u.read}: ${u.message}`).join('\n'), /GET \/ticket_types: .*scope/);
    assert.ok(result.snapshot.tags);
  });

  it('the token never goes to a host that is not allowed: nothing is sent', async () => {
    const result = await fetchWorkspaceSnapshot({ baseUrl: fake.url, version: '2.15', token: new SecretToken(CANARY), send: { allowedHosts: [] } });
    assert.equal(result.ok, false);
    if (!result.ok) assert.match(result.problem.message, /Refusing to send the access token/);
    assert.equal(apiRequests().length, 0);
  });

  it('is cancellable', async () => {
    const controller = new AbortController();
    controller.abort();
    const result = await read(CANARY, { signal: controller.signal });
    assert.equal(result.ok, false);
    if (!result.ok) assert.equal(result.problem.kind, 'cancelled');
  });
});
