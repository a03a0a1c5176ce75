/**
 * server/src/core/json/jsonText.ts, the one module that imports jsonc-parser: its two syntaxes
 * (strict: no comments, no trailing commas; lenient: both accepted), tolerant parsing (errors
 * collected, never thrown), paths, edits and locations.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  JsonSyntaxErrorCode, LENIENT_JSON, STRICT_JSON, applyTextEdits, editsToSetValue, formattingEdits, locationAt, parseJsonTree,
  parseJsonValue, pathOfNode, syntaxErrorName, type JsonSyntaxError,
} from '../../../server/src/core/json/jsonText';

const RELAXED = '{\n  // a comment\n  "a": [1, 2,],\n}';

test('strict JSON reports comments and trailing commas; lenient JSON reads them', () => {
  const strict: JsonSyntaxError[] = [];
  assert.deepEqual(parseJsonValue(RELAXED, STRICT_JSON, strict), { a: [1, 2] }, 'tolerant: the value is still read');
  const names = strict.map(e => syntaxErrorName(e.error));
  assert.equal(names[0], 'InvalidCommentToken');
  assert.ok(names.includes('PropertyNameExpected'), `the trailing comma of the object: ${names}`);
  const lenient: JsonSyntaxError[] = [];
  assert.deepEqual(parseJsonValue(RELAXED, LENIENT_JSON, lenient), { a: [1, 2] });
  assert.deepEqual(lenient, []);
  const empty: JsonSyntaxError[] = [];
  parseJsonValue('', STRICT_JSON, empty);
  assert.equal(empty[0]?.error, JsonSyntaxErrorCode.ValueExpected, 'an empty text is an error unless allowed');
  const allowed: JsonSyntaxError[] = [];
  parseJsonValue('', { ...STRICT_JSON, allowEmptyContent: true }, allowed);
  assert.deepEqual(allowed, []);
});

test('a tree gives offsets and paths; a location gives the path at an offset', () => {
  const text = '{"call": [{"url": "https://x"}]}';
  const root = parseJsonTree(text, LENIENT_JSON)!;
  const url = root.children![0].children![1].children![0].children![0].children![1];
  assert.equal(text.slice(url.offset, url.offset + url.length), '"https://x"');
  assert.deepEqual(pathOfNode(url), ['call', 0, 'url']);
  assert.deepEqual(locationAt(text, text.indexOf('https')).path, ['call', 0, 'url']);
});

test('edits: set a value (creating the way), format, apply', () => {
  const set = applyTextEdits('{\n}\n', editsToSetValue('{\n}\n', ['user', 'email'], 'ann@example.com', { insertSpaces: true, tabSize: 2 }));
  assert.deepEqual(JSON.parse(set), { user: { email: 'ann@example.com' } });
  assert.equal(applyTextEdits('{"a":1}', formattingEdits('{"a":1}', undefined, { insertSpaces: true, tabSize: 2, eol: '\n' })), '{\n  "a": 1\n}');
});
