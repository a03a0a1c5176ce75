// Companies (minimal): upsert, find, page-based list, POST /companies/list, scroll, retrieve, delete.

import { ApiError, invalid, missing, notFound } from '../errors.js';
import { ok, type HandlerContext, type RouteDef } from '../context.js';
import { companyUserCount, serializeCompany } from '../serialize.js';
import { parsePerPage } from '../pagination.js';
import type { CompanyRecord } from '../types.js';
import { objectId } from '../seed-util.js';
import { randomUUID } from 'node:crypto';

const companyNotFound = () => new ApiError(404, 'company_not_found', 'Company Not Found');
const SCROLL_IDLE_SECONDS = 60;
const SCROLL_PAGE = 15;

function withUsers(ctx: HandlerContext): CompanyRecord[] {
  return ctx.ws.companies.filter((c) => companyUserCount(ctx.ws, c) > 0);
}

function pageNumber(raw: string | null): number {
  if (raw === null) return 1;
  if (!/^[0-9]+$/.test(raw) || Number(raw) < 1) throw invalid('page must be a positive integer');
  return Number(raw);
}

function pagedList(ctx: HandlerContext, items: CompanyRecord[], path: string, defaultPerPage: number) {
  const perPage = parsePerPage(ctx.query.get('per_page') ?? undefined, defaultPerPage, 60);
  const page = pageNumber(ctx.query.get('page'));
  const capped = items.slice(0, 10_000);
  const totalPages = Math.ceil(capped.length / perPage);
  const data = capped.slice((page - 1) * perPage, page * perPage);
  return ok({
    type: 'list',
    data: data.map((c) => serializeCompany(c, ctx)),
    pages: {
      type: 'pages',
      page,
      per_page: perPage,
      total_pages: totalPages,
      next: page < totalPages ? `${ctx.base}${path}?page=${page + 1}&per_page=${perPage}` : null,
    },
    total_count: capped.length,
  });
}

function getCompanies(ctx: HandlerContext) {
  const companyId = ctx.query.get('company_id');
  const name = ctx.query.get('name');
  if (companyId !== null || name !== null) {
    const found = ctx.ws.companies.find((c) => (companyId !== null ? c.companyId === companyId : c.name === name));
    if (!found) throw companyNotFound();
    if (ctx.options.companyLookupReturnsObject) return ok(serializeCompany(found, ctx));
    return ok({
      type: 'list',
      data: [serializeCompany(found, ctx)],
      pages: { type: 'pages', page: 1, per_page: 15, total_pages: 1, next: null },
      total_count: 1,
    });
  }
  return pagedList(ctx, withUsers(ctx), '/companies', 15);
}

function listCompanies(ctx: HandlerContext) {
  const order = ctx.query.get('order') ?? 'desc';
  const items = withUsers(ctx).sort((a, b) => (order === 'asc' ? 1 : -1) * (a.lastRequestAt - b.lastRequestAt));
  return pagedList(ctx, items, '/companies/list', 15);
}

const COMPANY_KEYS = ['company_id', 'name', 'remote_created_at', 'plan', 'size', 'website', 'industry', 'custom_attributes', 'monthly_spend'];

