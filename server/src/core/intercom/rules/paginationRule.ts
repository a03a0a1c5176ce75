/**
 * Pagination of Intercom list imports (intercom-api §6):
 * - `intercom-pagination-missing` (warning): a paginated endpoint (GET /contacts, /conversations,
 *   /companies …) imported without `pagination`: only the first page arrives (10 contacts by default);
 *   fix adds a nextUrl that follows the endpoint's own paging style;
 * - `intercom-pagination-cursor` (warning): the paging does not fit the endpoint: a nextUrlPath that
 *   reads `pages.next` as a URL on a cursor endpoint (there it is an object holding `starting_after`),
 *   page/offset parameters that a cursor endpoint ignores, or a search cursor put into the URL.
 */
import type { ObjectASTNode } from '../../json/ast';
import { getProperty, getValue, isObject, isString, stringValue } from '../../json/ast';
import type { IntercomEndpoint, PaginationStyle } from '../catalog';
import { paginationOf } from '../catalog';
import type { Fix } from '../../types';
import type { Rule } from '../../rules/rule';
import type { RuleContext } from '../../rules/rule';
import { insertProperty } from '../../rules/support/objectEdits';
import { replaceString } from '../../rules/support/stringNodes';
import { IntercomCall, intercomCalls } from './model';

const IMPORT_ROLES = new Set(['importUser', 'importAccount', 'importEntitlement', 'importAcctEnt']);

/** Default page sizes Intercom documents (GET /contacts: 10 in practice, the spec text says 50). */
const DEFAULT_PAGE_SIZE: Record<string, number> = {
  'GET /contacts': 10, 'GET /conversations': 20, 'GET /companies': 15, 'POST /companies/list': 15,
  'POST /contacts/search': 50, 'POST /conversations/search': 20, 'POST /tickets/search': 20,
};

/** "contacts" for GET /contacts, "records" when the path has no clear noun. */
function noun(endpoint: IntercomEndpoint): string {
  const last = endpoint.path.split('/').filter(s => s && !s.startsWith('{') && s !== 'search' && s !== 'list' && s !== 'scroll').pop();
  return last ? last.replace(/_/g, ' ') : 'records';
}

function pageSize(ic: IntercomCall, endpoint: IntercomEndpoint): number | undefined {
  const m = /(?:^|&)per_page=(\d+)/.exec(ic.url.query);
  return m ? Number(m[1]) : DEFAULT_PAGE_SIZE[endpoint.key];
}

/** The base URL (without starting_after/page parameters) for a nextUrl expression; undefined when it holds bindings. */
function baseUrl(ic: IntercomCall): string | undefined {
  const value = ic.url.value.trim();
  if (value.includes('${') || value.includes("'")) return undefined;
  const [path, query = ''] = value.split('?');
  const kept = query.split('&').filter(p => p && !/^(starting_after|page)=/.test(p));
  if (!kept.some(p => p.startsWith('per_page='))) kept.push('per_page=150');
  return `${path}?${kept.join('&')}`;
}

export function cursorNextUrl(base: string): string {
  const cursor = 'response.completeResponseMap.pages.next.starting_after';
  return `\${response?.completeResponseMap?.pages?.next?.starting_after == null ? null : '${base}&starting_after=' + java.net.URLEncoder.encode(${cursor}, 'UTF-8')}`;
}

const PAGE_NUMBER_NEXT_URL = '${response?.completeResponseMap?.pages?.next}';

function paginationText(style: PaginationStyle, ic: IntercomCall): string | undefined {
  if (style === 'cursor-query') {
    const base = baseUrl(ic);
    return base ? JSON.stringify({ nextUrl: { nextUrlPath: cursorNextUrl(base) } }) : undefined;
  }
  if (style === 'page-number') return JSON.stringify({ nextUrl: { nextUrlPath: PAGE_NUMBER_NEXT_URL } });
  return undefined;
}

/** `pagination.per_page` set in a search body: the author chose the page that one run reads. */
function bodyPerPage(ic: IntercomCall): number | undefined {
  const body = stringValue(getValue(ic.call.httpNode, 'httpParams'));
  const m = body ? /"pagination"\s*:\s*\{[^}]*"per_page"\s*:\s*(\d+)/.exec(body) : null;
  return m ? Number(m[1]) : undefined;
}

