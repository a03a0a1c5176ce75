/**
 * The one vscode-json-languageservice instance of the core, configured with our schemas.
 *
 * Documents are handed to it under an internal URI that names their attribute
 * (`saviynt-attr:///<Attribute>.json`), so each attribute kind gets its schema no matter
 * where the file lives or how its name is cased.
 */
import { getLanguageService, JSONSchema, LanguageService, SchemaConfiguration } from 'vscode-json-languageservice';
import { ATTRIBUTES } from '../attributes';
import type { AttributeInfo } from '../attributes';
import { loadSchemaTexts, schemaUri } from '../schema/schemaStore';

const SCHEMA_SCHEME = 'saviynt-schema:';

export const ATTRIBUTE_URI_PREFIX = 'saviynt-attr:///';

let service: LanguageService | undefined;

export function attributeDocumentUri(attributeName: string | undefined): string {
  return ATTRIBUTE_URI_PREFIX + (attributeName ?? '__unknown__') + '.json';
}

/** The schema file the service validates an attribute's documents against (any.schema.json without a grammar). */
export function schemaFileOf(attribute: Pick<AttributeInfo, 'schema'>): string {
  return attribute.schema ?? 'any.schema.json';
}

export function jsonService(): LanguageService {
  if (service) return service;
  const texts = loadSchemaTexts();
  service = getLanguageService({
    schemaRequestService: (uri: string) => {
      // The service normalises `saviynt-schema:///x` to `saviynt-schema:/x`: match on the file name.
      const name = uri.startsWith(SCHEMA_SCHEME) ? uri.replace(/#.*$/, '').replace(/^.*\//, '') : undefined;
      const text = name ? texts.get(name) : undefined;
      return text !== undefined ? Promise.resolve(text) : Promise.reject(new Error(`Schema not bundled: ${uri}`));
    },
    workspaceContext: {
      resolveRelativePath: (relativePath: string, resource: string) => new URL(relativePath, resource).toString(),
    },
    clientCapabilities: {
      textDocument: { completion: { completionItem: { documentationFormat: ['markdown', 'plaintext'], commitCharactersSupport: true } } },
    },
  });
  // Every bundled schema is handed over as an object (JSON.parse is many times faster than the
  // service's own tolerant parser, which would otherwise read each schema text on first use).
  // The service changes the objects while resolving $ref, so they are its own copies.
  const contents = new Map<string, unknown>();
  const content = (file: string): unknown => {
    if (!contents.has(file)) contents.set(file, strictParse(texts.get(file)!));
    return contents.get(file);
  };
  const schemas: SchemaConfiguration[] = [];
  const matched = new Set<string>();
  for (const attribute of ATTRIBUTES) {
    const file = schemaFileOf(attribute);
    if (!texts.has(file)) continue;
    matched.add(file);
    schemas.push({ uri: schemaUri(file), fileMatch: [`/${attribute.name}.json`], schema: content(file) as JSONSchema | undefined });
  }
  // The others (common.schema.json …) are only referenced; they are registered when readable as JSON.
  for (const file of texts.keys()) {
    const schema = matched.has(file) ? undefined : content(file);
    if (schema) schemas.push({ uri: schemaUri(file), schema: schema as JSONSchema });
  }
  service.configure({ validate: true, allowComments: false, schemas });
  return service;
}

/**
 * A schema text as an object, or undefined when it is not strict JSON (a BOM, a comment …): the
 * service then reads that text itself, as before, and reports what it finds.
 */
function strictParse(text: string): unknown {
  if (text.charCodeAt(0) === 0xfeff) return undefined;
  try {
    const value = JSON.parse(text);
    return value && typeof value === 'object' && !Array.isArray(value) ? value : undefined;
  } catch {
    return undefined;
  }
}
