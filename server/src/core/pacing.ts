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
 * Node, a message channel or setTimeout in a browser): the host hands it to createEngine
 * (EngineRuntime.pacing). Without one a turn is a resolved promise, which lets other promise work
 * run but no I/O (enough for the CLI and the tests, which wait on nothing else).
 */
export interface PacingHost {
  /** One turn of the host's event loop (Node: setImmediate). */
  turn(): Promise<void>;
  /** A monotonic clock in milliseconds (performance.now where the host has it). */
  now(): number;
}

/** The pacing where the host has none: a turn is a resolved promise. */
export const PROMISE_PACING: PacingHost = { turn: () => Promise.resolve(), now: () => Date.now() };

/**
 * Turns of the event loop per pause. A request that arrived during a long step needs several: the
 * stream delivers it, the JSON-RPC layer queues and dispatches it, the handler is deferred once
 * more (runSafe) and then answers. With fewer than about six turns a hover sent during the parse of
 * a 5 MB document was answered only after the schema check too; eight leave a margin (a turn costs
 * microseconds when nothing waits).
 */
const TURNS_PER_PAUSE = 8;

/**
 * The slices of one engine's analyses: each engine has its own (two engines in one process, such
 * as a language server and a test, pace independently). Nested analyses (an export's attributes)
 * share the slice of the analysis they are part of.
 */
export class Pacer {
  private resumedAt = 0;
  private depth = 0;

  constructor(private readonly host: PacingHost = PROMISE_PACING) {}

  /** Marks the start of an analysis. */
  beginWork(): void {
    if (this.depth++ === 0) this.resumedAt = this.host.now();
  }

  endWork(): void {
    if (this.depth > 0) this.depth--;
  }

  /** True when the current slice is used up. */
  sliceUsed(): boolean {
    return this.host.now() - this.resumedAt >= SLICE_MS;
  }

  /** Gives the event loop a few turns (waiting requests are answered, timers run), then starts a new slice. */
  async yieldToEventLoop(): Promise<void> {
    for (let i = 0; i < TURNS_PER_PAUSE; i++) await this.host.turn();
    this.resumedAt = this.host.now();
  }

  /**
   * A pause point: yields when the slice is used up, then reports whether the caller should stop
   * (the result is no longer needed).
   */
  async pausePoint(isCancelled: (() => boolean) | undefined): Promise<boolean> {
    if (this.sliceUsed()) await this.yieldToEventLoop();
    return isCancelled?.() ?? false;
  }
}
