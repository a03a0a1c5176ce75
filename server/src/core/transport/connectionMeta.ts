/**
 * `connection.meta.json`: everything about a connection that is not an attribute file.
 *
 * - The envelope columns EIC exports next to EXTERNAL_ATTR (connectionname,
 *   connectiondescription, externalconnectiontype, status, …), at the top level.
 * - `encrypted`: ciphertext EIC exported (templateMandatoryData, and attribute values such
 *   as ConnectionJSON). Only the exporting tenant can decrypt them; they are kept so that
 *   nothing is lost and a repackaged folder carries them again.
 * - `attributeNames` / `nullAttributes`: only when the export listed a different set of
 *   attributes than the 24 REST ones in EIC's order (SOAP, App-Onboarding), or wrote `null`
 *   instead of "" for an unset attribute.
 * - `otherColumns`: envelope columns this tool does not know, preserved as they were.
 * - `exportedFrom`: where an unpacked export came from (informational).
 */
import { LENIENT_JSON, parseJsonValue, syntaxErrorName, type JsonSyntaxError } from '../json/jsonText';
import { lineAndColumn } from './lenientJson';

export const META_FILE_NAME = 'connection.meta.json';
export const META_FORMAT_VERSION = 1;

export type PlainJson = null | boolean | number | string | PlainJson[] | { [key: string]: PlainJson };

/** The envelope columns EIC writes for every connection, in the order this tool writes them. */
export const ENVELOPE_COLUMNS = [
  'connectionname', 'connectiondescription', 'externalconnectiontype', 'status', 'statusForEnableDisable',
  'templateName', 'templateMandatoryData', 'connectorms', 'msconnectorversion', 'connectorType',
  'sslCertificate', 'sslCertificateId', 'vaultConfig', 'vaultCredentialConnection', 'credentialChangeConfig',
] as const;
export type EnvelopeColumn = typeof ENVELOPE_COLUMNS[number];

export interface EncryptedValues {
  templateMandatoryData?: string;
  /** Attribute name → base64 ciphertext as exported. */
  attributes?: Record<string, string>;
}

export interface ExportOrigin {
  file?: string;
  guid?: string;
  exportedBy?: string;
  exportedOn?: string;
  system?: string;
}

export interface ConnectionMeta {
  formatVersion: number;
  /** Envelope columns (connectionname may be absent: the folder name is used then). */
  columns: Partial<Record<EnvelopeColumn, PlainJson>>;
  otherColumns: Record<string, PlainJson>;
  encrypted: EncryptedValues;
  attributeNames?: string[];
  nullAttributes?: string[];
  exportedFrom?: ExportOrigin;
}

/** Column values used when the metadata file does not give them. */
export function defaultColumns(connectionName: string): Record<EnvelopeColumn, PlainJson> {
  return {
    connectionname: connectionName,
    connectiondescription: connectionName,
    externalconnectiontype: 'REST',
    status: 1,
    statusForEnableDisable: 1,
    templateName: null,
    templateMandatoryData: null,
    connectorms: false,
    msconnectorversion: null,
    connectorType: null,
    sslCertificate: null,
    sslCertificateId: null,
    vaultConfig: null,
    vaultCredentialConnection: null,
    credentialChangeConfig: null,
  };
}

export function emptyMeta(): ConnectionMeta {
  return { formatVersion: META_FORMAT_VERSION, columns: {}, otherColumns: {}, encrypted: {} };
}

const KNOWN_KEYS = new Set<string>([...ENVELOPE_COLUMNS, 'formatVersion', '$comment', 'otherColumns', 'encrypted',
  'attributeNames', 'nullAttributes', 'exportedFrom']);

export interface MetaParseResult {
  meta: ConnectionMeta;
  /** Errors: the file could not be used as written. */
  errors: string[];
  /** Warnings: something was ignored. */
  warnings: string[];
}

