/**
 * What one run of an import call to an Intercom search (POST /contacts/search …) reads. Intercom
 * pages a search with a cursor in the request body, which EIC's import cannot send (its pagination
 * changes only the URL), so every run reads exactly the first page: at most `pagination.per_page`
 * records (150 at most), in the order of `sort` (a body field from 2.16 on). Sorted by updated_at
 * descending, that page holds the newest changes, so nothing is lost as long as fewer records change
 * between two runs than one page holds; anything beyond reaches EIC with the next full import. Date
 * filters compare calendar days in the workspace's time zone, and `>` starts at the next day.
 */
import { getValue } from '../json/ast';
import type { AttributeDocument } from '../document';
import { bodyFields, paginationOf, type IntercomEndpoint } from './catalog';
import type { IntercomCall } from './rules/model';
import { bodyProperty, isBindingValue, parsedBody, rawString, type JsonNode, type ParsedBody } from './rules/support';

export const SEARCH_MAX_PER_PAGE = 150;
const DEFAULT_PER_PAGE: Record<string, number> = { 'POST /contacts/search': 50, 'POST /conversations/search': 20, 'POST /tickets/search': 20 };
const DAY = 86_400;
const IMPORT_ROLES = new Set(['importAccount', 'importEntitlement', 'importAcctEnt', 'importUser']);

export interface SearchWindow {
  readonly endpoint: IntercomEndpoint;
  readonly version: string;
  readonly body: ParsedBody;
  /** Records one run reads at most. */
  readonly perPage: number;
  /** The `pagination.per_page` node, when written. */
  readonly perPageNode?: JsonNode;
  /** `sort` exists in this version's request body. */
  readonly sortAvailable: boolean;
  readonly sortNode?: JsonNode;
  readonly sortField?: string;
  /** `descending`, `ascending` (the default) or what is written. */
  readonly sortOrder?: string;
  readonly sortOrderNode?: JsonNode;
  /** The date filter bounding the window, e.g. updated_at > now − 172800 s. */
  readonly window?: { field: string; operator: string; seconds?: number };
}

/** The one-page search of an import call, or undefined when the call is no search import. */
export function searchWindowOf(doc: AttributeDocument, ic: IntercomCall): SearchWindow | undefined {
  const version = ic.version.version;
  const endpoint = ic.endpoint;
  if (!version || !endpoint || !IMPORT_ROLES.has(ic.call.role) || paginationOf(endpoint, version) !== 'cursor-body') return undefined;
  const body = parsedBody(doc, getValue(ic.http, 'httpParams'));
  if (!body || body.root.type !== 'object') return undefined;
  const perPageNode = bodyProperty(bodyProperty(body.root, 'pagination')?.value, 'per_page')?.value;
  const written = perPageNode?.type === 'number' ? Number(perPageNode.value) : undefined;
  const perPage = Math.min(written ?? DEFAULT_PER_PAGE[endpoint.key] ?? 50, SEARCH_MAX_PER_PAGE);
  const sortNode = bodyProperty(body.root, 'sort')?.value;
  const text = (n: JsonNode | undefined) => (n && n.type === 'string' && !isBindingValue(body, n) ? rawString(body, n) : undefined);
  const sortOrderNode = bodyProperty(sortNode, 'order')?.value;
  return {
    endpoint, version, body, perPage, perPageNode,
    sortAvailable: bodyFields(endpoint, version)?.sort !== undefined,
    sortNode, sortField: text(bodyProperty(sortNode, 'field')?.value), sortOrder: sortNode ? text(sortOrderNode) ?? 'ascending' : undefined, sortOrderNode,
    window: windowOf(body, bodyProperty(body.root, 'query')?.value),
  };
}

