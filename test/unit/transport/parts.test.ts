/** The small parts: EIC string escaping, timestamps, the lenient reader, secret detection, "$schema". */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { quoteEicString, writeEicJson } from '../../../server/src/core/transport/eicJsonWriter';
import { formatFileStamp, formatSummaryStamp, parseStamp } from '../../../server/src/core/transport/timestamp';
import { JsonSyntaxError, parseLenientJson, toPlain } from '../../../server/src/core/transport/lenientJson';
import { findLiteralCredentials, isPlaceholderValue, placeholderFor } from '../../../server/src/core/transport/secrets';
import { removeTopLevelSchemaKey } from '../../../server/src/core/transport/schemaKey';
import { looksEncrypted } from '../../../server/src/core/transport/exportFile';

test('strings are escaped like EIC: CR LF TAB quotes backslashes, "</" as <\\u002f', () => {
  assert.equal(quoteEicString('a\r\n\t"b"\\c'), '"a\\r\\n\\t\\"b\\"\\\\c"');
  assert.equal(quoteEicString('<a></a> / </'), '"<a><\\u002fa> / <\\u002f"');
  assert.equal(quoteEicString('\u0001é€'), '"\\u0001é€"');
  assert.equal(writeEicJson(new Map([['k', []], ['o', {}]])), '{\n  "k": \n  [],\n  "o": {}\n}');
});

test('export timestamps', () => {
  const d = new Date(Date.UTC(2023, 8, 5, 12, 38, 50));
  assert.equal(formatFileStamp(d), '2023-09-05_12-38-50');
  assert.equal(formatSummaryStamp(d), '2023-09-05 12:38:50');
  assert.equal(parseStamp('2023-09-05_12-38-50')?.getTime(), d.getTime());
  assert.equal(parseStamp('2023-09-05_12-38-50(UTC)')?.getTime(), d.getTime());
  assert.equal(parseStamp('2023-09-05 12:38:50')?.getTime(), d.getTime());
  assert.equal(parseStamp('2023-09-05T14:38:50+02:00')?.getTime(), d.getTime());
  assert.equal(parseStamp('2023-02-30_00-00-00'), undefined);
  assert.equal(parseStamp('yesterday'), undefined);
});

test('the lenient reader keeps key order, accepts raw control characters and reports positions', () => {
  const parsed = parseLenientJson('\ufeff{"2": 1, "1": [true, null, -1.5e2], "s": "a\tb\nc"}');
  assert.deepEqual([...(parsed.value as Map<string, unknown>).keys()], ['2', '1', 's'], 'integer-like keys keep their place');
  assert.deepEqual(toPlain(parsed.value), { 2: 1, 1: [true, null, -150], s: 'a\tb\nc' });
  assert.equal(parsed.tolerated.length, 1);
  for (const [text, line, column, reason] of [
    ['{\n  "a": 1,\n  "b" 2\n}', 3, 7, /expected ':'/],
    ['{"a": "x\\q"}', 1, 9, /invalid escape "\\q"/],
    ['{"a": "never closed', 1, 7, /never closed/],
    ['{"a": 1} x', 1, 10, /after the end/],
    ['', 1, 1, /empty/],
  ] as const) {
    assert.throws(() => parseLenientJson(text), (e: unknown) => {
      assert.ok(e instanceof JsonSyntaxError);
      assert.deepEqual([e.line, e.column], [line, column], text);
      assert.match(e.reason, reason);
      return true;
    });
  }
  assert.throws(() => parseLenientJson('['.repeat(500)), /nesting deeper than 200/);
});

test('placeholders versus credentials', () => {
  for (const v of ['', 'Bearer <token>', '${access_token}', 'Bearer xxxx', '@TOKEN@', 'changeme', 'Bearer YOUR_TOKEN', 'abcd']) {
    assert.ok(isPlaceholderValue(v), v);
  }
  for (const v of ['Bearer dG9rOjEyMzQ1Njc4OTA=', 's3cr3t-value-123', 'hunter22']) assert.ok(!isPlaceholderValue(v), v);
  assert.equal(placeholderFor('Bearer abc', 'access token'), 'Bearer <set the access token in EIC after import>');
  assert.equal(placeholderFor('abc', 'password'), '<set the password in EIC after import>');
  const found = findLiteralCredentials('x\n  "Authorization": "Basic dXNlcjpwYXNzd29yZDEyMw=="\n');
  assert.deepEqual(found.map(f => [f.kind, f.line, f.column, f.excerpt]), [['a literal Basic credential', 2, 27, 'dXNlcj…']]);
  assert.deepEqual(findLiteralCredentials('"Bearer ${access_token}" and Bearer authentication, Basic realm'), []);
});

test('ciphertext detection: block-sized base64, or any base64 in a secret attribute', () => {
  assert.ok(looksEncrypted('ConnectionJSON', 'daEnLks62aXyjzFDjc0ZFA/M3mlUVeh7XDxWWfHHt2A='));
  assert.ok(looksEncrypted('SomeOther', 'daEnLks62aXyjzFDjc0ZFA/M3mlUVeh7XDxWWfHHt2A='), '32 bytes = two cipher blocks');
  assert.ok(!looksEncrypted('SOAP_OR_XML', 'SOAP'), 'a short word is not ciphertext');
  assert.ok(!looksEncrypted('CreateAccountJSON', '{"call":[]}'));
});

test('"$schema" removal edge cases', () => {
  assert.deepEqual(removeTopLevelSchemaKey('{"$schema": "x"}'), { text: '{}', removed: true });
  assert.deepEqual(removeTopLevelSchemaKey('{"a": {"$schema": 1}}'), { text: '{"a": {"$schema": 1}}', removed: false });
  assert.deepEqual(removeTopLevelSchemaKey('not json'), { text: 'not json', removed: false });
  assert.equal(removeTopLevelSchemaKey('{\r\n  "a": 1,\r\n  "$schema": "x",\r\n  "b": 2\r\n}').text, '{\r\n  "a": 1,\r\n  "b": 2\r\n}');
});
