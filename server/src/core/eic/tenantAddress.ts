/**
 * The tenant's address (setting saviyntRest.eic.url, CLI --eic-url): where the credentials may
 * go. Only https, except plain http to this machine (the local fake EIC). The API lives under
 * /ECM, which this tool appends itself.
 */

export const EIC_URL_SETTING = 'saviyntRest.eic.url';

export interface TenantAddress {
  /** Origin plus any path prefix before /ECM, without a trailing slash, e.g. https://acme.saviyntcloud.com. */
  base: string;
  origin: string;
  /** `host` or `host:port`, for messages. */
  host: string;
  /** Plain http to a loopback address (the fake EIC). */
  loopback: boolean;
}

const LOOPBACK_NAMES = new Set(['localhost', '127.0.0.1', '[::1]', '::1']);

/** True for localhost, 127.0.0.0/8 and ::1. */
export function isLoopbackHost(hostname: string): boolean {
  const h = hostname.toLowerCase().replace(/\.$/, '');
  return LOOPBACK_NAMES.has(h) || /^127(\.\d{1,3}){3}$/.test(h) || h.endsWith('.localhost');
}

/** Parses and checks a tenant URL; a string result is the problem, in plain words. */
export function parseTenantAddress(raw: string | undefined): TenantAddress | string {
  const text = (raw ?? '').trim();
  if (!text) return `No EIC tenant is configured: set ${EIC_URL_SETTING} to the tenant's address, e.g. https://acme.saviyntcloud.com.`;
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    return `"${text.slice(0, 120)}" is not an absolute URL: write the tenant's address with https://, e.g. https://acme.saviyntcloud.com.`;
  }
  if (url.username || url.password) {
    return 'The tenant URL must not carry a user name or password: store the credentials with Set EIC Credentials (or the --eic-*-env options) instead.';
  }
  const loopback = isLoopbackHost(url.hostname);
  if (url.protocol === 'http:' && !loopback) {
    return `Refusing plain http to ${url.host}: credentials go to an EIC tenant only over https (http is allowed only for this machine, e.g. the local fake EIC).`;
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') return `The tenant URL must start with https:// (it starts with ${url.protocol}//).`;
  if (url.search || url.hash) return 'The tenant URL must not have a query (?…) or fragment (#…): give only the tenant\'s address.';
  // An address copied from the browser often ends in /ECM/… : the API paths are added by this tool.
  let path = url.pathname.replace(/\/+$/, '');
  const ecm = /\/ECM(\/.*)?$/i.exec(path);
  if (ecm) path = path.slice(0, ecm.index);
  return { base: `${url.origin}${path}`, origin: url.origin, host: url.host, loopback: loopback && url.protocol === 'http:' };
}

/** True when `url` is on the tenant's origin (where credentials may go). */
export function onTenant(url: string, address: TenantAddress): boolean {
  try {
    return new URL(url).origin === address.origin;
  } catch {
    return false;
  }
}
