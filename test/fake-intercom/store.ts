// The fake's whole mutable state: workspaces, apps, tokens, options, clock and rate limiter.

import type { Clock } from './clock.js';
import { RateLimiter } from './rate-limit.js';
import { buildSeed, type SeedName } from './seed.js';
import type {
  AppRecord,
  RateLimitConfig,
  RuntimeOptions,
  TokenRecord,
  TokenState,
  WorkspaceRecord,
} from './types.js';
import { ALL_SCOPES } from './tokens.js';
import { findTicket } from './ticket-lifecycle.js';

export function defaultRuntimeOptions(): RuntimeOptions {
  return {
    strictAccept: true,
    unknownTokenCode: 'unauthorized',
    acceptUnstableAlias: true, // Intercom: existing version names (Unstable → Preview) keep working
    accept217: false,
    proxyLatencyMs: 0,
    searchIndexDelaySeconds: 0,
    jobDelaySeconds: 2,
    cursorTtlSeconds: null,
    lastPageNextNull: false,
    unstableOrdering: false,
    lenientUnknownAttributes: false,
    companyLookupReturnsObject: false,
    scroll500AfterNPages: null,
    allowUnknownHosts: false,
  };
}

export interface StoreInit {
  clock: Clock;
  options: RuntimeOptions;
  rateLimit: RateLimitConfig;
  seed: SeedName;
  appVersion?: string;
}

export interface AddTokenSpec {
  token: string;
  /** Workspace id code ("ws_us1") or region ("us", "eu", "au"); default the US workspace. */
  workspace?: string;
  state?: TokenState;
  scopes?: string[];
  api_version?: string;
  app_name?: string;
}

export class FakeStore {
  readonly clock: Clock;
  options: RuntimeOptions;
  readonly rateLimiter: RateLimiter;
  workspaces = new Map<string, WorkspaceRecord>();
  apps = new Map<string, AppRecord>();
  tokens = new Map<string, TokenRecord>();
  private readonly initialOptions: RuntimeOptions;
  private readonly initialRateLimit: RateLimitConfig;
  private seedName: SeedName;
  private appVersion: string | undefined;
  private readonly initialSeed: SeedName;
  private readonly initialAppVersion: string | undefined;
  private extraApps = 0;

  constructor(init: StoreInit) {
    this.clock = init.clock;
    this.options = { ...init.options };
    this.initialOptions = { ...init.options };
    this.initialRateLimit = { ...init.rateLimit };
    this.rateLimiter = new RateLimiter(init.rateLimit);
    this.seedName = init.seed;
    this.appVersion = init.appVersion;
    this.initialSeed = init.seed;
    this.initialAppVersion = init.appVersion;
    this.load();
  }

  private load(): void {
    const seed = buildSeed({
      now: this.clock.now(),
      seed: this.seedName,
      searchIndexDelaySeconds: this.options.searchIndexDelaySeconds,
      appVersion: this.appVersion,
    });
    this.workspaces = new Map(seed.workspaces.map((w) => [w.idCode, w]));
    this.apps = new Map(seed.apps.map((a) => [a.id, a]));
    this.tokens = new Map(seed.tokens.map((t) => [t.value, t]));
  }

  /** Restores seed data, options and rate limits. */
  reset(seed?: SeedName, appVersion?: string): void {
    this.seedName = seed ?? this.initialSeed;
    this.appVersion = appVersion ?? this.initialAppVersion;
    this.options = { ...this.initialOptions };
    this.rateLimiter.reset(this.initialRateLimit);
    this.load();
  }

  workspace(idOrRegion: string): WorkspaceRecord {
    const direct = this.workspaces.get(idOrRegion);
    if (direct) return direct;
    const region = idOrRegion.toUpperCase();
    for (const ws of this.workspaces.values()) if (ws.region === region) return ws;
    throw new Error(`No workspace "${idOrRegion}"; use a workspace id code such as ws_us1 or a region (us, eu, au).`);
  }

  addToken(spec: AddTokenSpec): TokenRecord {
    if (!spec.token || /\s/.test(spec.token)) throw new Error('token must be a non-empty string without whitespace');
    const ws = this.workspace(spec.workspace ?? 'ws_us1');
    this.extraApps += 1;
    const app: AppRecord = {
      id: `app_extra_${this.extraApps}`,
      name: spec.app_name ?? `Test app ${this.extraApps}`,
      workspaceId: ws.idCode,
      apiVersion: spec.api_version ?? this.appVersion ?? '2.11',
      scopes: new Set(spec.scopes ?? ALL_SCOPES),
      ownerAdminId: ws.admins[0]?.id ?? '0',
    };
    this.apps.set(app.id, app);
    const token: TokenRecord = { value: spec.token, appId: app.id, state: spec.state ?? 'valid' };
    this.tokens.set(token.value, token);
    return token;
  }

  setTokenState(value: string, state: TokenState): TokenRecord {
    const token = this.tokens.get(value);
    if (!token) throw new Error(`Unknown token (last 4: ${value.slice(-4)})`);
    token.state = state;
    return token;
  }

  removeToken(value: string): void {
    this.tokens.delete(value);
  }

  /** Finds a ticket by internal id in a given workspace, or in any workspace. */
  locateTicket(id: string, workspace?: string) {
    const spaces = workspace ? [this.workspace(workspace)] : [...this.workspaces.values()];
    for (const ws of spaces) {
      const ticket = findTicket(ws, id);
      if (ticket) return { ws, ticket };
    }
    return undefined;
  }
}
