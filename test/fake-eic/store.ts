// The fake tenant's state: users, tokens, connections, job runs, the transport queue and its
// server file system, the request log, and the clock (real, or manual for tests).

import { randomBytes } from 'node:crypto';
import { defaultConfig, type FakeEicConfig, type FaultRule } from './config.js';

export interface Clock {
  readonly mode: 'real' | 'manual';
  nowMs(): number;
  advance(seconds: number): void;
}

export function createClock(mode: 'real' | 'manual', startMs = Date.UTC(2026, 0, 15, 9, 0, 0)): Clock {
  let manual = startMs;
  return {
    mode,
    nowMs: () => (mode === 'manual' ? manual : Date.now()),
    advance(seconds) {
      if (mode !== 'manual') throw new Error('the clock is real; start the fake with clock: "manual" to move it');
      manual += Math.round(seconds * 1000);
    },
  };
}

export interface FakeUser { username: string; password: string; passwordExpired?: boolean }

export interface TokenRecord { username: string; expiresAtMs: number }

export interface StoredConnection {
  key: number;
  name: string;
  type: string;
  /** Envelope fields (description, defaultsavroles, emailtemplate …) and attribute values, as sent. */
  fields: Map<string, string>;
  /** ConnectionJSON as sent; never returned readably unless connectionJsonReadback is "plaintext". */
  connectionJson?: string;
  /** Base64 of random bytes, new with every save. */
  ciphertext?: string;
  createdOn: string;
  createdBy: string;
  updatedOn: string;
  updatedBy: string;
  saves: number;
}

export interface JobRun { jobname: string; triggername: string; jobgroup: string; startMs: number; endMs: number; fails: boolean }

export interface TransportRequest {
  id: string;
  operation: 'export' | 'import';
  fileName: string;
  path: string;
  enqueuedMs: number;
  startMs?: number;
  doneMs?: number;
  failed?: string;
  user: string;
  connections?: string[];
}

export interface LoggedRequest {
  method: string;
  path: string;
  contentType: string;
  bodyKind: string;
  /** Field names only (values may be secrets). */
  fields: string[];
  headers: Record<string, string>;
  /** The body as received: for assertions on what the client sent (tests only). */
  body: string;
  status?: number;
}

export const DEFAULT_USER: FakeUser = { username: 'admin', password: 'fake-eic-password' };

export class FakeEicStore {
  config: FakeEicConfig = defaultConfig();
  users = new Map<string, FakeUser>([[DEFAULT_USER.username, { ...DEFAULT_USER }]]);
  accessTokens = new Map<string, TokenRecord>();
  refreshTokens = new Map<string, TokenRecord>();
  connections = new Map<string, StoredConnection>();
  nextKey = 100;
  jobRuns: JobRun[] = [];
  transport: TransportRequest[] = [];
  nextRequestId = 2490001;
  files = new Map<string, Buffer>();
  faults: (FaultRule & { seen: number; hits: number })[] = [];
  requests: LoggedRequest[] = [];
  apiCalls = 0;

  constructor(readonly clock: Clock) {}

  reset(): void {
    this.config = defaultConfig();
    this.users = new Map([[DEFAULT_USER.username, { ...DEFAULT_USER }]]);
    this.accessTokens.clear();
    this.refreshTokens.clear();
    this.connections.clear();
    this.nextKey = 100;
    this.jobRuns = [];
    this.transport = [];
    this.files.clear();
    this.faults = [];
    this.requests = [];
    this.apiCalls = 0;
  }

  issueTokens(username: string, keepRefresh?: string): { access: string; refresh: string } {
    const now = this.clock.nowMs();
    const access = `eic_at_${randomBytes(18).toString('hex')}`;
    this.accessTokens.set(access, { username, expiresAtMs: now + this.config.tokenTtlSeconds * 1000 });
    const refresh = keepRefresh ?? `eic_rt_${randomBytes(18).toString('hex')}`;
    if (!keepRefresh) this.refreshTokens.set(refresh, { username, expiresAtMs: now + this.config.refreshTokenTtlSeconds * 1000 });
    return { access, refresh };
  }

  /** The user behind a valid bearer token, or undefined. */
  userOfToken(token: string | undefined): string | undefined {
    if (!token) return undefined;
    const record = this.accessTokens.get(token);
    if (!record || record.expiresAtMs <= this.clock.nowMs()) return undefined;
    return record.username;
  }

  expireAccessTokens(): void {
    for (const r of this.accessTokens.values()) r.expiresAtMs = Math.min(r.expiresAtMs, this.clock.nowMs());
  }

  expireRefreshTokens(): void {
    for (const r of this.refreshTokens.values()) r.expiresAtMs = Math.min(r.expiresAtMs, this.clock.nowMs());
  }

  findConnection(name: string): StoredConnection | undefined {
    return this.connections.get(name.toLowerCase());
  }

  findConnectionByKey(key: string): StoredConnection | undefined {
    return [...this.connections.values()].find(c => String(c.key) === key.trim());
  }

  newCiphertext(): string {
    return randomBytes(48).toString('base64');
  }

  /** "yyyy-MM-ddTHH:mm:ssZ", as getConnections shows dates. */
  isoNow(): string {
    return new Date(this.clock.nowMs()).toISOString().replace(/\.\d{3}Z$/, 'Z');
  }
}
