/**
 * A fast proof that a parsed document satisfies its schema, so that the full schema validation
 * of vscode-json-languageservice (the slowest single step of an analysis) can be skipped for it.
 *
 * The proof is sound, not complete: `provesValid` answers true only when the JSON service's own
 * validation would report nothing for the document, and false whenever it cannot tell (a problem,
 * a schema keyword it does not model, a syntax error). A false answer costs nothing but time:
 * the caller then runs the service's validation exactly as before, so findings never change.
 *
 * It mirrors the service's semantics (jsonParser.ts `validate`), not the JSON Schema spec where the
 * two differ: `integer` is a number token without a decimal point, `patternProperties` apply only to
 * keys that `properties` does not name, and patterns are compiled the service's way (`(?i)` prefix,
 * `u` flag when possible). Where being exact would cost time it is stricter instead: every value of
 * a repeated key is checked (the service checks the last one).
 *
 * Each schema is compiled once into a tree of small check functions; `$ref`s to local definitions
 * and to other bundled schema files are followed (recursion included).
 */
import type { ASTNode, ObjectASTNode } from '../json/ast';
import { getSchema } from './schemaStore';

type Check = (node: ASTNode) => boolean;

/** Keywords that never change validity (annotations, editor hints, containers read elsewhere). */
const ANNOTATIONS = new Set([
  '$schema', '$id', 'id', '$comment', 'title', 'description', 'markdownDescription', 'default', 'examples',
  'defaultSnippets', 'enumDescriptions', 'markdownEnumDescriptions', 'doNotSuggest', 'suggestSortText',
  'errorMessage', 'patternErrorMessage', 'definitions',
]);

/** Keywords modelled below. Any other keyword makes a schema unprovable (see `compile`). */
const MODELLED = new Set([
  '$ref', 'type', 'properties', 'patternProperties', 'additionalProperties', 'required', 'propertyNames',
  'minProperties', 'maxProperties', 'items', 'minItems', 'maxItems', 'enum', 'const', 'pattern',
  'minLength', 'maxLength', 'minimum', 'maximum', 'exclusiveMinimum', 'exclusiveMaximum', 'anyOf', 'allOf',
]);

class Unprovable extends Error {}

const compiledFiles = new Map<string, Check | null>();

/** True only if the service's schema validation of `root` against `schemaFile` reports nothing. */
export function provesValid(root: ASTNode | undefined, schemaFile: string): boolean {
  if (!root) return false;
  const check = compiled(schemaFile);
  if (check === null) return false;
  try {
    return check(root);
  } catch {
    return false; // whatever went wrong (a very deep document …), the service's own validation decides
  }
}

/** Whether the schema uses only modelled keywords, so that documents can be proven valid against it. */
export function isProvable(schemaFile: string): boolean {
  return compiled(schemaFile) !== null;
}

function compiled(schemaFile: string): Check | null {
  let check = compiledFiles.get(schemaFile);
  if (check === undefined) {
    try {
      check = new Compiler().file(schemaFile);
    } catch (error) {
      if (!(error instanceof Unprovable)) throw error;
      check = null;
    }
    compiledFiles.set(schemaFile, check);
  }
  return check;
}

class Compiler {
  /** Compiled checks by schema object, so shared definitions compile once and recursion ends. */
  private readonly bySchema = new Map<unknown, Check>();

  file(file: string): Check {
    const schema = getSchema(file);
    if (schema === undefined) throw new Unprovable(file);
    return this.schema(schema, file);
  }

  private schema(schema: unknown, file: string): Check {
    if (schema === true) return () => true;
    if (schema === false) return () => false;
    if (!schema || typeof schema !== 'object' || Array.isArray(schema)) throw new Unprovable('not a schema');
    const known = this.bySchema.get(schema);
    if (known) return known;
    // A forward slot first, so that a recursive $ref finds it while this schema compiles.
    let compiled: Check = () => { throw new Unprovable('used before compiled'); };
    this.bySchema.set(schema, node => compiled(node));
    compiled = this.build(schema as Record<string, unknown>, file);
    return this.bySchema.get(schema)!;
  }

