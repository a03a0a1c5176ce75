// CANARY: a distinctive EIC user name, password, access token (and the tokens the tenant issues),
// and an Intercom token filled into ConnectionJSON, through every EIC function and the deploy,
// pull and diff commands — including answers that echo them back in JSON, in HTML and in
// ConnectionJSON read back readable. None may appear, in any encoding, in any output, message,
// returned object or file written.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { inspect } from 'node:util';
import { main } from '../../../server/src/cli';
import { SecretToken } from '../../../server/src/core/runner/secret';
import { compareConnection, deployConnection, pullConnection, runJobAndWait } from '../../../server/src/core/eic';
import { nodeFs } from '../../../server/src/core/transport/node/nodeFs';
import { api, credentials, fakeEic, followClock, noFindings, readFolder, tempFolder, type FakeEic } from './helpers';

const USER = 'CANARYuser7Hq2';
const PASSWORD = 'CANARY pw "quoted" Zt9#x/42';
const INTERCOM = 'tok_CANARY_intercom_Wq81LmZp';

let f: FakeEic;
let root: string;
const seen: string[] = [];

function record(value: unknown): void {
  if (typeof value === 'string') { seen.push(value); return; }
  try { seen.push(JSON.stringify(value) ?? ''); } catch { /* inspect covers it */ }
  seen.push(inspect(value, { depth: 12, showHidden: true }));
  if (value instanceof Error) seen.push(value.message, String(value), value.stack ?? '');
}

async function capture<T>(p: Promise<T>): Promise<T | undefined> {
  try { const v = await p; record(v); return v; } catch (e) { record(e); return undefined; }
}

function forms(secret: string): string[] {
  const b64 = Buffer.from(secret).toString('base64');
  return [secret, encodeURIComponent(secret), encodeURIComponent(secret).replace(/%20/g, '+'), JSON.stringify(secret).slice(1, -1),
    b64.slice(0, 16), Buffer.from(secret).toString('base64url').slice(0, 16), secret.slice(3, 14)];
}

async function cli(...args: string[]): Promise<number> {
  return main(args, { out: t => seen.push(t), err: t => seen.push(t), cwd: root });
}

function filesUnder(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap(e => e.isDirectory() ? filesUnder(path.join(dir, e.name)) : [path.join(dir, e.name)]);
}

before(async () => {
  f = await fakeEic({ clock: 'real', users: [{ username: USER, password: PASSWORD }], jobDurationSeconds: 0 });
  root = path.dirname(tempFolder());
  Object.assign(process.env, { C_USER: USER, C_PASSWORD: PASSWORD, INTERCOM_ACCESS_TOKEN: INTERCOM });
});
after(async () => {
  await f.close();
  for (const k of ['C_USER', 'C_PASSWORD', 'INTERCOM_ACCESS_TOKEN', 'C_TOKEN']) delete process.env[k];
});