function upsertCompany(ctx: HandlerContext) {
  const b = ctx.body;
  const unknown = Object.keys(b).find((k) => !COMPANY_KEYS.includes(k));
  if (unknown) throw new ApiError(400, 'bad_request', `bad '${unknown}' parameter`);
  if (b.company_id === undefined || b.company_id === null || b.company_id === '') throw missing('company_id is a required parameter');
  const companyId = String(b.company_id);
  let company = ctx.ws.companies.find((c) => c.companyId === companyId);
  if (!company) {
    company = {
      id: objectId(ctx.now, `${ctx.ws.idCode}/company/${companyId}/${ctx.ws.counters.company++}`),
      companyId,
      name: companyId,
      createdAt: ctx.now,
      updatedAt: ctx.now,
      lastRequestAt: ctx.now,
      plan: null,
      size: 0,
      website: null,
      industry: null,
      monthlySpend: 0,
      customAttributes: {},
      tagIds: [],
    };
    ctx.ws.companies.push(company);
  }
  if (typeof b.name === 'string') company.name = b.name;
  if (typeof b.plan === 'string') company.plan = b.plan;
  if (typeof b.size === 'number') company.size = b.size;
  if (typeof b.website === 'string') company.website = b.website;
  if (typeof b.industry === 'string') company.industry = b.industry;
  if (typeof b.monthly_spend === 'number') company.monthlySpend = b.monthly_spend;
  if (b.custom_attributes && typeof b.custom_attributes === 'object') {
    company.customAttributes = { ...company.customAttributes, ...(b.custom_attributes as Record<string, unknown>) };
  }
  company.updatedAt = ctx.now;
  return ok(serializeCompany(company, ctx));
}

function companyOrThrow(ctx: HandlerContext): CompanyRecord {
  const company = ctx.ws.companies.find((c) => c.id === ctx.params.id);
  if (!company) throw companyNotFound();
  return company;
}

function getCompany(ctx: HandlerContext) {
  return ok(serializeCompany(companyOrThrow(ctx), ctx));
}

function deleteCompany(ctx: HandlerContext) {
  const company = companyOrThrow(ctx);
  ctx.ws.companies = ctx.ws.companies.filter((c) => c !== company);
  for (const c of ctx.ws.contacts) c.companyIds = c.companyIds.filter((id) => id !== company.id);
  return ok({ id: company.id, object: 'company', deleted: true });
}

function scroll(ctx: HandlerContext) {
  const param = ctx.query.get('scroll_param');
  const open = ctx.ws.scroll;
  const expired = open !== null && ctx.now - open.lastUsed > SCROLL_IDLE_SECONDS;
  if (param === null) {
    if (open && !expired) throw invalid('A scroll is already open for this app; finish it or wait one minute');
    ctx.ws.scroll = { param: randomUUID(), offset: 0, lastUsed: ctx.now, pages: 0 };
  } else if (!open || expired || open.param !== param) {
    ctx.ws.scroll = expired ? null : open;
    throw notFound('Scroll parameter not found or expired');
  }
  const state = ctx.ws.scroll as NonNullable<typeof ctx.ws.scroll>;
  const failAfter = ctx.options.scroll500AfterNPages;
  if (failAfter !== null && state.pages >= failAfter) {
    ctx.ws.scroll = null;
    throw new ApiError(500, 'server_error', 'Request failed due to an internal network error. Please restart the scroll operation.');
  }
  const items = withUsers(ctx);
  const data = items.slice(state.offset, state.offset + SCROLL_PAGE);
  state.offset += data.length;
  state.lastUsed = ctx.now;
  state.pages += 1;
  const scrollParam = state.param;
  if (data.length === 0) ctx.ws.scroll = null; // the end: an empty page, after which the parameter is dead
  return ok({ type: 'list', data: data.map((c) => serializeCompany(c, ctx)), pages: null, total_count: null, scroll_param: scrollParam });
}

const R = 'read_companies';
const W = 'write_companies';

export const companyRoutes: RouteDef[] = [
  { method: 'GET', path: '/companies', scope: R, feature: null, handler: getCompanies },
  { method: 'POST', path: '/companies', scope: W, feature: null, handler: upsertCompany },
  { method: 'POST', path: '/companies/list', scope: R, feature: null, handler: listCompanies },
  { method: 'GET', path: '/companies/scroll', scope: R, feature: null, handler: scroll },
  { method: 'GET', path: '/companies/:id', scope: R, feature: null, handler: getCompany },
  { method: 'DELETE', path: '/companies/:id', scope: W, feature: null, handler: deleteCompany },
];
