/**
 * Fetching every page of one import call the way EIC pages: `nextUrl` (nextUrlPath evaluated
 * with `response.completeResponseMap`, `response.objectList` and `headers`), `offset` and `page`.
 * Stops when the next URL is null, when a URL or a page repeats (a cursor put in the query of a
 * search endpoint re-serves page 1 forever), at the safety caps, on an error, or when cancelled.
 */
import { CASE_INSENSITIVE } from './expression';
import { notFoundNote, resolveBodyPath } from './paths';
import { prepareRequest, type CallTemplate, type PrepareOptions } from './request';
import { rateLimitWait, sendRequest, type HttpResponse, type RateLimitInfo, type SendOptions } from './send';
import { HttpProblemError, type HttpProblem } from './problems';
import { resolveTemplate } from './template';
import { cancelledError, realClock } from './clock';
import { previewVerdict, READ_ONLY_POST_PATHS, type WriteQuestion } from './previewPolicy';

export type StopReason = 'done' | 'repeat' | 'max-pages' | 'max-items' | 'error' | 'cancelled' | 'unevaluable' | 'refused';

export interface PageEvent { url: string; page: number; items: number; status: number; timeMs: number }

export interface PagedResult {
  items: unknown[];
  pages: number;
  requests: number;
  timeMs: number;
  /** Request URLs (token masked), at most 50. */
  urls: string[];
  stoppedBecause: StopReason;
  complete: boolean;
  problem?: HttpProblem;
  /** Why paging stopped, when that deserves attention. */
  note?: string;
  rateLimit?: RateLimitInfo;
  warnings: string[];
  /** The `total_count` of the first page, when the response has one (how many records match). */
  totalCount?: number;
}

export interface PagingContext {
  /** Where the call is written ("ImportAccountEntJSON › call1"), for messages. */
  label: string;
  variables: Record<string, unknown>;
  prepare: PrepareOptions;
  send: SendOptions;
  maxPages: number;
  maxItems: number;
  signal?: AbortSignal;
  onPage?(event: PageEvent): void;
  /**
   * Asked before a request that may change data (see previewPolicy.ts); without it such a request
   * is refused. Resolves true to send it.
   */
  allowWrite?(question: WriteQuestion, target: string): Promise<boolean>;
  /** Shared across calls: the last rate-limit headers seen, for proactive waiting. */
  rate: { last?: RateLimitInfo; lowestRemaining?: number; requests: number };
}

