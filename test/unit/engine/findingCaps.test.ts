/**
 * Findings are capped per code and per document, with a final `findings-capped` finding that says
 * how many were left out; the `${` scan is bounded, linear and gives way to other work.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { AttributeDocument } from '../../../server/src/core/document';
import { FINDING_CAPS, FindingCollector } from '../../../server/src/core/findingCaps';
import { MAX_BINDINGS_PER_DOCUMENT } from '../../../server/src/core/binding/documentBindings';
import type { Finding } from '../../../server/src/core/types';
import { pacedEngine } from '../../support/engine';

// Paced as the language server paces it (setImmediate turns, the runtime's pacing), which is what these tests check.
const analyze = (doc: AttributeDocument, scope?: Parameters<typeof pacedEngine.analyze>[1]) => pacedEngine.analyze(doc, scope);

const importDoc = (text: string) => AttributeDocument.fromFile('file:///caps/ImportAccountEntJSON.json', text, 1);
const stormDoc = (n: number) => importDoc(JSON.stringify({ accountParams: { call: { call1: { http: { url: '${'.repeat(n) } } } } }));
const count = (findings: Finding[], code: string) => findings.filter(f => f.code === code).length;

async function timed<T>(fn: () => Promise<T>): Promise<{ value: T; ms: number }> {
  const started = performance.now();
  const value = await fn();
  return { value, ms: performance.now() - started };
}

test('a 100 KB value of 50,000 `${` gives 100 findings and a final one saying 49,900 were left out', async () => {
  const { value: findings, ms } = await timed(() => analyze(stormDoc(50_000)));
  assert.equal(count(findings, 'binding-unclosed'), FINDING_CAPS.perCode);
  const capped = findings.filter(f => f.code === 'findings-capped');
  assert.equal(capped.length, 1);
  assert.equal(capped[0].severity, 'error', 'what was left out has errors, so the summary is an error too');
  assert.match(capped[0].message, /49,900 more/);
  assert.match(capped[0].message, /binding-unclosed/);
  assert.ok(ms < 4000, `${Math.round(ms)} ms`);
});

test('a 1 MB value of `${` is bounded in time, findings and memory', async () => {
  const before = process.memoryUsage().heapUsed;
  const { value: findings, ms } = await timed(() => analyze(stormDoc(500_000)));
  const grown = process.memoryUsage().heapUsed - before;
  assert.ok(findings.length <= FINDING_CAPS.perDocument + 1, `${findings.length} findings`);
  const capped = findings.find(f => f.code === 'findings-capped');
  assert.ok(capped, 'a final finding says what was left out');
  const unscanned = (500_000 - MAX_BINDINGS_PER_DOCUMENT).toLocaleString('en-US');
  assert.match(capped.message, new RegExp(`${unscanned} more \`\\$\\{…\\}\` bindings were not checked`));
  assert.match(capped.message, new RegExp(`first ${MAX_BINDINGS_PER_DOCUMENT.toLocaleString('en-US')}`));
  assert.ok(ms < 6000, `${Math.round(ms)} ms`);
  assert.ok(grown < 400 * 1024 * 1024, `heap grew ${Math.round(grown / 1e6)} MB`);
});

test('5,000 bindings in a ~100 KB file: every one is checked, findings capped, quickly', async () => {
  const o: Record<string, string> = {};
  for (let i = 0; i < 5000; i++) o[`k${i}`] = `\${usr.email${i}}`;
  const doc = AttributeDocument.fromFile('file:///caps/CreateAccountJSON.json',
    JSON.stringify({ call: [{ name: 'c', connection: 'acctAuth', url: 'https://api.intercom.io/contacts', httpMethod: 'POST', httpParams: o }] }), 1);
  const { value: findings, ms } = await timed(() => analyze(doc));
  assert.equal(count(findings, 'binding-unknown-variable'), FINDING_CAPS.perCode);
  assert.match(findings.find(f => f.code === 'findings-capped')!.message, /4,900 more/);
  assert.ok(ms < 3000, `${Math.round(ms)} ms`);
});

test('unknown variables past the cap are counted without being built: same count, severity and first position', async () => {
  // 150 unknown variables (misspelt, so each would carry a did-you-mean and a fix) after 5 known ones.
  const o: Record<string, string> = {};
  for (let i = 0; i < 5; i++) o[`ok${i}`] = '${user.email}';
  for (let i = 0; i < 150; i++) o[`k${i}`] = `\${usre${i}.email}`;
  const text = JSON.stringify({ call: [{ name: 'c', connection: 'acctAuth', url: 'https://api.intercom.io/contacts', httpMethod: 'POST', httpParams: o }] });
  const findings = await analyze(AttributeDocument.fromFile('file:///caps/CreateAccountJSON.json', text, 1));
  const unknown = findings.filter(f => f.code === 'binding-unknown-variable');
  assert.equal(unknown.length, FINDING_CAPS.perCode);
  const capped = findings.find(f => f.code === 'findings-capped')!;
  assert.match(capped.message, /50 more findings are not shown \(binding-unknown-variable 50\)/);
  assert.equal(capped.severity, 'warning');
  // The summary points at the first variable left out: the 101st unknown one.
  assert.equal(capped.offset, text.indexOf(`usre${FINDING_CAPS.perCode}.email`));
});

test('20,000 unknown keys in a ~0.9 MB document are checked in linear time', async () => {
  const parts: string[] = [];
  for (let n = 0, len = 0; len < 900_000; n++) { const p = `"k${n}":{"a":[1,2,3],"b":"v"}`; parts.push(p); len += p.length + 1; }
  const { value: findings, ms } = await timed(() => analyze(importDoc('{' + parts.join(',') + '}')));
  assert.equal(count(findings, 'unknown-key'), FINDING_CAPS.perCode);
  const capped = findings.find(f => f.code === 'findings-capped')!;
  assert.equal(capped.severity, 'warning');
  assert.match(capped.message, new RegExp(`${(parts.length - FINDING_CAPS.perCode).toLocaleString('en-US')} more`));
  // About 1 s; 5 to 10 s while the schema findings past the cap were still converted, each with a
  // look-up linear in the object's 20,000 keys.
  assert.ok(ms < 4000, `${Math.round(ms)} ms`);
});

test('the analysis of a storm gives way to other work and stops when cancelled', async () => {
  let ran = false;
  setImmediate(() => { ran = true; });
  let ranBeforeEnd = false;
  const doc = stormDoc(500_000);
  await analyze(doc, { isCancelled: () => { if (ran) ranBeforeEnd = true; return false; } });
  assert.ok(ranBeforeEnd, 'a callback queued before the analysis ran while it was under way');

  let polls = 0;
  const { value, ms } = await timed(() => analyze(stormDoc(500_001), { isCancelled: () => ++polls > 1 }));
  assert.ok(value.length <= 1, `cancelled early: ${value.length} findings`);
  assert.ok(ms < 3000, `${Math.round(ms)} ms`);
});

test('the collector: per code, per document, severity of what was left out, counts', () => {
  const c = new FindingCollector({ perCode: 2, perDocument: 5 });
  const f = (code: string, severity: Finding['severity'], offset: number): Finding => ({ offset, length: 1, severity, code, message: code });
  for (let i = 0; i < 4; i++) c.add(f('a', 'warning', i));
  for (let i = 0; i < 4; i++) c.add(f('b', 'hint', 10 + i));
  c.add(f('c', 'information', 20));
  c.add(f('d', 'error', 30));
  c.add(f('e', 'error', 40));
  assert.deepEqual(c.findings.map(x => x.code), ['a', 'a', 'b', 'b', 'c']);
  assert.equal(c.accepts('a'), false);
  assert.equal(c.accepts('z'), false, 'the document is full');
  const summary = c.summary()!;
  assert.equal(summary.code, 'findings-capped');
  assert.equal(summary.severity, 'error');
  assert.equal(summary.offset, 2, 'at the first finding left out');
  assert.match(summary.message, /6 more findings/);
  assert.match(summary.message, /a 2, b 2, d 1, e 1/);
  assert.equal(new FindingCollector().summary(), undefined, 'nothing left out, no summary');
});
