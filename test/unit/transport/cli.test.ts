/** The package, unpack and init CLI commands: flags, exit codes, messages, the validator hook. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import * as initCmd from '../../../server/src/cli/init';
import * as packageCmd from '../../../server/src/cli/package';
import * as unpackCmd from '../../../server/src/cli/unpack';
import type { PackageValidator } from '../../../server/src/core/transport/packageValidator';
import { tempDir } from './helpers';

function capture(cwd: string) {
  const out: string[] = [];
  const err: string[] = [];
  return { io: { out: (s: string) => { out.push(s); }, err: (s: string) => { err.push(s); }, cwd }, out, err };
}

test('--help prints the usage of each command', async () => {
  for (const [cmd, word] of [[initCmd, 'init'], [packageCmd, 'package'], [unpackCmd, 'unpack']] as const) {
    const c = capture('/');
    assert.equal(await cmd.run(['--help'], c.io), 0);
    assert.match(c.out.join('\n'), new RegExp(`^Usage: saviynt-rest ${word} `));
    const bad = capture('/');
    assert.equal(await cmd.run([], bad.io), 2, `${word} without arguments is a usage error`);
    assert.match(bad.err.join('\n'), /Usage:/);
  }
});

test('init → package → unpack through the CLI', async t => {
  const dir = tempDir(t);
  const c = capture(dir);
  assert.equal(await initCmd.run(['ic', '--region', 'au', '--api-version', '2.11', '--features', 'import,ticketing', '--name', 'Intercom AU'], c.io), 0, c.err.join('\n'));
  assert.match(c.out[0], /^Created connection "Intercom AU" in .*ic: ConnectionJSON\.json, ImportAccountEntJSON\.json, CreateTicketJSON\.json, TicketStatusJSON\.json, connection\.meta\.json\.$/);
  const status = JSON.parse(readFileSync(path.join(dir, 'ic', 'TicketStatusJSON.json'), 'utf8')).call[0];
  assert.equal(status.ticketStatusPath, 'ticket_state');
  assert.equal(status.httpHeaders['Intercom-Version'], '2.11');

  assert.equal(await packageCmd.run(['ic', '-o', 'out/', '--timestamp', '2024-02-03_04-05-06', '--exported-by', 'jane doe'], c.io), 0, c.err.join('\n'));
  const zip = path.join(dir, 'out', 'transport_jane_doe_2024-02-03_04-05-06(UTC).zip');
  assert.ok(existsSync(zip), c.out.join('\n'));
  assert.ok(c.out.some(l => l.startsWith(`Wrote ${zip}: connection "Intercom AU"`)));
  const first = readFileSync(zip);
  assert.equal(await packageCmd.run(['ic', '-o', 'again.zip', '--timestamp', '2024-02-03_04-05-06', '--exported-by', 'jane doe'], c.io), 0);
  assert.ok(readFileSync(path.join(dir, 'again.zip')).equals(first), 'same stamp, same bytes');

  assert.equal(await unpackCmd.run([zip, '-o', 'back'], c.io), 0, c.err.join('\n'));
  for (const f of ['ImportAccountEntJSON.json', 'CreateTicketJSON.json', 'TicketStatusJSON.json', 'ConnectionJSON.json']) {
    assert.equal(readFileSync(path.join(dir, 'back', f), 'utf8'), readFileSync(path.join(dir, 'ic', f), 'utf8'), f);
  }
  const again = capture(dir);
  assert.equal(await unpackCmd.run([zip, '-o', 'back'], again.io), 1, 'a non-empty folder needs --force');
  assert.match(again.err.join('\n'), /is not empty; choose an empty folder, or pass --force/);
  assert.equal(await unpackCmd.run([zip, '-o', 'back', '--force'], capture(dir).io), 0);
});

test('package: bad timestamps, refused packages and the injectable validator', async t => {
  const dir = tempDir(t);
  mkdirSync(path.join(dir, 'conn'));
  writeFileSync(path.join(dir, 'conn', 'CreateAccountJSON.json'), '{"call": []}');

  const bad = capture(dir);
  assert.equal(await packageCmd.run(['conn', '--timestamp', '2024-13-01_00-00-00'], bad.io), 2);
  assert.match(bad.err[0], /--timestamp "2024-13-01_00-00-00" is not a date; write it as yyyy-MM-dd_HH-mm-ss/);

  writeFileSync(path.join(dir, 'conn', 'UpdateAccountJSON.json'), '{"h": "Bearer dG9rOjEyMzQ1Njc4OTBhYmNkZWZnaGlq"}');
  const leak = capture(dir);
  assert.equal(await packageCmd.run(['conn', '-o', 'x.zip', '--allow-errors'], leak.io), 1);
  assert.match(leak.err.join('\n'), /UpdateAccountJSON\.json line 1, column \d+: this looks like a literal Intercom access token/);
  assert.ok(!existsSync(path.join(dir, 'x.zip')), 'a refused package is not written');
  writeFileSync(path.join(dir, 'conn', 'UpdateAccountJSON.json'), '{"h": "${access_token}"}');

  const validator: PackageValidator = async files => ({ errors: files.length, messages: files.map(f => `${f.fileName} line 1: checked by the engine`) });
  const refused = capture(dir);
  assert.equal(await packageCmd.run(['conn', '-o', 'y.zip'], refused.io, validator), 1);
  assert.match(refused.err.join('\n'), /CreateAccountJSON\.json line 1: checked by the engine/);
  const allowed = capture(dir);
  assert.equal(await packageCmd.run(['conn', '-o', 'y.zip', '--allow-errors'], allowed.io, validator), 0);
  assert.ok(allowed.err.some(l => l.startsWith('warning: CreateAccountJSON.json line 1: checked by the engine')));
  assert.equal(await packageCmd.run(['conn', '-o', 'z.zip'], capture(dir).io), 0, 'the default check is JSON syntax only');
  assert.ok(readdirSync(dir).includes('z.zip'));
});

test('init: bad region, version or features are usage errors', async t => {
  const dir = tempDir(t);
  const c = capture(dir);
  assert.equal(await initCmd.run(['a', '--region', 'ca'], c.io), 2);
  assert.equal(await initCmd.run(['a', '--features', 'import,nope'], c.io), 2);
  assert.equal(await initCmd.run(['a', '--api-version', '2.1'], c.io), 1);
  assert.match(c.err.join('\n'), /region "ca".*\n.*Unknown feature "nope".*\n.*did you mean 2\.10/s);
  assert.ok(!existsSync(path.join(dir, 'a')), 'nothing is created on a refused init');
});

test('init --model: a feature the model lacks is a usage error with the reason; contacts with import and incremental writes two folders', async t => {
  const dir = tempDir(t);
  const c = capture(dir);
  assert.equal(await initCmd.run(['t', '--features', 'import,lifecycle'], c.io), 2);
  assert.match(c.err.join('\n'), /teammates model has no "lifecycle".*ticketing/);
  assert.equal(await initCmd.run(['t', '--model', 'admins'], c.io), 2);
  assert.match(c.err.join('\n'), /Unknown model "admins"/);
  assert.ok(!existsSync(path.join(dir, 't')));
  assert.equal(await initCmd.run(['shop', '--model', 'contacts', '--features', 'import,incremental'], c.io), 0, c.err.join('\n'));
  assert.match(c.out[0], /^Created connection "shop" in .*shop: ConnectionJSON\.json, ImportAccountEntJSON\.json, connection\.meta\.json\.$/);
  assert.match(c.out[1], /^Created connection "shop incremental" in .*shop-incremental: ConnectionJSON\.json, ImportAccountEntJSON\.json, connection\.meta\.json\.$/);
  assert.ok(c.out.some(l => /^note: .*one run reads one page: the 150 contacts changed most recently/.test(l)));
});
