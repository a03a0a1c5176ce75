// Spec §10 edge cases 1–12, one test (or a few) each, against the started fake.

import assert from 'node:assert/strict';
import { after, before, beforeEach, describe, it } from 'node:test';
import {
  startFakeIntercom,
  TOKEN_AU,
  TOKEN_BLOCKED,
  TOKEN_EU,
  TOKEN_MISSING_SCOPES,
  TOKEN_PLAN_RESTRICTED,
  TOKEN_UNKNOWN,
  TOKEN_US,
  type FakeIntercom,
} from '../../fake-intercom/server.js';
import { call, code, listAllContactIds, raw } from './helpers.js';

describe('fake Intercom — spec §10 edge cases 1–12', () => {
  let fake: FakeIntercom;
  before(async () => {
    fake = await startFakeIntercom({ clock: 'manual' });
  });
  after(() => fake.close());
  beforeEach(() => fake.reset());

  it('§10.1 an unknown token gets 401 unauthorized "Access Token Invalid"', async () => {
    const res = await call(fake, '/me', { token: TOKEN_UNKNOWN });
    assert.equal(res.status, 401);
    assert.equal(res.json.type, 'error.list');
    assert.equal(code(res), 'unauthorized');
    assert.equal(res.json.errors[0].message, 'Access Token Invalid');
    // Same answer whether or not the token looks plausible.
    const other = await call(fake, '/me', { token: 'x' });
    assert.equal(other.status, 401);
    assert.equal(code(other), 'unauthorized');
  });

  it('§10.2 a token revoked mid-run gets 401 token_revoked', async () => {
    assert.equal((await call(fake, '/contacts?per_page=5')).status, 200);
    const ctl = await fetch(`${fake.url}/__fake/tokens`, {
      method: 'POST',
      body: JSON.stringify({ action: 'revoke', token: TOKEN_US }),
    });
    assert.equal(ctl.status, 200);
    const res = await call(fake, '/contacts?per_page=5');
    assert.equal(res.status, 401);
    assert.equal(code(res), 'token_revoked');
  });

  it('§10.3 a blocked token gets token_blocked and a restricted plan gets 403 api_plan_restricted', async () => {
    const blocked = await call(fake, '/me', { token: TOKEN_BLOCKED });
    assert.equal(blocked.status, 401);
    assert.equal(code(blocked), 'token_blocked');
    const plan = await call(fake, '/tickets/4631', { token: TOKEN_PLAN_RESTRICTED, version: '2.15' });
    assert.equal(plan.status, 403);
    assert.equal(code(plan), 'api_plan_restricted');
    assert.equal(plan.json.errors[0].message, 'Active subscription needed.');
    // The same workspace can still read what its plan includes.
    assert.equal((await call(fake, '/admins', { token: TOKEN_PLAN_RESTRICTED })).status, 200);
  });

  it('§10.4 a missing scope gets 403 forbidden naming the scope', async () => {
    const res = await call(fake, '/tickets/631', { token: TOKEN_MISSING_SCOPES, version: '2.15' });
    assert.equal(res.status, 403);
    assert.equal(code(res), 'forbidden');
    assert.match(res.json.errors[0].message, /required scope \(read_tickets\)/);
    const write = await call(fake, '/contacts', { token: TOKEN_MISSING_SCOPES, body: { email: 'a@b.example' } });
    assert.equal(write.status, 403);
    assert.match(write.json.errors[0].message, /\(write_users\)/);
  });

  it('§10.5 429 carries X-RateLimit-Reset; Remaining counts down; the window refills', async () => {
    fake.setRateLimit({ preset: 'tiny' });
    const remaining: string[] = [];
    for (let i = 0; i < 3; i++) remaining.push((await call(fake, '/me')).headers.get('x-ratelimit-remaining') ?? '');
    assert.deepEqual(remaining, ['2', '1', '0']);
    const limited = await call(fake, '/me');
    assert.equal(limited.status, 429);
    assert.equal(code(limited), 'rate_limit_exceeded');
    assert.equal(limited.headers.get('x-ratelimit-remaining'), '0');
    assert.equal(limited.headers.get('retry-after'), null);
    const reset = Number(limited.headers.get('x-ratelimit-reset'));
    assert.ok(reset > fake.now() && reset <= fake.now() + 10);
    fake.setClock(reset);
    assert.equal((await call(fake, '/me')).status, 200);
  });

  it('§10.5 Reset in the past, far in the future, and rate headers missing entirely', async () => {
    fake.setRateLimit({ preset: 'reset_in_past' });
    const past = await call(fake, '/me');
    assert.ok(Number(past.headers.get('x-ratelimit-reset')) < fake.now());
    fake.setRateLimit({ preset: 'reset_far_future' });
    const future = await call(fake, '/me');
    assert.ok(Number(future.headers.get('x-ratelimit-reset')) >= fake.now() + 3600);
    fake.setRateLimit({ preset: 'none' });
    fake.addFaults([{ match: { path_regex: '^/me$' }, action: 'omit_rate_headers' }]);
    const bare = await call(fake, '/me');
    assert.equal(bare.status, 200);
    assert.equal(bare.headers.get('x-ratelimit-limit'), null);
    assert.equal(bare.headers.get('x-ratelimit-reset'), null);
  });

  it('§10.6 an EU token works on the US host and the EU host, fails on the AU host', async () => {
    const viaUs = await call(fake, '/me', { token: TOKEN_EU });
    assert.equal(viaUs.status, 200);
    assert.equal(viaUs.json.app.region, 'EU');
    const viaEu = await call(fake, '/me', { token: TOKEN_EU, base: fake.urls.eu });
    assert.equal(viaEu.status, 200);
    const viaAu = await call(fake, '/me', { token: TOKEN_EU, base: fake.urls.au });
    assert.equal(viaAu.status, 401);
    assert.equal(code(viaAu), 'token_not_found');
    const usOnEu = await call(fake, '/me', { token: TOKEN_US, base: fake.urls.eu });
    assert.equal(usOnEu.status, 401);
  });

  it('§10.6 the same rules apply by Host header, and returned URLs keep the regional host', async () => {
    const headers = { host: 'api.eu.intercom.io', accept: 'application/json', authorization: `Bearer ${TOKEN_EU}` };
    const me = await raw(fake, '/me', headers);
    assert.equal(me.status, 200);
    const onAu = await raw(fake, '/me', { ...headers, host: 'api.au.intercom.io' });
    assert.equal(onAu.status, 401);
    const companies = await raw(fake, '/companies?per_page=1', headers);
    assert.match(JSON.parse(companies.text).pages.next, /^https:\/\/api\.eu\.intercom\.io\/companies\?page=2/);
    const viaPrefix = await call(fake, '/companies?per_page=1', { token: TOKEN_EU, base: fake.urls.eu });
    assert.ok(viaPrefix.json.pages.next.startsWith(`${fake.urls.eu}/companies?page=2`));
    const contacts = await call(fake, '/contacts?per_page=1', { token: TOKEN_EU, base: fake.urls.eu });
    assert.ok(contacts.json.data[0].tags.url.startsWith(`${fake.urls.eu}/contacts/`));
  });

  it('§10.7 empty lists: teams [], data [] with total_pages 0 and no next, empty ticket types', async () => {
    const teams = await call(fake, '/teams', { token: TOKEN_AU });
    assert.deepEqual(teams.json, { type: 'team.list', teams: [] });
    const contacts = await call(fake, '/contacts', { token: TOKEN_AU });
    assert.deepEqual(contacts.json, {
      type: 'list',
      data: [],
      total_count: 0,
      pages: { type: 'pages', page: 1, per_page: 10, total_pages: 0 },
    });
    const types = await call(fake, '/ticket_types', { token: TOKEN_AU, version: '2.15' });
    assert.deepEqual(types.json, { type: 'list', data: [] });
    const admins = await call(fake, '/admins', { token: TOKEN_AU });
    assert.ok(admins.json.admins.length > 0);
  });

  it('§10.8 unicode and odd strings round-trip unmangled as JSON', async () => {
    const ids = await listAllContactIds(fake, 150);
    const names = new Set<string>();
    const emails = new Set<string>();
    for (const id of ids.slice(0, 20)) {
      const c = (await call(fake, `/contacts/${id}`)).json;
      names.add(c.name);
      emails.add(c.email);
    }
    for (const expected of ['Zoë Ångström', '李小龙', 'محمد الأحمد', 'Robert "Bobby" Tables', "Back\\Slash O'Neil",
      'Line\nBreak Person', '<script>alert("pwned")</script>', '𝒜𝓁𝒾𝒸𝑒 😀 Emoji']) {
      assert.ok(names.has(expected), `missing ${JSON.stringify(expected)}`);
    }
    assert.ok([...names].some((n) => n && n.length > 255));
    assert.ok(emails.has('bobby+tables@example.com'));
    const admins = (await call(fake, '/admins')).json.admins.map((a: { name: string }) => a.name);
    assert.ok(admins.includes('😀 Bot') && admins.includes('Ahmed Ø'));
  });

  it('§10.9 per_page=150 gives more than 1 MB; per_page=500 is refused (150 is the documented maximum)', async () => {
    const big = await call(fake, '/contacts?per_page=150');
    assert.ok(Buffer.byteLength(big.text) > 1_000_000, `only ${big.text.length} bytes`);
    const tooMany = await call(fake, '/contacts?per_page=500');
    assert.equal(tooMany.status, 400);
    assert.equal(code(tooMany), 'parameter_invalid');
  });

  it('§10.10 cursors contain + / =, must be URL-encoded, and bad ones get 400 client_error', async () => {
    const cursors: string[] = [];
    let cursor: string | undefined;
    do {
      const q = cursor ? `&starting_after=${encodeURIComponent(cursor)}` : '';
      const res = await call(fake, `/contacts?per_page=10${q}`);
      cursor = res.json.pages.next?.starting_after;
      if (cursor) cursors.push(cursor);
    } while (cursor);
    const joined = cursors.join('');
    assert.ok(joined.includes('+') && joined.includes('/') && joined.includes('='), 'seed cursors lack + / =');
    const withPlus = cursors.find((c) => c.includes('+')) as string;
    const unencoded = await call(fake, `/contacts?per_page=10&starting_after=${withPlus}`);
    assert.equal(unencoded.status, 400);
    assert.equal(code(unencoded), 'client_error');
    for (const bad of ['None', 'null', '', 'abc', withPlus.replace(/\+/g, ' ')]) {
      const res = await call(fake, `/contacts?starting_after=${encodeURIComponent(bad)}`);
      assert.equal(res.status, 400, `cursor ${JSON.stringify(bad)}`);
      assert.equal(code(res), 'client_error');
    }
  });

  it('§10.10 a search cursor in the query string is ignored: page 1 again', async () => {
    const body = { query: { field: 'role', operator: '=', value: 'user' }, pagination: { per_page: 5 } };
    const first = await call(fake, '/contacts/search', { body });
    const next = first.json.pages.next.starting_after;
    const wrong = await call(fake, `/contacts/search?starting_after=${encodeURIComponent(next)}`, { body });
    assert.equal(wrong.status, 200);
    assert.deepEqual(wrong.json.data.map((c: { id: string }) => c.id), first.json.data.map((c: { id: string }) => c.id));
    const right = await call(fake, '/contacts/search', { body: { ...body, pagination: { per_page: 5, starting_after: next } } });
    assert.equal(right.json.pages.page, 2);
    assert.notEqual(right.json.data[0].id, first.json.data[0].id);
  });

  it('§10.11 unstable ordering repeats items across pages; de-duplicating by id still gets everything', async () => {
    const stable = await listAllContactIds(fake, 50);
    fake.setOptions({ unstableOrdering: true });
    const unstable = await listAllContactIds(fake, 50);
    assert.ok(unstable.length > stable.length, 'pages should overlap');
    assert.deepEqual(new Set(unstable), new Set(stable));
  });

  it('§10.11 writes during paging neither skip nor repeat existing contacts', async () => {
    const before = await listAllContactIds(fake, 100);
    const seen: string[] = [];
    let cursor: string | undefined;
    let page = 0;
    do {
      const q = cursor ? `&starting_after=${encodeURIComponent(cursor)}` : '';
      const res = await call(fake, `/contacts?per_page=100${q}`);
      seen.push(...res.json.data.map((c: { id: string }) => c.id));
      cursor = res.json.pages.next?.starting_after;
      if (page++ === 0) {
        await call(fake, '/contacts', { body: { email: 'during.paging@example.com' } });
        await call(fake, `/contacts/${before[5]}`, { method: 'DELETE' });
      }
    } while (cursor);
    const existing = seen.filter((id) => before.includes(id));
    assert.equal(new Set(existing).size, existing.length, 'duplicates');
    // before[5] was on page 1, so every pre-existing contact was seen exactly once.
    assert.deepEqual(new Set(existing), new Set(before));
  });

  it('§10.12 proxy HTML pages: Rails 500, ELB 502, CDN 503 and a 200 captive portal, all text/html', async () => {
    for (const [preset, status] of [['rails_500', 500], ['elb_502', 502], ['cdn_503', 503], ['html_200', 200]] as const) {
      fake.clearFaults();
      fake.addFaults([{ match: { path_regex: '^/me$' }, action: preset }]);
      const res = await call(fake, '/me');
      assert.equal(res.status, status, preset);
      assert.match(res.headers.get('content-type') ?? '', /^text\/html/);
      assert.equal(res.json, null, `${preset} must not parse as JSON`);
    }
    fake.clearFaults();
    fake.addFaults([{ match: { path_regex: '^/me$' }, action: 'rails_500' }]);
    assert.match((await call(fake, '/me')).text, /We're sorry, but something went wrong/);
  });
});
