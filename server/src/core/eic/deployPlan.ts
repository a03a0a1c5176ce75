/**
 * What a deploy sends: testConnection's fields for the whole connection (every attribute the
 * folder has, and "" for an attribute only the tenant has, so that the result is the folder
 * whether the tenant merges or replaces omitted fields), which attributes that changes, and the
 * reasons it cannot go ahead. ConnectionJSON is sent only when asked, and required for a
 * connection the tenant does not have yet.
 */
import { findLiteralCredentials } from '../transport/secrets';
import type { ConnectionFolder } from '../transport/connectionFolder';
import { deployableText } from './attributeText';
import type { ConnectionComparison } from './compareConnection';
import { attributeKnownIn, findRestAttribute, REST_ATTRIBUTE_KEYS, versionGateMessage, type EicVersion } from './eicCatalog';

export interface DeployPlanOptions {
  /** Send the folder's ConnectionJSON (its placeholders filled) and replace the tenant's. */
  withConnectionJson?: boolean;
  /** The tenant's EIC release, when known: attributes it does not know stop the deploy here. */
  version?: EicVersion;
}

export interface DeployPlan {
  connectionName: string;
  /** The tenant already has the connection (an update) or not (a create). */
  exists: boolean;
  /** Attributes whose value on the tenant changes (changed and only local), in EIC's order. */
  changes: string[];
  /** Attributes only the tenant has: the deploy clears them. */
  clears: string[];
  /** Envelope fields that change (description). */
  fieldChanges: string[];
  connectionJson: 'keep' | 'send';
  /** testConnection's fields, except ConnectionJSON (added with its secrets at send time). */
  fields: Record<string, string>;
  /** Why the deploy cannot go ahead (empty: it can). */
  refusals: string[];
  notes: string[];
  /** The tenant has the connection exactly as the folder: nothing would be sent. */
  upToDate: boolean;
}

export function planDeploy(folder: ConnectionFolder, comparison: ConnectionComparison, options: DeployPlanOptions = {}): DeployPlan {
  const refusals: string[] = [...folder.errors];
  const notes: string[] = [];
  const fields: Record<string, string> = { connectionName: folder.name, connectiontype: 'REST', saveconnection: 'Y' };
  const description = folder.meta.columns.connectiondescription;
  if (typeof description === 'string') fields.description = description;

  const local = new Map(folder.attributes.map(a => [a.name.toLowerCase(), a]));
  for (const attr of folder.attributes) {
    const key = findRestAttribute(attr.name);
    if (!key) {
      notes.push(`${attr.fileName} is not sent: ${attr.name} is not an attribute EIC takes through its connection API.`);
      continue;
    }
    if (key.key === 'ConnectionJSON') continue;
    if (options.version && !attributeKnownIn(key.key, options.version) && deployableText(attr.text) !== undefined) {
      refusals.push(versionGateMessage(key.key, options.version));
    }
    for (const lit of findLiteralCredentials(attr.text)) {
      refusals.push(`${attr.fileName} line ${lit.line}, column ${lit.column}: this looks like a literal ${lit.kind} ("${lit.excerpt}"). `
        + 'Credentials belong in ConnectionJSON, not in the other attributes: write "Authorization": "${access_token}" here, or "${connection.<key>}".');
    }
  }
  const byStatus = new Map(comparison.entries.map(e => [e.attribute.toLowerCase(), e]));
  for (const key of REST_ATTRIBUTE_KEYS) {
    if (key.key === 'ConnectionJSON') continue;
    const file = local.get(key.key.toLowerCase());
    const text = file ? deployableText(file.text) : undefined;
    const onTenant = byStatus.get(key.key.toLowerCase())?.status === 'only-tenant';
    // Attributes of a later release are only sent when there is something to send or to clear.
    if (text !== undefined) fields[key.key] = text;
    else if (!key.since || onTenant) fields[key.key] = '';
  }

  const changes = comparison.entries.filter(e => e.status === 'changed' || e.status === 'only-local').map(e => e.attribute);
  const clears = comparison.entries.filter(e => e.status === 'only-tenant').map(e => e.attribute);
  const fieldChanges = comparison.fields.filter(f => f.status === 'changed').map(f => f.field);
  const connectionJson = options.withConnectionJson ? 'send' : 'keep';
  if (connectionJson === 'send' && !comparison.connectionJson.local) {
    refusals.push(`The folder has no ConnectionJSON.json to send: create it (with placeholders where the credentials go), or deploy without sending ConnectionJSON.`);
  }
  if (!comparison.exists && connectionJson === 'keep') {
    refusals.push(`"${folder.name}" does not exist on the tenant yet, and EIC needs its ConnectionJSON to create it: `
      + 'deploy with ConnectionJSON (--with-connection-json on the command line); its credentials are filled in from secret storage or the environment.');
  }
  if (!comparison.exists) notes.push(`"${folder.name}" is new on the tenant: the deploy creates it.`);
  if (connectionJson === 'keep' && comparison.exists) notes.push('ConnectionJSON is not sent: the tenant keeps its own.');
  const upToDate = comparison.exists && connectionJson === 'keep' && changes.length === 0 && clears.length === 0 && fieldChanges.length === 0;
  return {
    connectionName: folder.name, exists: comparison.exists, changes, clears, fieldChanges, connectionJson, fields,
    refusals: [...new Set(refusals)], notes, upToDate,
  };
}

/** The attributes the confirmation lists: what changes, what is cleared, whether ConnectionJSON is replaced. */
export function planLines(plan: DeployPlan): string[] {
  const lines: string[] = [];
  for (const a of plan.changes) lines.push(`${a}: ${plan.exists ? 'changed' : 'new'}`);
  for (const a of plan.clears) lines.push(`${a}: cleared (only on the tenant)`);
  for (const f of plan.fieldChanges) lines.push(`${f}: changed`);
  lines.push(plan.connectionJson === 'send' ? 'ConnectionJSON: replaced by the folder\'s, with its credentials filled in' : 'ConnectionJSON: kept as the tenant has it');
  return lines;
}