describe('EIC credential canary', () => {
  it('never leaks from any EIC function or the deploy, pull and diff commands', async () => {
    const creds = credentials({ username: USER, password: PASSWORD });
    const dir = tempFolder('Intercom');
    const secrets = () => new SecretToken(INTERCOM);
    const { api: a } = api(f, { creds, clock: followClock(f) });
    record(a);
    // Deploy (creates, with ConnectionJSON), compare, pull in every read-back mode, a job.
    record(await capture(deployConnection(a, await readFolder(dir), { confirm: () => true, validate: noFindings, withConnectionJson: true, secrets })));
    for (const mode of ['omit', 'ciphertext', 'plaintext'] as const) {
      f.configure({ connectionJsonReadback: mode });
      record(compareConnection(await readFolder(dir), await a.connectionDetails('Intercom')));
      await capture(pullConnection(a, nodeFs, 'Intercom', path.join(root, `pulled-${mode}`)));
    }
    await capture(runJobAndWait(a, { jobName: 'ApplicationDataImportJob', triggerName: 'IntercomImport', jobGroup: 'DATA' }, { pollIntervalMs: 10 }));
    // Answers that echo the secrets (JSON, HTML), then token expiry and refresh.
    const issued = () => [...f.store.accessTokens.keys(), ...f.store.refreshTokens.keys()];
    f.addFaults({ path: 'getConnections', status: 412, body: { errorCode: '1', msg: `user ${USER} with ${PASSWORD} and ${issued().join(' ')} refused (${Buffer.from(PASSWORD).toString('base64')})` } });
    await capture(a.listConnections());
    const b = api(f, { creds, maxRateLimitRetries: 0 }).api;
    await capture(b.listConnections());
    f.addFaults({ path: 'getConnections', status: 502, html: `<html><title>proxy saw ${PASSWORD} ${[...f.store.accessTokens.keys()].at(-1)}</title></html>` });
    await capture(b.listConnections());
    f.configure({ expireNow: true });
    await capture(a.listConnections());
    await capture(api(f, { creds: credentials({ username: USER, password: 'wrong' }) }).api.listConnections());

    // The CLI, with the same credentials in the environment.
    const c = ['--eic-url', f.url, '--eic-user-env', 'C_USER', '--eic-password-env', 'C_PASSWORD'];
    f.configure({ connectionJsonReadback: 'plaintext' });
    await cli('diff', dir, ...c);
    await cli('diff', dir, ...c, '--format', 'json');
    await cli('deploy', dir, ...c, '--with-connection-json');
    await cli('deploy', dir, ...c, '--with-connection-json', '--yes', '--format', 'json');
    await cli('pull', 'Intercom', '-o', path.join(root, 'cli-pulled'), ...c);
    await cli('pull', 'Intercom', '-o', path.join(root, 'cli-pulled'), ...c, '--force');
    process.env.C_TOKEN = [...f.store.accessTokens.keys()].at(-1)!;
    await cli('diff', dir, '--eic-url', f.url, '--eic-token-env', 'C_TOKEN');
    f.addFaults({ path: 'getConnectionDetails', status: 412, times: 2, body: { errorcode: 1, msg: `echo ${PASSWORD} ${process.env.C_TOKEN}` } });
    await cli('diff', dir, '--eic-url', f.url, '--eic-token-env', 'C_TOKEN');
    await cli('deploy', dir, ...c, '--format', 'json');
    f.configure({ restrictApiBySavRole: true });
    await cli('pull', 'Intercom', '-o', path.join(root, 'x'), ...c);

    // The canaries did reach the tenant (so the test is not vacuous)…
    assert.equal(f.connection('Intercom')!.connectionJson!.includes(INTERCOM), true);
    assert.ok(f.requests.some(r => r.path.endsWith('/login') && r.body.includes(JSON.stringify(PASSWORD).slice(1, -1))));
    // …and nowhere else.
    const written = filesUnder(root).map(p => fs.readFileSync(p, 'utf8'));
    const haystack = [...seen, ...written].join('\n');
    const tokens = [...f.store.accessTokens.keys(), ...f.store.refreshTokens.keys()];
    assert.ok(tokens.length >= 3);
    for (const secret of [PASSWORD, INTERCOM, USER, ...tokens]) {
      for (const form of forms(secret)) {
        if (secret === USER && form.length < 10) continue;
        assert.ok(!haystack.includes(form), `a form of a secret leaked: ${JSON.stringify(form.slice(0, 6))}… ${process.env.CANARY_DEBUG ? debugLeak(haystack, form) : ""}`);
      }
    }
    assert.ok(seen.length > 40, `output was captured (${seen.length})`);
    assert.match(haystack, /Restrict API access based on SAV Role/);
  });
});
export function debugLeak(haystack: string, form: string): string { const i = haystack.indexOf(form); return haystack.slice(Math.max(0, i - 300), i + 100); }
