/**
 * The JSON schemas shipped in schemas/, read once from disk.
 *
 * The folder is found by walking up from this module's directory, which works for the
 * bundled dist/*.js files, for the packaged extension and for the sources run by tsx.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';

export const SCHEMA_URI_PREFIX = 'saviynt-schema:///';

let cached: Map<string, string> | undefined;
let cachedDir: string | undefined;

export function findSchemaDirectory(start: string = __dirname): string | undefined {
  let dir = start;
  for (let i = 0; i < 8; i++) {
    const candidate = path.join(dir, 'schemas');
    if (fs.existsSync(path.join(candidate, 'common.schema.json')) || fs.existsSync(path.join(candidate, 'any.schema.json'))) {
      return candidate;
    }
    const parent = path.dirname(dir);
    if (parent === dir) break;
    dir = parent;
  }
  return undefined;
}

/** All schema files by file name (e.g. `ImportAccountEntJSON.schema.json`) → text. */
export function loadSchemaTexts(): Map<string, string> {
  if (cached) return cached;
  const map = new Map<string, string>();
  cachedDir = findSchemaDirectory();
  if (cachedDir) {
    for (const name of fs.readdirSync(cachedDir)) {
      if (name.endsWith('.schema.json')) map.set(name, fs.readFileSync(path.join(cachedDir, name), 'utf8'));
    }
  }
  cached = map;
  return map;
}

export function schemaDirectory(): string | undefined {
  loadSchemaTexts();
  return cachedDir;
}

export function schemaUri(fileName: string): string {
  return SCHEMA_URI_PREFIX + fileName;
}

/** Parsed schema object for a file name, or undefined. */
const parsedCache = new Map<string, unknown>();
export function getSchema(fileName: string): any {
  if (!parsedCache.has(fileName)) {
    const text = loadSchemaTexts().get(fileName);
    parsedCache.set(fileName, text ? JSON.parse(text) : undefined);
  }
  return parsedCache.get(fileName);
}