export async function fetchAllPages(call: CallTemplate, listField: string | undefined, pagination: Record<string, unknown> | undefined,
  ctx: PagingContext): Promise<PagedResult> {
  const result: PagedResult = { items: [], pages: 0, requests: 0, timeMs: 0, urls: [], stoppedBecause: 'done', complete: true, warnings: [] };
  const stop = (reason: StopReason, note?: string, problem?: HttpProblem): PagedResult => {
    result.stoppedBecause = reason;
    result.complete = reason === 'done';
    if (note) result.note = note;
    if (problem) result.problem = problem;
    return result;
  };
  const kind = pagination ? Object.keys(pagination).find(k => ['nextUrl', 'offset', 'page'].includes(k)) : undefined;
  const conf = kind ? (pagination![kind] as Record<string, unknown>) ?? {} : {};
  const seenUrls = new Set<string>();
  const seenPages = new Set<string>();
  let url: string | undefined;
  let offset = conf.offsetParam === 'startIndex' ? 1 : 0;
  let pageNumber = typeof conf.firstPageNumber === 'number' ? conf.firstPageNumber : 1;
  const first = prepareRequest(call, ctx.variables, ctx.prepare);
  if (!first.ready) {
    return stop('unevaluable', first.missing.length ? `No value for ${first.missing.join(', ')}.` : first.problems.map(p => p.message).join(' '));
  }
  url = first.url;
  if (kind === 'offset') url = setQuery(url, { [String(conf.offsetParam ?? 'offset')]: offset, [String(conf.batchParam ?? 'limit')]: batchSize(conf) });
  if (kind === 'page') url = setQuery(url, { [String(conf.pageNumberParam ?? 'page')]: pageNumber, ...(conf.pageSizeParam ? { [String(conf.pageSizeParam)]: Number(conf.pageSize ?? 0) } : {}) });

  for (;;) {
    if (ctx.signal?.aborted) return stop('cancelled', 'Stopped by the user.');
    if (result.pages >= ctx.maxPages) return stop('max-pages', `Stopped after ${ctx.maxPages} pages (the preview's page limit); EIC would go on.`);
    if (result.items.length >= ctx.maxItems) return stop('max-items', `Stopped after ${result.items.length} records (the preview's record limit).`);
    if (seenUrls.has(url)) return stop('repeat', `The next page URL repeats one already fetched (${url}); EIC would loop forever. For a search endpoint the cursor belongs in the body ("pagination": {"starting_after": …}), not in the query string.`);
    seenUrls.add(url);

    const request = { ...first, url };
    // Every page is judged on its own: a next-page URL comes from the answer and may point anywhere.
    const verdict = previewVerdict(request, { baseUrl: ctx.prepare.baseUrl });
    if (!verdict.readOnly) {
      const question: WriteQuestion = { label: ctx.label, method: request.eicMethod, url, body: request.body, reason: verdict.reason ?? '' };
      const allowed = ctx.allowWrite ? await ctx.allowWrite(question, verdict.target) : false;
      if (!allowed) return stop('refused', refusedMessage(question, !!ctx.allowWrite));
    }
    let response: HttpResponse;
    try {
      await waitForBudget(ctx);
      // Past the policy: a POST here is a read-only search, or a write the user confirmed (never retried automatically).
      response = await sendRequest(request, { ...ctx.send, signal: ctx.signal, confirmed: true });
    } catch (e) {
      if (e instanceof HttpProblemError) return stop(e.problem.kind === 'cancelled' ? 'cancelled' : 'error', e.problem.message, e.problem);
      throw e;
    }
    result.requests += response.attempts;
    ctx.rate.requests += response.attempts;
    result.timeMs += response.timeMs;
    if (result.urls.length < 50) result.urls.push(url);
    trackRate(ctx, response.rateLimit);
    result.rateLimit = response.rateLimit;
    result.warnings.push(...response.warnings.filter(w => !result.warnings.includes(w)));
    if (!response.ok) return stop('error', response.problem?.message ?? `HTTP ${response.status}`, response.problem);

    const json = response.json;
    const list = listOf(json, listField, response.headers);
    if (list.problem) {
      if (result.pages === 0) return stop('error', list.problem);
      result.warnings.push(list.problem);
    }
    const items = list.items;
    if (result.pages === 0) result.totalCount = totalCountOf(json);
    result.pages++;
    ctx.onPage?.({ url, page: result.pages, items: items.length, status: response.status, timeMs: response.timeMs });
    const fingerprint = items.length ? JSON.stringify(items) : '';
    if (fingerprint && seenPages.has(fingerprint)) {
      return stop('repeat', `Page ${result.pages} has exactly the records of an earlier page, so the cursor did not move; EIC would loop forever. For a search endpoint the cursor belongs in the body, not in the query string.`);
    }
    if (fingerprint) seenPages.add(fingerprint);
    result.items.push(...items.slice(0, Math.max(0, ctx.maxItems - result.items.length)));

    if (kind === 'nextUrl') {
      const next = nextUrlFrom(String(conf.nextUrlPath ?? ''), json, items, response.headers, ctx);
      if (next.problem) return stop('unevaluable', next.problem);
      if (!next.url) return stop('done');
      const prepared = prepareRequest({ ...call, url: next.url }, ctx.variables, ctx.prepare);
      if (!prepared.ready) return stop('unevaluable', prepared.problems.map(p => p.message).join(' ') || `No value for ${prepared.missing.join(', ')}.`);
      url = prepared.url;
    } else if (kind === 'offset') {
      const size = batchSize(conf);
      const total = countFrom(conf.totalCountPath, json, response.headers);
      offset += size;
      if (!items.length || (total !== undefined ? offset >= total + (conf.offsetParam === 'startIndex' ? 1 : 0) : items.length < size)) return stop('done');
      url = setQuery(url, { [String(conf.offsetParam ?? 'offset')]: offset });
    } else if (kind === 'page') {
      const size = Number(conf.pageSize ?? 0);
      const total = countFrom(conf.totalCountPath, json, response.headers);
      const onPage = countFrom(conf.pageRecordCount, json, response.headers) ?? items.length;
      const fetchedPages = pageNumber - (typeof conf.firstPageNumber === 'number' ? conf.firstPageNumber : 1) + 1;
      pageNumber++;
      if (!items.length || (total !== undefined ? fetchedPages * (size || items.length) >= total : size > 0 && onPage < size)) return stop('done');
      url = setQuery(url, { [String(conf.pageNumberParam ?? 'page')]: pageNumber });
    } else {
      return stop('done');
    }
  }
}

/** A numeric top-level `total_count` (Intercom lists and searches), else undefined. */
function totalCountOf(json: unknown): number | undefined {
  const v = json && typeof json === 'object' && !Array.isArray(json) ? (json as Record<string, unknown>).total_count : undefined;
  return typeof v === 'number' && Number.isInteger(v) && v >= 0 ? v : undefined;
}

/** The message of a call the preview did not send (the verdict first, then what a preview sends). */
export function refusedMessage(q: WriteQuestion, asked: boolean): string {
  return `${q.label}: ${q.method} ${q.url} was not sent${asked ? ' (not confirmed)' : ''}: ${q.reason} An import preview only sends calls `
    + `that cannot change data: GET, and POST to Intercom's read-only search and list endpoints (${READ_ONLY_POST_PATHS.join(', ')}).`;
}

