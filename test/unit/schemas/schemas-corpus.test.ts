/**
 * Regression test against real EIC exports (../shared/saviynt-corpus/connections/<App>/<Attribute>.json).
 * Real, working configurations must get no false errors: every schema failure must be one of the
 * REAL mistakes listed below (each documented in shared/reference/saviynt-common-mistakes.md or the
 * grammar), and every listed mistake must still be found (so the list cannot go stale).
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import Ajv, { type ErrorObject } from 'ajv';
import { findAttribute } from '../../../server/src/core/attributes';

const REPO = path.resolve(__dirname, '../../..');
const SCHEMA_DIR = path.join(REPO, 'schemas');
// SAVIYNT_CORPUS_DIR points elsewhere (or at nothing, to exercise the skip).
const CORPUS = process.env.SAVIYNT_CORPUS_DIR ?? path.resolve(REPO, '..', 'shared', 'saviynt-corpus', 'connections');

interface KnownMistake {
  /** Corpus folder names (apps) that carry this mistake in this attribute. */
  readonly apps: readonly string[];
  readonly attribute: string;
  /** instancePath of the failing value, plus `/<key>` for an unknown key. */
  readonly where: string;
  /** Ajv keywords that may report it (an anyOf miss also reports its branches). */
  readonly keywords: readonly string[];
  readonly reason: string;
}

const SPACE_URL = 'URL with a leading or trailing space (common mistakes 3.9); strict HTTP clients reject it.';

