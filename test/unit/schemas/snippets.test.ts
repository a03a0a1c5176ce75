/**
 * Snippets: snippets/saviynt.code-snippets.json and every `defaultSnippets` entry of the schemas.
 * Each body is expanded the way VS Code does (placeholders take their default text, `\$` is a
 * literal dollar), must give valid JSON, and must validate against the schema it belongs to.
 * An unescaped `${access_token}` would be taken for a snippet variable: the expander rejects it.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import Ajv from 'ajv';
import { findAttribute } from '../../../server/src/core/attributes';

const REPO = path.resolve(__dirname, '../../..');
const SCHEMA_DIR = path.join(REPO, 'schemas');
const SNIPPET_FILE = path.join(REPO, 'snippets', 'saviynt.code-snippets.json');

const ajv = new Ajv({ strict: true, allErrors: true, allowUnionTypes: true });
for (const keyword of ['markdownDescription', 'enumDescriptions', 'markdownEnumDescriptions', 'defaultSnippets',
  'errorMessage', 'patternErrorMessage', 'deprecationMessage', 'doNotSuggest']) ajv.addKeyword(keyword);
const schemaFiles = fs.readdirSync(SCHEMA_DIR).filter(n => n.endsWith('.schema.json'));
for (const f of schemaFiles) ajv.addSchema(JSON.parse(fs.readFileSync(path.join(SCHEMA_DIR, f), 'utf8')), f);

/** Expands VS Code snippet syntax; returns the text and the default of each tab stop. */
function expandSnippet(text: string): { text: string; stops: Map<string, string[]> } {
  const stops = new Map<string, string[]>();
  const note = (n: string, v: string) => stops.set(n, [...(stops.get(n) ?? []), v]);
  let i = 0;
  const parse = (inPlaceholder: boolean): string => {
    let out = '';
    while (i < text.length) {
      const c = text[i];
      if (c === '\\') {
        const next = text[i + 1];
        if (next === '$' || next === '}' || next === '\\') { out += next; i += 2; } else { out += c; i++; }
        continue;
      }
      if (c === '}' && inPlaceholder) { i++; return out; }
      if (c !== '$') { out += c; i++; continue; }
      const rest = text.slice(i);
      let m: RegExpExecArray | null;
      if ((m = /^\$(\d+)/.exec(rest)) || (m = /^\$\{(\d+)\}/.exec(rest))) { note(m[1], ''); i += m[0].length; continue; }
      if ((m = /^\$\{(\d+):/.exec(rest))) { i += m[0].length; const v = parse(true); note(m[1], v); out += v; continue; }
      if ((m = /^\$\{(\d+)\|((?:\\.|[^|\\])*)\|\}/.exec(rest))) {
        const first = m[2].split(/(?<!\\),/)[0].replace(/\\(.)/g, '$1');
        note(m[1], first); out += first; i += m[0].length; continue;
      }
      if (/^\$\{?[A-Za-z_]/.test(rest)) throw new Error(`unescaped snippet variable at "${rest.slice(0, 30)}"`);
      out += c; i++;
    }
    if (inPlaceholder) throw new Error('unclosed placeholder');
    return out;
  };
  return { text: parse(false), stops };
}

/** What vscode-json-languageservice inserts for a defaultSnippets body (see its getInsertTextForSnippetValue). */
function insertTextForBody(value: unknown, indent = ''): string {
  if (value !== null && typeof value === 'object') {
    const inner = indent + '\t';
    if (Array.isArray(value)) {
      if (value.length === 0) return '[]';
      return '[\n' + value.map(v => inner + insertTextForBody(v, inner)).join(',\n') + '\n' + indent + ']';
    }
    const keys = Object.keys(value);
    if (keys.length === 0) return '{}';
    return '{\n' + keys.map(k => inner + JSON.stringify(k) + ': ' + insertTextForBody((value as Record<string, unknown>)[k], inner)).join(',\n') + '\n' + indent + '}';
  }
  if (typeof value === 'string' && value.startsWith('^')) return value.slice(1);
  return JSON.stringify(value);
}

function schemaFor(attribute: string): string {
  const info = findAttribute(attribute);
  if (info?.schema) return info.schema;
  if (info?.grammar === 'templateVariables') return 'AOB_CONNECTION_TEMPLATE_VARIABLES.schema.json';
  throw new Error(`snippet names unknown attribute ${attribute}`);
}

function validate(ref: string, doc: unknown): string[] {
  const v = ajv.getSchema(ref) ?? ajv.compile({ $ref: ref });
  return v(doc) ? [] : (v.errors ?? []).map(e => `${e.instancePath} ${e.message}`);
}

/** Every httpParams string that looks like JSON must parse once the ${...} bindings are masked. */
function checkEmbeddedBodies(doc: unknown, where: string): void {
  const visit = (v: unknown, key: string) => {
    if (Array.isArray(v)) v.forEach(x => visit(x, key));
    else if (v && typeof v === 'object') for (const [k, x] of Object.entries(v)) visit(x, k);
    else if (key === 'httpParams' && typeof v === 'string' && /^\s*[[{]/.test(v)) {
      const masked = v.replace(/\$\{[^}]*\}/g, 'x');
      assert.doesNotThrow(() => JSON.parse(masked), `${where}: httpParams is not valid JSON: ${v}`);
    }
  };
  visit(doc, '');
}

function sameDefaultPerStop(stops: Map<string, string[]>, where: string): void {
  for (const [n, defaults] of stops) {
    assert.equal(new Set(defaults).size, 1, `${where}: tab stop ${n} has different defaults ${JSON.stringify(defaults)} (VS Code would mirror them)`);
  }
}

interface FileSnippet { prefix: string; description: string; body: string[] }
const fileSnippets = JSON.parse(fs.readFileSync(SNIPPET_FILE, 'utf8')) as Record<string, FileSnippet>;

function expandedFileSnippet(name: string): unknown {
  const { text } = expandSnippet(fileSnippets[name].body.join('\n'));
  return JSON.parse(text);
}

test('the snippet file: unique eic- prefixes, descriptions, one skeleton per attribute kind', () => {
  const names = Object.keys(fileSnippets);
  const prefixes = names.map(n => fileSnippets[n].prefix);
  assert.equal(new Set(prefixes).size, prefixes.length, 'duplicate prefixes');
  for (const n of names) {
    assert.match(fileSnippets[n].prefix, /^eic-[a-z-]+$/, `${n}: prefix`);
    assert.ok(fileSnippets[n].description.length > 20, `${n}: description`);
    assert.ok(Array.isArray(fileSnippets[n].body), `${n}: body must be an array of lines`);
  }
  const covered = new Set(names.map(n => schemaFor(n.split(':')[0])));
  const kinds = schemaFiles.filter(f => f !== 'common.schema.json' && f !== 'any.schema.json');
  assert.deepEqual(kinds.filter(k => !covered.has(k)), [], 'attribute kinds without a snippet');
});

for (const name of Object.keys(fileSnippets)) {
  test(`snippet "${name}" expands to a valid ${name.split(':')[0]}`, () => {
    const { text, stops } = expandSnippet(fileSnippets[name].body.join('\n'));
    sameDefaultPerStop(stops, name);
    const doc: unknown = JSON.parse(text);
    assert.deepEqual(validate(schemaFor(name.split(':')[0]), doc), []);
    checkEmbeddedBodies(doc, name);
    assert.doesNotMatch(text, /Bearer [A-Za-z0-9_\-=]{20,}/, 'looks like a real token');
  });
}

test('Intercom ticket snippets follow API 2.12+ (ticket_state.category, default attributes, contact by email, pinned headers)', () => {
  type Call = { url: string; httpParams?: string; httpHeaders: Record<string, string>; ticketStatusPath?: string; ticketStatusValue?: string[]; ticketidPath?: string };
  const create = (expandedFileSnippet('CreateTicketJSON: create an Intercom ticket (API 2.15)') as { call: Call[] }).call[0];
  const status = (expandedFileSnippet('TicketStatusJSON: poll an Intercom ticket (API 2.15)') as { call: Call[] }).call[0];
  for (const c of [create, status]) {
    assert.equal(c.httpHeaders['Intercom-Version'], '2.15');
    assert.equal(c.httpHeaders.Accept, 'application/json');
    assert.equal(c.httpHeaders.Authorization, '${access_token}');
    assert.equal(c.url, c.url.trim());
  }
  assert.equal(status.ticketStatusPath, 'ticket_state.category');
  assert.deepEqual(status.ticketStatusValue, ['resolved']);
  assert.equal(status.url, 'https://api.intercom.io/tickets/${ticketID}');
  assert.equal(create.ticketidPath, 'id');
  const body = JSON.parse(create.httpParams!) as { contacts: Array<Record<string, string>>; ticket_attributes: Record<string, string> };
  assert.deepEqual(Object.keys(body.contacts[0]), ['email']);
  assert.equal(body.contacts.length, 1);
  assert.ok('_default_title_' in body.ticket_attributes && '_default_description_' in body.ticket_attributes);
  assert.ok(!('title' in body.ticket_attributes));
});

test('the ConnectionJSON snippet keeps the token a placeholder', () => {
  const { text, stops } = expandSnippet(fileSnippets['ConnectionJSON: Intercom access token'].body.join('\n'));
  const auth = (JSON.parse(text) as { authentications: Record<string, Record<string, unknown>> }).authentications.acctAuth;
  assert.equal(auth.authType, 'oauth2');
  assert.equal(auth.tokenType, 'Bearer');
  assert.match(String(auth.accessToken), /^Bearer <[^>]+>$/);
  assert.ok([...stops.values()].some(d => d.some(v => v.includes('never here'))));
});

test('the contacts import pages with the Intercom cursor and stops on null', () => {
  const doc = expandedFileSnippet('ImportAccountEntJSON: Intercom contacts and tags') as {
    accountParams: { call: { call1: { pagination: { nextUrl: { nextUrlPath: string } } } } };
  };
  const p = doc.accountParams.call.call1.pagination.nextUrl.nextUrlPath;
  assert.match(p, /^\$\{.*pages\?\.next\?\.starting_after == null \? null : /);
  assert.match(p, /replace\('\+', '%2B'\)/, 'the cursor must be URL-encoded');
});

/** Collects [file, JSON pointer of the holder, snippet] for every defaultSnippets entry. */
function collectDefaultSnippets(): Array<[string, string, { label: string; body?: unknown }]> {
  const found: Array<[string, string, { label: string; body?: unknown }]> = [];
  const walk = (file: string, node: unknown, ptr: string) => {
    if (!node || typeof node !== 'object' || Array.isArray(node)) return;
    for (const [k, v] of Object.entries(node)) {
      if (k === 'defaultSnippets' && Array.isArray(v)) for (const s of v) found.push([file, ptr, s]);
      else if (v && typeof v === 'object') {
        if (Array.isArray(v)) v.forEach((x, i) => walk(file, x, `${ptr}/${k}/${i}`));
        else walk(file, v, `${ptr}/${k.replace(/~/g, '~0').replace(/\//g, '~1')}`);
      }
    }
  };
  for (const f of schemaFiles) walk(f, JSON.parse(fs.readFileSync(path.join(SCHEMA_DIR, f), 'utf8')), '');
  return found;
}

test('schema defaultSnippets exist for calls, auth blocks, paging, thresholds and mappings', () => {
  const where = new Set(collectDefaultSnippets().map(([f, p]) => `${f}#${p}`));
  for (const required of ['common.schema.json#/definitions/authConfig', 'common.schema.json#/definitions/pagination',
    'common.schema.json#/definitions/statusAndThresholdConfig', 'common.schema.json#/definitions/accountColsToPropsMap',
    'common.schema.json#/definitions/provisioningCall', 'common.schema.json#/definitions/accountImportCall',
    'ConnectionJSON.schema.json#/properties/authentications']) {
    assert.ok(where.has(required), `no defaultSnippets at ${required}`);
  }
});

for (const [file, ptr, snippet] of collectDefaultSnippets()) {
  test(`defaultSnippet "${snippet.label}" (${file}#${ptr}) inserts valid JSON for its schema`, () => {
    assert.ok(snippet.body !== undefined, 'body missing');
    const { text, stops } = expandSnippet(insertTextForBody(snippet.body));
    sameDefaultPerStop(stops, snippet.label);
    const doc: unknown = JSON.parse(text);
    assert.deepEqual(validate(`${file}#${ptr}`, doc), []);
    checkEmbeddedBodies(doc, snippet.label);
  });
}
