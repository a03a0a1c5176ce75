/**
 * The browser's pacing for long analyses: a turn is a MessageChannel message (a macrotask that,
 * unlike setTimeout, is not clamped to 4 ms), the clock is performance.now.
 */
import type { PacingHost } from '../core/pacing';

export function browserPacingHost(): PacingHost {
  const channel = new MessageChannel();
  const waiting: (() => void)[] = [];
  channel.port1.onmessage = () => waiting.shift()?.();
  return {
    turn: () => new Promise<void>(resolve => { waiting.push(resolve); channel.port2.postMessage(0); }),
    now: () => performance.now(),
  };
}
