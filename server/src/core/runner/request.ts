/**
 * Turning a call (CallDescription or any url/method/headers/body template) into a request:
 * bindings resolved from a variables object, the token kept in its secret slot (every text
 * here shows `Bearer ••••<last4>`), EIC methods mapped to HTTP methods, and the problems that
 * must stop a call before it leaves (missing variables, unevaluable expressions, a URL with
 * surrounding spaces, unfilled `@PLACEHOLDER@`s).
 */
import type { CallDescription } from '../../../../common/src/protocol';
import { normalizeVariables, resolveTemplate, type TemplateResult } from './template';
import type { ExpressionClock } from './expression';
import { rebaseUrl } from './hosts';
import type { SecretToken } from './secret';

/** The parts of a call needed to send it (a CallDescription has them all). */
export type CallTemplate = Pick<CallDescription, 'method' | 'url' | 'headers'> & Partial<Pick<CallDescription, 'name' | 'body' | 'contentType'>>;

export interface RequestProblem {
  /** `url`, `method`, `body` or `header <Name>`. */
  where: string;
  message: string;
}

export interface PreparedRequest {
  name: string;
  /** The method as written in the connection (after bindings), e.g. DELETEWITHBODY. */
  eicMethod: string;
  /** The HTTP method actually sent. */
  method: string;
  /** URL with bindings resolved; the token, if any, masked. */
  url: string;
  headers: Record<string, string>;
  body?: string;
  /** True for calls that change data (POST, PUT, PATCH, DELETE, DELETEWITHBODY): ask first. */
  requiresConfirmation: boolean;
  /** Input variables without a value (prompt for them). */
  missing: string[];
  /** Problems that prevent sending. */
  problems: RequestProblem[];
  /** Things worth knowing that do not prevent sending. */
  warnings: string[];
  /** True when nothing is missing and nothing prevents sending. */
  ready: boolean;
  /** The token slot, when the request carries `${access_token}` (shows only the mask). */
  secret?: SecretToken;
}

export interface PrepareOptions {
  /** The access token; `${access_token}` resolves to `Bearer <token>`. */
  token?: SecretToken;
  /** Replace the scheme and host of the URL (e.g. to call the local fake Intercom). */
  baseUrl?: string;
  /** Roots whose absent members read as null (import `response`/`headers`). */
  dataRoots?: Set<string>;
  /** The clock `System.currentTimeMillis()` reads (default: the wall clock). */
  clock?: ExpressionClock;
}

const MUTATING = new Set(['POST', 'PUT', 'PATCH', 'DELETE', 'DELETEWITHBODY']);
const KNOWN_METHODS = new Set(['GET', 'POST', 'PUT', 'PATCH', 'DELETE', 'DELETEWITHBODY', 'GETWITHBODY', 'HEAD', 'OPTIONS']);

/** True for methods that change data in the target; callers must confirm before sending. */
export function isMutating(method: string): boolean {
  return MUTATING.has(method.trim().toUpperCase());
}

/** The HTTP method for an EIC method (DELETEWITHBODY → DELETE, GETWITHBODY → GET). */
export function httpMethodFor(eicMethod: string): string {
  const m = eicMethod.trim().toUpperCase();
  if (m === 'DELETEWITHBODY') return 'DELETE';
  if (m === 'GETWITHBODY') return 'GET';
  return m;
}

