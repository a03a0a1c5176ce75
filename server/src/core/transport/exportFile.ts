/**
 * Reading EIC export files: `Connection_*.json` (one or several connections, each an
 * envelope of columns plus EXTERNAL_ATTR) and `ObjectSummary_*.json`, and turning one
 * exported connection into the files of a connection folder.
 */
import { EXPORT_ATTRIBUTE_ORDER, findAttribute } from '../attributes';
import {
  ENVELOPE_COLUMNS, META_FILE_NAME, META_FORMAT_VERSION, type ConnectionMeta, type ExportOrigin, type PlainJson,
} from './connectionMeta';
import { JsonSyntaxError, parseLenientJson, toPlain, type JsonValue } from './lenientJson';

export interface ExportedAttribute {
  name: string;
  value: string | null;
  /** Keys besides attributename/encryptedattributevalue whose values are not EIC's usual null/false. */
  unusual: string[];
}

export interface ExportedConnection {
  /** The top-level key of the connection in the export file. */
  key: string;
  /** Columns in file order, EXTERNAL_ATTR excluded. */
  columns: [string, JsonValue][];
  attributes: ExportedAttribute[];
}

export class ExportFormatError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ExportFormatError';
  }
}

export interface ParsedConnectionExport {
  connections: ExportedConnection[];
  /** What was tolerated (non-strict JSON). */
  tolerated: string[];
}

function parseFile(text: string, label: string): { value: JsonValue; tolerated: string[] } {
  try {
    return parseLenientJson(text);
  } catch (error) {
    if (error instanceof JsonSyntaxError) {
      throw new ExportFormatError(`${label} line ${error.line}, column ${error.column}: ${error.reason}. `
        + 'The export file is damaged; export the connection again from EIC (Admin → Transport).');
    }
    throw error;
  }
}

export function parseConnectionExport(text: string, label: string): ParsedConnectionExport {
  const { value, tolerated } = parseFile(text, label);
  if (!(value instanceof Map)) throw new ExportFormatError(`${label}: expected an object of connection name → connection; this is not an EIC connection export.`);
  const connections: ExportedConnection[] = [];
  for (const [key, conn] of value) {
    if (!(conn instanceof Map)) throw new ExportFormatError(`${label}: connection "${key}" is not an object; this is not an EIC connection export.`);
    const list = conn.get('EXTERNAL_ATTR');
    if (!Array.isArray(list)) {
      throw new ExportFormatError(`${label}: connection "${key}" has no EXTERNAL_ATTR list; this is not an EIC connection export.`);
    }
    const attributes = list.map((entry, i) => readAttributeEntry(entry, i, key, label));
    const columns = [...conn].filter(([k]) => k !== 'EXTERNAL_ATTR');
    connections.push({ key, columns, attributes });
  }
  if (connections.length === 0) throw new ExportFormatError(`${label}: the export holds no connection.`);
  return { connections, tolerated };
}

function readAttributeEntry(entry: JsonValue, index: number, connection: string, label: string): ExportedAttribute {
  if (!(entry instanceof Map) || typeof entry.get('attributename') !== 'string') {
    throw new ExportFormatError(`${label}: entry ${index + 1} of EXTERNAL_ATTR in "${connection}" has no attributename.`);
  }
  const raw = entry.get('encryptedattributevalue');
  if (raw !== undefined && raw !== null && typeof raw !== 'string') {
    throw new ExportFormatError(`${label}: the value of ${entry.get('attributename')} in "${connection}" is not a string.`);
  }
  const unusual: string[] = [];
  for (const [k, v] of entry) {
    if (k === 'attributename' || k === 'encryptedattributevalue') continue;
    if (!((k === 'formdata' && v === null) || (k === 'credentialSaveStatus' && v === false))) unusual.push(k);
  }
  return { name: entry.get('attributename') as string, value: raw === undefined ? null : raw as string | null, unusual };
}

/** Reads `ObjectSummary_*.json` into the export's origin (GUID, exported by/on, system). */
export function parseObjectSummary(text: string, label: string): ExportOrigin {
  const { value } = parseFile(text, label);
  const info = value instanceof Map ? value.get('Information') : undefined;
  const get = (k: string) => info instanceof Map && typeof info.get(k) === 'string' ? info.get(k) as string : undefined;
  return { guid: get('GUID'), exportedBy: get('Exported By'), exportedOn: get('Exported On'), system: get('System') };
}

