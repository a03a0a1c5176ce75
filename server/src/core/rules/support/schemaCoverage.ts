/**
 * "Does the schema already report this?" — so that a rule does not repeat a type or
 * enum problem that schemaFindings turns into `wrong-type` / `invalid-value`.
 *
 * The schemas are data maintained separately; rules that check a value's type or
 * spelling ask here first and stay silent when the schema constrains that value and
 * rejects it. The probe comes with the rule context (an engine's `schemaProbe` option), so a
 * test can build an engine whose rules report as if no schema covered their values.
 */
import type { ASTNode } from '../../json/ast';
import { pathOf, toValue } from '../../json/ast';
import type { AttributeDocument } from '../../document';
import { schemasAt } from '../../schema/schemaNavigator';
import { getSchema } from '../../schema/schemaStore';

/** `kind: 'value'` asks about the value at `path`; `kind: 'key'` asks whether the object at `path` may have the key `value`. */
export type SchemaProbe = (doc: AttributeDocument, path: (string | number)[], value: unknown, kind: 'value' | 'key') => boolean;

type Schema = Record<string, any>;

function jsonType(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'array';
  return typeof value === 'number' ? (Number.isInteger(value) ? 'integer' : 'number') : typeof value;
}

function typeAccepts(type: unknown, value: unknown): boolean {
  const actual = jsonType(value);
  const types = Array.isArray(type) ? type : [type];
  return types.some(t => t === actual || (t === 'number' && actual === 'integer'));
}

function constrains(schema: Schema): boolean {
  return schema.type !== undefined || Array.isArray(schema.anyOf) || Array.isArray(schema.enum) || 'const' in schema || typeof schema.pattern === 'string';
}

function accepts(schema: Schema, value: unknown): boolean {
  if (schema.type !== undefined && !typeAccepts(schema.type, value)) return false;
  // anyOf: some branch must accept (a branch that is a reference is assumed to accept).
  if (Array.isArray(schema.anyOf) && !schema.anyOf.some((b: unknown) => typeof b !== 'object' || b === null || '$ref' in (b as Schema) || accepts(b as Schema, value))) return false;
  if (Array.isArray(schema.enum) && !schema.enum.some((v: unknown) => JSON.stringify(v) === JSON.stringify(value))) return false;
  if ('const' in schema && JSON.stringify(schema.const) !== JSON.stringify(value)) return false;
  if (typeof schema.pattern === 'string' && typeof value === 'string') {
    try { if (!new RegExp(schema.pattern, 'u').test(value)) return false; } catch { /* unusable pattern: ignore */ }
  }
  return true;
}

/** Default probe: the attribute's schema constrains the value at `path` and no alternative accepts it. */
export const defaultSchemaProbe: SchemaProbe = (doc, path, value, kind) => {
  const file = doc.attribute?.schema;
  if (!file || !getSchema(file)) return false;
  if (kind === 'key') {
    const key = String(value);
    const located = schemasAt(file, path).map(l => l.schema);
    const names = located.map(s => s.propertyNames).filter((s): s is Schema => !!s && typeof s === 'object');
    if (names.some(s => (typeof s.minLength === 'number' && key.length < s.minLength) || !accepts(s, key))) return true;
    // `"properties": {"<key>": false}` forbids the key explicitly ("Property … is not allowed").
    if (located.some(s => s.properties && s.properties[key] === false)) return true;
    // additionalProperties:false everywhere and the key is not declared: the schema reports it as unknown.
    const objects = located.filter(s => s.properties || s.patternProperties || 'additionalProperties' in s);
    return objects.length > 0 && objects.every(s => s.additionalProperties === false
      && !(s.properties && key in s.properties)
      && !Object.keys(s.patternProperties ?? {}).some(p => { try { return new RegExp(p, 'u').test(key); } catch { return false; } }));
  }
  const constrained = schemasAt(file, path).map(l => l.schema).filter(constrains);
  return constrained.length > 0 && constrained.every(s => !accepts(s, value));
};

/** What the coverage checks need of a rule's context: the document and the probe, if one was given. */
export interface ProbeContext {
  readonly doc: AttributeDocument;
  readonly schemaProbe?: SchemaProbe;
}

/** True when schema validation already reports this node's value as wrong. */
export function schemaRejects(ctx: ProbeContext, node: ASTNode): boolean {
  try {
    return (ctx.schemaProbe ?? defaultSchemaProbe)(ctx.doc, pathOf(node), toValue(node), 'value');
  } catch {
    return false;
  }
}

/** True when schema validation already reports `key` as a bad property name of this object. */
export function schemaRejectsKey(ctx: ProbeContext, objectNode: ASTNode, key: string): boolean {
  try {
    return (ctx.schemaProbe ?? defaultSchemaProbe)(ctx.doc, pathOf(objectNode), key, 'key');
  } catch {
    return false;
  }
}
