/**
 * Plain-language explanations of what went wrong with a call: transport failures (timeout,
 * DNS, TLS, reset, truncated body), pages that are not JSON, and Intercom's error codes.
 */
import { DEFAULT_INTERCOM_VERSION } from '../../../../common/src/protocol';

export type HttpProblemKind =
  | 'refused'          // the engine would not send it (host not allowed, unconfirmed, URL problems)
  | 'cancelled'
  | 'timeout'
  | 'dns'
  | 'tls'
  | 'connection-refused'
  | 'connection-reset'
  | 'truncated'
  | 'redirect'
  | 'html-page'
  | 'non-json'
  | 'unauthorized'
  | 'forbidden-scope'
  | 'plan-restricted'
  | 'not-found'
  | 'version-invalid'
  | 'rate-limited'
  | 'server-error'
  | 'client-error'
  | 'network';

export interface HttpProblem {
  kind: HttpProblemKind;
  /** What happened and what to do, for an identity engineer. Never contains the token. */
  message: string;
  status?: number;
  /** Intercom's errors[0].code, when there is one. */
  code?: string;
  /** Intercom's errors[0].message. */
  intercomMessage?: string;
  host?: string;
  /** Missing OAuth scope for forbidden-scope. */
  scope?: string;
  /** True when an automatic retry could help (it is only ever done for GETs). */
  retryable?: boolean;
}

/** An HttpProblem thrown when no usable response exists (transport failures, refusals). */
export class HttpProblemError extends Error {
  constructor(readonly problem: HttpProblem) {
    super(problem.message);
    this.name = 'HttpProblemError';
  }
  toJSON(): HttpProblem { return this.problem; }
}

/** Developer Hub permission labels for Intercom's OAuth scopes (the app's Authentication page). */
const SCOPE_PERMISSIONS: Record<string, string> = {
  read_admins: 'Read admins',
  read_users: 'Read and list users and companies',
  write_users: 'Write users and companies',
  read_tickets: 'Read tickets',
  write_tickets: 'Write tickets',
  read_conversations: 'Read conversations',
  write_conversations: 'Write conversations',
  read_tags: 'Read tags',
  write_tags: 'Write tags',
  read_single_admin: 'Read one admin',
  read_companies: 'Read and list users and companies',
  write_companies: 'Write users and companies',
  read_events: 'Read events',
  write_events: 'Write events',
  read_data_attributes: 'Read data attributes',
  write_data_attributes: 'Write data attributes',
  read_segments: 'Read segments',
};

export function permissionForScope(scope: string): string {
  return SCOPE_PERMISSIONS[scope] ?? scope.replace(/_/g, ' ');
}

export interface IntercomError { code?: string; message?: string }

/** errors[0] of an Intercom `error.list` body, if the body is one. */
export function intercomError(json: unknown): IntercomError | undefined {
  if (!json || typeof json !== 'object') return undefined;
  const errors = (json as { errors?: unknown }).errors;
  if (!Array.isArray(errors) || !errors.length || typeof errors[0] !== 'object' || !errors[0]) return undefined;
  const e = errors[0] as Record<string, unknown>;
  return { code: typeof e.code === 'string' ? e.code : undefined, message: typeof e.message === 'string' ? e.message : undefined };
}

/** The <title> (or first heading) of an HTML page, for messages. */
export function htmlTitle(html: string): string {
  const m = /<title[^>]*>([\s\S]*?)<\/title>/i.exec(html) ?? /<h1[^>]*>([\s\S]*?)<\/h1>/i.exec(html);
  const text = (m ? m[1] : html.replace(/<[^>]*>/g, ' ')).replace(/\s+/g, ' ').trim();
  return text.slice(0, 120) || '(no title)';
}