  private build(s: Record<string, unknown>, file: string): Check {
    for (const key of Object.keys(s)) {
      if (!ANNOTATIONS.has(key) && !MODELLED.has(key)) throw new Unprovable(key);
    }
    const checks: Check[] = [];
    if (s.$ref !== undefined) checks.push(this.ref(s.$ref, file));
    if (s.type !== undefined) checks.push(typeCheck(s.type));
    if (s.enum !== undefined) checks.push(enumCheck(s.enum));
    if (s.const !== undefined) checks.push(enumCheck([s.const]));
    // Plain loops in the checks below: they run for every node, and a closure per call would allocate.
    if (Array.isArray(s.anyOf)) {
      const alternatives = s.anyOf.map(a => this.schema(a, file));
      checks.push(node => {
        for (const check of alternatives) if (check(node)) return true;
        return false;
      });
    } else if (s.anyOf !== undefined) throw new Unprovable('anyOf');
    if (Array.isArray(s.allOf)) {
      const all = s.allOf.map(a => this.schema(a, file));
      checks.push(node => {
        for (const check of all) if (!check(node)) return false;
        return true;
      });
    } else if (s.allOf !== undefined) throw new Unprovable('allOf');
    const object = this.objectCheck(s, file);
    if (object) checks.push(node => node.type !== 'object' || object(node));
    const array = this.arrayCheck(s, file);
    if (array) checks.push(node => node.type !== 'array' || array(node));
    const string = stringCheck(s);
    if (string) checks.push(node => node.type !== 'string' || string(node.value));
    const number = numberCheck(s);
    if (number) checks.push(node => node.type !== 'number' || number(node.value));
    if (checks.length === 0) return () => true;
    if (checks.length === 1) return checks[0];
    return node => {
      for (const check of checks) if (!check(node)) return false;
      return true;
    };
  }

  private ref(ref: unknown, file: string): Check {
    if (typeof ref !== 'string') throw new Unprovable('$ref');
    const hash = ref.indexOf('#');
    const target = hash < 0 ? ref : ref.slice(0, hash);
    const pointer = hash < 0 ? '' : ref.slice(hash + 1);
    const targetFile = target === '' ? file : target;
    if (!/^[\w.-]+\.schema\.json$/.test(targetFile)) throw new Unprovable(ref);
    let node: unknown = getSchema(targetFile);
    if (pointer !== '') {
      if (!pointer.startsWith('/')) throw new Unprovable(ref);
      for (const raw of pointer.slice(1).split('/')) {
        const part = raw.replace(/~1/g, '/').replace(/~0/g, '~');
        node = node && typeof node === 'object' ? (node as Record<string, unknown>)[part] : undefined;
      }
    }
    if (node === undefined) throw new Unprovable(ref);
    return this.schema(node, targetFile);
  }

  private objectCheck(s: Record<string, unknown>, file: string): ((node: ObjectASTNode) => boolean) | undefined {
    const required = s.required === undefined ? [] : stringList(s.required, 'required');
    const properties = new Map<string, Check>();
    if (s.properties !== undefined) {
      for (const [key, sub] of Object.entries(record(s.properties, 'properties'))) properties.set(key, this.schema(sub, file));
    }
    const patterns: [RegExp, Check][] = [];
    if (s.patternProperties !== undefined) {
      for (const [pattern, sub] of Object.entries(record(s.patternProperties, 'patternProperties'))) patterns.push([serviceRegExp(pattern), this.schema(sub, file)]);
    }
    const additional = s.additionalProperties === undefined ? undefined : this.schema(s.additionalProperties, file);
    const names = s.propertyNames === undefined ? undefined : this.schema(s.propertyNames, file);
    const min = optionalNumber(s.minProperties, 'minProperties');
    const max = optionalNumber(s.maxProperties, 'maxProperties');
    if (!required.length && !properties.size && !patterns.length && !additional && !names && min === undefined && max === undefined) return undefined;
    return node => {
      const props = node.properties;
      if (min !== undefined && props.length < min) return false;
      if (max !== undefined && props.length > max) return false;
      for (const key of required) if (!hasKey(props, key)) return false;
      // Every value is checked: stricter than the service, which checks only the last of a repeated key.
      for (const p of props) {
        const key = p.keyNode.value;
        const value = p.valueNode;
        if (value === undefined) return false;
        const named = properties.get(key);
        if (named) { if (!named(value)) return false; continue; }
        let matched = false;
        for (const [regex, check] of patterns) {
          if (regex.test(key)) { matched = true; if (!check(value)) return false; }
        }
        if (!matched && additional && !additional(value)) return false;
      }
      if (names) for (const p of props) if (!names(p.keyNode)) return false;
      return true;
    };
  }

