/**
 * One HTTP exchange with the tenant, safely: only to the tenant's origin (https, or http on this
 * machine), no redirects followed, a timeout, 429/503 answered with backoff (Retry-After when
 * given), reads repeated after a broken connection, and every text that comes back redacted of
 * the session's secrets (user name, password, access and refresh tokens, ConnectionJSON values).
 */
import { realClock, type EngineClock } from '../runner/clock';
import { classifyNetworkError } from '../runner/problems';
import { redact, redactDeep, revealToken, type SecretToken } from '../runner/secret';
import type { FetchLike } from '../runner/send';
import { encodeBody, type EicBody } from './eicBody';
import { EIC_PATHS, REPEATABLE_OPERATIONS, type EicOperation } from './eicCatalog';
import { eicCancelled, EicProblemError, operationLabel } from './eicProblems';
import { onTenant, type TenantAddress } from './tenantAddress';

export const EIC_DEFAULT_TIMEOUT_MS = 30_000;

export type EicProgress =
  | { type: 'request'; operation: EicOperation; attempt: number }
  | { type: 'retry'; operation: EicOperation; waitMs: number; attempt: number; reason: string }
  | { type: 'login' | 'refresh' | 'relogin'; reason: string };

export interface EicTransportOptions {
  fetch: FetchLike;
  clock?: EngineClock;
  timeoutMs?: number;
  signal?: AbortSignal;
  /** How many times a 429/503 is waited out before giving up (default 4). */
  maxRateLimitRetries?: number;
  /** Retries of a read after a timeout or a broken connection (default 2). */
  maxNetworkRetries?: number;
  /** First backoff in ms, doubled each time (default 1000). */
  backoffMs?: number;
  /** Longest single wait (default 60 s); a longer Retry-After gives up with a message. */
  maxWaitMs?: number;
  random?: () => number;
  onProgress?(event: EicProgress): void;
  /** Appended to a timeout message: where the timeout is set. */
  timeoutHint?: string;
}

export interface EicAnswer {
  operation: EicOperation;
  status: number;
  /** Lower-case names. */
  headers: Record<string, string>;
  contentType: string;
  /** Redacted. */
  text: string;
  /** Parsed body (redacted), when it is JSON. */
  json?: unknown;
  attempts: number;
  /** Set when 429/503 were waited out and the last answer is still one. */
  gaveUpNote?: string;
}

/**
 * The secrets of one session. Credentials and tokens are masked in everything that comes back
 * (they are long and random, so masking them never damages data). The user name is masked only
 * in messages — in data (attribute texts) it could be an ordinary word such as "admin".
 */
export class EicSecrets {
  private readonly list: SecretToken[] = [];
  private readonly names: SecretToken[] = [];
  add(...secrets: (SecretToken | undefined)[]): void {
    for (const s of secrets) if (s && !this.list.includes(s)) this.list.push(s);
  }
  /** A value to mask in messages only (the user name). */
  addName(name: SecretToken): void { if (!this.names.includes(name)) this.names.push(name); }
  redact(text: string): string { return redact(text, ...this.list); }
  redactDeep<T>(value: T): T { return redactDeep(value, ...this.list); }
  /** For messages, logs and output: the data secrets and the user name. */
  redactMessage(text: string): string { return redact(text, ...this.list, ...this.names); }
  /** Every secret, for a last guard on what a command prints. */
  all(): SecretToken[] { return [...this.list, ...this.names]; }
}

export interface EicRequest {
  body: EicBody;
  bearer?: SecretToken;
  headers?: Record<string, string>;
}

export class EicTransport {
  private readonly clock: EngineClock;

  constructor(readonly address: TenantAddress, readonly options: EicTransportOptions, readonly secrets: EicSecrets) {
    this.clock = options.clock ?? realClock;
  }

  url(operation: EicOperation): string {
    return `${this.address.base}${EIC_PATHS[operation]}`;
  }

