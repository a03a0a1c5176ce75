/**
 * `intercom-per-page-max` (error): a literal per_page above the largest page size the endpoint
 * documents in the call's version (GET /contacts 150, GET /conversations 150, POST
 * /conversations/search 150 …) — in the URL's query, in a nextUrl's literal URL, or in a search
 * body's pagination.per_page. Such a request is outside the parameter's documented range, i.e. it
 * does not conform to the API. Fix: the maximum.
 */
import type { StringASTNode } from '../../json/ast';
import { getValue, isObject, isString } from '../../json/ast';
import type { IntercomEndpoint } from '../catalog';
import { pageSizeOf } from '../endpointFacts';
import type { Rule } from '../../rules/rule';
import type { RuleContext } from '../../rules/rule';
import { bindingRegions, editIn, spanIn } from '../../rules/support/stringNodes';
import { IntercomCall, intercomCalls } from './model';
import { bodyProperty, parsedBody } from './support';

function message(endpoint: IntercomEndpoint, version: string, written: number, max: number): string {
  return `Page size out of range: per_page=${written} is outside the range ${endpoint.method} ${endpoint.path} accepts: Intercom documents at most ${max} records per page (Intercom-Version ${version}), so this request does not conform to its API and can be refused. Use per_page=${max} and follow the pages.`;
}

const PER_PAGE = 'per_page=';

/** The digits at `index` of `value` ('' when there are none). */
function digitsAt(value: string, index: number): string {
  let end = index;
  while (end < value.length && value.charCodeAt(end) >= 48 && value.charCodeAt(end) <= 57) end++;
  return value.slice(index, end);
}

/** per_page=<digits> after ? or &, outside ${…}, in a URL text (every URL of a document passes here: no regular expression). */
function checkText(ctx: RuleContext, node: StringASTNode, endpoint: IntercomEndpoint, version: string, max: number): void {
  const value = node.value;
  let regions: [number, number][] | undefined;
  for (let at = value.indexOf(PER_PAGE); at !== -1; at = value.indexOf(PER_PAGE, at + PER_PAGE.length)) {
    const before = value[at - 1];
    if (before !== '?' && before !== '&') continue;
    const index = at + PER_PAGE.length;
    const digits = digitsAt(value, index);
    if (!digits) continue;
    const written = Number(digits);
    if (written <= max) continue;
    regions ??= bindingRegions(value);
    if (regions.some(([s, e]) => index >= s && index < e && !insideLiteral(value, s, index))) continue;
    ctx.report({
      ...spanIn(ctx.doc, node, index, digits.length), severity: 'error', code: 'intercom-per-page-max',
      message: message(endpoint, version, written, max),
      fixes: [{ title: `Change to per_page=${max}`, edits: [editIn(ctx.doc, node, index, digits.length, String(max))], isPreferred: true }],
    });
  }
}

/** True when `index` sits inside a quoted Groovy literal of the binding that starts at `start`. */
function insideLiteral(value: string, start: number, index: number): boolean {
  let quote: string | undefined;
  for (let i = start; i < index; i++) {
    const c = value[i];
    if (quote) { if (c === '\\') i++; else if (c === quote) quote = undefined; }
    else if (c === "'" || c === '"') quote = c;
  }
  return quote !== undefined;
}

function checkBody(ctx: RuleContext, ic: IntercomCall, endpoint: IntercomEndpoint, version: string, max: number): void {
  const body = parsedBody(ctx.doc, getValue(ic.http, 'httpParams'));
  const perPage = body && bodyProperty(bodyProperty(body.root, 'pagination')?.value, 'per_page')?.value;
  if (!body || perPage?.type !== 'number' || typeof perPage.value !== 'number' || perPage.value <= max) return;
  if (body.bindings.some(([s, e]) => perPage.offset >= s && perPage.offset < e)) return;
  ctx.report({
    ...spanIn(ctx.doc, body.node, perPage.offset, perPage.length), severity: 'error', code: 'intercom-per-page-max',
    message: message(endpoint, version, perPage.value, max),
    fixes: [{ title: `Change to ${max}`, edits: [editIn(ctx.doc, body.node, perPage.offset, perPage.length, String(max))], isPreferred: true }],
  });
}

export const intercomPerPageMaxRule: Rule = {
  id: 'intercom-per-page-max',
  run(ctx) {
    for (const ic of intercomCalls(ctx.doc, ctx.settings)) {
      const version = ic.version.version;
      const endpoint = ic.endpoint;
      if (!version || !endpoint || ic.call.role === 'auth') continue;
      const max = pageSizeOf(endpoint, version).max;
      if (max === undefined) continue;
      checkText(ctx, ic.urlNode, endpoint, version, max);
      const pagination = getValue(ic.call.node, 'pagination');
      const next = isObject(pagination) ? getValue(getValue(pagination, 'nextUrl'), 'nextUrlPath') : undefined;
      if (isString(next)) checkText(ctx, next, endpoint, version, max);
      checkBody(ctx, ic, endpoint, version, max);
    }
  },
};
