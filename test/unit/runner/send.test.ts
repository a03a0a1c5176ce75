// Safety rules of sendRequest against the fake Intercom: where the token may go, confirmation of
// calls that change data, timeouts, 429 handling, HTML/non-JSON/truncated answers, retries.
import { after, before, beforeEach, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import {
  DEFAULT_TIMEOUT_MS, HttpProblemError, SecretToken, httpOptionsFromSettings, isMutating, prepareRequest, sendRequest,
  tokenAllowedFor, type HttpResponse, type SendOptions,
} from '../../../server/src/core/runner';
import { fake, followClock, headers, hostOf, logged, sendOptionsFor, type FakeIntercom } from './helpers';

let f: FakeIntercom;
before(async () => { f = await fake(); });
after(async () => { await f.close(); });
beforeEach(() => f.reset());

const token = () => new SecretToken('tok_valid_us');

function get(path: string, version = '2.15', tok: SecretToken = token()) {
  return prepareRequest({ name: 'test', method: 'GET', url: `https://api.intercom.io${path}`, headers: headers(version) }, {}, { token: tok, baseUrl: f.url });
}

const opts = (extra: Partial<SendOptions> = {}): SendOptions => sendOptionsFor(f, extra);

async function problemOf(p: Promise<unknown>): Promise<HttpProblemError['problem']> {
  try { await p; } catch (e) { if (e instanceof HttpProblemError) return e.problem; throw e; }
  assert.fail('expected an HttpProblemError');
}

describe('token only to allowed hosts', () => {
  it('refuses a host that is not allowed, names it and the setting, and sends nothing', async () => {
    const problem = await problemOf(sendRequest(get('/admins'), { clock: followClock(f) }));
    assert.equal(problem.kind, 'refused');
    assert.match(problem.message, new RegExp(hostOf(f).replace(/\./g, '\\.')));
    assert.match(problem.message, /saviyntRest\.http\.allowedHosts/);
    assert.equal(f.requests.length, 0);
  });

  it('sends to an allowed host:port and to a host entry without port', async () => {
    const r1 = await sendRequest(get('/admins'), opts());
    assert.equal(r1.status, 200);
    const r2 = await sendRequest(get('/admins'), opts({ allowedHosts: ['127.0.0.1'] }));
    assert.equal(r2.status, 200);
    assert.equal(logged(f, /^\/admins$/).length, 2);
  });

  it('does not treat localhost as 127.0.0.1 or another port as allowed', async () => {
    assert.equal((await problemOf(sendRequest(get('/admins'), opts({ allowedHosts: ['localhost'] })))).kind, 'refused');
    assert.equal((await problemOf(sendRequest(get('/admins'), opts({ allowedHosts: ['127.0.0.1:1'] })))).kind, 'refused');
  });

  it('allows Intercom API hosts over https only', () => {
    assert.equal(tokenAllowedFor(new URL('https://api.intercom.io/admins')), true);
    assert.equal(tokenAllowedFor(new URL('https://api.eu.intercom.io/admins')), true);
    assert.equal(tokenAllowedFor(new URL('https://api.au.intercom.io/admins')), true);
    assert.equal(tokenAllowedFor(new URL('http://api.intercom.io/admins')), false);
    assert.equal(tokenAllowedFor(new URL('https://api.intercom.io.evil.example/admins')), false);
    assert.equal(tokenAllowedFor(new URL('https://app.intercom.com/')), false);
  });

  it('sends the token as a Bearer header (the fake logs only its last 4 characters)', async () => {
    await sendRequest(get('/admins'), opts());
    const entry = logged(f, /^\/admins$/)[0];
    assert.match(entry.headers.authorization, /^Bearer \*\*\*d_us$/);
    assert.equal(entry.headers['intercom-version'], '2.15');
  });
});

describe('calls that change data', () => {
  it('flags POST, PUT, PATCH, DELETE and DELETEWITHBODY, not GET or GETWITHBODY', () => {
    for (const m of ['POST', 'PUT', 'PATCH', 'DELETE', 'DELETEWITHBODY', 'post']) assert.equal(isMutating(m), true, m);
    for (const m of ['GET', 'GETWITHBODY']) assert.equal(isMutating(m), false, m);
    const r = prepareRequest({ method: 'DELETEWITHBODY', url: 'https://api.intercom.io/x', headers: {}, body: '{"a":1}' }, {});
    assert.equal(r.method, 'DELETE');
    assert.equal(r.body, '{"a":1}');
    assert.equal(r.requiresConfirmation, true);
  });

  it('refuses an unconfirmed POST without sending it', async () => {
    const r = prepareRequest({ method: 'POST', url: 'https://api.intercom.io/tickets', headers: headers(), body: '{}', contentType: 'application/json' }, {}, { token: token(), baseUrl: f.url });
    const problem = await problemOf(sendRequest(r, opts()));
    assert.equal(problem.kind, 'refused');
    assert.match(problem.message, /confirm/);
    assert.equal(f.requests.length, 0);
  });

  it('never retries POST /tickets after a timeout', async () => {
    f.addFaults([{ match: { method: 'POST', path_regex: '^/tickets$' }, action: 'hang' }]);
    const r = prepareRequest({ method: 'POST', url: 'https://api.intercom.io/tickets', headers: headers(), body: '{}', contentType: 'application/json' }, {}, { token: token(), baseUrl: f.url });
    const problem = await problemOf(sendRequest(r, opts({ confirmed: true, timeoutMs: 200 })));
    assert.equal(problem.kind, 'timeout');
    assert.match(problem.message, /not retried/);
    assert.equal(logged(f, /^\/tickets$/, 'POST').length, 1);
  });

  it('never retries POST /tickets after a 429 or a 503', async () => {
    f.addFaults([{ match: { method: 'POST', path_regex: '^/tickets$', times: 1 }, action: { type: 'json_error', status: 503, code: 'service_unavailable' } }]);
    const r = prepareRequest({ method: 'POST', url: 'https://api.intercom.io/tickets', headers: headers(), body: '{}', contentType: 'application/json' }, {}, { token: token(), baseUrl: f.url });
    const res = await sendRequest(r, opts({ confirmed: true }));
    assert.equal(res.status, 503);
    assert.equal(res.attempts, 1);
    f.setRateLimit({ preset: 'burst_then_ok', burstN: 1 });
    const res2 = await sendRequest(r, opts({ confirmed: true }));
    assert.equal(res2.status, 429);
    assert.match(res2.problem!.message, /not repeated automatically/);
    assert.equal(logged(f, /^\/tickets$/, 'POST').length, 2);
  });
});

describe('timeouts', () => {
  it('defaults to 30 s and follows the timeout setting', async () => {
    assert.equal(DEFAULT_TIMEOUT_MS, 30_000);
    const clock = followClock(f);
    await sendRequest(get('/admins'), { allowedHosts: [hostOf(f)], clock });
    assert.deepEqual(clock.timers, [30_000]);
    assert.deepEqual(httpOptionsFromSettings({ timeoutSeconds: 5, allowedHosts: ['127.0.0.1:9', 3] }), { timeoutMs: 5000, allowedHosts: ['127.0.0.1:9'] });
    assert.equal(httpOptionsFromSettings({}).timeoutMs, 30_000);
  });

  it('abandons a hanging GET, retries it twice, then reports a timeout', async () => {
    f.addFaults([{ match: { path_regex: '^/admins$' }, action: 'hang' }]);
    const clock = followClock(f);
    const problem = await problemOf(sendRequest(get('/admins'), opts({ clock, timeoutMs: 150 })));
    assert.equal(problem.kind, 'timeout');
    assert.match(problem.message, /0\.2 s|0\.1 s|0\.15 s/);
    assert.equal(logged(f, /^\/admins$/).length, 3);
    assert.equal(clock.sleeps.length, 2);
  });

  it('is cancellable while waiting', async () => {
    f.addFaults([{ match: { path_regex: '^/admins$' }, action: 'hang' }]);
    const controller = new AbortController();
    setTimeout(() => controller.abort(), 50);
    const problem = await problemOf(sendRequest(get('/admins'), opts({ signal: controller.signal, timeoutMs: 10_000 })));
    assert.equal(problem.kind, 'cancelled');
  });
});

describe('429 rate limits', () => {
  async function exhaust(): Promise<void> {
    for (let i = 0; i < 3; i++) assert.equal((await sendRequest(get('/admins'), opts())).status, 200);
  }

  it('waits until X-RateLimit-Reset (plus jitter) and reports the wait', async () => {
    f.setRateLimit({ preset: 'tiny' });
    await exhaust();
    const clock = followClock(f);
    const events: string[] = [];
    const before = clock.now();
    const res = await sendRequest(get('/admins'), opts({ clock, onProgress: e => events.push(e.type) }));
    assert.equal(res.status, 200);
    assert.equal(clock.sleeps.length, 1);
    const untilReset = (Math.floor(before / 10_000) + 1) * 10_000 - before;
    assert.equal(clock.sleeps[0], untilReset + 250);
    assert.ok(events.includes('rate-limit-wait'));
  });

  it('backs off briefly when the reset is in the past', async () => {
    f.setRateLimit({ preset: 'reset_in_past' });
    await exhaust();
    const clock = followClock(f);
    const messages: string[] = [];
    const res = await sendRequest(get('/admins'), opts({ clock, maxRateLimitRetries: 10, onProgress: e => { if (e.type === 'rate-limit-wait') messages.push(e.message); } }));
    assert.equal(res.status, 200);
    assert.ok(clock.sleeps.length >= 1);
    assert.ok(clock.sleeps.every(ms => ms < 5000), String(clock.sleeps));
    assert.match(messages[0], /already passed/);
  });

  it('gives up at once when the reset is far in the future', async () => {
    f.setRateLimit({ preset: 'reset_far_future' });
    await exhaust();
    const clock = followClock(f);
    const res = await sendRequest(get('/admins'), opts({ clock }));
    assert.equal(res.status, 429);
    assert.equal(res.problem?.kind, 'rate-limited');
    assert.match(res.problem!.message, /60 min|longer than the 60 s/);
    assert.deepEqual(clock.sleeps, []);
  });

  it('backs off without headers, then succeeds', async () => {
    f.setRateLimit({ preset: 'tiny' });
    await exhaust();
    f.addFaults([{ action: 'omit_rate_headers' }]);
    const clock = followClock(f);
    const res = await sendRequest(get('/admins'), opts({ clock, maxRateLimitRetries: 5 }));
    assert.equal(res.status, 200);
    assert.equal(clock.sleeps[0], 2250);
    assert.deepEqual(res.rateLimit, { limit: undefined, remaining: undefined, reset: undefined });
  });

  it('stops after the bounded number of waits', async () => {
    f.setRateLimit({ preset: 'reset_in_past' });
    await exhaust();
    const clock = { ...followClock(f), sleep: async () => { /* time stands still: always limited */ } };
    const res = await sendRequest(get('/admins'), opts({ clock, maxRateLimitRetries: 2 }));
    assert.equal(res.status, 429);
    assert.match(res.problem!.message, /Still limited after waiting 2 times/);
    assert.equal(res.attempts, 3);
  });
});

describe('answers that are not usable JSON', () => {
  it('recognises proxy HTML pages (rails_500, elb_502, cdn_503) by Content-Type and names the title', async () => {
    for (const [preset, title] of [['rails_500', "We're sorry, but something went wrong (500)"], ['elb_502', '502 Bad Gateway'], ['cdn_503', '503 Service Temporarily Unavailable']]) {
      f.clearFaults();
      f.addFaults([{ action: preset }]);
      const res = await sendRequest(get('/admins'), opts({ maxRetries: 0 }));
      assert.equal(res.problem?.kind, 'html-page', preset);
      assert.ok(res.problem!.message.startsWith('Intercom (or a proxy in between) answered with an HTML page, not JSON:'));
      assert.ok(res.problem!.message.includes(title), res.problem!.message);
      assert.equal(res.json, undefined);
    }
  });

  it('flags a 200 captive-portal HTML page (html_200)', async () => {
    f.addFaults([{ action: 'html_200' }]);
    const res = await sendRequest(get('/admins'), opts());
    assert.equal(res.status, 200);
    assert.equal(res.ok, false);
    assert.equal(res.problem?.kind, 'html-page');
    assert.match(res.problem!.message, /Sign in to continue/);
    assert.match(res.problem!.message, /captive portal/);
  });

  it('retries a GET after an HTML 502 and succeeds', async () => {
    f.addFaults([{ match: { nth: 1 }, action: 'elb_502' }]);
    const res = await sendRequest(get('/admins'), opts());
    assert.equal(res.status, 200);
    assert.equal(res.attempts, 2);
  });

  it('reports a body that is not JSON', async () => {
    const fetchStub = async () => new Response('OK then', { status: 200, headers: { 'content-type': 'text/plain' } });
    const res = await sendRequest(get('/admins'), opts({ fetch: fetchStub }));
    assert.equal(res.problem?.kind, 'non-json');
    assert.match(res.problem!.message, /OK then/);
  });

  it('accepts JSON labelled text/plain with a warning', async () => {
    f.addFaults([{ action: 'wrong_content_type' }]);
    const res = await sendRequest(get('/admins'), opts());
    assert.equal(res.ok, true);
    assert.equal((res.json as { type: string }).type, 'admin.list');
    assert.match(res.warnings.join(' '), /text\/plain/);
  });

  it('discards a truncated body with a clean error', async () => {
    f.addFaults([{ action: { type: 'truncate_body', bytes: 30 } }]);
    const problem = await problemOf(sendRequest(get('/admins'), opts({ maxRetries: 0 })));
    assert.equal(problem.kind, 'truncated');
  });

  it('reports a reset connection, and retries a GET after one', async () => {
    f.addFaults([{ match: { times: 1 }, action: 'reset_connection' }]);
    const problem = await problemOf(sendRequest(get('/admins'), opts({ maxRetries: 0 })));
    assert.equal(problem.kind, 'connection-reset');
    f.clearFaults();
    f.addFaults([{ match: { times: 1 }, action: 'reset_connection' }]);
    const res = await sendRequest(get('/admins'), opts());
    assert.equal(res.status, 200);
    assert.equal(res.attempts, 2);
  });

  it('retries a GET on 5xx with backoff, bounded', async () => {
    f.addFaults([{ action: { type: 'json_error', status: 503, code: 'service_unavailable', message: 'Sorry, the API service is temporarily unavailable' } }]);
    const clock = followClock(f);
    const res = await sendRequest(get('/admins'), opts({ clock }));
    assert.equal(res.status, 503);
    assert.equal(res.attempts, 3);
    assert.deepEqual(clock.sleeps, [1000, 2000]);
    assert.equal(res.problem?.kind, 'server-error');
  });
});

describe('network failures', () => {
  const failing = (cause: Record<string, string>) => async () => { throw Object.assign(new TypeError('fetch failed'), { cause: Object.assign(new Error(cause.message ?? 'x'), cause) }); };

  it('classifies DNS, TLS and refused connections in plain language', async () => {
    const dns = await problemOf(sendRequest(get('/admins'), opts({ fetch: failing({ code: 'ENOTFOUND', message: 'getaddrinfo ENOTFOUND x' }), maxRetries: 0 })));
    assert.equal(dns.kind, 'dns');
    const tls = await problemOf(sendRequest(get('/admins'), opts({ fetch: failing({ code: 'UNABLE_TO_VERIFY_LEAF_SIGNATURE', message: 'unable to verify the first certificate' }) })));
    assert.equal(tls.kind, 'tls');
    assert.match(tls.message, /proxy/);
  });

  it('reports a closed port as connection refused', async () => {
    const closed = await fake();
    const url = closed.url;
    await closed.close();
    const r = prepareRequest({ method: 'GET', url: 'https://api.intercom.io/admins', headers: headers() }, {}, { token: token(), baseUrl: url });
    const problem = await problemOf(sendRequest(r, opts({ allowedHosts: [new URL(url).host], maxRetries: 0 })));
    assert.equal(problem.kind, 'connection-refused');
  });
});

describe('Intercom errors in plain language', () => {
  const call = (tok: string, path = '/admins', version = '2.15') => sendRequest(get(path, version, new SecretToken(tok)), opts());
  const kindAndMessage = (r: HttpResponse) => [r.problem?.kind, r.problem?.code, r.problem?.message];

  it('tells revoked, blocked and unknown tokens apart', async () => {
    const [k1, c1, m1] = kindAndMessage(await call('tok_revoked'));
    const [k2, c2, m2] = kindAndMessage(await call('tok_blocked'));
    const [k3, c3, m3] = kindAndMessage(await call('tok_unknown_0000'));
    assert.deepEqual([k1, k2, k3], ['unauthorized', 'unauthorized', 'unauthorized']);
    assert.deepEqual([c1, c2, c3], ['token_revoked', 'token_blocked', 'unauthorized']);
    assert.match(String(m1), /revoked/);
    assert.match(String(m2), /blocked/);
    assert.match(String(m3), /rejected the access token/);
    assert.equal(new Set([m1, m2, m3]).size, 3);
  });

  it('names the missing scope and the Developer Hub permission', async () => {
    const r = await call('tok_missing_scopes', '/tickets/631');
    assert.equal(r.problem?.kind, 'forbidden-scope');
    assert.equal(r.problem?.scope, 'read_tickets');
    assert.match(r.problem!.message, /read_tickets/);
    assert.match(r.problem!.message, /Developer Hub/);
    assert.match(r.problem!.message, /"Read tickets"/);
  });

  it('explains plan restrictions, unknown tickets and invalid versions', async () => {
    assert.equal((await call('tok_plan_restricted', '/tickets/631')).problem?.kind, 'plan-restricted');
    const nf = await call('tok_valid_us', '/tickets/999999');
    assert.equal(nf.problem?.kind, 'not-found');
    assert.equal(nf.problem?.code, 'ticket_not_found');
    const v = await call('tok_valid_us', '/tickets/631', '2.1');
    assert.equal(v.problem?.kind, 'version-invalid');
    assert.match(v.problem!.message, /"2\.1" is not "2\.10"/);
  });

  it('gives other 4xx answers with Intercom\'s code and message', async () => {
    const r = await sendRequest(prepareRequest({ method: 'GET', url: 'https://api.intercom.io/contacts?starting_after=None', headers: headers() }, {}, { token: token(), baseUrl: f.url }), opts());
    assert.equal(r.problem?.kind, 'client-error');
    assert.equal(r.problem?.code, 'client_error');
    assert.match(r.problem!.message, /Invalid starting_after/);
  });
});

describe('refusals before sending', () => {
  it('refuses a URL with a leading space (the community package) with the lint message', async () => {
    const r = prepareRequest({ method: 'GET', url: ' https://api.intercom.io/tickets', headers: headers() }, {}, { token: token(), baseUrl: f.url });
    assert.equal(r.ready, false);
    const problem = await problemOf(sendRequest(r, opts()));
    assert.match(problem.message, /starts with whitespace/);
    assert.match(problem.message, /remove the leading space/);
    assert.equal(f.requests.length, 0);
  });

  it('refuses when variables are missing and names them', async () => {
    const r = prepareRequest({ method: 'GET', url: 'https://api.intercom.io/tickets/${ticketID}', headers: headers() }, {}, { token: token(), baseUrl: f.url });
    assert.deepEqual(r.missing, ['ticketID']);
    const problem = await problemOf(sendRequest(r, opts()));
    assert.match(problem.message, /ticketID/);
  });
});
