/** Node's pacing for long analyses: a turn is setImmediate, the clock is performance.now. */
import type { PacingHost } from '../core/pacing';

export const nodePacingHost: PacingHost = {
  turn: () => new Promise<void>(resolve => setImmediate(resolve)),
  now: () => performance.now(),
};