  /** Sends the request; resolves with any HTTP answer, throws EicProblemError when there is none. */
  async send(operation: EicOperation, request: EicRequest): Promise<EicAnswer> {
    const url = this.url(operation);
    if (!onTenant(url, this.address)) {
      throw new EicProblemError({ kind: 'refused', operation, message: `Refusing to send EIC credentials outside the tenant ${this.address.host}.` });
    }
    const repeatable = REPEATABLE_OPERATIONS.has(operation);
    const maxRate = this.options.maxRateLimitRetries ?? 4;
    const maxNet = repeatable ? this.options.maxNetworkRetries ?? 2 : 0;
    const backoff = this.options.backoffMs ?? 1000;
    const random = this.options.random ?? Math.random;
    let rateWaits = 0;
    let netRetries = 0;
    for (let attempt = 1; ; attempt++) {
      if (this.options.signal?.aborted) throw eicCancelled();
      this.options.onProgress?.({ type: 'request', operation, attempt });
      let answer: EicAnswer;
      try {
        answer = await this.attempt(operation, url, request, attempt);
      } catch (e) {
        if (!(e instanceof EicProblemError) || !e.problem.retryable || netRetries >= maxNet) {
          if (e instanceof EicProblemError && e.problem.retryable && !repeatable) {
            e.problem.message += ` It was not repeated: EIC may have done it anyway${operation === 'testConnection' ? ' (run Compare to see whether the connection was saved)' : ''}.`;
          }
          throw e;
        }
        netRetries++;
        const waitMs = Math.round(backoff * 2 ** (netRetries - 1) * (1 + random() * 0.25));
        this.options.onProgress?.({ type: 'retry', operation, waitMs, attempt, reason: e.problem.message });
        await this.clock.sleep(waitMs, this.options.signal).catch(() => { throw eicCancelled(); });
        continue;
      }
      const busy = answer.status === 429 || answer.status === 503 || (repeatable && (answer.status === 502 || answer.status === 504));
      if (!busy) return answer;
      if (rateWaits >= maxRate) {
        return { ...answer, gaveUpNote: `Still ${answer.status} after waiting ${rateWaits} time${rateWaits === 1 ? '' : 's'}; try again later.` };
      }
      const waitMs = this.waitFor(answer, rateWaits, random);
      if (waitMs === undefined) {
        return { ...answer, gaveUpNote: `EIC asks to wait longer than ${Math.round((this.options.maxWaitMs ?? 60_000) / 1000)} s (Retry-After ${answer.headers['retry-after']}); try again later.` };
      }
      rateWaits++;
      this.options.onProgress?.({ type: 'retry', operation, waitMs, attempt,
        reason: `EIC answered ${answer.status} (${answer.status === 429 ? 'too many requests' : 'busy'}); waiting ${Math.max(1, Math.round(waitMs / 1000))} s before trying again.` });
      await this.clock.sleep(waitMs, this.options.signal).catch(() => { throw eicCancelled(); });
    }
  }

  /** The wait after a 429/503: Retry-After (seconds or a date) when given, else exponential backoff. */
  private waitFor(answer: EicAnswer, previous: number, random: () => number): number | undefined {
    const cap = this.options.maxWaitMs ?? 60_000;
    const header = answer.headers['retry-after']?.trim();
    const jitter = Math.round(random() * 250);
    if (header) {
      let ms: number | undefined;
      if (/^\d+(\.\d+)?$/.test(header)) ms = Number(header) * 1000;
      else if (!Number.isNaN(Date.parse(header))) ms = Math.max(0, Date.parse(header) - this.clock.now());
      if (ms !== undefined) return ms > cap ? undefined : ms + jitter;
    }
    return Math.min(cap, (this.options.backoffMs ?? 1000) * 2 ** previous + jitter);
  }

  private async attempt(operation: EicOperation, url: string, request: EicRequest, attempts: number): Promise<EicAnswer> {
    const timeoutMs = this.options.timeoutMs ?? EIC_DEFAULT_TIMEOUT_MS;
    const controller = new AbortController();
    let timedOut = false;
    const cancelTimer = this.clock.timer(() => { timedOut = true; controller.abort(); }, timeoutMs);
    const onAbort = () => controller.abort();
    this.options.signal?.addEventListener('abort', onAbort, { once: true });
    const host = this.address.host;
    const fail = (e: unknown, phase: 'connect' | 'body'): never => {
      if (this.options.signal?.aborted) throw eicCancelled();
      if (timedOut) {
        throw new EicProblemError({ kind: 'timeout', operation, retryable: true,
          message: `No complete answer from ${host} within ${Math.round(timeoutMs / 100) / 10} s while ${operationLabel(operation)}; the call was abandoned.${this.options.timeoutHint ?? ''}` });
      }
      const p = classifyNetworkError(e, host, phase);
      throw new EicProblemError({ kind: p.kind === 'timeout' ? 'timeout' : 'network', operation, retryable: p.retryable,
        message: this.secrets.redactMessage(p.message) });
    };
    try {
      const encoded = encodeBody(request.body);
      const headers: Record<string, string> = { Accept: 'application/json', ...request.headers };
      if (encoded.contentType) headers['Content-Type'] = encoded.contentType;
      if (request.bearer) headers.Authorization = `Bearer ${revealToken(request.bearer)}`;
      let res: Response;
      try {
        res = await this.options.fetch(url, { method: 'POST', headers, body: encoded.text, signal: controller.signal, redirect: 'manual' });
      } catch (e) {
        return fail(e, 'connect');
      }
      let raw: string;
      try {
        raw = await res.text();
      } catch (e) {
        return fail(e, 'body');
      }
      const responseHeaders: Record<string, string> = {};
      res.headers.forEach((value, name) => { responseHeaders[name.toLowerCase()] = this.secrets.redact(value); });
      const text = this.secrets.redact(raw);
      let json: unknown;
      if (text.trim() !== '') {
        try { json = this.secrets.redactDeep(JSON.parse(raw)); } catch { /* not JSON */ }
      }
      return { operation, status: res.status, headers: responseHeaders, contentType: responseHeaders['content-type'] ?? '', text, json, attempts };
    } finally {
      cancelTimer();
      this.options.signal?.removeEventListener('abort', onAbort);
    }
  }
}
