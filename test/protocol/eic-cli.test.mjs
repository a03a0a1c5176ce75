// The bundled CLI (dist/cli.js) against the fake EIC in its own process (npm run fake-eic):
// deploy, diff and pull as a pipeline runs them — the round trip, drift detection, exit codes,
// the knobs changed over HTTP (POST /__fake/config), and no credential in any output.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const CLI = path.join(ROOT, 'dist', 'cli.js');
const FIXTURE = path.join(ROOT, 'test', 'fixtures', 'eic', 'Intercom');
const PASSWORD = 'CANARY protocol pw 9d7Fq';
const INTERCOM = 'tok_CANARY_protocol_intercom_4471';

let fake;
let url;
let tmp;

async function control(pathname, body) {
  const r = await fetch(`${url}${pathname}`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body ?? {}) });
  assert.equal(r.status, 200, `${pathname}: ${await r.text()}`);
}

function cli(args, env = {}) {
  const r = spawnSync(process.execPath, [CLI, ...args], {
    cwd: tmp, encoding: 'utf8', timeout: 60_000,
    env: { ...process.env, P_USER: 'pipeline', P_PASSWORD: PASSWORD, INTERCOM_ACCESS_TOKEN: INTERCOM, ...env },
  });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

const creds = () => ['--eic-url', url, '--eic-user-env', 'P_USER', '--eic-password-env', 'P_PASSWORD'];

before(async () => {
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'eic-cli-protocol-'));
  fs.cpSync(FIXTURE, path.join(tmp, 'Intercom'), { recursive: true });
  fake = spawn(process.execPath, ['--import', 'tsx', path.join(ROOT, 'test/fake-eic/main.ts'), '--port', '0'], { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
  url = await new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('the fake EIC did not start')), 30_000);
    let text = '';
    fake.stdout.on('data', d => {
      text += d;
      const m = /Fake EIC listening on (http:\/\/\S+)/.exec(text);
      if (m) { clearTimeout(timer); resolve(m[1]); }
    });
    fake.on('exit', code => { clearTimeout(timer); reject(new Error(`the fake EIC exited (${code})`)); });
  });
  await control('/__fake/users', { username: 'pipeline', password: PASSWORD });
});

after(() => {
  fake?.kill();
  if (tmp) fs.rmSync(tmp, { recursive: true, force: true });
});

describe('dist/cli.js with the fake EIC', () => {
  const outputs = [];
  const run = (args, env) => { const r = cli(args, env); outputs.push(r.out, r.err); return r; };

  it('deploy (preview, then --yes), diff equal, drift named, pull round trip', () => {
    const dir = path.join(tmp, 'Intercom');
    const preview = run(['deploy', dir, ...creds(), '--with-connection-json']);
    assert.equal(preview.code, 0, preview.err);
    assert.match(preview.out, /A deploy would create "Intercom"/);
    const deployed = run(['deploy', dir, ...creds(), '--with-connection-json', '--yes', '--format', 'json']);
    assert.equal(deployed.code, 0, deployed.err);
    const report = JSON.parse(deployed.out);
    assert.equal(report.stage, 'saved');
    assert.equal(report.save.testPassed, true);
    assert.equal(report.verification.differs, false);
    assert.equal(run(['diff', dir, ...creds()]).code, 0);

    fs.writeFileSync(path.join(dir, 'STATUS_THRESHOLD_CONFIG.json'), fs.readFileSync(path.join(dir, 'STATUS_THRESHOLD_CONFIG.json'), 'utf8').replace('"accountThresholdValue":30', '"accountThresholdValue":25'));
    const drift = run(['diff', dir, ...creds(), '--format', 'json']);
    assert.equal(drift.code, 1);
    assert.deepEqual(JSON.parse(drift.out).summary.changed, ['STATUS_THRESHOLD_CONFIG']);

    const pulled = path.join(tmp, 'pulled');
    const pull = run(['pull', 'Intercom', '-o', pulled, ...creds()]);
    assert.equal(pull.code, 0, pull.err);
    for (const name of fs.readdirSync(FIXTURE)) {
      if (name === 'ConnectionJSON.json') continue;
      assert.equal(fs.readFileSync(path.join(pulled, name), 'utf8'), fs.readFileSync(path.join(FIXTURE, name), 'utf8'), name);
    }
  });

  it('exit 1 for a failed connection test, 2 for a refused log-in and for usage problems', async () => {
    const dir = path.join(tmp, 'Intercom');
    await control('/__fake/config', { targetTestFails: true });
    const failed = run(['deploy', dir, ...creds(), '--yes']);
    assert.equal(failed.code, 1, failed.out + failed.err);
    assert.match(failed.err, /its connection test failed/);
    await control('/__fake/config', { targetTestFails: false });
    const login = run(['diff', dir, ...creds()], { P_PASSWORD: 'wrong' });
    assert.equal(login.code, 2);
    assert.match(login.err, /refused the user name or password/);
    assert.equal(run(['deploy', dir, ...creds(), '--allow-errors']).code, 2);
    assert.equal(run(['pull', 'Intercom', '--output', 'x', ...creds()]).code, 2);
  });

  it('a 25.B attribute on a 24.10 tenant is refused by EIC and named (exit 2)', async () => {
    const dir = path.join(tmp, 'Intercom');
    await control('/__fake/config', { eicVersion: '24.10' });
    fs.writeFileSync(path.join(dir, 'UpdateEntitlementJSON.json'), '{"call": []}');
    const gated = run(['deploy', dir, ...creds(), '--yes']);
    assert.equal(gated.code, 2);
    assert.match(gated.err, /UpdateEntitlementJSON exists only from EIC 25\.B/);
    fs.rmSync(path.join(dir, 'UpdateEntitlementJSON.json'));
  });

  it('no credential in any output', () => {
    const all = outputs.join('\n');
    assert.ok(outputs.length >= 10);
    for (const secret of [PASSWORD, INTERCOM, encodeURIComponent(PASSWORD), Buffer.from(PASSWORD).toString('base64').slice(0, 12)]) {
      assert.ok(!all.includes(secret), `leaked: ${secret.slice(0, 6)}…`);
    }
  });
});