const SECRET_NAMES = /^(connectionjson|service_account_key_json|ssh_key)$/i;

/** True for ciphertext EIC exported (base64 of whole cipher blocks, or any base64 in a secret attribute). */
export function looksEncrypted(attribute: string, value: string): boolean {
  if (value.length < 4 || value.length % 4 !== 0 || !/^[A-Za-z0-9+/]+={0,2}$/.test(value)) return false;
  if (findAttribute(attribute)?.secret || SECRET_NAMES.test(attribute)) return true;
  const padding = value.endsWith('==') ? 2 : value.endsWith('=') ? 1 : 0;
  const bytes = (value.length / 4) * 3 - padding;
  return bytes >= 16 && bytes % 16 === 0;
}

/** File names an attribute may take: letters, digits, '_', '.', '-', not starting with '.'. */
const SAFE_ATTRIBUTE_NAME = /^[A-Za-z0-9_][A-Za-z0-9_.-]{0,99}$/;

export interface FolderContent {
  /** The connection's name (its connectionname column, else its key). */
  name: string;
  /** Attribute files: name → exact text. */
  files: { fileName: string; text: string }[];
  meta: ConnectionMeta;
  /** Attributes whose ciphertext went into the metadata. */
  encrypted: string[];
  notes: string[];
}

/** Splits an exported connection into attribute files and connection.meta.json content. */
export function connectionToFolderContent(conn: ExportedConnection, origin?: ExportOrigin): FolderContent {
  const notes: string[] = [];
  const meta: ConnectionMeta = { formatVersion: META_FORMAT_VERSION, columns: {}, otherColumns: {}, encrypted: {} };
  for (const [key, value] of conn.columns) {
    const plain = toPlain(value) as PlainJson;
    if (key === 'templateMandatoryData' && typeof plain === 'string' && plain !== '') meta.encrypted.templateMandatoryData = plain;
    else if ((ENVELOPE_COLUMNS as readonly string[]).includes(key)) meta.columns[key as typeof ENVELOPE_COLUMNS[number]] = plain;
    else meta.otherColumns[key] = plain;
  }
  const column = meta.columns.connectionname;
  const name = typeof column === 'string' && column !== '' ? column : conn.key;
  if (name !== conn.key) notes.push(`connection "${conn.key}" names itself "${name}" in its connectionname column; "${name}" is used.`);
  if (meta.columns.connectionname === undefined) meta.columns.connectionname = name;

  const files: { fileName: string; text: string }[] = [];
  const encrypted: string[] = [];
  const seen = new Set<string>();
  const nullAttributes: string[] = [];
  for (const attr of conn.attributes) {
    const lower = attr.name.toLowerCase();
    if (!SAFE_ATTRIBUTE_NAME.test(attr.name) || `${lower}.json` === META_FILE_NAME) {
      throw new ExportFormatError(`attribute name ${JSON.stringify(attr.name)} in "${name}" cannot be a file name; the export looks tampered with.`);
    }
    if (seen.has(lower)) throw new ExportFormatError(`attribute ${attr.name} appears twice in "${name}"; the export is inconsistent.`);
    seen.add(lower);
    if (attr.unusual.length) notes.push(`${attr.name}: ${attr.unusual.join(', ')} had values other than EIC's usual null/false; they are not kept.`);
    if (attr.value === null) { nullAttributes.push(attr.name); continue; }
    if (attr.value === '') continue;
    if (looksEncrypted(attr.name, attr.value)) {
      (meta.encrypted.attributes ??= {})[attr.name] = attr.value;
      encrypted.push(attr.name);
      continue;
    }
    files.push({ fileName: `${attr.name}.json`, text: attr.value });
  }
  const names = conn.attributes.map(a => a.name);
  const standard = names.length === EXPORT_ATTRIBUTE_ORDER.length && names.every((n, i) => n === EXPORT_ATTRIBUTE_ORDER[i]);
  if (!standard) meta.attributeNames = names;
  if (nullAttributes.length) meta.nullAttributes = nullAttributes;
  if (origin && Object.values(origin).some(v => v !== undefined)) meta.exportedFrom = stripUndefined(origin);
  return { name, files, meta, encrypted, notes };
}

function stripUndefined<T extends object>(o: T): T {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as T;
}