const KNOWN_MISTAKES: readonly KnownMistake[] = [
  // 2.1 — `page` must sit inside `pagination`; EIC ignores it elsewhere and imports one page only.
  { apps: ['Bonusly'], attribute: 'ImportAccountEntJSON', where: '/accountParams/page', keywords: ['additionalProperties'],
    reason: '`page` directly in accountParams instead of call.pagination.page (mistake 2.1).' },
  { apps: ['Cloudflare', 'FactSet', 'Thales'], attribute: 'ImportAccountEntJSON', where: '/accountParams/call/call1/page', keywords: ['additionalProperties'],
    reason: '`page` directly in the account call instead of pagination.page (mistake 2.1).' },
  { apps: ['FactSet', 'Thales'], attribute: 'ImportAccountEntJSON', where: '/entitlementParams/entTypes/Group/call/call1/page', keywords: ['additionalProperties'],
    reason: '`page` directly in the entitlement call instead of pagination.page (mistake 2.1).' },
  // Grammar §5.3 — pagination at the entitlement-type level instead of inside the call.
  { apps: ['LeanIX'], attribute: 'ImportAccountEntJSON', where: '/entitlementParams/entTypes/Permission/pagination', keywords: ['additionalProperties'],
    reason: '`pagination` placed on the entitlement type, not in its call (grammar 5.3: misplaced).' },
  // 2.2 — undocumented `active`/`status` lists instead of `activeStatus`: no active-status rule is applied.
  { apps: ['Bonusly', 'Bynder', 'Cloud_Foundry', 'FactSet', 'Fortify_Software', 'Jama_Software', 'Thales'], attribute: 'ImportAccountEntJSON',
    where: '/accountParams/statusAndThresholdConfig/active', keywords: ['additionalProperties'],
    reason: '`active` instead of `activeStatus` in statusAndThresholdConfig (mistake 2.2).' },
  { apps: ['Cloudflare', 'Digicert', 'GoTo_Meeting', 'Signal_Sciences', 'signalsciences'], attribute: 'ImportAccountEntJSON',
    where: '/accountParams/statusAndThresholdConfig/status', keywords: ['additionalProperties'],
    reason: '`status` instead of `activeStatus` in statusAndThresholdConfig (mistake 2.2).' },
  // 2.3 — mis-cased key, silently ignored: the call then has no success rule.
  { apps: ['LeanIX'], attribute: 'EnableAccountJSON', where: '/call/0/SuccessResponses', keywords: ['additionalProperties'],
    reason: '`SuccessResponses` with a capital S (mistake 2.3).' },
  { apps: ['LeanIX'], attribute: 'RemoveAccountJSON', where: '/call/0/SuccessResponses', keywords: ['additionalProperties'],
    reason: '`SuccessResponses` with a capital S (mistake 2.3).' },
  // 2.8 — an ImportUserJSON-shaped document saved as ImportAccountEntJSON.
  ...['connection', 'successResponses', 'url', 'httpMethod', 'httpHeaders', 'userResponsePath', 'colsToPropsMap', 'pagination'].map(key => ({
    apps: ['Rippling_HR'], attribute: 'ImportAccountEntJSON', where: `/${key}`, keywords: ['additionalProperties'],
    reason: 'ImportUserJSON content stored in ImportAccountEntJSON (mistake 2.8).',
  })),
  // 3.6 — lower-case HTTP method.
  { apps: ['Lessonly'], attribute: 'RemoveAccessJSON', where: '/call/0/httpMethod', keywords: ['anyOf', 'enum', 'pattern'],
    reason: '`put` in lower case (mistake 3.6).' },
  // 3.8 — header without a name: the token is not sent as Authorization.
  ...['AddAccessJSON', 'CreateAccountJSON', 'RemoveAccessJSON', 'RemoveAccountJSON', 'UpdateAccountJSON'].map(attribute => ({
    apps: ['Lessonly'], attribute, where: '/call/0/httpHeaders', keywords: ['propertyNames', 'pattern'],
    reason: 'empty header name `""` holding ${access_token} (mistake 3.8).',
  })),
  ...['/accountParams/call/call1', '/entitlementParams/entTypes/Group/call/call1', '/acctEntParams/entTypes/Group/call/call1'].map(call => ({
    apps: ['Lessonly'], attribute: 'ImportAccountEntJSON', where: `${call}/http/httpHeaders`, keywords: ['propertyNames', 'pattern'],
    reason: 'empty header name `""` holding ${access_token} (mistake 3.8).',
  })),
  // 3.9 — leading/trailing spaces in URLs.
  { apps: ['Collibra', 'FactSet', 'Qualtrics', 'Signal_Sciences', 'signalsciences', 'Thales'], attribute: 'AddAccessJSON', where: '/call/0/url', keywords: ['pattern'], reason: SPACE_URL },
  { apps: ['FactSet', 'Thales'], attribute: 'RemoveAccessJSON', where: '/call/0/url', keywords: ['pattern'], reason: SPACE_URL },
  { apps: ['Intercom'], attribute: 'CreateTicketJSON', where: '/call/0/url', keywords: ['pattern'], reason: SPACE_URL + ' (" https://api.intercom.io/tickets").' },
  { apps: ['LaunchDarkly'], attribute: 'ImportAccountEntJSON', where: '/entitlementParams/entTypes/Team/call/call1/http/url', keywords: ['pattern'], reason: SPACE_URL },
  { apps: ['LeanIX'], attribute: 'ImportAccountEntJSON', where: '/acctEntParams/entTypes/Permission/call/call1/http/url', keywords: ['pattern'], reason: SPACE_URL },
];

function newAjv(): Ajv {
  const ajv = new Ajv({ strict: true, allErrors: true, allowUnionTypes: true });
  for (const keyword of ['markdownDescription', 'enumDescriptions', 'markdownEnumDescriptions', 'defaultSnippets',
    'errorMessage', 'patternErrorMessage', 'deprecationMessage', 'doNotSuggest']) ajv.addKeyword(keyword);
  for (const f of fs.readdirSync(SCHEMA_DIR).filter(n => n.endsWith('.schema.json'))) {
    ajv.addSchema(JSON.parse(fs.readFileSync(path.join(SCHEMA_DIR, f), 'utf8')), f);
  }
  return ajv;
}

