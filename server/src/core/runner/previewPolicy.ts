/**
 * What an import preview may send: only calls that cannot change data. That is every GET (and
 * HEAD/OPTIONS), and a POST only when it goes to one of Intercom's read-only search or list
 * endpoints (catalog data, core/intercom/readOnlyEndpoints.ts) on Intercom's API host, or on the
 * base URL the user set as Intercom's stand-in (the local fake). A POST anywhere else, and every
 * PUT, PATCH or DELETE, can change data: the preview refuses it, or (editor) asks first.
 */
import { endpointByKey, endpointPath, matchEndpoint, NEWEST_DOCUMENTED_VERSION, splitRequestPath } from '../intercom/catalog';
import { READ_ONLY_POSTS } from '../intercom/readOnlyEndpoints';
import { hostOf, isIntercomHost } from './hosts';
import type { PreparedRequest } from './request';

export interface PreviewVerdict {
  /** True when the call cannot change data, so the preview sends it without asking. */
  readOnly: boolean;
  /** Why the call may change data (for the refusal or the confirmation). */
  reason?: string;
  /** What the call was matched to: an Intercom operation ("POST /contacts"), else host and path. */
  target: string;
}

/** What a preview asks before it sends a call that may change data (editor only; the CLI refuses). */
export interface WriteQuestion {
  /** Where the call is written, e.g. "ImportAccountEntJSON › call1". */
  label: string;
  method: string;
  /** URL as it would be sent (token masked). */
  url: string;
  body?: string;
  reason: string;
}

const READ_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/** Path spellings of the read-only POSTs in every documented version, as "a/b" segment strings. */
const READ_ONLY_PATHS: ReadonlyMap<string, string> = (() => {
  const out = new Map<string, string>();
  for (const key of READ_ONLY_POSTS) {
    const endpoint = endpointByKey(key);
    if (!endpoint) continue;
    for (const version of endpoint.versions) out.set(splitRequestPath(endpointPath(endpoint, version)).join('/'), key);
    out.set(splitRequestPath(endpoint.path).join('/'), key);
  }
  return out;
})();

/** The read-only POST paths, for help texts: "/contacts/search, /tickets/search, …". */
export const READ_ONLY_POST_PATHS: readonly string[] = READ_ONLY_POSTS.map(k => k.replace(/^POST /, ''));

/** Decides whether a preview may send a prepared request without asking. */
export function previewVerdict(request: Pick<PreparedRequest, 'eicMethod' | 'method' | 'url'>, options: { baseUrl?: string } = {}): PreviewVerdict {
  let url: URL | undefined;
  try { url = new URL(request.url); } catch { /* refused below */ }
  const target = url ? `${hostOf(url).hostPort}${url.pathname}` : request.url;
  if (READ_METHODS.has(request.method.toUpperCase())) return { readOnly: true, target };
  const method = request.eicMethod.toUpperCase();
  if (method !== 'POST') return { readOnly: false, target, reason: `${method} changes or removes data in the target.` };
  const path = url ? intercomPath(url, options.baseUrl) : undefined;
  if (path === undefined) {
    const host = url ? hostOf(url).hostPort : 'an unreadable address';
    return { readOnly: false, target, reason: `it goes to ${host}, which is not Intercom's API, so nothing says it only reads.` };
  }
  const segments = splitRequestPath(path).join('/');
  const readOnlyKey = READ_ONLY_PATHS.get(segments);
  if (readOnlyKey) return { readOnly: true, target: readOnlyKey };
  const known = matchEndpoint(NEWEST_DOCUMENTED_VERSION, 'POST', path);
  return {
    readOnly: false,
    target: known?.key ?? target,
    reason: known
      ? `Intercom documents ${known.key} as "${known.summary}", which is not a read-only search or list.`
      : `POST ${path} is not one of Intercom's read-only search or list endpoints.`,
  };
}

/**
 * The API path of a URL that goes to Intercom: an Intercom API host over https, or the base URL
 * the calls were pointed at (its path prefix removed). Undefined for any other host.
 */
function intercomPath(url: URL, baseUrl: string | undefined): string | undefined {
  if (isIntercomHost(url.hostname)) return url.protocol === 'https:' ? url.pathname : undefined;
  if (!baseUrl) return undefined;
  let base: URL;
  try { base = new URL(baseUrl); } catch { return undefined; }
  if (base.origin !== url.origin) return undefined;
  const prefix = base.pathname.replace(/\/+$/, '');
  if (!prefix) return url.pathname;
  if (url.pathname === prefix) return '/';
  return url.pathname.startsWith(prefix + '/') ? url.pathname.slice(prefix.length) : undefined;
}