  private arrayCheck(s: Record<string, unknown>, file: string): ((node: ASTNode & { type: 'array' }) => boolean) | undefined {
    if (Array.isArray(s.items)) throw new Unprovable('tuple items');
    const items = s.items === undefined ? undefined : this.schema(s.items, file);
    const min = optionalNumber(s.minItems, 'minItems');
    const max = optionalNumber(s.maxItems, 'maxItems');
    if (!items && min === undefined && max === undefined) return undefined;
    return node => {
      if (min !== undefined && node.items.length < min) return false;
      if (max !== undefined && node.items.length > max) return false;
      if (items) for (const item of node.items) if (!items(item)) return false;
      return true;
    };
  }
}

function typeCheck(type: unknown): Check {
  const types = Array.isArray(type) ? type : [type];
  for (const t of types) if (typeof t !== 'string') throw new Unprovable('type');
  const allowed = new Set<string>(types);
  const integer = allowed.has('integer');
  return node => allowed.has(node.type) || (integer && node.type === 'number' && node.isInteger);
}

function hasKey(props: readonly { keyNode: { value: string } }[], key: string): boolean {
  for (const p of props) if (p.keyNode.value === key) return true;
  return false;
}

/** Primitive enums only: the service compares node values with deep equality. */
function enumCheck(values: unknown): Check {
  if (!Array.isArray(values)) throw new Unprovable('enum');
  for (const v of values) if (v !== null && typeof v === 'object') throw new Unprovable('enum of objects');
  const allowed = new Set(values);
  return node => {
    switch (node.type) {
      case 'string': case 'number': case 'boolean': return allowed.has(node.value);
      case 'null': return allowed.has(null);
      default: return false;
    }
  };
}

function stringCheck(s: Record<string, unknown>): ((value: string) => boolean) | undefined {
  const regex = s.pattern === undefined ? undefined : serviceRegExp(s.pattern);
  const min = optionalNumber(s.minLength, 'minLength');
  const max = optionalNumber(s.maxLength, 'maxLength');
  if (!regex && min === undefined && max === undefined) return undefined;
  return value => {
    if (regex && !regex.test(value)) return false;
    if (min !== undefined || max !== undefined) {
      const length = codePoints(value);
      if ((min !== undefined && length < min) || (max !== undefined && length > max)) return false;
    }
    return true;
  };
}

function numberCheck(s: Record<string, unknown>): ((value: number) => boolean) | undefined {
  const bound = (v: unknown, name: string) => { if (typeof v === 'boolean') throw new Unprovable(name); return optionalNumber(v, name); };
  const min = bound(s.minimum, 'minimum');
  const max = bound(s.maximum, 'maximum');
  const exclusiveMin = bound(s.exclusiveMinimum, 'exclusiveMinimum');
  const exclusiveMax = bound(s.exclusiveMaximum, 'exclusiveMaximum');
  if (min === undefined && max === undefined && exclusiveMin === undefined && exclusiveMax === undefined) return undefined;
  return value => !((min !== undefined && value < min) || (max !== undefined && value > max)
    || (exclusiveMin !== undefined && value <= exclusiveMin) || (exclusiveMax !== undefined && value >= exclusiveMax));
}

/** The service's reading of a schema pattern: an optional `(?i)` prefix, the `u` flag when it compiles. */
function serviceRegExp(pattern: unknown): RegExp {
  if (typeof pattern !== 'string') throw new Unprovable('pattern');
  let source = pattern;
  let flags = '';
  if (source.startsWith('(?i)')) { source = source.slice(4); flags = 'i'; }
  try { return new RegExp(source, flags + 'u'); } catch { /* try without the u flag, as the service does */ }
  try { return new RegExp(source, flags); } catch { throw new Unprovable('pattern'); }
}

function codePoints(value: string): number {
  let count = 0;
  for (const _ of value) count++;
  return count;
}

function optionalNumber(v: unknown, name: string): number | undefined {
  if (v === undefined) return undefined;
  if (typeof v !== 'number') throw new Unprovable(name);
  return v;
}

function stringList(v: unknown, name: string): string[] {
  if (!Array.isArray(v) || v.some(x => typeof x !== 'string')) throw new Unprovable(name);
  return v;
}

function record(v: unknown, name: string): Record<string, unknown> {
  if (!v || typeof v !== 'object' || Array.isArray(v)) throw new Unprovable(name);
  return v as Record<string, unknown>;
}
