/**
 * The JSON schemas in schemas/: they compile under Ajv strict mode (with the
 * VS Code annotation keywords declared), reference only local files, carry
 * hover text for every property, and are shaped so that vscode-json-languageservice
 * (which copies a $ref target's keys over the referencing node) keeps our annotations.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import Ajv from 'ajv';
import { ATTRIBUTES } from '../../../server/src/core/attributes';

const SCHEMA_DIR = path.resolve(__dirname, '../../../schemas');

type Json = null | boolean | number | string | Json[] | { [k: string]: Json };
type JsonObject = { [k: string]: Json };

const VSCODE_KEYWORDS: Record<string, 'string' | 'array' | 'boolean'> = {
  markdownDescription: 'string',
  enumDescriptions: 'array',
  markdownEnumDescriptions: 'array',
  defaultSnippets: 'array',
  errorMessage: 'string',
  patternErrorMessage: 'string',
  deprecationMessage: 'string',
  doNotSuggest: 'boolean',
};

function schemaFiles(): string[] {
  return fs.readdirSync(SCHEMA_DIR).filter(f => f.endsWith('.schema.json')).sort();
}

function readSchemas(): Map<string, JsonObject> {
  const m = new Map<string, JsonObject>();
  for (const f of schemaFiles()) m.set(f, JSON.parse(fs.readFileSync(path.join(SCHEMA_DIR, f), 'utf8')) as JsonObject);
  return m;
}

function newAjv(): Ajv {
  const ajv = new Ajv({ strict: true, allErrors: true, allowUnionTypes: true });
  for (const [keyword, schemaType] of Object.entries(VSCODE_KEYWORDS)) ajv.addKeyword({ keyword, schemaType });
  for (const [f, s] of readSchemas()) ajv.addSchema(s, f);
  return ajv;
}

const isObj = (v: Json | undefined): v is JsonObject => !!v && typeof v === 'object' && !Array.isArray(v);

/** Visits every schema node (not annotation payloads such as defaultSnippets bodies). */
function walkSchema(node: Json, ptr: string, visit: (n: JsonObject, ptr: string) => void): void {
  if (!isObj(node)) return;
  visit(node, ptr);
  for (const key of ['properties', 'patternProperties', 'definitions']) {
    const map = node[key];
    if (isObj(map)) for (const [k, v] of Object.entries(map)) walkSchema(v, `${ptr}/${key}/${k}`, visit);
  }
  for (const key of ['items', 'additionalProperties', 'propertyNames', 'not']) {
    if (isObj(node[key])) walkSchema(node[key] as Json, `${ptr}/${key}`, visit);
  }
  for (const key of ['anyOf', 'allOf', 'oneOf']) {
    const list = node[key];
    if (Array.isArray(list)) list.forEach((v, i) => walkSchema(v, `${ptr}/${key}/${i}`, visit));
  }
}

function resolveRef(schemas: Map<string, JsonObject>, from: string, ref: string): JsonObject {
  const [file, pointer = ''] = ref.split('#');
  const doc = schemas.get(file || from);
  assert.ok(doc, `${from}: $ref ${ref} names a file that does not exist`);
  let cur: Json = doc;
  for (const part of pointer.split('/').filter(Boolean)) {
    assert.ok(isObj(cur), `${from}: $ref ${ref} does not resolve`);
    cur = cur[part.replace(/~1/g, '/').replace(/~0/g, '~')];
  }
  assert.ok(isObj(cur), `${from}: $ref ${ref} does not resolve to a schema object`);
  return cur;
}

test('the schema set matches the attribute catalog', () => {
  const files = new Set(schemaFiles());
  const expected = new Set(ATTRIBUTES.map(a => a.schema).filter((s): s is string => !!s));
  expected.add('AOB_CONNECTION_TEMPLATE_VARIABLES.schema.json');
  expected.add('any.schema.json');
  expected.add('common.schema.json');
  assert.deepEqual([...files].sort(), [...expected].sort());
});

test('every schema compiles in Ajv strict mode with the VS Code keywords', () => {
  const ajv = newAjv();
  for (const f of schemaFiles()) {
    const v = ajv.getSchema(f);
    assert.ok(v, `${f} did not compile`);
  }
});

test('schemas are draft-07, id-free and only use local relative $refs', () => {
  for (const [f, s] of readSchemas()) {
    assert.equal(s.$schema, 'http://json-schema.org/draft-07/schema#', `${f}: $schema`);
    assert.equal(s.$id, undefined, `${f} must not set $id`);
    const text = JSON.stringify(s);
    for (const m of text.matchAll(/"\$ref":"([^"]*)"/g)) {
      assert.match(m[1], /^([A-Za-z0-9_]+\.schema\.json)?#\/definitions\/[A-Za-z0-9_]+$/, `${f}: non-local $ref ${m[1]}`);
      resolveRef(readSchemas(), f, m[1]);
    }
  }
});