function missing(ctx: RuleContext, ic: IntercomCall, endpoint: IntercomEndpoint, style: PaginationStyle): void {
  if (style === 'cursor-body') {
    // EIC's import pagination can only change the URL, never the body, so a search cannot be paged.
    // When the body sets pagination.per_page the one-page limit is a deliberate choice (incremental imports).
    if (bodyPerPage(ic) !== undefined) return;
    const at = ic.urlNode;
    ctx.report({
      offset: at.offset, length: at.length, severity: 'warning', code: 'intercom-pagination-missing',
      message: `Missing pagination: ${endpoint.method} ${endpoint.path} pages with a cursor in the request body, which EIC's import cannot send, so one run reads only the first page (${pageSize(ic, endpoint) ?? 'the default size'}). Set "pagination": {"per_page": 150} in the body and keep the query narrow enough (e.g. recently updated records) for one page, or import with GET ${endpoint.path.replace(/\/search$/, '')} and a cursor nextUrl.`,
    });
    return;
  }
  const size = pageSize(ic, endpoint);
  const what = noun(endpoint);
  const first = size ? `the first ${size} ${what}` : `the first page of ${what}`;
  const how: Record<string, string> = {
    'cursor-query': 'the next page is asked for with ?starting_after=<pages.next.starting_after> (URL-encoded; up to per_page=150 per page)',
    'cursor-body': 'the next page is asked for with pagination.starting_after in the request body',
    'page-number': 'pages.next holds the URL of the next page (null on the last one)',
    scroll: 'the next page is asked for with ?scroll_param=<scroll_param of the last response>',
  };
  const text = paginationText(style, ic);
  const listField = getProperty(ic.call.node, 'listField');
  const anchor = listField ?? getProperty(ic.call.node, 'http');
  const fixes: Fix[] = text && anchor ? [{ title: 'Add pagination that follows Intercom\'s next page', edits: [insertProperty(ctx.doc, ic.call.node, 'pagination', text, anchor)] }] : [];
  const at = listField?.keyNode ?? ic.urlNode;
  ctx.report({
    offset: at.offset, length: at.length, severity: 'warning', code: 'intercom-pagination-missing',
    message: `Missing pagination: ${endpoint.method} ${endpoint.path} is paginated (${how[style]}), but this import has none: only ${first} would be imported.`,
    fixes,
  });
}

function checkNextUrl(ctx: RuleContext, ic: IntercomCall, endpoint: IntercomEndpoint, style: PaginationStyle, pagination: ObjectASTNode): void {
  const nextUrl = getValue(pagination, 'nextUrl');
  const form = ['offset', 'page'].find(k => getProperty(pagination, k));
  if (style === 'cursor-query' && form) {
    const prop = getProperty(pagination, form)!;
    const text = paginationText(style, ic);
    ctx.report({
      offset: prop.keyNode.offset, length: prop.keyNode.length, severity: 'warning', code: 'intercom-pagination-cursor',
      message: `${form === 'page' ? 'Page numbers' : 'Offsets'} on a cursor endpoint: ${endpoint.method} ${endpoint.path} pages with a cursor (pages.next.starting_after) and ignores ${form === 'page' ? 'page numbers' : 'offsets'}: every request returns the first page again. Use a nextUrl that adds starting_after.`,
      fixes: text ? [{ title: 'Replace with a cursor nextUrl', edits: [{ offset: pagination.offset, length: pagination.length, newText: text }] }] : [],
    });
    return;
  }
  const path = getValue(nextUrl, 'nextUrlPath');
  if (!isString(path)) return;
  const expr = path.value.replace(/\?\./g, '.').replace(/\s+/g, '');
  const readsNext = /pages\.next(?![\w.])|pages\.next\.(?!starting_after)|pages\.next\.toString/.test(expr) || /pages\.get\('next'\)/.test(expr);
  const readsCursor = /starting_after/.test(expr);
  if (style === 'cursor-query' && readsNext && !readsCursor) {
    const base = baseUrl(ic);
    ctx.report({
      offset: path.offset, length: path.length, severity: 'warning', code: 'intercom-pagination-cursor',
      message: `Cursor used as a URL: on ${endpoint.method} ${endpoint.path} pages.next is not a URL but an object {per_page, starting_after}; used as the next URL it gives a request that fails or returns the first page again. Build the URL from pages.next.starting_after (URL-encoded).`,
      fixes: base ? [{ title: 'Build the next URL from starting_after', edits: [replaceString(path, cursorNextUrl(base))], isPreferred: true }] : [],
    });
  } else if (style === 'cursor-body' && readsCursor) {
    ctx.report({
      offset: path.offset, length: path.length, severity: 'warning', code: 'intercom-pagination-cursor',
      message: `Cursor in the URL of a search: ${endpoint.method} ${endpoint.path} reads its cursor from the request body (pagination.starting_after); a starting_after in the URL is ignored, so every page is the first one again and the import loops. Import with GET ${endpoint.path.replace(/\/search$/, '')} and a cursor nextUrl instead, or page in the body.`,
    });
  }
}

export const intercomPaginationRule: Rule = {
  id: 'intercom-pagination',
  run(ctx) {
    for (const ic of intercomCalls(ctx.doc, ctx.settings)) {
      const version = ic.version.version;
      const endpoint = ic.endpoint;
      if (!version || !endpoint || !IMPORT_ROLES.has(ic.call.role)) continue;
      const style = paginationOf(endpoint, version);
      if (style === 'none') continue;
      const pagination = getValue(ic.call.node, 'pagination');
      if (!pagination) missing(ctx, ic, endpoint, style);
      else if (isObject(pagination)) checkNextUrl(ctx, ic, endpoint, style, pagination);
    }
  },
};
