/**
 * Cooperative pacing of long analyses. The language server is single-threaded: while a large
 * document is analysed, hover, completion and other documents' checks wait. An analysis
 * therefore gives the event loop a turn whenever it has worked for a slice of time without
 * one, at the points where its steps meet (after parsing, after the schema check, between
 * rules). A step that is itself long (parsing several megabytes) still runs in one piece.
 */

/** Milliseconds of continuous work after which an analysis lets other work run. */
export const SLICE_MS = 20;

/** Documents at least this long let pending requests run before their parse starts. */
export const EARLY_YIELD_CHARS = 256 * 1024;

let resumedAt = 0;
let depth = 0;

/** Marks the start of an analysis (nested analyses, such as an export's attributes, share the slice). */
export function beginWork(): void {
  if (depth++ === 0) resumedAt = performance.now();
}

export function endWork(): void {
  if (depth > 0) depth--;
}

/** True when the current slice is used up. */
export function sliceUsed(): boolean {
  return performance.now() - resumedAt >= SLICE_MS;
}

/**
 * Turns of the event loop per pause. A request that arrived during a long step needs several: the
 * stream delivers it, the JSON-RPC layer queues and dispatches it, the handler is deferred once
 * more (runSafe) and then answers. With fewer than about six turns a hover sent during the parse of
 * a 5 MB document was answered only after the schema check too; eight leave a margin (a turn costs
 * microseconds when nothing waits).
 */
const TURNS_PER_PAUSE = 8;

/** Gives the event loop a few turns (waiting requests are answered, timers run), then starts a new slice. */
export async function yieldToEventLoop(): Promise<void> {
  for (let turn = 0; turn < TURNS_PER_PAUSE; turn++) await new Promise<void>(resolve => setImmediate(resolve));
  resumedAt = performance.now();
}

/**
 * A pause point: yields when the slice is used up, then reports whether the caller should stop
 * (the result is no longer needed).
 */
export async function pausePoint(isCancelled: (() => boolean) | undefined): Promise<boolean> {
  if (sliceUsed()) await yieldToEventLoop();
  return isCancelled?.() ?? false;
}
