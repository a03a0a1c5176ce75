// Test control: the programmatic API and its HTTP mirror under /__fake/* (loopback only, no auth).

import type { FaultEngine } from './faults.js';
import type { RequestLog } from './request-log.js';
import type { SeedName } from './seed.js';
import type { AddTokenSpec, FakeStore } from './store.js';
import { changeState, firstStateOfCategory, stateById } from './ticket-lifecycle.js';
import type { FaultRule, RateLimitConfig, RequestLogEntry, RuntimeOptions, TokenState } from './types.js';

export interface TransitionSpec {
  /** Target state id. */
  stateId?: string;
  /** Or a category: the first usable state of that category for the ticket's type. */
  category?: string;
  /** Answer this many more polls (GET /tickets/{id}) with the old state first. */
  afterPolls?: number;
  /** Apply once the clock has moved this many seconds on. */
  afterSeconds?: number;
  /** Apply at this Unix time. */
  at?: number;
  /** Workspace id code or region, when ticket ids could be ambiguous. */
  workspace?: string;
}

export interface ResetSpec {
  seed?: SeedName;
  /** Version configured for the seeded apps (the one used when no Intercom-Version header is sent). */
  apiVersion?: string;
  /** Keep the manual clock where it is instead of rewinding it to the start time. */
  keepClock?: boolean;
}

export interface WorkspaceSettings {
  planRestricted?: string[];
  awayReasonRequired?: boolean;
  /** Sets the configured version of every app of the workspace. */
  apiVersion?: string;
  timezone?: string;
}

export class FakeController {
  constructor(
    protected readonly store: FakeStore,
    protected readonly faults: FaultEngine,
    protected readonly log: RequestLog,
    protected readonly startTime: number,
  ) {}

  reset(spec: ResetSpec = {}): void {
    if (this.store.clock.mode === 'manual' && !spec.keepClock) this.store.clock.set(this.startTime);
    this.faults.clear();
    this.log.clear();
    this.store.reset(spec.seed, spec.apiVersion);
  }

  now(): number {
    return this.store.clock.now();
  }

  setClock(unixSeconds: number): number {
    this.store.clock.set(unixSeconds);
    return this.now();
  }

  advanceClock(seconds: number): number {
    this.store.clock.advance(seconds);
    return this.now();
  }

  addToken(spec: AddTokenSpec): void {
    this.store.addToken(spec);
  }

  setTokenState(token: string, state: TokenState): void {
    this.store.setTokenState(token, state);
  }

  revokeToken(token: string): void {
    this.setTokenState(token, 'revoked');
  }

  blockToken(token: string): void {
    this.setTokenState(token, 'blocked');
  }

  removeToken(token: string): void {
    this.store.removeToken(token);
  }

  transitionTicket(ticketId: string, spec: TransitionSpec): void {
    const found = this.store.locateTicket(ticketId, spec.workspace);
    if (!found) throw new Error(`No ticket with id ${ticketId}`);
    const { ws, ticket } = found;
    const state = spec.stateId !== undefined
      ? stateById(ws, String(spec.stateId))
      : spec.category !== undefined
        ? firstStateOfCategory(ws, ticket.typeId, spec.category)
        : undefined;
    if (!state) throw new Error('transition needs a known state_id or a category the ticket type has');
    const now = this.now();
    if (spec.afterPolls !== undefined) {
      ticket.transitions.push({ stateId: state.id, afterPolls: spec.afterPolls, atTime: null });
    } else if (spec.afterSeconds !== undefined || spec.at !== undefined) {
      const atTime = spec.at ?? now + (spec.afterSeconds ?? 0);
      ticket.transitions.push({ stateId: state.id, afterPolls: null, atTime });
    } else {
      changeState(ws, ticket, state, now);
    }
  }

  deleteTicket(ticketId: string, workspace?: string): void {
    const found = this.store.locateTicket(ticketId, workspace);
    if (!found) throw new Error(`No ticket with id ${ticketId}`);
    found.ticket.deleted = true;
  }

  addFaults(rules: FaultRule[]): void {
    this.faults.add(rules);
  }

  clearFaults(): void {
    this.faults.clear();
  }

  listFaults() {
    return this.faults.list();
  }

  setRateLimit(patch: Partial<RateLimitConfig>): RateLimitConfig {
    return this.store.rateLimiter.configure(patch);
  }

  setOptions(patch: Partial<RuntimeOptions>): RuntimeOptions {
    for (const key of Object.keys(patch)) {
      if (!(key in this.store.options)) throw new Error(`Unknown option "${key}"`);
    }
    this.store.options = { ...this.store.options, ...patch };
    return { ...this.store.options };
  }

  configureWorkspace(idOrRegion: string, settings: WorkspaceSettings): void {
    const ws = this.store.workspace(idOrRegion);
    if (settings.planRestricted) ws.planRestricted = new Set(settings.planRestricted);
    if (settings.awayReasonRequired !== undefined) ws.awayReasonRequired = settings.awayReasonRequired;
    if (settings.timezone) ws.timezone = settings.timezone;
    if (settings.apiVersion) {
      for (const app of this.store.apps.values()) if (app.workspaceId === ws.idCode) app.apiVersion = settings.apiVersion;
    }
  }

  /** The request log (Authorization redacted to its last 4 characters). */
  requestLog(): RequestLogEntry[] {
    return this.log.list();
  }

  clearRequests(): void {
    this.log.clear();
  }
}

const camel = (key: string) => key.replace(/_([a-z0-9])/g, (_, c: string) => c.toUpperCase());

/** Converts snake_case keys (HTTP control bodies) to the camelCase the controller uses. */
export function camelKeys<T>(body: Record<string, unknown>): T {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(body)) out[camel(k)] = v;
  return out as T;
}
