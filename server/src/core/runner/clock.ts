/**
 * Time for the engine: the wall clock, sleeping (cancellable) and timers. Injected so that
 * tests can follow a fake server's manual clock instead of waiting for real.
 */
import { HttpProblemError } from './problems';

export interface EngineClock {
  /** Milliseconds since the epoch. */
  now(): number;
  /** Resolves after `ms`; rejects with a `cancelled` HttpProblemError when the signal aborts. */
  sleep(ms: number, signal?: AbortSignal): Promise<void>;
  /** Runs `fn` after `ms`; returns a function that cancels it. */
  timer(fn: () => void, ms: number): () => void;
}

export function cancelledError(): HttpProblemError {
  return new HttpProblemError({ kind: 'cancelled', message: 'Stopped: the call was cancelled.' });
}

export const realClock: EngineClock = {
  now: () => Date.now(),
  sleep(ms, signal) {
    return new Promise<void>((resolve, reject) => {
      if (signal?.aborted) { reject(cancelledError()); return; }
      const onAbort = () => { clearTimeout(handle); reject(cancelledError()); };
      const handle = setTimeout(() => { signal?.removeEventListener('abort', onAbort); resolve(); }, Math.max(0, ms));
      signal?.addEventListener('abort', onAbort, { once: true });
    });
  },
  timer(fn, ms) {
    const handle = setTimeout(fn, ms);
    return () => clearTimeout(handle);
  },
};
