// Deploying a folder to the fake tenant: create (ConnectionJSON required, its placeholders filled,
// never sent as placeholders), update (ConnectionJSON kept), scenario 2 (deploy, deploy unchanged,
// change one attribute), scenario 4 (the target test fails), scenario 6 (version gating), and the
// ConnectionJSON of the tenant surviving every deploy that did not ask to replace it.
import { after, before, beforeEach, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { SecretToken } from '../../../server/src/core/runner/secret';
import { deployConnection, EicProblemError, type DeployOptions, type SecretSource } from '../../../server/src/core/eic';
import { api, fakeEic, INTERCOM_TOKEN, noFindings, readFolder, tempFolder, type FakeEic } from './helpers';

let f: FakeEic;
before(async () => { f = await fakeEic(); });
after(() => f.close());
beforeEach(() => f.reset());

const intercomToken: SecretSource = slot => (slot.kind === 'access-token' ? new SecretToken(INTERCOM_TOKEN) : undefined);
const yes: DeployOptions = { confirm: () => true, validate: noFindings, secrets: intercomToken };

async function deploy(dir: string, options: DeployOptions = {}) {
  return deployConnection(api(f).api, await readFolder(dir), { ...yes, ...options });
}

function multipartFields(body: string): Record<string, string> {
  const boundary = /^--([^\r\n]+)/.exec(body)![1];
  const out: Record<string, string> = {};
  for (const part of body.split(`--${boundary}`).slice(1, -1)) {
    const [head, ...rest] = part.split('\r\n\r\n');
    out[/name="([^"]+)"/.exec(head)![1]] = rest.join('\r\n\r\n').replace(/\r\n$/, '');
  }
  return out;
}

