/**
 * The generated catalog JSON as typed data, and the reading of its version-qualified values
 * ("2.7-2.9,2.12=<value>"). catalog.ts, endpointFacts.ts and searchFacts.ts read the JSON only
 * through this module. Pure.
 */
import catalogJson from './catalog.generated.json';

export type Qualified = string | string[];

export interface RawEndpoint {
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
  /** Documented 2xx statuses when not just 200 ("201", "202", "none"). */
  ok?: Qualified;
  /** Page size "default/max", either part may be empty. */
  pp?: Qualified;
}

export interface RawShape {
  in: string;
  f: Record<string, Qualified>;
  r?: string[];
  x?: string[];
  /** Requirement groups of request bodies: "any:email|external_id|role", "one:id|email". */
  o?: string[];
  /** Allowed values of string enums in request bodies, comma-separated. */
  e?: Record<string, Qualified>;
}

export interface RawSearch {
  in: string;
  /** Searchable field → type(s) ("string", "date", "string|boolean"). */
  f: Record<string, Qualified>;
  /** Operator → the types it works on ("*", "*-date!tag_id", "integer|date"). */
  op: Record<string, Qualified>;
  /** Fields limited to these operators ("=,!="). */
  only?: Record<string, Qualified>;
  /** Operators a field takes beyond its type's. */
  also?: Record<string, Qualified>;
  /** "<max nesting>/<max filters per group>". */
  lim?: Qualified;
}

interface RawCatalog {
  depth: { body: number; response: number };
  headerValues: string[];
  preview: string;
  versions: Record<string, { operations: number; paths: number }>;
  endpoints: Record<string, RawEndpoint>;
  search?: Record<string, RawSearch>;
  shapes: Record<string, RawShape>;
}

export const RAW = catalogJson as unknown as RawCatalog;

/** Documented versions, oldest first (all numbered). */
const DOCUMENTED: readonly string[] = Object.keys(RAW.versions).sort((a, b) => {
  const [a1, a2] = a.split('.').map(Number);
  const [b1, b2] = b.split('.').map(Number);
  return a1 - b1 || a2 - b2;
});

const rangeCache = new Map<string, ReadonlySet<string>>();

/** "2.7-2.9,2.12" → {2.7, 2.8, 2.9, 2.12} */
export function versionSet(ranges: string): ReadonlySet<string> {
  let set = rangeCache.get(ranges);
  if (!set) {
    const out = new Set<string>();
    for (const part of ranges.split(',')) {
      const [from, to = from] = part.split('-');
      const i = DOCUMENTED.indexOf(from);
      const j = DOCUMENTED.indexOf(to);
      for (let k = i; k >= 0 && k <= j; k++) out.add(DOCUMENTED[k]);
    }
    rangeCache.set(ranges, (set = out));
  }
  return set;
}

const QUALIFIED = /^([\d.,-]+)=(.*)$/s;

/** The value of a plain-or-qualified entry in `version`, or undefined. */
export function valueIn(value: Qualified | undefined, version: string): string | undefined {
  if (value === undefined) return undefined;
  if (typeof value === 'string') return value;
  for (const entry of value) {
    const m = QUALIFIED.exec(entry);
    if (m && versionSet(m[1]).has(version)) return m[2];
  }
  return undefined;
}

/** The names of a name list (plain or "<versions>=<name>" entries) that apply in `version`. */
export function namesIn(list: string[] | undefined, version: string): string[] {
  const out: string[] = [];
  for (const entry of list ?? []) {
    const m = QUALIFIED.exec(entry);
    if (!m) out.push(entry);
    else if (versionSet(m[1]).has(version)) out.push(m[2]);
  }
  return out;
}

/** A map of qualified values read in `version` (keys whose value does not apply are left out). */
export function mapIn(map: Record<string, Qualified> | undefined, version: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [key, value] of Object.entries(map ?? {})) {
    const v = valueIn(value, version);
    if (v !== undefined) out[key] = v;
  }
  return out;
}
