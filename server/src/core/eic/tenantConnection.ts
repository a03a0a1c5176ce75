/**
 * The tenant's side of a connection, read tolerantly from getConnectionDetails and
 * getConnections: attribute keys in any case, values as strings (or objects, re-serialised),
 * ConnectionJSON classified as omitted, empty, ciphertext or plaintext, never trusted.
 */
import { findAttribute } from '../attributes';
import { looksEncrypted } from '../transport/exportFile';
import { field, isRecord, numberField, textField, type JsonRecord } from './eicAnswers';
import { DETAIL_BOOKKEEPING_KEYS, findRestAttribute } from './eicCatalog';

/** How the tenant returned ConnectionJSON. Whatever it is, it is not comparable. */
export type ConnectionJsonReadBack = 'omitted' | 'empty' | 'ciphertext' | 'plaintext';

export interface TenantConnection {
  name: string;
  key?: string;
  type?: string;
  description?: string;
  defaultSavRoles?: string;
  emailTemplate?: string;
  status?: number;
  /** Attribute texts by canonical name (REST keys and catalog names), "" or null when unset. */
  attributes: Map<string, string | null>;
  connectionJson: ConnectionJsonReadBack;
  /** The value as returned (ciphertext or plaintext); only pull uses it. */
  connectionJsonValue?: string;
  /** Keys of connectionattributes that are neither attributes nor connector bookkeeping. */
  otherKeys: string[];
}

export interface ConnectionSummary {
  name: string;
  type?: string;
  description?: string;
  status?: number;
  updatedOn?: string;
}

/** The canonical spelling of an attribute key (REST key first, then the editor's catalog). */
export function canonicalAttributeName(key: string): string | undefined {
  return findRestAttribute(key)?.key ?? findAttribute(key)?.name;
}

function attributeText(value: unknown): string | null | undefined {
  if (value === undefined) return undefined;
  if (value === null) return null;
  if (typeof value === 'string') return value;
  // Some releases may hand back parsed JSON: keep it comparable as text.
  return JSON.stringify(value, null, 2);
}

export function classifyConnectionJson(value: string | null | undefined): ConnectionJsonReadBack {
  if (value === undefined) return 'omitted';
  if (value === null || value.trim() === '') return 'empty';
  const trimmed = value.trim();
  if (looksEncrypted('ConnectionJSON', trimmed)) return 'ciphertext';
  if (trimmed.startsWith('{')) return 'plaintext';
  return 'ciphertext';
}

/** Reads a getConnectionDetails success body. */
export function readConnectionDetails(json: JsonRecord, requestedName: string): TenantConnection {
  const raw = field(json, 'connectionattributes', 'connectionAttributes', 'CONNECTIONATTRIBUTES');
  const attributes = new Map<string, string | null>();
  const otherKeys: string[] = [];
  let connectionJsonValue: string | null | undefined;
  if (isRecord(raw)) {
    for (const [key, value] of Object.entries(raw)) {
      if (DETAIL_BOOKKEEPING_KEYS.has(key.toLowerCase())) continue;
      const name = canonicalAttributeName(key);
      if (!name) { otherKeys.push(key); continue; }
      const text = attributeText(value);
      if (name === 'ConnectionJSON') { connectionJsonValue = text; continue; }
      if (text !== undefined) attributes.set(name, text);
    }
  }
  const connectionJson = classifyConnectionJson(connectionJsonValue);
  return {
    name: textField(json, 'connectionname', 'connectionName') ?? requestedName,
    key: textField(json, 'connectionkey', 'connectionKey'),
    type: textField(json, 'connectiontype', 'connectionType'),
    description: textField(json, 'description', 'connectiondescription', 'connectionDescription'),
    defaultSavRoles: textField(json, 'defaultsavroles', 'defaultSavRole', 'defaultSavRoles'),
    emailTemplate: textField(json, 'emailtemplate', 'emailTemplate'),
    status: numberField(json, 'status'),
    attributes,
    connectionJson,
    connectionJsonValue: typeof connectionJsonValue === 'string' && connectionJsonValue.trim() ? connectionJsonValue : undefined,
    otherKeys,
  };
}

/** Reads one page of getConnections: the list and the total the tenant reports. */
export function readConnectionList(json: JsonRecord): { connections: ConnectionSummary[]; total?: number } {
  const list = field(json, 'ConnectionList', 'connectionList', 'connections');
  const connections: ConnectionSummary[] = [];
  if (Array.isArray(list)) {
    for (const item of list) {
      const name = textField(item, 'CONNECTIONNAME', 'connectionname', 'connectionName');
      if (!name) continue;
      connections.push({
        name,
        type: textField(item, 'CONNECTIONTYPE', 'connectiontype', 'connectionType'),
        description: textField(item, 'CONNECTIONDESCRIPTION', 'connectiondescription', 'description'),
        status: numberField(item, 'STATUS', 'status'),
        updatedOn: textField(item, 'UPDATEDON', 'updatedon'),
      });
    }
  }
  return { connections, total: numberField(json, 'totalCount', 'totalcount') };
}
