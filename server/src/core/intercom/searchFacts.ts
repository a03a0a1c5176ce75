/**
 * What Intercom's search endpoints (POST /contacts/search, /conversations/search, /tickets/search)
 * accept, per version, as their descriptions document it: the searchable fields and their types,
 * the operators each type takes, field-specific operator rules, and the nesting limits. Pure.
 */
import { RAW, mapIn, valueIn, versionSet } from './catalogData';
import { catalogVersionFor, endpointByKey, type IntercomEndpoint } from './catalog';

/** Field types as the search documentation names them. */
export type SearchType = 'string' | 'integer' | 'float' | 'boolean' | 'date';

export interface SearchFacts {
  /** "POST /contacts/search" */
  readonly endpoint: string;
  /** Searchable fields; names may hold a `{…}` segment that stands for any name (custom_attributes.{attribute_name}). */
  readonly fields: Readonly<Record<string, readonly SearchType[]>>;
  /** Operator → how the types it takes are written in the catalog ("*", "*-date!tag_id", "integer|date"). */
  readonly operators: Readonly<Record<string, string>>;
  /** Fields limited to these operators (tag_id: =, !=). */
  readonly only: Readonly<Record<string, readonly string[]>>;
  /** Operators a field takes beyond those of its type (tickets' created_at: <=, >=). */
  readonly also: Readonly<Record<string, readonly string[]>>;
  /** At most this many nested AND/OR levels. */
  readonly maxNesting?: number;
  /** At most this many filters in one AND/OR group. */
  readonly maxFiltersPerGroup?: number;
}

const cache = new Map<string, SearchFacts | null>();

/** The search facts of a search endpoint in `version`; undefined for other endpoints. */
export function searchFactsOf(endpoint: IntercomEndpoint, version: string): SearchFacts | undefined {
  const v = catalogVersionFor(version);
  if (!v || !endpoint.versions.includes(v)) return undefined;
  const key = `${endpoint.key} ${v}`;
  if (!cache.has(key)) cache.set(key, build(endpoint.key, v) ?? null);
  return cache.get(key) ?? undefined;
}

function build(key: string, version: string): SearchFacts | undefined {
  const raw = RAW.search?.[key];
  if (!raw || !versionSet(raw.in).has(version)) return undefined;
  const lists = (m: Record<string, string>) => Object.fromEntries(Object.entries(m).map(([k, v]) => [k, v.split(',')]));
  const [nest, group] = (valueIn(raw.lim, version) ?? '/').split('/');
  return {
    endpoint: key,
    fields: Object.fromEntries(Object.entries(mapIn(raw.f, version)).map(([k, v]) => [k, v.split('|') as SearchType[]])),
    operators: mapIn(raw.op, version),
    only: lists(mapIn(raw.only, version)),
    also: lists(mapIn(raw.also, version)),
    ...(nest ? { maxNesting: Number(nest) } : {}),
    ...(group ? { maxFiltersPerGroup: Number(group) } : {}),
  };
}

/** Every search endpoint with facts, e.g. to name the object a foreign field belongs to. */
export function searchEndpoints(): IntercomEndpoint[] {
  return Object.keys(RAW.search ?? {}).map(k => endpointByKey(k)).filter((e): e is IntercomEndpoint => !!e);
}

/** The catalog entry for a field name: exact, or a `{…}` pattern such as custom_attributes.{attribute_name}. */
export function searchFieldEntry(facts: SearchFacts, field: string): { name: string; types: readonly SearchType[] } | undefined {
  const exact = facts.fields[field];
  if (exact) return { name: field, types: exact };
  const segments = field.split('.');
  for (const [name, types] of Object.entries(facts.fields)) {
    const pattern = name.split('.');
    if (pattern.length === segments.length && pattern.every((p, i) => /^\{.*\}$/.test(p) ? segments[i] !== '' : p === segments[i])) return { name, types };
  }
  return undefined;
}

/** True when `operator` may be used on a field of these types (operator types as in SearchFacts.operators). */
function operatorFits(spec: string, field: string, types: readonly SearchType[]): boolean {
  if (spec.startsWith('*')) {
    const excluded = [...spec.matchAll(/([-!])([\w.]+)/g)];
    if (excluded.some(([, kind, name]) => kind === '!' && name === field)) return false;
    const types_ = types.filter(t => !excluded.some(([, kind, name]) => kind === '-' && name === t));
    return types_.length > 0;
  }
  const allowed = spec.split('|');
  return types.some(t => allowed.includes(t) || (t === 'float' && allowed.includes('integer')));
}

/** The order Intercom's documentation lists the operators in. */
const OPERATOR_ORDER = ['=', '!=', 'IN', 'NIN', '<', '<=', '>', '>=', '~', '!~', '^', '$'];
const rank = (op: string) => (OPERATOR_ORDER.indexOf(op) + 1 || OPERATOR_ORDER.length + 1);

/** The operators a field takes in this search, in the documentation's order. */
export function operatorsFor(facts: SearchFacts, field: string, types: readonly SearchType[]): string[] {
  const only = facts.only[field];
  if (only) return [...only];
  const out = Object.entries(facts.operators).filter(([, spec]) => operatorFits(spec, field, types)).map(([op]) => op);
  for (const op of facts.also[field] ?? []) if (!out.includes(op)) out.push(op);
  return out.sort((a, b) => rank(a) - rank(b));
}
