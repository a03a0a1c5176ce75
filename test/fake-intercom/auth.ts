// Authentication: Authorization header → token → app and workspace, and the regional-host rule.

import { ApiError, MSG } from './errors.js';
import type { AppRecord, RegionKey, TokenRecord, WorkspaceRecord } from './types.js';

export interface AuthLookup {
  token(value: string): TokenRecord | undefined;
  app(id: string): AppRecord | undefined;
  workspace(idCode: string): WorkspaceRecord | undefined;
}

export interface AuthResult {
  token: TokenRecord;
  app: AppRecord;
  workspace: WorkspaceRecord;
  /** True when a US-host call was routed to an EU or AU workspace. */
  proxied: boolean;
}

/**
 * Checks the Authorization header. `hostRegion` is the region of the host that was called
 * (the US host auto-routes any token; regional hosts serve only their own tokens).
 */
export function authenticate(
  header: string | undefined,
  hostRegion: RegionKey,
  lookup: AuthLookup,
  unknownTokenCode: 'unauthorized' | 'token_not_found',
): AuthResult {
  if (header === undefined) {
    throw new ApiError(401, 'missing_authorization', 'An Authorization header with a Bearer token is required');
  }
  const space = header.indexOf(' ');
  const scheme = space < 0 ? header : header.slice(0, space);
  const value = space < 0 ? '' : header.slice(space + 1);
  if (scheme.toLowerCase() !== 'bearer' || value === '' || /\s/.test(value)) {
    throw new ApiError(401, 'unauthorized', MSG.invalidToken);
  }
  const token = lookup.token(value);
  const app = token ? lookup.app(token.appId) : undefined;
  const workspace = app ? lookup.workspace(app.workspaceId) : undefined;
  if (!token || !app || !workspace) {
    throw unknownTokenCode === 'token_not_found'
      ? new ApiError(401, 'token_not_found', 'Unauthorized')
      : new ApiError(401, 'unauthorized', MSG.invalidToken);
  }
  if (token.state === 'revoked') throw new ApiError(401, 'token_revoked', 'Token has been revoked');
  if (token.state === 'blocked') throw new ApiError(401, 'token_blocked', 'The app or workspace is blocked');
  if (token.state === 'expired') throw new ApiError(401, 'token_expired', 'Token has expired');
  const tokenRegion = workspace.region.toLowerCase() as RegionKey;
  if (hostRegion !== 'us' && hostRegion !== tokenRegion) {
    throw new ApiError(401, 'token_not_found', 'Unauthorized');
  }
  return { token, app, workspace, proxied: hostRegion === 'us' && tokenRegion !== 'us' };
}

/** Redacts an Authorization value to its last 4 characters, for the request log. */
export function redactAuthorization(value: string): string {
  const space = value.indexOf(' ');
  const scheme = space < 0 ? '' : value.slice(0, space + 1);
  const secret = space < 0 ? value : value.slice(space + 1);
  const tail = secret.length > 8 ? secret.slice(-4) : '';
  return `${scheme}***${tail}`;
}
