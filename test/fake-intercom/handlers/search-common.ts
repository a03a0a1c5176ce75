// Body handling shared by POST /contacts/search and POST /tickets/search: the cursor is read
// only from pagination.starting_after in the body; pagination.page is ignored; sort validation.

import { ApiError, invalid, missing } from '../errors.js';
import type { HandlerContext } from '../context.js';
import { compareKeys, cursorPage, decodeCursor, parsePerPage, type SortKey } from '../pagination.js';
import { compileQuery, type FieldDef, type FieldResolver } from '../search-query.js';
import { atLeast, isV216 } from '../versions.js';

export interface SearchSpec<T> {
  endpoint: string;
  resolve: FieldResolver<T>;
  /** Candidates before the query is applied. */
  items: T[];
  idOf: (item: T) => string;
  defaultSort: string;
  defaultPerPage: number;
  /** First version whose request defines `sort` (contacts: 2.16); absent: never. Otherwise `sort` is ignored. */
  sortSince?: string;
}

export interface SearchOutcome<T> {
  data: T[];
  totalCount: number;
  pages: Record<string, unknown>;
}

function readSort<T>(ctx: HandlerContext, spec: SearchSpec<T>): { field: string; def: FieldDef<T>; direction: 1 | -1 } {
  // A version whose request schema has no `sort` does not apply it: the default order stays.
  const sort = spec.sortSince && atLeast(ctx.version, spec.sortSince) ? ctx.body.sort : undefined;
  let field = spec.defaultSort;
  let direction: 1 | -1 = 1;
  if (sort !== undefined && sort !== null) {
    if (typeof sort !== 'object' || Array.isArray(sort)) throw invalid('sort must be an object {field, order}');
    const s = sort as Record<string, unknown>;
    if (s.field !== undefined) {
      if (typeof s.field !== 'string') throw invalid('sort.field must be a string');
      field = s.field;
    }
    if (s.order === 'descending') direction = -1;
    else if (s.order !== undefined && s.order !== 'ascending' && isV216(ctx.version)) {
      throw new ApiError(400, 'invalid_sort_order', `Sort order must be "ascending" or "descending", not ${JSON.stringify(s.order)}`);
    }
  }
  const def = spec.resolve(field);
  if (!def || def.kind === 'id_list' || def.kind === 'tag') throw invalid(`${field} cannot be used to sort`);
  return { field, def, direction };
}

function sortValue(v: unknown): number | string | null {
  if (v === null || v === undefined) return null;
  if (typeof v === 'number' || typeof v === 'string') return v;
  if (typeof v === 'boolean') return v ? 1 : 0;
  return JSON.stringify(v);
}

export function runSearch<T>(ctx: HandlerContext, spec: SearchSpec<T>): SearchOutcome<T> {
  if (ctx.body.query === undefined || ctx.body.query === null) throw missing('query is a required parameter');
  const predicate = compileQuery(ctx.body.query, spec.resolve, ctx.ws.timezone);
  const pagination = ctx.body.pagination;
  if (pagination !== undefined && pagination !== null && (typeof pagination !== 'object' || Array.isArray(pagination))) {
    throw invalid('pagination must be an object {per_page, starting_after}');
  }
  const pg = (pagination ?? {}) as Record<string, unknown>;
  const perPage = parsePerPage(pg.per_page, spec.defaultPerPage, 150);
  const { field, def, direction } = readSort(ctx, spec);
  const tag = `${spec.endpoint}:${field}:${direction}`;
  // Only the body cursor counts; a starting_after in the query string is ignored (page 1 again).
  const raw = pg.starting_after;
  let cursor = null;
  if (raw !== undefined) {
    if (typeof raw !== 'string') throw new ApiError(400, 'client_error', 'Invalid starting_after param. Please try again using a starting_after value from a paginated response');
    cursor = decodeCursor(raw, { tag, workspace: ctx.ws.idCode }, ctx.now, ctx.options.cursorTtlSeconds);
  }
  const keyOf = (item: T): SortKey => [sortValue(def.get(item)), spec.idOf(item)];
  const matched = spec.items.filter(predicate).sort((a, b) => direction * compareKeys(keyOf(a), keyOf(b)));
  const page = cursorPage({
    items: matched,
    keyOf,
    direction,
    perPage,
    cursor,
    tag,
    workspace: ctx.ws.idCode,
    now: ctx.now,
    unstable: ctx.options.unstableOrdering,
    lastPageNextNull: ctx.options.lastPageNextNull,
  });
  return page;
}
