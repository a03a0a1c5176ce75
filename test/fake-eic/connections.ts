// Connections: testConnection (create or update, then the target test), getConnections,
// getConnectionDetails and deleteConnection, with the key casing and types of the real answers.

import { text } from './body.js';
import { json, type FakeAnswer, type FakeRequest } from './auth.js';
import { FAKE_EIC_VERSIONS, type FakeEicVersion } from './config.js';
import type { FakeEicStore, StoredConnection } from './store.js';

const BASE_REST_ATTRIBUTES = [
  'ConnectionJSON', 'ImportUserJSON', 'ImportAccountEntJSON', 'STATUS_THRESHOLD_CONFIG', 'CreateAccountJSON', 'UpdateAccountJSON',
  'EnableAccountJSON', 'DisableAccountJSON', 'AddAccessJSON', 'RemoveAccessJSON', 'UpdateUserJSON', 'ChangePassJSON',
  'RemoveAccountJSON', 'TicketStatusJSON', 'CreateTicketJSON', 'ENDPOINTS_FILTER', 'PasswdPolicyJSON', 'ConfigJSON',
  'AddFFIDAccessJSON', 'RemoveFFIDAccessJSON', 'MODIFYUSERDATAJSON', 'SendOtpJSON', 'ValidateOtpJSON', 'PAM_CONFIG',
];
const LATER_ATTRIBUTES: Record<string, FakeEicVersion> = {
  ApplicationDiscoveryJSON: '25.B', CreateEntitlementJSON: '25.B', DeleteEntitlementJSON: '25.B', UpdateEntitlementJSON: '25.B',
  app_type: '25.C',
};

/** The REST attribute keys of a release. */
export function restAttributes(version: FakeEicVersion): string[] {
  const at = FAKE_EIC_VERSIONS.indexOf(version);
  return [...BASE_REST_ATTRIBUTES, ...Object.keys(LATER_ATTRIBUTES).filter(k => FAKE_EIC_VERSIONS.indexOf(LATER_ATTRIBUTES[k]) <= at)];
}

/** Fields of testConnection that are not attributes: the connection record itself. */
const ENVELOPE_FIELDS = new Map<string, string>([
  ['connectionname', 'name'], ['connectiontype', 'type'], ['connectionkey', 'key'], ['saveconnection', 'save'],
  ['description', 'description'], ['connectiondescription', 'description'], ['defaultsavroles', 'defaultsavroles'],
  ['defaultsavrole', 'defaultsavroles'], ['emailtemplate', 'emailtemplate'], ['sslcertificate', 'sslcertificate'],
  ['vaultconnection', 'vaultconnection'], ['vaultconfiguration', 'vaultconfiguration'], ['saveinvault', 'saveinvault'],
  ['systemname', 'systemname'], ['updateuser', 'updateuser'],
]);

function header(req: FakeRequest, name: string): string | undefined {
  const v = req.headers[name];
  return Array.isArray(v) ? v[0] : v;
}

/** POST /ECM/api/v5/testConnection */
export function testConnection(store: FakeEicStore, req: FakeRequest, user: string): FakeAnswer {
  const f = req.body.fields;
  const type = text(f, 'connectiontype');
  const name = text(f, 'connectionName');
  const key = text(f, 'connectionkey');
  if (!type || (!name && !key)) return json(412, { errorCode: '1', msg: 'connectionName or connectionkey is required' });
  const known = new Set(restAttributes(store.config.eicVersion).map(k => k.toLowerCase()));
  const attributes = new Map<string, string>();
  const envelope = new Map<string, string>();
  for (const [field, value] of Object.entries(f)) {
    const lower = field.toLowerCase();
    const asText = typeof value === 'string' ? value : value === null || value === undefined ? '' : JSON.stringify(value);
    if (ENVELOPE_FIELDS.has(lower)) { envelope.set(ENVELOPE_FIELDS.get(lower)!, asText); continue; }
    if (!known.has(lower) && store.config.rejectUnknownAttributes) {
      return json(412, { errorCode: '1', msg: `Invalid attribute ${field} for connection type ${type} (EIC ${store.config.eicVersion})` });
    }
    const canonical = restAttributes(store.config.eicVersion).find(k => k.toLowerCase() === lower) ?? field;
    attributes.set(canonical, asText);
  }
  let conn = key ? store.findConnectionByKey(key) : store.findConnection(name);
  if (key && !conn) return json(412, { errorCode: '1', msg: `No connection with connectionkey ${key}` });
  const now = store.isoNow();
  const who = `${user}(${user.toUpperCase()} ${user.toUpperCase()})`;
  if (!conn) {
    conn = { key: store.nextKey++, name, type, fields: new Map(), createdOn: now, createdBy: who, updatedOn: now, updatedBy: who, saves: 0 };
    store.connections.set(name.toLowerCase(), conn);
  } else if (store.config.updateMode === 'replace') {
    conn.fields = new Map();
    conn.connectionJson = undefined;
    conn.ciphertext = undefined;
  }
  conn.type = type;
  for (const [k, v] of envelope) if (k !== 'name' && k !== 'key' && k !== 'save' && k !== 'type') conn.fields.set(k, v);
  for (const [k, v] of attributes) {
    if (k === 'ConnectionJSON') conn.connectionJson = v;
    else conn.fields.set(k, v);
  }
  conn.ciphertext = conn.connectionJson ? store.newCiphertext() : undefined;
  conn.updatedOn = now;
  conn.updatedBy = who;
  conn.saves++;

  const error = store.config.targetTestFails ? store.config.targetTestError
    : !conn.connectionJson ? 'ConnectionJSON is empty: the connector has no way to authenticate to the target' : undefined;
  const standard = store.config.stdResponse && /^standard$/i.test(header(req, 'response') ?? '');
  const answer: Record<string, unknown> = { connectionKey: conn.key, errorCode: '0', msg: error ? 'Connection Failed' : 'Connection Successful' };
  if (standard) {
    Object.assign(answer, { connectionName: conn.name, connectionType: conn.type, connectionStatus: error ? 'FAILURE' : 'SUCCESS' });
    if (error) answer.connectionResult = { errors: [{ errorMessage: error }] };
  }
  return json(200, answer);
}

