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
import { detached } from '../text/detached';

export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
export type PaginationStyle = 'cursor-query' | 'cursor-body' | 'page-number' | 'scroll' | 'none';

import { RAW, type RawEndpoint, versionSet, valueIn, namesIn, mapIn } from './catalogData';

// Caches of version look-ups (declared before the module-level code below uses them).
const NUMBERED_VERSION = /^\d+(\.\d+)*$/;
const partsCache = new Map<string, readonly number[]>();
const catalogVersions = new Map<string, string | undefined>();

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
  /** Request bodies only: the object (or each array item) must satisfy one of these alternatives. */
  readonly requirements?: readonly RequirementGroup[];
  /** Request bodies only: the strings a string enum allows. */
  readonly values?: readonly string[];
}
export type FieldTree = { readonly [name: string]: FieldInfo };

/**
 * An anyOf/oneOf of a request body: `alternatives` lists, per alternative, the fields it requires
 * (a contact needs email, external_id or role: [["email"], ["external_id"], ["role"]]).
 * `exactlyOne` marks a oneOf; as the alternatives rarely exclude each other's fields, readers
 * should only insist that at least one alternative is met.
 */
export interface RequirementGroup {
  readonly exactlyOne: boolean;
  readonly alternatives: readonly (readonly string[])[];
}

function requirementGroup(text: string): RequirementGroup {
  const colon = text.indexOf(':');
  return { exactlyOne: text.slice(0, colon) === 'one', alternatives: text.slice(colon + 1).split('|').map(a => a.split('+')) };
}

// ------------------------------------------------------------------------------------------------
// Versions

export const PREVIEW_VERSION: string = RAW.preview;

/** Documented versions, oldest first (2.7 … 2.16). */
export const STABLE_DOCUMENTED_VERSIONS: readonly string[] = Object.keys(RAW.versions).sort(compareVersions);

/** Every value the Intercom-Version header accepts: legacy 1.0–2.6, 2.7–2.16 and `Preview`. */
export const API_VERSIONS: readonly string[] = RAW.headerValues;

export const OLDEST_DOCUMENTED_VERSION = STABLE_DOCUMENTED_VERSIONS[0];
export const NEWEST_DOCUMENTED_VERSION = STABLE_DOCUMENTED_VERSIONS[STABLE_DOCUMENTED_VERSIONS.length - 1];

/** Documented versions, newest first (2.16 … 2.7): the order version pickers and completion offer them in. */
export const DOCUMENTED_VERSIONS_NEWEST_FIRST: readonly string[] = [...STABLE_DOCUMENTED_VERSIONS].reverse();

const KNOWN = new Set(API_VERSIONS);

/** Exact, case-sensitive: Intercom rejects `preview` and `2.10` typed as the number 2.1 is another version. */
export function isKnownVersion(v: string): boolean {
  return KNOWN.has(v);
}

/** Orders versions numerically ("2.9" < "2.10"); `Preview` after every numbered version. */
export function compareVersions(a: string, b: string): number {
  const ra = versionRank(a);
  const rb = versionRank(b);
  if (ra !== rb) return ra - rb;
  if (ra !== 0) return a < b ? -1 : a > b ? 1 : 0;
  const pa = versionParts(a);
  const pb = versionParts(b);
  for (let i = 0; i < Math.max(pa.length, pb.length); i++) {
    const d = (pa[i] ?? 0) - (pb[i] ?? 0);
    if (d !== 0) return d;
  }
  return 0;
}

function versionRank(v: string): number {
  return v === 'Preview' ? 1 : NUMBERED_VERSION.test(v) ? 0 : 2;
}

/** Numeric parts of a version ("2.10" → [2, 10]), cached: the same few versions are compared all the time. */
function versionParts(v: string): readonly number[] {
  let parts = partsCache.get(v);
  if (!parts) {
    parts = v.split('.').map(Number);
    if (partsCache.size > 1000) partsCache.clear();
    partsCache.set(detached(v), parts);
  }
  return parts;
}

/**
 * The documented version whose data answers lookups for `v`: itself for 2.7–2.16, the newest for
 * `Preview` and newer numbers, the oldest for legacy numbers; undefined for anything else.
 */