/** Reads connection.meta.json text (comments and trailing commas are tolerated). */
export function parseConnectionMeta(text: string, label = META_FILE_NAME): MetaParseResult {
  const meta = emptyMeta();
  const errors: string[] = [];
  const warnings: string[] = [];
  const parseErrors: JsonSyntaxError[] = [];
  const raw = parseJsonValue(text, LENIENT_JSON, parseErrors);
  for (const e of parseErrors) {
    const { line, column } = lineAndColumn(text, e.offset);
    errors.push(`${label} line ${line}, column ${column}: ${syntaxErrorName(e.error)}; fix the JSON syntax of the metadata file.`);
  }
  if (errors.length) return { meta, errors, warnings };
  if (!isRecord(raw)) {
    errors.push(`${label}: expected a JSON object with the connection columns (connectionname, connectiondescription, …).`);
    return { meta, errors, warnings };
  }
  for (const key of Object.keys(raw)) {
    if (!KNOWN_KEYS.has(key)) warnings.push(`${label}: unknown key "${key}" is ignored; put extra envelope columns under "otherColumns".`);
  }
  if (raw.formatVersion !== undefined) {
    if (typeof raw.formatVersion !== 'number') errors.push(`${label}: "formatVersion" must be a number.`);
    else if (raw.formatVersion > META_FORMAT_VERSION) {
      warnings.push(`${label}: written by a newer version of this tool (formatVersion ${raw.formatVersion}); unknown parts are ignored.`);
    }
  }
  for (const column of ENVELOPE_COLUMNS) {
    if (raw[column] !== undefined) meta.columns[column] = raw[column] as PlainJson;
  }
  checkType(meta.columns.connectionname, ['string'], 'connectionname', label, errors);
  checkType(meta.columns.connectiondescription, ['string', 'null'], 'connectiondescription', label, errors);
  checkType(meta.columns.externalconnectiontype, ['string'], 'externalconnectiontype', label, errors);
  checkType(meta.columns.status, ['number', 'null'], 'status', label, errors);
  checkType(meta.columns.statusForEnableDisable, ['number', 'null'], 'statusForEnableDisable', label, errors);
  checkType(meta.columns.templateName, ['string', 'null'], 'templateName', label, errors);
  checkType(meta.columns.connectorms, ['boolean', 'null'], 'connectorms', label, errors);
  if (meta.columns.connectionname === '') errors.push(`${label}: "connectionname" is empty; give the connection a name or remove the key to use the folder name.`);

  if (raw.otherColumns !== undefined) {
    if (isRecord(raw.otherColumns)) meta.otherColumns = raw.otherColumns as Record<string, PlainJson>;
    else errors.push(`${label}: "otherColumns" must be an object of column name → value.`);
  }
  if (raw.encrypted !== undefined) readEncrypted(raw.encrypted, meta, label, errors);
  for (const key of ['attributeNames', 'nullAttributes'] as const) {
    const list = raw[key];
    if (list === undefined) continue;
    if (Array.isArray(list) && list.every(v => typeof v === 'string')) meta[key] = list as string[];
    else errors.push(`${label}: "${key}" must be a list of attribute names.`);
  }
  if (isRecord(raw.exportedFrom)) meta.exportedFrom = raw.exportedFrom as ExportOrigin;
  return { meta, errors, warnings };
}

function readEncrypted(value: unknown, meta: ConnectionMeta, label: string, errors: string[]): void {
  if (!isRecord(value)) { errors.push(`${label}: "encrypted" must be an object.`); return; }
  if (value.templateMandatoryData !== undefined) {
    if (typeof value.templateMandatoryData === 'string') meta.encrypted.templateMandatoryData = value.templateMandatoryData;
    else errors.push(`${label}: "encrypted.templateMandatoryData" must be the base64 text EIC exported.`);
  }
  if (value.attributes !== undefined) {
    const attrs = value.attributes;
    if (isRecord(attrs) && Object.values(attrs).every(v => typeof v === 'string')) {
      meta.encrypted.attributes = attrs as Record<string, string>;
    } else {
      errors.push(`${label}: "encrypted.attributes" must map attribute names to the base64 text EIC exported.`);
    }
  }
}

function checkType(value: unknown, types: string[], key: string, label: string, errors: string[]): void {
  if (value === undefined) return;
  const actual = value === null ? 'null' : Array.isArray(value) ? 'array' : typeof value;
  if (!types.includes(actual)) errors.push(`${label}: "${key}" must be ${types.join(' or ')}, not ${actual}.`);
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Writes the metadata file: 2-space JSON, columns first, with a final newline. */
export function serializeConnectionMeta(meta: ConnectionMeta): string {
  const out: Record<string, unknown> = {
    $comment: 'Connection columns for the EIC transport package. "encrypted" holds ciphertext exported by EIC; '
      + 'only the tenant that exported it can decrypt it.',
    formatVersion: meta.formatVersion,
  };
  for (const column of ENVELOPE_COLUMNS) {
    if (meta.columns[column] !== undefined) out[column] = meta.columns[column];
  }
  if (Object.keys(meta.otherColumns).length) out.otherColumns = meta.otherColumns;
  const encrypted: EncryptedValues = {};
  if (meta.encrypted.templateMandatoryData !== undefined) encrypted.templateMandatoryData = meta.encrypted.templateMandatoryData;
  if (meta.encrypted.attributes && Object.keys(meta.encrypted.attributes).length) encrypted.attributes = meta.encrypted.attributes;
  if (Object.keys(encrypted).length) out.encrypted = encrypted;
  if (meta.attributeNames) out.attributeNames = meta.attributeNames;
  if (meta.nullAttributes?.length) out.nullAttributes = meta.nullAttributes;
  if (meta.exportedFrom) out.exportedFrom = meta.exportedFrom;
  return JSON.stringify(out, null, 2) + '\n';
}
