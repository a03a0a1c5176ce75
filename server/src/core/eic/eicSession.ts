/**
 * A signed-in session with one tenant: log-in with the user name and password (JSON body), or a
 * given access token; the token's lifetime taken from `expires_in`; renewal through the refresh
 * token (form-encoded grant_type=refresh_token). A 401 renews and retries once, and when the
 * refresh does not help, logs in again. Tokens live only in secret slots.
 */
import { realClock, type EngineClock } from '../runner/clock';
import { revealToken, SecretToken } from '../runner/secret';
import { errorCodeOf, isRecord, numberField, textField, type JsonRecord } from './eicAnswers';
import type { EicBody } from './eicBody';
import type { EicOperation } from './eicCatalog';
import { classifyEicAnswer, EicProblemError, htmlPageProblem, nonJsonProblem, type EicProblem } from './eicProblems';
import { EicSecrets, EicTransport, type EicAnswer, type EicTransportOptions } from './eicTransport';
import type { TenantAddress } from './tenantAddress';

export type EicCredentials =
  | { kind: 'password'; username: SecretToken; password: SecretToken }
  | { kind: 'token'; token: SecretToken };

/** Credentials from plain values (as read from secret storage or the environment). */
export function eicCredentials(values: { username?: string; password?: string; token?: string }): EicCredentials | string {
  if (values.token !== undefined) {
    try { return { kind: 'token', token: new SecretToken(values.token) }; } catch { return 'The EIC access token is empty or contains spaces; copy it again.'; }
  }
  if (!values.username || !values.username.trim()) return 'The EIC user name is empty.';
  if (!values.password) return 'The EIC password is empty.';
  return {
    kind: 'password',
    username: new SecretToken(values.username.trim(), { verbatim: true }),
    password: new SecretToken(values.password, { verbatim: true }),
  };
}

/** User names this short are not masked in messages: they would blank ordinary words. */
const MIN_REDACTED_USERNAME = 6;

/** Throws the problem of an answer that is not a usable JSON success; returns its body. */
export function checkAnswer(answer: EicAnswer, host: string, secrets?: EicSecrets): JsonRecord {
  const { operation, status, contentType, text, json } = answer;
  const html = /html/i.test(contentType) || (!contentType && /^\s*<(!doctype html|html)/i.test(text));
  let problem: EicProblem | undefined;
  if (html && json === undefined) problem = htmlPageProblem(operation, status, text, host);
  else if (status < 200 || status >= 300 || (errorCodeOf(json) ?? 0) !== 0) {
    problem = classifyEicAnswer(operation, status, json, host);
    if (json === undefined && text.trim()) problem.message += ` The body was not JSON: ${JSON.stringify(text.slice(0, 120))}.`;
  } else if (json === undefined && text.trim() !== '') problem = nonJsonProblem(operation, status, text, contentType, host);
  else if (json !== undefined && !isRecord(json)) problem = nonJsonProblem(operation, status, text, contentType, host);
  if (problem) {
    if (answer.gaveUpNote) problem.message += ` ${answer.gaveUpNote}`;
    if (secrets) {
      problem.message = secrets.redactMessage(problem.message);
      if (problem.eicMessage) problem.eicMessage = secrets.redactMessage(problem.eicMessage);
    }
    throw new EicProblemError(problem);
  }
  return (json ?? {}) as JsonRecord;
}

export class EicSession {
  readonly transport: EicTransport;
  readonly secrets = new EicSecrets();
  private access?: SecretToken;
  private refreshToken?: SecretToken;
  /** When the access token stops being valid (ms since the epoch, with a margin). */
  private expiresAt?: number;
  private readonly clock: EngineClock;
  /** How the session got its current token (for tests and logs). */
  readonly history: ('login' | 'refresh' | 'relogin')[] = [];

  constructor(readonly address: TenantAddress, private readonly credentials: EicCredentials, readonly options: EicTransportOptions) {
    this.clock = options.clock ?? realClock;
    if (credentials.kind === 'password') {
      this.secrets.add(credentials.password);
      if (revealToken(credentials.username).length >= MIN_REDACTED_USERNAME) this.secrets.addName(credentials.username);
    } else {
      this.secrets.add(credentials.token);
      this.access = credentials.token;
    }
    this.transport = new EicTransport(address, options, this.secrets);
  }

  get host(): string { return this.address.host; }