function schemaFor(attribute: string): string {
  const info = findAttribute(attribute);
  if (info?.schema) return info.schema;
  if (info?.grammar === 'templateVariables') return 'AOB_CONNECTION_TEMPLATE_VARIABLES.schema.json';
  return 'any.schema.json';
}

const whereOf = (e: ErrorObject): string =>
  e.keyword === 'additionalProperties' ? `${e.instancePath}/${String(e.params.additionalProperty)}` : e.instancePath;

interface Failure { app: string; attribute: string; where: string; keyword: string; message: string }

function validateCorpus(): { files: number; failures: Failure[] } {
  const ajv = newAjv();
  const failures: Failure[] = [];
  let files = 0;
  for (const app of fs.readdirSync(CORPUS).sort()) {
    const dir = path.join(CORPUS, app);
    if (!fs.statSync(dir).isDirectory()) continue;
    for (const file of fs.readdirSync(dir).filter(f => f.endsWith('.json')).sort()) {
      const attribute = file.slice(0, -'.json'.length);
      const validate = ajv.getSchema(schemaFor(attribute));
      assert.ok(validate, `no schema for ${attribute}`);
      // The exported values keep CRLF line breaks and tabs; JSON.parse accepts both as whitespace.
      const doc: unknown = JSON.parse(fs.readFileSync(path.join(dir, file), 'utf8'));
      files++;
      if (validate(doc)) continue;
      for (const e of validate.errors ?? []) {
        failures.push({ app, attribute, where: whereOf(e), keyword: e.keyword, message: e.message ?? '' });
      }
    }
  }
  return { files, failures };
}

const matches = (m: KnownMistake, f: Failure) =>
  m.apps.includes(f.app) && m.attribute === f.attribute && m.where === f.where && m.keywords.includes(f.keyword);

test('real EIC exports: every schema failure is a known, real mistake, and every known mistake is found', (t) => {
  if (!fs.existsSync(CORPUS)) {
    t.skip(`corpus not found at ${CORPUS} (../shared/saviynt-corpus is absent on this machine)`);
    return;
  }
  const { files, failures } = validateCorpus();
  assert.ok(files >= 100, `expected the full corpus, found ${files} files`);

  const unexpected = failures.filter(f => !KNOWN_MISTAKES.some(m => matches(m, f)));
  assert.deepEqual(unexpected.map(f => `${f.app}/${f.attribute}.json ${f.where}: ${f.keyword} ${f.message}`), [],
    'schema errors on real configurations that are not known mistakes (false errors?)');

  const missing: string[] = [];
  for (const m of KNOWN_MISTAKES) {
    for (const app of m.apps) {
      if (!failures.some(f => matches({ ...m, apps: [app] }, f))) missing.push(`${app}/${m.attribute}.json ${m.where} (${m.reason})`);
    }
  }
  assert.deepEqual(missing, [], 'known mistakes no longer flagged by the schemas');

  const flaggedFiles = new Set(failures.map(f => `${f.app}/${f.attribute}`));
  t.diagnostic(`${files} corpus files validated; ${flaggedFiles.size} carry known mistakes (${failures.length} schema errors)`);
});

test('the Intercom community package: only the leading space in the ticket URL is flagged', (t) => {
  if (!fs.existsSync(CORPUS)) {
    t.skip(`corpus not found at ${CORPUS}`);
    return;
  }
  const ajv = newAjv();
  const read = (a: string): unknown => JSON.parse(fs.readFileSync(path.join(CORPUS, 'Intercom', `${a}.json`), 'utf8'));
  const status = ajv.getSchema('TicketStatusJSON.schema.json')!;
  assert.equal(status(read('TicketStatusJSON')), true, JSON.stringify(status.errors));
  const create = ajv.getSchema('CreateTicketJSON.schema.json')!;
  assert.equal(create(read('CreateTicketJSON')), false);
  assert.deepEqual(create.errors!.map(e => `${e.instancePath} ${e.keyword}`), ['/call/0/url pattern']);
});
