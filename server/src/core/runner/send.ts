/**
 * Sending one prepared request, safely: the token only goes to Intercom's API hosts or to hosts
 * the user allowed, calls that change data must be confirmed, redirects are not followed, and
 * everything the caller gets back is redacted. GETs are retried (bounded) on 5xx, timeouts and
 * broken connections, and wait for Intercom's rate-limit window on 429; calls that change data
 * are never retried automatically (a timeout after the server committed would duplicate a ticket).
 */
import { cancelledError, realClock, type EngineClock } from './clock';
import { hostOf, hostRefusedMessage, tokenAllowedFor } from './hosts';
import { classifyNetworkError, classifyStatus, htmlTitle, HttpProblemError, type HttpProblem } from './problems';
import type { PreparedRequest } from './request';
import { isMutating } from './request';
import { redact, redactDeep, revealToken } from './secret';

export const DEFAULT_TIMEOUT_MS = 30_000;
export const DEFAULT_MAX_RATE_LIMIT_WAIT_MS = 60_000;

export type FetchLike = (input: string, init: {
  method: string; headers: Record<string, string>; body?: string; signal: AbortSignal; redirect: 'manual';
}) => Promise<Response>;

export type SendProgress =
  | { type: 'request'; method: string; url: string; attempt: number }
  | { type: 'response'; status: number; timeMs: number }
  | { type: 'rate-limit-wait'; waitMs: number; resetAt?: number; attempt: number; message: string }
  | { type: 'retry'; waitMs: number; attempt: number; reason: string };

export interface SendOptions {
  /** The fetch to use (VS Code's patched global fetch in the extension). Default: globalThis.fetch. */
  fetch?: FetchLike;
  /** Abandon a call after this many ms (default 30 000; setting saviyntRest.http.timeoutSeconds). */
  timeoutMs?: number;
  signal?: AbortSignal;
  /** Hosts besides Intercom's API hosts that may receive the token (`host` or `host:port`). */
  allowedHosts?: readonly string[];
  /** How the user allows another host, for the refusal message (default: the VS Code setting). */
  allowHostHint?: (host: string) => string;
  onProgress?(event: SendProgress): void;
  /** The user confirmed a call that changes data. Required for POST/PUT/PATCH/DELETE. */
  confirmed?: boolean;
  /** Longest wait for a rate-limit window (default 60 s); longer resets give up with a message. */
  maxRateLimitWaitMs?: number;
  /** How many 429s a GET waits through before giving up (default 3). */
  maxRateLimitRetries?: number;
  /** Retries of a GET after 5xx, timeout or broken connection (default 2). */
  maxRetries?: number;
  /** First retry backoff in ms, doubled each time (default 1000). */
  retryBackoffMs?: number;
  clock?: EngineClock;
  /** Jitter source in [0,1) (default Math.random). */
  random?: () => number;
}

export interface RateLimitInfo {
  limit?: number;
  remaining?: number;
  /** Unix seconds when the window refills. */
  reset?: number;
}

export interface HttpResponse {
  /** The request as sent, token masked. */
  request: { method: string; url: string; headers: Record<string, string>; body?: string };
  status: number;
  statusText: string;
  /** Response headers, lower-case names. */
  headers: Record<string, string>;
  timeMs: number;
  bodyText: string;
  /** The parsed body, when it is JSON. */
  json?: unknown;
  rateLimit: RateLimitInfo;
  /** True for a 2xx answer that is usable (JSON or empty). */
  ok: boolean;
  /** What is wrong with the answer (error status, HTML page, not JSON). */
  problem?: HttpProblem;
  warnings: string[];
  /** How many times the request was sent. */
  attempts: number;
}

export function rateLimitFrom(headers: Record<string, string>): RateLimitInfo {
  const num = (name: string) => {
    const v = headers[name];
    return v !== undefined && /^\s*-?\d+(\.\d+)?\s*$/.test(v) ? Number(v) : undefined;
  };
  return { limit: num('x-ratelimit-limit'), remaining: num('x-ratelimit-remaining'), reset: num('x-ratelimit-reset') };
}

/** Throws an HttpProblemError if the request must not be sent; otherwise returns its URL. */
export function checkSendable(request: PreparedRequest, options: Pick<SendOptions, 'allowedHosts' | 'confirmed' | 'allowHostHint'>): URL {
  const refuse = (message: string, host?: string): never => { throw new HttpProblemError({ kind: 'refused', message, host }); };
  if (request.missing.length) refuse(`Cannot send ${request.name || 'the call'}: no value for ${request.missing.join(', ')}.`);
  if (request.problems.length) refuse(request.problems.map(p => p.message).join(' '));
  let url: URL;
  try { url = new URL(request.url); } catch { return refuse(`"${request.url.slice(0, 120)}" is not an absolute URL.`); }
  if (request.secret && !tokenAllowedFor(url, options.allowedHosts)) refuse(hostRefusedMessage(url, options.allowHostHint), hostOf(url).hostPort);
  if (isMutating(request.eicMethod) && !options.confirmed) {
    refuse(`${request.eicMethod} ${url.pathname} changes data in the target; it is only sent after you confirm it.`, hostOf(url).hostPort);
  }
  if (request.method === 'GET' && request.body !== undefined && request.body.trim() !== '' && request.body.trim() !== '{}') {
    refuse('GETWITHBODY: this client cannot send a body with GET. EIC can, but Intercom\'s list endpoints take no body; use POST for the search endpoints.');
  }
  return url;
}

