// POST /contacts/search and the tags of a contact.

import { invalid, missing, MSG, notFound } from '../errors.js';
import { ok, type HandlerContext, type RouteDef } from '../context.js';
import { serializeContact, serializeTag } from '../serialize.js';
import type { FieldDef } from '../search-query.js';
import type { ContactRecord } from '../types.js';
import { contactOrThrow, isListed } from './contact-common.js';
import { runSearch } from './search-common.js';

const date = (get: (c: ContactRecord) => number | null): FieldDef<ContactRecord> => ({ kind: 'date', get });
const text = (get: (c: ContactRecord) => string | null): FieldDef<ContactRecord> => ({ kind: 'string', get });

const CONTACT_FIELDS: Record<string, FieldDef<ContactRecord>> = {
  id: text((c) => c.id),
  role: text((c) => c.role),
  name: text((c) => c.name),
  email: text((c) => c.email),
  email_domain: text((c) => (c.email ? c.email.slice(c.email.indexOf('@') + 1) : null)),
  phone: text((c) => c.phone),
  external_id: text((c) => c.externalId),
  created_at: date((c) => c.createdAt),
  updated_at: date((c) => c.updatedAt),
  signed_up_at: date((c) => c.signedUpAt),
  last_seen_at: date((c) => c.lastSeenAt),
  owner_id: { kind: 'number', get: (c) => c.ownerId },
  unsubscribed_from_emails: { kind: 'boolean', get: (c) => c.unsubscribedFromEmails },
  tag_id: { kind: 'tag', get: (c) => c.tagIds },
  company_id: { kind: 'id_list', get: (c) => c.companyIds },
};

function searchContacts(ctx: HandlerContext) {
  const resolve = (name: string): FieldDef<ContactRecord> | undefined => {
    if (name.startsWith('custom_attributes.')) {
      const key = name.slice('custom_attributes.'.length);
      return ctx.ws.dataAttributes.has(key) ? { kind: 'any', get: (c) => c.customAttributes[key] ?? null } : undefined;
    }
    return Object.prototype.hasOwnProperty.call(CONTACT_FIELDS, name) ? CONTACT_FIELDS[name] : undefined;
  };
  const result = runSearch<ContactRecord>(ctx, {
    endpoint: 'contacts.search',
    resolve,
    // Newly created contacts stay invisible until the search index catches up.
    items: ctx.ws.contacts.filter((c) => isListed(c) && c.searchableAt <= ctx.now),
    idOf: (c) => c.id,
    defaultSort: 'created_at',
    defaultPerPage: 50,
    sortSince: '2.16',
  });
  return ok({
    type: 'list',
    data: result.data.map((c) => serializeContact(c, ctx)),
    total_count: result.totalCount,
    pages: result.pages,
  });
}

function listContactTags(ctx: HandlerContext) {
  const contact = contactOrThrow(ctx);
  const tags = contact.tagIds.map((id) => ctx.ws.tags.find((t) => t.id === id)).filter((t) => t !== undefined);
  return ok({ type: 'list', data: tags.map(serializeTag) });
}

function tagContact(ctx: HandlerContext) {
  const contact = contactOrThrow(ctx);
  const tagId = ctx.body.id;
  if (tagId === undefined || tagId === null) throw missing('id is a required parameter');
  if (typeof tagId !== 'string' && typeof tagId !== 'number') throw invalid('id must be a tag id');
  const tag = ctx.ws.tags.find((t) => t.id === String(tagId));
  if (!tag) throw notFound(MSG.notFound);
  if (!contact.tagIds.includes(tag.id)) contact.tagIds.push(tag.id);
  contact.updatedAt = ctx.now;
  return ok(serializeTag(tag));
}

function untagContact(ctx: HandlerContext) {
  const contact = contactOrThrow(ctx);
  const tag = ctx.ws.tags.find((t) => t.id === ctx.params.tagId);
  if (!tag) throw notFound(MSG.notFound);
  contact.tagIds = contact.tagIds.filter((id) => id !== tag.id);
  contact.updatedAt = ctx.now;
  return ok(serializeTag(tag));
}

export const contactSearchRoutes: RouteDef[] = [
  { method: 'POST', path: '/contacts/search', scope: 'read_users', feature: null, since: '2.0', handler: searchContacts },
  { method: 'GET', path: '/contacts/:id/tags', scope: 'read_users', feature: null, since: '2.0', handler: listContactTags },
  { method: 'POST', path: '/contacts/:id/tags', scope: 'write_users', feature: null, since: '2.0', handler: tagContact },
  {
    method: 'DELETE',
    path: '/contacts/:id/tags/:tagId',
    scope: 'write_users',
    feature: null,
    since: '2.0',
    handler: untagContact,
  },
];