/** The first date filter (`>` or `<` on a *_at field) in the query, with its span when it reads the clock. */
function windowOf(body: ParsedBody, query: JsonNode | undefined): SearchWindow['window'] {
  if (query?.type !== 'object') return undefined;
  const field = bodyProperty(query, 'field')?.value;
  const operator = bodyProperty(query, 'operator')?.value;
  const value = bodyProperty(query, 'value')?.value;
  if (field?.type === 'string' && /_at$/.test(String(field.value)) && operator?.type === 'string' && value) {
    const m = /currentTimeMillis\(\)\s*\.intdiv\(\s*1000\s*\)\s*-\s*(\d+)/.exec(valueText(body, value));
    return { field: String(field.value), operator: String(operator.value), seconds: m ? Number(m[1]) : undefined };
  }
  for (const child of bodyProperty(query, 'value')?.value.children ?? []) {
    const found = windowOf(body, child);
    if (found) return found;
  }
  return undefined;
}

/** The text of a body value as written; a masked `${…}` in value position spans its whole binding. */
function valueText(body: ParsedBody, n: JsonNode): string {
  const region = body.bindings.find(([start, end]) => start <= n.offset && n.offset < end);
  return region ? body.value.slice(region[0], region[1]) : rawString(body, n);
}

/** True when one page holds the newest changes: sorted by a date descending. */
export function newestFirst(w: SearchWindow): boolean {
  return w.sortAvailable && w.sortOrder === 'descending' && /_at$/.test(w.sortField ?? '');
}

/** "since the start of yesterday" for updated_at > now − 2 days (calendar days, `>` from the next day). */
export function windowPhrase(w: SearchWindow): string | undefined {
  const win = w.window;
  if (!win?.seconds || win.operator !== '>') return undefined;
  const days = Math.floor(win.seconds / DAY);
  if (days <= 1) return `${win.field} from the start of today only (Intercom compares calendar days in the workspace's time zone, and ">" starts at the next day)`;
  return `${win.field} since the start of ${days === 2 ? 'yesterday' : `the day ${days - 1} days ago`} (calendar days in the workspace's time zone; ">" starts at the next day)`;
}

/** Markdown for the hover of the search call. */
export function searchWindowMarkdown(w: SearchWindow): string {
  const lines = [`**One page per run.** EIC cannot send the search cursor (it belongs in the request body), so each run of this import reads only the first page: **at most ${w.perPage} records**${w.perPage < SEARCH_MAX_PER_PAGE ? ` (${SEARCH_MAX_PER_PAGE} is the maximum)` : ''}.`];
  const phrase = windowPhrase(w);
  if (phrase) lines.push('', `Window: ${phrase}. The import preview shows how many records it holds (total_count) against what one run reads.`);
  if (newestFirst(w)) {
    lines.push('', `Sorted by ${w.sortField} descending, the page holds the ${w.perPage} newest changes: nothing is lost as long as fewer than ${w.perPage} records change between two runs. Beyond that, the older changes are not read by this import; they reach EIC with the next full import.`,
      '', `Run it more often than ${w.perPage} records change (e.g. hourly), and keep the full import scheduled (e.g. nightly): it reads every record and inactivates the archived and deleted ones, which this feed never shows.`);
  } else {
    lines.push('', `⚠ Not sorted newest first${w.sortAvailable ? '' : ` (Intercom-Version ${w.version} has no sort; 2.16 has)`}: the page holds whichever ${w.perPage} matches come first, so when the window holds more, the others are never read while they stay in it.`);
  }
  return lines.join('\n');
}

/**
 * One line per one-page search import of a document, for `check`'s summary: how many records one
 * run reads at most, which ones, and how to schedule it (what a comment in the connection would say).
 */
export function searchWindowNotes(doc: AttributeDocument, calls: readonly IntercomCall[]): string[] {
  const notes: string[] = [];
  for (const ic of calls) {
    const w = searchWindowOf(doc, ic);
    if (!w) continue;
    const which = newestFirst(w) ? `the ${w.perPage} ${w.endpoint.path.split('/')[1]} changed most recently` : `whichever ${w.perPage} matches come first (not sorted newest first)`;
    notes.push(`${ic.call.name}: one run reads at most ${w.perPage} records of ${w.endpoint.key} (one page: EIC cannot send the search cursor), ${which}; `
      + `changes beyond that reach EIC with the next full import. Run it more often than ${w.perPage} records change, beside a scheduled full import.`);
  }
  return notes;
}
