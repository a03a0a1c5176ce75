/**
 * The one vscode-json-languageservice instance of the core, configured with our schemas.
 *
 * Documents are handed to it under an internal URI that names their attribute
 * (`saviynt-attr:///<Attribute>.json`), so each attribute kind gets its schema no matter
 * where the file lives or how its name is cased.
 */
import { getLanguageService, LanguageService, SchemaConfiguration } from 'vscode-json-languageservice';
import { ATTRIBUTES } from '../attributes';
import { loadSchemaTexts, schemaUri } from '../schema/schemaStore';

const SCHEMA_SCHEME = 'saviynt-schema:';

export const ATTRIBUTE_URI_PREFIX = 'saviynt-attr:///';

let service: LanguageService | undefined;

export function attributeDocumentUri(attributeName: string | undefined): string {
  return ATTRIBUTE_URI_PREFIX + (attributeName ?? '__unknown__') + '.json';
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
  const schemas: SchemaConfiguration[] = [];
  for (const attribute of ATTRIBUTES) {
    const file = attribute.schema ?? 'any.schema.json';
    if (!texts.has(file)) continue;
    schemas.push({ uri: schemaUri(file), fileMatch: [`/${attribute.name}.json`] });
  }
  service.configure({ validate: true, allowComments: false, schemas });
  return service;
}