  /** Per-command options (cancellation, progress, timeout) on a session kept between commands. */
  setCallOptions(options: Pick<EicTransportOptions, 'signal' | 'onProgress' | 'timeoutMs'>): void {
    this.options.signal = options.signal;
    this.options.onProgress = options.onProgress;
    if (options.timeoutMs !== undefined) this.options.timeoutMs = options.timeoutMs;
  }

  /** Registers more secrets (e.g. values filled into ConnectionJSON) for redaction. */
  addSecrets(...secrets: SecretToken[]): void { this.secrets.add(...secrets); }

  /** Sends an authenticated call and returns its JSON success body (or throws the problem). */
  async call(operation: EicOperation, body: EicBody, headers?: Record<string, string>): Promise<JsonRecord> {
    await this.ensureAccess();
    let answer = await this.transport.send(operation, { body, bearer: this.access, headers });
    if (answer.status === 401) {
      const renewed = await this.renew('EIC answered 401 (the access token expired or was revoked)');
      if (renewed) {
        answer = await this.transport.send(operation, { body, bearer: this.access, headers });
        if (answer.status === 401 && renewed === 'refresh' && this.credentials.kind === 'password') {
          await this.login('relogin', 'the renewed token was refused too');
          answer = await this.transport.send(operation, { body, bearer: this.access, headers });
        }
      }
    }
    return checkAnswer(answer, this.host, this.secrets);
  }

  private async ensureAccess(): Promise<void> {
    if (!this.access) { await this.login('login', 'no session yet'); return; }
    if (this.expiresAt !== undefined && this.clock.now() >= this.expiresAt) await this.renew('the access token\'s lifetime (expires_in) is over');
  }

  /** Refresh when possible, else log in again. Returns how, or undefined when neither is possible. */
  private async renew(reason: string): Promise<'refresh' | 'relogin' | undefined> {
    if (this.refreshToken) {
      try {
        await this.refresh(reason);
        return 'refresh';
      } catch (e) {
        if (!(e instanceof EicProblemError) || this.credentials.kind !== 'password') throw e;
        if (e.problem.kind !== 'unauthorized' && e.problem.kind !== 'rejected') throw e;
      }
    }
    if (this.credentials.kind !== 'password') return undefined;
    await this.login('relogin', this.refreshToken ? 'the refresh token was refused' : reason);
    return 'relogin';
  }

  private async login(how: 'login' | 'relogin', reason: string): Promise<void> {
    if (this.credentials.kind !== 'password') {
      throw new EicProblemError({ kind: 'unauthorized', operation: 'login',
        message: `EIC refused the stored access token (401) and this tool cannot get a new one without a user name and password. Set EIC Credentials again.` });
    }
    this.options.onProgress?.({ type: how, reason });
    const answer = await this.transport.send('login', {
      body: { kind: 'json', fields: { username: this.credentials.username, password: this.credentials.password } },
    });
    this.adopt(checkAnswer(answer, this.host, this.secrets), 'login');
    this.history.push(how);
  }

  private async refresh(reason: string): Promise<void> {
    this.options.onProgress?.({ type: 'refresh', reason });
    const answer = await this.transport.send('refresh', {
      body: { kind: 'form', fields: { grant_type: 'refresh_token', refresh_token: this.refreshToken } },
    });
    this.adopt(checkAnswer(answer, this.host, this.secrets), 'refresh');
    this.history.push('refresh');
  }

  /** Takes the tokens of a log-in or refresh answer. */
  private adopt(json: JsonRecord, operation: 'login' | 'refresh'): void {
    const token = textField(json, 'access_token', 'accessToken', 'token');
    if (!token || !token.trim()) {
      throw new EicProblemError({ kind: operation === 'login' ? 'login-failed' : 'unauthorized', operation,
        message: `EIC's ${operation === 'login' ? 'log-in' : 'token refresh'} answer has no access_token; the tenant URL may point at something other than EIC's API.` });
    }
    this.access = new SecretToken(token.trim());
    this.secrets.add(this.access);
    const refresh = textField(json, 'refresh_token', 'refreshToken');
    // An empty refresh_token in a refresh answer means "keep using the one you have".
    if (refresh && refresh.trim()) {
      this.refreshToken = new SecretToken(refresh.trim());
      this.secrets.add(this.refreshToken);
    }
    const lifetime = numberField(json, 'expires_in', 'expiresIn');
    if (lifetime !== undefined && lifetime > 0) {
      const ms = lifetime * 1000;
      this.expiresAt = this.clock.now() + ms - Math.min(30_000, ms / 4);
    } else {
      this.expiresAt = undefined;
    }
  }
}