export function catalogVersionFor(v: string): string | undefined {
  if (catalogVersions.has(v)) return catalogVersions.get(v);
  const resolved = resolveCatalogVersion(v);
  if (catalogVersions.size > 1000) catalogVersions.clear();
  catalogVersions.set(detached(v), resolved);
  return resolved;
}

function resolveCatalogVersion(v: string): string | undefined {
  if (v === PREVIEW_VERSION) return NEWEST_DOCUMENTED_VERSION;
  if (!/^\d+\.\d+$/.test(v)) return undefined;
  if (compareVersions(v, OLDEST_DOCUMENTED_VERSION) < 0) return OLDEST_DOCUMENTED_VERSION;
  if (compareVersions(v, NEWEST_DOCUMENTED_VERSION) > 0) return NEWEST_DOCUMENTED_VERSION;
  return STABLE_DOCUMENTED_VERSIONS.includes(v) ? v : undefined;
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

const byVersion = new Map<string, readonly IntercomEndpoint[]>();

/** Operations available in `version` (for URL completion); empty for an unknown version. */
export function endpointsFor(version: string): readonly IntercomEndpoint[] {
  const v = catalogVersionFor(version);
  if (!v) return [];
  let list = byVersion.get(v);
  if (!list) byVersion.set(v, (list = ENDPOINTS.filter((e) => e.versions.includes(v))));
  return list;
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


// ------------------------------------------------------------------------------------------------
// Matching concrete request paths

/**
 * Path segments of a URL or path as written in a connector: scheme, host (or a leading `${...}` base
 * binding), query string and fragment are dropped; `${...}` bindings are kept as written.
 * "https://api.intercom.io/tickets/${ticketID}?x=1" → ["tickets", "${ticketID}"]
 */
export function splitRequestPath(pathOrUrl: string): string[] {
  let s = pathOrUrl.trim();
  // Cut the query/fragment at the first ? or # outside a ${...} binding.
  let depth = 0;
  for (let i = 0; i < s.length; i++) {
    if (s.startsWith('${', i)) depth++;
    else if (s[i] === '}' && depth > 0) depth--;
    else if (depth === 0 && (s[i] === '?' || s[i] === '#')) {
      s = s.slice(0, i);
      break;
    }
  }
  s = s.replace(/^[a-z][a-z0-9+.-]*:\/\//i, '');
  if (!s.startsWith('/')) {
    // Host, or a base-URL binding such as ${baseUrl}: everything up to the first / outside ${...}.
    depth = 0;
    let cut = s.length;
    for (let i = 0; i < s.length; i++) {
      if (s.startsWith('${', i)) depth++;
      else if (s[i] === '}' && depth > 0) depth--;
      else if (depth === 0 && s[i] === '/') {
        cut = i;
        break;
      }
    }
    s = s.slice(cut);
  }
  return s.split('/').filter((seg) => seg.length > 0);
}

const isParam = (seg: string) => seg.startsWith('{') && seg.endsWith('}');
const isBinding = (seg: string) => seg.includes('${');

/** Number of literal segments matched, or -1 when the template does not match. */
function matchScore(template: string[], concrete: string[]): number {
  if (template.length !== concrete.length) return -1;
  let score = 0;
  for (let i = 0; i < template.length; i++) {
    if (isParam(template[i])) continue;
    if (isBinding(concrete[i]) || template[i] !== concrete[i]) return -1;
    score++;
  }
  return score;
}

/**
 * The operation whose template matches a concrete path in `version`: `/tickets/{id}` matches
 * `/tickets/123` and `/tickets/${ticketID}`. Literal segments win over parameters
 * (`/contacts/search` over `/contacts/{id}`).
 */
export function matchEndpoint(version: string, method: string, pathOrUrl: string): IntercomEndpoint | undefined {
  const m = method.trim().toUpperCase();
  const concrete = splitRequestPath(pathOrUrl);
  let best: IntercomEndpoint | undefined;
  let bestScore = -1;
  for (const e of endpointsFor(version)) {
    if (e.method !== m) continue;
    const score = matchScore(e.path.split('/').filter(Boolean), concrete);
    if (score > bestScore) {
      best = e;
      bestScore = score;
    }
  }
  return best;
}

function charDistance(a: string, b: string): number {
  const row = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    let prev = row[0];
    row[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const cur = row[j];
      row[j] = Math.min(row[j] + 1, row[j - 1] + 1, prev + (a[i - 1] === b[j - 1] ? 0 : 1));
      prev = cur;
    }
  }
  return row[b.length];
}

/** 0 for a match, up to 1 for an unrelated segment. */
function segmentCost(template: string, concrete: string): number {
  if (isParam(template)) return 0;
  if (template === concrete) return 0;
  if (isBinding(concrete)) return 1;
  return charDistance(template, concrete) / Math.max(template.length, concrete.length);
}

/** Edit distance over path segments (insert/delete 1, substitute by character similarity). */
function pathDistance(template: string[], concrete: string[]): number {
  const row = Array.from({ length: concrete.length + 1 }, (_, j) => j);
  for (let i = 1; i <= template.length; i++) {
    let prev = row[0];
    row[0] = i;
    for (let j = 1; j <= concrete.length; j++) {
      const cur = row[j];
      row[j] = Math.min(row[j] + 1, row[j - 1] + 1, prev + segmentCost(template[i - 1], concrete[j - 1]));
      prev = cur;
    }
  }
  return row[concrete.length];
}

/**
 * Closest operations in `version` to a path that matched nothing (for "did you mean"), closest
 * first. A different method adds 1 to the distance; pass an empty method to ignore methods.
 */
export function nearestEndpoints(
  version: string,
  method: string,
  pathOrUrl: string,
  n = 3,
): { endpoint: IntercomEndpoint; distance: number }[] {
  const m = method.trim().toUpperCase();
  const concrete = splitRequestPath(pathOrUrl);
  return endpointsFor(version)
    .map((endpoint) => ({
      endpoint,
      distance: pathDistance(endpoint.path.split('/').filter(Boolean), concrete) + (m && endpoint.method !== m ? 1 : 0),
    }))
    .sort((a, b) => a.distance - b.distance || a.endpoint.key.localeCompare(b.endpoint.key))
    .slice(0, n);
}

// ------------------------------------------------------------------------------------------------
// Fields

interface ShapeView {
  fields: Record<string, string>;
  required: Set<string>;
  groups: RequirementGroup[];
  enums: Record<string, string>;
}
const shapeCache = new Map<string, ShapeView | null>();

/** A shape's fields in `version`, including those of the shapes it extends (allOf). */
function shapeIn(name: string, version: string, seen: string[] = []): ShapeView | undefined {
  const cacheKey = `${version} ${name}`;
  const cached = shapeCache.get(cacheKey);
  if (cached !== undefined) return cached ?? undefined;
  const raw = RAW.shapes[name];
  let view: ShapeView | null = null;
  if (raw && versionSet(raw.in).has(version) && !seen.includes(name)) {
    view = { fields: {}, required: new Set(namesIn(raw.r, version)), groups: namesIn(raw.o, version).map(requirementGroup), enums: mapIn(raw.e, version) };
    for (const base of namesIn(raw.x, version)) {
      const b = shapeIn(base, version, [...seen, name]);
      if (!b) continue;
      Object.assign(view.fields, b.fields);
      for (const r of b.required) view.required.add(r);
      view.groups.push(...b.groups);
      view.enums = { ...b.enums, ...view.enums };
    }
    for (const [field, type] of Object.entries(raw.f)) {
      const t = valueIn(type, version);
      if (t !== undefined) view.fields[field] = t;
    }
  }
  shapeCache.set(cacheKey, view);
  return view ?? undefined;
}

/** Splits "a|array<b|c>|d" at top-level bars. */
function splitUnion(type: string): string[] {
  const parts: string[] = [];
  let depth = 0;
  let start = 0;
  for (let i = 0; i < type.length; i++) {
    if (type[i] === '<') depth++;
    else if (type[i] === '>') depth--;
    else if (type[i] === '|' && depth === 0) {
      parts.push(type.slice(start, i));
      start = i + 1;
    }
  }
  parts.push(type.slice(start));
  return parts;
}

interface DescribeState {
  fields: FieldTree | undefined;
  groups: readonly RequirementGroup[] | undefined;
  readonly version: string; readonly depth: number; readonly withRequired: boolean;
}

/** The displayed type of one union member; the first object shape met is expanded into state.fields. */
function describeType(t: string, state: DescribeState): string {
  if (t.startsWith('array<') && t.endsWith('>')) {
    const inner: string[] = [];
    for (const part of splitUnion(t.slice(6, -1))) inner.push(describeType(part, state));
    return `array<${inner.join('|')}>`;
  }
  if (t.startsWith('@')) {
    if (!state.fields && state.depth > 0) {
      state.fields = treeOf(t.slice(1), state.version, state.depth, state.withRequired);
      const groups = state.withRequired ? shapeIn(t.slice(1), state.version)?.groups : undefined;
      if (groups?.length) state.groups = groups;
    }
    return 'object';
  }
  return t;
}

/** Turns a stored type string into a FieldInfo, expanding object shapes `depth` levels deep. */
function fieldInfo(stored: string, version: string, depth: number, withRequired: boolean, required?: boolean, values?: string): FieldInfo {
  const nullable = stored.endsWith('?');
  const body = nullable ? stored.slice(0, -1) : stored;
  const state: DescribeState = { fields: undefined, groups: undefined, version, depth, withRequired };
  const types = new Set<string>();
  for (const part of splitUnion(body)) types.add(describeType(part, state));
  const type = [...types].join('|');
  const fields = state.fields;
  return {
    type,
    ...(nullable ? { nullable: true } : {}),
    ...(required ? { required: true } : {}),
    ...(fields ? { fields } : {}),
    ...(state.groups ? { requirements: state.groups } : {}),
    ...(values ? { values: values.split(',') } : {}),
  };
}

function treeOf(shape: string, version: string, depth: number, withRequired: boolean): FieldTree | undefined {
  const view = shapeIn(shape, version);
  if (!view) return undefined;
  const tree: Record<string, FieldInfo> = {};
  for (const name of Object.keys(view.fields).sort()) {
    const required = withRequired && view.required.has(name);
    tree[name] = fieldInfo(view.fields[name], version, depth - 1, withRequired, required, withRequired ? view.enums[name] : undefined);
  }
  return tree;
}

/** Fields of the success response in `version` (`depth` object levels, default as generated). */
export function responseFields(endpoint: IntercomEndpoint, version: string, depth = RAW.depth.response): FieldTree | undefined {
  const v = dataVersion(endpoint, version);
  if (!v) return undefined;
  return cachedTree(`res ${endpoint.key} ${v} ${depth}`, () => {
    const res = valueIn(rawOf(endpoint).res, v);
    return res ? fieldInfo(res, v, depth, false).fields : undefined;
  });
}

/**
 * Field trees by endpoint, version and depth, built once: every call of a large import asks for the
 * same few trees. The trees are frozen, so a caller cannot change what the next caller reads.
 */
const treeCache = new Map<string, FieldTree | undefined>();
function cachedTree(key: string, build: () => FieldTree | undefined): FieldTree | undefined {
  if (treeCache.has(key)) return treeCache.get(key);
  const tree = build();
  if (tree) deepFreeze(tree);
  if (treeCache.size > 2000) treeCache.clear();
  treeCache.set(key, tree);
  return tree;
}

function deepFreeze(tree: FieldTree): void {
  if (Object.isFrozen(tree)) return;
  Object.freeze(tree);
  for (const name of Object.keys(tree)) {
    const info = tree[name];
    Object.freeze(info);
    if (info.fields) deepFreeze(info.fields);
  }
}

/** The response field that holds a list's items (`admins`, `teams`, `data`, `tickets` …). */
export function listFieldOf(endpoint: IntercomEndpoint, version?: string): string | undefined {
  const v = version ? dataVersion(endpoint, version) : endpoint.versions[endpoint.versions.length - 1];
  return v ? valueIn(rawOf(endpoint).list, v) : undefined;
}

/** Other response arrays that may hold the items where the spec and reality disagree. */
export function listFieldAlternativesOf(endpoint: IntercomEndpoint, version?: string): string[] {
  const v = version ? dataVersion(endpoint, version) : endpoint.versions[endpoint.versions.length - 1];
  return v ? namesIn(rawOf(endpoint).listAlt, v) : [];
}

/** How the next page is fetched; "none" for unpaginated or non-list operations. */
export function paginationOf(endpoint: IntercomEndpoint, version?: string): PaginationStyle {
  const v = version ? dataVersion(endpoint, version) : endpoint.versions[endpoint.versions.length - 1];
  return ((v && valueIn(rawOf(endpoint).pg, v)) || 'none') as PaginationStyle;
}

/** Fields of each item of a list response (the objects inside listFieldOf). */
export function itemFields(endpoint: IntercomEndpoint, version: string): FieldTree | undefined {
  const list = listFieldOf(endpoint, version);
  return list ? responseFields(endpoint, version)?.[list]?.fields : undefined;
}

/** Request-body fields in `version` with `required` flags, or undefined without a JSON body. */
export function bodyFields(endpoint: IntercomEndpoint, version: string, depth = RAW.depth.body): FieldTree | undefined {
  const v = dataVersion(endpoint, version);
  if (!v) return undefined;
  return cachedTree(`body ${endpoint.key} ${v} ${depth}`, () => {
    const body = valueIn(rawOf(endpoint).body, v);
    return body ? fieldInfo(body, v, depth, true).fields : undefined;
  });
}

/** The anyOf/oneOf requirements of the request body itself in `version` (POST /contacts: email, external_id or role). */
export function bodyRequirements(endpoint: IntercomEndpoint, version: string): readonly RequirementGroup[] {
  const v = dataVersion(endpoint, version);
  const body = v ? valueIn(rawOf(endpoint).body, v) : undefined;
  if (!v || !body) return [];
  return fieldInfo(body, v, 1, true).requirements ?? [];
}

/** Documented versions whose request body has a field at `path` (for "only from 2.14" messages). */
export function versionsWithBodyPath(endpoint: IntercomEndpoint, path: string): string[] {
  const key = `${endpoint.key} body ${path}`;
  let versions = versionsCache.get(key);
  if (!versions) {
    versions = endpoint.versions.filter(v => resolveField(bodyFields(endpoint, v), path));
    if (versionsCache.size > 2000) versionsCache.clear();
    versionsCache.set(detached(key), versions);
  }
  return [...versions];
}

/** Top-level body fields the API requires in `version` (sorted). */
export function requiredBodyFields(endpoint: IntercomEndpoint, version: string): string[] {
  const fields = bodyFields(endpoint, version, 1) ?? {};
  return Object.keys(fields).filter((k) => fields[k].required);
}

/**
 * Follows a dotted path through a field tree: "ticket_state.category", "data[0].id", "$.admins[*].email".
 * Array items are entered implicitly. Returns the field, or undefined when a segment does not exist.
 */
export function resolveField(fields: FieldTree | undefined, path: string): FieldInfo | undefined {
  const segments = path.trim().replace(/^\$\.?/, '').split('.').filter(Boolean);
  let tree = fields;
  let current: FieldInfo | undefined;
  for (const segment of segments) {
    const m = /^([^[\]]+)((?:\[[^\]]*\])*)$/.exec(segment);
    if (!m || !tree) return undefined;
    current = tree[m[1]];
    if (!current) return undefined;
    const indexes = m[2].match(/\[[^\]]*\]/g)?.length ?? 0;
    for (let i = 0; i < indexes; i++) {
      const inner = /^array<(.*)>$/.exec(current.type);
      if (!inner) return undefined;
      current = { type: inner[1], ...(current.fields ? { fields: current.fields } : {}) };
    }
    tree = current.fields;
  }
  return current;
}

/** The type of the field at `path` (see resolveField), or undefined. */
export function resolvePath(fields: FieldTree | undefined, path: string): string | undefined {
  return resolveField(fields, path)?.type;
}

/** Documented versions whose response has a field at `path` (for "only from 2.12" hints). */
export function versionsWithResponsePath(endpoint: IntercomEndpoint, path: string, withinItems = false): string[] {
  const key = `${endpoint.key} ${withinItems ? 'items' : 'response'} ${path}`;
  let versions = versionsCache.get(key);
  if (!versions) {
    versions = endpoint.versions.filter((v) =>
      resolveField(withinItems ? itemFields(endpoint, v) : responseFields(endpoint, v), path),
    );
    if (versionsCache.size > 2000) versionsCache.clear();
    versionsCache.set(detached(key), versions);
  }
  return [...versions];
}

const versionsCache = new Map<string, readonly string[]>();