function batchSize(conf: Record<string, unknown>): number {
  const n = Number(conf.batchSize ?? 100);
  return Number.isFinite(n) && n > 0 ? n : 100;
}

/** The list at listField (empty path: the body itself). */
export function listOf(json: unknown, listField: string | undefined, headers: Record<string, string>): { items: unknown[]; problem?: string } {
  if (listField === undefined) return Array.isArray(json) ? { items: json } : { items: json === undefined ? [] : [json] };
  const r = resolveBodyPath(json, listField, { headers });
  if (!r.found) return { items: [], problem: `listField "${listField}" selects nothing: ${notFoundNote(r)}` };
  if (r.value === null) return { items: [] };
  if (!Array.isArray(r.value)) return { items: [r.value], problem: `listField "${listField}" selects ${typeof r.value === 'object' ? 'an object' : 'a single value'}, not a list.` };
  return { items: r.value };
}

function headerObject(headers: Record<string, string>): Record<string, unknown> {
  return Object.assign({ [CASE_INSENSITIVE]: true }, headers);
}

function nextUrlFrom(nextUrlPath: string, json: unknown, items: unknown[], headers: Record<string, string>, ctx: PagingContext): { url?: string; problem?: string } {
  if (!nextUrlPath.trim()) return { problem: 'pagination.nextUrl has no nextUrlPath.' };
  if (!nextUrlPath.includes('${')) {
    const r = resolveBodyPath(json, nextUrlPath, { headers });
    const v = r.found ? r.value : null;
    if (v !== null && typeof v === 'object') return { problem: `nextUrlPath "${nextUrlPath}" selects an object, not a URL.` };
    return { url: v === null || v === undefined || v === '' ? undefined : String(v) };
  }
  const h = headerObject(headers);
  const r = resolveTemplate(nextUrlPath, {
    variables: { ...ctx.variables, response: { completeResponseMap: json, objectList: items, headers: h }, headers: h },
    dataRoots: new Set(['response', 'headers']),
  });
  if (r.problems.length) return { problem: `nextUrlPath: ${r.problems.map(p => p.message).join(' ')}` };
  const text = r.text.trim();
  if (text === '' || text === 'null') return {};
  return { url: text };
}

function countFrom(spec: unknown, json: unknown, headers: Record<string, string>): number | undefined {
  if (typeof spec === 'number') return spec;
  if (typeof spec !== 'string' || !spec.trim()) return undefined;
  if (/^\d+$/.test(spec.trim())) return Number(spec.trim());
  const r = resolveBodyPath(json, spec, { headers });
  if (!r.found) return undefined;
  const n = Number(r.value);
  return Number.isFinite(n) ? n : undefined;
}

/** Sets query parameters on a URL without re-encoding the rest of it. */
export function setQuery(url: string, params: Record<string, string | number>): string {
  let out = url;
  for (const [name, value] of Object.entries(params)) {
    const encoded = `${encodeURIComponent(name)}=${encodeURIComponent(String(value))}`;
    const re = new RegExp(`([?&])${escapeRe(encodeURIComponent(name))}=[^&#]*`);
    if (re.test(out)) out = out.replace(re, `$1${encoded}`);
    else {
      const hash = out.indexOf('#');
      const head = hash < 0 ? out : out.slice(0, hash);
      const tail = hash < 0 ? '' : out.slice(hash);
      out = `${head}${head.includes('?') ? '&' : '?'}${encoded}${tail}`;
    }
  }
  return out;
}

function escapeRe(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

function trackRate(ctx: PagingContext, rate: RateLimitInfo): void {
  if (rate.limit === undefined && rate.remaining === undefined) return;
  ctx.rate.last = rate;
  if (rate.remaining !== undefined) ctx.rate.lowestRemaining = Math.min(ctx.rate.lowestRemaining ?? Infinity, rate.remaining);
}

/** Honours X-RateLimit-Remaining proactively: with nothing left, wait for the reset before the next call. */
async function waitForBudget(ctx: PagingContext): Promise<void> {
  const last = ctx.rate.last;
  if (!last || last.remaining === undefined || last.remaining > 0 || last.reset === undefined) return;
  const clock = ctx.send.clock ?? realClock;
  const cap = ctx.send.maxRateLimitWaitMs ?? 60_000;
  const wait = rateLimitWait(last, clock.now(), 0, cap, ctx.send.random);
  if (last.reset * 1000 <= clock.now()) return;
  if (wait.giveUp) throw new HttpProblemError({ kind: 'rate-limited', message: wait.message });
  ctx.send.onProgress?.({ type: 'rate-limit-wait', waitMs: wait.waitMs, resetAt: last.reset, attempt: 0, message: `No rate-limit budget left; ${wait.message.replace(/^Rate limited; /, '')}` });
  if (ctx.signal?.aborted) throw cancelledError();
  await clock.sleep(wait.waitMs, ctx.signal);
  ctx.rate.last = { ...last, remaining: undefined };
}
