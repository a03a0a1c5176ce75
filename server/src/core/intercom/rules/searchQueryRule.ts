/**
 * Search queries in the bodies of POST /contacts/search, /conversations/search and /tickets/search,
 * checked against what the endpoint documents in the call's version (catalog search facts):
 * - `intercom-search-field` (error): a field the object cannot be searched by — another object's
 *   field (contacts by `state`) or a misspelling (tickets by `ticket_state`, the field is `state`);
 * - `intercom-search-operator` (error): an operator the field's type does not take (`>=` on a date of
 *   contacts; `~` on tag_id), not an operator at all, or IN/NIN without a list;
 * - `intercom-search-value` (error): a date field compared with text that is not a UNIX timestamp;
 * - `intercom-search-limits` (error): AND/OR groups nested deeper, or holding more filters, than allowed;
 * - `intercom-search-sort`: `sort` where the version's request has none (warning), or an order
 *   other than the documented ones (error: 400 invalid_sort_order).
 * Bound parts (`${…}`) are not judged: their values are unknown here.
 */
import { getValue } from '../../json/ast';
import type { Fix } from '../../types';
import { bodyFields, versionsWithBodyPath, type IntercomEndpoint } from '../catalog';
import { operatorsFor, searchEndpoints, searchFactsOf, searchFieldEntry, type SearchFacts } from '../searchFacts';
import type { Rule } from '../../rules/rule';
import type { RuleContext } from '../../rules/rule';
import { editIn, spanIn } from '../../rules/support/stringNodes';
import { closestName } from './fieldPaths';
import { intercomCalls } from './model';
import { JsonNode, ParsedBody, bodyProperty, isBindingValue, parsedBody, rawString, rawText, stringContent } from './support';

interface SearchContext {
  readonly ctx: RuleContext;
  readonly body: ParsedBody;
  readonly endpoint: IntercomEndpoint;
  readonly version: string;
  readonly facts: SearchFacts;
}

const objectName = (endpoint: IntercomEndpoint) => endpoint.path.split('/').filter(Boolean)[0];
const where = (s: SearchContext) => `${s.endpoint.method} ${s.endpoint.path} (Intercom-Version ${s.version})`;


function report(s: SearchContext, n: JsonNode, code: string, severity: 'error' | 'warning', message: string, fixes: Fix[] = []): void {
  const at = stringContent(n);
  s.ctx.report({ ...spanIn(s.ctx.doc, s.body.node, at.offset, at.length), severity, code, message, fixes });
}

function replaceText(s: SearchContext, n: JsonNode, text: string): Fix['edits'][number] {
  const at = stringContent(n);
  return editIn(s.ctx.doc, s.body.node, at.offset, at.length, text);
}

const bound = (s: SearchContext, n: JsonNode | undefined) => !n || isBindingValue(s.body, n) || rawText(s.body, n).includes('${');

function literalString(s: SearchContext, n: JsonNode | undefined): string | undefined {
  return n?.type === 'string' && !bound(s, n) ? rawString(s.body, n) : undefined;
}

