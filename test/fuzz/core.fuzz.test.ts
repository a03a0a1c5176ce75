/**
 * Property-based fuzzing of the pure core, in process (fast, so it runs the most documents):
 * analysis, formatting, completion/hover/symbols, the secret detector and redaction never throw,
 * answer quickly and keep their promises, whatever the document.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { AttributeDocument } from '../../server/src/core/document';
import { singleDocumentConnection } from '../../server/src/core/connection';
import { FINDING_CAPS } from '../../server/src/core/findingCaps';
import { findLiteralCredentials, protectConnectionJson } from '../../server/src/core/transport/secrets';
import { SecretToken, redact } from '../../server/src/core/runner';
import { formattingOptions, namedDocument, parameters, position, runs } from './generators';
import { analyze, formatDocument, complete, hover, documentSymbols, codeLenses } from '../support/engine';

/** Slower than this for one document is a finding (generous: CI machines are shared). */
const BUDGET_MS = 5000;

function timed<T>(label: string, fn: () => T): T {
  const started = performance.now();
  const value = fn();
  const ms = performance.now() - started;
  assert.ok(ms < BUDGET_MS, `${label} took ${Math.round(ms)} ms`);
  return value;
}

test('analysis: never throws, bounded findings inside the document, within the budget', async () => {
  await fc.assert(fc.asyncProperty(namedDocument, async ({ name, text }) => {
    const doc = AttributeDocument.fromFile(`file:///fuzz/conn/${name}`, text, 1);
    const started = performance.now();
    const findings = await analyze(doc, { log: message => assert.fail(`a rule failed: ${message.slice(0, 500)}`) });
    assert.ok(performance.now() - started < BUDGET_MS, `analysis took ${Math.round(performance.now() - started)} ms`);
    assert.ok(findings.length <= FINDING_CAPS.perDocument + 1, `${findings.length} findings`);
    for (const f of findings) {
      assert.ok(f.offset >= 0 && f.length >= 0 && f.offset + f.length <= text.length, `${f.code} at ${f.offset}+${f.length} of ${text.length}`);
      assert.ok(f.code && f.message, 'a code and a message');
      for (const fix of f.fixes ?? []) for (const e of fix.edits) assert.ok(e.offset >= 0 && e.offset + e.length <= text.length, `${f.code} fix edit out of range`);
    }
  }), parameters(runs(1500)));
});

test('formatting: never throws, edits inside the document, and a valid document keeps its meaning', () => {
  fc.assert(fc.property(namedDocument, formattingOptions, fc.option(fc.tuple(position, position)), ({ name, text }, options, range) => {
    const doc = AttributeDocument.fromFile(`file:///fuzz/fmt/${name}`, text, 1);
    const r = timed('formatting', () => formatDocument(doc, options, range ? { start: range[0], end: range[1] } : undefined));
    let out = text;
    for (const e of [...r.edits].sort((a, b) => doc.offsetAt(b.range.start) - doc.offsetAt(a.range.start))) {
      const start = doc.offsetAt(e.range.start);
      const end = doc.offsetAt(e.range.end);
      assert.ok(start <= end, 'an ordered range');
      out = out.slice(0, start) + e.newText + out.slice(end);
    }
    if (r.declined) assert.equal(r.edits.length, 0);
    let value: unknown;
    try { value = JSON.parse(text); } catch { return; }
    assert.deepEqual(JSON.parse(out), value, 'formatting changed what the document says');
  }), parameters(runs(800)));
});

test('completion, hover, symbols and code lenses: never throw, answer within the budget', async () => {
  await fc.assert(fc.asyncProperty(namedDocument, position, async ({ name, text }, at) => {
    const doc = AttributeDocument.fromFile(`file:///fuzz/features/${name}`, text, 1);
    const offset = doc.offsetAt(at);
    const ctx = { doc, offset, connection: singleDocumentConnection(doc), settings: {} };
    const started = performance.now();
    await complete(ctx, () => false);
    await hover(ctx);
    if (doc.kind !== 'unknown') documentSymbols(doc);
    if (doc.kind === 'attribute') codeLenses(doc, ctx.connection);
    assert.ok(performance.now() - started < BUDGET_MS, `features took ${Math.round(performance.now() - started)} ms`);
  }), parameters(runs(800)));
});

test('the secret detector and ConnectionJSON protection never throw and leave no credential behind', () => {
  fc.assert(fc.property(namedDocument, ({ text }) => {
    timed('detector', () => findLiteralCredentials(text));
    const protectedText = timed('protection', () => protectConnectionJson(text, 'Intercom')).text;
    assert.deepEqual(findLiteralCredentials(protectedText).map(c => c.kind), [], 'a credential survived the placeholders');
  }), parameters(runs(600)));
});

const tokenChars = fc.constantFrom(...'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/=_-:.'.split(''));
const tokenArb = fc.array(tokenChars, { minLength: 12, maxLength: 60 }).map(a => a.join('')).filter(t => /[A-Za-z0-9]/.test(t));
const encodings: Record<string, (t: string) => string> = {
  raw: t => t,
  upper: t => t.toUpperCase(),
  lower: t => t.toLowerCase(),
  unicode: t => [...t].map(c => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`).join(''),
  html: t => [...t].map(c => `&#${c.charCodeAt(0)};`).join(''),
  htmlHex: t => [...t].map(c => `&#x${c.charCodeAt(0).toString(16)};`).join(''),
  percent: t => [...t].map(c => `%${c.charCodeAt(0).toString(16).toUpperCase().padStart(2, '0')}`).join(''),
  component: t => encodeURIComponent(t),
  base64: t => Buffer.from(t).toString('base64'),
  bearer64: t => Buffer.from(`Bearer ${t}`).toString('base64'),
  basic64: t => Buffer.from(`user:${t}`).toString('base64'),
};

test('redaction: the token leaves no trace in any encoding, whatever surrounds it', () => {
  fc.assert(fc.property(tokenArb, fc.constantFrom(...Object.keys(encodings)), fc.string({ maxLength: 30 }), fc.string({ maxLength: 30 }),
    (token, encoding, before, after) => {
      const form = encodings[encoding](token);
      const out = redact(`${before}${form}${after}`, new SecretToken(token));
      assert.ok(!out.toLowerCase().includes(form.toLowerCase()), `${encoding} form survived: ${out}`);
    }), parameters(runs(3000)));
});
