/**
 * Formatting is bounded: indentation options are clamped, too-deep or too-large documents are
 * declined with a message, large results come back as one edit, and every answer is quick.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { AttributeDocument } from '../../../server/src/core/document';
import { FORMAT_LIMITS, formattingOptions } from '../../../server/src/core/features/format';
import { formatDocument } from '../../support/engine';

const doc = (text: string, name = 'ImportAccountEntJSON.json') => AttributeDocument.fromFile(`file:///fmt/${name}`, text, 1);

/** Applies LSP-style edits (ranges) to the document's text. */
function apply(d: AttributeDocument, edits: { range: { start: { line: number; character: number }; end: { line: number; character: number } }; newText: string }[]): string {
  const spans = edits.map(e => ({ start: d.offsetAt(e.range.start), end: d.offsetAt(e.range.end), text: e.newText })).sort((a, b) => b.start - a.start);
  let out = d.text;
  for (const s of spans) out = out.slice(0, s.start) + s.text + out.slice(s.end);
  return out;
}

function timed<T>(fn: () => T): { value: T; ms: number } {
  const started = performance.now();
  const value = fn();
  return { value, ms: performance.now() - started };
}

test('tabSize and insertSpaces are validated: 1e9 is clamped to 8, nonsense falls back', () => {
  assert.deepEqual(formattingOptions({ tabSize: 1e9, insertSpaces: true }), { tabSize: 8, insertSpaces: true });
  assert.deepEqual(formattingOptions({ tabSize: 0, insertSpaces: false }), { tabSize: 1, insertSpaces: false });
  assert.deepEqual(formattingOptions({ tabSize: -5, insertSpaces: true }), { tabSize: 1, insertSpaces: true });
  assert.deepEqual(formattingOptions({ tabSize: Number.NaN, insertSpaces: 'yes' }), { tabSize: 2, insertSpaces: true });
  assert.deepEqual(formattingOptions({ tabSize: '4', insertSpaces: undefined }), { tabSize: 2, insertSpaces: true });
  assert.deepEqual(formattingOptions({ tabSize: 3.6, insertSpaces: true }), { tabSize: 4, insertSpaces: true });

  const d = doc('{"a":{"b":[1,2,{"c":3}]}}');
  const { value, ms } = timed(() => formatDocument(d, { tabSize: 1e9, insertSpaces: true }));
  assert.equal(value.declined, undefined);
  const formatted = apply(d, value.edits);
  assert.match(formatted, /\n {8}"a": \{\n {16}"b": \[/);
  assert.ok(formatted.length < 400, `${formatted.length} characters`);
  assert.ok(ms < 1000, `${ms} ms`);
});

test('a 20 KB document nested 10,000 deep is declined at once, with the reason', () => {
  const text = '{"a":' + '['.repeat(10_000) + ']'.repeat(10_000) + '}';
  const { value, ms } = timed(() => formatDocument(doc(text), { tabSize: 2, insertSpaces: true }));
  assert.deepEqual(value.edits, []);
  assert.match(value.declined ?? '', /10,001 levels deep/);
  assert.match(value.declined ?? '', new RegExp(`${FORMAT_LIMITS.maxDepth}`));
  assert.ok(ms < 500, `${ms} ms`);
});

test('a document whose formatted text would be too large is declined before any work', () => {
  // 150 levels × 8 spaces on each of 20,000 lines: ~24 million characters of indentation.
  const inner = Array.from({ length: 20_000 }, (_, i) => String(i)).join(',');
  const text = '['.repeat(150) + inner + ']'.repeat(150);
  const { value, ms } = timed(() => formatDocument(doc(text), { tabSize: 8, insertSpaces: true }));
  assert.deepEqual(value.edits, []);
  assert.match(value.declined ?? '', /would be about [\d,]+ characters/);
  assert.ok(ms < 500, `${ms} ms`);
});

test('a document above the size limit is declined', () => {
  const text = JSON.stringify({ a: 'x'.repeat(5000) });
  const r = formatDocument(doc(text), { tabSize: 2, insertSpaces: true }, undefined, { maxChars: 1000 });
  assert.deepEqual(r.edits, []);
  assert.match(r.declined ?? '', /more than the 1,000/);
});

test('a ~0.9 MB document is formatted quickly into one edit, not hundreds of thousands', () => {
  const parts: string[] = [];
  for (let n = 0, len = 0; len < 900_000; n++) { const p = `"k${n}":{"a":[1,2,3],"b":"v"}`; parts.push(p); len += p.length + 1; }
  const text = '{' + parts.join(',') + '}';
  const d = doc(text);
  const { value, ms } = timed(() => formatDocument(d, { tabSize: 2, insertSpaces: true }));
  assert.equal(value.declined, undefined);
  assert.equal(value.edits.length, 1);
  const formatted = apply(d, value.edits);
  assert.deepEqual(JSON.parse(formatted), JSON.parse(text));
  assert.match(formatted, /^\{\n {2}"k0": \{\n {4}"a": \[/);
  assert.ok(JSON.stringify(value.edits).length < 4 * text.length, 'the answer is bounded by the formatted text');
  assert.ok(ms < 3000, `${ms} ms`);
});

test('small documents keep minimal edits, keep CRLF, and range formatting stays inside the range', () => {
  const text = '{\r\n"call":[{"name":"call1"}],\r\n"b":   1}';
  const d = doc(text, 'CreateAccountJSON.json');
  const r = formatDocument(d, { tabSize: 2, insertSpaces: true });
  assert.ok(r.edits.length > 1);
  assert.equal(apply(d, r.edits), '{\r\n  "call": [\r\n    {\r\n      "name": "call1"\r\n    }\r\n  ],\r\n  "b": 1\r\n}');
  const line2 = { start: { line: 2, character: 0 }, end: { line: 2, character: 9 } };
  const ranged = formatDocument(d, { tabSize: 2, insertSpaces: true }, line2);
  for (const e of ranged.edits) assert.ok(e.range.start.line >= 1 && e.range.end.line <= 2, JSON.stringify(e));
  // A reversed or out-of-bounds range is not a crash.
  assert.doesNotThrow(() => formatDocument(d, { tabSize: 2, insertSpaces: true }, { start: { line: 99, character: 0 }, end: { line: 0, character: 0 } }));
});