/** Sends a prepared request. Resolves with the response; throws HttpProblemError when there is none. */
export async function sendRequest(request: PreparedRequest, options: SendOptions = {}): Promise<HttpResponse> {
  const url = checkSendable(request, options);
  const clock = options.clock ?? realClock;
  const random = options.random ?? Math.random;
  const mutating = isMutating(request.eicMethod);
  const maxRetries = mutating ? 0 : options.maxRetries ?? 2;
  const maxRateRetries = mutating ? 0 : options.maxRateLimitRetries ?? 3;
  const backoff = options.retryBackoffMs ?? 1000;
  const host = hostOf(url).hostPort;
  let retries = 0;
  let rateWaits = 0;
  for (let attempt = 1; ; attempt++) {
    if (options.signal?.aborted) throw cancelledError();
    options.onProgress?.({ type: 'request', method: request.eicMethod, url: request.url, attempt });
    let response: HttpResponse;
    try {
      response = await attemptOnce(request, host, options, clock, attempt);
    } catch (e) {
      if (!(e instanceof HttpProblemError)) throw e;
      if (e.problem.retryable && retries < maxRetries) {
        retries++;
        const waitMs = Math.round(backoff * 2 ** (retries - 1) * (1 + random() * 0.25));
        options.onProgress?.({ type: 'retry', waitMs, attempt, reason: e.problem.message });
        await clock.sleep(waitMs, options.signal);
        continue;
      }
      if (mutating && e.problem.retryable) e.problem.message += ' It was not retried: the call changes data, and repeating it could do the change twice (for a ticket, check Intercom for a new ticket before trying again).';
      throw e;
    }
    options.onProgress?.({ type: 'response', status: response.status, timeMs: response.timeMs });
    if (response.status === 429) {
      if (mutating) {
        response.problem!.message += ' The call changes data, so it was not repeated automatically; run it again once the window has reset.';
        return response;
      }
      const wait = rateLimitWait(response.rateLimit, clock.now(), rateWaits, options.maxRateLimitWaitMs ?? DEFAULT_MAX_RATE_LIMIT_WAIT_MS, random);
      if (wait.giveUp) { response.problem!.message += ` ${wait.message}`; return response; }
      if (rateWaits >= maxRateRetries) {
        response.problem!.message += ` Still limited after waiting ${rateWaits} time${rateWaits === 1 ? '' : 's'}; try again later.`;
        return response;
      }
      rateWaits++;
      options.onProgress?.({ type: 'rate-limit-wait', waitMs: wait.waitMs, resetAt: response.rateLimit.reset, attempt, message: wait.message });
      await clock.sleep(wait.waitMs, options.signal);
      continue;
    }
    if (response.problem?.retryable && response.status >= 500 && retries < maxRetries) {
      retries++;
      const waitMs = Math.round(backoff * 2 ** (retries - 1) * (1 + random() * 0.25));
      options.onProgress?.({ type: 'retry', waitMs, attempt, reason: response.problem.message });
      await clock.sleep(waitMs, options.signal);
      continue;
    }
    if (mutating && response.status >= 500 && response.problem) {
      response.problem.message += ' It was not retried: the call changes data and the server may have done it anyway; check Intercom before trying again.';
    }
    return response;
  }
}

/** How long to wait after a 429, from X-RateLimit-Reset (plus jitter), capped. */
export function rateLimitWait(rate: RateLimitInfo, nowMs: number, previousWaits: number, capMs: number, random: () => number = Math.random):
  { waitMs: number; giveUp: boolean; message: string } {
  const jitter = Math.round(250 + random() * 750);
  if (rate.reset === undefined) {
    const waitMs = Math.min(capMs, 2000 * 2 ** previousWaits + jitter);
    return { waitMs, giveUp: false, message: `Rate limited and Intercom sent no X-RateLimit-Reset; waiting ${seconds(waitMs)} before trying again.` };
  }
  const untilReset = rate.reset * 1000 - nowMs;
  if (untilReset <= 0) {
    const waitMs = 1000 * (previousWaits + 1) + jitter;
    return { waitMs, giveUp: false, message: `Rate limited; the reset time Intercom sent has already passed (clock skew?), so waiting ${seconds(waitMs)} before trying again.` };
  }
  const waitMs = untilReset + jitter;
  if (waitMs > capMs) {
    return { waitMs, giveUp: true, message: `Intercom asks to wait ${seconds(untilReset)} for the rate-limit window to reset, longer than the ${seconds(capMs)} this tool waits; try again later.` };
  }
  return { waitMs, giveUp: false, message: `Rate limited; waiting ${seconds(waitMs)} until Intercom's rate-limit window resets.` };
}

