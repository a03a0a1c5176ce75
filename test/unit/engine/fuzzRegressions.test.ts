/**
 * Regressions found by the fuzz suite (test/fuzz): each document made a check throw, hang or
 * leak before its fix. The analysis must answer, and no rule may fail (a failing rule is logged).
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { AttributeDocument } from '../../../server/src/core/document';
import { analyze } from '../../support/engine';

async function noRuleFails(name: string, text: string): Promise<void> {
  const failures: string[] = [];
  await analyze(AttributeDocument.fromFile(`file:///regressions/${name}`, text, 1), { log: m => failures.push(m.split('\n')[0]) });
  assert.deepEqual(failures, [], `${name}: ${text.slice(0, 120)}`);
}

test('mapping-targets: a response path that starts with "." or "[" or holds a line break', async () => {
  for (const path of ['.message.id~#~char', '[0].id~#~char', '\ncall1.message.id~#~char', 'call1\n.message~#~char']) {
    await noRuleFails('CreateTicketJSON.json', JSON.stringify({ call: [{ name: 'call1', url: 'https://api.intercom.io/tickets', httpMethod: 'POST' }], responseColsToPropsMap: { accountID: path } }));
  }
});

test('the secret detector on a document nested deeper than the parser handles: no stack overflow, the token still found', async () => {
  const { findLiteralCredentials, protectConnectionJson } = await import('../../../server/src/core/transport/secrets');
  const token = 'dG9rOjEyMzQ1Njc4OTBhYmNkZWZnaGlq';
  const deep = '{"a":'.repeat(20_000) + `"Bearer ${token}"` + '}'.repeat(20_000);
  assert.equal(findLiteralCredentials(deep).length, 1);
  assert.ok(!protectConnectionJson(deep).text.includes(token));
  // JSON inside a string value, nested as deep.
  const inner = JSON.stringify({ call: [{ name: 'c', httpParams: '['.repeat(20_000) + ']'.repeat(20_000) }] });
  assert.doesNotThrow(() => findLiteralCredentials(inner));
});

test('redaction: a literal "%" or "\\" just before the token does not hide it', async () => {
  const { SecretToken, redact } = await import('../../../server/src/core/runner');
  for (const [before, token] of [['1%', 'dDQP28trtN6JWa6ck.NgKnS:XaHJy'], ['\\', 'u0041bcdefghijkl123'], ['&', '#65;bcdefghijk123']]) {
    const out = redact(`${before}${token.toLowerCase()} end`, new SecretToken(token));
    assert.ok(!out.toLowerCase().includes(token.toLowerCase()), out);
  }
});

test('redaction: a URL-encoded token right after a literal "%"', async () => {
  const { SecretToken, redact } = await import('../../../server/src/core/runner');
  const token = 'Ff=RJQ/5Qd6RUla1VSFOoVW';
  const out = redact(`\`w/8,N%${encodeURIComponent(token)}m~TY`, new SecretToken(token));
  assert.ok(!out.toLowerCase().includes(encodeURIComponent(token).toLowerCase()), out);
});

test('packaging a file nested deeper than the parser handles: a message, not a stack overflow', async () => {
  const { assembleConnectionFolder } = await import('../../../server/src/core/transport/connectionFolder');
  const { buildPackage, PackageRefusedError } = await import('../../../server/src/core/transport/node/package');
  const deep = '{"a":'.repeat(20_000) + '1' + '}'.repeat(20_000);
  const folder = () => assembleConnectionFolder('/x/Deep', [{ fileName: 'CreateAccountJSON.json', text: deep }]);
  await assert.rejects(buildPackage(folder()), (e: unknown) => e instanceof PackageRefusedError && /20000 levels deep/.test(e.message));
  const allowed = await buildPackage(folder(), { allowErrors: true });
  assert.equal(allowed.entries.length, 2);
});

test('the secret detector: a token in JSON inside a string is found even after an unclosed `${` earlier in that string', async () => {
  const { findLiteralCredentials, protectConnectionJson } = await import('../../../server/src/core/transport/secrets');
  const token = 'dG9rOjEyMzQ1Njc4OTBhYmNkZWZnaGlq';
  const inner = JSON.stringify({ note: '${oops', httpHeaders: { Authorization: `/x ]\t${token},'UTF-8')` } });
  const text = JSON.stringify({ attr: inner });
  assert.equal(findLiteralCredentials(text).length, 1, 'found');
  const protectedText = protectConnectionJson(text).text;
  assert.ok(!JSON.parse(JSON.parse(protectedText).attr).httpHeaders.Authorization.includes(token), protectedText);
  assert.deepEqual(findLiteralCredentials(protectedText), []);
});
