/**
 * Finds the schema(s) that describe a JSON path, following local `$ref`s.
 * Used for did-you-mean suggestions and for hover on keys the JSON service cannot place.
 */
import { getSchema } from './schemaStore';

type Schema = Record<string, any>;
interface Located { schema: Schema; file: string }

function resolveRef(ref: string, file: string): Located | undefined {
  const [target, pointer = ''] = ref.split('#');
  const targetFile = target ? target.replace(/^\.\//, '') : file;
  let schema = getSchema(targetFile);
  for (const part of pointer.split('/').filter(Boolean)) {
    schema = schema?.[decodeURIComponent(part.replace(/~1/g, '/').replace(/~0/g, '~'))];
  }
  return schema ? { schema, file: targetFile } : undefined;
}

/** Expands `$ref`, `allOf`, `anyOf`, `oneOf` into the list of concrete alternatives. */
function expand(located: Located, depth = 0): Located[] {
  if (depth > 12) return [];
  const { schema, file } = located;
  const out: Located[] = [];
  if (typeof schema !== 'object' || schema === null) return out;
  if (typeof schema.$ref === 'string') {
    const target = resolveRef(schema.$ref, file);
    if (target) out.push(...expand(target, depth + 1));
  }
  out.push(located);
  for (const key of ['allOf', 'anyOf', 'oneOf']) {
    if (Array.isArray(schema[key])) for (const sub of schema[key]) out.push(...expand({ schema: sub, file }, depth + 1));
  }
  if (schema.then) out.push(...expand({ schema: schema.then, file }, depth + 1));
  if (schema.else) out.push(...expand({ schema: schema.else, file }, depth + 1));
  return out;
}

/** All schemas that may apply at the given path of a document of the given schema file. */
export function schemasAt(schemaFile: string, path: (string | number)[]): Located[] {
  const root = getSchema(schemaFile);
  if (!root) return [];
  let current: Located[] = expand({ schema: root, file: schemaFile });
  for (const segment of path) {
    const next: Located[] = [];
    for (const { schema, file } of current) {
      if (typeof segment === 'number') {
        if (schema.items && typeof schema.items === 'object') next.push(...expand({ schema: schema.items, file }));
        continue;
      }
      if (schema.properties?.[segment]) {
        next.push(...expand({ schema: schema.properties[segment], file }));
        continue;
      }
      let matchedPattern = false;
      for (const [pattern, sub] of Object.entries(schema.patternProperties ?? {})) {
        if (new RegExp(pattern).test(segment)) { next.push(...expand({ schema: sub as Schema, file })); matchedPattern = true; }
      }
      if (!matchedPattern && schema.additionalProperties && typeof schema.additionalProperties === 'object') {
        next.push(...expand({ schema: schema.additionalProperties, file }));
      }
    }
    current = next;
    if (!current.length) break;
  }
  return current;
}

/** Property names the schema documents for the object at `path`. */
export function knownPropertiesAt(schemaFile: string, path: (string | number)[]): string[] {
  const names = new Set<string>();
  for (const { schema } of schemasAt(schemaFile, path)) {
    for (const [key, sub] of Object.entries(schema.properties ?? {})) if (sub !== false) names.add(key);
  }
  return [...names];
}

/** The markdown description of the property at `path`, if any schema gives one. */
export function descriptionAt(schemaFile: string, path: (string | number)[]): string | undefined {
  for (const { schema } of schemasAt(schemaFile, path)) {
    const text = schema.markdownDescription ?? schema.description;
    if (typeof text === 'string') return text;
  }
  return undefined;
}
