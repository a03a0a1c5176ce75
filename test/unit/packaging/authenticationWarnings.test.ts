/**
 * Packaging warns when calls name an authentication the package has no ConnectionJSON for
 * (issue 14, item 10): after the import, such calls would have nothing to authenticate with.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { missingAuthenticationWarnings, packageConnectionFolder } from '../../../server/src/core/transport/node/package';
import { nodeFs } from '../../../server/src/core/transport/node/nodeFs';
import { tempDir } from '../transport/helpers';

const call = (auth: string) => `{"call": [{"name": "call1", "connection": "${auth}", "url": "https://api.intercom.io/contacts", "httpMethod": "POST"}]}`;

test('calls naming authentications without a ConnectionJSON: one warning per authentication, naming the files', () => {
  const files = (list: [string, string][]) => ({ attributes: list.map(([name, text]) => ({ name, fileName: `${name}.json`, path: `/x/${name}.json`, text })) });
  const warnings = missingAuthenticationWarnings(files([['CreateAccountJSON', call('acctAuth')], ['UpdateAccountJSON', call('acctAuth')], ['AddAccessJSON', call('other')]]) as never);
  assert.equal(warnings.length, 2);
  assert.match(warnings[0], /^CreateAccountJSON\.json, UpdateAccountJSON\.json use the authentication "acctAuth", but the package has no ConnectionJSON/);
  assert.match(warnings[1], /^AddAccessJSON\.json uses the authentication "other"/);
  assert.deepEqual(missingAuthenticationWarnings(files([['ConnectionJSON', '{"authentications": {}}'], ['CreateAccountJSON', call('acctAuth')]]) as never), [],
    'with a ConnectionJSON the check\'s unknown-connection rule speaks instead');
  assert.equal(missingAuthenticationWarnings(files([['ConnectionJSON', '  '], ['CreateAccountJSON', call('acctAuth')]]) as never).length, 1, 'an empty ConnectionJSON counts as none');
  const unpacked = { ...files([['CreateAccountJSON', call('acctAuth')]]), meta: { encrypted: { attributes: { ConnectionJSON: 'F094T0v6…' } } } };
  assert.deepEqual(missingAuthenticationWarnings(unpacked as never), [], 'an unpacked export carries its encrypted ConnectionJSON along');
});

test('the package result carries the warning, and the package is still written', async t => {
  const dir = tempDir(t, 'auth-warning-');
  writeFileSync(path.join(dir, 'CreateAccountJSON.json'), call('acctAuth'));
  const result = await packageConnectionFolder(nodeFs, dir, { timestamp: new Date(Date.UTC(2026, 0, 1)) });
  assert.equal(result.authenticationWarnings.length, 1);
  assert.ok(result.checkMessages.includes(result.authenticationWarnings[0]), 'also among the check messages the CLI prints');
  assert.ok(result.zip.length > 100);
});
