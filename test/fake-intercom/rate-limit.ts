// Rate limiting in fixed 10-second windows, per app and per workspace, with test presets.

import type { RateLimitConfig } from './types.js';

export const WINDOW_SECONDS = 10;
const TINY_LIMIT = 3;

export interface RateDecision {
  allowed: boolean;
  headers: Record<string, string>;
}

export function defaultRateLimitConfig(): RateLimitConfig {
  return { perAppPerMinute: 10_000, perWorkspacePerMinute: 25_000, preset: 'none', burstN: 3, sendRetryAfter: false };
}

export class RateLimiter {
  private config: RateLimitConfig;
  private windowStart = -1;
  private appCounts = new Map<string, number>();
  private workspaceCounts = new Map<string, number>();
  private burstCount = 0;
  private burstDone = false;

  constructor(config: RateLimitConfig) {
    this.config = { ...config };
  }

  configure(patch: Partial<RateLimitConfig>): RateLimitConfig {
    this.config = { ...this.config, ...patch };
    this.burstCount = 0;
    this.burstDone = false;
    return { ...this.config };
  }

  current(): RateLimitConfig {
    return { ...this.config };
  }

  reset(config: RateLimitConfig): void {
    this.config = { ...config };
    this.windowStart = -1;
    this.appCounts.clear();
    this.workspaceCounts.clear();
    this.burstCount = 0;
    this.burstDone = false;
  }

  private limits(): { app: number; workspace: number } {
    const tinyPresets = ['tiny', 'reset_in_past', 'reset_far_future'];
    const app = tinyPresets.includes(this.config.preset)
      ? TINY_LIMIT
      : Math.ceil(this.config.perAppPerMinute / (60 / WINDOW_SECONDS));
    return { app, workspace: Math.ceil(this.config.perWorkspacePerMinute / (60 / WINDOW_SECONDS)) };
  }

  private roll(now: number): number {
    const start = Math.floor(now / WINDOW_SECONDS) * WINDOW_SECONDS;
    if (start !== this.windowStart) {
      this.windowStart = start;
      this.appCounts.clear();
      this.workspaceCounts.clear();
    }
    return start;
  }

  private headers(now: number, remaining: number, limited: boolean): Record<string, string> {
    let reset = this.windowStart + WINDOW_SECONDS;
    if (this.config.preset === 'reset_in_past') reset = now - 30;
    if (this.config.preset === 'reset_far_future') reset = now + 3600;
    const headers: Record<string, string> = {
      'X-RateLimit-Limit': String(this.limits().app),
      'X-RateLimit-Remaining': String(Math.max(0, remaining)),
      'X-RateLimit-Reset': String(reset),
    };
    if (limited && this.config.sendRetryAfter) headers['Retry-After'] = String(Math.max(0, reset - now));
    return headers;
  }

  /** Counts one request (refused ones count too) and says whether it may proceed. */
  take(appKey: string, workspaceKey: string, now: number): RateDecision {
    this.roll(now);
    const limits = this.limits();
    const appUsed = (this.appCounts.get(appKey) ?? 0) + 1;
    const wsUsed = (this.workspaceCounts.get(workspaceKey) ?? 0) + 1;
    this.appCounts.set(appKey, appUsed);
    this.workspaceCounts.set(workspaceKey, wsUsed);
    let allowed = appUsed <= limits.app && wsUsed <= limits.workspace;
    if (this.config.preset === 'burst_then_ok' && !this.burstDone) {
      this.burstCount += 1;
      if (this.burstCount === this.config.burstN) {
        this.burstDone = true;
        allowed = false;
      }
    }
    const remaining = allowed ? Math.min(limits.app - appUsed, limits.workspace - wsUsed) : 0;
    return { allowed, headers: this.headers(now, remaining, !allowed) };
  }

  /** Headers describing the budget without counting a request (for errors raised before counting). */
  peek(appKey: string, workspaceKey: string, now: number): Record<string, string> {
    this.roll(now);
    const limits = this.limits();
    const remaining = Math.min(
      limits.app - (this.appCounts.get(appKey) ?? 0),
      limits.workspace - (this.workspaceCounts.get(workspaceKey) ?? 0),
    );
    return this.headers(now, remaining, false);
  }
}