/** POST /ECM/api/v5/getConnections */
export function getConnections(store: FakeEicStore, req: FakeRequest): FakeAnswer {
  const f = req.body.fields;
  const nameFilter = text(f, 'connectionname').toLowerCase();
  const typeFilter = text(f, 'connectiontype').toLowerCase();
  const offset = Number(text(f, 'offset') || '0');
  const max = Number(text(f, 'max') || '50');
  if (!Number.isInteger(offset) || offset < 0 || !Number.isInteger(max) || max <= 0) {
    return json(412, { errorCode: '1', msg: 'offset and max must be whole numbers' });
  }
  const all = [...store.connections.values()]
    .filter(c => (!nameFilter || c.name.toLowerCase().includes(nameFilter)) && (!typeFilter || c.type.toLowerCase() === typeFilter))
    .sort((a, b) => a.key - b.key);
  const page = all.slice(offset, offset + max).map(c => ({
    CONNECTIONNAME: c.name, CONNECTIONTYPE: c.type, CONNECTIONDESCRIPTION: c.fields.get('description') ?? '', STATUS: 1,
    CREATEDBY: c.createdBy, CREATEDON: c.createdOn, UPDATEDBY: c.updatedBy, UPDATEDON: c.updatedOn,
  }));
  return json(200, { ConnectionList: page, errorCode: '0', msg: 'Successful', displayCount: page.length, totalCount: all.length });
}

function detailsOf(store: FakeEicStore, c: StoredConnection): Record<string, unknown> {
  const attributes: Record<string, unknown> = {};
  const cased = (k: string) => (store.config.attributeKeyCase === 'upper' ? k.toUpperCase() : k);
  for (const k of restAttributes(store.config.eicVersion)) {
    if (k === 'ConnectionJSON') {
      const mode = store.config.connectionJsonReadback;
      if (mode === 'omit') continue;
      attributes[cased(k)] = mode === 'plaintext' ? c.connectionJson ?? '' : c.ciphertext ?? '';
      continue;
    }
    attributes[cased(k)] = c.fields.has(k) ? c.fields.get(k) : null;
  }
  Object.assign(attributes, {
    connectionType: 'REST',
    connectionTimeoutConfig: { retryWait: 2, tokenRefreshMaxTryCount: 3, retryFailureStatusCode: 401, retryWaitMaxValue: 60, retryCount: 3, readTimeout: 60, connectionTimeout: 10 },
    isTimeoutSupported: true,
    isTimeoutConfigValidated: true,
  });
  return {
    msg: 'success', errorcode: 0, connectionkey: c.key, connectionname: c.name, connectiontype: c.type,
    description: c.fields.get('description') ?? '', defaultsavroles: c.fields.get('defaultsavroles') ?? '',
    emailtemplate: c.fields.get('emailtemplate') ?? '', createdon: c.createdOn, createdby: c.createdBy, updatedby: c.updatedBy,
    status: 1, connectionattributes: attributes,
  };
}

/** POST /ECM/api/v5/getConnectionDetails: connectionname or connectionkey (the key wins). */
export function getConnectionDetails(store: FakeEicStore, req: FakeRequest): FakeAnswer {
  const key = text(req.body.fields, 'connectionkey');
  const name = text(req.body.fields, 'connectionname');
  if (!key && !name) return json(412, { errorcode: 1, msg: 'connectionname or connectionkey is required' });
  const conn = key ? store.findConnectionByKey(key) : store.findConnection(name);
  if (!conn) return json(412, { errorcode: 1, msg: 'Connection not found' });
  return json(200, detailsOf(store, conn));
}

/** DELETE /ECM/api/v5/deleteConnection: {"connectionkey":["8"],"updateuser":"admin"} */
export function deleteConnection(store: FakeEicStore, req: FakeRequest): FakeAnswer {
  const raw = req.body.fields.connectionkey;
  const keys = Array.isArray(raw) ? raw.map(String) : raw === undefined ? [] : [String(raw)];
  if (!keys.length) return json(412, { errorcode: '1', msg: 'connectionkey is required' });
  const out: Record<string, string>[] = [];
  for (const key of keys) {
    const conn = store.findConnectionByKey(key);
    if (!conn) return json(412, { errorcode: '1', msg: `Connection with key ${key} not found` });
    store.connections.delete(conn.name.toLowerCase());
    out.push({ [key]: 'Connection Deleted Sucessfully' });
  }
  return json(200, { connections: out, errorcode: '0', msg: 'success' });
}
