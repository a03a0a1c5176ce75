/**
 * Plain-language explanations of what went wrong talking to an EIC tenant: the answer's HTTP
 * status and EIC's own `msg`, read tolerantly. Every message says what happened, then what to do.
 */
import { htmlTitle } from '../runner/problems';
import { descriptionOf, errorCodeOf, messageOf, saidByEic } from './eicAnswers';
import type { EicOperation } from './eicCatalog';

export type EicProblemKind =
  | 'refused'            // this tool would not send it (URL, host, missing credentials)
  | 'cancelled'
  | 'timeout'
  | 'network'
  | 'redirect'
  | 'html-page'
  | 'non-json'
  | 'login-failed'       // the user name / password was refused
  | 'unauthorized'       // the access token was refused and could not be renewed
  | 'sav-role'           // "Restrict API access based on SAV Role" (or the role lacks the web service)
  | 'not-found'          // the connection (or job trigger) does not exist
  | 'unknown-attribute'  // the tenant's release does not know an attribute
  | 'rejected'           // EIC refused the request (412 or errorCode ≠ 0) for another reason
  | 'rate-limited'
  | 'server-error'
  | 'client-error';

export interface EicProblem {
  kind: EicProblemKind;
  /** For an identity engineer; never contains a credential. */
  message: string;
  status?: number;
  /** EIC's own `msg`. */
  eicMessage?: string;
  operation?: EicOperation;
  /** The attribute EIC did not accept (unknown-attribute). */
  attribute?: string;
  retryable?: boolean;
}

export class EicProblemError extends Error {
  constructor(readonly problem: EicProblem) {
    super(problem.message);
    this.name = 'EicProblemError';
  }
  toJSON(): EicProblem { return this.problem; }
}

export function eicCancelled(): EicProblemError {
  return new EicProblemError({ kind: 'cancelled', message: 'Stopped: the EIC call was cancelled.' });
}

/** What the user sees as the call's name. */
const OPERATION_LABEL: Record<EicOperation, string> = {
  login: 'log-in',
  refresh: 'token refresh',
  getConnections: 'listing the connections',
  getConnectionDetails: 'reading the connection',
  testConnection: 'saving the connection',
  runJobTrigger: 'starting the job',
  checkJobStatus: 'reading the job status',
  fetchJobMetadata: 'reading the job result',
};

export function operationLabel(operation: EicOperation): string {
  return OPERATION_LABEL[operation];
}

const SAV_ROLE_WORDS = /access denied|not authori[sz]ed|unauthori[sz]ed|permission|sav ?role|forbidden|not allowed|restrict/i;
const NOT_FOUND_WORDS = /not\s*found|does\s*not\s*exist|doesn't exist|no (such )?connection|invalid connection ?name|no record/i;
const ATTRIBUTE_WORDS = /(invalid|unknown|unsupported|unrecognized|not supported)\b[^.]*\battribute|attribute\b[^.]*\b(invalid|unknown|not supported|not allowed)/i;

/** True when EIC's words say the SAV-role restriction (or a missing web service) stopped the call. */
export function looksLikeSavRoleRestriction(msg: string | undefined): boolean {
  return msg !== undefined && SAV_ROLE_WORDS.test(msg);
}

export function looksLikeNotFound(msg: string | undefined): boolean {
  return msg !== undefined && NOT_FOUND_WORDS.test(msg) && !SAV_ROLE_WORDS.test(msg);
}

export function looksLikeUnknownAttribute(msg: string | undefined): boolean {
  return msg !== undefined && ATTRIBUTE_WORDS.test(msg);
}

export const SAV_ROLE_EXPLANATION = 'This is what EIC answers when the tenant setting "Restrict API access based on SAV Role" '
  + '(in the tenant\'s Settings › API) is on and the API user\'s SAV role does not grant this web service. '
  + 'Ask an EIC administrator to add the web service to the user\'s SAV role, or to turn the setting off.';

