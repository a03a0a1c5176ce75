/**
 * Everything a call needs from the editor: the settings for the file, the stored access token
 * (as a SecretToken, so only its mask can ever be shown), the send options (VS Code's global
 * fetch, so the proxy and certificate settings apply; timeout; allowed hosts) and the base URL
 * to use for a given call.
 */
import * as vscode from 'vscode';
import {
  SecretToken, TokenFormatError, httpOptionsFromSettings, isIntercomHost, type FetchLike, type SendOptions,
} from '../../../server/src/core/runner';
import { apiBaseUrl, readSettings, type ClientSettings, type Region } from '../settings';
import { INTERCOM_REGION_IDS, regionOfApiHost } from '../../../server/src/core/intercom/regions';
import type { ClientContext } from '../clientContext';

export interface CallEnvironment {
  settings: ClientSettings;
  region: Region;
  /** The stored token for the region; undefined when none is stored (or it is unusable). */
  token?: SecretToken;
  /** Why the stored token cannot be used, when it exists but is malformed. */
  tokenProblem?: string;
  /** The base URL Test Connection uses: the override, else the region's host. */
  apiBase: string;
  send: Pick<SendOptions, 'fetch' | 'timeoutMs' | 'allowedHosts'>;
}

/** VS Code patches the extension host's global fetch (proxy, certificates): look it up at call time. */
const vscodeFetch: FetchLike = (input, init) => globalThis.fetch(input, init);

export async function callEnvironment(ctx: ClientContext, scope?: vscode.Uri): Promise<CallEnvironment> {
  const settings = readSettings(scope);
  let token: SecretToken | undefined;
  let tokenProblem: string | undefined;
  const raw = await ctx.tokens.get(settings.region);
  if (raw) {
    try { token = new SecretToken(raw); } catch (e) { tokenProblem = e instanceof TokenFormatError ? e.message : 'The stored token is not usable; store it again.'; }
  }
  const http = httpOptionsFromSettings({ timeoutSeconds: settings.timeoutSeconds, allowedHosts: settings.allowedHosts });
  return {
    settings,
    region: settings.region,
    token,
    tokenProblem,
    apiBase: apiBaseUrl(settings),
    send: { fetch: vscodeFetch, timeoutMs: http.timeoutMs, allowedHosts: http.allowedHosts },
  };
}

/** A leading install-time placeholder such as `@HOST_URL@` or `<<HOST>>`. */
const PLACEHOLDER_START = /^\s*(@@?[A-Za-z0-9_-]+@@?|<<?[A-Za-z0-9_ -]+>>?)/;

/**
 * The base URL to rebase a call's URL onto, or undefined to send it where it points: calls to an
 * Intercom API host go to the baseUrl override when one is set; a URL that starts with an
 * install-time placeholder goes to the configured base (override or region host).
 */
export function baseUrlFor(rawUrl: string, env: CallEnvironment): string | undefined {
  if (PLACEHOLDER_START.test(rawUrl)) return env.apiBase;
  if (!env.settings.baseUrl) return undefined;
  try {
    return isIntercomHost(new URL(rawUrl.trim()).hostname) ? env.settings.baseUrl : undefined;
  } catch {
    return undefined;
  }
}

/** The base URL for a whole connection (import, ticket flow): the override when any call targets Intercom. */
export function connectionBaseUrl(rawUrls: string[], env: CallEnvironment): string | undefined {
  for (const url of rawUrls) {
    const base = baseUrlFor(url, env);
    if (base) return base;
  }
  return undefined;
}

/** The fake Intercom's per-region path prefix, /__region/<region id>/. */
const FAKE_REGION_PREFIX = new RegExp(`^/__region/(${INTERCOM_REGION_IDS.join('|')})(/|$)`);

/** The region an API base URL belongs to: Intercom's regional hosts, or the fake's /__region/<r> prefix. */
export function regionOfBase(base: string, fallback: Region): Region {
  try {
    const url = new URL(base);
    const region = regionOfApiHost(url.hostname);
    if (region) return region.id;
    const prefix = FAKE_REGION_PREFIX.exec(url.pathname);
    if (prefix) return prefix[1] as Region;
  } catch { /* not a URL: fall back */ }
  return fallback;
}

const REGION_LABEL: Record<Region, string> = { us: 'US', eu: 'EU', au: 'AU' };

/** Why there is no usable token, for the "Set Token" message. */
export function noTokenMessage(env: CallEnvironment, what: string): string {
  if (env.tokenProblem) return `${what}: the stored Intercom access token for the ${REGION_LABEL[env.region]} region cannot be used. ${env.tokenProblem}`;
  return `${what}: no Intercom access token is stored for the ${REGION_LABEL[env.region]} region of this workspace. Set one (Developer Hub › your app › Configure › Authentication); it is kept in VS Code's secret storage.`;
}