/** Explains an HTTP error status with Intercom's error body. */
export function classifyStatus(status: number, json: unknown, host: string, retryNote = ''): HttpProblem {
  const err = intercomError(json);
  const code = err?.code;
  const said = err ? ` Intercom said: ${code ?? 'error'}${err.message ? ` "${err.message}"` : ''}.` : '';
  const base = { status, code, intercomMessage: err?.message, host };
  if (status === 401) {
    switch (code) {
      case 'token_revoked':
        return { ...base, kind: 'unauthorized', message: `Intercom says this access token was revoked (401 token_revoked). Tokens do not expire; a revoked or regenerated token must be replaced: copy the current one from the Developer Hub (your app › Configure › Authentication) and store it again.` };
      case 'token_blocked':
        return { ...base, kind: 'unauthorized', message: `Intercom says the app or workspace behind this token is blocked (401 token_blocked). This is not a typing mistake in the token: the workspace owner must contact Intercom or re-enable the app.` };
      case 'token_not_found':
        return { ...base, kind: 'unauthorized', message: `Intercom does not know this token on ${host} (401 token_not_found). If the workspace is hosted in Europe or Australia, call its regional host (api.eu.intercom.io or api.au.intercom.io); otherwise the token is wrong.` };
      case 'missing_authorization':
        return { ...base, kind: 'unauthorized', message: `The request carried no Authorization header (401 missing_authorization). Add "Authorization": "\${access_token}" to httpHeaders.` };
      case 'token_expired':
        return { ...base, kind: 'unauthorized', message: `Intercom says the token has expired (401 token_expired). Store a new token.` };
      default:
        return { ...base, kind: 'unauthorized', message: `Intercom rejected the access token (401${code ? ` ${code}` : ''}${err?.message ? `: ${err.message}` : ''}). Check that the stored token is complete, has no spaces, and that the Authorization header is "\${access_token}" (which already includes "Bearer ").` };
    }
  }
  if (status === 403) {
    if (code === 'api_plan_restricted') {
      return { ...base, kind: 'plan-restricted', message: `Intercom refuses this endpoint for the workspace's plan (403 api_plan_restricted "${err?.message ?? 'Active subscription needed.'}"). This is a subscription matter, not a token or scope problem.` };
    }
    const scope = /scope \(([a-z_]+)\)/i.exec(err?.message ?? '')?.[1];
    if (scope) {
      return { ...base, kind: 'forbidden-scope', scope, message: `The app's token lacks the scope ${scope} (403 forbidden). In the Intercom Developer Hub open your app › Configure › Authentication, edit the permissions, tick "${permissionForScope(scope)}", save, and run the call again.` };
    }
    return { ...base, kind: 'forbidden-scope', message: `Intercom refused the call (403${code ? ` ${code}` : ''}).${said} The app probably lacks a permission: check the permissions under your app › Configure › Authentication in the Developer Hub.` };
  }
  if (status === 404) {
    const what = code === 'ticket_not_found' ? 'The ticket does not exist (or was deleted). Paths take the ticket\'s internal "id", never the Inbox number "ticket_id".'
      : code === 'admin_not_found' ? 'No admin has that id.'
      : code === 'team_not_found' ? 'No team has that id.'
      : 'Either the id in the URL is unknown or the path is wrong; Intercom also answers 404 for an HTTP method the path does not support.';
    return { ...base, kind: 'not-found', message: `Not found (404${code ? ` ${code}` : ''}). ${what}${err?.message ? ` Intercom said: "${err.message}".` : ''}` };
  }
  if (code === 'intercom_version_invalid') {
    return { ...base, kind: 'version-invalid', message: `Intercom refused the API version (400 intercom_version_invalid): the Intercom-Version header is not a valid version, or this endpoint does not exist in that version (tickets need 2.9+, ticket states 2.12+). Send a version such as "${DEFAULT_INTERCOM_VERSION}" as a string; "2.1" is not "2.10".` };
  }
  if (status === 429) {
    return { ...base, kind: 'rate-limited', retryable: true, message: `Intercom's rate limit was hit (429${code ? ` ${code}` : ''}).${retryNote}` };
  }
  if (status >= 500) {
    return { ...base, kind: 'server-error', retryable: true, message: `Intercom had a server error (${status}${code ? ` ${code}` : ''}).${said} This is usually temporary; try again in a minute.${retryNote}` };
  }
  if (status === 406) {
    return { ...base, kind: 'client-error', message: `Intercom answered 406${code ? ` ${code}` : ''}: add the header "Accept": "application/json" to httpHeaders.` };
  }
  if (status >= 300 && status < 400) {
    return { ...base, kind: 'redirect', message: `${host} answered with a redirect (${status}); it was not followed, so that the token is never sent elsewhere. Use the final address in the URL.` };
  }
  return { ...base, kind: 'client-error', message: `Intercom refused the request (${status}${code ? ` ${code}` : ''}).${said || ' The body was not an Intercom error list.'}` };
}

interface ErrorWithCause { name?: string; message?: string; code?: string; cause?: unknown }

/** Explains an exception thrown by fetch (before or while reading the body). */
export function classifyNetworkError(error: unknown, host: string, phase: 'connect' | 'body'): HttpProblem {
  const chain: ErrorWithCause[] = [];
  let cur: unknown = error;
  for (let i = 0; i < 5 && cur && typeof cur === 'object'; i++) { chain.push(cur as ErrorWithCause); cur = (cur as ErrorWithCause).cause; }
  const codes = chain.map(e => e.code ?? '').join(' ');
  const messages = chain.map(e => e.message ?? '').join(' | ');
  const has = (re: RegExp) => re.test(codes) || re.test(messages);
  if (has(/ENOTFOUND|EAI_AGAIN|getaddrinfo/)) {
    return { kind: 'dns', host, retryable: false, message: `The host name ${host} could not be resolved (DNS). Check the spelling of the URL, your network and any proxy settings.` };
  }
  if (has(/CERT|SSL|TLS|self[- ]signed|unable to verify|ERR_TLS|EPROTO/i)) {
    return { kind: 'tls', host, retryable: false, message: `The secure (TLS) connection to ${host} failed: the certificate was not accepted. A company proxy that inspects traffic is the usual cause; do not disable certificate checks, ask for the proxy's root certificate instead.` };
  }
  if (has(/ECONNREFUSED/)) {
    return { kind: 'connection-refused', host, retryable: true, message: `${host} refused the connection. Nothing is listening at that address and port.` };
  }
  if (phase === 'body') {
    return { kind: 'truncated', host, retryable: true, message: `The connection to ${host} broke while the answer was being read; the response is incomplete and was discarded.` };
  }
  if (has(/ECONNRESET|UND_ERR_SOCKET|other side closed|socket hang up|EPIPE/i)) {
    return { kind: 'connection-reset', host, retryable: true, message: `${host} closed the connection before answering (connection reset). This is usually temporary or caused by a proxy.` };
  }
  return { kind: 'network', host, retryable: true, message: `The call to ${host} failed: ${firstLine(messages) || 'network error'}.` };
}

function firstLine(text: string): string {
  return text.split('\n')[0].slice(0, 200);
}
