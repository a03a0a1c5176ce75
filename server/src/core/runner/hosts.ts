/**
 * Which hosts may receive the access token, and pointing a call at another base URL
 * (for example the local fake Intercom).
 */

import { DEFAULT_INTERCOM_REGION, INTERCOM_REGIONS } from '../intercom/regions';

/** Intercom's REST API hosts (US, Europe, Australia), from the one table of regions. */
export const INTERCOM_API_HOSTS: readonly string[] = INTERCOM_REGIONS.map(r => r.apiHost);

export const ALLOWED_HOSTS_SETTING = 'saviyntRest.http.allowedHosts';

export function isIntercomHost(hostname: string): boolean {
  return INTERCOM_API_HOSTS.includes(hostname.toLowerCase().replace(/\.$/, ''));
}

/** `host` or `host:port` of a URL as the allow-list spells it (IPv6 in brackets). */
export function hostOf(url: URL): { hostname: string; hostPort: string } {
  const hostname = url.hostname.toLowerCase();
  const port = url.port || (url.protocol === 'https:' ? '443' : url.protocol === 'http:' ? '80' : '');
  return { hostname, hostPort: port ? `${hostname}:${port}` : hostname };
}

/**
 * True when the token may be sent to this URL: an Intercom API host over https, or a host the
 * user listed (`host` matches any port, `host:port` only that port).
 */
export function tokenAllowedFor(url: URL, allowedHosts: readonly string[] = []): boolean {
  const { hostname, hostPort } = hostOf(url);
  if (isIntercomHost(hostname)) return url.protocol === 'https:';
  return allowedHosts.some(entry => {
    const e = entry.trim().toLowerCase().replace(/^[a-z]+:\/\//, '').replace(/\/.*$/, '');
    if (!e) return false;
    return e === hostname || e === hostPort;
  });
}

/**
 * The message shown when a call would send the token to a host that is not allowed. `allowHint`
 * says how to allow a host where the message is shown (the CLI: `--allow-host`); by default the
 * VS Code setting.
 */
export function hostRefusedMessage(url: URL, allowHint?: (host: string) => string): string {
  const { hostname, hostPort } = hostOf(url);
  if (isIntercomHost(hostname)) {
    return `Refusing to send the access token to ${hostname} over ${url.protocol.replace(':', '')}: Intercom's API is only called over https.`;
  }
  const host = url.port ? hostPort : hostname;
  return `Refusing to send the access token to ${hostPort}: it is not one of Intercom's API hosts (${INTERCOM_API_HOSTS.join(', ')}). `
    + `If you trust this host (for example a local fake Intercom), ${allowHint ? allowHint(host) : `add "${host}" to the setting ${ALLOWED_HOSTS_SETTING}`}.`;
}

/** The region's API base URL. */
export function intercomBaseUrl(region: string | undefined): string {
  const id = (region ?? DEFAULT_INTERCOM_REGION.id).toLowerCase();
  return (INTERCOM_REGIONS.find(r => r.id === id) ?? DEFAULT_INTERCOM_REGION).apiBaseUrl;
}

/** A leading `@HOST_URL@`-style install-time placeholder (never filled at run time). */
const LEADING_PLACEHOLDER = /^(@@?[A-Za-z0-9_-]+@@?|<<?[A-Za-z0-9_ -]+>>?)/;

/**
 * Replaces the scheme and host of `url` by `baseUrl` (which may carry a path prefix such as
 * `/__region/eu`). URLs that already start with the base are left alone, and a leading
 * `@HOST_URL@` placeholder is replaced by the base.
 */
export function rebaseUrl(url: string, baseUrl: string | undefined): string {
  if (!baseUrl) return url;
  const base = baseUrl.replace(/\/+$/, '');
  if (url === base || url.startsWith(base + '/') || url.startsWith(base + '?')) return url;
  const placeholder = LEADING_PLACEHOLDER.exec(url);
  if (placeholder) return base + url.slice(placeholder[0].length);
  let parsed: URL;
  try { parsed = new URL(url); } catch { return url; }
  let baseParsed: URL;
  try { baseParsed = new URL(base); } catch { return url; }
  const prefix = baseParsed.pathname.replace(/\/+$/, '');
  let path = parsed.pathname;
  if (parsed.origin === baseParsed.origin && prefix && (path === prefix || path.startsWith(prefix + '/'))) path = path.slice(prefix.length);
  return `${baseParsed.origin}${prefix}${path}${parsed.search}`;
}
