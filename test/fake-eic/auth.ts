// Log-in (JSON body or Basic), token refresh (form-encoded), token exchange, and the bearer check
// every v5 call goes through.

import { text, type ParsedBody } from './body.js';
import type { FakeEicStore } from './store.js';

export interface FakeRequest {
  method: string;
  path: string;
  headers: Record<string, string | string[] | undefined>;
  body: ParsedBody;
}

export interface FakeAnswer {
  status: number;
  body?: unknown;
  html?: string;
  headers?: Record<string, string>;
}

export const json = (status: number, body: unknown, headers?: Record<string, string>): FakeAnswer => ({ status, body, headers });

function header(req: FakeRequest, name: string): string | undefined {
  const v = req.headers[name.toLowerCase()];
  return Array.isArray(v) ? v[0] : v;
}

function tokenAnswer(store: FakeEicStore, username: string, access: string, refresh: string): FakeAnswer {
  return json(200, {
    access_token: access, token_type: 'Bearer', expires_in: store.config.tokenTtlSeconds,
    refresh_token: refresh, roles: ['ROLE_ADMIN'], username,
  });
}

/** POST /ECM/api/login: {username, password} as JSON (or form fields), or Authorization: Basic. */
export function login(store: FakeEicStore, req: FakeRequest): FakeAnswer {
  let username = text(req.body.fields, 'username');
  let password = text(req.body.fields, 'password');
  const auth = header(req, 'authorization');
  if (!username && auth && /^basic\s+/i.test(auth)) {
    const decoded = Buffer.from(auth.replace(/^basic\s+/i, ''), 'base64').toString('utf8');
    const colon = decoded.indexOf(':');
    if (colon > 0) { username = decoded.slice(0, colon); password = decoded.slice(colon + 1); }
  }
  const user = store.users.get(username);
  // The real 401 body is unknown; clients must key off the status.
  if (!user || user.password !== password || user.passwordExpired) return json(401, { error: 'invalid_grant' });
  const { access, refresh } = store.issueTokens(user.username);
  return tokenAnswer(store, user.username, access, refresh);
}

/** POST /ECM/oauth/access_token: grant_type=refresh_token&refresh_token=… */
export function refresh(store: FakeEicStore, req: FakeRequest): FakeAnswer {
  if (text(req.body.fields, 'grant_type') !== 'refresh_token') return json(400, { error: 'unsupported_grant_type' });
  const old = text(req.body.fields, 'refresh_token');
  const record = store.refreshTokens.get(old);
  if (!record || record.expiresAtMs <= store.clock.nowMs()) return json(401, { error: 'invalid_grant' });
  const mode = store.config.refreshTokenAnswer;
  if (mode === 'rotate') store.refreshTokens.delete(old);
  const { access, refresh: next } = store.issueTokens(record.username, mode === 'rotate' ? undefined : old);
  return tokenAnswer(store, record.username, access, mode === 'empty' ? '' : next);
}

/** POST /ECM/oauth2/token: an IdP token exchanged for a Saviynt token (any non-empty subject_token of a known user name). */
export function tokenExchange(store: FakeEicStore, req: FakeRequest): FakeAnswer {
  const grant = text(req.body.fields, 'grant_type');
  const subject = text(req.body.fields, 'subject_token');
  if (grant !== 'urn:ietf:params:oauth:grant-type:token-exchange' || !subject) return json(400, { error: 'invalid_request' });
  const user = store.users.get(subject.replace(/^idp:/, ''));
  if (!user) return json(401, { error: 'invalid_grant' });
  const { access, refresh: next } = store.issueTokens(user.username);
  return tokenAnswer(store, user.username, access, next);
}

/** The user of a v5 call, or the 401/412 answer that stops it. */
export function authorize(store: FakeEicStore, req: FakeRequest): { user: string } | { answer: FakeAnswer } {
  const auth = header(req, 'authorization') ?? '';
  const token = /^bearer\s+(\S+)$/i.exec(auth.trim())?.[1];
  const user = store.userOfToken(token);
  if (!user) return { answer: json(401, { msg: 'Unauthorized', errorCode: '1' }) };
  if (store.config.restrictApiBySavRole) return { answer: json(412, { errorCode: '1', msg: 'Access denied' }) };
  return { user };
}
