/**
 * Typed, pure access to the generated Intercom REST API catalog (catalog.generated.json, built by
 * scripts/gen-intercom-catalog.mjs from Intercom's OpenAPI descriptions 2.7–2.16).
 *
 * Data model of the JSON, in short: every endpoint and every object shape is stored once with the
 * versions it exists in (`in`, e.g. "2.9-2.11,2.13"). A value that differs between versions is a
 * list of "<versions>=<value>" entries. Field types use the grammar
 * `string|integer|number|boolean|object|any|@<shape>|array<T>`, unions joined by "|", and a
 * trailing "?" for nullable.
 *
 * Version lookups: `Preview` uses the newest documented version; legacy versions (1.0–2.6), for
 * which Intercom publishes no description, use the oldest documented one (2.7).
 */
import catalogJson from './catalog.generated.json';

export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
export type PaginationStyle = 'cursor-query' | 'cursor-body' | 'page-number' | 'scroll' | 'none';

type Qualified = string | string[];
interface RawEndpoint {
  in: string;
  summary: string;
  path?: Qualified;
  q?: string[];
  rq?: string[];
  body?: Qualified;
  res?: Qualified;
  list?: Qualified;
  listAlt?: string[];
  pg?: Qualified;
}
interface RawShape {
  in: string;
  f: Record<string, Qualified>;
  r?: string[];
  x?: string[];
}
interface RawCatalog {
  depth: { body: number; response: number };
  headerValues: string[];
  preview: string;
  versions: Record<string, { operations: number; paths: number }>;
  endpoints: Record<string, RawEndpoint>;
  shapes: Record<string, RawShape>;
}

const RAW = catalogJson as unknown as RawCatalog;

/** One Intercom operation (method + path template) across the versions that have it. */
export interface IntercomEndpoint {
  /** "GET /tickets/{ticket_id}" */
  readonly key: string;
  readonly method: HttpMethod;
  /** Path template as spelled in the newest version that has it. */
  readonly path: string;
  readonly summary: string;
  /** Documented versions (2.7–2.16) that have this operation, oldest first. */
  readonly versions: readonly string[];
}

/** A field of a request body or response. `fields` lists an object's fields, or an array's item fields. */
export interface FieldInfo {
  /** "string", "integer", "number", "boolean", "object", "any", "array<object>", unions like "integer|string". */
  readonly type: string;
  readonly nullable?: boolean;
  /** Request bodies only: the API rejects the call without this field. */
  readonly required?: boolean;
  readonly fields?: FieldTree;
}
export type FieldTree = { readonly [name: string]: FieldInfo };

// ------------------------------------------------------------------------------------------------
// Versions

export const PREVIEW_VERSION: string = RAW.preview;

/** Documented versions, oldest first (2.7 … 2.16). */
export const STABLE_DOCUMENTED_VERSIONS: readonly string[] = Object.keys(RAW.versions).sort(compareVersions);

/** Every value the Intercom-Version header accepts: legacy 1.0–2.6, 2.7–2.16 and `Preview`. */
export const API_VERSIONS: readonly string[] = RAW.headerValues;

export const OLDEST_DOCUMENTED_VERSION = STABLE_DOCUMENTED_VERSIONS[0];
export const NEWEST_DOCUMENTED_VERSION = STABLE_DOCUMENTED_VERSIONS[STABLE_DOCUMENTED_VERSIONS.length - 1];

const KNOWN = new Set(API_VERSIONS);

/** Exact, case-sensitive: Intercom rejects `preview` and `2.10` typed as the number 2.1 is another version. */
export function isKnownVersion(v: string): boolean {
  return KNOWN.has(v);
}

/** Orders versions numerically ("2.9" < "2.10"); `Preview` after every numbered version. */
export function compareVersions(a: string, b: string): number {
  const rank = (v: string) => (v === 'Preview' ? 1 : /^\d+(\.\d+)*$/.test(v) ? 0 : 2);
  if (rank(a) !== rank(b)) return rank(a) - rank(b);
  if (rank(a) !== 0) return a < b ? -1 : a > b ? 1 : 0;
  const pa = a.split('.').map(Number);
  const pb = b.split('.').map(Number);
  for (let i = 0; i < Math.max(pa.length, pb.length); i++) {
    const d = (pa[i] ?? 0) - (pb[i] ?? 0);
    if (d !== 0) return d;
  }
  return 0;
}

/**
 * The documented version whose data answers lookups for `v`: itself for 2.7–2.16, the newest for
 * `Preview` and newer numbers, the oldest for legacy numbers; undefined for anything else.
 */
