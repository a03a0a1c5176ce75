/**
 * One secret detector for `check` (secret-literal) and `package`, on decoded text, over every byte
 * that goes into a package (connection.meta.json included). Each leak the audit found, and the
 * promise that the two always agree.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { AttributeDocument } from '../../../server/src/core/document';
import { assembleConnectionFolder } from '../../../server/src/core/transport/connectionFolder';
import { PackageRefusedError, buildPackage } from '../../../server/src/core/transport/node/package';
import { findLiteralCredentials } from '../../../server/src/core/transport/secrets';
import { analyze } from '../../support/engine';

const STAMP = new Date(Date.UTC(2024, 4, 1, 9, 30, 4));
const TOKEN = 'dG9rOjEyMzQ1Njc4XzkwYWJjZGVmZ2hpamtsbW5vcHFyc3R1dnd4eXo=';
/** The token with every character written as a JSON \u escape. */
const ESCAPED = [...TOKEN].map(c => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`).join('');

const folderOf = (files: Record<string, string>) =>
  assembleConnectionFolder('/x/Demo', Object.entries(files).map(([fileName, text]) => ({ fileName, text })));

async function refusal(files: Record<string, string>): Promise<string> {
  try {
    await buildPackage(folderOf(files), { timestamp: STAMP, allowErrors: true });
  } catch (error) {
    assert.ok(error instanceof PackageRefusedError, String(error));
    return error.message;
  }
  assert.fail('the package was built');
}

async function checkFindings(fileName: string, text: string) {
  const doc = AttributeDocument.fromFile(`file:///x/Demo/${fileName}`, text, 1);
  return (await analyze(doc)).filter(f => f.code === 'secret-literal');
}

const LEAKS: [string, string, string][] = [
  ['?access_token=… in a URL', 'ImportAccountEntJSON.json',
    '{"accountParams":{"call":{"call1":{"http":{"url":"https://api.intercom.io/contacts?access_token=abc123DEF456ghi789","httpMethod":"GET"}}}}}'],
  ['{"token": …} in a body (object)', 'CreateAccountJSON.json',
    '{"call":[{"name":"call1","url":"https://api.intercom.io/contacts","httpMethod":"POST","httpParams":{"token":"k9Xq2mP4vL7wR3tZ5"}}]}'],
  ['{"token": …} in a body (JSON in a string)', 'CreateAccountJSON.json',
    '{"call":[{"name":"call1","url":"https://api.intercom.io/contacts","httpMethod":"POST","httpParams":"{\\"token\\":\\"k9Xq2mP4vL7wR3tZ5\\"}"}]}'],
  ['a \\u-escaped Intercom token', 'UpdateAccountJSON.json',
    `{"call":[{"name":"call1","url":"https://api.intercom.io/contacts/1","httpMethod":"PUT","httpHeaders":{"Authorization":"Bearer ${ESCAPED}"}}]}`],
  ['a \\u-escaped token in an escaped body', 'CreateAccountJSON.json',
    `{"call":[{"name":"call1","httpParams":"{\\"note\\":\\"${ESCAPED.replace(/\\/g, '\\\\')}\\"}"}]}`],
];

for (const [name, fileName, text] of LEAKS) {
  test(`${name}: check warns, and package refuses naming the file and line`, async () => {
    assert.ok((await checkFindings(fileName, text)).length > 0, 'check reports secret-literal');
    const message = await refusal({ [fileName]: text });
    assert.match(message, new RegExp(`${fileName.replace('.', '\\.')} line 1, column \\d+: this looks like`));
    assert.ok(!message.includes('k9Xq2mP4vL7wR3tZ5') && !message.includes(TOKEN), 'the message does not repeat the secret');
  });
}

test('a token in the connection description (connection.meta.json) stops the package', async () => {
  const meta = JSON.stringify({ connectionname: 'Demo', connectiondescription: `Intercom, token ${TOKEN} (do not share)` }, null, 2);
  const message = await refusal({ 'connection.meta.json': meta, 'CreateAccountJSON.json': '{"call":[]}' });
  assert.match(message, /connection\.meta\.json line 3, column \d+: this looks like a literal Intercom access token/);
  // Also escaped, and in a column this tool does not know (it is packaged too).
  const escaped = `{"connectionname":"Demo","otherColumns":{"notes":"${ESCAPED}"}}`;
  assert.match(await refusal({ 'connection.meta.json': escaped, 'CreateAccountJSON.json': '{"call":[]}' }), /connection\.meta\.json line 1/);
});

test('a \\u-escaped token in ConnectionJSON becomes a placeholder; no form of it reaches the zip', async () => {
  const connection = `{"authentications":{"acctAuth":{"authType":"oauth2","tokenType":"Bearer","accessToken":"Bearer ${ESCAPED}"}}}`;
  const result = await buildPackage(folderOf({ 'ConnectionJSON.json': connection }), { timestamp: STAMP });
  assert.deepEqual(result.secretPlaceholders.map(p => p.what), ['Intercom access token']);
  const bytes = Buffer.from(result.zip).toString('latin1');
  for (const entry of result.entries) {
    assert.ok(!entry.text.includes(TOKEN) && !entry.text.includes(ESCAPED) && !entry.text.includes(ESCAPED.replace(/\\/g, '\\\\')), entry.name);
    assert.equal(findLiteralCredentials(entry.text).length, 0, `${entry.name} is clean to the detector too`);
  }
  assert.ok(!bytes.includes('dG9rOjEy'), 'not in the stored bytes either');
});

test('check and package agree on every sample: a secret-literal finding iff a refusal', async () => {
  const samples: [string, string][] = [
    ...LEAKS.map(([, f, t]) => [f, t] as [string, string]),
    ['CreateAccountJSON.json', '{"call":[{"name":"call1","httpHeaders":{"Authorization":"${access_token}"},"httpParams":"{\\"password\\":\\"${password}\\"}"}]}'],
    ['CreateAccountJSON.json', '{"call":[{"name":"call1","httpParams":"{\\"password\\":\\"Welcome123!\\"}"}]}'],
    ['TicketStatusJSON.json', '{"call":[{"name":"call1","url":"https://x.example.com/api?UserLogin=svc&Password=Winter2024!"}]}'],
    ['ImportAccountEntJSON.json', '{"accountParams":{"call":{"c":{"colsToPropsMap":{"customproperty9":"passwordLastModified~#~char"}}}}}'],
    ['UpdateAccountJSON.json', '{"description":"uses Bearer authentication with ${access_token}"}'],
    ['CreateTicketJSON.json', '{"call":[{"name":"call1","httpHeaders":{"x-api-key":"9f8e7d6c5b4a39281706"}}]}'],
    ['UpdateAccountJSON.json', '{"h":{"Authorization":"Bearer eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxMjM0NTYifQ.abcdefghijklmnop"}}'],
  ];
  for (const [fileName, text] of samples) {
    const found = (await checkFindings(fileName, text)).length > 0;
    let refused = false;
    try { await buildPackage(folderOf({ [fileName]: text }), { timestamp: STAMP, allowErrors: true }); } catch (e) { refused = e instanceof PackageRefusedError; }
    assert.equal(refused, found, `${fileName}: ${text}`);
  }
});