/** Resolves the bindings of a call. Never throws for problems in the call: they are listed. */
export function prepareRequest(call: CallTemplate, variables: Record<string, unknown> = {}, options: PrepareOptions = {}): PreparedRequest {
  const vars = normalizeVariables(variables);
  delete vars.access_token; // the token only ever comes from its secret slot
  if (options.token) vars.access_token = options.token.maskedBinding;
  const scope = { variables: vars, dataRoots: options.dataRoots, clock: options.clock };
  const missing = new Set<string>();
  const problems: RequestProblem[] = [];
  const warnings: string[] = [];
  const resolve = (text: string, where: string): string => {
    const r: TemplateResult = resolveTemplate(text, scope);
    r.missing.forEach(m => missing.add(m));
    for (const p of r.problems) problems.push({ where, message: `In the ${where}: ${p.message}` });
    for (const e of r.nullExpressions) {
      if (!r.missing.some(m => e.includes(m.split('.')[0]))) warnings.push(`In the ${where}, \${${e}} is null; EIC would write the text "null" there.`);
    }
    return r.text;
  };

  const eicMethod = resolve(call.method || 'GET', 'method').trim();
  const upper = eicMethod.toUpperCase();
  if (eicMethod !== upper) warnings.push(`The method "${eicMethod}" is not in upper case; write "${upper}".`);
  if (!KNOWN_METHODS.has(upper)) problems.push({ where: 'method', message: `"${eicMethod}" is not an HTTP method EIC knows (GET, POST, PUT, PATCH, DELETE, DELETEWITHBODY, GETWITHBODY).` });
  const method = httpMethodFor(upper);

  const rawUrl = call.url ?? '';
  if (rawUrl !== rawUrl.trim()) {
    const side = rawUrl.trimStart() !== rawUrl ? 'starts' : 'ends';
    problems.push({ where: 'url', message: `The URL ${side} with whitespace (${JSON.stringify(rawUrl.slice(0, 80))}). Not sent: java.net.URL would trim it but java.net.URI rejects it, and which one EIC uses is not public; remove the ${side === 'starts' ? 'leading' : 'trailing'} space in "url".` });
  }
  let url = resolve(rawUrl.trim(), 'url');
  url = rebaseUrl(url, options.baseUrl);
  const placeholder = /@@?[A-Za-z][A-Za-z0-9_-]*@@?/.exec(url);
  if (placeholder) problems.push({ where: 'url', message: `The URL still contains the install-time placeholder ${placeholder[0]}; replace it with the real address (or pass a base URL).` });
  if (!problems.some(p => p.where === 'url') && missing.size === 0) {
    try {
      const parsed = new URL(url);
      if (parsed.protocol !== 'https:' && parsed.protocol !== 'http:') problems.push({ where: 'url', message: `The URL must start with https:// (got ${parsed.protocol}).` });
    } catch {
      problems.push({ where: 'url', message: `"${url.slice(0, 120)}" is not an absolute URL.` });
    }
  }

  const headers: Record<string, string> = {};
  for (const [name, value] of Object.entries(call.headers ?? {})) {
    headers[name] = resolve(String(value), `header ${name}`);
    if (/^bearer\s+bearer\s/i.test(headers[name])) {
      warnings.push(`The ${name} header reads "Bearer Bearer …": \${access_token} already includes "Bearer ", so write just "\${access_token}".`);
    }
  }

  let body: string | undefined = call.body === undefined ? undefined : resolve(call.body, 'body');
  const bodyAllowed = method !== 'GET' && method !== 'HEAD' || upper === 'GETWITHBODY';
  if (body !== undefined && !bodyAllowed) {
    if (body.trim() !== '' && body.trim() !== '{}') warnings.push(`${upper} sends no body, so httpParams is not sent (use GETWITHBODY or POST if the API needs it).`);
    body = undefined;
  }
  if (body !== undefined && body.trim() === '' && upper !== 'POST' && upper !== 'PUT' && upper !== 'PATCH') body = undefined;
  if (body !== undefined) {
    const hasContentType = Object.keys(headers).some(h => h.toLowerCase() === 'content-type');
    if (!hasContentType && call.contentType) headers['Content-Type'] = call.contentType.trim();
    const type = (Object.entries(headers).find(([h]) => h.toLowerCase() === 'content-type')?.[1] ?? call.contentType ?? '').toLowerCase();
    if (type.includes('json') && body.trim() !== '' && missing.size === 0 && !problems.some(p => p.where === 'body')) {
      try { JSON.parse(body); } catch (e) {
        warnings.push(`After substitution the body is not valid JSON (${e instanceof Error ? e.message : e}); Intercom would answer 400 parameter_invalid. A value containing a quote or backslash is the usual cause.`);
      }
    }
  }

  const usesToken = !!options.token && [url, body ?? '', ...Object.values(headers)].some(t => t.includes(options.token!.masked));
  const missingList = [...missing];
  return {
    name: call.name ?? '',
    eicMethod: upper,
    method,
    url,
    headers,
    body,
    requiresConfirmation: isMutating(upper),
    missing: missingList,
    problems,
    warnings,
    ready: missingList.length === 0 && problems.length === 0,
    secret: usesToken ? options.token : undefined,
  };
}

/** A one-line description of a prepared request, for logs and confirmations (token masked). */
export function describeRequest(request: PreparedRequest): string {
  return `${request.eicMethod} ${request.url}`;
}
