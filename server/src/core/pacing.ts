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

/**
 * One turn of the host's event loop. The core cannot name the host's scheduler (setImmediate in
 * Node, a message channel or setTimeout in a browser), so the host sets it once at start-up
 * (setPacingHost); until then a turn is a resolved promise, which lets other promise work run
 * but no I/O (enough for the CLI and the tests, which wait on nothing else).
 */
export interface PacingHost {
  /** One turn of the host's event loop (Node: setImmediate). */
  turn(): Promise<void>;
  /** A monotonic clock in milliseconds (performance.now where the host has it). */
  now(): number;
}

let host: PacingHost = { turn: () => Promise.resolve(), now: () => Date.now() };

/** Sets how the analysis measures its slices and gives the event loop a turn (the LSP server passes Node's). */
export function setPacingHost(next: PacingHost): void {
  host = next;
}

/** One turn of the host's event loop (the LSP layer defers each request handler by one). */
export function nextTurn(): Promise<void> {
  return host.turn();
}

let resumedAt = 0;
let depth = 0;

/** Marks the start of an analysis (nested analyses, such as an export's attributes, share the slice). */
export function beginWork(): void {
  if (depth++ === 0) resumedAt = host.now();
}

export function endWork(): void {
  if (depth > 0) depth--;
}

/** True when the current slice is used up. */
export function sliceUsed(): boolean {
  return host.now() - resumedAt >= SLICE_MS;
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
  for (let i = 0; i < TURNS_PER_PAUSE; i++) await host.turn();
  resumedAt = host.now();
}

/**
 * A pause point: yields when the slice is used up, then reports whether the caller should stop
 * (the result is no longer needed).
 */
export async function pausePoint(isCancelled: (() => boolean) | undefined): Promise<boolean> {
  if (sliceUsed()) await yieldToEventLoop();
  return isCancelled?.() ?? false;
}
