/**
 * The JSON schemas of schemas/, as data bundled with the core (no file system: the same in Node
 * and in a browser). The list must name every file of schemas/ (test/unit/engine/purity.test.ts
 * checks it).
 */
import aob_connection_template_variablesSchema from '../../../../schemas/AOB_CONNECTION_TEMPLATE_VARIABLES.schema.json';
import addAccessJSONSchema from '../../../../schemas/AddAccessJSON.schema.json';
import changePassJSONSchema from '../../../../schemas/ChangePassJSON.schema.json';
import configJSONSchema from '../../../../schemas/ConfigJSON.schema.json';
import connectionJSONSchema from '../../../../schemas/ConnectionJSON.schema.json';
import createAccountJSONSchema from '../../../../schemas/CreateAccountJSON.schema.json';
import createTicketJSONSchema from '../../../../schemas/CreateTicketJSON.schema.json';
import disableAccountJSONSchema from '../../../../schemas/DisableAccountJSON.schema.json';
import enableAccountJSONSchema from '../../../../schemas/EnableAccountJSON.schema.json';
import importAccountEntJSONSchema from '../../../../schemas/ImportAccountEntJSON.schema.json';
import importUserJSONSchema from '../../../../schemas/ImportUserJSON.schema.json';
import removeAccessJSONSchema from '../../../../schemas/RemoveAccessJSON.schema.json';
import removeAccountJSONSchema from '../../../../schemas/RemoveAccountJSON.schema.json';
import status_threshold_configSchema from '../../../../schemas/STATUS_THRESHOLD_CONFIG.schema.json';
import ticketStatusJSONSchema from '../../../../schemas/TicketStatusJSON.schema.json';
import updateAccountJSONSchema from '../../../../schemas/UpdateAccountJSON.schema.json';
import updateUserJSONSchema from '../../../../schemas/UpdateUserJSON.schema.json';
import anySchema from '../../../../schemas/any.schema.json';
import commonSchema from '../../../../schemas/common.schema.json';

export const SCHEMA_URI_PREFIX = 'saviynt-schema:///';

const SCHEMAS: ReadonlyArray<readonly [string, unknown]> = [
  ['AOB_CONNECTION_TEMPLATE_VARIABLES.schema.json', aob_connection_template_variablesSchema],
  ['AddAccessJSON.schema.json', addAccessJSONSchema],
  ['ChangePassJSON.schema.json', changePassJSONSchema],
  ['ConfigJSON.schema.json', configJSONSchema],
  ['ConnectionJSON.schema.json', connectionJSONSchema],
  ['CreateAccountJSON.schema.json', createAccountJSONSchema],
  ['CreateTicketJSON.schema.json', createTicketJSONSchema],
  ['DisableAccountJSON.schema.json', disableAccountJSONSchema],
  ['EnableAccountJSON.schema.json', enableAccountJSONSchema],
  ['ImportAccountEntJSON.schema.json', importAccountEntJSONSchema],
  ['ImportUserJSON.schema.json', importUserJSONSchema],
  ['RemoveAccessJSON.schema.json', removeAccessJSONSchema],
  ['RemoveAccountJSON.schema.json', removeAccountJSONSchema],
  ['STATUS_THRESHOLD_CONFIG.schema.json', status_threshold_configSchema],
  ['TicketStatusJSON.schema.json', ticketStatusJSONSchema],
  ['UpdateAccountJSON.schema.json', updateAccountJSONSchema],
  ['UpdateUserJSON.schema.json', updateUserJSONSchema],
  ['any.schema.json', anySchema],
  ['common.schema.json', commonSchema],
];

let cached: Map<string, string> | undefined;

/** All schema files by file name (e.g. `ImportAccountEntJSON.schema.json`) → text. */
export function loadSchemaTexts(): Map<string, string> {
  cached ??= new Map(SCHEMAS.map(([name, schema]) => [name, JSON.stringify(schema)]));
  return cached;
}

/** The file names of the bundled schemas. */
export function schemaFileNames(): string[] {
  return SCHEMAS.map(([name]) => name);
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
