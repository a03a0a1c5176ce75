// Tags: list, create / rename / bulk-tag (POST /tags), retrieve, delete.

import { ApiError, invalid, notFound } from '../errors.js';
import { ok, type HandlerContext, type RouteDef } from '../context.js';
import { serializeTag } from '../serialize.js';
import type { TagRecord } from '../types.js';

const INVALID_TAG = 'invalid tag parameters';

function listTags(ctx: HandlerContext) {
  return ok({ type: 'list', data: ctx.ws.tags.map(serializeTag) });
}

function tagByName(ctx: HandlerContext, name: string): TagRecord {
  const existing = ctx.ws.tags.find((t) => t.name === name);
  if (existing) return existing;
  const tag: TagRecord = { id: String(ctx.ws.counters.tag++), name, createdAt: ctx.now };
  ctx.ws.tags.push(tag);
  return tag;
}

function tagUsers(ctx: HandlerContext, tag: TagRecord, users: unknown[]): unknown[] {
  return users.map((entry) => {
    const id = entry && typeof entry === 'object' ? String((entry as Record<string, unknown>).id ?? '') : '';
    const contact = ctx.ws.contactById.get(id);
    if (!contact || contact.deleted || contact.mergedInto) return { type: 'contact', id, tagged: false };
    const untag = (entry as Record<string, unknown>).untag === true;
    contact.tagIds = contact.tagIds.filter((t) => t !== tag.id);
    if (!untag) contact.tagIds.push(tag.id);
    return { type: 'contact', id, tagged: !untag };
  });
}

function tagCompanies(ctx: HandlerContext, tag: TagRecord, companies: unknown[]): unknown[] {
  return companies.map((entry) => {
    const e = (entry && typeof entry === 'object' ? entry : {}) as Record<string, unknown>;
    const company = ctx.ws.companies.find(
      (c) => (e.id !== undefined && c.id === String(e.id)) || (e.company_id !== undefined && c.companyId === String(e.company_id)),
    );
    if (!company) return { type: 'company', id: e.id ?? null, company_id: e.company_id ?? null, tagged: false };
    company.tagIds = company.tagIds.filter((t) => t !== tag.id);
    if (e.untag !== true) company.tagIds.push(tag.id);
    return { type: 'company', id: company.id, company_id: company.companyId, tagged: e.untag !== true };
  });
}

function postTags(ctx: HandlerContext) {
  const { name, id, users, companies } = ctx.body;
  const keys = Object.keys(ctx.body);
  const allowed = ['name', 'id', 'users', 'companies'];
  if (typeof name !== 'string' || name.trim() === '' || keys.some((k) => !allowed.includes(k))) throw invalid(INVALID_TAG);
  if (id !== undefined) {
    if (users !== undefined || companies !== undefined) throw invalid(INVALID_TAG);
    const tag = ctx.ws.tags.find((t) => t.id === String(id));
    if (!tag) throw notFound();
    tag.name = name;
    return ok(serializeTag(tag));
  }
  if (users !== undefined && companies !== undefined) throw invalid(INVALID_TAG);
  if (users !== undefined) {
    if (!Array.isArray(users)) throw invalid(INVALID_TAG);
    const tag = tagByName(ctx, name);
    return ok({ ...serializeTag(tag), users: tagUsers(ctx, tag, users) });
  }
  if (companies !== undefined) {
    if (!Array.isArray(companies)) throw invalid(INVALID_TAG);
    const tag = tagByName(ctx, name);
    return ok({ ...serializeTag(tag), companies: tagCompanies(ctx, tag, companies) });
  }
  return ok(serializeTag(tagByName(ctx, name)));
}

function tagOrThrow(ctx: HandlerContext): TagRecord {
  const tag = ctx.ws.tags.find((t) => t.id === ctx.params.id);
  if (!tag) throw notFound();
  return tag;
}

function getTag(ctx: HandlerContext) {
  return ok(serializeTag(tagOrThrow(ctx)));
}

function deleteTag(ctx: HandlerContext) {
  const tag = tagOrThrow(ctx);
  if (ctx.ws.segmentTagIds.has(tag.id)) {
    throw new ApiError(400, 'tag_has_dependent_objects', 'Unable to delete Tag with dependent objects. Segments: Enterprise customers.');
  }
  ctx.ws.tags = ctx.ws.tags.filter((t) => t.id !== tag.id);
  for (const c of ctx.ws.contacts) c.tagIds = c.tagIds.filter((t) => t !== tag.id);
  for (const t of ctx.ws.tickets) t.tags = t.tags.filter((x) => x.tagId !== tag.id);
  return { status: 200, empty: true };
}

export const tagRoutes: RouteDef[] = [
  { method: 'GET', path: '/tags', scope: 'read_tags', feature: null, handler: listTags },
  { method: 'POST', path: '/tags', scope: 'write_tags', feature: null, handler: postTags },
  { method: 'GET', path: '/tags/:id', scope: 'read_tags', feature: null, handler: getTag },
  { method: 'DELETE', path: '/tags/:id', scope: 'write_tags', feature: null, handler: deleteTag },
];