/** Other search endpoints that have the field, by object name ("conversations, tickets"). */
function ownersOf(field: string, version: string, except: IntercomEndpoint): string[] {
  return searchEndpoints()
    .filter(e => e.key !== except.key)
    .filter(e => { const f = searchFactsOf(e, version); return f && searchFieldEntry(f, field) && !/\{/.test(searchFieldEntry(f, field)!.name); })
    .map(objectName);
}

function suggestField(facts: SearchFacts, field: string): string | undefined {
  const names = Object.keys(facts.fields).filter(n => !n.includes('{'));
  const stripped = field.replace(/^(ticket|contact|conversation)_/, '');
  if (stripped !== field && names.includes(stripped)) return stripped;
  return closestName(field, names);
}

function checkField(s: SearchContext, node: JsonNode, field: string): readonly string[] | undefined {
  const entry = searchFieldEntry(s.facts, field);
  if (entry) return entry.types;
  const owners = ownersOf(field, s.version, s.endpoint);
  const suggestion = suggestField(s.facts, field);
  const object = objectName(s.endpoint);
  const why = owners.length ? `Wrong search field "${field}": it is a search field of ${owners.join(' and ')}, not of ${object}` : `Unknown search field "${field}": it is not a field ${object} can be searched by`;
  report(s, node, 'intercom-search-field', 'error',
    `${why} (${where(s)}); Intercom rejects the query or it matches nothing.${suggestion ? ` Did you mean "${suggestion}"?` : ` Searchable fields include ${Object.keys(s.facts.fields).slice(0, 8).join(', ')} ….`}`,
    suggestion ? [{ title: `Change to "${suggestion}"`, edits: [replaceText(s, node, suggestion)], isPreferred: true }] : []);
  return undefined;
}

function checkOperator(s: SearchContext, filter: JsonNode, field: string, types: readonly string[]): void {
  const opNode = bodyProperty(filter, 'operator')?.value;
  const operator = literalString(s, opNode);
  if (operator === undefined || !opNode) return;
  const allowed = operatorsFor(s.facts, field, types as never);
  const typeText = types.length === 1 ? `a ${types[0]} field` : `a field of type ${types.join(' or ')}`;
  if (!(operator in s.facts.operators) && !allowed.includes(operator)) {
    report(s, opNode, 'intercom-search-operator', 'error',
      `Wrong search operator "${operator}": it is not a search operator of ${where(s)}. ${field} is ${typeText}; on it the search takes ${allowed.join(', ')}.`);
    return;
  }
  if (!allowed.includes(operator)) {
    const only = s.facts.only[field];
    const rule = only ? `${field} takes only ${only.join(', ')}` : `${field} is ${typeText}, and on it the search takes ${allowed.join(', ')}`;
    const dates = types.includes('date') && !only ? ' (dates are compared by calendar day in the workspace\'s timezone: ">" starts at the next day)' : '';
    report(s, opNode, 'intercom-search-operator', 'error',
      `Wrong search operator "${operator}": it does not work on ${field} in ${where(s)}: ${rule}${dates}. Intercom answers with an error to this filter.`);
    return;
  }
  const value = bodyProperty(filter, 'value')?.value;
  if ((operator === 'IN' || operator === 'NIN') && value && !bound(s, value) && value.type !== 'array') {
    report(s, value, 'intercom-search-operator', 'error',
      `Wrong search value for ${operator}: it compares with a list of values, e.g. ["a", "b"]; with a single value Intercom rejects the filter. Write a list, or use ${operator === 'IN' ? '=' : '!='} for one value.`);
  }
}

function checkValue(s: SearchContext, filter: JsonNode, field: string, types: readonly string[]): void {
  if (types.length !== 1 || types[0] !== 'date') return;
  const value = bodyProperty(filter, 'value')?.value;
  const text = literalString(s, value);
  if (text === undefined || !value || /^\s*\d+\s*$/.test(text)) return;
  report(s, value, 'intercom-search-value', 'error',
    `Wrong search value "${text}": ${field} is a date, searched by a UNIX timestamp in seconds (e.g. 1717200000 or "\${…}" that yields one); "${text}" is not one, so Intercom rejects the query.`);
}

function checkFilter(s: SearchContext, filter: JsonNode): void {
  const fieldNode = bodyProperty(filter, 'field')?.value;
  const field = literalString(s, fieldNode);
  if (field === undefined || !fieldNode) return;
  const types = checkField(s, fieldNode, field);
  if (!types) return;
  checkOperator(s, filter, field, types);
  checkValue(s, filter, field, types);
}

function isGroup(s: SearchContext, node: JsonNode): boolean {
  if (node.type !== 'object' || bodyProperty(node, 'field')) return false;
  const op = literalString(s, bodyProperty(node, 'operator')?.value);
  return bodyProperty(node, 'value')?.value.type === 'array' && (op === undefined || /^(and|or)$/i.test(op));
}

function walk(s: SearchContext, node: JsonNode, depth: number): void {
  if (node.type !== 'object' || bound(s, node)) return;
  if (!isGroup(s, node)) { checkFilter(s, node); return; }
  const level = depth + 1;
  const opNode = bodyProperty(node, 'operator')?.value ?? node;
  const items = bodyProperty(node, 'value')!.value.children ?? [];
  const op = literalString(s, bodyProperty(node, 'operator')?.value) ?? 'AND/OR';
  if (s.facts.maxNesting !== undefined && level > s.facts.maxNesting) {
    report(s, opNode, 'intercom-search-limits', 'error',
      `Search query too complex: this ${op} group is nested ${level} levels deep; ${where(s)} allows at most ${s.facts.maxNesting} levels of nested filters, and Intercom rejects deeper queries. Flatten the query.`);
  }
  if (s.facts.maxFiltersPerGroup !== undefined && items.length > s.facts.maxFiltersPerGroup) {
    report(s, opNode, 'intercom-search-limits', 'error',
      `Search query too complex: this ${op} group holds ${items.length} filters; ${where(s)} allows at most ${s.facts.maxFiltersPerGroup} per AND/OR group, and Intercom rejects the query. Split it${op === 'OR' ? ', or use IN with a list of values' : ''}.`);
  }
  for (const item of items) walk(s, item, level);
}

const ORDER_GUESS: Record<string, string> = { asc: 'ascending', desc: 'descending', ASC: 'ascending', DESC: 'descending' };

function checkSort(s: SearchContext): void {
  const sort = bodyProperty(s.body.root, 'sort');
  if (!sort) return;
  const defined = bodyFields(s.endpoint, s.version)?.sort;
  if (!defined) {
    const versions = versionsWithBodyPath(s.endpoint, 'sort');
    report(s, sort.key, 'intercom-search-sort', 'warning', versions.length
      ? `Sort not available: ${s.endpoint.method} ${s.endpoint.path} takes "sort" only from Intercom-Version ${versions[0]}; the ${s.version} request has none, so the results do not come in the order asked for (or Intercom refuses the unknown field). Pin ${versions[0]} or drop "sort".`
      : `Sort not available: ${s.endpoint.method} ${s.endpoint.path} takes no "sort" in any documented version: the results do not come in the order asked for (or Intercom refuses the unknown field). Drop "sort".`);
    return;
  }
  const orderNode = bodyProperty(sort.value, 'order')?.value;
  const order = literalString(s, orderNode);
  const values = defined.fields?.order?.values;
  if (order === undefined || !orderNode || !values || values.includes(order)) return;
  const guess = ORDER_GUESS[order] ?? closestName(order, values);
  report(s, orderNode, 'intercom-search-sort', 'error',
    `Invalid sort order "${order}": sort.order must be ${values.map(v => `"${v}"`).join(' or ')}; Intercom answers 400 invalid_sort_order to "${order}".${guess ? ` Write "${guess}".` : ''}`,
    guess ? [{ title: `Change to "${guess}"`, edits: [replaceText(s, orderNode, guess)], isPreferred: true }] : []);
}

export const intercomSearchQueryRule: Rule = {
  id: 'intercom-search-query',
  run(ctx) {
    for (const ic of intercomCalls(ctx.doc, ctx.settings)) {
      const version = ic.version.version;
      const endpoint = ic.endpoint;
      if (!version || !endpoint || ic.call.role === 'auth') continue;
      const facts = searchFactsOf(endpoint, version);
      if (!facts) continue;
      const body = parsedBody(ctx.doc, getValue(ic.http, 'httpParams'));
      if (!body || body.root.type !== 'object') continue;
      const s: SearchContext = { ctx, body, endpoint, version, facts };
      const query = bodyProperty(body.root, 'query')?.value;
      if (query) walk(s, query, 0);
      checkSort(s);
    }
  },
};
