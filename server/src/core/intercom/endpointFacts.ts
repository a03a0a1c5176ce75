/**
 * Per-endpoint facts of the generated catalog beyond paths and fields: the success statuses an
 * operation documents and its page size (default and maximum per_page), per version. Pure.
 */
import { RAW, valueIn } from './catalogData';
import { catalogVersionFor, type IntercomEndpoint } from './catalog';

function dataVersion(endpoint: IntercomEndpoint, version: string): string | undefined {
  const v = catalogVersionFor(version);
  return v && endpoint.versions.includes(v) ? v : undefined;
}

/**
 * The 2xx statuses the operation documents in `version` (most answer 200 only; POST /events 202,
 * POST /content_snippets 201 in 2.16, deletes of some resources 204). Empty when the description
 * documents no success status at all or the endpoint is not in the version.
 */
export function successStatuses(endpoint: IntercomEndpoint, version: string): number[] {
  const v = dataVersion(endpoint, version);
  if (!v) return [];
  const ok = valueIn(RAW.endpoints[endpoint.key]?.ok, v) ?? '200';
  return ok === 'none' ? [] : ok.split(',').map(Number);
}

export interface PageSize {
  /** per_page when none is sent. */
  readonly default?: number;
  /** The largest per_page the operation documents. */
  readonly max?: number;
}

/** Page sizes by endpoint key and version: catalog facts, asked once per call of a document. */
const pageSizes = new Map<string, PageSize>();

/** Page size facts of the operation in `version` ({} when it documents none). */
export function pageSizeOf(endpoint: IntercomEndpoint, version: string): PageSize {
  const key = `${endpoint.key} ${version}`;
  let size = pageSizes.get(key);
  if (!size) {
    size = Object.freeze(readPageSize(endpoint, version));
    // Bounded by the catalog (endpoints × versions), except for versions written in documents.
    if (pageSizes.size >= 5000) pageSizes.clear();
    pageSizes.set(key, size);
  }
  return size;
}

function readPageSize(endpoint: IntercomEndpoint, version: string): PageSize {
  const v = dataVersion(endpoint, version);
  const pp = v ? valueIn(RAW.endpoints[endpoint.key]?.pp, v) : undefined;
  if (!pp) return {};
  const [def, max] = pp.split('/');
  return { ...(def ? { default: Number(def) } : {}), ...(max ? { max: Number(max) } : {}) };
}
