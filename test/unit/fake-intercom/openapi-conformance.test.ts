// Conformance (spec §11): the fake's 200 responses validate against the vendored OpenAPI schema
// of the version requested (2.15 and 2.16), with an explicit allow-list for the known
// schema/example mismatches. Skips when ../shared is not beside the project.

import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import Ajv, { type ValidateFunction } from 'ajv';
import YAML from 'yaml';
import { SEED_US, startFakeIntercom, type FakeIntercom } from '../../fake-intercom/server.js';
import { call } from './helpers.js';

// The project root is three levels up from this file; ../shared sits beside it.
const ROOT = typeof __dirname === 'string' ? join(__dirname, '..', '..', '..') : process.cwd();
const SHARED = join(ROOT, '..', 'shared', 'intercom-openapi');
const present = existsSync(join(SHARED, '2.16', 'api.intercom.io.yaml'));

/**
 * Known mismatches between the published schema and real payloads, where the fake follows
 * reality: the attribute list wrapper of ticket types (research note §10), and leads without an
 * e-mail, whose email / email_domain are null although the schema does not mark them nullable.
 */
const ALLOWED = [/\/ticket_type_attributes\b/, /^\/data\/\d+\/email(_domain)?$/];

interface Spec {
  paths: Record<string, Record<string, { responses?: Record<string, { content?: Record<string, { schema?: unknown }> }> }>>;
  components: { schemas: Record<string, unknown> };
}

/** OpenAPI 3.0 → JSON Schema: `nullable` becomes a null type (or an anyOf with null); refs get a prefix. */
function toJsonSchema(node: unknown, refPrefix: string): unknown {
  if (Array.isArray(node)) return node.map((n) => toJsonSchema(n, refPrefix));
  if (!node || typeof node !== 'object') return node;
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(node)) {
    if (k === 'nullable' || k === 'example' || k === 'examples') continue;
    out[k] = k === '$ref' && typeof v === 'string' ? `${refPrefix}${v}` : toJsonSchema(v, refPrefix);
  }
  if ((node as { nullable?: unknown }).nullable !== true) return out;
  if (typeof out.type === 'string') {
    out.type = [out.type, 'null'];
    if (Array.isArray(out.enum)) out.enum = [...out.enum, null];
    return out;
  }
  return { anyOf: [out, { type: 'null' }] };
}

function loadValidators(version: string) {
  const doc = YAML.parse(readFileSync(join(SHARED, version, 'api.intercom.io.yaml'), 'utf8')) as Spec;
  const ajv = new Ajv({ strict: false, allErrors: true, validateFormats: false });
  ajv.addSchema({ $id: 'spec.json', components: toJsonSchema(doc.components, '') });
  const rewrite = (node: unknown) => toJsonSchema(node, 'spec.json');
  const cache = new Map<string, ValidateFunction>();
  return (method: string, template: string): ValidateFunction => {
    const norm = (p: string) => p.replace(/\{[^}]+\}/g, '{}');
    const key = `${method} ${norm(template)}`;
    const hit = cache.get(key);
    if (hit) return hit;
    const pathKey = Object.keys(doc.paths).find((p) => norm(p) === norm(template));
    assert.ok(pathKey, `${version} has no path ${template}`);
    const schema = doc.paths[pathKey][method.toLowerCase()]?.responses?.['200']?.content?.['application/json']?.schema;
    assert.ok(schema, `${version} has no 200 schema for ${method} ${template}`);
    const fn = ajv.compile(rewrite(schema) as object);
    cache.set(key, fn);
    return fn;
  };
}

describe('fake Intercom — responses conform to the vendored OpenAPI schemas', { skip: present ? false : 'shared/intercom-openapi not found beside the project' }, () => {
  let fake: FakeIntercom;
  before(async () => {
    fake = await startFakeIntercom({ clock: 'manual' });
  });
  after(() => fake.close());

  for (const version of ['2.15', '2.16']) {
    it(`version ${version}`, async () => {
      const validator = loadValidators(version);
      const contactId = (await call(fake, '/contacts?per_page=1', { version })).json.data[0].id;
      const checks: Array<[string, string, string, unknown?]> = [
        ['GET', '/me', '/me'],
        ['GET', '/admins', '/admins'],
        ['GET', '/admins/{id}', '/admins/1001003'],
        ['GET', '/teams', '/teams'],
        ['GET', '/teams/{id}', '/teams/5101'],
        ['GET', '/contacts', '/contacts?per_page=20'],
        ['GET', '/contacts/{id}', `/contacts/${contactId}`],
        ['POST', '/contacts/search', '/contacts/search', { query: { field: 'role', operator: '=', value: 'user' } }],
        ['GET', '/contacts/{id}/tags', `/contacts/${contactId}/tags`],
        ['GET', '/tags', '/tags'],
        ['GET', '/tags/{id}', '/tags/7001'],
        ['GET', '/data_attributes', '/data_attributes?model=contact'],
        ['GET', '/data_attributes', '/data_attributes?model=company'],
        ['GET', '/data_attributes', '/data_attributes'],
        ['GET', '/ticket_types', '/ticket_types'],
        ['GET', '/ticket_types/{id}', `/ticket_types/${SEED_US.accessRequestTypeId}`],
        ['GET', '/ticket_states', '/ticket_states'],
        ['GET', '/tickets/{id}', '/tickets/633'],
        ['POST', '/tickets/search', '/tickets/search', { query: { field: 'open', operator: '=', value: true } }],
        [
          'POST',
          '/tickets',
          '/tickets',
          { ticket_type_id: 41, contacts: [{ email: 'conformance@example.com' }], ticket_attributes: { _default_title_: 'x' } },
        ],
        ['POST', '/tickets/enqueue', '/tickets/enqueue', { ticket_type_id: 41, contacts: [{ email: 'c2@example.com' }], ticket_attributes: { _default_title_: 'x' } }],
        ['POST', '/contacts/{id}/archive', `/contacts/${contactId}/archive`, {}],
        ['DELETE', '/contacts/{id}', `/contacts/${contactId}`],
      ];
      const problems: string[] = [];
      for (const [method, template, path, body] of checks) {
        const res = await call(fake, path, { method, version, body });
        assert.equal(res.status, 200, `${method} ${path}: ${res.text.slice(0, 200)}`);
        const validate = validator(method, template);
        if (!validate(res.json)) {
          for (const e of validate.errors ?? []) {
            if (ALLOWED.some((re) => re.test(e.instancePath))) continue;
            problems.push(`${method} ${template} ${e.instancePath} ${e.message}`);
          }
        }
      }
      assert.deepEqual(problems, []);
    });
  }
});
