/** Building packages: layout, determinism, "$schema", secrets, refusals, folder model. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, symlinkSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import * as yauzl from 'yauzl';
import { EXPORT_ATTRIBUTE_ORDER } from '../../../server/src/core/attributes';
import { nodeFs } from '../../../server/src/core/transport/node/nodeFs';
import { assembleConnectionFolder } from '../../../server/src/core/transport/connectionFolder';
import { PackageRefusedError, buildPackage, packageConnectionFolder } from '../../../server/src/core/transport/node/package';
import { readTransportZip } from '../../../server/src/core/transport/node/zipReader';
import { tempDir } from './helpers';

const STAMP = new Date(Date.UTC(2024, 4, 1, 9, 30, 4));
const CREATE = '{\r\n  "call": [\r\n    {\r\n      "name": "call1",\r\n      "httpHeaders": {\r\n        "Authorization": "${access_token}"\r\n      }\r\n    }\r\n  ]\r\n}';

function folderOf(files: Record<string, string>, folderPath = '/x/Demo') {
  return assembleConnectionFolder(folderPath, Object.entries(files).map(([fileName, text]) => ({ fileName, text })));
}

function connectionOf(result: { entries: { name: string; text: string }[] }) {
  const root = JSON.parse(result.entries[0].text) as Record<string, Record<string, unknown>>;
  const [name, conn] = Object.entries(root)[0];
  const attrs = conn.EXTERNAL_ATTR as Record<string, unknown>[];
  const value = (attr: string) => attrs.find(a => a.attributename === attr)?.encryptedattributevalue;
  return { name, conn, attrs, value };
}

test('a package holds Connection_ and ObjectSummary_ entries named with the UTC stamp', async () => {
  const result = await buildPackage(folderOf({ 'CreateAccountJSON.json': CREATE }), { timestamp: STAMP, exportedBy: 'jdoe', system: 'acme.saviyntcloud.com' });
  assert.deepEqual(result.entries.map(e => e.name), ['Connection_2024-05-01_09-30-04(UTC).json', 'ObjectSummary_2024-05-01_09-30-04(UTC).json']);
  assert.equal(result.fileName, 'transport_jdoe_2024-05-01_09-30-04(UTC).zip');
  const zip = await readTransportZip(result.zip);
  assert.deepEqual(zip.files.map(f => f.name), result.entries.map(e => e.name));
  assert.equal(Buffer.from(zip.files[0].data).toString('utf8'), result.entries[0].text);

  const summary = JSON.parse(result.entries[1].text);
  assert.deepEqual(summary.Objects, { connection: ['Demo'] });
  assert.deepEqual(Object.keys(summary.Information), ['GUID', 'Exported By', 'Exported On', 'System', 'TransferOwners', 'TransferUsers']);
  assert.match(summary.Information.GUID, /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
  assert.equal(summary.Information['Exported By'], 'jdoe');
  assert.equal(summary.Information['Exported On'], '2024-05-01 09:30:04');
  assert.equal(summary.Information.System, 'acme.saviyntcloud.com');
  assert.equal(summary.Information.TransferOwners, '0');
  assert.equal(summary.Information.TransferUsers, '0');
  // EIC's whitespace: arrays open on their own line under the key, no final newline.
  assert.match(result.entries[1].text, /"connection": \n {4}\[\n {6}"Demo"\n {4}\]/);
  assert.ok(!result.entries[0].text.endsWith('\n'));
});

test('the envelope has every EIC column and all 24 REST attributes in EIC order', async () => {
  const result = await buildPackage(folderOf({ 'CreateAccountJSON.json': CREATE }), { timestamp: STAMP });
  const { name, conn, attrs, value } = connectionOf(result);
  assert.equal(name, 'Demo');
  assert.deepEqual(Object.keys(conn), ['connectionname', 'connectiondescription', 'externalconnectiontype', 'status',
    'statusForEnableDisable', 'templateName', 'templateMandatoryData', 'connectorms', 'msconnectorversion', 'connectorType',
    'sslCertificate', 'sslCertificateId', 'vaultConfig', 'vaultCredentialConnection', 'credentialChangeConfig', 'EXTERNAL_ATTR']);
  assert.equal(conn.externalconnectiontype, 'REST');
  assert.deepEqual(attrs.map(a => a.attributename), EXPORT_ATTRIBUTE_ORDER);
  assert.equal(attrs.length, 24);
  for (const a of attrs) assert.deepEqual(Object.keys(a), ['formdata', 'credentialSaveStatus', 'attributename', 'encryptedattributevalue']);
  assert.equal(value('CreateAccountJSON'), CREATE, 'the file text exactly, CRLF included');
  assert.equal(value('UpdateAccountJSON'), '', 'unset attributes are empty strings');
  assert.ok(result.notes.some(n => /ConnectionJSON is empty/.test(n)));
});

test('the same folder and timestamp give a byte-identical zip, in any time zone', async () => {
  const folder = folderOf({ 'CreateAccountJSON.json': CREATE, 'ImportAccountEntJSON.json': '{"accountParams":{}}' });
  const first = await buildPackage(folder, { timestamp: STAMP });
  const second = await buildPackage(folder, { timestamp: STAMP });
  assert.ok(Buffer.from(first.zip).equals(Buffer.from(second.zip)));
  const savedTz = process.env.TZ;
  process.env.TZ = 'Pacific/Auckland';
  let third;
  try { third = await buildPackage(folder, { timestamp: STAMP }); } finally {
    if (savedTz === undefined) delete process.env.TZ; else process.env.TZ = savedTz;
  }
  assert.ok(Buffer.from(first.zip).equals(Buffer.from(third.zip)), 'the time zone of the machine must not matter');
  const later = await buildPackage(folder, { timestamp: new Date(STAMP.getTime() + 2000) });
  assert.ok(!Buffer.from(first.zip).equals(Buffer.from(later.zip)));
  const changed = await buildPackage(folderOf({ 'CreateAccountJSON.json': CREATE + ' ' }), { timestamp: STAMP });
  assert.notEqual(JSON.parse(changed.entries[1].text).Information.GUID, JSON.parse(first.entries[1].text).Information.GUID);
});

test('zip entries carry the export time in UTC, like EIC', async () => {
  const result = await buildPackage(folderOf({ 'CreateAccountJSON.json': CREATE }), { timestamp: STAMP });
  const times = await new Promise<{ date: number; time: number }[]>((resolve, reject) => {
    yauzl.fromBuffer(Buffer.from(result.zip), { lazyEntries: false }, (err, zip) => {
      if (err) return reject(err);
      const out: { date: number; time: number }[] = [];
      zip.on('entry', (e: yauzl.Entry) => out.push({ date: e.lastModFileDate, time: e.lastModFileTime }));
      zip.on('end', () => resolve(out));
    });
  });
  for (const { date, time } of times) {
    assert.deepEqual([(date >> 9) + 1980, (date >> 5) & 15, date & 31, time >> 11, (time >> 5) & 63, (time & 31) * 2], [2024, 5, 1, 9, 30, 4]);
  }
});

test('a top-level "$schema" is left out without touching the rest of the text', async () => {
  const withSchema = '{\r\n  "$schema": "../../schemas/CreateAccountJSON.schema.json",\r\n  "call": [\r\n    {\r\n      "name": "call1"\r\n    }\r\n  ]\r\n}';
  const lastKey = '{\n\t"call": [],\n\t"$schema": "x"\n}';
  const nested = '{"call":[{"$schema":"kept: not top level"}]}';
  const result = await buildPackage(folderOf({
    'CreateAccountJSON.json': withSchema, 'UpdateAccountJSON.json': lastKey, 'RemoveAccountJSON.json': nested,
  }), { timestamp: STAMP });
  const { value } = connectionOf(result);
  assert.equal(value('CreateAccountJSON'), '{\r\n  "call": [\r\n    {\r\n      "name": "call1"\r\n    }\r\n  ]\r\n}');
  assert.equal(value('UpdateAccountJSON'), '{\n\t"call": []\n}');
  assert.equal(value('RemoveAccountJSON'), nested);
  assert.ok(result.notes.some(n => n.includes('"$schema"') && n.includes('CreateAccountJSON.json')));
});

test('a literal token in ConnectionJSON is replaced by a placeholder, and reported', async () => {
  const token = 'dG9rOjEyMzQ1Njc4XzkwYWJjZGVmZ2hpamtsbW5vcHFyc3R1dnd4eXo=';
  const connection = [
    '{',
    '  "authentications": {',
    '    "acctAuth": {',
    '      "authType": "oauth2",',
    '      "httpParams": {"client_id": "abc", "client_secret": "s3cr3t-value-123"},',
    '      "tokenType": "Bearer",',
    `      "accessToken": "Bearer ${token}",`,
    '      "refreshTokenCall": {"httpParams": "{\\"password\\":\\"hunter22\\",\\"user\\":\\"bob\\"}"}',
    '    }',
    '  }',
    '}',
  ].join('\n');
  const result = await buildPackage(folderOf({ 'ConnectionJSON.json': connection, 'TicketStatusJSON.json': '{"call":[{"url":"https://api.intercom.io/tickets/${ticketID}"}]}' }), { timestamp: STAMP });
  const { value } = connectionOf(result);
  const packaged = value('ConnectionJSON') as string;
  for (const secret of [token, 's3cr3t-value-123', 'hunter22']) {
    assert.ok(!result.entries[0].text.includes(secret), `${secret} leaked into the package`);
  }
  const parsed = JSON.parse(packaged).authentications.acctAuth;
  assert.equal(parsed.accessToken, 'Bearer <set the Intercom access token in EIC after import>');
  assert.equal(parsed.httpParams.client_secret, '<set the client secret in EIC after import>');
  assert.equal(parsed.httpParams.client_id, 'abc', 'non-secret values stay');
  assert.deepEqual(JSON.parse(parsed.refreshTokenCall.httpParams), { password: '<set the password in EIC after import>', user: 'bob' });
  assert.deepEqual(result.secretPlaceholders.map(s => [s.line, s.what]).sort(),
    [[5, 'client secret'], [7, 'Intercom access token'], [8, 'password']]);
  // Only the values changed: the line structure is the file's own.
  assert.equal(packaged.split('\n').length, connection.split('\n').length);
  assert.equal(packaged.split('\n')[5], '      "tokenType": "Bearer",');
});

test('placeholders and ${bindings} in ConnectionJSON are left alone', async () => {
  const connection = '{"authentications":{"acctAuth":{"accessToken":"Bearer <token>","password":"${connection.pw}","refreshToken":"xxxx","apiKey":""}}}';
  const result = await buildPackage(folderOf({ 'ConnectionJSON.json': connection }), { timestamp: STAMP });
  assert.equal(connectionOf(result).value('ConnectionJSON'), connection);
  assert.deepEqual(result.secretPlaceholders, []);
});

test('a literal bearer token in any other attribute stops the package, naming file and line', async () => {
  const leaky = '{\n  "call": [\n    {\n      "httpHeaders": {\n        "Authorization": "Bearer dG9rOjEyMzQ1Njc4OTBhYmNkZWZnaGlq"\n      }\n    }\n  ]\n}';
  for (const allowErrors of [false, true]) {
    await assert.rejects(buildPackage(folderOf({ 'CreateAccountJSON.json': leaky }), { timestamp: STAMP, allowErrors }), (error: unknown) => {
      assert.ok(error instanceof PackageRefusedError);
      assert.equal(error.reasons.length, 1);
      assert.match(error.reasons[0], /^CreateAccountJSON\.json line 5, column \d+: this looks like a literal Intercom access token/);
      assert.match(error.reasons[0], /\$\{access_token\}/);
      assert.ok(!error.message.includes('dG9rOjEyMzQ1Njc4OTBhYmNkZWZnaGlq'), 'the message must not repeat the whole token');
      return true;
    });
  }
  await assert.rejects(buildPackage(folderOf({ 'UpdateAccountJSON.json': '{"h":{"Authorization":"Bearer eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxMjM0NTYifQ.abcdefghijklmnop"}}' }), { timestamp: STAMP }),
    /UpdateAccountJSON\.json line 1.*JSON web token/);
  await assert.rejects(buildPackage(folderOf({ 'ImportAccountEntJSON.json': '{"http":{"httpHeaders":{"X-API-KEY":"a1b2c3d4e5f6g7h8i9"}}}' }), { timestamp: STAMP }),
    /ImportAccountEntJSON\.json line 1, column 38: this looks like a literal value in the X-API-KEY header \("a1b2c3…"\)/);
  await assert.rejects(buildPackage(folderOf({ 'CreateAccountJSON.json': '{"call":[{"httpParams":"{\\"apiKey\\":\\"k9Xq2mP4vL7wR3tZ\\"}"}]}' }), { timestamp: STAMP }),
    /a literal apiKey in the request body/);
  // Text that only mentions the scheme is fine.
  await buildPackage(folderOf({ 'UpdateAccountJSON.json': '{"description":"uses Bearer authentication with ${access_token}"}' }), { timestamp: STAMP });
});

test('check errors stop the package unless allowErrors; an injected check is used', async () => {
  const broken = '{\n  "call": [\n    {"name": "call1",}\n  ]\n}';
  await assert.rejects(buildPackage(folderOf({ 'CreateAccountJSON.json': broken }), { timestamp: STAMP }), (error: unknown) => {
    assert.ok(error instanceof PackageRefusedError);
    assert.match(error.reasons[0], /^CreateAccountJSON\.json line 3, column 22: /);
    assert.match(error.message, /--allow-errors/);
    return true;
  });
  const allowed = await buildPackage(folderOf({ 'CreateAccountJSON.json': broken }), { timestamp: STAMP, allowErrors: true });
  assert.equal(connectionOf(allowed).value('CreateAccountJSON'), broken);
  assert.ok(allowed.checkMessages.some(m => m.startsWith('CreateAccountJSON.json line 3')));

  let seen: string[] = [];
  const validate = async (files: { attribute: string }[]) => { seen = files.map(f => f.attribute); return { errors: 1, messages: ['CreateAccountJSON.json line 1: injected'] }; };
  await assert.rejects(buildPackage(folderOf({ 'createaccountjson.json': CREATE }), { timestamp: STAMP, validate }), /injected/);
  assert.deepEqual(seen, ['CreateAccountJSON']);
});

test('folder model: case-insensitive names, duplicates, ignored files, metadata name', async t => {
  const lower = await buildPackage(folderOf({ 'createaccountjson.json': CREATE, 'notes.json': '{}' }), { timestamp: STAMP });
  assert.equal(connectionOf(lower).value('CreateAccountJSON'), CREATE);
  assert.ok(lower.notes.some(n => n.includes('notes.json')));

  const dup = folderOf({ 'CreateAccountJSON.json': CREATE, 'CREATEACCOUNTJSON.json': CREATE });
  assert.equal(dup.errors.length, 1);
  await assert.rejects(buildPackage(dup, { timestamp: STAMP }), /same attribute \(CreateAccountJSON\)/);

  const dir = tempDir(t);
  const folder = path.join(dir, 'folder-name');
  mkdirSync(folder);
  writeFileSync(path.join(folder, 'CreateAccountJSON.json'), '\ufeff' + CREATE);
  writeFileSync(path.join(folder, 'connection.meta.json'), JSON.stringify({ connectionname: 'Intercom EU', status: 0, templateName: 'Intercom' }));
  writeFileSync(path.join(dir, 'outside.json'), '{"secret": "outside the folder"}');
  symlinkSync(path.join(dir, 'outside.json'), path.join(folder, 'ImportAccountEntJSON.json'));
  const result = await packageConnectionFolder(nodeFs, folder, { timestamp: STAMP });
  const { name, conn, value } = connectionOf(result);
  assert.equal(value('ImportAccountEntJSON'), '', 'a symlinked attribute file is not followed');
  assert.ok(result.notes.some(n => n.includes('ImportAccountEntJSON.json: a symlink')));
  assert.equal(name, 'Intercom EU');
  assert.equal(conn.connectionname, 'Intercom EU');
  assert.equal(conn.status, 0);
  assert.equal(conn.templateName, 'Intercom');
  assert.equal(value('CreateAccountJSON'), CREATE, 'the byte-order mark is dropped');

  writeFileSync(path.join(folder, 'connection.meta.json'), '{"status": "on",}');
  await assert.rejects(packageConnectionFolder(nodeFs, folder, { timestamp: STAMP }), /"status" must be number or null/);
  writeFileSync(path.join(folder, 'connection.meta.json'), '{"status": 1');
  await assert.rejects(packageConnectionFolder(nodeFs, folder, { timestamp: STAMP }), /connection\.meta\.json line 1, column \d+/);
});
