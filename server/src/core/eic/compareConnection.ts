/**
 * The comparison of a connection folder with the tenant's connection, attribute by attribute:
 * equal (formatting aside), changed, only local, only on the tenant, or not comparable —
 * ConnectionJSON always, because EIC stores it encrypted and a read-back proves nothing.
 */
import type { ConnectionFolder } from '../transport/connectionFolder';
import { compareTexts, deployableText, tenantText } from './attributeText';
import { findRestAttribute, REST_ATTRIBUTE_KEYS } from './eicCatalog';
import type { ConnectionJsonReadBack, TenantConnection } from './tenantConnection';

export type AttributeStatus = 'equal' | 'changed' | 'only-local' | 'only-tenant' | 'not-comparable';

export interface AttributeComparison {
  attribute: string;
  status: AttributeStatus;
  /** The local file's text as it would be sent ("$schema" left out); undefined when unset locally. */
  local?: string;
  /** The local file (name), when there is one. */
  fileName?: string;
  /** The tenant's text; undefined when unset there (and always for ConnectionJSON). */
  tenant?: string;
  /** Equal, but the texts differ in whitespace or key order. */
  formattingOnly?: boolean;
  /** Why it is not comparable, or what to know. */
  note?: string;
}

export interface FieldComparison {
  field: 'description';
  status: 'equal' | 'changed';
  local: string;
  tenant?: string;
}

export interface ConnectionComparison {
  connectionName: string;
  /** False when the tenant has no connection of that name: every attribute is only local. */
  exists: boolean;
  tenantKey?: string;
  tenantType?: string;
  entries: AttributeComparison[];
  fields: FieldComparison[];
  connectionJson: { local: boolean; tenant: ConnectionJsonReadBack | 'no-connection' };
  summary: Record<AttributeStatus, string[]>;
  /** True when anything besides "equal" and "not comparable" was found (drift). */
  differs: boolean;
}

export const CONNECTION_JSON_NOTE = 'ConnectionJSON is write-only: EIC stores it encrypted, so what the tenant gives back cannot be compared. '
  + 'A deploy keeps the tenant\'s ConnectionJSON unless you ask to send yours.';

function rank(name: string): number {
  const i = REST_ATTRIBUTE_KEYS.findIndex(a => a.key.toLowerCase() === name.toLowerCase());
  return i < 0 ? REST_ATTRIBUTE_KEYS.length : i;
}

/** Compares a folder with the tenant's connection (undefined: the tenant does not have it). */
export function compareConnection(folder: ConnectionFolder, tenant: TenantConnection | undefined): ConnectionComparison {
  const entries: AttributeComparison[] = [];
  const localByName = new Map(folder.attributes.map(a => [a.name.toLowerCase(), a]));
  const names = new Map<string, string>();
  for (const a of folder.attributes) names.set(a.name.toLowerCase(), findRestAttribute(a.name)?.key ?? a.name);
  for (const [name, value] of tenant?.attributes ?? []) if (tenantText(value) !== undefined) names.set(name.toLowerCase(), name);

  const localConnectionJson = localByName.get('connectionjson');
  const hasLocalConnectionJson = localConnectionJson !== undefined && deployableText(localConnectionJson.text) !== undefined;
  if (hasLocalConnectionJson || (tenant && tenant.connectionJson !== 'omitted' && tenant.connectionJson !== 'empty')) {
    names.set('connectionjson', 'ConnectionJSON');
  }
  for (const [lower, name] of [...names].sort((a, b) => rank(a[1]) - rank(b[1]) || (a[1] < b[1] ? -1 : 1))) {
    const file = localByName.get(lower);
    const local = file ? deployableText(file.text) : undefined;
    if (lower === 'connectionjson') {
      entries.push({ attribute: name, status: 'not-comparable', local, fileName: file?.fileName, note: CONNECTION_JSON_NOTE });
      continue;
    }
    if (file && !findRestAttribute(name)) {
      entries.push({ attribute: name, status: 'not-comparable', local, fileName: file.fileName,
        note: `${name} is not an attribute EIC takes through its connection API; it is neither compared nor deployed.` });
      continue;
    }
    const remote = tenantText(tenant?.attributes.get(name) ?? tenant?.attributes.get(findRestAttribute(name)?.key ?? name));
    if (local === undefined && remote === undefined) continue;
    if (local === undefined) { entries.push({ attribute: name, status: 'only-tenant', tenant: remote, fileName: file?.fileName }); continue; }
    if (remote === undefined) { entries.push({ attribute: name, status: 'only-local', local, fileName: file?.fileName }); continue; }
    const equality = compareTexts(local, remote);
    entries.push({
      attribute: name, status: equality === 'different' ? 'changed' : 'equal', local, tenant: remote, fileName: file?.fileName,
      formattingOnly: equality === 'formatting' ? true : undefined,
    });
  }

  const fields: FieldComparison[] = [];
  const description = folder.meta.columns.connectiondescription;
  if (typeof description === 'string' && tenant) {
    const remote = tenant.description ?? '';
    fields.push({ field: 'description', status: remote.trim() === description.trim() ? 'equal' : 'changed', local: description, tenant: tenant.description });
  }

  const summary: Record<AttributeStatus, string[]> = { 'equal': [], 'changed': [], 'only-local': [], 'only-tenant': [], 'not-comparable': [] };
  for (const e of entries) summary[e.status].push(e.attribute);
  const differs = summary.changed.length + summary['only-local'].length + summary['only-tenant'].length > 0
    || fields.some(f => f.status === 'changed') || !tenant;
  return {
    connectionName: folder.name, exists: tenant !== undefined, tenantKey: tenant?.key, tenantType: tenant?.type,
    entries, fields,
    connectionJson: { local: hasLocalConnectionJson, tenant: tenant ? tenant.connectionJson : 'no-connection' },
    summary, differs,
  };
}

/** One line per status group, e.g. "2 changed (A, B); 20 equal". */
export function summaryLine(c: ConnectionComparison): string {
  const parts: string[] = [];
  const group = (status: AttributeStatus, label: string, list = true) => {
    const names = c.summary[status];
    if (names.length) parts.push(`${names.length} ${label}${list ? ` (${names.join(', ')})` : ''}`);
  };
  group('changed', 'changed');
  group('only-local', 'only local');
  group('only-tenant', 'only on the tenant');
  group('not-comparable', 'not comparable');
  group('equal', 'equal', false);
  for (const f of c.fields) if (f.status === 'changed') parts.push(`the ${f.field} differs`);
  return parts.join('; ') || 'no attributes on either side';
}
