// Contacts: list, create, retrieve, update, delete, archive/unarchive, block, find by external id.

import { ApiError, invalid, MSG, notFound } from '../errors.js';
import { ok, type HandlerContext, type RouteDef } from '../context.js';
import { contactStub, serializeContact } from '../serialize.js';
import { cursorPage, decodeCursor, parsePerPage } from '../pagination.js';
import type { ContactRecord } from '../types.js';
import {
  conflictFor,
  contactOrThrow,
  findDuplicate,
  isListed,
  mergedError,
  newContact,
  readContactFields,
  sortedContacts,
  type ContactFields,
} from './contact-common.js';
import { rejectUnknownContactFields } from './contact-fields.js';

const LIST_TAG = 'contacts.list';

function listContacts(ctx: HandlerContext) {
  const perPage = parsePerPage(ctx.query.get('per_page') ?? undefined, 10, 150, true);
  const raw = ctx.query.get('starting_after');
  const cursor =
    raw === null
      ? null
      : decodeCursor(raw, { tag: LIST_TAG, workspace: ctx.ws.idCode }, ctx.now, ctx.options.cursorTtlSeconds);
  const page = cursorPage<ContactRecord>({
    items: sortedContacts(ctx.ws, isListed),
    keyOf: (c) => [c.createdAt, c.id],
    direction: 1,
    perPage,
    cursor,
    tag: LIST_TAG,
    workspace: ctx.ws.idCode,
    now: ctx.now,
    unstable: ctx.options.unstableOrdering,
    lastPageNextNull: ctx.options.lastPageNextNull,
  });
  return ok({
    type: 'list',
    data: page.data.map((c) => serializeContact(c, ctx)),
    total_count: page.totalCount,
    pages: page.pages,
  });
}

function createContact(ctx: HandlerContext) {
  rejectUnknownContactFields(ctx);
  const fields = readContactFields(ctx);
  if (!fields.email && !fields.externalId && !fields.role) {
    throw invalid('Provide at least one of email, external_id or role');
  }
  const existing = findDuplicate(ctx.ws, fields.email ?? null, fields.externalId ?? null);
  if (existing) throw conflictFor(existing);
  const contact = newContact(ctx.ws, fields, ctx.now, ctx.options.searchIndexDelaySeconds);
  return ok(serializeContact(contact, ctx));
}

function getContact(ctx: HandlerContext) {
  return ok(serializeContact(contactOrThrow(ctx), ctx));
}

function applyFields(c: ContactRecord, f: ContactFields, now: number): void {
  if (f.email !== undefined) c.email = f.email;
  if (f.externalId !== undefined) c.externalId = f.externalId;
  if (f.role !== undefined) c.role = f.role;
  if (f.name !== undefined) c.name = f.name;
  if (f.phone !== undefined) c.phone = f.phone;
  if (f.ownerId !== undefined) c.ownerId = f.ownerId;
  if (f.signedUpAt !== undefined) c.signedUpAt = f.signedUpAt;
  if (f.lastSeenAt !== undefined) c.lastSeenAt = f.lastSeenAt;
  if (f.unsubscribedFromEmails !== undefined) c.unsubscribedFromEmails = f.unsubscribedFromEmails;
  if (f.customAttributes) c.customAttributes = { ...c.customAttributes, ...f.customAttributes };
  c.updatedAt = now;
}

function updateContact(ctx: HandlerContext) {
  const contact = contactOrThrow(ctx);
  rejectUnknownContactFields(ctx);
  const fields = readContactFields(ctx);
  const clash = findDuplicate(ctx.ws, fields.email ?? null, fields.externalId ?? null, contact.id);
  if (clash) throw conflictFor(clash);
  applyFields(contact, fields, ctx.now);
  return ok(serializeContact(contact, ctx));
}

function deleteContact(ctx: HandlerContext) {
  const contact = contactOrThrow(ctx);
  contact.deleted = true;
  return ok(contactStub(contact, { deleted: true }));
}

function setArchived(value: boolean) {
  return (ctx: HandlerContext) => {
    const contact = contactOrThrow(ctx);
    if (contact.archived !== value) {
      contact.archived = value;
      contact.updatedAt = ctx.now;
    }
    return ok(contactStub(contact, { archived: value }));
  };
}

function blockContact(ctx: HandlerContext) {
  const contact = contactOrThrow(ctx);
  contact.blocked = true;
  contact.updatedAt = ctx.now;
  return ok(contactStub(contact, { blocked: true }));
}

function findByExternalId(ctx: HandlerContext) {
  const wanted = ctx.params.externalId;
  const match = ctx.ws.contacts.find((c) => !c.deleted && c.role === 'user' && c.externalId === wanted);
  if (!match) {
    // A merged-away contact that once had this external id still answers 410 on 2.16.
    const merged = ctx.ws.contacts.find((c) => c.mergedInto !== null && c.externalId === wanted);
    if (merged) throw mergedError(ctx, merged);
    throw notFound(MSG.userNotFound);
  }
  if (match.mergedInto !== null) throw mergedError(ctx, match);
  return ok(serializeContact(match, ctx));
}

function mergeContacts(ctx: HandlerContext) {
  const from = ctx.ws.contactById.get(String(ctx.body.from ?? ''));
  const into = ctx.ws.contactById.get(String(ctx.body.into ?? ''));
  if (ctx.body.from === undefined || ctx.body.into === undefined) {
    throw new ApiError(400, 'parameter_not_found', 'from and into are required');
  }
  if (!from || !into || from.deleted || into.deleted || from.mergedInto || into.mergedInto) {
    throw notFound(MSG.userNotFound);
  }
  if (from.role !== 'lead' || into.role !== 'user') throw invalid('Only a lead can be merged into a user');
  from.mergedInto = into.id;
  into.tagIds = [...new Set([...into.tagIds, ...from.tagIds])];
  into.updatedAt = ctx.now;
  return ok(serializeContact(into, ctx));
}

const R = 'read_users';
const W = 'write_users';

export const contactRoutes: RouteDef[] = [
  { method: 'GET', path: '/contacts', scope: R, feature: null, since: '2.0', handler: listContacts },
  { method: 'POST', path: '/contacts', scope: W, feature: null, since: '2.0', handler: createContact },
  { method: 'POST', path: '/contacts/merge', scope: W, feature: null, since: '2.0', handler: mergeContacts },
  { method: 'GET', path: '/contacts/:id', scope: R, feature: null, since: '2.0', handler: getContact },
  { method: 'PUT', path: '/contacts/:id', scope: W, feature: null, since: '2.0', handler: updateContact },
  { method: 'DELETE', path: '/contacts/:id', scope: W, feature: null, since: '2.0', handler: deleteContact },
  { method: 'POST', path: '/contacts/:id/archive', scope: W, feature: null, since: '2.0', handler: setArchived(true) },
  { method: 'POST', path: '/contacts/:id/unarchive', scope: W, feature: null, since: '2.0', handler: setArchived(false) },
  { method: 'POST', path: '/contacts/:id/block', scope: W, feature: null, since: '2.13', handler: blockContact },
  {
    method: 'GET',
    path: '/contacts/find_by_external_id/:externalId',
    scope: R,
    feature: null,
    since: '2.13',
    handler: findByExternalId,
  },
];
