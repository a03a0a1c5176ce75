// Real or manual clock. The manual clock only moves when a test tells it to, so rate-limit
// windows, search-index delays, job delays and scheduled ticket transitions need no real sleeps.

export interface Clock {
  readonly mode: 'real' | 'manual';
  /** Milliseconds since the epoch. */
  nowMs(): number;
  /** Whole Unix seconds. */
  now(): number;
  /** Manual clock only: jump to a Unix time in seconds. */
  set(unixSeconds: number): void;
  /** Manual clock only: move forward. */
  advance(seconds: number): void;
}

export function createClock(mode: 'real' | 'manual', startSeconds: number): Clock {
  let manualMs = startSeconds * 1000;
  return {
    mode,
    nowMs: () => (mode === 'manual' ? manualMs : Date.now()),
    now() {
      return Math.floor(this.nowMs() / 1000);
    },
    set(unixSeconds: number) {
      if (mode !== 'manual') throw new Error('The clock is real; start the fake with clock: "manual" to set it.');
      manualMs = Math.round(unixSeconds * 1000);
    },
    advance(seconds: number) {
      if (mode !== 'manual') throw new Error('The clock is real; start the fake with clock: "manual" to advance it.');
      manualMs += Math.round(seconds * 1000);
    },
  };
}
