/**
 * Every diagnostic message starts with its code's verdict (server/src/core/verdicts.ts), so the
 * Problems panel's first words say what is wrong. Checked on the examples, on the public corpus
 * (when present) and on seeded documents that together produce every code of the README's
 * diagnostics reference (test/fixtures/verdicts/seeds.json: small documents of the unit tests,
 * each with its connection, settings or workspace snapshot).
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { analyze } from '../../support/engine';
import { AttributeDocument } from '../../../server/src/core/document';
import { StaticConnection } from '../../../server/src/core/connection';
import { liveFindings } from '../../../server/src/core/intercom/live/liveFindings';
import type { WorkspaceSnapshot } from '../../../server/src/core/intercom/live/snapshot';
import type { AnalysisSettings, Finding } from '../../../server/src/core/types';
import { VERDICTS, startsWithVerdict } from '../../../server/src/core/verdicts';
import { unreadableMessage } from '../../../server/src/cli/check';
import { runRules } from '../rules/helpers';
import { REPO_ROOT } from '../../support/corpus';

const CORPUS = path.resolve(REPO_ROOT, '../shared/saviynt-corpus');

/** Codes no document can produce, each with the reason (and where its message is checked instead). */
const NOT_SEEDABLE: Record<string, string> = {
  'deprecated': 'no schema marks a key deprecated yet; the message is the schema\'s deprecation text after the verdict',
  'file-unreadable': 'a command-line finding about a file that cannot be read (checked below through unreadableMessage)',
};

interface SeedDoc { uri: string; text: string; attributeName?: string }
interface Seed extends SeedDoc {
  kind: 'analyze' | 'live';
  /** `rules`: the rules alone (without the schema pass, which reports these values first). */
  mode?: 'rules';
  docKind?: string;
  settings?: AnalysisSettings;
  connectionName?: string;
  siblings?: SeedDoc[];
  snapshot?: WorkspaceSnapshot;
}

function referenceCodes(): string[] {
  const readme = readFileSync(path.join(REPO_ROOT, 'README.md'), 'utf8');
  const reference = readme.slice(readme.indexOf('## Diagnostics reference'), readme.indexOf('\n## ', readme.indexOf('## Diagnostics reference') + 5));
  return [...reference.matchAll(/^\| `([a-z0-9-]+)` \|/gm)].map(m => m[1]);
}

async function seedFindings(): Promise<Finding[]> {
  const seeds = JSON.parse(readFileSync(path.join(REPO_ROOT, 'test/fixtures/verdicts/seeds.json'), 'utf8')) as Seed[];
  const out: Finding[] = [];
  for (const s of seeds) {
    const doc = s.docKind === 'export' ? AttributeDocument.fromFile(s.uri, s.text, 0) : AttributeDocument.fromFile(s.uri, s.text, 0, s.attributeName);
    const siblings = (s.siblings ?? []).map(d => AttributeDocument.fromFile(d.uri, d.text, 0, d.attributeName));
    if (s.kind === 'live') out.push(...liveFindings(doc, s.snapshot!, s.settings));
    else if (s.mode === 'rules') out.push(...runRules(doc, siblings));
    else out.push(...await analyze(doc, { settings: s.settings, connection: s.connectionName !== undefined ? new StaticConnection(s.connectionName, [doc, ...siblings]) : undefined }));
  }
  return out;
}

/** `check --format json` on folders, from the sources (exit 1 means "errors found"). */
function check(folders: string[]): Finding[] {
  let stdout: string;
  try {
    stdout = execFileSync(process.execPath, ['--import', 'tsx', path.join(REPO_ROOT, 'server/src/cli.ts'), 'check', '--format', 'json', ...folders],
      { cwd: REPO_ROOT, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  } catch (err: any) {
    if (err.status !== 1) throw err;
    stdout = err.stdout;
  }
  return JSON.parse(stdout);
}

function withoutVerdict(findings: Pick<Finding, 'code' | 'message'>[]): string[] {
  const wrong = new Map<string, string>();
  for (const f of findings) if (!startsWithVerdict(f.code, f.message) && !wrong.has(f.code)) wrong.set(f.code, `${f.code}: ${f.message}`);
  return [...wrong.values()];
}

test('every code of the diagnostics reference has a verdict, and the catalog has no other code', () => {
  const codes = referenceCodes();
  assert.ok(codes.length > 100, `found ${codes.length} codes in the reference`);
  assert.deepEqual(codes.filter(c => !VERDICTS[c]?.length), [], 'codes without a verdict');
  assert.deepEqual(Object.keys(VERDICTS).filter(c => !codes.includes(c)), [], 'verdicts of codes the reference does not list');
  for (const [code, verdicts] of Object.entries(VERDICTS)) {
    for (const v of verdicts) assert.match(v, /^[A-Z`#$]|^processingType|^successResponses/, `${code}: a verdict starts like a sentence: ${v}`);
  }
});

test('the seeded documents produce every code of the reference, each message after its verdict', async () => {
  const findings = await seedFindings();
  const produced = new Set(findings.map(f => f.code));
  assert.deepEqual(referenceCodes().filter(c => !produced.has(c) && !NOT_SEEDABLE[c]), [], 'codes no seed produces');
  assert.deepEqual(withoutVerdict(findings), [], 'messages that do not start with their verdict');
});

test('the command line\'s unreadable-file message starts with its verdict', () => {
  const message = unreadableMessage('is a named pipe');
  assert.ok(startsWithVerdict('file-unreadable', message), message);
});

test('the examples\' and the corpus\'s messages start with their verdicts', () => {
  const folders = [path.join(REPO_ROOT, 'examples')];
  if (existsSync(CORPUS)) folders.push(path.join(CORPUS, 'connections'), path.join(CORPUS, 'exports'));
  const findings = check(folders);
  if (existsSync(CORPUS)) assert.ok(findings.length > 100, 'the corpus has real mistakes: the check did not run');
  assert.deepEqual(withoutVerdict(findings), [], 'messages that do not start with their verdict');
});
