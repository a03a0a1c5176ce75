// The companies of a contact: list (page-based, `data` as in the spec's example), attach, detach.
// A contact's embedded `companies` shows at most 10; this list has them all.

import { ApiError, missing } from '../errors.js';
import { ok, type HandlerContext, type RouteDef } from '../context.js';
import { serializeCompany } from '../serialize.js';
import { parsePerPage } from '../pagination.js';
import type { CompanyRecord } from '../types.js';
import { contactOrThrow } from './contact-common.js';

/** Intercom's documented limit of company associations per contact. */
const COMPANY_LIMIT = 1000;
const companyNotFound = () => new ApiError(404, 'company_not_found', 'Company Not Found');

function pageOf(raw: string | null): number {
  if (raw === null) return 1;
  if (!/^[0-9]+$/.test(raw) || Number(raw) < 1) throw new ApiError(400, 'parameter_invalid', 'page must be a positive integer');
  return Number(raw);
}

function listContactCompanies(ctx: HandlerContext) {
  const contact = contactOrThrow(ctx);
  const companies = contact.companyIds
    .map((id) => ctx.ws.companies.find((c) => c.id === id))
    .filter((c): c is CompanyRecord => c !== undefined);
  const perPage = parsePerPage(ctx.query.get('per_page') ?? undefined, 50, 150);
  const page = pageOf(ctx.query.get('page'));
  const totalPages = Math.ceil(companies.length / perPage);
  const path = `/contacts/${encodeURIComponent(contact.id)}/companies`;
  return ok({
    type: 'list',
    data: companies.slice((page - 1) * perPage, page * perPage).map((c) => serializeCompany(c, ctx)),
    pages: {
      type: 'pages',
      next: page < totalPages ? `${ctx.base}${path}?page=${page + 1}&per_page=${perPage}` : null,
      page,
      per_page: perPage,
      total_pages: totalPages,
    },
    total_count: companies.length,
  });
}

function companyByIdOrThrow(ctx: HandlerContext, raw: unknown): CompanyRecord {
  const company = ctx.ws.companies.find((c) => c.id === String(raw));
  if (!company) throw companyNotFound();
  return company;
}

function attachCompany(ctx: HandlerContext) {
  const contact = contactOrThrow(ctx);
  const raw = ctx.body.id;
  if (raw === undefined || raw === null || raw === '') throw missing('company not specified');
  const company = companyByIdOrThrow(ctx, raw);
  if (!contact.companyIds.includes(company.id)) {
    if (contact.companyIds.length >= COMPANY_LIMIT) {
      throw new ApiError(400, 'contact_company_limit_exceeded', `Contact has reached the maximum of ${COMPANY_LIMIT} company associations`);
    }
    contact.companyIds.push(company.id);
    contact.updatedAt = ctx.now;
  }
  return ok(serializeCompany(company, ctx));
}

function detachCompany(ctx: HandlerContext) {
  const contact = contactOrThrow(ctx);
  const company = companyByIdOrThrow(ctx, ctx.params.companyId);
  if (contact.companyIds.includes(company.id)) {
    contact.companyIds = contact.companyIds.filter((id) => id !== company.id);
    contact.updatedAt = ctx.now;
  }
  return ok(serializeCompany(company, ctx));
}

export const contactCompanyRoutes: RouteDef[] = [
  { method: 'GET', path: '/contacts/:id/companies', scope: 'read_users', feature: null, since: '2.0', handler: listContactCompanies },
  { method: 'POST', path: '/contacts/:id/companies', scope: 'write_users', feature: null, since: '2.0', handler: attachCompany },
  { method: 'DELETE', path: '/contacts/:id/companies/:companyId', scope: 'write_users', feature: null, since: '2.0', handler: detachCompany },
];