export function catalogVersionFor(v: string): string | undefined {
  if (v === PREVIEW_VERSION) return NEWEST_DOCUMENTED_VERSION;
  if (!/^\d+\.\d+$/.test(v)) return undefined;
  if (compareVersions(v, OLDEST_DOCUMENTED_VERSION) < 0) return OLDEST_DOCUMENTED_VERSION;
  if (compareVersions(v, NEWEST_DOCUMENTED_VERSION) > 0) return NEWEST_DOCUMENTED_VERSION;
  return STABLE_DOCUMENTED_VERSIONS.includes(v) ? v : undefined;
}

// ------------------------------------------------------------------------------------------------
// Version-qualified values

const rangeCache = new Map<string, ReadonlySet<string>>();

/** "2.7-2.9,2.12" → {2.7, 2.8, 2.9, 2.12} */
function versionSet(ranges: string): ReadonlySet<string> {
  let set = rangeCache.get(ranges);
  if (!set) {
    const out = new Set<string>();
    for (const part of ranges.split(',')) {
      const [from, to = from] = part.split('-');
      const i = STABLE_DOCUMENTED_VERSIONS.indexOf(from);
      const j = STABLE_DOCUMENTED_VERSIONS.indexOf(to);
      for (let k = i; k >= 0 && k <= j; k++) out.add(STABLE_DOCUMENTED_VERSIONS[k]);
    }
    rangeCache.set(ranges, (set = out));
  }
  return set;
}

const QUALIFIED = /^([\d.,-]+)=(.*)$/s;

/** The value of a plain-or-qualified entry in `version`, or undefined. */
function valueIn(value: Qualified | undefined, version: string): string | undefined {
  if (value === undefined) return undefined;
  if (typeof value === 'string') return value;
  for (const entry of value) {
    const m = QUALIFIED.exec(entry);
    if (m && versionSet(m[1]).has(version)) return m[2];
  }
  return undefined;
}

/** The names of a name list (plain or "<versions>=<name>" entries) that apply in `version`. */
function namesIn(list: string[] | undefined, version: string): string[] {
  const out: string[] = [];
  for (const entry of list ?? []) {
    const m = QUALIFIED.exec(entry);
    if (!m) out.push(entry);
    else if (versionSet(m[1]).has(version)) out.push(m[2]);
  }
  return out;
}

// ------------------------------------------------------------------------------------------------
// Endpoints

const ENDPOINTS: readonly IntercomEndpoint[] = Object.entries(RAW.endpoints).map(([key, e]) => {
  const space = key.indexOf(' ');
  return {
    key,
    method: key.slice(0, space) as HttpMethod,
    path: key.slice(space + 1),
    summary: e.summary,
    versions: STABLE_DOCUMENTED_VERSIONS.filter((v) => versionSet(e.in).has(v)),
  };
});
const BY_KEY = new Map(ENDPOINTS.map((e) => [e.key, e]));

function rawOf(endpoint: IntercomEndpoint): RawEndpoint {
  return RAW.endpoints[endpoint.key];
}

/** Resolves the header value to the catalog version that has the endpoint, if any. */
function dataVersion(endpoint: IntercomEndpoint, version: string): string | undefined {
  const v = catalogVersionFor(version);
  return v && endpoint.versions.includes(v) ? v : undefined;
}

/** Every operation in the catalog (all versions). */
export function allEndpoints(): readonly IntercomEndpoint[] {
  return ENDPOINTS;
}

/** Looks an operation up by "METHOD /path/{template}" as spelled in the catalog. */
export function endpointByKey(key: string): IntercomEndpoint | undefined {
  return BY_KEY.get(key);
}

/** Operations available in `version` (for URL completion). */
export function endpointsFor(version: string): IntercomEndpoint[] {
  const v = catalogVersionFor(version);
  return v ? ENDPOINTS.filter((e) => e.versions.includes(v)) : [];
}

export function isEndpointAvailable(endpoint: IntercomEndpoint, version: string): boolean {
  return dataVersion(endpoint, version) !== undefined;
}

/** First and last documented version that have the operation. */
export function endpointAvailableIn(endpoint: IntercomEndpoint): { first: string; last: string } {
  return { first: endpoint.versions[0], last: endpoint.versions[endpoint.versions.length - 1] };
}

/** The path template as spelled in `version` (parameter names changed between versions). */
export function endpointPath(endpoint: IntercomEndpoint, version: string): string {
  const v = dataVersion(endpoint, version);
  return (v && valueIn(rawOf(endpoint).path, v)) || endpoint.path;
}

/** Declared query parameters in `version`, and which of them are required. */
export function queryParams(endpoint: IntercomEndpoint, version: string): { names: string[]; required: string[] } {
  const v = dataVersion(endpoint, version);
  if (!v) return { names: [], required: [] };
  return { names: namesIn(rawOf(endpoint).q, v), required: namesIn(rawOf(endpoint).rq, v) };
}

export { matchEndpoint, nearestEndpoints, splitRequestPath } from './endpointMatching';
