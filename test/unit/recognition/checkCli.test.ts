/**
 * `check` on files whose names do not say what they are (issue 14, item 1): the community export
 * as published (Intercom.json) is checked like Connection_Intercom.json; an attribute saved under
 * another name is checked; a file that is neither is reported, with exit code 2, never "No findings.".
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { copyFileSync, mkdirSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { run } from '../../../server/src/cli/check';
import type { CliIO } from '../../../server/src/cli/io';
import { CORPUS_EXPORTS, HAS_CORPUS, NO_CORPUS_REASON, tempDir } from '../transport/helpers';

async function check(cwd: string, ...args: string[]): Promise<{ code: number; out: string[]; err: string[] }> {
  const out: string[] = [];
  const err: string[] = [];
  const io: CliIO = { out: t => out.push(t), err: t => err.push(t), cwd };
  const code = await run(args, io);
  return { code, out, err };
}

test('check Intercom.json (the export as published) gives the findings of Connection_Intercom.json', { skip: !HAS_CORPUS && NO_CORPUS_REASON }, async t => {
  const dir = tempDir(t, 'check-recognition-');
  copyFileSync(path.join(CORPUS_EXPORTS, 'Intercom.json'), path.join(dir, 'Intercom.json'));
  copyFileSync(path.join(CORPUS_EXPORTS, 'Intercom.json'), path.join(dir, 'Connection_Intercom.json'));
  const plain = await check(dir, 'Intercom.json');
  const named = await check(dir, 'Connection_Intercom.json');
  assert.equal(plain.code, 1, 'errors were found');
  assert.ok(plain.out.length >= 10, `findings: ${plain.out.length}`);
  assert.deepEqual(plain.out, named.out.map(l => l.replace(/^Connection_Intercom\.json/, 'Intercom.json')));
  assert.match(plain.err.at(-1)!, /^2 error\(s\), 8 warning\(s\)/);
  // The stable line format.
  for (const line of plain.out) assert.match(line, /^Intercom\.json:\d+:\d+: (error|warning|information|hint) \[[a-z0-9-]+\] /);
});

test('a folder walk finds an export by its content, and leaves other JSON alone', { skip: !HAS_CORPUS && NO_CORPUS_REASON }, async t => {
  const dir = tempDir(t, 'check-walk-');
  mkdirSync(path.join(dir, 'exports'));
  copyFileSync(path.join(CORPUS_EXPORTS, 'Intercom.json'), path.join(dir, 'exports', 'Intercom.json'));
  writeFileSync(path.join(dir, 'package.json'), '{"name": "x", "version": "1.0.0"}');
  const result = await check(dir, '.', '--format', 'json');
  assert.equal(result.code, 1);
  const findings = JSON.parse(result.out.join('\n')) as { file: string }[];
  assert.ok(findings.length > 0);
  assert.deepEqual([...new Set(findings.map(f => f.file))], [path.join('.', 'exports', 'Intercom.json')]);
  assert.deepEqual(result.err, [], 'package.json in a folder walk is simply not a connection file');
});

test('an attribute saved under another name is checked as that attribute', async t => {
  const dir = tempDir(t, 'check-attr-');
  writeFileSync(path.join(dir, 'my-import.json'), '{\n  "accountParams": {\n    "connection": "acctAuth",\n    "processingType": "SequentialAndIterative",\n    "call": {\n      "call1": {}\n    }\n  }\n}\n');
  const result = await check(dir, 'my-import.json');
  assert.equal(result.code, 1);
  assert.ok(result.out.some(l => l.includes('[missing-key]') && l.includes('callOrder')), result.out.join('\n'));
});

test('a file that is neither an attribute nor an export is reported, not called clean', async t => {
  const dir = tempDir(t, 'check-neither-');
  writeFileSync(path.join(dir, 'package.json'), '{"name": "x", "version": "1.0.0"}');
  writeFileSync(path.join(dir, 'calls.json'), '{"call": [{"name": "call1", "url": "https://api.intercom.io/admins"}]}');
  writeFileSync(path.join(dir, 'ConnectionJSON.json'), '{"authentications": {"acctAuth": {"authType": "oauth2"}}}');
  const neither = await check(dir, 'package.json');
  assert.equal(neither.code, 2);
  assert.deepEqual(neither.out, []);
  assert.ok(!neither.err.some(l => /No findings/.test(l)), neither.err.join('\n'));
  assert.match(neither.err[0], /^package\.json: not checked: it is neither a connection attribute nor an EIC export/);
  assert.match(neither.err.at(-1)!, /^Nothing was checked/);
  const callList = await check(dir, 'calls.json');
  assert.equal(callList.code, 2);
  assert.match(callList.err[0], /^calls\.json: not checked: it holds a call list\b.*Name it after its attribute/);
  const mixed = await check(dir, 'ConnectionJSON.json', 'package.json', '--format', 'json');
  assert.equal(mixed.code, 2);
  assert.ok(Array.isArray(JSON.parse(mixed.out.join('\n'))), 'stdout stays a JSON array');
  assert.ok(mixed.err.some(l => l.startsWith('package.json: not checked')));
});