test('a $ref never carries a sibling key that its target also defines (vscode would overwrite it)', () => {
  const schemas = readSchemas();
  for (const [f, s] of schemas) {
    walkSchema(s, f + '#', (node, ptr) => {
      if (typeof node.$ref !== 'string') return;
      const target = resolveRef(schemas, f, node.$ref);
      for (const key of Object.keys(node)) {
        if (key === '$ref') continue;
        assert.ok(!(key in target), `${ptr}: sibling "${key}" of $ref ${node.$ref} would be lost in VS Code`);
      }
    });
  }
});

test('every property, and every root, has hover text (markdownDescription), directly or through its $ref', () => {
  const schemas = readSchemas();
  const describe = (f: string, node: JsonObject): string | undefined => {
    if (typeof node.markdownDescription === 'string') return node.markdownDescription;
    if (typeof node.$ref === 'string') return describe(f, resolveRef(schemas, f, node.$ref));
    return undefined;
  };
  let checked = 0;
  for (const [f, s] of schemas) {
    if (f !== 'common.schema.json') assert.ok(describe(f, s), `${f}: root has no markdownDescription`);
    walkSchema(s, f + '#', (node, ptr) => {
      for (const key of ['properties', 'patternProperties']) {
        const map = node[key];
        if (!isObj(map)) continue;
        for (const [name, sub] of Object.entries(map)) {
          if (sub === false) continue; // a key that is forbidden on purpose
          assert.ok(isObj(sub), `${ptr}/${key}/${name} is not a schema object`);
          const text = describe(f, sub);
          assert.ok(text && text.length >= 15, `${ptr}/${key}/${name} has no hover text`);
          checked++;
        }
      }
    });
  }
  assert.ok(checked > 200, `only ${checked} properties found`);
});

test('every enum has plain and markdown descriptions of the same length', () => {
  for (const [f, s] of readSchemas()) {
    walkSchema(s, f + '#', (node, ptr) => {
      if (!Array.isArray(node.enum)) return;
      for (const key of ['enumDescriptions', 'markdownEnumDescriptions']) {
        const d = node[key];
        assert.ok(Array.isArray(d) && d.length === node.enum.length, `${ptr}: ${key} must match the enum`);
      }
    });
  }
});

test('no oneOf anywhere (it produces "matches multiple schemas" errors)', () => {
  for (const [f, s] of readSchemas()) assert.ok(!JSON.stringify(s).includes('"oneOf"'), `${f} uses oneOf`);
});

test('documented objects are closed: every object schema with properties sets additionalProperties', () => {
  const open = new Set([
    // Partly documented objects that stay open on purpose.
    'ImportAccountEntJSON.schema.json#/properties/globalSettings',
    'ImportAccountEntJSON.schema.json#/properties/globalSettingParams',
    'common.schema.json#/definitions/accountImportCall/properties/inputParams',
    'common.schema.json#/definitions/entitlementImportCall/properties/inputParams',
    'common.schema.json#/definitions/accessCall/properties/privilegeEntitlement',
    'common.schema.json#/definitions/responseCheck',
  ]);
  for (const [f, s] of readSchemas()) {
    walkSchema(s, f + '#', (node, ptr) => {
      if (!isObj(node.properties) || open.has(ptr)) return;
      assert.notEqual(node.additionalProperties, undefined, `${ptr} has properties but no additionalProperties`);
    });
  }
});

test('every root accepts a $schema string property', () => {
  const ajv = newAjv();
  for (const f of schemaFiles()) {
    if (f === 'common.schema.json') continue;
    const v = ajv.getSchema(f)!;
    v({ $schema: `./${f}` });
    const complaints = (v.errors ?? []).filter(e =>
      e.instancePath === '/$schema' || (e.keyword === 'additionalProperties' && e.params.additionalProperty === '$schema'));
    assert.deepEqual(complaints, [], `${f} rejects $schema`);
    if (f !== 'any.schema.json') assert.equal(v({ $schema: 42 }), false, `${f} should want a string in $schema`);
  }
});

test('the root of any.schema.json accepts any JSON and says why', () => {
  const ajv = newAjv();
  const v = ajv.getSchema('any.schema.json')!;
  for (const doc of [{}, { anything: [1, 2] }, [], 'text', 3, null]) assert.equal(v(doc), true);
  const md = String(readSchemas().get('any.schema.json')!.markdownDescription);
  assert.match(md, /no public grammar/i);
  assert.match(md, /does not validate/i);
  assert.match(md, /JSON syntax/i);
});