function seconds(ms: number): string {
  return ms >= 120_000 ? `${Math.round(ms / 60_000)} min` : `${Math.max(1, Math.round(ms / 1000))} s`;
}

async function attemptOnce(request: PreparedRequest, host: string, options: SendOptions, clock: EngineClock, attempt: number): Promise<HttpResponse> {
  const fetchImpl: FetchLike = options.fetch ?? (globalThis.fetch as unknown as FetchLike);
  const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  const controller = new AbortController();
  let timedOut = false;
  const cancelTimer = clock.timer(() => { timedOut = true; controller.abort(); }, timeoutMs);
  const onUserAbort = () => controller.abort();
  options.signal?.addEventListener('abort', onUserAbort, { once: true });
  const secret = request.secret;
  const real = (text: string) => (secret ? text.split(secret.masked).join(revealToken(secret)) : text);
  const started = Date.now(); // a measurement, not a schedule: always the wall clock
  const fail = (e: unknown, phase: 'connect' | 'body'): never => {
    if (options.signal?.aborted) throw cancelledError();
    if (timedOut) {
      throw new HttpProblemError({ kind: 'timeout', host, retryable: true, message: `No complete answer from ${host} within ${Math.round(timeoutMs / 100) / 10} s; the call was abandoned (setting saviyntRest.http.timeoutSeconds).` });
    }
    const problem = classifyNetworkError(e, host, phase);
    problem.message = redact(problem.message, secret);
    throw new HttpProblemError(problem);
  };
  try {
    let res: Response;
    try {
      const headers: Record<string, string> = {};
      for (const [k, v] of Object.entries(request.headers)) headers[k] = real(v);
      res = await fetchImpl(real(request.url), {
        method: request.method,
        headers,
        body: request.body === undefined ? undefined : real(request.body),
        signal: controller.signal,
        redirect: 'manual',
      });
    } catch (e) {
      return fail(e, 'connect');
    }
    let bodyText: string;
    try {
      bodyText = await res.text();
    } catch (e) {
      return fail(e, 'body');
    }
    const timeMs = Date.now() - started;
    const headers: Record<string, string> = {};
    res.headers.forEach((value, name) => { headers[name.toLowerCase()] = redact(value, secret); });
    return interpret(request, res.status, redact(res.statusText, secret), headers, redact(bodyText, secret), timeMs, host, attempt);
  } finally {
    cancelTimer();
    options.signal?.removeEventListener('abort', onUserAbort);
  }
}

function interpret(request: PreparedRequest, status: number, statusText: string, headers: Record<string, string>, bodyText: string,
  timeMs: number, host: string, attempts: number): HttpResponse {
  const warnings: string[] = [];
  const contentType = headers['content-type'] ?? '';
  const rateLimit = rateLimitFrom(headers);
  const base: HttpResponse = {
    request: { method: request.eicMethod, url: request.url, headers: { ...request.headers }, body: request.body },
    status, statusText, headers, timeMs, bodyText, rateLimit, ok: false, warnings, attempts,
  };
  if (status === 0) {
    return { ...base, problem: { kind: 'redirect', host, message: `${host} answered with a redirect; it was not followed, so that the token is never sent elsewhere.` } };
  }
  const looksHtml = /html/i.test(contentType) || (!contentType && /^\s*<(!doctype html|html)/i.test(bodyText));
  if (looksHtml) {
    const title = htmlTitle(bodyText);
    const why = status >= 200 && status < 300
      ? ' A 200 HTML page usually comes from a captive portal, a proxy login page or a wrong base URL.'
      : status >= 500 ? ' This is usually a temporary failure in front of Intercom.' : '';
    return { ...base, problem: { kind: 'html-page', status, host, retryable: status >= 500,
      message: `Intercom (or a proxy in between) answered with an HTML page, not JSON: "${title}" (HTTP ${status} from ${host}).${why}` } };
  }
  let json: unknown;
  let parsed = false;
  if (bodyText.trim() !== '') {
    try { json = JSON.parse(bodyText); parsed = true; } catch { /* not JSON */ }
    if (parsed && contentType && !/json/i.test(contentType)) {
      warnings.push(`The answer is JSON but was labelled Content-Type "${contentType}"; strict clients (EIC included) may refuse it.`);
    }
  }
  const response: HttpResponse = { ...base, json: parsed ? json : undefined };
  if (status >= 200 && status < 300) {
    if (bodyText.trim() !== '' && !parsed) {
      return { ...response, problem: { kind: 'non-json', status, host,
        message: `The answer from ${host} is not JSON (Content-Type "${contentType || 'none'}"): ${JSON.stringify(bodyText.slice(0, 120))}.` } };
    }
    return { ...response, ok: true };
  }
  const problem = classifyStatus(status, parsed ? json : undefined, host);
  if (!parsed && bodyText.trim() !== '' && status >= 400) problem.message += ` The body was not JSON: ${JSON.stringify(bodyText.slice(0, 120))}.`;
  return { ...response, problem: redactDeep(problem, request.secret) };
}
