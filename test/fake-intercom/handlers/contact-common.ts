// Contact lookups and field validation shared by the contact handlers and ticket creation.

import { ApiError, invalid, MSG, notFound } from '../errors.js';
import type { HandlerContext } from '../context.js';
import type { ContactRecord, WorkspaceRecord } from '../types.js';
import { isV216 } from '../versions.js';
import { objectId } from '../seed-util.js';

/** Contacts that appear in lists and search: not archived, blocked, merged away or deleted. */
export function isListed(c: ContactRecord): boolean {
  return !c.deleted && !c.archived && !c.blocked && c.mergedInto === null;
}

export function sortedContacts(ws: WorkspaceRecord, filter: (c: ContactRecord) => boolean): ContactRecord[] {
  return ws.contacts.filter(filter).sort((a, b) => a.createdAt - b.createdAt || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}

/** 410 contact_merged with a Link header on 2.16+, 404 before. */
export function mergedError(ctx: HandlerContext, c: ContactRecord): ApiError {
  if (isV216(ctx.version)) {
    return new ApiError(410, 'contact_merged', `Contact has been merged into ${c.mergedInto}`, {
      Link: `</contacts/${c.mergedInto}>; rel="canonical"`,
    });
  }
  return notFound(MSG.userNotFound);
}

/** Finds a contact for GET/PUT/DELETE and sub-resources. Archived contacts are still found. */
export function contactOrThrow(ctx: HandlerContext, id: string = ctx.params.id): ContactRecord {
  const c = ctx.ws.contactById.get(id);
  if (!c || c.deleted) throw notFound(MSG.userNotFound);
  if (c.mergedInto !== null) throw mergedError(ctx, c);
  return c;
}

/** Another live contact (not deleted or merged away) with this email or external id. */
export function findDuplicate(
  ws: WorkspaceRecord,
  email: string | null,
  externalId: string | null,
  exceptId?: string,
): ContactRecord | undefined {
  const mail = email?.toLowerCase() ?? null;
  return ws.contacts.find(
    (c) =>
      c.id !== exceptId &&
      !c.deleted &&
      c.mergedInto === null &&
      ((mail !== null && c.email?.toLowerCase() === mail) || (externalId !== null && c.externalId === externalId)),
  );
}

export function conflictFor(existing: ContactRecord): ApiError {
  return existing.archived
    ? new ApiError(409, 'conflict', `An archived contact matching those details already exists with id=${existing.id}`)
    : new ApiError(409, 'conflict', `A contact matching those details already exists with id=${existing.id}`);
}

export interface ContactFields {
  email?: string | null;
  externalId?: string | null;
  role?: 'user' | 'lead';
  name?: string | null;
  phone?: string | null;
  ownerId?: number | null;
  signedUpAt?: number | null;
  lastSeenAt?: number | null;
  unsubscribedFromEmails?: boolean;
  customAttributes?: Record<string, unknown>;
}

function optionalString(body: Record<string, unknown>, key: string): string | null | undefined {
  const v = body[key];
  if (v === undefined) return undefined;
  if (v === null) return null;
  if (typeof v === 'string') return v;
  if (typeof v === 'number' && key === 'external_id') return String(v);
  throw invalid(`${key} must be a string`);
}

function optionalTime(body: Record<string, unknown>, key: string): number | null | undefined {
  const v = body[key];
  if (v === undefined || v === null) return v as null | undefined;
  if (typeof v !== 'number' || !Number.isInteger(v)) throw invalid(`${key} must be a Unix timestamp in seconds`);
  return v;
}

/** Reads the writable contact fields of a create or update body. */
export function readContactFields(ctx: HandlerContext): ContactFields {
  const b = ctx.body;
  const out: ContactFields = {
    email: optionalString(b, 'email'),
    externalId: optionalString(b, 'external_id'),
    name: optionalString(b, 'name'),
    phone: optionalString(b, 'phone'),
    signedUpAt: optionalTime(b, 'signed_up_at'),
    lastSeenAt: optionalTime(b, 'last_seen_at'),
  };
  if (b.role !== undefined) {
    if (b.role !== 'user' && b.role !== 'lead') throw invalid('role must be "user" or "lead"');
    out.role = b.role;
  }
  if (b.owner_id !== undefined && b.owner_id !== null) {
    const owner = Number(b.owner_id);
    if (!ctx.ws.admins.some((a) => Number(a.id) === owner)) throw invalid(`owner_id ${String(b.owner_id)} is not an admin`);
    out.ownerId = owner;
  } else if (b.owner_id === null) out.ownerId = null;
  if (b.unsubscribed_from_emails !== undefined) {
    if (typeof b.unsubscribed_from_emails !== 'boolean') throw invalid('unsubscribed_from_emails must be a boolean');
    out.unsubscribedFromEmails = b.unsubscribed_from_emails;
  }
  if (b.custom_attributes !== undefined) {
    const ca = b.custom_attributes;
    if (ca === null || typeof ca !== 'object' || Array.isArray(ca)) throw invalid('custom_attributes must be an object');
    for (const key of Object.keys(ca)) {
      if (!ctx.ws.dataAttributes.has(key)) {
        throw invalid(`Custom attribute '${key}' does not exist; create the data attribute first`);
      }
    }
    out.customAttributes = ca as Record<string, unknown>;
  }
  return out;
}

export function newContact(ws: WorkspaceRecord, fields: ContactFields, now: number, searchDelay: number): ContactRecord {
  ws.counters.contactSerial += 1;
  const contact: ContactRecord = {
    id: objectId(now, `${ws.idCode}/new-contact/${ws.counters.contactSerial}`),
    externalId: fields.externalId ?? null,
    role: fields.role ?? 'user',
    email: fields.email ?? null,
    phone: fields.phone ?? null,
    name: fields.name ?? null,
    ownerId: fields.ownerId ?? null,
    createdAt: now,
    updatedAt: now,
    signedUpAt: fields.signedUpAt ?? ((fields.role ?? 'user') === 'user' ? now : null),
    lastSeenAt: fields.lastSeenAt ?? null,
    unsubscribedFromEmails: fields.unsubscribedFromEmails ?? false,
    customAttributes: { ...(fields.customAttributes ?? {}) },
    tagIds: [],
    companyIds: [],
    archived: false,
    blocked: false,
    deleted: false,
    mergedInto: null,
    searchableAt: now + searchDelay,
  };
  ws.contacts.push(contact);
  ws.contactById.set(contact.id, contact);
  return contact;
}