describe('deploy', () => {
  it('refuses to create a connection without ConnectionJSON, and sends nothing', async () => {
    const r = await deploy(tempFolder(), { withConnectionJson: false });
    assert.equal(r.stage, 'refused');
    assert.match(r.refusals.join(' '), /does not exist on the tenant yet.*--with-connection-json/);
    assert.equal(f.apiRequests.filter(x => x.path.endsWith('testConnection')).length, 0);
  });

  it('creates it with every attribute spelled as the API does, multipart, response: standard, placeholders filled', async () => {
    const dir = tempFolder();
    const r = await deploy(dir, { withConnectionJson: true });
    assert.equal(r.stage, 'saved', r.refusals.join(' '));
    assert.equal(r.save?.testPassed, true);
    assert.deepEqual(r.filledSecrets, ['authentications.acctAuth.accessToken']);
    const save = f.apiRequests.find(x => x.path.endsWith('testConnection'))!;
    assert.match(save.contentType, /^multipart\/form-data/);
    assert.equal(save.headers.response, 'standard');
    const fields = multipartFields(save.body);
    assert.equal(fields.connectionName, 'Intercom');
    assert.equal(fields.connectiontype, 'REST');
    assert.equal(fields.saveconnection, 'Y');
    assert.equal(fields.ImportAccountEntJSON, fs.readFileSync(path.join(dir, 'ImportAccountEntJSON.json'), 'utf8'));
    assert.equal(fields.ConfigJSON, fs.readFileSync(path.join(dir, 'ConfigJSON.json'), 'utf8'), 'CRLF and tabs kept');
    assert.equal(fields.CreateAccountJSON, '', 'an attribute the folder lacks is sent empty (the full set)');
    assert.ok(!('ApplicationDiscoveryJSON' in fields), 'a later-release attribute is not sent when there is nothing to send');
    assert.equal(JSON.parse(fields.ConnectionJSON).authentications.acctAuth.accessToken, `Bearer ${INTERCOM_TOKEN}`);
    assert.equal(f.connection('Intercom')!.connectionJson, fields.ConnectionJSON);
    assert.equal(r.verification?.differs, false, 'the read-back equals the folder');
  });

  it('never sends a placeholder: a ConnectionJSON credential without a value stops the deploy', async () => {
    const r = await deploy(tempFolder(), { withConnectionJson: true, secrets: () => undefined, secretsFrom: 'environment' });
    assert.equal(r.stage, 'refused');
    assert.match(r.refusals[0], /keeps placeholders.*authentications\.acctAuth\.accessToken.*EIC_CONNECTIONJSON_ACCESSTOKEN or INTERCOM_ACCESS_TOKEN/);
    assert.equal(f.apiRequests.filter(x => x.path.endsWith('testConnection')).length, 0);
  });

  it('scenario 2: deploy new, deploy unchanged (nothing to do), change one attribute (exactly that one)', async () => {
    const dir = tempFolder();
    assert.equal((await deploy(dir, { withConnectionJson: true })).stage, 'saved');
    const again = await deploy(dir);
    assert.equal(again.stage, 'up-to-date');
    assert.equal(again.comparison?.differs, false);
    assert.equal(f.connection('Intercom')!.saves, 1, 'an unchanged folder is not re-saved (that would re-run the target test)');
    const file = path.join(dir, 'TicketStatusJSON.json');
    fs.writeFileSync(file, fs.readFileSync(file, 'utf8').replace('"resolved"', '"closed"'));
    const edited = await deploy(dir, { confirm: () => false });
    assert.equal(edited.stage, 'declined');
    assert.deepEqual(edited.plan?.changes, ['TicketStatusJSON']);
    assert.deepEqual(edited.comparison?.summary.changed, ['TicketStatusJSON']);
    const saved = await deploy(dir);
    assert.equal(saved.stage, 'saved');
    assert.equal(saved.verification?.differs, false);
  });

  it('formatting-only edits are equal: nothing to deploy', async () => {
    const dir = tempFolder();
    await deploy(dir, { withConnectionJson: true });
    const file = path.join(dir, 'ImportAccountEntJSON.json');
    fs.writeFileSync(file, JSON.stringify(JSON.parse(fs.readFileSync(file, 'utf8'))));
    const r = await deploy(dir);
    assert.equal(r.stage, 'up-to-date');
    assert.equal(r.comparison?.entries.find(e => e.attribute === 'ImportAccountEntJSON')?.formattingOnly, true);
  });

  it('the tenant\'s ConnectionJSON survives every deploy that does not ask to replace it', async () => {
    const dir = tempFolder();
    await deploy(dir, { withConnectionJson: true });
    const original = f.connection('Intercom')!.connectionJson;
    for (const edit of ['"closed"', '"done"']) {
      const file = path.join(dir, 'TicketStatusJSON.json');
      fs.writeFileSync(file, fs.readFileSync(file, 'utf8').replace(/"(resolved|closed)"/, edit));
      const r = await deploy(dir);
      assert.equal(r.stage, 'saved');
      const save = f.apiRequests.filter(x => x.path.endsWith('testConnection')).at(-1)!;
      assert.ok(!('ConnectionJSON' in multipartFields(save.body)), 'ConnectionJSON is not sent');
      assert.equal(f.connection('Intercom')!.connectionJson, original);
    }
  });

  it('a tenant that replaces omitted fields is caught: the read-back warns that ConnectionJSON is gone', async () => {
    const dir = tempFolder();
    await deploy(dir, { withConnectionJson: true });
    f.configure({ updateMode: 'replace' });
    fs.writeFileSync(path.join(dir, 'TicketStatusJSON.json'), '{"call":[]}');
    const r = await deploy(dir);
    assert.equal(r.stage, 'saved');
    assert.match(r.warnings.join(' '), /no longer has a ConnectionJSON.*replaces the fields/);
    assert.equal(r.save?.testPassed, false);
  });

  it('attributes only on the tenant are cleared, so that the tenant ends up as the folder', async () => {
    const dir = tempFolder();
    await deploy(dir, { withConnectionJson: true });
    fs.rmSync(path.join(dir, 'STATUS_THRESHOLD_CONFIG.json'));
    const r = await deploy(dir);
    assert.deepEqual(r.plan?.clears, ['STATUS_THRESHOLD_CONFIG']);
    assert.equal(f.connection('Intercom')!.fields.get('STATUS_THRESHOLD_CONFIG'), '');
    assert.equal(r.verification?.differs, false);
  });

  it('scenario 4: saved but the target test failed (errorCode "0", connectionStatus FAILURE)', async () => {
    f.configure({ targetTestFails: true });
    const r = await deploy(tempFolder(), { withConnectionJson: true });
    assert.equal(r.stage, 'saved');
    assert.equal(r.save?.testPassed, false);
    assert.equal(r.save?.connectionStatus, 'FAILURE');
    assert.deepEqual(r.save?.errors, ['Unable to connect: the target answered 401 Unauthorized']);
    f.reset();
    f.configure({ targetTestFails: true, stdResponse: false });
    const plain = await deploy(tempFolder(), { withConnectionJson: true });
    assert.equal(plain.save?.testPassed, false, 'without response: standard, msg "Connection Failed" still means failed');
    assert.equal(plain.save?.msg, 'Connection Failed');
  });

  it('scenario 6: a 25.B attribute on a 24.10 tenant: refused locally when the version is known, explained when EIC refuses', async () => {
    f.configure({ eicVersion: '24.10' });
    const dir = tempFolder();
    fs.writeFileSync(path.join(dir, 'ApplicationDiscoveryJSON.json'), '{"discovery": true}');
    const local = await deploy(dir, { withConnectionJson: true, version: '24.10' });
    assert.equal(local.stage, 'refused');
    assert.match(local.refusals.join(' '), /ApplicationDiscoveryJSON exists only from EIC 25\.B, and this tenant runs EIC 24\.10/);
    await assert.rejects(deploy(dir, { withConnectionJson: true }), (e: unknown) => {
      assert.ok(e instanceof EicProblemError);
      assert.equal(e.problem.kind, 'unknown-attribute');
      assert.equal(e.problem.attribute, 'ApplicationDiscoveryJSON');
      assert.match(e.problem.message, /Invalid attribute ApplicationDiscoveryJSON.*exists only from EIC 25\.B/);
      return true;
    });
  });

  it('the packaging rule: check errors stop it (unless allowed); literal credentials always do', async () => {
    const dir = tempFolder();
    const r = await deploy(dir, { withConnectionJson: true, validate: async () => ({ errors: 1, messages: ['X.json:1:1: [json-syntax] broken'] }) });
    assert.equal(r.stage, 'check-errors');
    assert.equal(f.apiRequests.length, 0, 'nothing sent, not even a log-in');
    const anyway = await deploy(dir, { withConnectionJson: true, allowErrors: true, validate: async () => ({ errors: 1, messages: ['x'] }) });
    assert.equal(anyway.stage, 'saved');
    fs.writeFileSync(path.join(dir, 'CreateTicketJSON.json'), '{"call":[{"httpHeaders":{"Authorization":"Bearer dG9rOmFiY2RlZmdoaWprbG1ub3BxcnN0dXZ3eHl6MTIzNDU2"}}]}');
    const literal = await deploy(dir, { allowErrors: true });
    assert.equal(literal.stage, 'refused');
    assert.match(literal.refusals.join(' '), /CreateTicketJSON\.json line 1.*literal/);
  });

  it('"$schema" (editor only) is left out, like in a package, and does not count as a change', async () => {
    const dir = tempFolder();
    const file = path.join(dir, 'TicketStatusJSON.json');
    const text = fs.readFileSync(file, 'utf8');
    fs.writeFileSync(file, text.replace('{', '{\n  "$schema": "../../schemas/TicketStatusJSON.schema.json",'));
    await deploy(dir, { withConnectionJson: true });
    assert.ok(!f.connection('Intercom')!.fields.get('TicketStatusJSON')!.includes('$schema'));
    assert.equal((await deploy(dir)).stage, 'up-to-date');
  });
});
