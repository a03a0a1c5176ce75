/**
 * Which Intercom model a connection follows, read from its sibling documents: where the accounts
 * come from (GET /admins = teammates, /contacts = contacts) and how it provisions (account and access
 * calls, or tickets). Teammates and contacts are different objects in Intercom: a contact endpoint
 * answers 404 for a teammate's id, and no API writes teammates, so a teammates connection provisions
 * by ticket.
 */
import type { ConnectionView } from '../connection';
import type { AttributeDocument } from '../document';
import type { AnalysisSettings } from '../types';
import { authentications } from '../calls/authentications';
import { intercomCalls, type IntercomCall } from './rules/model';

export type AccountSource = 'teammates' | 'contacts' | 'both';

/** The attributes whose calls act on an existing or new account, or its access (lifecycle and access tasks). */
export const LIFECYCLE_ATTRIBUTES = ['CreateAccountJSON', 'UpdateAccountJSON', 'EnableAccountJSON', 'DisableAccountJSON', 'RemoveAccountJSON', 'ChangePassJSON'];
export const ACCESS_ATTRIBUTES = ['AddAccessJSON', 'RemoveAccessJSON'];

/** True for a path of Intercom's contacts API (`/contacts`, `/contacts/{id}/tags` …). */
export function isContactPath(path: string): boolean {
  return /^\/contacts(\/|$|\?|\$)/.test(path.trim());
}

function importAccountCalls(connection: ConnectionView, settings: AnalysisSettings | undefined): { doc: AttributeDocument; calls: IntercomCall[] } | undefined {
  const doc = connection.get('ImportAccountEntJSON');
  if (!doc || doc.kind !== 'attribute') return undefined;
  return { doc, calls: intercomCalls(doc, settings).filter(c => c.call.role === 'importAccount') };
}

/** Where the connection's accounts come from; undefined without an ImportAccountEntJSON that reads Intercom accounts. */
export function accountSource(connection: ConnectionView, settings: AnalysisSettings | undefined): AccountSource | undefined {
  const found = importAccountCalls(connection, settings);
  if (!found) return undefined;
  let admins = false;
  let contacts = false;
  for (const c of found.calls) {
    const path = c.endpoint?.path ?? c.url.path;
    if (/^\/admins\/?$/.test(path)) admins = true;
    else if (isContactPath(path)) contacts = true;
  }
  return admins && contacts ? 'both' : admins ? 'teammates' : contacts ? 'contacts' : undefined;
}

/** The document of an attribute when it is present and holds JSON content (an empty file is "not configured"). */
export function configured(connection: ConnectionView, attribute: string): AttributeDocument | undefined {
  const doc = connection.get(attribute);
  return doc && doc.kind === 'attribute' && doc.text.trim() !== '' ? doc : undefined;
}

/** True when the connection raises tickets and has no access calls: its access tasks become tickets. */
export function provisionsAccessByTicket(connection: ConnectionView): boolean {
  return !!configured(connection, 'CreateTicketJSON') && !ACCESS_ATTRIBUTES.some(a => configured(connection, a));
}

/** The ConnectionJSON keys of an authentication (the ones `${connection.<key>}` reads), when ConnectionJSON is plain. */
export function connectionKeys(connection: ConnectionView, auth: string | undefined): string[] {
  const doc = connection.get('ConnectionJSON');
  if (doc?.kind !== 'attribute') return [];
  return authentications(doc).filter(a => auth === undefined || a.name === auth).flatMap(a => a.node.properties.map(k => k.keyNode.value));
}
