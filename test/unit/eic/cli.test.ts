// The CLI commands deploy, pull and diff against the fake EIC (in process): exactly the flags the
// issue names (anything else is a usage error), the exit codes, and the scenarios of §6 as a
// pipeline sees them.
import { after, before, beforeEach, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as net from 'node:net';
import * as path from 'node:path';
import { main } from '../../../server/src/cli';
import { attributeTexts, DEFAULT_USER, fakeEic, INTERCOM_TOKEN, tempFolder, type FakeEic } from './helpers';

let f: FakeEic;
before(async () => {
  f = await fakeEic({ clock: 'real' });
  Object.assign(process.env, { T_EIC_USER: DEFAULT_USER.username, T_EIC_PASSWORD: DEFAULT_USER.password, INTERCOM_ACCESS_TOKEN: INTERCOM_TOKEN });
});
after(async () => {
  await f.close();
  for (const k of ['T_EIC_USER', 'T_EIC_PASSWORD', 'INTERCOM_ACCESS_TOKEN', 'T_EIC_TOKEN', 'T_EMPTY']) delete process.env[k];
});
beforeEach(() => f.reset());

async function cli(...args: string[]): Promise<{ code: number; out: string; err: string }> {
  const out: string[] = [], err: string[] = [];
  const code = await main(args, { out: t => out.push(t), err: t => err.push(t), cwd: process.cwd() });
  return { code, out: out.join('\n'), err: err.join('\n') };
}

const creds = () => ['--eic-url', f.url, '--eic-user-env', 'T_EIC_USER', '--eic-password-env', 'T_EIC_PASSWORD'];
const saves = () => f.apiRequests.filter(r => r.path.endsWith('testConnection')).length;

describe('saviynt-rest deploy / pull / diff', () => {
  it('are listed in the usage, and take exactly the flags the issue names', async () => {
    const usage = await cli('--help');
    for (const c of ['deploy <connection-folder>', 'pull <connection-name> -o <folder>', 'diff <connection-folder>']) assert.ok(usage.out.includes(c), c);
    const dir = tempFolder();
    for (const [cmd, bad] of [['deploy', '--allow-errors'], ['deploy', '--force'], ['diff', '--yes'], ['pull', '--output'], ['pull', '--yes'], ['diff', '--with-connection-json']]) {
      const target = cmd === 'pull' ? 'Intercom' : dir;
      const r = await cli(cmd, target, ...creds(), bad, ...(bad === '--output' ? ['x'] : []));
      assert.equal(r.code, 2, `${cmd} ${bad}`);
      assert.match(r.err, /unknown option/);
    }
    assert.equal((await cli('deploy', '--help')).code, 0);
    assert.equal(f.apiRequests.length, 0);
  });

  it('usage problems exit 2: no URL, http to another host, missing or mixed credentials, an unset variable', async () => {
    const dir = tempFolder();
    assert.match((await cli('diff', dir)).err, /--eic-url is required/);
    assert.match((await cli('diff', dir, '--eic-url', 'http://acme.example.com', '--eic-token-env', 'T_EIC_USER')).err, /only over https/);
    assert.match((await cli('diff', dir, '--eic-url', f.url, '--eic-user-env', 'T_EIC_USER')).err, /credentials are needed/);
    assert.match((await cli('diff', dir, ...creds(), '--eic-token-env', 'X')).err, /not both/);
    const unset = await cli('diff', dir, '--eic-url', f.url, '--eic-token-env', 'T_EMPTY');
    assert.equal(unset.code, 2);
    assert.match(unset.err, /T_EMPTY .* is not set/);
    assert.equal((await cli('diff', dir, ...creds(), '--format', 'yaml')).code, 2);
  });

  it('deploy without --yes prints what would change and writes nothing (exit 0)', async () => {
    const dir = tempFolder();
    const r = await cli('deploy', dir, ...creds(), '--with-connection-json');
    assert.equal(r.code, 0, r.err);
    assert.match(r.out, /A deploy would create "Intercom"/);
    assert.match(r.out, /ImportAccountEntJSON: new/);
    assert.match(r.out, /ConnectionJSON authentications\.acctAuth\.accessToken: filled from EIC_CONNECTIONJSON_ACCESSTOKEN or INTERCOM_ACCESS_TOKEN/);
    assert.match(r.out, /Nothing was sent: run again with --yes/);
    assert.equal(saves(), 0);
    assert.equal(f.store.connections.size, 0);
  });

  it('scenario 2 in a pipeline: deploy --yes, diff says equal, an edit is named exactly, deploy again', async () => {
    const dir = tempFolder();
    const created = await cli('deploy', dir, ...creds(), '--yes', '--with-connection-json');
    assert.equal(created.code, 0, created.err);
    assert.match(created.out, /Deployed "Intercom" \(connection key 100\)/);
    assert.match(created.out, /EIC's connection test: passed \(SUCCESS\)/);
    const equal = await cli('diff', dir, ...creds());
    assert.equal(equal.code, 0, equal.out + equal.err);
    assert.match(equal.out, /"Intercom" on 127\.0\.0\.1:\d+: equal/);
    assert.match(equal.out, /not comparable\s+ConnectionJSON/);
    const again = await cli('deploy', dir, ...creds(), '--yes');
    assert.equal(again.code, 0);
    assert.match(again.out, /Up to date/);
    assert.equal(saves(), 1);

    const file = path.join(dir, 'CreateTicketJSON.json');
    fs.writeFileSync(file, fs.readFileSync(file, 'utf8').replace('"POST"', '"PUT"'));
    const drift = await cli('diff', dir, ...creds(), '--format', 'json');
    assert.equal(drift.code, 1);
    const report = JSON.parse(drift.out);
    assert.deepEqual(report.summary.changed, ['CreateTicketJSON']);
    assert.deepEqual(report.attributes.filter((a: { status: string }) => a.status !== 'equal' && a.status !== 'not-comparable').map((a: { attribute: string }) => a.attribute), ['CreateTicketJSON']);
    const text = await cli('diff', dir, ...creds());
    assert.match(text.out, /changed\s+CreateTicketJSON/);
    assert.match(text.out, /^-.*"POST"/m);
    assert.match(text.out, /^\+.*"PUT"/m);
    const deployed = await cli('deploy', dir, ...creds(), '--yes', '--format', 'json');
    assert.equal(deployed.code, 0);
    assert.deepEqual(JSON.parse(deployed.out).plan.changes, ['CreateTicketJSON']);
    assert.equal(JSON.parse(deployed.out).plan.connectionJson, 'keep');
    assert.equal((await cli('diff', dir, ...creds())).code, 0);
  });

  it('exit 1 when EIC saved the connection but its connection test failed', async () => {
    f.configure({ targetTestFails: true });
    const r = await cli('deploy', tempFolder(), ...creds(), '--yes', '--with-connection-json');
    assert.equal(r.code, 1);
    assert.match(r.err, /EIC saved the connection, but its connection test failed: Connection Failed — Unable to connect/);
    assert.equal(f.store.connections.size, 1);
  });

  it('exit 2 for a new connection without --with-connection-json, and for errors in the folder', async () => {
    const r = await cli('deploy', tempFolder(), ...creds(), '--yes');
    assert.equal(r.code, 2);
    assert.match(r.err, /does not exist on the tenant yet/);
    const broken = tempFolder();
    fs.writeFileSync(path.join(broken, 'TicketStatusJSON.json'), '{"call": [');
    const e = await cli('deploy', broken, ...creds(), '--yes', '--with-connection-json');
    assert.equal(e.code, 2);
    assert.match(e.err, /TicketStatusJSON\.json:1:\d+: \[/);
    assert.equal(saves(), 0);
  });

  it('exit 2 with a plain message for auth, SAV-role and network problems', async () => {
    const dir = tempFolder();
    process.env.T_EIC_TOKEN = 'not-a-valid-token-123456';
    const token = await cli('diff', dir, '--eic-url', f.url, '--eic-token-env', 'T_EIC_TOKEN');
    assert.equal(token.code, 2);
    assert.match(token.err, /refused the stored access token|refused the access token/);
    f.configure({ restrictApiBySavRole: true });
    const sav = await cli('diff', dir, ...creds());
    assert.equal(sav.code, 2);
    assert.match(sav.err, /Restrict API access based on SAV Role/);
    const closed = await new Promise<number>(resolve => { const s = net.createServer().listen(0, '127.0.0.1', () => { const p = (s.address() as net.AddressInfo).port; s.close(() => resolve(p)); }); });
    const down = await cli('diff', dir, '--eic-url', `http://127.0.0.1:${closed}`, '--eic-user-env', 'T_EIC_USER', '--eic-password-env', 'T_EIC_PASSWORD');
    assert.equal(down.code, 2);
    assert.match(down.err, /refused the connection/);
  });

  it('429 is waited out (Retry-After) and reported on stderr', async () => {
    f.addFaults({ path: 'getConnectionDetails', status: 429, retryAfter: '1', body: { errorCode: '1', msg: 'Too many requests' } });
    const r = await cli('diff', tempFolder(), ...creds());
    assert.equal(r.code, 1, r.err);
    assert.match(r.err, /EIC answered 429 \(too many requests\); waiting 1 s/);
  });

  it('pull -o writes the folder; exit 1 (nothing written) over local changes unless --force; exit 2 for an unknown name', async () => {
    const dir = tempFolder();
    assert.equal((await cli('deploy', dir, ...creds(), '--yes', '--with-connection-json')).code, 0);
    const target = path.join(path.dirname(dir), 'pulled');
    const r = await cli('pull', 'Intercom', '-o', target, ...creds());
    assert.equal(r.code, 0, r.err);
    assert.match(r.out, /encrypted on the tenant, kept in connection\.meta\.json: ConnectionJSON/);
    const expected = attributeTexts(dir);
    delete expected['ConnectionJSON.json'];
    assert.deepEqual(attributeTexts(target), expected);
    fs.writeFileSync(path.join(target, 'ConfigJSON.json'), '{"showLogs": false}');
    const conflict = await cli('pull', 'Intercom', '-o', target, ...creds());
    assert.equal(conflict.code, 1);
    assert.match(conflict.err, /ConfigJSON\.json/);
    assert.equal(fs.readFileSync(path.join(target, 'ConfigJSON.json'), 'utf8'), '{"showLogs": false}');
    assert.equal((await cli('pull', 'Intercom', '-o', target, ...creds(), '--force')).code, 0);
    assert.equal(fs.readFileSync(path.join(target, 'ConfigJSON.json'), 'utf8'), expected['ConfigJSON.json']);
    const missing = await cli('pull', 'Intercon', '-o', target, ...creds());
    assert.equal(missing.code, 2);
    assert.match(missing.err, /no connection named "Intercon"\. Did you mean "Intercom"\?/);
  });

  it('diff of a connection the tenant does not have: exit 1, every attribute only local', async () => {
    const r = await cli('diff', tempFolder(), ...creds());
    assert.equal(r.code, 1);
    assert.match(r.out, /not on the tenant/);
    assert.match(r.out, /only local\s+ImportAccountEntJSON/);
  });
});