/** Explains an EIC answer that is not a success (status ≥ 300, or 200 with errorCode ≠ 0). */
export function classifyEicAnswer(operation: EicOperation, status: number, json: unknown, host: string): EicProblem {
  const eicMessage = messageOf(json);
  const said = saidByEic(json);
  const label = operationLabel(operation);
  const base = { status, eicMessage, operation };
  if (status === 401) {
    if (operation === 'login') {
      return { ...base, kind: 'login-failed', message: `EIC refused the user name or password (401 on log-in at ${host}). `
        + 'Check them with Set EIC Credentials; a service account whose password has expired cannot log in either (EIC then creates no token).' };
    }
    if (operation === 'refresh') {
      return { ...base, kind: 'unauthorized', message: `EIC did not renew the session (401 on ${label}): the refresh token has expired or was revoked.` };
    }
    return { ...base, kind: 'unauthorized', message: `EIC refused the access token (401 while ${label}): it has expired or is not valid for ${host}. `
      + 'Set EIC Credentials again (a user name and password let this tool log in again by itself).' };
  }
  if (status === 403) {
    return { ...base, kind: 'sav-role', message: `EIC refused ${label} (403).${said} The API user lacks the rights for this web service. ${SAV_ROLE_EXPLANATION}` };
  }
  if (status === 404) {
    const what = operation === 'login' || operation === 'refresh'
      ? `The tenant URL looks wrong: ${host} has no ${label} endpoint under /ECM. Give the tenant's base address, e.g. https://acme.saviyntcloud.com, without /ECM.`
      : `${host} has no such API path (404 while ${label}); the tenant URL may be wrong, or this EIC release lacks the v5 API.`;
    return { ...base, kind: 'client-error', message: `${what}${said}` };
  }
  if (status === 429) {
    return { ...base, kind: 'rate-limited', retryable: true, message: `EIC asked to slow down (429 while ${label}).${said}` };
  }
  if (status >= 500) {
    return { ...base, kind: 'server-error', retryable: status === 502 || status === 503 || status === 504,
      message: `EIC had a server error (${status} while ${label}).${said} This is usually temporary; try again in a minute.` };
  }
  if (status >= 300 && status < 400) {
    return { ...base, kind: 'redirect', message: `${host} answered ${label} with a redirect (${status}); it was not followed, so that the credentials never go elsewhere. Use the tenant's final address in saviyntRest.eic.url.` };
  }
  const code = errorCodeOf(json);
  const codeText = code !== undefined ? `, errorCode ${code}` : '';
  if (status === 412 || (status < 300 && code !== undefined && code !== 0)) {
    if (looksLikeSavRoleRestriction(eicMessage)) {
      return { ...base, kind: 'sav-role', message: `EIC refused ${label} (${status}${codeText}).${said} ${SAV_ROLE_EXPLANATION}` };
    }
    if (looksLikeUnknownAttribute(eicMessage)) {
      return { ...base, kind: 'unknown-attribute', message: `EIC did not accept an attribute (${status}${codeText}).${said}` };
    }
    if (looksLikeNotFound(eicMessage) || (operation === 'getConnectionDetails' && status === 412)) {
      return { ...base, kind: 'not-found', message: `Not found on the tenant (${status}${codeText} while ${label}).${said}` };
    }
    return { ...base, kind: 'rejected', message: `EIC refused ${label} (${status}${codeText}).${said || ' EIC gave no reason.'}` };
  }
  return { ...base, kind: 'client-error', message: `EIC refused ${label} (${status}${codeText}).${said || ' The answer gave no reason.'}` };
}

/** An HTML page instead of JSON (a login portal, a proxy's error page, a wrong base URL). */
export function htmlPageProblem(operation: EicOperation, status: number, html: string, host: string): EicProblem {
  const why = status >= 200 && status < 300
    ? ' A 200 HTML page usually means saviyntRest.eic.url points at the web login (single sign-on) or a proxy, not at the API.'
    : status >= 500 ? ' This is usually a temporary failure in front of EIC; try again in a minute.' : '';
  return { kind: 'html-page', status, operation, retryable: status === 502 || status === 503 || status === 504,
    message: `The tenant (or a proxy in between) answered ${operationLabel(operation)} with an HTML page, not JSON: "${htmlTitle(html)}" (HTTP ${status} from ${host}).${why}` };
}

/** A 2xx answer whose body is not JSON. */
export function nonJsonProblem(operation: EicOperation, status: number, text: string, contentType: string, host: string): EicProblem {
  return { kind: 'non-json', status, operation,
    message: `The answer to ${operationLabel(operation)} from ${host} is not JSON (Content-Type "${contentType || 'none'}"): ${JSON.stringify(text.slice(0, 120))}.` };
}

/** Text of EIC's message and description together, for logs. */
export function eicWords(json: unknown): string {
  return [messageOf(json), descriptionOf(json)].filter(Boolean).join(' — ');
}
