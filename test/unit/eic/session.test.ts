// Signing in to the tenant and what goes wrong on the way: log-in (JSON body), expires_in, the
// refresh (form-encoded), 401 → refresh → retry → log in again, and every fault of §6 with a
// plain message (SAV role, 404, HTML pages, timeouts, 429/503 with backoff, both errorCode spellings).
import { after, before, beforeEach, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { EicProblemError, parseTenantAddress, readSaveOutcome } from '../../../server/src/core/eic';
import { api, credentials, fakeEic, followClock, type FakeEic } from './helpers';

let f: FakeEic;
before(async () => { f = await fakeEic(); });
after(() => f.close());
beforeEach(() => f.reset());

async function problemOf(p: Promise<unknown>): Promise<EicProblemError['problem']> {
  try { await p; } catch (e) { if (e instanceof EicProblemError) return e.problem; throw e; }
  assert.fail('expected an EicProblemError');
}

describe('log-in and tokens', () => {
  it('logs in with a JSON body once and reuses the token', async () => {
    const { api: a } = api(f);
    assert.deepEqual(await a.listConnections(), []);
    await a.listConnections();
    const logins = f.apiRequests.filter(r => r.path === '/ECM/api/login');
    assert.equal(logins.length, 1);
    assert.match(logins[0].contentType, /^application\/json/);
    assert.deepEqual(JSON.parse(logins[0].body), { username: 'admin', password: 'fake-eic-password' });
    const list = f.apiRequests.filter(r => r.path.endsWith('/getConnections'));
    assert.equal(list.length, 2);
    assert.match(list[0].headers.authorization, /^Bearer …|^Bearer /);
    assert.match(list[0].contentType, /^multipart\/form-data; boundary=/);
  });

  it('renews the token when expires_in is over, through the form-encoded refresh', async () => {
    f.configure({ tokenTtlSeconds: 600 });
    const { api: a } = api(f);
    await a.listConnections();
    f.advanceClock(601);
    await a.listConnections();
    const paths = f.apiRequests.map(r => r.path.replace('/ECM', ''));
    assert.deepEqual(paths, ['/api/login', '/api/v5/getConnections', '/oauth/access_token', '/api/v5/getConnections']);
    const refresh = f.apiRequests[2];
    assert.match(refresh.contentType, /^application\/x-www-form-urlencoded/);
    assert.match(refresh.body, /^grant_type=refresh_token&refresh_token=eic_rt_/);
    assert.deepEqual(a.session.history, ['login', 'refresh']);
  });

  it('scenario 1: a token that expires mid-sequence → 401 → refresh → retry succeeds', async () => {
    const { api: a, progress } = api(f);
    await a.listConnections();
    f.configure({ expireNow: true });
    await a.listConnections();
    const statuses = f.apiRequests.map(r => `${r.path.split('/').pop()} ${r.status}`);
    assert.deepEqual(statuses, ['login 200', 'getConnections 200', 'getConnections 401', 'access_token 200', 'getConnections 200']);
    assert.ok(progress.some(p => p.type === 'refresh'));
  });

  it('scenario 1b: when the refresh token has expired too, it logs in again', async () => {
    const { api: a } = api(f);
    await a.listConnections();
    f.configure({ expireNow: true, expireRefreshNow: true });
    await a.listConnections();
    const statuses = f.apiRequests.map(r => `${r.path.split('/').pop()} ${r.status}`);
    assert.deepEqual(statuses, ['login 200', 'getConnections 200', 'getConnections 401', 'access_token 401', 'login 200', 'getConnections 200']);
    assert.deepEqual(a.session.history, ['login', 'relogin']);
  });

  it('keeps its refresh token when a refresh answers refresh_token "" (and follows a rotated one)', async () => {
    for (const mode of ['empty', 'rotate'] as const) {
      f.reset();
      f.configure({ refreshTokenAnswer: mode });
      const { api: a } = api(f);
      await a.listConnections();
      for (let i = 0; i < 2; i++) { f.configure({ expireNow: true }); await a.listConnections(); }
      assert.deepEqual(a.session.history, ['login', 'refresh', 'refresh'], mode);
    }
  });

  it('a wrong password is a plain message, and is not retried', async () => {
    const { api: a } = api(f, { creds: credentials({ username: 'admin', password: 'wrong' }) });
    const p = await problemOf(a.listConnections());
    assert.equal(p.kind, 'login-failed');
    assert.match(p.message, /refused the user name or password \(401/);
    assert.equal(f.apiRequests.length, 1);
  });

  it('a user whose password has expired cannot log in', async () => {
    f.addUser({ username: 'svc', password: 'pw-svc-1', passwordExpired: true });
    const p = await problemOf(api(f, { creds: credentials({ username: 'svc', password: 'pw-svc-1' }) }).api.listConnections());
    assert.equal(p.kind, 'login-failed');
    assert.match(p.message, /password has expired/);
  });

  it('an access token that stops working says how to get a new one (no password to log in with)', async () => {
    const { api: a } = api(f);
    await a.listConnections();
    const token = f.store.accessTokens.keys().next().value as string;
    f.clearRequests();
    const { api: byToken } = api(f, { creds: credentials({ token }) });
    await byToken.listConnections();
    assert.equal(f.apiRequests[0].path, '/ECM/api/v5/getConnections', 'a given token needs no log-in');
    f.configure({ expireNow: true });
    const p = await problemOf(byToken.listConnections());
    assert.equal(p.kind, 'unauthorized');
    assert.match(p.message, /Set EIC Credentials again/);
  });
});

describe('faults get a plain message', () => {
  it('412 with the SAV-role restriction explains the tenant setting', async () => {
    f.configure({ restrictApiBySavRole: true });
    const p = await problemOf(api(f).api.listConnections());
    assert.equal(p.kind, 'sav-role');
    assert.equal(p.status, 412);
    assert.match(p.message, /"Access denied"/);
    assert.match(p.message, /Restrict API access based on SAV Role/);
  });

  it('429 waits (Retry-After) and tries again; gives up with a message after the limit', async () => {
    f.configure({ rateLimitEveryN: 2, rateLimitRetryAfter: '3' });
    const clock = followClock(f);
    const { api: a, progress } = api(f, { clock });
    await a.listConnections(); // call 1
    await a.listConnections(); // call 2 → 429, waits 3 s, call 3 ok
    assert.ok(clock.sleeps.some(ms => ms >= 3000 && ms < 3500), `slept ${clock.sleeps}`);
    assert.ok(progress.some(e => e.type === 'retry' && /429/.test(e.reason)));
    f.configure({ rateLimitEveryN: 1 });
    const p = await problemOf(api(f, { maxRateLimitRetries: 2 }).api.listConnections());
    assert.equal(p.kind, 'rate-limited');
    assert.match(p.message, /Still 429 after waiting 2 times/);
  });

  it('503 backs off exponentially without Retry-After', async () => {
    const clock = followClock(f);
    const { api: a } = api(f, { clock });
    await a.listConnections();
    f.addFaults({ path: 'getConnections', status: 503, times: 2, body: { msg: 'Service Unavailable' } });
    await a.listConnections();
    assert.deepEqual(clock.sleeps, [1000, 2000]);
  });

  it('an HTML page (SSO login, proxy) is named by its title', async () => {
    f.addFaults({ path: 'login', status: 200, html: '<html><head><title>Sign in - Saviynt</title></head><body>…</body></html>' });
    const p = await problemOf(api(f).api.listConnections());
    assert.equal(p.kind, 'html-page');
    assert.match(p.message, /"Sign in - Saviynt" \(HTTP 200/);
    assert.match(p.message, /saviyntRest\.eic\.url/);
  });

  it('a hanging call times out; a read is repeated, a save is not', async () => {
    const { api: a } = api(f, { timeoutMs: 150, maxNetworkRetries: 1 });
    await a.listConnections();
    f.addFaults({ path: 'getConnections', hang: true, times: 1 });
    assert.deepEqual(await a.listConnections(), [], 'the repeated read succeeds');
    f.addFaults({ path: 'testConnection', hang: true, times: 1 });
    const p = await problemOf(a.saveConnection({ connectionName: 'X', connectiontype: 'REST', saveconnection: 'Y' }));
    assert.equal(p.kind, 'timeout');
    assert.match(p.message, /within 0\.2 s while saving the connection/);
    assert.match(p.message, /not repeated: EIC may have done it anyway \(run Compare/);
    assert.equal(f.apiRequests.filter(r => r.path.endsWith('testConnection')).length, 1);
  });

  it('a wrong tenant URL (404 on log-in) says what the URL should look like', async () => {
    f.addFaults({ path: 'login', status: 404, body: { error: 'not found' } });
    const p = await problemOf(api(f).api.listConnections());
    assert.match(p.message, /tenant URL looks wrong/);
  });

  it('a connection that does not exist reads as undefined (412 from getConnectionDetails)', async () => {
    assert.equal(await api(f).api.connectionDetails('Nope'), undefined);
    assert.equal(f.apiRequests.at(-1)?.status, 412);
  });

  it('a 200 with errorcode 1 (number) or "1" (string) is a refusal with EIC\'s msg', async () => {
    const { api: a } = api(f);
    for (const body of [{ errorcode: 1, msg: 'something is wrong' }, { errorCode: '1', msg: 'something is wrong' }]) {
      f.addFaults({ path: 'getConnections', status: 200, body });
      const p = await problemOf(a.listConnections());
      assert.equal(p.kind, 'rejected');
      assert.match(p.message, /EIC said: "something is wrong"/);
    }
  });
});

describe('answers read tolerantly', () => {
  it('testConnection: errorCode "0" with msg "Connection Failed" is a failed test, standard or not', () => {
    assert.equal(readSaveOutcome({ connectionKey: 1909, errorCode: '0', msg: 'Connection Failed' }).testPassed, false);
    assert.equal(readSaveOutcome({ connectionKey: 1909, errorCode: 0, msg: 'Connection Successful' }).testPassed, true);
    const std = readSaveOutcome({ connectionKey: 7, errorCode: '0', msg: 'Connection Failed', connectionStatus: 'FAILURE',
      connectionResult: { errors: [{ errorMessage: 'bad token' }] } });
    assert.deepEqual([std.testPassed, std.errors, std.connectionKey], [false, ['bad token'], '7']);
  });

  it('the tenant URL: https only, http only on this machine, /ECM and query refused or removed', () => {
    assert.equal((parseTenantAddress('https://acme.saviyntcloud.com/ECM/') as { base: string }).base, 'https://acme.saviyntcloud.com');
    assert.match(parseTenantAddress('http://acme.saviyntcloud.com') as string, /only over https/);
    assert.equal((parseTenantAddress('http://127.0.0.1:4600') as { loopback: boolean }).loopback, true);
    assert.match(parseTenantAddress('https://u:p@acme.example') as string, /must not carry a user name/);
    assert.match(parseTenantAddress('') as string, /No EIC tenant is configured/);
    assert.match(parseTenantAddress('acme.saviyntcloud.com') as string, /not an absolute URL/);
  });
});
